package gitplan

import (
	"context"
	"fmt"
	"time"

	"github.com/okr-tool/okr/history"
	"github.com/okr-tool/okr/plan"
	"github.com/okr-tool/okr/vcs"
)

// HistoryProvider reads the plans' history from git when a lint rule asks for it (it
// implements lint.HistoryProvider), and in pull-request mode knows the change under review: the
// merge base and the plan files changed since. Git is opened only when needed.
type HistoryProvider struct {
	ctx   context.Context
	root  string
	rev   string
	globs []string
	today time.Time

	repo    *Repo
	base    string
	changed map[string]bool
	read    *history.History
}

// NewHistoryProvider returns a provider for the plan repository at root, loaded at rev ("" for
// the work tree) with the paths: globs; today dates uncommitted changes.
func NewHistoryProvider(ctx context.Context, root, rev string, globs []string, today time.Time) *HistoryProvider {
	return &HistoryProvider{ctx: ctx, root: root, rev: rev, globs: globs, today: today}
}

// OpenError is a failure to find the git repository around the plans: there is no history to
// read, but everything that does not need it works.
type OpenError struct{ Err error }

func (e *OpenError) Error() string { return e.Err.Error() }
func (e *OpenError) Unwrap() error { return e.Err }

func (p *HistoryProvider) open() (*Repo, error) {
	if p.repo == nil {
		r, err := Open(p.ctx, p.root)
		if err != nil {
			return nil, &OpenError{Err: err}
		}
		p.repo = r
	}
	return p.repo, nil
}

// CompareWith turns on pull-request mode: the plans are compared with the merge base of rev
// and the revision they were loaded at (HEAD and the work tree when that is ""), and Changed
// lists the plan files that differ from it, committed or not. The errors say how to fix a
// missing revision or a clone too shallow.
func (p *HistoryProvider) CompareWith(rev string) error {
	r, err := p.open()
	if err != nil {
		return err
	}
	base, err := r.MergeBase(p.ctx, rev, p.rev)
	if err != nil {
		return err
	}
	head := ""
	if p.rev != "" {
		if head, err = r.Resolve(p.ctx, p.rev); err != nil {
			return err
		}
	}
	changed, err := r.ChangedFiles(p.ctx, base, head)
	if err != nil {
		return err
	}
	p.base, p.changed = base, changed
	return nil
}

// Changed returns the plan files (relative to the plan root) that the change under review
// touched; nil outside pull-request mode.
func (p *HistoryProvider) Changed() map[string]bool { return p.changed }

// PullRequest reports whether CompareWith turned pull-request mode on.
func (p *HistoryProvider) PullRequest() bool { return p.base != "" }

// History reads the history of these plan files of repo; in pull-request mode it also holds
// the plans as they were at the merge base. A missing git repository is an *OpenError.
func (p *HistoryProvider) History(repo *plan.Repository, files map[string]bool) (*history.History, error) {
	r, err := p.open()
	if err != nil {
		return nil, err
	}
	h, err := r.History(p.ctx, HistoryOptions{Rev: p.rev, Plans: repo, Files: files, Base: p.base, Globs: p.globs, Today: p.today})
	if err != nil {
		return nil, err
	}
	p.read = h
	return h, nil
}

// Read returns the history History read last, nil when it was not asked for: its Shallow
// says whether a shallow clone cut it.
func (p *HistoryProvider) Read() *history.History { return p.read }

// ShallowNote says how far back h goes when a shallow clone cut it, and how to fetch the rest;
// ok is false when the history is whole.
func ShallowNote(h *history.History) (note string, ok bool) {
	if h == nil || !h.Shallow {
		return "", false
	}
	return fmt.Sprintf("this clone is shallow: the plans' history goes back to %s only; %s",
		h.Since.Format(time.DateOnly), vcs.FetchAdvice), true
}
