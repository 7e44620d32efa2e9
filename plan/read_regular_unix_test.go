//go:build unix

package plan

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestReadRegularRefusesSpecialFiles checks the helper plan files and the configuration share:
// a named pipe no one writes to is refused at once with what it is, as are a directory and a
// device, and a regular file is read up to one byte past the caller's limit.
func TestReadRegularRefusesSpecialFiles(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "fifo.yaml")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	for name, want := range map[string]fs.FileMode{fifo: fs.ModeNamedPipe, dir: fs.ModeDir, "/dev/null": fs.ModeDevice | fs.ModeCharDevice} {
		finishes(t, 5*time.Second, func() {
			_, err := ReadRegular(name, 10)
			notRegular, ok := errors.AsType[*NotRegularError](err)
			if !ok || notRegular.Mode != want || !errors.Is(err, errNotRegular) {
				t.Errorf("%s: %v, want a NotRegularError of mode %v", name, err, want)
			}
		})
	}
	file := filepath.Join(dir, "plan.yaml")
	if err := os.WriteFile(file, []byte(strings.Repeat("x", 100)), 0o644); err != nil {
		t.Fatal(err)
	}
	if data, err := ReadRegular(file, 10); err != nil || len(data) != 11 {
		t.Errorf("ReadRegular(limit 10) = %d bytes, %v; want 11", len(data), err)
	}
	if data, err := ReadRegular(file, 1000); err != nil || len(data) != 100 {
		t.Errorf("ReadRegular(limit 1000) = %d bytes, %v; want 100", len(data), err)
	}
}
