package plan

import (
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"sync"

	"golang.org/x/sync/errgroup"
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

	fsys fs.FS // when set, the file system to read Data from, at File
}

// Load reads every plan of the repository and links them. It returns the repository and the set
// of repository-relative files the Args select (nil when Args is empty). The error is for
// problems that stop okr from running at all — a named path that does not exist or lies outside
// the repository; problems inside files are diagnostics of the repository.
func Load(opts LoadOptions) (*Repository, map[string]bool, error) {
	root := opts.Root
	if root == "" {
		first := "."
		if len(opts.Args) > 0 {
			first = opts.Args[0]
		}
		r, err := FindRoot(first)
		if err != nil {
			return nil, nil, fmt.Errorf("cannot read %s: %w", first, unwrapPathError(err))
		}
		root = r
	}
	root, err := filepath.Abs(root)
	if err != nil {
		return nil, nil, err
	}
	fsys := opts.FS
	if fsys == nil {
		fsys = os.DirFS(root)
	}

	files, err := walk(fsys, ".", opts.Globs)
	if err != nil {
		return nil, nil, fmt.Errorf("cannot read %s: %w", root, unwrapPathError(err))
	}
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
			return nil, nil, err
		}
		rel, relErr := relInside(root, abs)
		var info fs.FileInfo
		if opts.FS == nil {
			info, err = os.Stat(abs)
		} else if relErr == nil {
			info, err = fs.Stat(fsys, rel)
		}
		if err != nil {
			return nil, nil, fmt.Errorf("cannot read %s: %w", arg, unwrapPathError(err))
		}
		if relErr != nil {
			return nil, nil, relErr
		}
		if !info.IsDir() && !info.Mode().IsRegular() {
			// Reading a named pipe or a device would block or never end.
			return nil, nil, fmt.Errorf("cannot read %s: not a regular file", arg)
		}
		if !info.IsDir() {
			selected[rel], named[rel] = true, true
			add(rel)
			continue
		}
		under, err := walk(fsys, rel, opts.Globs)
		if err != nil {
			return nil, nil, fmt.Errorf("cannot read %s: %w", arg, unwrapPathError(err))
		}
		for _, f := range under {
			selected[f] = true
			add(f)
		}
	}

	if p, ok := fsys.(Prefetcher); ok {
		if err := p.Prefetch(files); err != nil {
			return nil, nil, err
		}
	}
	sources := make([]Source, len(files))
	for i, f := range files {
		sources[i] = Source{File: f, Named: named[f], fsys: fsys}
	}
	return LoadSources(root, sources, opts.Workers), selected, nil
}

// LoadSources parses and links plans whose content was read elsewhere.
func LoadSources(root string, sources []Source, workers int) *Repository {
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	var (
		mu    sync.Mutex
		plans []*Plan
		diags []Diagnostic
		files []string
		g     errgroup.Group
	)
	// Each task reads its file itself, so reading overlaps parsing on every core.
	g.SetLimit(workers)
	for _, s := range sources {
		g.Go(func() error {
			p, ds, isPlan := parseSource(s)
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

func parseSource(s Source) (*Plan, []Diagnostic, bool) {
	if s.fsys != nil {
		s.Data, s.Err = readFile(s.fsys, s.File)
	}
	if s.Err != nil {
		return nil, []Diagnostic{newDiagnostic(s.File, Pos{}, RuleYAMLSyntax, "cannot read the file: %v", s.Err)}, true
	}
	if s.Named {
		p, ds := Parse(s.File, s.Data)
		return p, ds, true
	}
	return ParseCandidate(s.File, s.Data)
}

// readFile reads a file up to one byte more than MaxFileSize, so that an oversized file is
// recognised without reading all of it.
func readFile(fsys fs.FS, name string) ([]byte, error) {
	f, err := fsys.Open(name)
	if err != nil {
		return nil, unwrapPathError(err)
	}
	defer f.Close()
	size := 512
	if info, err := f.Stat(); err == nil && info.Size() < MaxFileSize {
		size = int(info.Size()) + 1
	}
	buf := make([]byte, 0, size)
	for {
		n, err := f.Read(buf[len(buf):cap(buf)])
		buf = buf[:len(buf)+n]
		if err == io.EOF {
			return buf, nil
		}
		if err != nil {
			return nil, unwrapPathError(err)
		}
		if len(buf) > MaxFileSize {
			return buf, nil
		}
		if len(buf) == cap(buf) {
			buf = slices.Grow(buf, min(cap(buf), MaxFileSize+1-len(buf)+1))
		}
	}
}

// unwrapPathError drops the path from an *fs.PathError; messages name the path themselves.
func unwrapPathError(err error) error {
	if pe, ok := err.(*os.PathError); ok {
		return pe.Err
	}
	return err
}
