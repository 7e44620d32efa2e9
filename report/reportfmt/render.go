// Package reportfmt writes a report.Report in the formats okr report offers. Each format is one
// small type behind the Renderer interface, one row of Formats, chosen by New.
package reportfmt

import (
	"io"

	"github.com/okr-tool/okr/internal/format"
	"github.com/okr-tool/okr/report"
)

// Renderer writes a whole report to w.
type Renderer interface {
	Render(w io.Writer, r *report.Report) error
}

// Options tune the renderers.
type Options struct {
	// Color lets the table format color grades and statuses with ANSI escapes. The other
	// formats never color.
	Color bool
}

// Formats are the formats New accepts, the default first.
var Formats = format.Table[Renderer, Options]{
	{Name: "table", New: func(o Options) Renderer { return &Table{Color: o.Color} }},
	{Name: "markdown", Aliases: []string{"md"}, New: func(Options) Renderer { return Markdown{} }},
	{Name: "html", New: func(Options) Renderer { return HTML{} }},
	{Name: "json", New: func(Options) Renderer { return JSON{} }},
	{Name: "csv", New: func(Options) Renderer { return CSV{} }},
}

// New returns the renderer of the named format; "" is table.
func New(name string, opts Options) (Renderer, error) { return Formats.New(name, opts) }
