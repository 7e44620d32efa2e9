package cmd

import (
	"context"

	"github.com/spf13/pflag"

	"github.com/okr-tool/okr/gitplan"
	"github.com/okr-tool/okr/lint/config"
	"github.com/okr-tool/okr/plan"
	"github.com/okr-tool/okr/report"
)

// reportGit holds okr report's git options: plans at a revision, and the history of check-ins.
type reportGit struct {
	rev     string
	history bool
}

func (g *reportGit) register(fl *pflag.FlagSet) {
	fl.StringVar(&g.rev, "rev", "", "report the plans as they were at this git revision (branch, tag or commit), read from git; the work tree is not touched")
	fl.BoolVar(&g.history, "history", false, "add the history of check-ins from git: a trend per key result, KPI readings and stale KPIs")
}

// load reads the configuration and the plans: from the work tree, or at --rev from git.
func (g *reportGit) load(env *Env, root string, abs []string) (*config.Config, *plan.Repository, map[string]bool, error) {
	return loadAt(env, root, abs, g.rev, "")
}

// apply reads the history of the plans the report covers when --history asks for it. Only the
// files of the period reported are followed back.
func (g *reportGit) apply(env *Env, repo *plan.Repository, opts *report.Options) error {
	if !g.history {
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
		Rev: g.rev, Plans: repo, Files: files, Today: opts.AsOf,
	})
	if err != nil {
		return gitError("--history", err)
	}
	warnShallow(env, h)
	opts.History = h
	return nil
}
