package gitplan

import (
	"context"
	"time"

	"github.com/okr-tool/okr/plan"
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

// Snapshot says which version of the plans holds their state at the end of a day.
type Snapshot struct {
	// Commit is the full hash of the commit to read, the last one on the current branch's
	// first-parent line dated on or before the day; Date is its committer date. Commit is ""
	// when the work tree is to be read instead.
	Commit string
	Date   time.Time
	// Head and HeadDate are the branch's newest commit, "" when there is none.
	Head     string
	HeadDate time.Time
	// WorkTree is true when the day is at or after the newest commit, so that the work tree
	// holds the plans of that day.
	WorkTree bool
	// Before is true when the history starts after the day (or there is no commit yet): the
	// work tree is read, and its values may be newer than the day. Since is then the date of the
	// oldest commit reached; Shallow says a shallow clone cut the history there.
	Before  bool
	Since   time.Time
	Shallow bool
}

// CommitAt finds the version of the plans as committed at the end of a day (UTC): the last
// commit on the current branch's first-parent line whose committer date is not after the day.
// When that is the newest commit, the work tree is read instead, uncommitted changes included.
// It runs one git process, which reads commit headers only.
func (r *Repo) CommitAt(ctx context.Context, day time.Time) (Snapshot, error) {
	end := plan.Day(day.UTC()).AddDate(0, 0, 1).Add(-time.Second)
	c, err := r.Git.CommitAt(ctx, "", end)
	if err != nil {
		return Snapshot{}, err
	}
	s := Snapshot{Commit: c.Hash, Date: c.Time, Head: c.Tip, HeadDate: c.TipTime}
	if c.Hash != "" {
		r.remember(c.Hash, c.Hash)
	}
	switch {
	case c.Hash == "":
		s.Before, s.Since, s.Shallow = true, c.Oldest, r.Git.Shallow
	case c.Hash == c.Tip:
		s.Commit, s.Date, s.WorkTree = "", time.Time{}, true
	}
	return s, nil
}
