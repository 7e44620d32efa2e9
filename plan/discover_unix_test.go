//go:build unix

package plan

import (
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
