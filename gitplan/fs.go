package gitplan

import (
	"context"
	"fmt"
	"io"
	"io/fs"
	"path"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/okr-tool/okr/plan"
	"github.com/okr-tool/okr/vcs"
)

// FS returns the plan repository as it was at a commit, as a file system: the listing comes
// from one git ls-tree, a file's content from git cat-file when it is first read (or in one
// batch for the files plan.Load is about to read). Paths are relative to the plan root. A
// submodule is an empty directory holding a .git file, as in a work tree, so that discovery sees
// a nested repository. Contents longer than plan.MaxFileSize are cut one byte after it, enough
// for the loader to see the file is too big.
func (r *Repo) FS(ctx context.Context, commit string) (fs.FS, error) {
	entries, err := r.Git.ListTree(ctx, commit, r.Prefix)
	if err != nil {
		return nil, err
	}
	t := &treeFS{
		ctx:    ctx,
		git:    r.Git,
		files:  map[string]vcs.TreeEntry{},
		dirs:   map[string][]fs.DirEntry{".": nil},
		linked: map[string]bool{},
		blobs:  map[string][]byte{},
	}
	for _, e := range entries {
		p, ok := r.planPath(e.Path)
		if !ok || p == "" {
			continue
		}
		switch {
		case e.Mode == vcs.ModeSubmodule:
			t.addDir(p)
			t.addFile(p+"/.git", vcs.TreeEntry{Path: e.Path + "/.git", Mode: vcs.ModeFile, Type: "blob"})
		case e.Type == "blob" && (e.IsFile() || e.Mode == vcs.ModeSymlink):
			t.addFile(p, e)
		}
	}
	for _, list := range t.dirs {
		slices.SortFunc(list, func(a, b fs.DirEntry) int { return strings.Compare(a.Name(), b.Name()) })
	}
	return t, nil
}

// treeFS is a git tree as an fs.FS; see Repo.FS.
type treeFS struct {
	ctx   context.Context
	git   *vcs.Repo
	files map[string]vcs.TreeEntry // regular files and symbolic links, by path
	dirs  map[string][]fs.DirEntry // every directory's entries, sorted by name
	// linked are the directories listed in their parent's entries
	linked map[string]bool

	mu    sync.Mutex
	blobs map[string][]byte // contents read so far, by object hash
}

var (
	_ fs.ReadDirFS  = (*treeFS)(nil)
	_ fs.StatFS     = (*treeFS)(nil)
	_ fs.ReadLinkFS = (*treeFS)(nil)
)

func (t *treeFS) addFile(p string, e vcs.TreeEntry) {
	t.files[p] = e
	dir := path.Dir(p)
	t.addDir(dir)
	t.dirs[dir] = append(t.dirs[dir], dirEntry{info(path.Base(p), e)})
}

func (t *treeFS) addDir(dir string) {
	for dir != "." {
		if t.linked[dir] {
			return
		}
		t.linked[dir] = true
		if _, ok := t.dirs[dir]; !ok {
			t.dirs[dir] = nil
		}
		parent := path.Dir(dir)
		t.dirs[parent] = append(t.dirs[parent], dirEntry{fileInfo{name: path.Base(dir), mode: fs.ModeDir | 0o755}})
		dir = parent
	}
}

func info(name string, e vcs.TreeEntry) fileInfo {
	var mode fs.FileMode = 0o644
	switch e.Mode {
	case vcs.ModeSymlink:
		mode = fs.ModeSymlink | 0o777
	case vcs.ModeExecutable:
		mode = 0o755
	}
	return fileInfo{name: name, mode: mode, size: e.Size}
}

// Lstat describes a file, directory or symbolic link itself.
func (t *treeFS) Lstat(name string) (fs.FileInfo, error) {
	if !fs.ValidPath(name) {
		return nil, &fs.PathError{Op: "lstat", Path: name, Err: fs.ErrInvalid}
	}
	if e, ok := t.files[name]; ok {
		return info(path.Base(name), e), nil
	}
	if _, ok := t.dirs[name]; ok {
		return fileInfo{name: path.Base(name), mode: fs.ModeDir | 0o755}, nil
	}
	return nil, &fs.PathError{Op: "lstat", Path: name, Err: fs.ErrNotExist}
}

// ReadLink returns the target of a symbolic link.
func (t *treeFS) ReadLink(name string) (string, error) {
	e, ok := t.files[name]
	if !ok || e.Mode != vcs.ModeSymlink {
		return "", &fs.PathError{Op: "readlink", Path: name, Err: fs.ErrInvalid}
	}
	data, err := t.blob(e.ID)
	if err != nil {
		return "", &fs.PathError{Op: "readlink", Path: name, Err: err}
	}
	return string(data), nil
}

// resolve follows symbolic links to the path of a file or directory inside the tree.
func (t *treeFS) resolve(name string) (string, error) {
	for hops := 0; hops <= 8; hops++ {
		e, ok := t.files[name]
		if !ok || e.Mode != vcs.ModeSymlink {
			if _, isDir := t.dirs[name]; ok || isDir {
				return name, nil
			}
			return "", fs.ErrNotExist
		}
		target, err := t.ReadLink(name)
		if err != nil {
			return "", err
		}
		name = path.Clean(path.Join(path.Dir(name), target))
		if !fs.ValidPath(name) {
			return "", fs.ErrNotExist // the link points outside the plan repository
		}
	}
	return "", fmt.Errorf("too many levels of symbolic links")
}

