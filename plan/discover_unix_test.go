//go:build unix

package plan

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// TestLoadNamedPipe: reading a named pipe would block forever, so a named one is refused and one
// found by walking is skipped.
func TestLoadNamedPipe(t *testing.T) {
	dir := writeTree(t, map[string]string{".okr.yaml": "", "plans/company.yaml": "period: 2026-Q3\nscope: company\n"})
	fifo := filepath.Join(dir, "plans/pipe.yaml")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skipf("cannot make a named pipe here: %v", err)
	}
	if _, _, err := Load(LoadOptions{Root: dir, Args: []string{fifo}}); err == nil || !strings.Contains(err.Error(), "not a regular file") {
		t.Errorf("a named pipe was not refused: %v", err)
	}
	repo, _, err := Load(LoadOptions{Root: dir})
	if err != nil || len(repo.Plans) != 1 {
		t.Errorf("a pipe found by walking must be skipped: %v, %d plans", err, len(repo.Plans))
	}
}

// The same in the work tree, where the operating system refuses the listing.
func TestLoadUnreadableDirectoryOnDisk(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root reads every directory; TestLoadUnreadableDirectory covers the code path")
	}
	dir := writeTree(t, map[string]string{".okr.yaml": "", "plans/secret/company.yaml": "period: 2026-Q3\nscope: company\n"})
	secret := filepath.Join(dir, "plans/secret")
	if err := os.Chmod(secret, 0); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.Chmod(secret, 0o755) })
	repo, _, err := Load(LoadOptions{Root: dir})
	if err != nil {
		t.Fatal(err)
	}
	if len(repo.Diagnostics) != 1 || repo.Diagnostics[0].File != "plans/secret" ||
		!strings.HasPrefix(repo.Diagnostics[0].Message, "cannot read the directory (permission denied)") {
		t.Errorf("diagnostics = %v", repo.Diagnostics)
	}
}
