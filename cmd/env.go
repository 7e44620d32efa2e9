package cmd

import (
	"io"
	"os"

	"github.com/mattn/go-isatty"

	"github.com/okr-tool/okr/internal/format"
)

// OSEnv is the environment of the running process.
func OSEnv() *Env {
	return &Env{
		Stdout:     os.Stdout,
		Stderr:     os.Stderr,
		Getenv:     os.Getenv,
		IsTerminal: isTerminal,
	}
}

func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && (isatty.IsTerminal(f.Fd()) || isatty.IsCygwinTerminal(f.Fd()))
}

// useColor decides whether output to w is colored by --color mode (see format.UseColor).
func useColor(env *Env, mode string, w io.Writer) (bool, error) {
	on, err := format.UseColor(mode, env.Getenv, env.IsTerminal != nil && env.IsTerminal(w))
	if err != nil {
		return false, troublef("%v", err)
	}
	return on, nil
}