// Stat describes a file or directory, following symbolic links.
func (t *treeFS) Stat(name string) (fs.FileInfo, error) {
	if !fs.ValidPath(name) {
		return nil, &fs.PathError{Op: "stat", Path: name, Err: fs.ErrInvalid}
	}
	p, err := t.resolve(name)
	if err != nil {
		return nil, &fs.PathError{Op: "stat", Path: name, Err: err}
	}
	fi, err := t.Lstat(p)
	if err != nil {
		return nil, err
	}
	i := fi.(fileInfo)
	i.name = path.Base(name)
	return i, nil
}

// ReadDir lists a directory, sorted by name.
func (t *treeFS) ReadDir(name string) ([]fs.DirEntry, error) {
	if !fs.ValidPath(name) {
		return nil, &fs.PathError{Op: "readdir", Path: name, Err: fs.ErrInvalid}
	}
	p, err := t.resolve(name)
	if err != nil {
		return nil, &fs.PathError{Op: "readdir", Path: name, Err: err}
	}
	list, ok := t.dirs[p]
	if !ok {
		return nil, &fs.PathError{Op: "readdir", Path: name, Err: fmt.Errorf("not a directory")}
	}
	return slices.Clone(list), nil
}

// Open opens a file or directory, following symbolic links.
func (t *treeFS) Open(name string) (fs.File, error) {
	fi, err := t.Stat(name)
	if err != nil {
		return nil, &fs.PathError{Op: "open", Path: name, Err: unwrap(err)}
	}
	if fi.IsDir() {
		list, err := t.ReadDir(name)
		if err != nil {
			return nil, err
		}
		return &dirFile{info: fi.(fileInfo), entries: list}, nil
	}
	p, _ := t.resolve(name)
	data, err := t.blob(t.files[p].ID)
	if err != nil {
		return nil, &fs.PathError{Op: "open", Path: name, Err: err}
	}
	return &file{info: fi.(fileInfo), data: data}, nil
}

func unwrap(err error) error {
	if pe, ok := err.(*fs.PathError); ok {
		return pe.Err
	}
	return err
}

// Prefetch reads the contents of the named files, and of the files their links point to, in
// one git process.
func (t *treeFS) Prefetch(names []string) error {
	var ids []string
	seen := map[string]bool{}
	for _, n := range names {
		p, err := t.resolve(n)
		if err != nil {
			continue // Open reports it
		}
		if e, ok := t.files[p]; ok && !seen[e.ID] {
			seen[e.ID] = true
			ids = append(ids, e.ID)
		}
	}
	return t.read(ids)
}

// blob returns an object's content, reading it from git unless it was read before.
func (t *treeFS) blob(id string) ([]byte, error) {
	if id == "" {
		return nil, nil // the .git file of a submodule
	}
	t.mu.Lock()
	data, ok := t.blobs[id]
	t.mu.Unlock()
	if ok {
		return data, nil
	}
	if err := t.read([]string{id}); err != nil {
		return nil, err
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	if data, ok := t.blobs[id]; ok {
		return data, nil
	}
	return nil, fmt.Errorf("object %s is missing from the git repository", vcs.Short(id))
}

func (t *treeFS) read(ids []string) error {
	t.mu.Lock()
	ids = slices.DeleteFunc(slices.Clone(ids), func(id string) bool { _, ok := t.blobs[id]; return ok || id == "" })
	t.mu.Unlock()
	return t.git.ReadBlobs(t.ctx, ids, plan.MaxFileSize, func(i int, data []byte, found bool) error {
		if found {
			t.mu.Lock()
			t.blobs[ids[i]] = data
			t.mu.Unlock()
		}
		return nil
	})
}

type fileInfo struct {
	name string
	mode fs.FileMode
	size int64
}

func (i fileInfo) Name() string       { return i.name }
func (i fileInfo) Size() int64        { return i.size }
func (i fileInfo) Mode() fs.FileMode  { return i.mode }
func (i fileInfo) ModTime() time.Time { return time.Time{} }
func (i fileInfo) IsDir() bool        { return i.mode.IsDir() }
func (i fileInfo) Sys() any           { return nil }

type dirEntry struct{ fileInfo }

func (d dirEntry) Type() fs.FileMode          { return d.mode.Type() }
func (d dirEntry) Info() (fs.FileInfo, error) { return d.fileInfo, nil }

// file is an open file of a treeFS.
type file struct {
	info fileInfo
	data []byte
	off  int
}

func (f *file) Stat() (fs.FileInfo, error) { return f.info, nil }
func (f *file) Close() error               { return nil }
func (f *file) Read(b []byte) (int, error) {
	if f.off >= len(f.data) {
		return 0, io.EOF
	}
	n := copy(b, f.data[f.off:])
	f.off += n
	return n, nil
}

// dirFile is an open directory of a treeFS.
type dirFile struct {
	info    fileInfo
	entries []fs.DirEntry
}

func (d *dirFile) Stat() (fs.FileInfo, error) { return d.info, nil }
func (d *dirFile) Close() error               { return nil }
func (d *dirFile) Read([]byte) (int, error) {
	return 0, &fs.PathError{Op: "read", Path: d.info.name, Err: fs.ErrInvalid}
}

func (d *dirFile) ReadDir(n int) ([]fs.DirEntry, error) {
	if n <= 0 {
		list := d.entries
		d.entries = nil
		return list, nil
	}
	if len(d.entries) == 0 {
		return nil, io.EOF
	}
	n = min(n, len(d.entries))
	list := d.entries[:n]
	d.entries = d.entries[n:]
	return list, nil
}
