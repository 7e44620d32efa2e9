package cmd

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/okr-tool/okr/lint"
	"github.com/okr-tool/okr/plan"
)

func newLintCmd(env *Env) *cobra.Command {
	var format string
	c := &cobra.Command{
		Use:   "lint [path...]",
		Short: "Check plans against the rules of good OKR practice",
		Long: "Lint checks every plan of the repository (the nearest directory above with .git or\n" +
			".okr.yaml) and reports findings in the plans under the given paths (default: all).\n" +
			"Exit status: 0 no errors, 1 at least one error, 2 okr could not run.",
		RunE: func(c *cobra.Command, args []string) error {
			if format != "text" && format != "json" {
				return troublef("--format %q must be text or json", format)
			}
			repo, selected, err := loadRepository(env, args)
			if err != nil {
				return err
			}
			res := lint.Run(repo, lint.Options{Files: selected})
			cwd := workDir(env)
			for i := range res.Findings {
				res.Findings[i].Path = displayPath(repo.Root, cwd, res.Findings[i].File)
			}
			if format == "json" {
				err = writeLintJSON(env.Stdout, res)
			} else {
				err = writeLintText(env.Stdout, res)
			}
			if err != nil {
				return err
			}
			if res.Summary.Errors > 0 {
				return &ExitError{Code: ExitFindings}
			}
			return nil
		},
	}
	c.Flags().StringVarP(&format, "format", "f", "text", "output format: text or json")
	return c
}

// loadRepository finds the repository of the named paths and loads all of its plans.
func loadRepository(env *Env, args []string) (*plan.Repository, map[string]bool, error) {
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
		return nil, nil, troublef("cannot read %s: %v", name, unwrapPathError(err))
	}
	repo, selected, err := plan.Load(plan.LoadOptions{Root: root, Args: abs})
	if err != nil {
		return nil, nil, &ExitError{Code: ExitTrouble, Err: err}
	}
	return repo, selected, nil
}

func unwrapPathError(err error) error {
	if pe, ok := err.(*os.PathError); ok {
		return pe.Err
	}
	return err
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

func writeLintText(w io.Writer, res *lint.Result) error {
	for _, f := range res.Findings {
		if _, err := fmt.Fprintf(w, "%s:%d:%d: %s: %s [%s]\n", f.DisplayPath(), f.Pos.Line, f.Pos.Col, f.Severity, f.Message, f.Rule); err != nil {
			return err
		}
	}
	s := res.Summary
	_, err := fmt.Fprintf(w, "%d %s, %d %s in %d %s (%d %s)\n",
		s.Errors, plural(s.Errors, "error", "errors"), s.Warnings, plural(s.Warnings, "warning", "warnings"),
		s.Files, plural(s.Files, "file", "files"), s.Plans, plural(s.Plans, "plan", "plans"))
	return err
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

type jsonFinding struct {
	File     string `json:"file"`
	Line     int    `json:"line"`
	Column   int    `json:"column"`
	Severity string `json:"severity"`
	Rule     string `json:"rule"`
	Message  string `json:"message"`
}

func writeLintJSON(w io.Writer, res *lint.Result) error {
	out := struct {
		Findings []jsonFinding `json:"findings"`
		Summary  lint.Summary  `json:"summary"`
	}{Findings: []jsonFinding{}, Summary: res.Summary}
	for _, f := range res.Findings {
		out.Findings = append(out.Findings, jsonFinding{
			File: f.DisplayPath(), Line: f.Pos.Line, Column: f.Pos.Col,
			Severity: f.Severity.String(), Rule: f.Rule, Message: f.Message,
		})
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}
