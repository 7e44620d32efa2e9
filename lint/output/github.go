package output

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/okr-tool/okr/internal/textsafe"
	"github.com/okr-tool/okr/lint"
)

// githubWriter writes GitHub Actions workflow commands, which the runner turns into annotations
// on the pull request: "::error file=…,line=…,col=…,title=…::message".
type githubWriter struct{ w io.Writer }

func (g *githubWriter) Write(res *lint.Result) error {
	res = textsafe.Clean(res) // no escape sequence or bidi control reaches the log or the annotation
	b := bufio.NewWriter(g.w)
	for _, f := range res.Findings {
		fmt.Fprintf(b, "::%s file=%s,line=%d,col=%d,title=%s::%s\n", f.Severity,
			escapeProperty(f.DisplayPath()), f.Pos.Line, f.Pos.Col, escapeProperty("okr "+f.Rule), escapeData(f.Message))
	}
	fmt.Fprintln(b, summaryLine(res.Summary))
	return b.Flush()
}

// escapeData escapes the message of a workflow command, as the runner unescapes it: '%' first,
// then the line breaks that would end the command.
var escapeData = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace

// escapeProperty escapes a property value of a workflow command, where ':' and ',' separate
// properties.
var escapeProperty = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace
