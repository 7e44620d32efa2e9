package lint

import "testing"

// The load-time rules report the diagnostics of package plan; these tests pin that each reaches
// the findings under its own rule ID.

func TestYAMLSyntax(t *testing.T) {
	checkRule(t, "yaml-syntax", []ruleCase{
		{"tab indentation", onePlan("period: 2026-Q3\nscope: sales\nobjectives:\n\t- id: x\n"),
			[]string{"plan.yaml:4:2: invalid YAML: found character that cannot start any token; fix the YAML syntax there"}},
	})
}

func TestSchema(t *testing.T) {
	checkRule(t, "schema", []ruleCase{
		{"missing scope", onePlan("period: 2026-Q3\nobjectives: []\n"),
			[]string{`plan.yaml:1:1: the plan has no scope; add "scope: …"`}},
	})
}

func TestDuplicateID(t *testing.T) {
	checkRule(t, "duplicate-id", []ruleCase{
		{"two plans for one scope and period", plans("a.yaml", quarter("2026-Q3"), "b.yaml", quarter("2026-Q3")),
			[]string{`b.yaml:2:1: plan "sales" for 2026-Q3 is already defined in a.yaml; merge the two files or change the scope or period of one`}},
	})
}

func TestReference(t *testing.T) {
	checkRule(t, "reference", []ruleCase{
		{"aligns to an objective of the annual plan", plans(
			"y.yaml", "period: 2026\nscope: company\nobjectives:\n  - {id: grow, title: Grow}\n",
			"q.yaml", "period: 2026-Q3\nscope: sales\nparent: company\nobjectives:\n  - {id: a, title: A, aligns_to: company/grow}\n"), nil},
		{"aligns to nothing", plans("q.yaml", "period: 2026-Q3\nscope: sales\nobjectives:\n  - {id: a, title: A, aligns_to: company/grow}\n"),
			[]string{`q.yaml:4:34: aligns_to "company/grow": no plan has scope "company"; use "<scope>/<objective id>" of an existing plan`}},
	})
}
