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
	return compileGlobs(globs).match(rel)
}

// MatchGlob matches a slash-separated path against a pattern in which "**" stands for any number
// of directories and the other elements follow path.Match. A pattern naming a directory matches
// everything below it ("plans" matches "plans/2026-Q3/sales.yaml").
func MatchGlob(pattern, name string) bool {
	return matchParts(globParts(pattern), strings.Split(name, "/"))
}

// globParts splits a pattern into its elements, once: a leading "./" and a trailing "/" are
// dropped and a run of "**" elements is one "**" (they match the same paths).
func globParts(pattern string) []string {
	pattern = strings.TrimSuffix(strings.TrimPrefix(filepath.ToSlash(pattern), "./"), "/")
	parts := strings.Split(pattern, "/")
	out := parts[:0]
	for _, p := range parts {
		if p == "**" && len(out) > 0 && out[len(out)-1] == "**" {
			continue
		}
		out = append(out, p)
	}
	return out
}

// globSet is the paths: globs compiled once for a walk: each split into its elements, runs of
// "**" collapsed and duplicates dropped. Matching a path against it allocates nothing once its
// scratch space has grown to the path's depth, so a walk costs the files times the globs' elements,
// without a split or an allocation per file and glob. A globSet is not safe for concurrent use.
type globSet struct {
	pats [][]string // nil: no globs, everything matches
	// scratch, reused from one match to the next
	names    []string
	at, next []bool
}

// compileGlobs compiles globs for matching; no globs match everything.
func compileGlobs(globs []string) *globSet {
	s := &globSet{}
	if len(globs) == 0 {
		return s
	}
	seen := make(map[string]bool, len(globs))
	s.pats = make([][]string, 0, len(globs))
	for _, g := range globs {
		parts := globParts(g)
		key := strings.Join(parts, "/")
		if seen[key] {
			continue
		}
		seen[key] = true
		s.pats = append(s.pats, parts)
	}
	return s
}

// split splits name at its slashes into the reused scratch slice.
func (s *globSet) split(name string) []string {
	s.names = s.names[:0]
	for {
		i := strings.IndexByte(name, '/')
		if i < 0 {
			s.names = append(s.names, name)
			return s.names
		}
		s.names = append(s.names, name[:i])
		name = name[i+1:]
	}
}

// match reports whether rel matches one of the globs, or there are none.
func (s *globSet) match(rel string) bool {
	if s.pats == nil {
		return true
	}
	names := s.split(rel)
	if cap(s.at) < len(names)+1 {
		s.at = make([]bool, len(names)+1)
		s.next = make([]bool, len(names)+1)
	}
	for _, pat := range s.pats {
		if matchPartsInto(pat, names, s.at[:len(names)+1], s.next[:len(names)+1]) {
			return true
		}
	}
	return false
}

// mayHoldMatches reports whether a file below dir could match one of the globs (always when
// there are none): the pattern's elements match dir's as far as both go, or a "**" comes first.
func (s *globSet) mayHoldMatches(dir string) bool {
	if s.pats == nil {
		return true
	}
	names := s.split(dir)
	for _, pat := range s.pats {
		ok := true
		for i := 0; i < len(pat) && i < len(names); i++ {
			if pat[i] == "**" {
				break
			}
			if m, err := path.Match(pat[i], names[i]); err != nil || !m {
				ok = false
				break
			}
		}
		if ok {
			return true
		}
	}
	return false
}

// matchParts runs the pattern over the name's elements once, keeping the set of name positions
// the pattern read so far can end at. Each pattern element costs one pass over the name, so
// twenty "**" elements against a path 23 directories deep cost 20×24 steps, not 24^20.
func matchParts(pat, name []string) bool {
	return matchPartsInto(pat, name, make([]bool, len(name)+1), make([]bool, len(name)+1))
}

