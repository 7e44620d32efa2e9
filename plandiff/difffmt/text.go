package difffmt

import (
	"bufio"
	"fmt"
	"io"

	"github.com/okr-tool/okr/internal/format"
	"github.com/okr-tool/okr/plandiff"
)

// Text writes the diff for a terminal: one line per plan, objective, key result and KPI, marked
// + added, - removed or ~ changed, indented by level.
type Text struct {
	added, removed, changed, faint format.Style
}

func newText(on bool) *Text {
	return &Text{
		added: format.NewStyle(on, format.Green), removed: format.NewStyle(on, format.Red),
		changed: format.NewStyle(on, format.Yellow), faint: format.NewStyle(on, format.Faint),
	}
}

func (t *Text) sign(k plandiff.Kind) string {
	switch k {
	case plandiff.Added:
		return t.added.Sprint("+")
	case plandiff.Removed:
		return t.removed.Sprint("-")
	}
	return t.changed.Sprint("~")
}

// Render writes the diff.
func (t *Text) Render(w io.Writer, d *plandiff.Diff) error {
	b := bufio.NewWriter(w)
	fmt.Fprintf(b, "okr diff %s..%s: %s\n", d.Base, d.Head, summary(d))
	for _, p := range d.Plans {
		if p.Kind == plandiff.Unreadable {
			fmt.Fprintf(b, "\n%s plan %s %s  %s  %s\n", t.removed.Sprint("!"), p.Scope, p.Period, t.faint.Sprint(p.File), problemText(d, p))
			continue
		}
		file := p.File
		if p.OldFile != "" {
			file = p.OldFile + " → " + p.File
		}
		fmt.Fprintf(b, "\n%s plan %s %s  %s  score %s\n", t.sign(p.Kind), p.Scope, p.Period, t.faint.Sprint(file), scoreText(p.Kind, p.Score))
		if len(p.Fields) > 0 {
			fmt.Fprintf(b, "    %s\n", fieldsText(p.Fields))
		}
		for _, o := range p.Objectives {
			fmt.Fprintf(b, "    %s objective %s  score %s", t.sign(o.Kind), o.ID, scoreText(o.Kind, o.Score))
			t.tail(b, o.Kind, o.Title, o.Fields)
			for _, kr := range o.KeyResults {
				fmt.Fprintf(b, "        %s key result %s  score %s", t.sign(kr.Kind), kr.ID, scoreText(kr.Kind, kr.Score))
				t.tail(b, kr.Kind, kr.Title, kr.Fields)
			}
		}
		for _, k := range p.KPIs {
			fmt.Fprintf(b, "    %s KPI %s  value %s", t.sign(k.Kind), k.ID, valueText(k.Kind, k.Value, k.OldProblem, k.NewProblem))
			t.tail(b, k.Kind, k.Name, k.Fields)
		}
	}
	return b.Flush()
}

// tail ends an item's line: the title of an item added or removed, else what changed.
func (t *Text) tail(b *bufio.Writer, k plandiff.Kind, title string, fs []plandiff.Field) {
	switch {
	case k != plandiff.Changed:
		fmt.Fprintf(b, "  %q\n", title)
	case len(fs) > 0:
		fmt.Fprintf(b, "  %s\n", fieldsText(fs))
	default:
		b.WriteString("\n")
	}
}
