package lint

import "testing"

func TestScoreRange(t *testing.T) {
	head := "period: 2026-Q3\nscope: sales\nobjectives:\n  - id: grow\n    title: Grow\n    key_results:\n"
	effort := func(extra string) Example {
		return onePlan(head + "      - {id: crm, title: CRM, type: effort, due: 2026-09-30" + extra + "}\n")
	}
	checkRule(t, "score-range", []ruleCase{
		{"bounds are fine", onePlan(head + kr("a", "1", "2", "score: 0") + kr("b", "1", "2", "score: 1")), nil},
		{"progress 1 and done", effort(", progress: 1, done: true"), nil},
		{"done without progress", effort(", done: true"), nil},
		{"progress as a percentage", effort(", progress: 45"),
			[]string{`plan.yaml:7:72: key result "crm" has progress 45; progress is a share from 0 to 1 (45% is 0.45)`}},
		{"negative progress", effort(", progress: -0.1"),
			[]string{`plan.yaml:7:72: key result "crm" has progress -0.1; progress is a share from 0 to 1`}},
		{"score above 1", onePlan(head + kr("a", "1", "2", "score: 1.2")),
			[]string{`plan.yaml:7:55: key result "a" has score 1.2; a score is a grade from 0 to 1 (e.g. 0.7), or remove it to have it computed`}},
	})
}
