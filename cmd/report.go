package cmd

import (
	"bytes"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/okr-tool/okr/edit"
	"github.com/okr-tool/okr/plan"
	"github.com/okr-tool/okr/report"
	"github.com/okr-tool/okr/report/reportfmt"
)

// reportFlags are the options of okr report.
type reportFlags struct {
	format string
	period string
	scopes []string
	asOf   string
	color  string
	output string
	config string
	git    reportGit // --rev, --history
}

func newReportCmd(env *Env) *cobra.Command {
	var f reportFlags
	c := &cobra.Command{
		Use:   "report [path...]",
		Short: "Score plans for a review: objectives, key results, statuses, alignment and KPI trends",
		Long: "Report scores the plans of one period (default: the quarter under way as of --as-of,\n" +
			"else the latest period that has a plan) and shows each objective with its key results,\n" +
			"scores, grades and status as of a date, the alignment of team objectives under company\n" +
			"objectives, and every KPI quarter by quarter against its targets. Plans with lint errors\n" +
			"are reported as far as they go; what could not be read is listed at the end. Paths, when\n" +
			"given, limit the plans considered to those files and directories.\n\n" +
			"Grades: " + report.GradesText() + ". During a period each key result is\n" +
			"compared with the score expected by now, the share of the period elapsed:\n" +
			report.BehindText() + ".\n" +
			"Formats: " + formatsText(reportfmt.Formats.Names()) + ".\n\n" +
			"In a git repository, --as-of DAY reads the plans as committed by the end of that day on\n" +
			"the current branch (the work tree when the day is not before the newest commit), and the\n" +
			"report names the commit; outside git it says that the values may be newer than the day.\n" +
			"--rev REV reports the plans as they were at REV, read from git (a quarterly report\n" +
			"reproduced from a tag), with --as-of's day as the clock; --history adds the history of\n" +
			"check-ins: a trend per key result, every KPI's readings, and KPIs not updated within their\n" +
			"reporting frequency marked stale. In git every report shows the targets eased after\n" +
			"their period started, beside the key result or KPI: old and new value, date, commit and\n" +
			"the reason of its # okr:ignore moved-goalposts comment.\n\n" +
			"Exit status: 0 the report was written, 2 okr could not run (bad flag, unreadable path,\n" +
			"nothing to report).",
		RunE: func(_ *cobra.Command, args []string) error { return runReport(env, f, args) },
	}
	fl := c.Flags()
	fl.StringVarP(&f.format, "format", "f", "table", "output format: "+strings.Join(reportfmt.Formats.Names(), ", "))
	fl.StringVar(&f.period, "period", "", "period to report, YYYY-Qn or YYYY (default: the quarter under way, else the latest with a plan)")
	fl.StringSliceVar(&f.scopes, "scope", nil, "scopes to report, comma-separated or repeated (default: all)")
	fl.StringVar(&f.asOf, "as-of", "", "date the report stands at, YYYY-MM-DD (default: today); in git the plans are read as committed by the end of that day")
	fl.StringVar(&f.color, "color", "auto", "color the table format: auto, always or never")
	fl.StringVarP(&f.output, "output", "o", "", "write the report to this file instead of standard output")
	fl.StringVarP(&f.config, "config", "c", "", "configuration file (default: .okr.yaml at the repository root)")
	f.git.register(fl)
	return c
}

func runReport(env *Env, f reportFlags, args []string) error {
	opts, err := reportOptions(f)
	if err != nil {
		return err
	}
	out := env.Stdout
	if f.output != "" {
		out = nil // a file is never a terminal
	}
	colored, err := useColor(env, f.color, out)
	if err != nil {
		return err
	}
	r, err := reportfmt.New(f.format, reportfmt.Options{Color: colored})
	if err != nil {
		return troublef("%v", err)
	}
	root, abs, err := findRoot(env, args)
	if err != nil {
		return err
	}
	if f.asOf != "" {
		f.git.asOf = opts.AsOf
	}
	_, repo, selected, source, err := f.git.load(env, root, abs, f.config)
	if err != nil {
		return err
	}
	opts.Files, opts.Source = selected, source
	if err := f.git.apply(env, repo, &opts); err != nil {
		return err
	}
	rep, err := report.Build(repo, opts)
	if err != nil {
		return troublef("%v", err)
	}
	var buf bytes.Buffer
	if err := r.Render(&buf, rep); err != nil {
		return troublef("cannot render the report: %v", err)
	}
	if f.output == "" {
		_, err := env.Stdout.Write(buf.Bytes())
		return err
	}
	path := f.output
	if !filepath.IsAbs(path) {
		path = filepath.Join(workDir(env), path)
	}
	if err := edit.WriteFile(path, buf.Bytes()); err != nil {
		return troublef("cannot write %s: %v", f.output, err)
	}
	return nil
}

// formatsText lists formats for a help text, the default first and marked: "table (default),
// markdown, html".
func formatsText(names []string) string {
	if len(names) == 0 {
		return ""
	}
	return strings.Join(append([]string{names[0] + " (default)"}, names[1:]...), ", ")
}

// reportOptions checks the flags that select what is reported.
func reportOptions(f reportFlags) (report.Options, error) {
	var opts report.Options
	if f.period != "" {
		p, err := plan.ParsePeriod(f.period)
		if err != nil {
			return opts, troublef("--period: %v", err)
		}
		opts.Period = p
	}
	for _, s := range f.scopes {
		if s = strings.TrimSpace(s); s != "" {
			opts.Scopes = append(opts.Scopes, s)
		}
	}
	asOf, err := parseDay("--as-of", f.asOf)
	opts.AsOf = asOf
	return opts, err
}
