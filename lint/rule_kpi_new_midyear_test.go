package lint

import "testing"

func TestKPINewMidyear(t *testing.T) {
	a, b := liveKPI("a"), liveKPI("b")
	checkRule(t, "kpi-new-midyear", []ruleCase{
		{"steady", plans("q1.yaml", quarter("2026-Q1", a), "q2.yaml", quarter("2026-Q2", a)), nil},
		{"new in the first quarter of the next year", plans("q4.yaml", quarter("2026-Q4", a), "q1.yaml", quarter("2027-Q1", a, b)), nil},
		{"a scope's first plan may start mid-year", plans("q3.yaml", quarter("2026-Q3", a)), nil},
		{"listed in the annual plan", plans("y.yaml", quarter("2026", b), "q1.yaml", quarter("2026-Q1", a), "q2.yaml", quarter("2026-Q2", a, b)), nil},
		{"tracked earlier in the year", plans("q1.yaml", quarter("2026-Q1", a, b), "q2.yaml", quarter("2026-Q2", a), "q3.yaml", quarter("2026-Q3", a, b)), nil},
		{"new in the second quarter", plans("q1.yaml", quarter("2026-Q1", a), "q2.yaml", quarter("2026-Q2", a, b)),
			[]string{`q2.yaml:5:5: KPI "b" is new in 2026-Q2, after the first plan of 2026 for scope "sales" (2026-Q1); keep the year's KPIs steady: track it as a key result for now and make it a KPI from 2027-Q1`}},
		{"a retired newcomer is fine", plans("q1.yaml", quarter("2026-Q1", a), "q2.yaml", quarter("2026-Q2", a, "id: b, name: B, retired: tried it")), nil},
	})
}
