package plan

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"sync"
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
}

// Source is the content of one file to load as a plan.
type Source struct {
	File  string // path relative to the repository root, forward slashes
	Data  []byte
	Named bool // the user named the file: if it is not a plan, say so
	// Err is set when the file could not be read; it is reported as a diagnostic.
	Err error

	path string // when set, the file to read Data from
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

	files, err := walk(root, root, opts.Globs)
	if err != nil {
		return nil, nil, fmt.Errorf("cannot read %s: %w", root, unwrapPathError(err))
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
		info, err := os.Stat(abs)
		if err != nil {
			return nil, nil, fmt.Errorf("cannot read %s: %w", arg, unwrapPathError(err))
		}
		rel, err := relInside(root, abs)
		if err != nil {
			return nil, nil, err
		}
		if !info.IsDir() && !info.Mode().IsRegular() {
			// Reading a named pipe or a device would block or never end.
			return nil, nil, fmt.Errorf("cannot read %s: not a regular file", arg)
		}
		if !info.IsDir() {
			selected[rel], named[rel] = true, true
			if !slices.Contains(files, rel) {
				files = append(files, rel)
			}
			continue
		}
		under, err := walk(root, abs, opts.Globs)
		if err != nil {
			return nil, nil, fmt.Errorf("cannot read %s: %w", arg, unwrapPathError(err))
		}
		for _, f := range under {
			selected[f] = true
			if !slices.Contains(files, f) {
				files = append(files, f) // a hidden directory the user named
			}
		}
	}

	// The workers read the files themselves, so reading overlaps parsing on every core.
	sources := make(chan Source)
	go func() {
		defer close(sources)
		for _, f := range files {
			sources <- Source{File: f, Named: named[f], path: filepath.Join(root, filepath.FromSlash(f))}
		}
	}()
	return link(root, sources, opts.Workers), selected, nil
}

// LoadSources parses and links plans whose content was read elsewhere (e.g. from git objects).
func LoadSources(root string, sources []Source, workers int) *Repository {
	ch := make(chan Source)
	go func() {
		defer close(ch)
		for _, s := range sources {
			ch <- s
		}
	}()
	return link(root, ch, workers)
}

// link parses sources on several goroutines and builds the repository.
func link(root string, sources <-chan Source, workers int) *Repository {
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	var (
		mu    sync.Mutex
		plans []*Plan
		diags []Diagnostic
		files []string
		wg    sync.WaitGroup
	)
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for s := range sources {
				p, ds, isPlan := parseSource(s)
				if !isPlan {
					continue
				}
				mu.Lock()
				files = append(files, s.File)
				if p != nil {
					plans = append(plans, p)
				}
				diags = append(diags, ds...)
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	return NewRepository(root, plans, diags, files)
}

func parseSource(s Source) (*Plan, []Diagnostic, bool) {
	if s.path != "" {
		s.Data, s.Err = readFile(s.path)
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
func readFile(name string) ([]byte, error) {
	f, err := os.Open(name)
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

// unwrapPathError drops the path from an *os.PathError; messages name the path themselves.
func unwrapPathError(err error) error {
	if pe, ok := err.(*os.PathError); ok {
		return pe.Err
	}
	return err
}
