package cmd

import (
	"bufio"
	"context"
	"strings"

	"github.com/spf13/cobra"

	"github.com/okr-tool/okr/gitplan"
	"github.com/okr-tool/okr/plan"
	"github.com/okr-tool/okr/plandiff"
	"github.com/okr-tool/okr/plandiff/difffmt"
)

// diffFlags are the options of okr diff.
type diffFlags struct {
	format string
	color  string
	asOf   string
	config string
}

func newDiffCmd(env *Env) *cobra.Command {
	var f diffFlags
	c := &cobra.Command{
		Use:   "diff [BASE [HEAD]]",
		Short: "Show what a change does to the plans: what was added, removed and changed, with score deltas",
		Long: "Diff compares the plans at two revisions of the git repository and lists the plans,\n" +
			"objectives, key results and KPIs added, removed and changed, with the change of every\n" +
			"score and KPI reading. Plans are matched by scope and period, so a moved file is the\n" +
			"same plan.\n\n" +
			"BASE defaults to the merge base of HEAD with the default branch (origin/HEAD, else main\n" +
			"or master): what a pull request changes. HEAD defaults to the work tree, uncommitted\n" +
			"changes included. Formats: text (default), markdown (ready to post as a pull-request\n" +
			"comment) and json.\n\n" +
			"Exit status: 0 the diff was written, 2 okr could not run (not a git repository, unknown\n" +
			"revision, clone too shallow).",
		Args: cobra.MaximumNArgs(2),
		RunE: func(_ *cobra.Command, args []string) error { return runDiff(env, f, args) },
	}
	fl := c.Flags()
	fl.StringVarP(&f.format, "format", "f", "text", "output format: "+strings.Join(difffmt.Formats.Names(), ", "))
	fl.StringVar(&f.color, "color", "auto", "color the text output: auto, always or never")
	fl.StringVar(&f.asOf, "as-of", "", "date scores are computed for, YYYY-MM-DD (default: today)")
	fl.StringVarP(&f.config, "config", "c", "", "configuration file for both sides (default: .okr.yaml at the repository root, as of each revision)")
	return c
}

func runDiff(env *Env, f diffFlags, args []string) error {
	if _, err := difffmt.Formats.Lookup(f.format); err != nil {
		return troublef("%v", err)
	}
	colored, err := useColor(env, f.color, env.Stdout)
	if err != nil {
		return err
	}
	asOf, err := parseDay("--as-of", f.asOf)
	if err != nil {
		return err
	}
	r, err := difffmt.New(f.format, difffmt.Options{Color: colored})
	if err != nil {
		return troublef("%v", err)
	}
	root, _, err := findRoot(env, nil)
	if err != nil {
		return err
	}
	g, err := openGit(root, "diff")
	if err != nil {
		return err
	}
	ctx := context.Background()

	var base, head string
	if len(args) > 0 {
		base = args[0]
	}
	if len(args) > 1 {
		head = args[1]
	}
	sides, err := g.ResolveSides(ctx, base, head)
	if err != nil {
		return gitError("", err)
	}
	baseRepo, err := diffSide(env, g, sides.Base, f.config)
	if err != nil {
		return err
	}
	var headRepo *plan.Repository
	switch {
	case sides.HeadCommit == sides.BaseCommit:
		headRepo = baseRepo // one commit: read it once
	case sides.HeadCommit != "":
		headRepo, err = diffSide(env, g, sides.Head, f.config)
	default:
		cfg, cerr := loadConfig(env, root, f.config)
		if cerr != nil {
			return cerr
		}
		headRepo, _, err = loadPlans(root, nil, cfg.Paths)
	}
	if err != nil {
		return err
	}
	// Plans in files git knows to be unchanged are not compared.
	unchanged, err := g.UnchangedFiles(ctx, sides.BaseCommit, sides.HeadCommit)
	if err != nil {
		return gitError("", err)
	}
	d := plandiff.Compare(baseRepo, headRepo, plandiff.Options{AsOf: asOf, Unchanged: unchanged})
	d.Base, d.Head = sides.BaseLabel, sides.HeadLabel
	w := bufio.NewWriter(env.Stdout)
	if err := r.Render(w, d); err != nil {
		return err
	}
	return w.Flush()
}

// diffSide loads the plans of one side of a diff at a revision, with that revision's paths:
// setting, or the --config file's when given.
func diffSide(env *Env, g *gitplan.Repo, rev, configFlag string) (*plan.Repository, error) {
	cfg, err := configAt(env, g, "", rev, configFlag)
	if err != nil {
		return nil, err
	}
	repo, _, err := loadPlansAt(g, "", rev, nil, cfg.Paths)
	return repo, err
}
