package output

import (
	"bufio"
	"fmt"
	"io"

	"github.com/okr-tool/okr/internal/format"
	"github.com/okr-tool/okr/internal/textsafe"
	"github.com/okr-tool/okr/lint"
)

// textWriter writes one line per finding, "path:line:col: severity: message [rule]", then a
// summary line.
type textWriter struct {
	w                         io.Writer
	path, err, warn, rule, ok format.Style
}

func newText(w io.Writer, on bool) *textWriter {
	return &textWriter{
		w:    w,
		path: format.NewStyle(on, format.Bold),
		err:  format.NewStyle(on, format.Red, format.Bold),
		warn: format.NewStyle(on, format.Yellow, format.Bold),
		rule: format.NewStyle(on, format.Faint),
		ok:   format.NewStyle(on, format.Green),
	}
}

func (t *textWriter) Write(res *lint.Result) error {
	res = textsafe.Clean(res) // plan text and file names may hold control characters
	b := bufio.NewWriter(t.w)
	for _, f := range res.Findings {
		sev := t.warn
		if f.Severity == lint.Error {
			sev = t.err
		}
		fmt.Fprintf(b, "%s:%d:%d: %s: %s %s\n", t.path.Sprint(textsafe.Path(f.DisplayPath())), f.Pos.Line, f.Pos.Col,
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
