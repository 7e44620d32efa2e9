package lint

import (
	"strings"
	"testing"
)

func TestObjectiveCount(t *testing.T) {
	objectives := func(n int, head ...string) Example {
		s := "period: 2026-Q3\nscope: sales\nobjectives:\n"
		if len(head) > 0 {
			s = head[0] + "objectives:\n"
		}
		for i := range n {
			s += "  - {id: o" + string(rune('a'+i)) + ", title: O}\n"
		}
		return onePlan(s)
	}
	checkRule(t, "objective-count", []ruleCase{
		{"five", objectives(5), nil},
		{"seven points at objectives", objectives(7),
			[]string{`plan.yaml:3:1: plan "sales" for 2026-Q3 has 7 objectives; keep at most 5 (merge or drop 2) so each gets the focus it needs`}},
	})
	checkRuleOnInvalidPlans(t, "objective-count", []ruleCase{
		{"without scope or period", objectives(6, "period: 2026-Q5\n"),
			[]string{`plan.yaml:2:1: this plan has 6 objectives; keep at most 5 (merge or drop 1) so each gets the focus it needs`}},
	})
	r := newObjectiveCount()
	r.max = 0
	if err := r.Validate(); err == nil || !strings.Contains(err.Error(), "at least 1") {
		t.Errorf("Validate() = %v", err)
	}
}
