package cmd

import (
	"context"
	"errors"
	"fmt"

	"github.com/spf13/pflag"

	"github.com/okr-tool/okr/gitplan"
	"github.com/okr-tool/okr/lint"
	"github.com/okr-tool/okr/lint/config"
	"github.com/okr-tool/okr/plan"
)

// lintGit holds okr lint's git options: plans at a revision, pull-request mode, and the day
// date-dependent rules judge by.
type lintGit struct {
	rev        string
	newFromRev string
	asOf       string
	paths      []string // the paths: setting of the configuration load read
	history    *gitplan.HistoryProvider
}

func (g *lintGit) register(fl *pflag.FlagSet) {
	fl.StringVar(&g.rev, "rev", "", "lint the plans as they were at this git revision (branch, tag or commit), read from git; the work tree is not touched")
	fl.StringVar(&g.newFromRev, "new-from-rev", "", "pull-request mode: lint everything, report only findings in plan files that differ from the merge base of this revision and HEAD (committed or not); also runs the rules that compare a change with the plans' history (eased targets)")
	fl.StringVar(&g.asOf, "as-of", "", "the day the rules judge by (which periods have ended, how old a reading is), and the date of uncommitted changes, YYYY-MM-DD (default: today)")
}

// load reads the configuration and the plans: from the work tree, or at --rev from git.
func (g *lintGit) load(env *Env, root string, abs []string, configFlag string) (*config.Config, *plan.Repository, map[string]bool, error) {
	cfg, repo, selected, err := loadAt(env, root, abs, g.rev, configFlag)
	if err == nil {
		g.paths = cfg.Paths
	}
	return cfg, repo, selected, err
}

// apply fills what the git-aware rules need: the day, and the plans' history, which the lint
// engine reads only if a rule on needs it. In pull-request mode it also narrows the reported
// files to those the change touched: everything is linted, the findings elsewhere are dropped.
func (g *lintGit) apply(repo *plan.Repository, opts *lint.Options) error {
	asOf, err := parseDay("--as-of", g.asOf)
	if err != nil {
		return err
	}
	opts.AsOf = asOf
	g.history = gitplan.NewHistoryProvider(context.Background(), repo.Root, g.rev, g.paths, asOf)
	if g.newFromRev != "" {
		if err := g.history.CompareWith(g.newFromRev); err != nil {
			return gitError("--new-from-rev", err)
		}
		opts.Files = narrow(opts.Files, g.history.Changed())
	}
	opts.HistoryProvider = g.history
	return nil
}

// check says what the run could not read from git. Outside git a rule that needs history is
// skipped with a note, since everything else works without it; in pull-request mode, or when
// git fails, okr cannot run.
func (g *lintGit) check(env *Env, res *lint.Result) error {
	for _, s := range res.Skipped {
		var open *gitplan.OpenError
		switch {
		case g.newFromRev != "":
			return gitError("--new-from-rev", s.Err)
		case errors.As(s.Err, &open):
			fmt.Fprintf(env.Stderr, "okr: %s needs the plans' git history and was skipped: %v\n", s.Rule, s.Err)
		default:
			return gitError(s.Rule, s.Err)
		}
	}
	warnShallow(env, g.history.Read())
	return nil
}

// narrow keeps the selected files (all when selected is nil) that are also in changed.
func narrow(selected, changed map[string]bool) map[string]bool {
	out := map[string]bool{}
	for f := range changed {
		if selected == nil || selected[f] {
			out[f] = true
		}
	}
	return out
}
