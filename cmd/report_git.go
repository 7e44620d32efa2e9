package cmd

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"time"

	"github.com/spf13/pflag"

	"github.com/okr-tool/okr/gitplan"
	"github.com/okr-tool/okr/history"
	"github.com/okr-tool/okr/lint/config"
	"github.com/okr-tool/okr/plan"
	"github.com/okr-tool/okr/report"
	"github.com/okr-tool/okr/vcs"
)

// reportGit holds okr report's git options: plans at a revision or as of a day, and the history
// of check-ins.
type reportGit struct {
	rev     string
	history bool

	// asOf is the --as-of day, zero when the flag was not given (the report is for today).
	asOf time.Time
	// read is the commit the plans were read at ("" for the work tree): --rev resolved, or the
	// commit of the end of the --as-of day.
	read string
	// repo is the git repository load opened, nil when it opened none.
	repo *gitplan.Repo
}

func (g *reportGit) register(fl *pflag.FlagSet) {
	fl.StringVar(&g.rev, "rev", "", "report the plans as they were at this git revision (branch, tag or commit), read from git; the work tree is not touched")
	fl.BoolVar(&g.history, "history", false, "add the history of check-ins from git: a trend per key result, KPI readings and stale KPIs")
}

// load reads the configuration and the plans: at --rev from git; else, with --as-of in a git
// repository, as committed at the end of that day (the work tree when the day is not before the
// newest commit); else from the files. source says which version was read, nil when neither
// flag was given.
func (g *reportGit) load(env *Env, root string, abs []string, configFlag string) (*config.Config, *plan.Repository, map[string]bool, *report.Source, error) {
	if g.rev == "" && g.asOf.IsZero() {
		cfg, repo, selected, err := loadAt(env, root, abs, "", configFlag)
		return cfg, repo, selected, nil, err
	}
	ctx := context.Background()
	feature := "--rev"
	if g.rev == "" {
		feature = "--as-of"
	}
	repoGit, err := gitplan.Open(ctx, root)
	if err != nil {
		if g.rev == "" && (errors.Is(err, vcs.ErrNotRepository) || errors.Is(err, vcs.ErrNoGit)) {
			cfg, repo, selected, err := loadAt(env, root, abs, "", configFlag)
			return cfg, repo, selected, &report.Source{Outside: true, MayBeNewer: true}, err
		}
		return nil, nil, nil, nil, gitError(feature, err)
	}
	g.repo = repoGit
	source := &report.Source{Rev: g.rev}
	if g.rev != "" {
		if source.Commit, source.Date, err = repoGit.ResolveDated(ctx, g.rev); err != nil {
			return nil, nil, nil, nil, gitError(feature, err)
		}
	} else {
		snap, err := repoGit.CommitAt(ctx, g.asOf)
		if err != nil {
			return nil, nil, nil, nil, gitError(feature, err)
		}
		source = &report.Source{Commit: snap.Commit, Date: snap.Date, WorkTree: snap.WorkTree,
			Head: snap.Head, HeadDate: snap.HeadDate, MayBeNewer: snap.Before, Since: snap.Since, Shallow: snap.Shallow}
		if snap.Commit == "" {
			cfg, repo, selected, err := loadAt(env, root, abs, "", configFlag)
			return cfg, repo, selected, source, err
		}
	}
	g.read = source.Commit
	cfg, err := configAt(env, repoGit, feature, source.Commit, configFlag)
	if err != nil {
		return nil, nil, nil, nil, err
	}
	repo, selected, err := loadPlansAt(repoGit, feature, source.Commit, abs, cfg.Paths)
	return cfg, repo, selected, source, err
}

// apply reads the history of the plans the report covers when --history asks for it; else,
// when the plans are in git, what it takes to show the eased goalposts (eased). Only the files
// of the period reported are followed back, from the commit the plans were read at.
func (g *reportGit) apply(env *Env, repo *plan.Repository, opts *report.Options) error {
	if !g.history {
		g.eased(env, repo, opts)
		return nil
	}
	repoGit, err := openGit(repo.Root, "--history")
	if err != nil {
		return err
	}
	files := map[string]bool{}
	for _, p := range report.Selected(repo, *opts) {
		files[p.File] = true
	}
	h, err := repoGit.History(context.Background(), gitplan.HistoryOptions{
		Rev: g.read, Plans: repo, Files: files, Today: opts.AsOf,
	})
	if err != nil {
		return gitError("--history", err)
	}
	warnShallow(env, h)
	opts.History = h
	return nil
}

// eased fills opts.Eased when the plans are in a git repository, so that every report shows the
// goalposts eased after the period started: the history of the reported period's plan files
// from the eve of the period on (one first-parent log over the period's commits), parsing only
// the versions that changed a start or target. Outside git no git process is started and
// nothing changes; when git fails the report goes on without the easings, with a note.
func (g *reportGit) eased(env *Env, repo *plan.Repository, opts *report.Options) {
	if root, err := filepath.Abs(repo.Root); err == nil && vcs.TopLevel(root) == "" && env.Getenv("GIT_DIR") == "" {
		return
	}
	files := map[string]bool{}
	var since time.Time
	for _, p := range report.Selected(repo, *opts) {
		files[p.File] = true
		if start := p.Period.Value.Start(); since.IsZero() || start.Before(since) {
			since = start
		}
	}
	if len(files) == 0 {
		return
	}
	ctx := context.Background()
	repoGit, err := g.repo, error(nil)
	if repoGit == nil {
		repoGit, err = gitplan.Open(ctx, repo.Root)
	}
	if err == nil {
		var h *history.History
		h, err = repoGit.History(ctx, gitplan.HistoryOptions{
			Rev: g.read, Plans: repo, Files: files, Today: opts.AsOf, Since: since, GoalpostsOnly: true,
		})
		opts.Eased = h
	}
	if err != nil && !errors.Is(err, vcs.ErrNotRepository) && !errors.Is(err, vcs.ErrNoGit) {
		fmt.Fprintf(env.Stderr, "okr: eased targets are not shown: %v\n", err)
	}
}
