package cmd

import (
	"context"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/okr-tool/okr/checkin"
	"github.com/okr-tool/okr/plan"
	"github.com/okr-tool/okr/vcs"
)

// checkinFlags are the options of okr checkin.
type checkinFlags struct {
	note       string
	confidence string
	period     string
	asOf       string
	from       string
	commit     bool
	config     string
}

func newCheckinCmd(env *Env) *cobra.Command {
	var f checkinFlags
	c := &cobra.Command{
		Use:   "checkin SCOPE ID=VALUE... [--note TEXT] [--confidence 0..1]",
		Short: "Record progress: key results' current values, effort progress and KPI actuals",
		Long: "Checkin records this week's numbers in the plan of SCOPE for the quarter in progress\n" +
			"(--period, --as-of), changing only the values' bytes: comments, order, quoting and line\n" +
			"endings stay as they are.\n\n" +
			"  ID=9.8      an outcome key result's current value, or a KPI's actual\n" +
			"  ID=done     an effort key result is done\n" +
			"  ID=60%      an effort key result's progress (also ID=0.6)\n" +
			"  ID          with --note or --confidence only\n\n" +
			"kr:ID and kpi:ID say which one is meant when a key result and a KPI share an id.\n" +
			"--note and --confidence are recorded on every key result named. --from FILE reads the\n" +
			"changes from a CSV file whose first row names its columns: scope, period, id, value,\n" +
			"confidence, note (id required; scope and period default to the command line's).\n\n" +
			"Every change is checked before any file is written: an unknown scope, period or id, a\n" +
			"bad value or a plan with YAML syntax errors changes nothing. Each change is printed with\n" +
			"the key result's new score, followed by any lint finding the check-in creates. --commit\n" +
			"commits exactly the changed values with a message listing the changes; it refuses, writing\n" +
			"nothing, when a file to change is not committed yet or holds other uncommitted edits.\n\n" +
			"Exit status: 0 the check-in was recorded, 2 it was not (bad argument, unknown id, a\n" +
			"file that changed on disk meanwhile).",
		Args:              cobra.ArbitraryArgs,
		ValidArgsFunction: completeCheckin(env, &f),
		RunE: func(c *cobra.Command, args []string) error {
			if c.Flags().Changed("note") && strings.TrimSpace(f.note) == "" {
				return troublef("--note is empty; write the note in quotes, e.g. --note \"two deals slipped\" (a check-in replaces a note, it does not remove one)")
			}
			return runCheckin(env, f, args)
		},
	}
	fl := c.Flags()
	fl.StringVar(&f.note, "note", "", "a short note recorded on each key result named")
	fl.StringVar(&f.confidence, "confidence", "", "the owners' confidence of reaching the targets, 0 to 1 (or 60%)")
	fl.StringVar(&f.period, "period", "", "the plans' period, YYYY-Qn or YYYY (default: the quarter in progress)")
	fl.StringVar(&f.asOf, "as-of", "", "the day whose quarter is in progress, YYYY-MM-DD (default: today)")
	fl.StringVar(&f.from, "from", "", "read the changes from this CSV file")
	fl.BoolVar(&f.commit, "commit", false, "commit the changed files with a message listing the changes")
	fl.StringVarP(&f.config, "config", "c", "", "configuration file (default: .okr.yaml at the repository root)")
	c.RegisterFlagCompletionFunc("period", completePeriods(env, true))
	return c
}

