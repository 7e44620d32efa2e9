package lint

import (
	"strings"
	"testing"
)

func TestObjectiveCount(t *testing.T) {
	objectives := func(n int) Example {
		s := "period: 2026-Q3\nscope: sales\nobjectives:\n"
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
	r := newObjectiveCount()
	r.max = 0
	if err := r.Validate(); err == nil || !strings.Contains(err.Error(), "at least 1") {
		t.Errorf("Validate() = %v", err)
	}
}
