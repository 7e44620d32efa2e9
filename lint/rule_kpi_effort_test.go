package lint

import "testing"

func TestKPIEffort(t *testing.T) {
	head := "period: 2026-Q3\nscope: sales\nkpis:\n  - {" + liveKPI("crm") + "}\nobjectives:\n  - id: grow\n    title: Grow\n    key_results:\n"
	checkRule(t, "kpi-effort", []ruleCase{
		{"outcome KPI", onePlan(head + kr("a", "1", "2", "kpi: crm")), nil},
		{"effort KPI points at kpi", onePlan(head + "      - {id: go-live, title: Go live, type: effort, due: 2026-09-30, kpi: crm}\n"),
			[]string{`plan.yaml:9:70: effort key result "go-live" is marked as KPI "crm", but only outcome key results can be KPIs; remove kpi: or make it an outcome with start and target`}},
	})
}
