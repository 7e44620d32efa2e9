//go:build unix

package config

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestReadFileSpecial checks that what is not a regular file is refused at once, without being
// read: a named pipe no one writes to (which would block), and a link to /dev/zero (which
// never ends).
func TestReadFileSpecial(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "fifo.yaml")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	zero := filepath.Join(dir, "zero.yaml")
	if err := os.Symlink("/dev/zero", zero); err != nil {
		t.Fatal(err)
	}
	for path, want := range map[string]string{fifo: "it is a named pipe", zero: "it is a device"} {
		done := make(chan error, 1)
		go func() { _, err := ReadFile(path); done <- err }()
		select {
		case err := <-done:
			if err == nil || !strings.Contains(err.Error(), want) {
				t.Errorf("%s: %v, want %q", filepath.Base(path), err, want)
			}
		case <-time.After(10 * time.Second):
			t.Fatalf("%s: ReadFile blocks", filepath.Base(path))
		}
	}
}

// TestReadOpenedChecksType opens a named pipe the way ReadFile does after its check, as if the
// file had been swapped for a pipe in between: the open does not block, and the opened file is
// refused by its type.
func TestReadOpenedChecksType(t *testing.T) {
	fifo := filepath.Join(t.TempDir(), "fifo.yaml")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	done := make(chan error, 1)
	go func() { _, err := readOpened(fifo); done <- err }()
	select {
	case err := <-done:
		if err == nil || !strings.Contains(err.Error(), "it is a named pipe") {
			t.Errorf("got %v, want a named pipe refused", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("opening a named pipe blocks")
	}
}
