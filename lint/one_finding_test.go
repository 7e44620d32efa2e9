package lint

import (
	"fmt"
	"strings"
	"testing"
	"time"

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
			`11:33: error: type "Effort" is not valid (did you mean "effort"?); use one of outcome, effort, maintain [schema]`,
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
			`6:32: error: unknown key "colour" in objective; allowed keys are id, title, owner, aligns_to, key_results [schema]`,
			// Each alias repeats the objective, key results and all: one finding there, not one per id.
			`7:5: error: *o repeats objective "grow", defined on line 6; remove the alias or give it its own id (write <<: *o with an id: of its own) [duplicate-id]`,
			`8:5: error: *o repeats objective "grow", defined on line 6; remove the alias or give it its own id (write <<: *o with an id: of its own) [duplicate-id]`,
			`9:5: error: *o repeats objective "grow", defined on line 6; remove the alias or give it its own id (write <<: *o with an id: of its own) [duplicate-id]`,
			`10:5: error: *o repeats objective "grow", defined on line 6; remove the alias or give it its own id (write <<: *o with an id: of its own) [duplicate-id]`,
			`11:5: error: *o repeats objective "grow", defined on line 6; remove the alias or give it its own id (write <<: *o with an id: of its own) [duplicate-id]`,
			`12:5: error: *o repeats objective "grow", defined on line 6; remove the alias or give it its own id (write <<: *o with an id: of its own) [duplicate-id]`,
			`13:5: error: *o repeats objective "grow", defined on line 6; remove the alias or give it its own id (write <<: *o with an id: of its own) [duplicate-id]`,
			`14:5: error: *o repeats objective "grow", defined on line 6; remove the alias or give it its own id (write <<: *o with an id: of its own) [duplicate-id]`,
		}},
	} {
		t.Run(c.name, func(t *testing.T) {
			repo := plan.LoadSources("", []plan.Source{{File: "p.yaml", Named: true, Data: []byte(c.text)}}, 1)
			var got []string
			for _, f := range Run(repo, Options{AsOf: mid2026Q3, Severity: map[string]Severity{"kpi-count": Off, "kr-count": Off, "objective-count": Off}}).Findings {
				got = append(got, fmt.Sprintf("%d:%d: %s: %s [%s]", f.Pos.Line, f.Pos.Col, f.Severity, f.Message, f.Rule))
			}
			if strings.Join(got, "\n") != strings.Join(c.want, "\n") {
				t.Errorf("got:\n  %s\nwant:\n  %s\n%s", strings.Join(got, "\n  "), strings.Join(c.want, "\n  "), c.text)
			}
		})
	}
}

// TestDuplicatePlans checks that when two files define the same plan, the duplicate is reported
// and every other problem of both files is too, references included.
func TestDuplicatePlans(t *testing.T) {
	file := func(extra string) string {
		return "period: 2026-Q3\nscope: sales\nparent: " + extra + "\nkpis:\n  - {id: nps, name: NPS, frequency: monthly, target: 1}\n" +
			"objectives:\n  - id: grow\n    title: Grow\n    aligns_to: company/" + extra + "\n    key_results:\n      - {id: a, title: A, start: 1, target: 2}\n"
	}
	repo := plan.LoadSources("", []plan.Source{
		{File: "company.yaml", Named: true, Data: []byte("period: 2026-Q3\nscope: company\nobjectives:\n  - {id: grow, title: Grow}\n")},
		{File: "a.yaml", Named: true, Data: []byte(file("compnay"))},
		{File: "b.yaml", Named: true, Data: []byte(file("markting"))},
	}, 1)
	var got []string
	for _, f := range Run(repo, Options{AsOf: mid2026Q3, Severity: map[string]Severity{"kpi-count": Off}}).Findings {
		if f.File != "company.yaml" {
			got = append(got, fmt.Sprintf("%s:%d:%d: [%s] %s", f.File, f.Pos.Line, f.Pos.Col, f.Rule, f.Message))
		}
	}
	want := []string{
		`a.yaml:3:9: [reference] parent "compnay" is not the scope of any plan (did you mean "company"?); name an existing scope or remove "parent"`,
		`a.yaml:5:5: [kpi-source] KPI "nps" has no data source; add source: <the report or system the number comes from>`,
		`a.yaml:9:16: [reference] aligns_to "company/compnay": no objective "compnay" in a "company" plan for 2026-Q3 or 2026; name an objective of that plan`,
		`a.yaml:10:5: [kr-count] objective "grow" has 1 key result; give it 3 to 5 key results so its outcome is measurable`,
		`b.yaml:2:1: [duplicate-id] plan "sales" for 2026-Q3 is already defined in a.yaml; merge the two files or change the scope or period of one`,
		`b.yaml:3:9: [reference] parent "markting" is not the scope of any plan; name an existing scope or remove "parent"`,
		`b.yaml:5:5: [kpi-source] KPI "nps" has no data source; add source: <the report or system the number comes from>`,
		`b.yaml:9:16: [reference] aligns_to "company/markting": no objective "markting" in a "company" plan for 2026-Q3 or 2026; name an objective of that plan`,
		`b.yaml:10:5: [kr-count] objective "grow" has 1 key result; give it 3 to 5 key results so its outcome is measurable`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got:\n  %s\nwant:\n  %s", strings.Join(got, "\n  "), strings.Join(want, "\n  "))
	}
}

// mid2026Q3 is a day inside the quarter of these tests' plans, so that no period has ended and
// date-dependent rules (kpi-unmeasured) stay out of them.
var mid2026Q3 = time.Date(2026, 8, 15, 0, 0, 0, 0, time.UTC)

// TestEmptyPlanIsOneFinding checks that a plan with only its period and scope gets empty-plan's
// finding alone, with every count rule on: its missing KPIs are the same problem, not a second.
func TestEmptyPlanIsOneFinding(t *testing.T) {
	for _, text := range []string{
		"period: 2026-Q3\nscope: sales\n",
		"period: 2026-Q3\nscope: company\nlevel: company\nobjectives: []\nkpis: []\n",
	} {
		repo := plan.LoadSources("", []plan.Source{{File: "p.yaml", Named: true, Data: []byte(text)}}, 1)
		var got []string
		for _, f := range Run(repo, Options{AsOf: mid2026Q3}).Findings {
			got = append(got, fmt.Sprintf("%d:%d: [%s] %s", f.Pos.Line, f.Pos.Col, f.Rule, f.Message))
		}
		if len(got) != 1 || !strings.Contains(got[0], "[empty-plan]") {
			t.Errorf("%s\ngot:\n  %s\nwant the one empty-plan finding", text, strings.Join(got, "\n  "))
		}
	}
}
