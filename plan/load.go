package plan

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"sync"
	"sync/atomic"

	"golang.org/x/sync/errgroup"
	"golang.org/x/sync/semaphore"
)

// LoadOptions say which plans to load.
type LoadOptions struct {
	// Root is the repository root; every plan under it is loaded so that cross-plan checks see
	// the whole repository. Empty means FindRoot of the first Arg, or of ".".
	Root string
	// Args are the files and directories the user named; findings are reported for the plans
	// they select. Empty selects the whole repository.
	Args []string
	// Globs, when set, limit which repository-relative paths hold plans (the paths: setting).
	Globs []string
	// Workers is the number of files parsed at once; 0 means GOMAXPROCS.
	Workers int
	// FS, when set, is the repository's files to read instead of the work tree at Root: for
	// example a git tree at a revision. Its paths are relative to Root; Root still resolves
	// Args and is the Root of the result. Symbolic links are followed through fs.Stat and
	// recognised through fs.Lstat, so FS should implement fs.ReadLinkFS (os.DirFS does).
	FS fs.FS
}

// Prefetcher is implemented by a LoadOptions.FS that reads files faster in one batch than one by
// one (a git tree: one git process for every blob): Load names the files it is about to read.
type Prefetcher interface {
	Prefetch(names []string) error
}

// Source is the content of one file to load as a plan.
type Source struct {
	File  string // path relative to the repository root, forward slashes
	Data  []byte
	Named bool // the user named the file: if it is not a plan, say so
	// Err is set when the file could not be read; it is reported as a diagnostic.
	Err error

	fsys fs.FS  // when set, the file system to read Data from, at File
	path string // when set, the file on disk to read Data from
}

// Load reads every plan of the repository and links them. It returns the repository and the set
// of repository-relative files the Args select (nil when Args is empty). The error is for
// problems that stop okr from running at all — a named path that does not exist or lies outside
// the repository; problems inside files are diagnostics of the repository.
func Load(opts LoadOptions) (*Repository, map[string]bool, error) {
	d, err := discover(opts)
	if err != nil {
		return nil, nil, err
	}
	return loadSources(d.root, d.sources, opts.Workers, d.extra), d.selected, nil
}

// discovery is what Load found to read.
type discovery struct {
	root     string
	sources  []Source
	extra    []Diagnostic // about directories, not files
	selected map[string]bool
}

// discover finds the files Load reads, and the problems it found on the way.
func discover(opts LoadOptions) (*discovery, error) {
	root := opts.Root
	if root == "" {
		first := "."
		if len(opts.Args) > 0 {
			first = opts.Args[0]
		}
		r, err := FindRoot(first)
		if err != nil {
			return nil, fmt.Errorf("cannot read %s: %w", first, UnwrapPathError(err))
		}
		root = r
	}
	root, err := filepath.Abs(root)
	if err != nil {
		return nil, err
	}
	t := &tree{fsys: opts.FS, root: root}
	if opts.FS == nil {
		t = workTree(root)
	}

	files, problems, err := walk(t, ".", opts.Globs)
	if err != nil {
		return nil, fmt.Errorf("cannot read %s: %w", root, UnwrapPathError(err))
	}
	// listed keeps adding linear in the number of files, however many directories are named.
	listed := make(map[string]bool, len(files))
	for _, f := range files {
		listed[f] = true
	}
	add := func(f string) {
		if !listed[f] {
			listed[f] = true
			files = append(files, f) // e.g. in a hidden directory the user named
		}
	}
	var selected, named map[string]bool
	if len(opts.Args) > 0 {
		selected, named = map[string]bool{}, map[string]bool{}
	}
	for _, arg := range opts.Args {
		abs, err := filepath.Abs(arg)
		if err != nil {
			return nil, err
		}
		rel, relErr := relInside(root, abs)
		if relErr == nil {
			// A link out of the repository is reported, not followed, wherever its target is
			// and whether it exists, as when it is found by walking.
			if li, err := fs.Lstat(t.fsys, rel); err == nil && li.Mode()&fs.ModeSymlink != 0 {
				if out, target, _ := t.leaves(rel); out {
					problems = append(problems, problem{rel, &errLinkOut{target}})
					selected[rel], named[rel] = true, true
					continue
				}
			}
		}
		var info fs.FileInfo
		if opts.FS == nil {
			info, err = os.Stat(abs)
		} else if relErr == nil {
			info, err = fs.Stat(t.fsys, rel)
		}
		if err != nil {
			return nil, fmt.Errorf("cannot read %s: %w", arg, UnwrapPathError(err))
		}
		if relErr != nil {
			return nil, relErr
		}
		if out, target, _ := t.leaves(rel); out { // through a linked directory
			if info.IsDir() {
				return nil, fmt.Errorf("cannot read %s: it is a symbolic link out of the plan repository %s; name the directory it points to, from inside its own repository", arg, root)
			}
			problems = append(problems, problem{rel, &errLinkOut{target}})
			selected[rel], named[rel] = true, true
			continue
		}
		if !info.IsDir() && !info.Mode().IsRegular() {
			// Reading a named pipe or a device would block or never end.
			return nil, fmt.Errorf("cannot read %s: not a regular file", arg)
		}
		if !info.IsDir() {
			selected[rel], named[rel] = true, true
			add(rel)
			continue
		}
		under, more, err := walk(t, rel, opts.Globs)
		if err != nil {
			return nil, fmt.Errorf("cannot read %s: %w", arg, UnwrapPathError(err))
		}
		for _, f := range under {
			selected[f] = true
			add(f)
		}
		for _, p := range more {
			selected[p.name] = true
		}
		problems = append(problems, more...)
	}

	if p, ok := t.fsys.(Prefetcher); ok {
		if err := p.Prefetch(files); err != nil {
			return nil, err
		}
	}
	sources := make([]Source, 0, len(files))
	for _, f := range files {
		s := Source{File: f, Named: named[f], fsys: t.fsys}
		if t.dir != "" {
			s.fsys, s.path = nil, filepath.Join(t.dir, filepath.FromSlash(f))
		}
		sources = append(sources, s)
	}
	var extra []Diagnostic
	seen := map[string]bool{}
	for _, p := range problems {
		if seen[p.name] {
			continue // found by the walk of the root and of a named directory
		}
		seen[p.name] = true
		if _, isDir := p.err.(*errDirUnreadable); isDir {
			extra = append(extra, newDiagnostic(p.name, Pos{}, RuleYAMLSyntax, "%s", p.err.Error()))
		} else {
			sources = append(sources, Source{File: p.name, Named: named[p.name], Err: p.err})
		}
	}
	return &discovery{root: root, sources: sources, extra: extra, selected: selected}, nil
}

