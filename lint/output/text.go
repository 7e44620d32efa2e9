package output

import (
	"bufio"
	"fmt"
	"io"

	"github.com/fatih/color"

	"github.com/okr-tool/okr/lint"
)

// textWriter writes one line per finding, "path:line:col: severity: message [rule]", then a
// summary line.
type textWriter struct {
	w                         io.Writer
	path, err, warn, rule, ok *color.Color
}

func newText(w io.Writer, on bool) *textWriter {
	t := &textWriter{
		w:    w,
		path: color.New(color.Bold),
		err:  color.New(color.FgRed, color.Bold),
		warn: color.New(color.FgYellow, color.Bold),
		rule: color.New(color.Faint),
		ok:   color.New(color.FgGreen),
	}
	// fatih/color decides by itself from os.Stdout and NO_COLOR; the caller has decided already.
	for _, c := range []*color.Color{t.path, t.err, t.warn, t.rule, t.ok} {
		if on {
			c.EnableColor()
		} else {
			c.DisableColor()
		}
	}
	return t
}

func (t *textWriter) Write(res *lint.Result) error {
	b := bufio.NewWriter(t.w)
	for _, f := range res.Findings {
		sev := t.warn
		if f.Severity == lint.Error {
			sev = t.err
		}
		fmt.Fprintf(b, "%s:%d:%d: %s: %s %s\n", t.path.Sprint(f.DisplayPath()), f.Pos.Line, f.Pos.Col,
			sev.Sprint(f.Severity), f.Message, t.rule.Sprint("["+f.Rule+"]"))
	}
	line := summaryLine(res.Summary)
	switch {
	case res.Summary.Errors > 0:
		line = t.err.Sprint(line)
	case res.Summary.Warnings > 0:
		line = t.warn.Sprint(line)
	default:
		line = t.ok.Sprint(line)
	}
	fmt.Fprintln(b, line)
	return b.Flush()
}