// matchPartsInto is matchParts with its two position sets (each len(name)+1 long) given, so that
// a caller matching many paths allocates them once. Once runs of "**" are collapsed, every other
// pattern element moves the first reachable position on by one, so a pattern stops after at most
// twice the name's depth elements however long it is.
func matchPartsInto(pat, name []string, at, next []bool) bool {
	clear(at)
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

// tree is a file system discovery walks, with what it needs to judge symbolic links.
type tree struct {
	fsys fs.FS
	// root is the repository's directory on disk, against which a link to an absolute path is
	// judged (at a revision too: the work tree's); empty when unknown, and then such a link
	// leaves the repository.
	root string
	// dir is the work tree's directory on disk, and real the same with its links resolved; both
	// are empty for another file system (a git tree at a revision).
	dir, real string
}

// workTree returns the tree of the work tree at dir (an absolute path).
func workTree(dir string) *tree {
	real, err := filepath.EvalSymlinks(dir)
	if err != nil {
		real = dir
	}
	return &tree{fsys: DirFS(dir), root: dir, dir: dir, real: real}
}

// DirFS is os.DirFS(dir) for reading plans: its ReadFile (which fs.ReadFile uses) reads as Load
// does, without blocking, regular files only, at most MaxFileSize+1 bytes; and Walk judges its
// symbolic links on disk, as Load does in the work tree.
func DirFS(dir string) fs.FS { return diskFS{os.DirFS(dir), dir} }

type diskFS struct {
	fs.FS
	dir string
}

var (
	_ fs.ReadLinkFS = diskFS{}
	_ fs.ReadDirFS  = diskFS{}
	_ fs.StatFS     = diskFS{}
	_ fs.ReadFileFS = diskFS{}
)

func (d diskFS) Lstat(name string) (fs.FileInfo, error)     { return fs.Lstat(d.FS, name) }
func (d diskFS) ReadLink(name string) (string, error)       { return fs.ReadLink(d.FS, name) }
func (d diskFS) ReadDir(name string) ([]fs.DirEntry, error) { return fs.ReadDir(d.FS, name) }
func (d diskFS) Stat(name string) (fs.FileInfo, error)      { return fs.Stat(d.FS, name) }

func (d diskFS) ReadFile(name string) ([]byte, error) {
	if !fs.ValidPath(name) {
		return nil, &fs.PathError{Op: "readfile", Path: name, Err: fs.ErrInvalid}
	}
	data, err := ReadFile(filepath.Join(d.dir, filepath.FromSlash(name)))
	if err != nil {
		return nil, &fs.PathError{Op: "readfile", Path: name, Err: UnwrapPathError(err)}
	}
	return data, nil
}

// errLinkOut is the problem of a symbolic link that leads out of the repository.
type errLinkOut struct{ target string }

func (e *errLinkOut) Error() string {
	return fmt.Sprintf("the file is a symbolic link to %s, outside the repository, and okr does not follow links "+
		"out of the repository (a change could make it read any file of the machine); commit the plan itself, "+
		"or point the link at a file inside the repository", quote(e.target))
}

// errDirUnreadable is the problem of a directory discovery could not list.
type errDirUnreadable struct{ err error }

func (e *errDirUnreadable) Error() string {
	return fmt.Sprintf("cannot read the directory (%v), so the plans in it were not checked; "+
		"make it readable, or leave it out with paths: in .okr.yaml", UnwrapPathError(e.err))
}

func (e *errDirUnreadable) Unwrap() error { return e.err }

// leaves reports whether the file at p (a slash path relative to the root), followed through
// its symbolic links, lies outside the repository, and the target its link names. Links are
// resolved by name, as a git tree's Open does, so a link that climbs out of the repository or
// names an absolute path leaves it even when its target does not exist, in the work tree as at a
// revision; in the work tree the operating system then resolves the whole path too, which also
// catches a link through a linked directory. A dangling link or a loop inside the repository is
// not outside (err is set: there is nothing to read).
func (t *tree) leaves(p string) (outside bool, target string, err error) {
	target, _ = fs.ReadLink(t.fsys, p)
	name := p
	for hops := 0; ; hops++ {
		if hops == 40 {
			return false, target, fmt.Errorf("too many levels of symbolic links")
		}
		info, err := fs.Lstat(t.fsys, name)
		if err != nil {
			return false, target, err
		}
		if info.Mode()&fs.ModeSymlink == 0 {
			break
		}
		next, err := fs.ReadLink(t.fsys, name)
		if err != nil {
			return false, target, err
		}
		if path.IsAbs(next) || filepath.IsAbs(next) || filepath.VolumeName(next) != "" {
			rel, ok := t.inside(next)
			if !ok {
				return true, target, nil
			}
			name = rel
			continue
		}
		name = path.Join(path.Dir(name), filepath.ToSlash(next))
		if !fs.ValidPath(name) {
			return true, target, nil
		}
	}
	if t.dir != "" {
		real, err := filepath.EvalSymlinks(filepath.Join(t.dir, filepath.FromSlash(p)))
		if err != nil {
			return false, target, err
		}
		_, relErr := relInside(t.real, real)
		return relErr != nil, target, nil
	}
	return false, target, nil
}

// inside returns an absolute link target relative to the repository root, if it lies inside.
func (t *tree) inside(target string) (string, bool) {
	for _, root := range []string{t.root, t.real} {
		if root == "" {
			continue
		}
		if rel, err := relInside(root, filepath.Clean(target)); err == nil {
			return rel, true
		}
	}
	return "", false
}

// problem is a file or directory discovery found and could not use.
type problem struct {
	name string
	err  error
}

// walk lists the candidate plan files under dir (a slash path relative to the root of the tree,
// "." for all), as root-relative paths. The same walk reads the work tree (os.DirFS) and a git
// tree at a revision, so both follow one set of rules: hidden directories, vendor/ and
// node_modules/ are skipped, nested repositories (with their own .okr.yaml or .git) are not
// entered, a symbolic link to a file inside the repository is read like the file, links to
// directories are not followed (so a link cycle cannot trap the walk), and globs limit the paths.
// It also returns what it could not use: links that lead out of the repository and directories
// it could not list (when the globs may match something in them).
func walk(t *tree, dir string, globs []string) (files []string, problems []problem, err error) {
	set := compileGlobs(globs)
	err = fs.WalkDir(t.fsys, dir, func(p string, e fs.DirEntry, err error) error {
		if err != nil {
			if p == dir {
				return err
			}
			if set.mayHoldMatches(p) {
				problems = append(problems, problem{p, &errDirUnreadable{err}})
			}
			return nil
		}
		if e.IsDir() {
			if p != dir && (SkipDir(e.Name()) || isRootFS(t.fsys, p)) {
				return fs.SkipDir
			}
			return nil
		}
		// Directories were filtered above, so a hidden directory the user named is still read.
		if !IsYAMLFile(p) || !set.match(p) {
			return nil
		}
		if !e.Type().IsRegular() {
			if e.Type()&fs.ModeSymlink == 0 {
				return nil
			}
			if out, target, err := t.leaves(p); out {
				problems = append(problems, problem{p, &errLinkOut{target}})
				return nil
			} else if err != nil {
				return nil // a dangling link: there is nothing to read
			}
			if info, err := fs.Stat(t.fsys, p); err != nil || !info.Mode().IsRegular() {
				return nil
			}
		}
		files = append(files, p)
		return nil
	})
	return files, problems, err
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
// for tools that read plans without loading the whole repository, such as okr checkin. Links out
// of the repository and directories it cannot list are left out: okr lint reports them.
// Pass DirFS(root) for the work tree, so that links are judged as Load judges them there.
func Walk(fsys fs.FS, dir string, globs []string) ([]string, error) {
	t := &tree{fsys: fsys}
	if d, ok := fsys.(diskFS); ok {
		t = workTree(d.dir)
	}
	files, _, err := walk(t, dir, globs)
	return files, err
}
