package lint

import "testing"

func TestKRQuantified(t *testing.T) {
	head := "period: 2026-Q3\nscope: sales\nobjectives:\n  - id: grow\n    title: Grow\n    key_results:\n"
	checkRule(t, "kr-quantified", []ruleCase{
		{"decreasing metric", onePlan(head + kr("cycle", "10", "4")), nil},
		{"effort is not quantified", onePlan(head + "      - {id: crm, title: CRM, type: effort, due: 2026-09-30}\n"), nil},
		{"equal start and target point at target", onePlan(head + kr("flat", "5", "5")),
			[]string{`plan.yaml:7:51: outcome key result "flat" has target 5 equal to its start; set the value it should reach by the end of the period`}},
		{"missing start", onePlan(head + "      - {id: up, title: Up, target: 5}\n"),
			[]string{`plan.yaml:7:9: outcome key result "up" has no start; add start: <baseline> (the value when the period began)`}},
	})
	checkRuleOnInvalidPlans(t, "kr-quantified", []ruleCase{
		{"a start written as text is the schema's finding", onePlan(head + "      - {id: up, title: Up, start: 5%, target: 9}\n"), nil},
	})
}
