// Package output writes lint results in the formats people and CI read: text for terminals and
// problem matchers, JSON for tools, SARIF for code scanning and GitHub workflow annotations. Each
// format is a small type behind the Writer interface, chosen by New.
package output

import (
	"fmt"
	"io"
	"strings"

	"github.com/okr-tool/okr/lint"
)

// Formats are the names New accepts, the default first.
var Formats = []string{"text", "json", "sarif", "github"}

// Writer writes a lint result in one format.
type Writer interface {
	Write(res *lint.Result) error
}

// Options tune the formats that use them.
type Options struct {
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

// New returns the writer of the named format.
func New(format string, w io.Writer, opts Options) (Writer, error) {
	switch format {
	case "text", "":
		return newText(w, opts.Color), nil
	case "json":
		return &jsonWriter{w: w}, nil
	case "sarif":
		return &sarifWriter{w: w, opts: opts}, nil
	case "github":
		return &githubWriter{w: w}, nil
	}
	return nil, fmt.Errorf("--format %q must be one of %s", format, strings.Join(Formats, ", "))
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
