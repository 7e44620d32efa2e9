package cmd

// What every command that reads plans shares: finding the repository, its configuration and
// its plans, and showing paths relative to the working directory.

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/okr-tool/okr/lint/config"
	"github.com/okr-tool/okr/plan"
)

// loadConfig reads the configuration: the --config file when given (it must exist), else the
// repository's .okr.yaml when there is one, else the defaults.
func loadConfig(env *Env, root, flag string) (*config.Config, error) {
	cwd := workDir(env)
	path := flag
	switch {
	case path == "":
		path = filepath.Join(root, config.FileName)
	case !filepath.IsAbs(path):
		path = filepath.Join(cwd, path)
	}
	name := flag // a --config file is named as the user typed it
	if flag == "" {
		name = path
		if rel, err := filepath.Rel(cwd, path); err == nil {
			name = filepath.ToSlash(rel)
		}
	}
	data, err := config.ReadFile(path)
	if err != nil {
		if flag == "" && errors.Is(err, fs.ErrNotExist) {
			return config.Default(), nil
		}
		return nil, troublef("cannot read configuration %s: %v", name, plan.UnwrapPathError(err))
	}
	cfg, err := config.Parse(name, data)
	if err != nil {
		return nil, &ExitError{Code: ExitTrouble, Err: err}
	}
	return cfg, nil
}

// findRoot resolves the named paths against the working directory and finds the repository
// root above the first of them (or above the working directory).
func findRoot(env *Env, args []string) (string, []string, error) {
	cwd := workDir(env)
	abs := make([]string, len(args))
	for i, a := range args {
		abs[i] = a
		if !filepath.IsAbs(a) {
			abs[i] = filepath.Join(cwd, a)
		}
	}
	first := cwd
	if len(abs) > 0 {
		first = abs[0]
	}
	root, err := plan.FindRoot(first)
	if err != nil {
		name := first
		if len(args) > 0 {
			name = args[0]
		}
		return "", nil, troublef("cannot read %s: %v", name, plan.UnwrapPathError(err))
	}
	return root, abs, nil
}

// loadPlans loads every plan of the repository at root, limited to globs when set.
func loadPlans(root string, abs, globs []string) (*plan.Repository, map[string]bool, error) {
	repo, selected, err := plan.Load(plan.LoadOptions{Root: root, Args: abs, Globs: globs})
	if err != nil {
		return nil, nil, &ExitError{Code: ExitTrouble, Err: err}
	}
	return repo, selected, nil
}

func workDir(env *Env) string {
	if env.Dir != "" {
		return env.Dir
	}
	wd, err := os.Getwd()
	if err != nil {
		return "."
	}
	return wd
}

// displayPath shows a repository-relative file relative to the working directory.
func displayPath(root, cwd, file string) string {
	abs := filepath.Join(root, filepath.FromSlash(file))
	if rel, err := filepath.Rel(cwd, abs); err == nil {
		return filepath.ToSlash(rel)
	}
	return abs
}