func runCheckin(env *Env, f checkinFlags, args []string) error {
	cwd := workDir(env)
	opts := checkin.Options{}
	if f.period != "" {
		p, err := plan.ParsePeriod(f.period)
		if err != nil {
			return troublef("--period: %v", err)
		}
		opts.Period = p
	}
	asOf, err := parseDay("--as-of", f.asOf)
	if err != nil {
		return err
	}
	opts.AsOf = asOf
	if f.confidence != "" {
		v, err := checkin.ParseConfidence(f.confidence)
		if err != nil {
			return troublef("--confidence: %v", err)
		}
		opts.Confidence = &v
	}
	if f.note != "" {
		opts.Note = &f.note
	}

	// The first argument is the scope, except that with --from it may be left out.
	if len(args) > 0 && (f.from == "" || !strings.Contains(args[0], "=")) {
		opts.Scope, args = args[0], args[1:]
	}
	var changes []checkin.Change
	if f.from != "" {
		path := f.from
		if !filepath.IsAbs(path) {
			path = filepath.Join(cwd, path)
		}
		file, err := os.Open(path)
		if err != nil {
			return troublef("--from: cannot read %s: %v", f.from, plan.UnwrapPathError(err))
		}
		defer file.Close()
		rows, err := checkin.ReadCSV(f.from, file)
		if err != nil {
			return troublef("%v", err)
		}
		changes = append(changes, rows...)
	}
	for _, a := range args {
		c, err := checkin.ParseArg(a)
		if err != nil {
			return troublef("%v", err)
		}
		changes = append(changes, c)
	}
	if opts.Scope == "" && f.from == "" {
		return troublef("name the scope first: okr checkin SCOPE ID=VALUE..., e.g. okr checkin sales pipeline=9.8")
	}

	root, _, err := findRoot(env, nil)
	if err != nil {
		return err
	}
	cfg, err := loadConfig(env, root, f.config)
	if err != nil {
		return err
	}
	opts.Root, opts.Globs, opts.Lint = root, cfg.Paths, cfg.Options()
	opts.Lint.AsOf = asOf // the findings a change creates are judged on the check-in's day

	var git *vcs.Repo
	if f.commit {
		if git, err = vcs.Open(context.Background(), root); err != nil {
			return troublef("--commit needs git: %v; nothing was written (leave out --commit to record the check-in without a commit)", err)
		}
	}
	res, err := checkin.Prepare(opts, changes)
	if err != nil {
		return troublef("%v", err)
	}
	show := func(rel string) string { return displayPath(root, cwd, rel) }
	files := make([]string, len(res.Files))
	for i, rel := range res.Files {
		files[i] = filepath.Join(root, filepath.FromSlash(rel))
	}
	if git != nil && len(files) > 0 {
		if err := commitReady(git, files, res.Files, show); err != nil {
			return err
		}
	}
	if err := res.Write(); err != nil {
		return troublef("%v", err)
	}
	if err := res.Print(env.Stdout, show); err != nil {
		return err
	}
	if git != nil && len(files) > 0 {
		hash, err := git.Commit(context.Background(), res.CommitMessage(), files)
		if err != nil {
			return troublef("the files were written but not committed: %v", err)
		}
		env.Stdout.Write([]byte("committed " + hash[:min(len(hash), 12)] + "\n"))
	}
	return nil
}

// commitReady checks, before anything is written, that a commit of files would hold exactly the
// check-in: git tracks each file and it holds no other change, and git knows who commits.
// A commit takes a file whole, so an untracked plan or an uncommitted edit would otherwise be
// committed under the check-in's message.
func commitReady(git *vcs.Repo, files, rels []string, show func(string) string) error {
	ctx := context.Background()
	states, err := git.Uncommitted(ctx, files)
	if err != nil {
		return troublef("--commit: %v; nothing was written", err)
	}
	for _, st := range states {
		rel := ""
		for i, f := range files {
			if f == st.Path {
				rel = show(rels[i])
			}
		}
		if st.Untracked {
			return troublef("--commit: %s is not committed yet, and a check-in commit would commit the whole file; nothing was written: "+
				"commit the plans first (git add %s && git commit -m \"OKR plans\"), or leave out --commit", rel, rel)
		}
		return troublef("--commit: %s has changes that are not committed, and a check-in commit would commit them too; nothing was written: "+
			"commit or stash those changes first (git diff HEAD -- %s shows them), or leave out --commit", rel, rel)
	}
	if err := git.CheckIdentity(ctx); err != nil {
		return troublef("--commit: %v; nothing was written (or leave out --commit)", err)
	}
	return nil
}
