package difffmt_test

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/okr-tool/okr/internal/textsafe/textsafetest"
	"github.com/okr-tool/okr/plan"
	"github.com/okr-tool/okr/plandiff"
	"github.com/okr-tool/okr/plandiff/difffmt"
)

// TestHostilePlan diffs a plain plan against one whose titles, owners and ids hold newlines with
// workflow commands, color and hyperlink escapes, BEL and a right-to-left override, under a
// hostile revision name: the text and Markdown formats show them escaped.
func TestHostilePlan(t *testing.T) {
	base := plan.LoadSources("", []plan.Source{{File: "plans/sales.yaml", Data: []byte(`period: 2026-Q3
scope: sales
owner: ann
objectives:
  - id: growth
    title: Grow
    key_results:
      - {id: revenue, title: Revenue, start: 1, target: 10, current: 2}
`)}}, 1)
	head := plan.LoadSources("", []plan.Source{{File: "plans/sales.yaml", Data: []byte(textsafetest.PlanYAML())}}, 1)
	d := plandiff.Compare(base, head, plandiff.Options{AsOf: time.Date(2026, 8, 15, 0, 0, 0, 0, time.UTC)})
	d.Base, d.Head = "main", "HEAD\n::error::rev\x1b[31m"
	type run struct {
		format string
		color  bool
	}
	runs := []run{{"text", true}}
	for _, name := range difffmt.Formats.Names() {
		if name != "json" { // which escapes by its own rules
			runs = append(runs, run{name, false})
		}
	}
	for _, c := range runs {
		name := c.format
		if c.color {
			name += "-color"
		}
		t.Run(name, func(t *testing.T) {
			rd, _ := difffmt.New(c.format, difffmt.Options{Color: c.color})
			var out bytes.Buffer
			if err := rd.Render(&out, d); err != nil {
				t.Fatal(err)
			}
			textsafetest.Check(t, out.String(), c.color, false)
			for _, want := range []string{`HEAD\n::error::rev\x1b[31m`, `owner`, `\u202eexe`} {
				if !strings.Contains(out.String(), want) && !strings.Contains(out.String(), strings.ReplaceAll(want, `\`, `\\`)) {
					t.Errorf("%s is not shown escaped:\n%s", want, out.String())
				}
			}
		})
	}
}
