package cmd

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/okr-tool/okr/plan"
	"github.com/okr-tool/okr/scaffold"
	"github.com/okr-tool/okr/schema"
	"github.com/okr-tool/okr/vcs"
)

func newInitCmd(env *Env) *cobra.Command {
	var asOf string
	c := &cobra.Command{
		Use:   "init [dir]",
		Short: "Create a plan repository: configuration, example plans, CI workflow and editor settings",
		Long: "Init creates a working plan repository in dir (default: the current directory):\n" +
			"  .okr.yaml                         every setting, commented out at its default\n" +
			"  plans/YYYY/company.yaml           the company's annual plan, as an example\n" +
			"  plans/YYYY-Qn/company.yaml        its plan for the quarter in progress\n" +
			"  .github/workflows/okr.yaml        CI: okr lint on every push and pull request, with\n" +
			"                                    findings as annotations (okr's GitHub Action)\n" +
			"  .vscode/settings.json             validates plans in VS Code as they are typed\n" +
			"  .okr/plan.schema.json             the JSON Schema the plans and the editor use\n" +
			"  .okr/okr-config.schema.json       the JSON Schema of .okr.yaml\n" +
			"The example plans show the format with comments and lint clean. Init never overwrites\n" +
			"a file: what exists is skipped and listed.\n\n" +
			"Exit status: 0 the repository was created (or already complete), 2 okr could not run.",
		Args: func(_ *cobra.Command, args []string) error {
			if len(args) > 1 {
				return troublef("okr init takes one directory, not %d (%s); quote a name with spaces", len(args), strings.Join(args, " "))
			}
			return nil
		},
		RunE: func(_ *cobra.Command, args []string) error {
			day, err := parseDay("--as-of", asOf)
			if err != nil {
				return err
			}
			dir := "."
			if len(args) == 1 {
				dir = args[0]
			}
			// The schemas that okr schema prints, for editors: the plans and .okr.yaml point at them.
			return runInit(env, dir, scaffold.Options{AsOf: day, Schema: schema.Plan(), ConfigSchema: schema.Config()})
		},
	}
	c.Flags().StringVar(&asOf, "as-of", "", "today's date, YYYY-MM-DD: the plans are for its year and quarter (default: today)")
	return c
}

func runInit(env *Env, dir string, opts scaffold.Options) error {
	abs := dir
	if !filepath.IsAbs(abs) {
		abs = filepath.Join(workDir(env), dir)
	}
	if info, err := os.Stat(abs); err == nil && !info.IsDir() {
		return troublef("cannot create a plan repository in %s: it is a file", dir)
	}
	res, err := scaffold.Init(abs, opts)
	if res != nil {
		for _, f := range res.Created {
			fmt.Fprintf(env.Stdout, "  created %s\n", filepath.ToSlash(filepath.Join(dir, f)))
		}
		for _, f := range res.Skipped {
			fmt.Fprintf(env.Stdout, "  skipped %s: it exists\n", filepath.ToSlash(filepath.Join(dir, f)))
		}
	}
	if err != nil {
		return troublef("cannot create the plan repository in %s: %s", dir, initError(abs, dir, err))
	}
	for _, n := range res.Notes {
		fmt.Fprintf(env.Stdout, "  note: %s\n", n)
	}
	if len(res.Created) == 0 {
		fmt.Fprintf(env.Stdout, "Nothing to create: %s has every file already.\n", dir)
		return nil
	}
	fmt.Fprintf(env.Stdout, "\nNext steps:\n")
	step := 1
	if dir != "." {
		fmt.Fprintf(env.Stdout, "  %d. cd %s\n", step, dir)
		step++
	}
	if vcs.TopLevel(abs) == "" {
		fmt.Fprintf(env.Stdout, "  %d. git init, then commit: the history is the record of every check-in\n", step)
		step++
	}
	fmt.Fprintf(env.Stdout, "  %d. Replace the examples in plans/%s/company.yaml and plans/%s/company.yaml with your plans;\n"+
		"     add a plan per team beside them (plans/%s/<team>.yaml with parent: company)\n", step, res.Year, res.Quarter, res.Quarter)
	step++
	fmt.Fprintf(env.Stdout, "  %d. okr lint checks them; okr report scores them\n", step)
	step++
	fmt.Fprintf(env.Stdout, "  %d. Push: .github/workflows/okr.yaml lints every pull request\n", step)
	step++
	fmt.Fprintf(env.Stdout, "  %d. Each week, okr checkin records progress; at the end of the quarter, okr next drafts the next one\n", step)
	return nil
}

// initError names the path a failed okr init stumbled on, as the user wrote the directory, and
// says what to do when a file stands where a directory must go.
func initError(abs, dir string, err error) string {
	var pe *os.PathError
	if !errors.As(err, &pe) {
		return err.Error()
	}
	where := pe.Path
	if rel, e := filepath.Rel(abs, pe.Path); e == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		where = filepath.ToSlash(filepath.Join(dir, rel))
	}
	if info, e := os.Stat(pe.Path); e == nil && !info.IsDir() && pe.Op == "mkdir" {
		return fmt.Sprintf("%s is a file, where okr init needs a directory; move it away, or run okr init in another directory", where)
	}
	return fmt.Sprintf("%s: %v", where, plan.UnwrapPathError(err))
}
