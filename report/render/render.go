// Package render writes a report.Report in the formats okr report offers. Each format is one
// small type behind the Renderer interface, chosen by New.
package render

import (
	"fmt"
	"io"
	"strings"

	"github.com/okr-tool/okr/report"
)

// Renderer writes a whole report to w.
type Renderer interface {
	Render(w io.Writer, r *report.Report) error
}

// Options tune the renderers.
type Options struct {
	// Color lets the table format color grades and statuses with ANSI escapes. Other formats
	// ignore it.
	Color bool
}

// Formats are the names New accepts, the default first.
var Formats = []string{"table", "markdown", "html", "json", "csv"}

// New returns the renderer of a format.
func New(format string, opts Options) (Renderer, error) {
	switch format {
	case "table", "":
		return &Table{Color: opts.Color}, nil
	case "markdown", "md":
		return Markdown{}, nil
	case "html":
		return HTML{}, nil
	case "json":
		return JSON{}, nil
	case "csv":
		return CSV{}, nil
	}
	return nil, fmt.Errorf("unknown format %q; use one of %s", format, strings.Join(Formats, ", "))
}
