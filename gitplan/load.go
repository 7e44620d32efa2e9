package gitplan

import (
	"context"
	"fmt"
	"path"
	"path/filepath"
	"strings"

	"github.com/okr-tool/okr/plan"
	"github.com/okr-tool/okr/vcs"
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
	entries, err := r.Git.ListTree(ctx, commit, r.Prefix)
	if err != nil {
		return nil, nil, err
	}
	tree := newTree(entries, r.planPath)

	var files []string
	listed := map[string]bool{}
	add := func(f string) {
		if !listed[f] {
			listed[f] = true
			files = append(files, f)
		}
	}
	for _, rel := range tree.order {
		if !underNested(tree.nested, rel) && plan.IsCandidate(rel, opts.Globs) {
			add(rel)
		}
	}
	var selected, named map[string]bool
	if len(opts.Args) > 0 {
		selected, named = map[string]bool{}, map[string]bool{}
	}
	for _, arg := range opts.Args {
		rel, err := r.relArg(arg)
		if err != nil {
			return nil, nil, err
		}
		if _, ok := tree.files[rel]; ok {
			selected[rel], named[rel] = true, true
			add(rel)
			continue
		}
		found := false
		for _, f := range tree.under(rel) {
			found = true
			if sub := strings.TrimPrefix(f, dirPrefix(rel)); !underNested(tree.nested, sub) &&
				plan.IsCandidate(sub, nil) && plan.MatchAny(opts.Globs, f) {
				selected[f] = true
				add(f)
			}
		}
		if !found {
			return nil, nil, fmt.Errorf("%s does not exist at %s", displayArg(r.Root, arg), rev)
		}
	}

	ids, err := r.resolveLinks(ctx, tree, files)
	if err != nil {
		return nil, nil, err
	}
	var sources []plan.Source
	var names []string
	for _, f := range files {
		if id := ids[f]; id != "" {
			sources = append(sources, plan.Source{File: f, Named: named[f]})
			names = append(names, id)
		}
	}
	err = r.Git.ReadBlobs(ctx, names, plan.MaxFileSize, func(i int, data []byte, found bool) error {
		if !found {
			sources[i].Err = fmt.Errorf("object %s is missing from the git repository", vcs.Short(names[i]))
		}
		sources[i].Data = data
		return nil
	})
	if err != nil {
		return nil, nil, err
	}
	return plan.LoadSources(r.Root, sources, opts.Workers), selected, nil
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

// tree is a commit's files under the plan root, by plan-root-relative path.
type tree struct {
	files  map[string]vcs.TreeEntry // regular files and symbolic links
	order  []string                 // the keys of files, in git's (sorted) order
	nested map[string]bool          // nested plan repositories
}

func newTree(entries []vcs.TreeEntry, rel func(string) (string, bool)) *tree {
	t := &tree{files: map[string]vcs.TreeEntry{}, nested: nestedRoots(entries, rel)}
	for _, e := range entries {
		p, ok := rel(e.Path)
		if !ok || e.Type != "blob" || !(e.IsFile() || e.Mode == vcs.ModeSymlink) {
			continue
		}
		t.files[p] = e
		t.order = append(t.order, p)
	}
	return t
}

// under lists the files below a directory ("." for all).
func (t *tree) under(dir string) []string {
	if dir == "." || dir == "" {
		return t.order
	}
	var out []string
	prefix := dirPrefix(dir)
	for _, p := range t.order {
		if strings.HasPrefix(p, prefix) {
			out = append(out, p)
		}
	}
	return out
}

func dirPrefix(dir string) string {
	if dir == "." || dir == "" {
		return ""
	}
	return strings.TrimSuffix(dir, "/") + "/"
}

// resolveLinks returns the blob to read for each file: its own, or for a symbolic link the blob
// of the file it points to inside the tree. A link that leads nowhere in the tree is left out,
// as walking the work tree leaves out a dangling link.
func (r *Repo) resolveLinks(ctx context.Context, t *tree, files []string) (map[string]string, error) {
	ids := make(map[string]string, len(files))
	var links []string
	var linkIDs []string
	for _, f := range files {
		e := t.files[f]
		if e.Mode == vcs.ModeSymlink {
			links = append(links, f)
			linkIDs = append(linkIDs, e.ID)
			continue
		}
		ids[f] = e.ID
	}
	err := r.Git.ReadBlobs(ctx, linkIDs, 4096, func(i int, data []byte, found bool) error {
		from := links[i]
		for hops := 0; found && hops < 8; hops++ {
			target := path.Clean(path.Join(path.Dir(from), string(data)))
			e, ok := t.files[target]
			if !ok {
				return nil
			}
			if e.Mode != vcs.ModeSymlink {
				ids[links[i]] = e.ID
				return nil
			}
			// A link to a link: follow it through the tree.
			from = target
			data, found = nil, false
			err := r.Git.ReadBlobs(ctx, []string{e.ID}, 4096, func(_ int, d []byte, ok bool) error {
				data, found = d, ok
				return nil
			})
			if err != nil {
				return err
			}
		}
		return nil
	})
	return ids, err
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
