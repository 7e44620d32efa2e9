package lint

import "testing"

func TestKRCount(t *testing.T) {
	head := "period: 2026-Q3\nscope: sales\nobjectives:\n  - id: grow\n    title: Grow\n"
	checkRule(t, "kr-count", []ruleCase{
		{"three is enough", onePlan(head + "    key_results:\n" + kr("a", "1", "2") + kr("b", "1", "2") + kr("c", "1", "2")), nil},
		{"five is the most", onePlan(head + "    key_results:\n" + kr("a", "1", "2") + kr("b", "1", "2") + kr("c", "1", "2") + kr("d", "1", "2") + kr("e", "1", "2")), nil},
		{"two points at key_results", onePlan(head + "    key_results:\n" + kr("a", "1", "2") + kr("b", "1", "2")),
			[]string{`plan.yaml:6:5: objective "grow" has 2 key results; give it 3 to 5 key results so its outcome is measurable`}},
		{"none points at the objective", onePlan(head),
			[]string{`plan.yaml:4:5: objective "grow" has 0 key results; give it 3 to 5 key results so its outcome is measurable`}},
	})
}

func TestKRCountConfigured(t *testing.T) {
	r := newKRCount()
	r.min, r.max = 1, 2
	if err := r.Validate(); err != nil {
		t.Fatal(err)
	}
	r.min = 3
	if err := r.Validate(); err == nil {
		t.Error("Validate accepts min 3 above max 2")
	}
}
