// Package difffmt writes a plandiff.Diff in the formats okr diff offers: text for a terminal,
// Markdown ready to post as a pull-request comment, and JSON. Each format is one small type
// behind the Renderer interface, one row of Formats, chosen by New.
package difffmt

import (
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"

	"github.com/okr-tool/okr/internal/format"
	"github.com/okr-tool/okr/internal/textsafe"
	"github.com/okr-tool/okr/plandiff"
	"github.com/okr-tool/okr/report"
)

// Renderer writes a whole diff to w.
type Renderer interface {
	Render(w io.Writer, d *plandiff.Diff) error
}

// Options tune the renderers.
type Options struct {
	// Color lets the text format color what was added, removed and changed; the other formats
	// never color.
	Color bool
}

// Formats are the formats New accepts, the default first.
var Formats = format.Table[Renderer, Options]{
	{Name: "text", New: func(o Options) Renderer { return escaped{newText(o.Color)} }},
	{Name: "markdown", Aliases: []string{"md"}, New: func(Options) Renderer { return escaped{Markdown{}} }},
	{Name: "json", New: func(Options) Renderer { return JSON{} }},
}

// escaped is the one place the text and Markdown formats make a diff safe to show: it renders a
// copy in which every string (titles, owners, ids, file names, revisions) is escaped with
// textsafe.Clean, so no control or bidi character from a plan reaches a terminal or a pull-request
// comment. JSON escapes by its own rules.
type escaped struct{ Renderer }

// Render implements Renderer.
func (e escaped) Render(w io.Writer, d *plandiff.Diff) error {
	return e.Renderer.Render(w, textsafe.Clean(d))
}

// New returns the renderer of the named format; "" is text.
func New(name string, opts Options) (Renderer, error) { return Formats.New(name, opts) }

// mark is the one-character sign of a kind: + added, - removed, ~ changed, ! could not be read.
func mark(k plandiff.Kind) string {
	switch k {
	case plandiff.Added:
		return "+"
	case plandiff.Removed:
		return "-"
	case plandiff.Unreadable:
		return "!"
	}
	return "~"
}

// problemText says why a version of a plan could not be read: "could not be read in HEAD
// (line 3: invalid YAML: …)", naming the version as the diff does.
func problemText(d *plandiff.Diff, p *plandiff.Plan) string {
	where := d.Base
	if p.Problem.InHead {
		where = d.Head
	}
	return fmt.Sprintf("could not be read in %s (line %d: %s)", where, p.Problem.Line, p.Problem.Message)
}

// scoreText shows a score's move: "0.40 → 0.60 (+0.20)"; the score alone for an item added or
// removed or a score that did not move; "no data" without a measurement. The difference is
// that of the rounded scores, so the three numbers agree.
func scoreText(k plandiff.Kind, s plandiff.Score) string {
	show := func(v *float64) string {
		if v == nil {
			return "no data"
		}
		return report.FormatScore(*v)
	}
	switch {
	case k == plandiff.Added:
		return show(s.New)
	case k == plandiff.Removed:
		return show(s.Old)
	case !s.Changed():
		return show(s.New)
	case s.Old != nil && s.New != nil:
		d := math.Round(*s.New*100)/100 - math.Round(*s.Old*100)/100
		return show(s.Old) + " → " + show(s.New) + " (" + signed(d, true) + ")"
	}
	return show(s.Old) + " → " + show(s.New)
}

// valueText shows a KPI reading's move: "74 → 75 (+1)", or the reading alone for a KPI added,
// removed or not moved.
//
// A reading that is written but could not be read shows as invalid, with the problem.
func valueText(k plandiff.Kind, s plandiff.Score, oldProblem, newProblem string) string {
	show := func(v *float64, problem string) string {
		switch {
		case v != nil:
			return report.FormatNumber(*v)
		case problem != "":
			return "invalid (" + problem + ")"
		}
		return "none"
	}
	switch {
	case k == plandiff.Added:
		return show(s.New, newProblem)
	case k == plandiff.Removed:
		return show(s.Old, oldProblem)
	case !s.Changed():
		return show(s.New, newProblem)
	}
	if d := s.Delta(); d != nil {
		return show(s.Old, oldProblem) + " → " + show(s.New, newProblem) + " (" + signed(*d, false) + ")"
	}
	return show(s.Old, oldProblem) + " → " + show(s.New, newProblem)
}

// fieldText shows one changed field: "current 74 → 75 (+1)", "owner set to Dana", "kpi removed
// (was retention)", "current 62 → invalid (current "62%" is not a number…)".
func fieldText(f plandiff.Field) string {
	switch {
	case f.NewProblem != "" && f.Old != "":
		return f.Name + " " + f.Old + " → invalid (" + f.NewProblem + ")"
	case f.NewProblem != "":
		return f.Name + " invalid (" + f.NewProblem + ")"
	case f.OldProblem != "" && f.New != "":
		return f.Name + " " + f.New + ", was invalid (" + f.OldProblem + ")"
	case f.OldProblem != "":
		return f.Name + " removed, was invalid (" + f.OldProblem + ")"
	case f.Old == "":
		return f.Name + " set to " + f.New
	case f.New == "":
		return f.Name + " removed (was " + f.Old + ")"
	case f.Delta != nil:
		return f.Name + " " + f.Old + " → " + f.New + " (" + signed(*f.Delta, false) + ")"
	}
	return f.Name + " " + f.Old + " → " + f.New
}

func fieldsText(fs []plandiff.Field) string {
	parts := make([]string, len(fs))
	for i, f := range fs {
		parts[i] = fieldText(f)
	}
	return strings.Join(parts, "; ")
}

// signed writes a difference with its sign; scores get two decimals.
func signed(d float64, score bool) string {
	s := strconv.FormatFloat(math.Abs(d), 'f', -1, 64)
	if score {
		s = report.FormatScore(math.Abs(d))
	}
	if d < 0 {
		return "−" + s
	}
	return "+" + s
}

// summary is the one line that counts the plans.
func summary(d *plandiff.Diff) string {
	added, removed, changed := d.Count()
	unreadable := d.Unreadable()
	total := added + removed + changed + unreadable
	if total == 0 {
		return "no plan changed"
	}
	var parts []string
	for _, c := range []struct {
		n    int
		what string
	}{{changed, "changed"}, {added, "added"}, {removed, "removed"}, {unreadable, "could not be read"}} {
		if c.n > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", c.n, c.what))
		}
	}
	noun := "plans"
	if total == 1 {
		noun = "plan"
	}
	return fmt.Sprintf("%d %s: %s", total, noun, strings.Join(parts, ", "))
}
