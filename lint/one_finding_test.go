package lint

import (
	"fmt"
	"strings"
	"testing"

	"github.com/okr-tool/okr/plan"
)

// TestOneFindingPerProblem lints plans with one mistake each, with every rule, and checks that
// the mistake gives one finding, from the rule that says what to fix.
func TestOneFindingPerProblem(t *testing.T) {
	head := "period: 2026-Q3\nscope: sales\nkpis:\n  - {id: nps, name: NPS, source: Survey, frequency: monthly}\n" +
		"objectives:\n  - id: grow\n    title: Grow\n    key_results:\n" +
		"      - {id: a, title: A, start: 1, target: 2}\n      - {id: b, title: B, start: 1, target: 2, kpi: nps}\n"
	alias := "period: 2026-Q3\nscope: sales\nkpis:\n  - {id: nps, name: NPS, source: Survey, frequency: monthly, target: 1}\nobjectives:\n" +
		"  - &o {id: grow, title: Grow, colour: red, key_results: [{id: a, title: A, start: 1, target: 2}, {id: b, title: B, start: 1, target: 2}, {id: c, title: C, start: 1, target: 2}]}\n" +
		strings.Repeat("  - *o\n", 8)
	for _, c := range []struct {
		name, text string
		want       []string
	}{
		{"a misspelt type", head + "      - {id: c, title: C, type: Effort, due: 2026-09-30}\n", []string{
			`11:33: error: type "Effort" is not valid (did you mean "effort"?); use one of outcome, effort [schema]`,
		}},
		{"an effort key result marked as a KPI", strings.Replace(head, ", kpi: nps}", "}", 1) +
			"      - {id: c, title: C, type: effort, due: 2026-09-30, kpi: nps}\n", []string{
			`11:58: error: effort key result "c" is marked as KPI "nps", but only outcome key results can be KPIs; remove kpi: or make it an outcome with start and target [kpi-effort]`,
		}},
		{"a KPI's key result without target", strings.Replace(head, "start: 1, target: 2, kpi: nps}", "start: 1, kpi: nps}", 1) +
			"      - {id: c, title: C, start: 1, target: 2}\n", []string{
			`10:9: error: outcome key result "b" has no target; add target: <goal> for the end of the period [kr-quantified]`,
		}},
		{"an alias repeating a bad objective nine times", alias, []string{
			`6:13: error: objective id "grow" is already used on line 6 of this plan; ids must be unique in a plan [duplicate-id]`,
			`6:32: error: unknown key "colour" in objective; allowed keys are id, title, owner, aligns_to, key_results [schema]`,
			`6:64: error: key result id "a" is already used on line 6 of this plan; ids must be unique in a plan [duplicate-id]`,
			`6:104: error: key result id "b" is already used on line 6 of this plan; ids must be unique in a plan [duplicate-id]`,
			`6:144: error: key result id "c" is already used on line 6 of this plan; ids must be unique in a plan [duplicate-id]`,
		}},
	} {
		t.Run(c.name, func(t *testing.T) {
			repo := plan.LoadSources("", []plan.Source{{File: "p.yaml", Named: true, Data: []byte(c.text)}}, 1)
			var got []string
			for _, f := range Run(repo, Options{Severity: map[string]Severity{"kpi-count": Off, "kr-count": Off, "objective-count": Off}}).Findings {
				got = append(got, fmt.Sprintf("%d:%d: %s: %s [%s]", f.Pos.Line, f.Pos.Col, f.Severity, f.Message, f.Rule))
			}
			if strings.Join(got, "\n") != strings.Join(c.want, "\n") {
				t.Errorf("got:\n  %s\nwant:\n  %s\n%s", strings.Join(got, "\n  "), strings.Join(c.want, "\n  "), c.text)
			}
		})
	}
}