// maxLargeAtOnce is how many files of the largest size (MaxFileSize) are parsed at once, however
// many workers there are: parsing costs memory in proportion to the file's size, so the bytes
// in flight are capped at maxLargeAtOnce × MaxFileSize. Smaller files share that budget, so many
// of them still parse in parallel.
const maxLargeAtOnce = 4

// LoadSources parses and links plans whose content was read elsewhere.
func LoadSources(root string, sources []Source, workers int) *Repository {
	return loadSources(root, sources, workers, nil)
}

func loadSources(root string, sources []Source, workers int, extra []Diagnostic) *Repository {
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	var (
		mu    sync.Mutex
		plans []*Plan
		diags = extra
		files []string
		g     errgroup.Group
	)
	budget := newLoadBudget(workers)
	// Each task reads its file itself, so reading overlaps parsing on every core.
	g.SetLimit(workers)
	for _, s := range sources {
		g.Go(func() error {
			p, ds, isPlan := parseSource(s, budget)
			if !isPlan {
				return nil
			}
			mu.Lock()
			defer mu.Unlock()
			files = append(files, s.File)
			if p != nil {
				plans = append(plans, p)
			}
			diags = append(diags, ds...)
			return nil
		})
	}
	g.Wait() // the tasks report problems as diagnostics, never as errors
	return NewRepository(root, plans, diags, files)
}

// byteBudget caps the bytes of the files being read and parsed at once.
type byteBudget struct {
	sem        *semaphore.Weighted
	held, peak atomic.Int64 // for tests: the bytes held now and at most
}

func newByteBudget(n int) *byteBudget {
	return &byteBudget{sem: semaphore.NewWeighted(int64(n) * (MaxFileSize + 1))}
}

// newLoadBudget is the budget of one load with so many workers; a variable for tests.
var newLoadBudget = func(workers int) *byteBudget { return newByteBudget(min(workers, maxLargeAtOnce)) }

// weight is what a file of size bytes holds of the budget.
func (b *byteBudget) weight(size int64) int64 { return min(max(size, 1), MaxFileSize+1) }

// acquire takes the budget of a file of size bytes and returns what it took.
func (b *byteBudget) acquire(size int64) int64 {
	w := b.weight(size)
	b.sem.Acquire(context.Background(), w) // never fails: the context is never done
	for h, p := b.held.Add(w), b.peak.Load(); h > p && !b.peak.CompareAndSwap(p, h); p = b.peak.Load() {
	}
	return w
}

func (b *byteBudget) release(w int64) {
	b.held.Add(-w)
	b.sem.Release(w)
}

