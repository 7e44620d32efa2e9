package format

import (
	"fmt"

	"github.com/fatih/color"
)

// Color modes of --color.
const (
	ColorAuto   = "auto"
	ColorAlways = "always"
	ColorNever  = "never"
)

// UseColor decides whether output is colored: mode is --color ("" means auto); auto colors only
// a terminal, and never with NO_COLOR set or TERM=dumb. getenv reads the environment (nil reads
// nothing) and terminal says whether the output is an interactive terminal. Only the text
// formats color; JSON, SARIF, CSV, HTML and annotations never do, whatever this says.
func UseColor(mode string, getenv func(string) string, terminal bool) (bool, error) {
	switch mode {
	case ColorAlways:
		return true, nil
	case ColorNever:
		return false, nil
	case ColorAuto, "":
		if getenv != nil && (getenv("NO_COLOR") != "" || getenv("TERM") == "dumb") {
			return false, nil
		}
		return terminal, nil
	}
	return false, fmt.Errorf("--color %q must be %s, %s or %s", mode, ColorAuto, ColorAlways, ColorNever)
}

// Style paints text with ANSI attributes, or leaves it alone when off. The caller decides with
// UseColor: fatih/color on its own would decide from NO_COLOR when a Color is made and from
// os.Stdout, whatever the output is, so a Style switches it on or off explicitly.
type Style struct{ c *color.Color }

// Attributes of a Style.
const (
	Bold   = color.Bold
	Faint  = color.Faint
	Red    = color.FgRed
	Green  = color.FgGreen
	Yellow = color.FgYellow
	Blue   = color.FgBlue
)

// NewStyle returns the style of attrs, painting only when on.
func NewStyle(on bool, attrs ...color.Attribute) Style {
	c := color.New(attrs...)
	if on {
		c.EnableColor()
	} else {
		c.DisableColor()
	}
	return Style{c}
}

// Sprint formats a as fmt.Sprint does, painted; the zero Style does not paint.
func (s Style) Sprint(a ...any) string {
	if s.c == nil {
		return fmt.Sprint(a...)
	}
	return s.c.Sprint(a...)
}
