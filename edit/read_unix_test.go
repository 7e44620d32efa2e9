//go:build unix

package edit

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/okr-tool/okr/plan"
)

// finishes runs f and fails the test when it has not returned after d: the bug these tests
// guard against is a read that waits forever for a pipe's writer.
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

func TestReadFileRefusesAPipe(t *testing.T) {
	fifo := filepath.Join(t.TempDir(), "plan.yaml")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	finishes(t, 10*time.Second, func() {
		if _, _, err := ReadFile(fifo); err == nil || !strings.Contains(err.Error(), "not a regular file") {
			t.Errorf("ReadFile(fifo) = %v, want not a regular file", err)
		}
	})
}

func TestReadFileRefusesTooLarge(t *testing.T) {
	path := filepath.Join(t.TempDir(), "plan.yaml")
	if err := os.WriteFile(path, make([]byte, plan.MaxFileSize+1), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, _, err := ReadFile(path); err == nil || !strings.Contains(err.Error(), "larger than 4 MiB") {
		t.Errorf("ReadFile of a file over the cap = %v", err)
	}
	if err := os.Truncate(path, plan.MaxFileSize); err != nil {
		t.Fatal(err)
	}
	if data, _, err := ReadFile(path); err != nil || len(data) != plan.MaxFileSize {
		t.Errorf("ReadFile at the cap = %d bytes, %v", len(data), err)
	}
}

// TestUnchangedDoesNotBlockOnAPipe swaps a file that was read for a named pipe before the write
// checks it: the check must not wait for a writer, and the file counts as changed.
func TestUnchangedDoesNotBlockOnAPipe(t *testing.T) {
	path := filepath.Join(t.TempDir(), "plan.yaml")
	if err := os.WriteFile(path, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	_, stamp, err := ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	stamp.ModTime = stamp.ModTime.Add(-time.Hour) // as if the pipe were made later
	if err := os.Remove(path); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Mkfifo(path, 0o644); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	finishes(t, 10*time.Second, func() {
		if err := WriteFile(path, []byte("x"), Unchanged(stamp)); !errors.Is(err, ErrChanged) {
			t.Errorf("WriteFile over a pipe swapped in = %v, want ErrChanged", err)
		}
	})
}
