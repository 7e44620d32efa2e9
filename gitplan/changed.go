package gitplan

import (
	"context"

	"github.com/okr-tool/okr/vcs"
)

// ChangedFiles returns the files (relative to the plan root) that differ between commit base
// and head, or the work tree when head is "": added, modified, renamed (under the new name) and,
// in the work tree, untracked files that git does not ignore. Deleted files are left out.
func (r *Repo) ChangedFiles(ctx context.Context, base, head string) (map[string]bool, error) {
	changes, err := r.Git.Diff(ctx, base, head, r.Prefix)
	if err != nil {
		return nil, err
	}
	files := map[string]bool{}
	for _, c := range changes {
		if c.Status == vcs.Deleted {
			continue
		}
		if rel, ok := r.planPath(c.Path); ok {
			files[rel] = true
		}
	}
	return files, nil
}

// MergeBase returns the commit where rev and head (a revision, "" for HEAD) branched: the base
// a pull request is compared with.
func (r *Repo) MergeBase(ctx context.Context, rev, head string) (string, error) {
	if head == "" {
		head = "HEAD"
	}
	if _, err := r.Resolve(ctx, rev); err != nil {
		return "", err
	}
	if _, err := r.Resolve(ctx, head); err != nil {
		return "", err
	}
	// Both exist: ask with the names the user gave, which the errors repeat.
	return r.Git.MergeBase(ctx, rev, head)
}

// UnchangedFiles returns the files (relative to the plan root) whose content is the same at
// commit base and at head (a commit, or the work tree when ""): the regular files of base's tree
// that the diff between the two does not touch. Symbolic links are left out, since the file one
// points to may have changed.
func (r *Repo) UnchangedFiles(ctx context.Context, base, head string) (map[string]bool, error) {
	entries, err := r.Git.ListTree(ctx, base, r.Prefix)
	if err != nil {
		return nil, err
	}
	changes, err := r.Git.Diff(ctx, base, head, r.Prefix)
	if err != nil {
		return nil, err
	}
	touched := make(map[string]bool, 2*len(changes))
	for _, c := range changes {
		touched[c.OldPath], touched[c.Path] = true, true
	}
	files := map[string]bool{}
	for _, e := range entries {
		if !e.IsFile() || touched[e.Path] {
			continue
		}
		if rel, ok := r.planPath(e.Path); ok {
			files[rel] = true
		}
	}
	return files, nil
}
