package cmd

import (
	"io"
	"os"

	"github.com/mattn/go-isatty"
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

// useColor decides whether output to w is colored: mode is "always", "never" or "auto"; auto
// means w is a terminal, NO_COLOR is unset and TERM is not "dumb".
func useColor(env *Env, mode string, w io.Writer) (bool, error) {
	switch mode {
	case "always":
		return true, nil
	case "never":
		return false, nil
	case "auto", "":
		if env.Getenv != nil && (env.Getenv("NO_COLOR") != "" || env.Getenv("TERM") == "dumb") {
			return false, nil
		}
		return env.IsTerminal != nil && env.IsTerminal(w), nil
	}
	return false, troublef("--color %q must be auto, always or never", mode)
}
