// Package reportfmt writes a report.Report in the formats okr report offers. Each format is one
// small type behind the Renderer interface, one row of Formats, chosen by New.
package reportfmt

import (
	"io"
	"slices"

	"github.com/okr-tool/okr/internal/format"
	"github.com/okr-tool/okr/internal/textsafe"
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
	{Name: "table", New: func(o Options) Renderer { return escaped{&Table{Color: o.Color}} }},
	{Name: "markdown", Aliases: []string{"md"}, New: func(Options) Renderer { return escaped{Markdown{}} }},
	{Name: "html", New: func(Options) Renderer { return HTML{} }},
	{Name: "json", New: func(Options) Renderer { return JSON{} }},
	{Name: "csv", New: func(Options) Renderer { return escaped{CSV{}} }},
}

// escaped is the one place the text formats (table, Markdown, CSV) make a report safe to show:
// it renders a copy in which every string is escaped with textsafe.Clean, so no control or bidi
// character from a plan reaches a terminal, a document or a spreadsheet, and a skipped file's
// name cannot start a line with "::". HTML and JSON escape by their own rules.
type escaped struct{ Renderer }

// Render implements Renderer.
func (e escaped) Render(w io.Writer, r *report.Report) error {
	r = textsafe.Clean(r)
	if len(r.Skipped) > 0 {
		c := *r
		c.Skipped = slices.Clone(r.Skipped)
		for i := range c.Skipped {
			c.Skipped[i].File = textsafe.Path(c.Skipped[i].File)
		}
		r = &c
	}
	return e.Renderer.Render(w, r)
}

// New returns the renderer of the named format; "" is table.
func New(name string, opts Options) (Renderer, error) { return Formats.New(name, opts) }
