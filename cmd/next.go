package cmd

import (
	"fmt"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/okr-tool/okr/plan"
	"github.com/okr-tool/okr/rollover"
	"github.com/okr-tool/okr/schema"
)

// nextFlags are the options of okr next.
type nextFlags struct {
	from   string
	scopes []string
	asOf   string
	dryRun bool
	config string
}

func newNextCmd(env *Env) *cobra.Command {
	var f nextFlags
	c := &cobra.Command{
		Use:   "next [path]",
		Short: "Draft next quarter's plans: carry the KPIs forward, start from their final readings",
		Long: "Next drafts the plans of the quarter after --from for every scope with a plan in\n" +
			"--from, at the path the repository's layout implies (plans/2026-Q3/sales.yaml →\n" +
			"plans/2026-Q4/sales.yaml), and after a fourth quarter the next year's annual plans too.\n\n" +
			"Without --from, next carries forward the quarter in progress if it has plans, else the\n" +
			"latest quarter with plans that has ended (so run at the start of a quarter, it starts\n" +
			"from the final readings of the one just closed), and says which it took.\n\n" +
			"Live KPIs are carried with their definitions (retired ones are not); annual targets\n" +
			"are kept within a year and taken from the new annual plan across a year end. Each key\n" +
			"result that measures a KPI is carried with start set to the KPI's final reading (its\n" +
			"latest, marked provisional, when --from has not closed), without current and target.\n" +
			"Effort key results and current, progress, done and score are not carried; objectives\n" +
			"stay only as the home of carried key results. The drafts say in comments what is left\n" +
			"to decide, and okr lint reports it until it is done.\n\n" +
			"Existing plans are never overwritten. --dry-run prints the drafts instead.\n\n" +
			"Exit status: 0 the drafts were written (or printed), 2 okr could not run (bad flag, no\n" +
			"plans in --from, unknown scope).",
		Args: cobra.MaximumNArgs(1),
		RunE: func(_ *cobra.Command, args []string) error { return runNext(env, f, args) },
	}
	fl := c.Flags()
	fl.StringVar(&f.from, "from", "", "quarter to carry forward, YYYY-Qn (default: the quarter in progress as of --as-of if it has plans, else the latest ended quarter with plans)")
	fl.StringSliceVar(&f.scopes, "scope", nil, "scopes to draft, comma-separated or repeated (default: every scope with a plan in --from)")
	fl.StringVar(&f.asOf, "as-of", "", "today's date, YYYY-MM-DD: picks the default --from and decides whether it has closed (default: today)")
	fl.BoolVar(&f.dryRun, "dry-run", false, "print the drafts instead of writing them")
	fl.StringVarP(&f.config, "config", "c", "", "configuration file (default: .okr.yaml at the repository root)")
	c.RegisterFlagCompletionFunc("scope", completeScopes(env))
	c.RegisterFlagCompletionFunc("from", completeQuarters(env))
	return c
}

func runNext(env *Env, f nextFlags, args []string) error {
	asOf, err := parseDay("--as-of", f.asOf)
	if err != nil {
		return err
	}
	// A zero From lets rollover pick: the quarter in progress, or the latest ended one with plans.
	opts := rollover.Options{AsOf: asOf, Schema: schema.Plan()}
	if f.from != "" {
		if opts.From, err = plan.ParsePeriod(f.from); err != nil {
			return troublef("--from: %v", err)
		}
	}
	for _, s := range f.scopes {
		if s = strings.TrimSpace(s); s != "" {
			opts.Scopes = append(opts.Scopes, s)
		}
	}
	root, _, err := findRoot(env, args)
	if err != nil {
		return err
	}
	cfg, err := loadConfig(env, root, f.config)
	if err != nil {
		return err
	}
	repo, _, err := loadPlans(root, nil, cfg.Paths)
	if err != nil {
		return err
	}
	cwd := workDir(env)
	show := func(file string) string { return displayPath(root, cwd, file) }
	// A plan that does not parse has no scope or period: say that it is not carried forward.
	var unreadable []string
	for _, d := range repo.Diagnostics {
		if d.Rule == plan.RuleYAMLSyntax && !slices.Contains(unreadable, show(d.File)) {
			unreadable = append(unreadable, show(d.File))
		}
	}
	if len(unreadable) > 0 {
		fmt.Fprintf(env.Stderr, "okr: warning: not carried forward, as they do not parse (okr lint says why): %s\n", strings.Join(unreadable, ", "))
	}
	res, err := rollover.Next(repo, opts)
	if err != nil {
		return troublef("%v", err)
	}
	if f.dryRun {
		if res.Fallback != "" {
			fmt.Fprintf(env.Stderr, "okr next: from %s: %s\n", res.From, res.Fallback)
		}
		for i, file := range res.Files {
			if i > 0 {
				fmt.Fprintln(env.Stdout)
			}
			if file.Skip != "" {
				fmt.Fprintf(env.Stdout, "--- %s: not written, %s\n", show(file.Path), file.Skip)
				continue
			}
			fmt.Fprintf(env.Stdout, "--- %s (new, from %s)\n%s", show(file.Path), show(file.From), file.Data)
		}
		if res.Schema != nil {
			fmt.Fprintf(env.Stdout, "\n--- %s (new: the JSON Schema the drafts point at, as okr schema prints it)\n", show(res.Schema.Path))
		}
		return nil
	}
	if err := rollover.Write(root, res); err != nil {
		return troublef("cannot write the drafts: %v", plan.UnwrapPathError(err))
	}
	fmt.Fprintf(env.Stdout, "okr next: %s → %s\n", res.From, res.To)
	if res.Fallback != "" {
		fmt.Fprintf(env.Stdout, "  from %s: %s (--from names another)\n", res.From, res.Fallback)
	}
	created := 0
	for _, file := range res.Files {
		if file.Skip != "" {
			fmt.Fprintf(env.Stdout, "  skipped %s: %s\n", show(file.Path), file.Skip)
			continue
		}
		created++
		fmt.Fprintf(env.Stdout, "  created %s (from %s)\n", show(file.Path), show(file.From))
	}
	if res.Schema != nil && res.Schema.Skip == "" && created > 0 {
		fmt.Fprintf(env.Stdout, "  created %s (the JSON Schema the new plans point at, as okr schema prints it)\n", show(res.Schema.Path))
	}
	if created == 0 {
		fmt.Fprintf(env.Stdout, "Nothing to draft: every plan of %s exists.\n", res.To)
		return nil
	}
	fmt.Fprintf(env.Stdout, "\nNext: in each new plan, set the targets and add the key results its comments ask for;\n"+
		"okr lint lists what is still open.\n")
	return nil
}
