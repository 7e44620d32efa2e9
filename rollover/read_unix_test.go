//go:build unix

package rollover

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/okr-tool/okr/plan"
)

// TestNextDoesNotBlockOnAPipe swaps a loaded plan for a named pipe before okr next reads its
// first line for the $schema reference: the read must not wait for a writer that never comes.
func TestNextDoesNotBlockOnAPipe(t *testing.T) {
	root := examplesWithout(t, "2026-Q4", "2027", "2027-Q1")
	repo := load(t, root)
	var from string
	for _, p := range repo.Plans {
		if p.Period.Set && p.Period.Value.String() == "2026-Q3" && p.Scope.Set && p.Scope.Value == "company" {
			from = filepath.Join(root, filepath.FromSlash(p.File))
		}
	}
	if from == "" {
		t.Fatal("no company plan for 2026-Q3 in the examples")
	}
	if err := os.Remove(from); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Mkfifo(from, 0o644); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	done := make(chan *Result, 1)
	go func() {
		res, err := Next(repo, Options{From: period(t, "2026-Q3"), AsOf: date("2026-10-02")})
		if err != nil {
			t.Error(err)
		}
		done <- res
	}()
	select {
	case res := <-done:
		for _, f := range res.Files {
			if f.Scope == "company" && !strings.HasPrefix(string(f.Data), plan.SchemaComment("")) {
				t.Errorf("the draft of the company plan starts %q, want a $schema line", strings.SplitN(string(f.Data), "\n", 2)[0])
			}
		}
	case <-time.After(10 * time.Second):
		t.Fatal("okr next blocks on a plan swapped for a named pipe")
	}
}
