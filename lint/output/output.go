// Package output writes lint results in the formats people and CI read: text for terminals and
// problem matchers, JSON for tools, SARIF for code scanning and GitHub workflow annotations. Each
// format is a small type behind the Writer interface, one row of Formats, chosen by New.
package output

import (
	"fmt"
	"io"

	"github.com/okr-tool/okr/internal/format"
	"github.com/okr-tool/okr/lint"
)

// Formats are the formats New accepts, the default first.
var Formats = format.Table[Writer, Options]{
	{Name: "text", New: func(o Options) Writer { return newText(o.W, o.Color) }},
	{Name: "json", New: func(o Options) Writer { return &jsonWriter{w: o.W} }},
	{Name: "sarif", New: func(o Options) Writer { return &sarifWriter{w: o.W, opts: o} }},
	{Name: "github", New: func(o Options) Writer { return &githubWriter{w: o.W} }},
}

// Writer writes a lint result in one format.
type Writer interface {
	Write(res *lint.Result) error
}

// Options tune the formats that use them.
type Options struct {
	// W is where the result is written.
	W io.Writer
	// Color turns on colors in the text format; the other formats never color.
	Color bool
	// Rules are the rules of the run with their configured severities, for SARIF's rule
	// catalogue; nil means the registry with default severities.
	Rules []lint.Rule
	// Severity holds the configured severities by rule ID.
	Severity map[string]lint.Severity
	// Version is okr's version, for SARIF's tool description.
	Version string
}

// New returns the writer of the named format, writing to w; "" is text.
func New(name string, w io.Writer, opts Options) (Writer, error) {
	opts.W = w
	return Formats.New(name, opts)
}

// summaryLine is the closing line of the text and github formats.
func summaryLine(s lint.Summary) string {
	return fmt.Sprintf("%s, %s in %s (%s)",
		count(s.Errors, "error", "errors"), count(s.Warnings, "warning", "warnings"),
		count(s.Files, "file", "files"), count(s.Plans, "plan", "plans"))
}

func count(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}
