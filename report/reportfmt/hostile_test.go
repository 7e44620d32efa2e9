package reportfmt_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/okr-tool/okr/internal/textsafe/textsafetest"
	"github.com/okr-tool/okr/plan"
	"github.com/okr-tool/okr/report"
	"github.com/okr-tool/okr/report/reportfmt"
)

// TestHostilePlan reports on a plan whose titles, owners, units and ids hold newlines with
// workflow commands, color and hyperlink escapes, BEL and a right-to-left override, and a file
// whose name does: the table, Markdown and CSV formats show them escaped.
func TestHostilePlan(t *testing.T) {
	sources := []plan.Source{
		{File: "plans/sales.yaml", Data: []byte(textsafetest.PlanYAML())},
		{File: textsafetest.FileName, Data: []byte("period: [\n")}, // unreadable: listed as skipped
	}
	r, err := report.Build(plan.LoadSources("", sources, 1), report.Options{AsOf: day("2026-08-15")})
	if err != nil {
		t.Fatal(err)
	}
	before := r.Plans[0].Objectives[0].Title
	type run struct {
		format string
		color  bool
	}
	runs := []run{{"table", true}}
	for _, name := range reportfmt.Formats.Names() {
		if name != "html" && name != "json" { // which escape by their own rules
			runs = append(runs, run{name, false})
		}
	}
	for _, c := range runs {
		name := c.format
		if c.color {
			name += "-color"
		}
		t.Run(name, func(t *testing.T) {
			rd, _ := reportfmt.New(c.format, reportfmt.Options{Color: c.color})
			var out bytes.Buffer
			if err := rd.Render(&out, r); err != nil {
				t.Fatal(err)
			}
			textsafetest.Check(t, out.String(), c.color, false)
			// Markdown may escape the escapes' backslashes again: `\\x1b` holds `\x1b` too.
			// (Short markers: a table may wrap a long title anywhere.)
			if !strings.Contains(out.String(), `\x1b`) || !strings.Contains(out.String(), `\u202e`) {
				t.Errorf("the hostile title is not shown escaped:\n%s", out.String())
			}
			if c.format != "csv" && !strings.Contains(out.String(), `::f\n::warning::g\x1b[31m\u202e.yaml`) {
				t.Errorf("the skipped file is not shown escaped:\n%s", out.String())
			}
		})
	}
	if r.Plans[0].Objectives[0].Title != before {
		t.Error("rendering changed the report")
	}
}
