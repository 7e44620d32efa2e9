package vcs

import (
	"os"
	"path/filepath"
	"testing"
)

func TestTopLevel(t *testing.T) {
	root := t.TempDir()
	repo := filepath.Join(root, "repo")
	deep := filepath.Join(repo, "okrs", "plans")
	if err := os.MkdirAll(filepath.Join(repo, ".git"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(deep, 0o755); err != nil {
		t.Fatal(err)
	}
	// A linked work tree or submodule has a .git file.
	sub := filepath.Join(repo, "vendor", "sub")
	if err := os.MkdirAll(sub, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(sub, ".git"), []byte("gitdir: ../../.git/modules/sub\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for dir, want := range map[string]string{repo: repo, deep: repo, sub: sub, root: ""} {
		if got := TopLevel(dir); got != want && !(want == "" && got != "" && !isUnder(got, root)) {
			t.Errorf("TopLevel(%s) = %q, want %q", dir, got, want)
		}
	}
}

// isUnder reports whether p is dir or below it: a temporary directory may itself sit inside a
// git work tree, which TopLevel then rightly finds above root.
func isUnder(p, dir string) bool {
	rel, err := filepath.Rel(dir, p)
	return err == nil && rel != ".." && (len(rel) < 3 || rel[:3] != "../")
}
