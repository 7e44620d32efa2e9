package lint

import "testing"

func TestKPIAnnualTarget(t *testing.T) {
	at := func(v string) string { return liveKPI("nps", "annual_target: "+v) }
	checkRule(t, "kpi-annual-target", []ruleCase{
		{"steady", plans("q1.yaml", quarter("2026-Q1", at("50")), "q2.yaml", quarter("2026-Q2", at("50.0"))), nil},
		{"a new year may change it", plans("q4.yaml", quarter("2026-Q4", at("50")), "q1.yaml", quarter("2027-Q1", at("55"))), nil},
		{"changed once, reported once", plans(
			"q1.yaml", quarter("2026-Q1", at("50")), "q2.yaml", quarter("2026-Q2", at("45")),
			"q3.yaml", quarter("2026-Q3", liveKPI("nps")), "q4.yaml", quarter("2026-Q4", at("45"))),
			[]string{`q2.yaml:4:86: annual target of KPI "nps" changed from 50 (2026-Q1 in q1.yaml) to 45 in 2026-Q2; keep the year's target steady and adjust the quarter's target instead`}},
		{"against the annual plan's target", plans("y.yaml", quarter("2026", liveKPI("nps")), "q2.yaml", quarter("2026-Q2", at("12"))),
			[]string{`q2.yaml:4:86: annual target of KPI "nps" changed from 10 (2026 in y.yaml) to 12 in 2026-Q2; keep the year's target steady and adjust the quarter's target instead`}},
	})
}
