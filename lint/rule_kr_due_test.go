package lint

import "testing"

func TestKRDue(t *testing.T) {
	plan := func(period, due string) Example {
		return onePlan("period: " + period + "\nscope: sales\nobjectives:\n  - id: grow\n    title: Grow\n    key_results:\n" +
			"      - {id: crm, title: CRM, type: effort" + due + "}\n")
	}
	checkRule(t, "kr-due", []ruleCase{
		{"first day", plan("2026-Q3", ", due: 2026-07-01"), nil},
		{"last day", plan("2026-Q3", ", due: 2026-09-30"), nil},
		{"annual plan", plan("2026", ", due: 2026-11-30"), nil},
		{"day after", plan("2026-Q3", ", due: 2026-10-01"),
			[]string{`plan.yaml:7:50: effort key result "crm" is due 2026-10-01, outside 2026-Q3 (2026-07-01 to 2026-09-30); move the date into the period or the key result into the plan of 2026-Q4`}},
		{"before the period", plan("2027-Q1", ", due: 2026-12-31"),
			[]string{`plan.yaml:7:50: effort key result "crm" is due 2026-12-31, outside 2027-Q1 (2027-01-01 to 2027-03-31); move the date into the period or the key result into the plan of 2026-Q4`}},
		{"no due date", plan("2026-Q3", ""),
			[]string{`plan.yaml:7:9: effort key result "crm" has no due date; add due: YYYY-MM-DD inside 2026-Q3 (by 2026-09-30)`}},
	})
}
