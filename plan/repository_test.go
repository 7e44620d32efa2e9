package plan

import (
	"strings"
	"testing"
)

func parseAll(t *testing.T, files map[string]string) *Repository {
	t.Helper()
	var sources []Source
	for name, content := range files {
		sources = append(sources, Source{File: name, Data: []byte(content)})
	}
	return LoadSources("", sources, 2)
}

func TestRepositoryQueries(t *testing.T) {
	r := parseAll(t, map[string]string{
		"2026/company.yaml":       "period: 2026\nscope: company\nobjectives:\n  - id: grow\n    title: Grow\n",
		"2026-Q3/company.yaml":    "period: 2026-Q3\nscope: company\nobjectives:\n  - id: loyal\n    title: Loyal customers\n",
		"2026-Q4/company.yaml":    "period: 2026-Q4\nscope: company\n",
		"2027-Q1/company.yaml":    "period: 2027-Q1\nscope: company\n",
		"2026-Q3/sales.yaml":      "period: 2026-Q3\nscope: sales\nparent: company\nobjectives:\n  - id: a\n    title: A\n    aligns_to: company/loyal\n  - id: b\n    title: B\n    aligns_to: company/grow\n",
		"2027-Q1/sales.yaml":      "period: 2027-Q1\nscope: sales\n",
		"2026-Q3/sales-copy.yaml": "period: 2026-Q3\nscope: sales\n",
	})
	var got []string
	for _, p := range r.ScopePlans("company") {
		got = append(got, p.Period.Value.String())
	}
	if strings.Join(got, " ") != "2026 2026-Q3 2026-Q4 2027-Q1" {
		t.Errorf("company plans in order = %v", got)
	}
	q1 := r.Plan("company", Period{2027, 1})
	if prev := r.PrevQuarter(q1); prev == nil || prev.Period.Value != (Period{2026, 4}) {
		t.Errorf("PrevQuarter(2027-Q1) = %v, want the 2026-Q4 plan", prev)
	}
	if r.PrevQuarter(r.Plan("sales", Period{2027, 1})) != nil {
		t.Error("sales has no 2026-Q4 plan, but PrevQuarter found one")
	}
	if n := r.NextQuarter(r.Plan("company", Period{2026, 4})); n != q1 {
		t.Errorf("NextQuarter(2026-Q4) = %v", n)
	}
	if len(r.Quarters("company")) != 3 {
		t.Errorf("Quarters(company) = %d plans, want 3", len(r.Quarters("company")))
	}
	sales := r.Plan("sales", Period{2026, 3})
	if o := r.AlignmentTarget(sales, "company/grow"); o == nil || o.Title.Value != "Grow" {
		t.Errorf("aligns_to company/grow should resolve to the annual plan, got %v", o)
	}
	if a := r.AnnualPlan(sales); a != nil {
		t.Errorf("sales has no annual plan, got %v", a.File)
	}
	if strings.Join(r.Scopes(), ",") != "company,sales" {
		t.Errorf("Scopes() = %v", r.Scopes())
	}
	var diags []string
	for _, d := range r.Diagnostics {
		diags = append(diags, d.String())
	}
	want := `2026-Q3/sales.yaml:2:1: plan "sales" for 2026-Q3 is already defined in 2026-Q3/sales-copy.yaml; merge the two files or change the scope or period of one [duplicate-id]`
	if strings.Join(diags, "\n") != want {
		t.Errorf("diagnostics:\n%s\nwant:\n%s", strings.Join(diags, "\n"), want)
	}
}

func TestRepositoryReferences(t *testing.T) {
	r := parseAll(t, map[string]string{
		"company.yaml": "period: 2026-Q3\nscope: company\nobjectives:\n  - id: loyal\n    title: Loyal\n",
		"sales.yaml": `period: 2026-Q3
scope: sales
parent: compnay
objectives:
  - id: a
    title: A
    aligns_to: company/loyl
  - id: b
    title: B
    aligns_to: marketing/x
  - id: c
    title: C
    aligns_to: loyal
`,
		"self.yaml": "period: 2026-Q3\nscope: ops\nparent: ops\nobjectives:\n  - id: a\n    title: A\n    aligns_to: ops/a\n",
	})
	var got []string
	for _, d := range r.Diagnostics {
		got = append(got, d.String())
	}
	want := []string{
		`sales.yaml:3:9: parent "compnay" is not the scope of any plan (did you mean "company"?); name an existing scope or remove "parent"`,
		`sales.yaml:7:16: aligns_to "company/loyl": no objective "loyl" in a "company" plan for 2026-Q3 or 2026 (did you mean "company/loyal"?); name an objective of that plan`,
		`sales.yaml:10:16: aligns_to "marketing/x": no plan has scope "marketing"; use "<scope>/<objective id>" of an existing plan`,
		`sales.yaml:13:16: aligns_to "loyal" must be "<scope>/<objective id>", e.g. "company/c"`,
		`self.yaml:3:9: plan "ops" names itself as its parent; name the scope it rolls up to, or remove "parent"`,
		`self.yaml:7:16: objective "a" aligns to itself; name an objective of a parent plan`,
	}
	for i := range want {
		want[i] += " [reference]"
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("diagnostics:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestKeyResultDirection(t *testing.T) {
	p, diags := Parse("sales.yaml", []byte(`period: 2026-Q3
scope: sales
kpis:
  - {id: churn, name: Churn, direction: down}
  - {id: nps, name: NPS}
objectives:
  - id: keep
    title: Keep clients
    key_results:
      - {id: falls, title: Falls, start: 10, target: 4}
      - {id: rises, title: Rises, start: 4, target: 10, kpi: churn}
      - {id: no-start, title: No start, target: 4, kpi: churn}
      - {id: hold, title: Hold, start: 4, target: 4, kpi: churn}
      - {id: no-start-up, title: No start, target: 4, kpi: nps}
      - {id: nothing, title: Nothing, target: 4}
`))
	if len(diags) > 0 {
		t.Fatal(diags)
	}
	want := map[string]Direction{"falls": Down, "rises": Up, "no-start": Down, "hold": Down, "no-start-up": Up, "nothing": Up}
	for _, kr := range p.KeyResults() {
		if got := kr.Direction(); got != want[kr.ID.Value] {
			t.Errorf("%s: direction %s, want %s", kr.ID.Value, got, want[kr.ID.Value])
		}
	}
	if d := p.KPI("nps").Direction.Value; d != Up {
		t.Errorf("nps inferred direction %s, want up", d)
	}
}
