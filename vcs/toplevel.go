package vcs

import (
	"os"
	"path/filepath"
)

// TopLevel is the top of the git work tree that holds dir — the nearest directory at or above
// it with a .git entry (a directory, or the file of a linked work tree or submodule) — or ""
// outside git. It looks at the file system only, so callers can tell "not in git" without
// starting a git process.
func TopLevel(dir string) string {
	for d := dir; ; {
		if _, err := os.Lstat(filepath.Join(d, ".git")); err == nil {
			return d
		}
		parent := filepath.Dir(d)
		if parent == d {
			return ""
		}
		d = parent
	}
}
