package gitplan

import (
	"context"

	"github.com/okr-tool/okr/vcs"
)

// Sides are the two revisions a comparison of the plans (okr diff) reads, resolved.
type Sides struct {
	// Base is the revision of the old side; BaseCommit its commit; BaseLabel how to show it.
	Base, BaseCommit, BaseLabel string
	// Head is the revision of the new side, "" for the work tree (uncommitted changes
	// included); HeadCommit is its commit, "" for the work tree; HeadLabel how to show it.
	Head, HeadCommit, HeadLabel string
}

// ResolveSides resolves the revisions to compare. An empty base is the merge base of head with
// the default branch (origin/HEAD, else main or master): what a pull request changes. An empty
// head is the work tree. The errors say how to fix a missing revision or a clone too shallow.
func (r *Repo) ResolveSides(ctx context.Context, base, head string) (Sides, error) {
	s := Sides{Base: base, BaseLabel: base, Head: head, HeadLabel: head}
	if base == "" {
		branch, err := r.Git.DefaultBranch(ctx)
		if err != nil {
			return Sides{}, err
		}
		mb, err := r.MergeBase(ctx, branch, head)
		if err != nil {
			return Sides{}, err
		}
		s.Base, s.BaseLabel = mb, vcs.Short(mb)+" (merge base with "+branch+")"
	}
	var err error
	if s.BaseCommit, err = r.Resolve(ctx, s.Base); err != nil {
		return Sides{}, err
	}
	if head == "" {
		s.HeadLabel = "work tree"
		return s, nil
	}
	if s.HeadCommit, err = r.Resolve(ctx, head); err != nil {
		return Sides{}, err
	}
	return s, nil
}
