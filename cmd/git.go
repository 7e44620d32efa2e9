package cmd

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/okr-tool/okr/gitplan"
	"github.com/okr-tool/okr/history"
	"github.com/okr-tool/okr/lint/config"
	"github.com/okr-tool/okr/plan"
	"github.com/okr-tool/okr/vcs"
)

// openGit opens the git repository around the plan repository root for a git-only feature,
// named in the error when there is no git repository.
func openGit(root, feature string) (*gitplan.Repo, error) {
	g, err := gitplan.Open(context.Background(), root)
	if err != nil {
		return nil, gitError(feature, err)
	}
	return g, nil
}

// gitError turns a failure of the git layer into an exit-2 error that names the feature that
// needed git (a flag such as --rev), or names none when feature is "" (a command about git).
func gitError(feature string, err error) error {
	switch {
	case feature == "":
		return troublef("%v", err)
	case errors.Is(err, vcs.ErrNotRepository) || errors.Is(err, vcs.ErrNoGit):
		return troublef("%s needs git: %v", feature, err)
	}
	return troublef("%s: %v", feature, err)
}

// loadPlansAt loads the plans as they were at a revision, from git objects, with the same
// discovery rules as the work tree.
func loadPlansAt(g *gitplan.Repo, feature, rev string, abs, globs []string) (*plan.Repository, map[string]bool, error) {
	repo, selected, err := g.Load(context.Background(), rev, gitplan.LoadOptions{Args: abs, Globs: globs})
	if err != nil {
		return nil, nil, gitError(feature, err)
	}
	return repo, selected, nil
}

// loadAt reads the configuration and the plans: from the work tree when rev is "", else as they
// were at rev, from git (--rev). configFlag is the --config file, "" for the repository's own.
func loadAt(env *Env, root string, abs []string, rev, configFlag string) (*config.Config, *plan.Repository, map[string]bool, error) {
	if rev == "" {
		cfg, err := loadConfig(env, root, configFlag)
		if err != nil {
			return nil, nil, nil, err
		}
		repo, selected, err := loadPlans(root, abs, cfg.Paths)
		return cfg, repo, selected, err
	}
	g, err := openGit(root, "--rev")
	if err != nil {
		return nil, nil, nil, err
	}
	cfg, err := configAt(env, g, "--rev", rev, configFlag)
	if err != nil {
		return nil, nil, nil, err
	}
	repo, selected, err := loadPlansAt(g, "--rev", rev, abs, cfg.Paths)
	return cfg, repo, selected, err
}

// warnShallow says on stderr how far back the history goes when a shallow clone cut it.
func warnShallow(env *Env, h *history.History) {
	if note, ok := gitplan.ShallowNote(h); ok {
		fmt.Fprintf(env.Stderr, "okr: %s\n", note)
	}
}

// configAt reads the configuration a revision had: the --config file when one is named (from
// the work tree), else the revision's .okr.yaml, else the defaults.
func configAt(env *Env, g *gitplan.Repo, feature, rev, flag string) (*config.Config, error) {
	if flag != "" {
		return loadConfig(env, g.Root, flag)
	}
	data, found, err := g.ReadFile(context.Background(), rev, config.FileName)
	if err != nil {
		return nil, gitError(feature, err)
	}
	if !found {
		return config.Default(), nil
	}
	cfg, err := config.Parse(config.FileName+" at "+rev, data)
	if err != nil {
		return nil, &ExitError{Code: ExitTrouble, Err: err}
	}
	return cfg, nil
}

// parseDay parses a --as-of date; empty means today.
func parseDay(flag, value string) (time.Time, error) {
	if value == "" {
		return plan.Today(), nil
	}
	d, err := time.Parse(time.DateOnly, value)
	if err != nil {
		return time.Time{}, troublef("%s %q must be a date, YYYY-MM-DD", flag, value)
	}
	return d, nil
}
