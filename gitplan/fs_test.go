package gitplan_test

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/okr-tool/okr/gitplan"
	"github.com/okr-tool/okr/plan"
	"github.com/okr-tool/okr/vcs/vcstest"
)

// discoveryTree commits a plan repository with every case discovery has a rule for.
func discoveryTree(t *testing.T, dangling bool) *vcstest.Repo {
	g := vcstest.New(t)
	g.Write(".okr.yaml", "# root\n")
	g.Write("plans/2026-Q3/sales.yaml", sales("2026-Q3", "72"))
	g.Write("plans/2026-Q3/notes.yml", "title: not a plan\n")
	g.Write("plans/2026-Q4/sales.YML", sales("2026-Q4", ""))
	g.Write("other/2026-Q3.yaml", "period: 2026-Q3\nscope: other\n")
	g.Write(".hidden/x.yaml", "period: 2026-Q3\nscope: hidden\n")
	g.Write("plans/vendor/x.yaml", "period: 2026-Q3\nscope: vendored\n")
	g.Write("node_modules/x.yaml", "period: 2026-Q3\nscope: module\n")
	g.Write("nested/.okr.yaml", "# a plan repository of its own\n")
	g.Write("nested/plan.yaml", "period: 2026-Q3\nscope: nested\n")
	g.Write("deep/a/b/c.yaml", "period: 2026-Q3\nscope: deep\n")
	for link, target := range map[string]string{
		"plans/link.yaml":     "2026-Q3/sales.yaml",
		"plans/dangling.yaml": "missing.yaml",
		"plans/dir.yaml":      "2026-Q3",
		"plans/out.yaml":      "../../outside.yaml",
		"plans/abs.yaml":      outside(t),
		"plans/absin.yaml":    g.Path("plans/2026-Q3/sales.yaml"), // absolute, inside
	} {
		if !dangling && link != "plans/link.yaml" {
			continue
		}
		if err := os.Symlink(target, g.Path(link)); err != nil {
			t.Fatal(err)
		}
	}
	g.Commit("2026-07-01T10:00:00Z", "plans")
	return g
}

// outside writes a plan outside the repository and returns its absolute path.
func outside(t *testing.T) string {
	name := filepath.Join(t.TempDir(), "outside.yaml")
	if err := os.WriteFile(name, []byte("period: 2026-Q3\nscope: outside\nsecret: hunter2\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	return name
}

// The work tree and a commit of it are read by one walk with one set of rules, so they find the
// same plans, with and without paths: globs and named paths.
func TestLoadAtRevisionDiscoversLikeTheWorkTree(t *testing.T) {
	g := discoveryTree(t, true)
	r := open(t, g.Dir)
	for _, tt := range []struct {
		globs, args []string
	}{
		{},
		{globs: []string{"plans/**"}},
		{globs: []string{"**/*.yaml"}},
		{args: []string{"plans/2026-Q3"}},
		{args: []string{".hidden", "deep/a/b/c.yaml"}},
		{args: []string{"plans/out.yaml", "plans/abs.yaml", "plans/link.yaml"}},
	} {
		var abs []string
		for _, a := range tt.args {
			abs = append(abs, g.Path(a))
		}
		work, wsel, err := plan.Load(plan.LoadOptions{Root: g.Dir, Args: abs, Globs: tt.globs})
		if err != nil {
			t.Fatal(err)
		}
		head, hsel, err := r.Load(context.Background(), "HEAD", gitplan.LoadOptions{Args: abs, Globs: tt.globs})
		if err != nil {
			t.Fatal(err)
		}
		if w, h := fmt.Sprint(work.Files, wsel), fmt.Sprint(head.Files, hsel); w != h || len(work.Files) == 0 {
			t.Errorf("globs %v, args %v: work tree found %s, HEAD %s", tt.globs, tt.args, w, h)
		}
		// Links out of the repository are reported alike, and never read.
		if w, h := fmt.Sprint(work.Diagnostics), fmt.Sprint(head.Diagnostics); w != h || strings.Contains(w, "hunter2") {
			t.Errorf("globs %v, args %v: work tree reports\n%s\nHEAD\n%s", tt.globs, tt.args, w, h)
		}
		if tt.globs == nil && tt.args == nil {
			for _, link := range []string{"plans/abs.yaml", "plans/out.yaml"} {
				if !strings.Contains(fmt.Sprint(head.Diagnostics), link+":1:1: the file is a symbolic link to ") {
					t.Errorf("no finding at %s: %v", link, head.Diagnostics)
				}
			}
		}
	}
}

func TestFSIsAFileSystem(t *testing.T) {
	g := discoveryTree(t, false)
	r := open(t, g.Dir)
	fsys, err := r.FS(context.Background(), "HEAD")
	if err != nil {
		t.Fatal(err)
	}
	// TestFS checks listing, opening, reading and stat against each other.
	if err := fstest.TestFS(fsys, "plans/2026-Q3/sales.yaml", "plans/link.yaml", "nested/.okr.yaml", "deep/a/b/c.yaml"); err != nil {
		t.Error(err)
	}
	data, err := fs.ReadFile(fsys, "plans/link.yaml")
	if want := sales("2026-Q3", "72"); err != nil || string(data) != want {
		t.Errorf("the link reads %q, %v; want the file it points to", data, err)
	}
}

func TestFSLinks(t *testing.T) {
	g := discoveryTree(t, true)
	fsys, err := open(t, g.Dir).FS(context.Background(), "HEAD")
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"plans/dangling.yaml", "plans/out.yaml"} {
		if _, err := fs.Stat(fsys, name); !errors.Is(err, fs.ErrNotExist) {
			t.Errorf("Stat(%s) = %v, want a dangling link", name, err)
		}
		if info, err := fs.Lstat(fsys, name); err != nil || info.Mode()&fs.ModeSymlink == 0 {
			t.Errorf("Lstat(%s) = %v, %v, want the link itself", name, info, err)
		}
	}
	if info, err := fs.Stat(fsys, "plans/dir.yaml"); err != nil || !info.IsDir() {
		t.Errorf("Stat of a link to a directory = %v, %v", info, err)
	}
	if target, err := fs.ReadLink(fsys, "plans/out.yaml"); err != nil || target != "../../outside.yaml" {
		t.Errorf("ReadLink = %q, %v", target, err)
	}
}
