package gitplan

import (
	"context"
	"fmt"
	"io/fs"
	"path/filepath"
	"strings"

	"github.com/okr-tool/okr/plan"
)

// LoadOptions say which plans to read at a revision.
type LoadOptions struct {
	// Args are the absolute paths of the files and directories the user named; findings and
	// reports are limited to the plans they select. Empty selects the whole repository. They
	// need not exist in the work tree, only at the revision.
	Args []string
	// Globs, when set, limit which repository-relative paths hold plans (the paths: setting).
	Globs []string
	// Workers is the number of files parsed at once; 0 means GOMAXPROCS.
	Workers int
}

// Load reads every plan of the repository as it was at a revision, straight from git objects,
// with the discovery rules of plan.Load: YAML files outside hidden directories, vendor/ and
// node_modules/, not inside nested plan repositories, matching the globs. It returns the linked
// repository (its Root is the work tree's plan root, for display) and the set of files the Args
// select, nil when there are none.
func (r *Repo) Load(ctx context.Context, rev string, opts LoadOptions) (*plan.Repository, map[string]bool, error) {
	commit, err := r.Resolve(ctx, rev)
	if err != nil {
		return nil, nil, err
	}
	fsys, err := r.FS(ctx, commit)
	if err != nil {
		return nil, nil, err
	}
	for _, arg := range opts.Args {
		rel, err := r.relArg(arg)
		if err != nil {
			return nil, nil, err
		}
		if _, err := fs.Lstat(fsys, rel); err != nil {
			return nil, nil, fmt.Errorf("%s does not exist at %s", displayArg(r.Root, arg), rev)
		}
	}
	return plan.Load(plan.LoadOptions{Root: r.Root, Args: opts.Args, Globs: opts.Globs, Workers: opts.Workers, FS: fsys})
}

// ReadFile reads one file of the plan repository (a path relative to its root) as it was at a
// revision; found is false when the file did not exist there.
func (r *Repo) ReadFile(ctx context.Context, rev, rel string) (data []byte, found bool, err error) {
	commit, err := r.Resolve(ctx, rev)
	if err != nil {
		return nil, false, err
	}
	err = r.Git.ReadBlobs(ctx, []string{commit + ":" + r.gitPath(rel)}, 0, func(_ int, d []byte, ok bool) error {
		data, found = d, ok
		return nil
	})
	return data, found, err
}

// relArg turns an absolute path the user named into one relative to the plan root.
func (r *Repo) relArg(abs string) (string, error) {
	rel, err := filepath.Rel(r.Root, abs)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return "", fmt.Errorf("%s is outside the plan repository %s; run okr from inside that repository", abs, r.Root)
	}
	return filepath.ToSlash(rel), nil
}

func displayArg(root, abs string) string {
	if rel, err := filepath.Rel(root, abs); err == nil {
		return filepath.ToSlash(rel)
	}
	return abs
}
