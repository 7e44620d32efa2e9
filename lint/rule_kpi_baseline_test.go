package lint

import "testing"

func TestKPIBaseline(t *testing.T) {
	withKR := func(period, start, extraKR, extraKPI string) string {
		kpi := liveKPI("nps")
		if extraKPI != "" {
			kpi = liveKPI("nps", extraKPI)
		}
		return "period: " + period + "\nscope: sales\nkpis:\n  - {" + kpi + "}\nobjectives:\n  - id: grow\n    title: Grow\n    key_results:\n" +
			kr("promoters", start, "60", "kpi: nps"+extraKR)
	}
	checkRule(t, "kpi-baseline", []ruleCase{
		{"starts where it ended, across the year end", plans("q4.yaml", withKR("2026-Q4", "40", ", current: 48", "actual: 1"), "q1.yaml", withKR("2027-Q1", "48", "", "actual: 1")), nil},
		{"no reading last quarter", plans("q4.yaml", withKR("2026-Q4", "40", "", ""), "q1.yaml", withKR("2027-Q1", "33", "", "")), nil},
		{"not in the plan before", plans("q3.yaml", withKR("2026-Q3", "40", ", current: 48", "actual: 1"), "q1.yaml", withKR("2027-Q1", "33", "", "actual: 1")), nil},
		{"from the key result's current", plans("q4.yaml", withKR("2026-Q4", "40", ", current: 48", "actual: 1"), "q1.yaml", withKR("2027-Q1", "45", "", "actual: 1")),
			[]string{`q1.yaml:9:50: key result "promoters" starts at 45, but KPI "nps" ended 2026-Q4 at 48 (q4.yaml); set start: 48 and base the target on it`}},
		{"from the KPI's actual", plans("q4.yaml", quarter("2026-Q4", liveKPI("nps", "actual: 47")), "q1.yaml", withKR("2027-Q1", "45", "", "actual: 1")),
			[]string{`q1.yaml:9:50: key result "promoters" starts at 45, but KPI "nps" ended 2026-Q4 at 47 (q4.yaml); set start: 47 and base the target on it`}},
		// An effort key result measures nothing: the reading is the current of the outcome key
		// result that links the KPI, even when an effort key result names it first.
		{"from the outcome key result, not an effort one", plans(
			"q4.yaml", "period: 2026-Q4\nscope: sales\nkpis:\n  - {"+liveKPI("nps", "actual: 47")+"}\nobjectives:\n  - id: grow\n    title: Grow\n    key_results:\n"+
				"      - {id: survey, title: survey, type: effort, progress: 0.5, kpi: nps}\n"+kr("promoters", "40", "60", "kpi: nps", "current: 48"),
			"q1.yaml", withKR("2027-Q1", "47", "", "actual: 1")),
			[]string{`q1.yaml:9:50: key result "promoters" starts at 47, but KPI "nps" ended 2026-Q4 at 48 (q4.yaml); set start: 48 and base the target on it`}},
	})
}
