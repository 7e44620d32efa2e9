package gitplan

import (
	"context"
	"fmt"
	"io"
	"io/fs"
	"path"
	"path/filepath"
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
		root:       r.Root,
		ctx:        ctx,
		git:        r.Git,
		files:      map[string]vcs.TreeEntry{},
		sizes:      map[string]int64{},
		aheadBytes: prefetchBytes,
		dirs:       map[string][]fs.DirEntry{".": nil},
		linked:     map[string]bool{},
		blobs:      map[string][]byte{},
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
	root  string // the plan root in the work tree, against which absolute link targets are judged
	ctx   context.Context
	git   *vcs.Repo
	files map[string]vcs.TreeEntry // regular files and symbolic links, by path
	sizes map[string]int64         // the size of every object, by hash
	dirs  map[string][]fs.DirEntry // every directory's entries, sorted by name
	// linked are the directories listed in their parent's entries
	linked map[string]bool

	mu    sync.Mutex
	blobs map[string][]byte // contents read and not yet handed out, by object hash
	// ahead are the objects Prefetch announced, in the order they will be read, and at the
	// position of each that has not been opened yet.
	ahead      []string
	aheadAt    map[string]int
	aheadBytes int64      // prefetchBytes; smaller in tests
	reading    sync.Mutex // one git read at a time, so that a batch is read once
}

// prefetchBytes is how much of the announced contents one git process reads ahead: enough that
// a repository of ordinary plans is read in one process, little enough that a repository of
// large files is never held in memory at once.
const prefetchBytes = 4 * (plan.MaxFileSize + 1)

var (
	_ fs.ReadDirFS  = (*treeFS)(nil)
	_ fs.StatFS     = (*treeFS)(nil)
	_ fs.ReadLinkFS = (*treeFS)(nil)
)

func (t *treeFS) addFile(p string, e vcs.TreeEntry) {
	t.files[p] = e
	t.sizes[e.ID] = e.Size
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
		if filepath.IsAbs(target) || path.IsAbs(target) {
			// An absolute target is judged against the work tree's plan root, as in the work tree.
			rel, err := filepath.Rel(t.root, filepath.Clean(target))
			if t.root == "" || err != nil {
				return "", fs.ErrNotExist
			}
			name = filepath.ToSlash(rel)
		} else {
			name = path.Clean(path.Join(path.Dir(name), target))
		}
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

// Prefetch announces the files plan.Load is about to read (and those their links point to): they
// are read from git in batches of about prefetchBytes, one git process each — the first batch
// at once, the others as their first file is opened — and each content is let go once opened.
func (t *treeFS) Prefetch(names []string) error {
	var ahead []string
	at := map[string]int{}
	for _, n := range names {
		p, err := t.resolve(n) // reads links: not under t.mu
		if err != nil {
			continue // Open reports it
		}
		if e, ok := t.files[p]; ok && e.ID != "" {
			if _, seen := at[e.ID]; !seen {
				at[e.ID] = len(ahead)
				ahead = append(ahead, e.ID)
			}
		}
	}
	t.mu.Lock()
	t.ahead, t.aheadAt = ahead, at
	t.mu.Unlock()
	if len(ahead) == 0 {
		return nil
	}
	// The first batch now, which for a repository of ordinary plans is all of them: a git that
	// cannot read the objects stops the load here rather than failing file by file.
	t.reading.Lock()
	defer t.reading.Unlock()
	return t.read(t.batch(ahead[0]))
}

// take returns a content read before; one announced by Prefetch is let go (opening the same
// object again reads it anew).
func (t *treeFS) take(id string) ([]byte, bool) {
	t.mu.Lock()
	defer t.mu.Unlock()
	data, ok := t.blobs[id]
	if _, announced := t.aheadAt[id]; ok && announced {
		delete(t.blobs, id)
		delete(t.aheadAt, id)
	}
	return data, ok
}

// batch returns the objects to read with id: the announced ones from id on that are neither
// read nor opened, up to about prefetchBytes, or id alone.
func (t *treeFS) batch(id string) []string {
	t.mu.Lock()
	defer t.mu.Unlock()
	at, ok := t.aheadAt[id]
	if !ok {
		return []string{id}
	}
	var (
		ids  []string
		size int64
	)
	for _, next := range t.ahead[at:] {
		if _, waiting := t.aheadAt[next]; !waiting {
			continue
		}
		if _, read := t.blobs[next]; read {
			continue
		}
		n := min(t.sizes[next], plan.MaxFileSize+1)
		if len(ids) > 0 && size+n > t.aheadBytes {
			break
		}
		ids = append(ids, next)
		size += n
	}
	return ids
}

// blob returns an object's content, reading it from git unless it was read ahead.
func (t *treeFS) blob(id string) ([]byte, error) {
	if id == "" {
		return nil, nil // the .git file of a submodule
	}
	if data, ok := t.take(id); ok {
		return data, nil
	}
	t.reading.Lock()
	defer t.reading.Unlock()
	if data, ok := t.take(id); ok {
		return data, nil // read in another's batch meanwhile
	}
	if err := t.read(t.batch(id)); err != nil {
		return nil, err
	}
	if data, ok := t.take(id); ok {
		return data, nil
	}
	return nil, fmt.Errorf("object %s is missing from the git repository", vcs.Short(id))
}

func (t *treeFS) read(ids []string) error {
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