func parseSource(s Source, budget *byteBudget) (*Plan, []Diagnostic, bool) {
	var held int64
	if s.Err == nil && (s.fsys != nil || s.path != "") {
		s.Data, held, s.Err = readSource(s, budget)
	} else if s.Err == nil {
		held = budget.acquire(int64(len(s.Data)))
	}
	defer func() { budget.release(held) }()
	if s.Err == nil && (s.fsys != nil || s.path != "") {
		// Nothing decoded keeps the bytes (the YAML library and the checks copy what they keep):
		// the buffer serves the next file.
		defer putReadBuffer(s.Data)
	}
	if s.Err != nil {
		msg := fmt.Sprintf("cannot read the file: %v", s.Err)
		var out *errLinkOut
		if errors.As(s.Err, &out) {
			msg = out.Error()
		}
		return nil, []Diagnostic{newDiagnostic(s.File, Pos{}, RuleYAMLSyntax, "%s", msg)}, true
	}
	if s.Named {
		p, ds := Parse(s.File, s.Data)
		return p, ds, true
	}
	return ParseCandidate(s.File, s.Data)
}

// readSource takes a source's share of the budget by the size its file says it has, before its
// content is in memory, and reads it. A file that grew meanwhile takes its larger share before it
// is parsed.
func readSource(s Source, budget *byteBudget) (data []byte, held int64, err error) {
	var (
		r    io.ReadCloser
		size int64
	)
	if s.path != "" {
		// The open descriptor holds no content yet.
		if r, size, err = openRegular(s.path); err != nil {
			return nil, 0, UnwrapPathError(err)
		}
		held = budget.acquire(size + 1)
	} else {
		// Opening may read the content (a git tree does), so the share is taken by Stat first.
		if info, err := fs.Stat(s.fsys, s.File); err == nil {
			size = info.Size()
		}
		held = budget.acquire(size + 1)
		f, err := s.fsys.Open(s.File)
		if err != nil {
			budget.release(held)
			return nil, 0, UnwrapPathError(err)
		}
		if info, err := f.Stat(); err == nil {
			if !info.Mode().IsRegular() {
				f.Close()
				budget.release(held)
				return nil, 0, errNotRegular
			}
			size = info.Size()
		}
		r = f
	}
	defer r.Close()
	data, err = readAtMostInto(getReadBuffer(), r, size, MaxFileSize+1)
	if err != nil {
		budget.release(held)
		return nil, 0, UnwrapPathError(err)
	}
	if w := budget.weight(int64(len(data))); w > held {
		budget.release(held)
		held = budget.acquire(int64(len(data)))
	}
	return data, held, nil
}

// errNotRegular is the error of a file that is not a regular file: a named pipe or a device,
// which could block or never end.
var errNotRegular = errors.New("not a regular file (a named pipe or a device); okr reads only regular files")

// readAtMost reads r to its end or to limit bytes, whichever comes first, allocating by the size
// the file says it has: a file over the size limit is recognised without reading all of it.
func readAtMost(r io.Reader, size int64, limit int) ([]byte, error) {
	return readAtMostInto(nil, r, size, limit)
}

// readAtMostInto is readAtMost reading into buf when it has the room, and into a new buffer when
// it has not.
func readAtMostInto(buf []byte, r io.Reader, size int64, limit int) ([]byte, error) {
	n := 512
	if size >= 0 && size < int64(limit) {
		n = int(size) + 1
	}
	if n = min(n, limit); cap(buf) < n {
		buf = make([]byte, 0, n)
	}
	buf = buf[:0]
	for {
		n, err := r.Read(buf[len(buf):min(cap(buf), limit)])
		buf = buf[:len(buf)+n]
		if err == io.EOF || len(buf) >= limit {
			return buf, nil
		}
		if err != nil {
			return nil, err
		}
		if len(buf) == cap(buf) {
			buf = slices.Grow(buf, min(cap(buf), limit-len(buf)))
		}
	}
}

// readBuffers holds the buffers files were read into, for the files read next: a plan's bytes are
// done with once it is decoded, and a repository of thousands of plans would otherwise allocate
// (and clear) its size again at every load.
var readBuffers sync.Pool

// maxPooledBuffer is the largest buffer kept for reuse: plans are a few kilobytes, and a rare
// large file should not keep its megabytes.
const maxPooledBuffer = 64 << 10

func getReadBuffer() []byte {
	if b, ok := readBuffers.Get().(*[]byte); ok {
		return *b
	}
	return nil
}

func putReadBuffer(b []byte) {
	if cap(b) == 0 || cap(b) > maxPooledBuffer {
		return
	}
	b = b[:0]
	readBuffers.Put(&b)
}
