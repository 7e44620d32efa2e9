package gitplan

import (
	"context"
	"fmt"
	"io/fs"
	"strings"
	"testing"

	"github.com/okr-tool/okr/vcs/vcstest"
)

// The contents Load reads from a git tree are read in batches as the workers reach them and let
// go once opened, so a repository of large files is never held in memory at once.
func TestFSReadsAheadInBatches(t *testing.T) {
	g := vcstest.New(t)
	g.Write(".okr.yaml", "")
	var names []string
	for i := range 10 {
		name := fmt.Sprintf("plans/p%d.yaml", i)
		g.Write(name, fmt.Sprintf("period: 2026-Q3\nscope: s%d\n# %s\n", i, strings.Repeat("x", 60)))
		names = append(names, name)
	}
	g.Commit("2026-07-01T10:00:00Z", "plans")
	r, err := Open(context.Background(), g.Dir)
	if err != nil {
		t.Fatal(err)
	}
	fsys, err := r.FS(context.Background(), "HEAD")
	if err != nil {
		t.Fatal(err)
	}
	tree := fsys.(*treeFS)
	tree.aheadBytes = 250 // two files of 89 bytes
	if err := tree.Prefetch(names); err != nil {
		t.Fatal(err)
	}
	held := func() int {
		tree.mu.Lock()
		defer tree.mu.Unlock()
		return len(tree.blobs)
	}
	if n := held(); n != 2 {
		t.Errorf("%d contents read before any was opened, want the first batch of 2", n)
	}
	most := 0
	for i, name := range names {
		data, err := fs.ReadFile(fsys, name)
		if err != nil || !strings.Contains(string(data), fmt.Sprintf("scope: s%d\n", i)) {
			t.Fatalf("%s: %q, %v", name, data, err)
		}
		most = max(most, held())
	}
	if most != 1 || held() != 0 {
		t.Errorf("after opening, held up to %d contents besides the one opened, %d at the end; want 1 and 0", most, held())
	}
	// Opened again, a file is read anew.
	if data, err := fs.ReadFile(fsys, names[0]); err != nil || !strings.Contains(string(data), "scope: s0") {
		t.Errorf("reading %s again: %q, %v", names[0], data, err)
	}
}
