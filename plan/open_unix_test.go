//go:build unix

package plan

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// finishes runs f and fails the test when it does not return in time: the bug these tests guard
// against is a read that blocks forever.
func finishes(t *testing.T, d time.Duration, f func()) {
	t.Helper()
	done := make(chan struct{})
	go func() {
		defer close(done)
		f()
	}()
	select {
	case <-done:
	case <-time.After(d):
		t.Fatalf("still blocked after %v", d)
	}
}

// A plan file swapped for a named pipe between the walk and the read must not block the run:
// the file is opened without blocking and its type checked on the open file.
func TestLoadFileSwappedForPipe(t *testing.T) {
	dir := writeTree(t, map[string]string{
		".okr.yaml":          "",
		"plans/company.yaml": "period: 2026-Q3\nscope: company\n",
		"plans/swap.yaml":    "period: 2026-Q3\nscope: swap\n",
	})
	d, err := discover(LoadOptions{Root: dir})
	if err != nil {
		t.Fatal(err)
	}
	if len(d.sources) != 2 {
		t.Fatalf("found %d files, want 2", len(d.sources))
	}
	swap := filepath.Join(dir, "plans/swap.yaml")
	if err := os.Remove(swap); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Mkfifo(swap, 0o644); err != nil {
		t.Skipf("cannot make a named pipe here: %v", err)
	}
	var repo *Repository
	finishes(t, 5*time.Second, func() { repo = loadSources(d.root, d.sources, 2, d.extra) })
	if len(repo.Plans) != 1 || len(repo.Diagnostics) != 1 {
		t.Fatalf("%d plans, diagnostics %v; want the company plan and one finding", len(repo.Plans), repo.Diagnostics)
	}
	if got := repo.Diagnostics[0].String(); !strings.HasPrefix(got, "plans/swap.yaml:1:1: cannot read the file: not a regular file") {
		t.Errorf("finding = %s", got)
	}
}

// /proc/kmsg looks like a regular file but blocks on read until the kernel logs something.
func TestOpenRegularDoesNotWaitOnKmsg(t *testing.T) {
	if _, err := os.Stat("/proc/kmsg"); err != nil {
		t.Skip("no /proc/kmsg here")
	}
	finishes(t, 5*time.Second, func() {
		r, size, err := openRegular("/proc/kmsg")
		if err != nil {
			return // not allowed to open it: nothing can block
		}
		defer r.Close()
		// Drain what is there; the read that would wait must fail instead.
		for range 100_000 {
			if _, err = readAtMost(r, size, MaxFileSize+1); err != nil {
				return
			}
		}
	})
}

// A link to /proc/kmsg committed in the repository leads out of it: it is reported, never read.
func TestLoadLinkToKmsg(t *testing.T) {
	dir := writeTree(t, map[string]string{".okr.yaml": "", "plans/company.yaml": "period: 2026-Q3\nscope: company\n"})
	if err := os.Symlink("/proc/kmsg", filepath.Join(dir, "plans/kmsg.yaml")); err != nil {
		t.Fatal(err)
	}
	var repo *Repository
	finishes(t, 5*time.Second, func() {
		var err error
		if repo, _, err = Load(LoadOptions{Root: dir}); err != nil {
			t.Error(err)
		}
	})
	if len(repo.Diagnostics) != 1 || !strings.Contains(repo.Diagnostics[0].Message, `symbolic link to "/proc/kmsg", outside the repository`) {
		t.Errorf("diagnostics = %v", repo.Diagnostics)
	}
}

func TestReadFile(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "pipe.yaml")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skipf("cannot make a named pipe here: %v", err)
	}
	finishes(t, 5*time.Second, func() {
		if _, err := ReadFile(fifo); err == nil || !strings.Contains(err.Error(), "not a regular file") {
			t.Errorf("ReadFile of a named pipe: %v", err)
		}
	})
	big := filepath.Join(dir, "big.yaml")
	if err := os.WriteFile(big, make([]byte, MaxFileSize+100), 0o644); err != nil {
		t.Fatal(err)
	}
	if data, err := ReadFile(big); err != nil || len(data) != MaxFileSize+1 {
		t.Errorf("ReadFile of a big file: %d bytes, %v; want MaxFileSize+1", len(data), err)
	}
	if _, err := ReadFile("/dev/zero"); err == nil {
		t.Error("ReadFile of /dev/zero did not fail")
	}
}

// DirFS reads and walks like Load: fs.ReadFile refuses a named pipe at once, and Walk leaves out
// a link out of the repository but keeps one, even absolute, into it.
func TestDirFS(t *testing.T) {
	dir := writeTree(t, map[string]string{".okr.yaml": "", "plans/company.yaml": "period: 2026-Q3\nscope: company\n"})
	if err := syscall.Mkfifo(filepath.Join(dir, "plans/pipe.yaml"), 0o644); err != nil {
		t.Skipf("cannot make a named pipe here: %v", err)
	}
	for link, target := range map[string]string{"plans/in.yaml": filepath.Join(dir, "plans/company.yaml"), "plans/out.yaml": "/etc/hostname"} {
		if err := os.Symlink(target, filepath.Join(dir, link)); err != nil {
			t.Fatal(err)
		}
	}
	fsys := DirFS(dir)
	finishes(t, 5*time.Second, func() {
		if _, err := fs.ReadFile(fsys, "plans/pipe.yaml"); err == nil || !strings.Contains(err.Error(), "not a regular file") {
			t.Errorf("fs.ReadFile of a named pipe: %v", err)
		}
	})
	files, err := Walk(fsys, ".", nil)
	if err != nil || fmt.Sprint(files) != "[plans/company.yaml plans/in.yaml]" {
		t.Errorf("Walk = %v, %v", files, err)
	}
}
