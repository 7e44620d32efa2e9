// Package cmd holds okr's command-line interface: one small Cobra command per file, each turning
// flags into calls of the plan, lint and report packages.
package cmd

import (
	"errors"
	"fmt"
	"io"

	"github.com/spf13/cobra"

	"github.com/okr-tool/okr/internal/textsafe"
)

// Exit codes of okr, as the plan format specifies.
const (
	ExitOK       = 0 // no error-severity finding
	ExitFindings = 1 // at least one error-severity finding
	ExitTrouble  = 2 // okr could not run: bad flag, bad configuration, unreadable path
)

// ExitError is an error that carries the exit code okr ends with.
type ExitError struct {
	Code int
	Err  error // nil when the output already said everything (e.g. findings were printed)
}

func (e *ExitError) Error() string {
	if e.Err == nil {
		return fmt.Sprintf("exit status %d", e.Code)
	}
	return e.Err.Error()
}

func (e *ExitError) Unwrap() error { return e.Err }

// troublef returns an exit-2 error: okr could not do what it was asked.
func troublef(format string, args ...any) error {
	return &ExitError{Code: ExitTrouble, Err: fmt.Errorf(format, args...)}
}

// Env is what a command may touch of the outside world, so tests can run the whole CLI
// in-process.
type Env struct {
	Stdout io.Writer
	Stderr io.Writer
	// Getenv reads an environment variable (NO_COLOR, TERM).
	Getenv func(string) string
	// IsTerminal reports whether a writer is an interactive terminal.
	IsTerminal func(io.Writer) bool
	// Dir is the working directory; "" means the process's.
	Dir string
}

// NewRootCmd builds the okr command tree writing to env's streams.
func NewRootCmd(env *Env) *cobra.Command {
	root := &cobra.Command{
		Use:   "okr",
		Short: "Lint and score OKR and KPI plans kept as YAML in git",
		Long: "okr checks OKR and KPI plan files against the rules of good OKR practice (okr lint)\n" +
			"and scores them for quarterly reviews (okr report).",
		SilenceUsage:  true,
		SilenceErrors: true,
		// okr --version prints the line okr version prints.
		Version: currentBuild().String(),
	}
	root.SetVersionTemplate("{{.Version}}\n")
	root.SetOut(env.Stdout)
	root.SetErr(env.Stderr)
	root.SetFlagErrorFunc(func(c *cobra.Command, err error) error {
		return &ExitError{Code: ExitTrouble, Err: fmt.Errorf("%w\nrun '%s --help' for usage", err, c.CommandPath())}
	})
	root.AddCommand(
		newLintCmd(env),
		newRulesCmd(env),
		newReportCmd(env),
		newDiffCmd(env),
		newInitCmd(env),
		newNextCmd(env),
		newVersionCmd(env),
		newCheckinCmd(env),
		newSchemaCmd(env),
	)
	addCompletions(env, root)
	return root
}

// Main runs okr with args (without the program name) and returns the exit code.
func Main(args []string, env *Env) int {
	root := NewRootCmd(env)
	root.SetArgs(args)
	err := root.Execute()
	if err == nil {
		return ExitOK
	}
	var exit *ExitError
	if errors.As(err, &exit) {
		if exit.Err != nil {
			fmt.Fprintf(env.Stderr, "okr: %s\n", textsafe.Lines(exit.Err.Error()))
		}
		return exit.Code
	}
	// Cobra's own errors (unknown command, bad arguments) are usage problems.
	fmt.Fprintf(env.Stderr, "okr: %s\n", textsafe.Lines(err.Error()))
	return ExitTrouble
}
