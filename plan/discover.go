package plan

import (
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
)

// FindRoot returns the repository root for a path: the nearest directory at or above it that
// holds a .git entry or a .okr.yaml file. When there is none, the directory itself (or the
// file's directory) is the root.
func FindRoot(p string) (string, error) {
	abs, err := filepath.Abs(p)
	if err != nil {
		return "", err
	}
	info, err := os.Stat(abs)
	if err != nil {
		return "", err
	}
	start := abs
	if !info.IsDir() {
		start = filepath.Dir(abs)
	}
	for dir := start; ; {
		if isRoot(dir) {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return start, nil
		}
		dir = parent
	}
}

// isRoot reports whether dir is the root of a plan repository of its own (it has .okr.yaml or
// .git). Walking does not descend into nested repositories, as git does not with submodules.
func isRoot(dir string) bool {
	for _, marker := range []string{".okr.yaml", ".git"} {
		if _, err := os.Lstat(filepath.Join(dir, marker)); err == nil {
			return true
		}
	}
	return false
}

// SkipDir reports whether discovery skips a directory by its name: hidden directories, vendor/
// and node_modules/.
func SkipDir(name string) bool {
	return (strings.HasPrefix(name, ".") && name != "." && name != "..") || name == "vendor" || name == "node_modules"
}

// IsYAMLFile reports whether a file name has a YAML extension. .okr.yaml, the configuration, is
// not a plan.
func IsYAMLFile(name string) bool {
	base := path.Base(filepath.ToSlash(name))
	if base == ".okr.yaml" {
		return false
	}
	ext := strings.ToLower(path.Ext(base))
	return ext == ".yaml" || ext == ".yml"
}

// MatchAny reports whether rel matches one of the globs, or globs is empty.
func MatchAny(globs []string, rel string) bool {
	if len(globs) == 0 {
		return true
	}
	for _, g := range globs {
		if MatchGlob(g, rel) {
			return true
		}
	}
	return false
}

// MatchGlob matches a slash-separated path against a pattern in which "**" stands for any number
// of directories and the other elements follow path.Match. A pattern naming a directory matches
// everything below it ("plans" matches "plans/2026-Q3/sales.yaml").
func MatchGlob(pattern, name string) bool {
	pattern = strings.TrimSuffix(strings.TrimPrefix(filepath.ToSlash(pattern), "./"), "/")
	return matchParts(strings.Split(pattern, "/"), strings.Split(name, "/"))
}

// matchParts runs the pattern over the name's elements once, keeping the set of name positions
// the pattern read so far can end at. Each pattern element costs one pass over the name, so
// twenty "**" elements against a path 23 directories deep cost 20×24 steps, not 24^20.
func matchParts(pat, name []string) bool {
	at := make([]bool, len(name)+1) // at[j]: the pattern so far matches name[:j]
	next := make([]bool, len(name)+1)
	at[0] = true
	for _, p := range pat {
		clear(next)
		found := false
		if p == "**" {
			// Any number of directories: every position at or after the first one reached.
			for j, ok := range at {
				if ok || (j > 0 && next[j-1]) {
					next[j], found = true, true
				}
			}
		} else {
			for j := range name {
				if !at[j] {
					continue
				}
				if ok, err := path.Match(p, name[j]); err == nil && ok {
					next[j+1], found = true, true
				}
			}
		}
		if !found {
			return false
		}
		at, next = next, at
	}
	return true // the pattern named a directory above the file, or the file itself
}

// ValidGlob reports whether a glob is well-formed.
func ValidGlob(pattern string) error {
	for _, part := range strings.Split(filepath.ToSlash(pattern), "/") {
		if part == "**" {
			continue
		}
		if _, err := path.Match(part, ""); err != nil {
			return fmt.Errorf("glob %q is malformed: %w", pattern, err)
		}
	}
	return nil
}

// walk lists the candidate plan files under dir (a slash path relative to the root of fsys,
// "." for all), as root-relative paths. The same walk reads the work tree (os.DirFS) and a git
// tree at a revision, so both follow one set of rules: hidden directories, vendor/ and
// node_modules/ are skipped, nested repositories (with their own .okr.yaml or .git) are not
// entered, a symbolic link to a file is read like the file, links to directories are not
// followed (so a link cycle cannot trap the walk), and globs limit the paths.
func walk(fsys fs.FS, dir string, globs []string) ([]string, error) {
	var files []string
	err := fs.WalkDir(fsys, dir, func(p string, e fs.DirEntry, err error) error {
		if err != nil {
			if p == dir {
				return err
			}
			return nil // an unreadable subdirectory is skipped, like the tools users know
		}
		if e.IsDir() {
			if p != dir && (SkipDir(e.Name()) || isRootFS(fsys, p)) {
				return fs.SkipDir
			}
			return nil
		}
		// Directories were filtered above, so a hidden directory the user named is still read.
		if !IsYAMLFile(p) || !MatchAny(globs, p) {
			return nil
		}
		if !e.Type().IsRegular() {
			if e.Type()&fs.ModeSymlink == 0 {
				return nil
			}
			if info, err := fs.Stat(fsys, p); err != nil || !info.Mode().IsRegular() {
				return nil
			}
		}
		files = append(files, p)
		return nil
	})
	return files, err
}

// isRootFS is isRoot for a directory of fsys.
func isRootFS(fsys fs.FS, dir string) bool {
	for _, marker := range []string{".okr.yaml", ".git"} {
		if _, err := fs.Lstat(fsys, path.Join(dir, marker)); err == nil {
			return true
		}
	}
	return false
}

// relInside returns p relative to root with forward slashes, or an error when p is outside.
func relInside(root, p string) (string, error) {
	rel, err := filepath.Rel(root, p)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return "", fmt.Errorf("%s is outside the plan repository %s; run okr from inside that repository", p, root)
	}
	return filepath.ToSlash(rel), nil
}

// Walk lists the candidate plan files under dir of fsys by the rules Load follows (see walk),
// for tools that read plans without loading the whole repository, such as okr checkin.
func Walk(fsys fs.FS, dir string, globs []string) ([]string, error) { return walk(fsys, dir, globs) }
