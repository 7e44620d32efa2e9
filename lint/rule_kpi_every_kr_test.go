package lint

import "testing"

func TestKPIEveryKR(t *testing.T) {
	head := "period: 2026-Q3\nscope: sales\nkpis:\n  - {" + liveKPI("a") + "}\n  - {" + liveKPI("b") + "}\nobjectives:\n  - id: grow\n    title: Grow\n    key_results:\n"
	checkRule(t, "kpi-every-kr", []ruleCase{
		{"some", onePlan(head + kr("x", "1", "2", "kpi: a") + kr("y", "1", "2")), nil},
		{"a single key result is kr-count's business", onePlan(head + kr("x", "1", "2", "kpi: a")), nil},
		{"all", onePlan(head + kr("x", "1", "2", "kpi: a") + kr("y", "1", "2", "kpi: b")),
			[]string{`plan.yaml:7:5: every key result of objective "grow" is marked as a KPI; keep kpi: on the few essential outcome measures and remove it from the others`}},
	})
}
