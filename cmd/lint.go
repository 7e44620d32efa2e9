package cmd

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/okr-tool/okr/lint"
	"github.com/okr-tool/okr/lint/output"
	"github.com/okr-tool/okr/vcs"
)

// lintFlags are the options of okr lint.
type lintFlags struct {
	format      string
	color       string
	config      string
	maxWarnings int
	git         lintGit // --rev, --new-from-rev, --as-of
}

func newLintCmd(env *Env) *cobra.Command {
	var f lintFlags
	c := &cobra.Command{
		Use:   "lint [path...]",
		Short: "Check plans against the rules of good OKR practice",
		Long: "Lint checks every plan of the repository (the nearest directory above with .git or\n" +
			".okr.yaml) and reports findings in the plans under the given paths (default: all).\n" +
			"Cross-plan rules (carry-forward, alignment, annual targets) always see the whole\n" +
			"repository. Rules are configured in .okr.yaml at the repository root; 'okr rules'\n" +
			"lists them.\n\n" +
			"In a git repository, --rev REV lints the plans as they were at REV, read from git, and\n" +
			"--new-from-rev REV reports only the findings in plan files that differ from the merge\n" +
			"base of REV and HEAD, committed or not (pull-request mode, which also runs\n" +
			"moved-goalposts).\n\n" +
			"Exit status: 0 no errors, 1 at least one error (or more warnings than --max-warnings),\n" +
			"2 okr could not run (bad flag, bad configuration, unreadable path).",
		RunE: func(_ *cobra.Command, args []string) error { return runLint(env, f, args) },
	}
	fl := c.Flags()
	fl.StringVarP(&f.format, "format", "f", "text", "output format: "+strings.Join(output.Formats.Names(), ", "))
	fl.StringVar(&f.color, "color", "auto", "color the text output: auto, always or never")
	fl.StringVarP(&f.config, "config", "c", "", "configuration file (default: .okr.yaml at the repository root)")
	fl.IntVar(&f.maxWarnings, "max-warnings", -1, "fail when there are more warnings than this (-1: no limit)")
	f.git.register(fl)
	return c
}

func runLint(env *Env, f lintFlags, args []string) error {
	if _, err := output.Formats.Lookup(f.format); err != nil {
		return troublef("%v", err)
	}
	colored, err := useColor(env, f.color, env.Stdout)
	if err != nil {
		return err
	}
	root, abs, err := findRoot(env, args)
	if err != nil {
		return err
	}
	cfg, repo, selected, err := f.git.load(env, root, abs, f.config)
	if err != nil {
		return err
	}
	opts := cfg.Options()
	opts.Files = selected
	if err := f.git.apply(repo, &opts); err != nil {
		return err
	}
	res := lint.Run(repo, opts)
	if err := f.git.check(env, res); err != nil {
		return err
	}
	if len(repo.Files) == 0 {
		// Not an error — a new repository has no plans yet — but usually a wrong directory.
		fmt.Fprintf(env.Stderr, "okr: no plans found under %s: a plan is a *.yaml or *.yml file with a top-level \"period\" key\n",
			displayPath(repo.Root, workDir(env), "."))
	}
	base := workDir(env)
	if f.format == "github" || f.format == "sarif" {
		// GitHub resolves annotation and code-scanning paths from the top of the git work tree,
		// wherever okr ran; outside git, SARIF's %SRCROOT% is okr's root.
		base = vcs.TopLevel(repo.Root)
		if base == "" && f.format == "sarif" {
			base = repo.Root
		} else if base == "" {
			base = workDir(env)
		}
	}
	for i := range res.Findings {
		res.Findings[i].Path = displayPath(repo.Root, base, res.Findings[i].File)
	}
	w, err := output.New(f.format, env.Stdout, output.Options{
		Color:    colored,
		Rules:    cfg.Rules,
		Severity: cfg.Severity,
		Version:  version(),
	})
	if err != nil {
		return troublef("%v", err)
	}
	if err := w.Write(res); err != nil {
		return err
	}
	switch {
	case res.Summary.Errors > 0:
		return &ExitError{Code: ExitFindings}
	case f.maxWarnings >= 0 && res.Summary.Warnings > f.maxWarnings:
		warnings := fmt.Sprintf("%d warnings are", res.Summary.Warnings)
		if res.Summary.Warnings == 1 {
			warnings = "1 warning is"
		}
		return &ExitError{Code: ExitFindings, Err: fmt.Errorf("%s more than --max-warnings %d allows", warnings, f.maxWarnings)}
	}
	return nil
}
