package lint

import "testing"

func TestKPITarget(t *testing.T) {
	noTarget := "id: nps, name: NPS, source: CRM, frequency: monthly"
	linked := func(kr string) Example {
		return onePlan("period: 2026-Q3\nscope: sales\nkpis:\n  - {" + noTarget + "}\nobjectives:\n  - id: grow\n    title: Grow\n    key_results:\n" + kr)
	}
	checkRule(t, "kpi-target", []ruleCase{
		{"own target", onePlan(quarter("2026-Q3", noTarget+", target: 40")), nil},
		{"linked outcome key result", linked(kr("a", "30", "40", "kpi: nps")), nil},
		{"annual plan with annual_target", onePlan(quarter("2026", noTarget+", annual_target: 45")), nil},
		{"retired", onePlan(quarter("2026-Q3", "id: nps, name: NPS, retired: replaced")), nil},
		{"linked key result without target", linked("      - {id: a, title: A, start: 30, kpi: nps}\n"),
			[]string{`plan.yaml:4:5: KPI "nps" has no target for 2026-Q3; add target: <number>, or link an outcome key result to it with kpi: nps`}},
		{"annual_target is not the quarter's target", onePlan(quarter("2026-Q3", noTarget+", annual_target: 45")),
			[]string{`plan.yaml:4:5: KPI "nps" has no target for 2026-Q3; add target: <number>, or link an outcome key result to it with kpi: nps`}},
	})
	checkRuleOnInvalidPlans(t, "kpi-target", []ruleCase{
		{"invalid period", onePlan("period: 2026-Q9\nscope: sales\nkpis:\n  - {" + noTarget + "}\nobjectives: []\n"),
			[]string{`plan.yaml:4:5: KPI "nps" has no target; add target: <number>, or link an outcome key result to it with kpi: nps`}},
	})
}
