package cmd

import (
	"context"
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
}

func (g *lintGit) register(fl *pflag.FlagSet) {
	fl.StringVar(&g.rev, "rev", "", "lint the plans as they were at this git revision (branch, tag or commit), read from git; the work tree is not touched")
	fl.StringVar(&g.newFromRev, "new-from-rev", "", "pull-request mode: lint everything, report only findings in plan files that differ from the merge base of this revision and HEAD (committed or not); also runs moved-goalposts")
	fl.StringVar(&g.asOf, "as-of", "", "day date-dependent rules judge by (kpi-stale, kpi-unmeasured), and the date of uncommitted changes, YYYY-MM-DD (default: today)")
}

// load reads the configuration and the plans: from the work tree, or at --rev from git.
func (g *lintGit) load(env *Env, root string, abs []string, configFlag string) (*config.Config, *plan.Repository, map[string]bool, error) {
	cfg, repo, selected, err := loadAt(env, root, abs, g.rev, configFlag)
	if err == nil {
		g.paths = cfg.Paths
	}
	return cfg, repo, selected, err
}

// apply fills what the git-aware rules need: the day, and in pull-request mode or with
// kpi-stale on, the plans' history; in pull-request mode it also narrows the reported files to
// those the change touched.
func (g *lintGit) apply(env *Env, repo *plan.Repository, opts *lint.Options) error {
	asOf, err := parseDay("--as-of", g.asOf)
	if err != nil {
		return err
	}
	opts.AsOf = asOf
	stale := ruleOn(*opts, "kpi-stale")
	if g.newFromRev == "" && !stale {
		return nil
	}
	feature := "--new-from-rev"
	if g.newFromRev == "" {
		feature = "kpi-stale"
	}
	repoGit, err := gitplan.Open(context.Background(), repo.Root)
	if err != nil {
		if g.newFromRev == "" {
			// The rule is on, but everything else works without git: say so and go on.
			fmt.Fprintf(env.Stderr, "okr: kpi-stale needs the plans' git history and was skipped: %v\n", err)
			return nil
		}
		return gitError(feature, err)
	}
	ctx := context.Background()
	hopts := gitplan.HistoryOptions{Rev: g.rev, Plans: repo, Files: map[string]bool{}, Today: asOf}
	if stale {
		for _, p := range repo.Plans {
			if p.Period.Set && p.Period.Value.Contains(asOf) {
				hopts.Files[p.File] = true
			}
		}
	}
	if g.newFromRev != "" {
		base, err := repoGit.MergeBase(ctx, g.newFromRev, g.rev)
		if err != nil {
			return gitError(feature, err)
		}
		head := ""
		if g.rev != "" {
			head, err = repoGit.Resolve(ctx, g.rev)
			if err != nil {
				return gitError(feature, err)
			}
		}
		changed, err := repoGit.ChangedFiles(ctx, base, head)
		if err != nil {
			return gitError(feature, err)
		}
		opts.Files = narrow(opts.Files, changed)
		hopts.Base, hopts.Globs = base, g.paths
		if ruleOn(*opts, "moved-goalposts") {
			for f := range changed {
				hopts.Files[f] = true
			}
		}
	}
	if len(hopts.Files) == 0 {
		return nil
	}
	h, err := repoGit.History(ctx, hopts)
	if err != nil {
		return gitError(feature, err)
	}
	warnShallow(env, h)
	opts.History = h
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

// ruleOn reports whether a lint run with these options runs a rule.
func ruleOn(opts lint.Options, id string) bool {
	rules := opts.Rules
	if rules == nil {
		rules = lint.Registry()
	}
	r := lint.Lookup(rules, id)
	if r == nil {
		return false
	}
	if s, ok := opts.Severity[id]; ok {
		return s != lint.Off
	}
	return r.Info().Severity != lint.Off
}
