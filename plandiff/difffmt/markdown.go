package difffmt

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/okr-tool/okr/plandiff"
)

// Markdown writes the diff ready to post as a pull-request comment: a summary line, then per
// plan a heading and one table row per objective, key result and KPI that changed.
type Markdown struct{}

// Render writes the diff.
func (Markdown) Render(w io.Writer, d *plandiff.Diff) error {
	b := bufio.NewWriter(w)
	fmt.Fprintf(b, "### OKR changes: `%s` → `%s`\n\n%s.\n", cell(d.Base), cell(d.Head), capitalize(summary(d)))
	for _, p := range d.Plans {
		if p.Kind == plandiff.Unreadable {
			fmt.Fprintf(b, "\n#### %s %s %s — could not be read\n\n`%s` %s\n", mark(p.Kind), p.Scope, p.Period, cell(p.File), cell(problemText(d, p)))
			continue
		}
		fmt.Fprintf(b, "\n#### %s %s %s — %s\n\n", mark(p.Kind), p.Scope, p.Period, p.Kind)
		file := "`" + cell(p.File) + "`"
		if p.OldFile != "" {
			file = "`" + cell(p.OldFile) + "` → " + file
		}
		fmt.Fprintf(b, "%s · score **%s**", file, scoreText(p.Kind, p.Score))
		if len(p.Fields) > 0 {
			fmt.Fprintf(b, " · %s", cell(fieldsText(p.Fields)))
		}
		b.WriteString("\n")
		if len(p.Objectives)+len(p.KPIs) == 0 {
			continue
		}
		b.WriteString("\n| | item | score or value | change |\n| --- | --- | --- | --- |\n")
		for _, o := range p.Objectives {
			fmt.Fprintf(b, "| %s | objective `%s` %s | %s | %s |\n", mark(o.Kind), o.ID, cell(o.Title), scoreText(o.Kind, o.Score), change(o.Kind, o.Fields))
			for _, kr := range o.KeyResults {
				fmt.Fprintf(b, "| %s | ↳ key result `%s` %s | %s | %s |\n", mark(kr.Kind), kr.ID, cell(kr.Title), scoreText(kr.Kind, kr.Score), change(kr.Kind, kr.Fields))
			}
		}
		for _, k := range p.KPIs {
			fmt.Fprintf(b, "| %s | KPI `%s` %s | %s | %s |\n", mark(k.Kind), k.ID, cell(k.Name), valueText(k.Kind, k.Value, k.OldProblem, k.NewProblem), change(k.Kind, k.Fields))
		}
	}
	return b.Flush()
}

func change(k plandiff.Kind, fs []plandiff.Field) string {
	if k != plandiff.Changed {
		return string(k)
	}
	return cell(fieldsText(fs))
}

// cell makes text safe inside a table cell or inline code: no pipes or line breaks.
func cell(s string) string {
	s = strings.ReplaceAll(s, "|", `\|`)
	s = strings.ReplaceAll(s, "`", "'")
	return strings.Join(strings.Fields(s), " ")
}

func capitalize(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
