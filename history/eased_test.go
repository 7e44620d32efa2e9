package history_test

import (
	"fmt"
	"testing"

	"github.com/okr-tool/okr/history"
	"github.com/okr-tool/okr/plan"
)

// easedPlan is a plan whose key result "deals" counts deals from 0 to target, and whose KPI
// "churn" should fall to kpiTarget; comment ends the key result's line.
func easedPlan(target, kpiTarget, comment string) string {
	return `period: 2026-Q3
scope: sales
kpis:
  - {id: churn, name: Churn, source: CRM, frequency: monthly, direction: down, target: ` + kpiTarget + `}
objectives:
  - id: grow
    title: Grow
    key_results:
      - {id: deals, title: Close deals, start: 0, target: ` + target + `, current: 10}` + comment + `
`
}

// TestEasings: a target cut after the period started is an easing, with the date and the
// reason of its suppression; one set before the start, or made harder, is not.
func TestEasings(t *testing.T) {
	reason := " # okr:ignore moved-goalposts two reps left in July"
	h := history.New()
	ph := history.NewPlan("plans/sales.yaml")
	ph.Add(rev("c1", "2026-06-20"), parse(t, easedPlan("14", "5", "")))
	ph.Add(rev("c2", "2026-06-28"), parse(t, easedPlan("12", "5", ""))) // before the quarter: planning
	ph.Add(rev("c3", "2026-07-02"), parse(t, easedPlan("15", "5", ""))) // harder
	ph.Add(rev("c4", "2026-08-03"), parse(t, easedPlan("10", "6", "")))
	newest := parse(t, easedPlan("10", "6", reason))
	ph.Add(rev("c5", "2026-08-04"), newest)
	h.Plans[ph.File] = ph

	got := h.KeyResultEasings(newest.Objectives[0].KeyResults[0])
	want := `[{target 15 10 c4 2026-08-03 two reps left in July}]`
	if s := easingsString(got); s != want {
		t.Errorf("KeyResultEasings = %s, want %s", s, want)
	}
	if s := easingsString(h.KPIEasings(newest.KPI("churn"))); s != `[{target 5 6 c4 2026-08-03 }]` {
		t.Errorf("KPIEasings = %s, want the churn target raised against its direction, without a reason", s)
	}

	// A comment alone on the line above the key result applies to it too.
	own := parse(t, `period: 2026-Q3
scope: sales
objectives:
  - id: grow
    title: Grow
    key_results:
      # okr:ignore moved-goalposts the market shrank
      - {id: deals, title: Close deals, start: 0, target: 10, current: 10}
`)
	ph.Add(rev("c6", "2026-08-05"), own)
	if got := h.KeyResultEasings(own.Objectives[0].KeyResults[0]); len(got) != 1 || got[0].Reason != "the market shrank" {
		t.Errorf("with a comment on its own line: %s", easingsString(got))
	}
}

func easingsString(es []history.Easing) string {
	s := "["
	for i, e := range es {
		if i > 0 {
			s += " "
		}
		s += fmt.Sprintf("{%s %g %g %s %s %s}", e.Field, e.Old, e.New, e.By.Commit, e.By.Date.Format("2006-01-02"), e.Reason)
	}
	return s + "]"
}

// TestEased is the rule itself on a series of values.
func TestEased(t *testing.T) {
	set := func(v float64) plan.Field[float64] { return plan.Field[float64]{Value: v, Set: true} }
	start := rev("", "2026-07-01").Date
	steps := []history.Step{
		{Revision: rev("a", "2026-06-30"), Present: true, Value: set(8)}, // eased, but before the start
		{Revision: rev("b", "2026-07-05"), Present: true, Value: set(9)}, // harder
		{Revision: rev("c", "2026-07-06"), Present: false},               // removed
		{Revision: rev("d", "2026-07-07"), Present: true, Value: set(5)}, // back: a first value again
		{Revision: rev("e", "2026-07-08"), Present: true, Value: set(4)}, // eased
	}
	got := history.Eased(set(10), steps, true, start)
	if len(got) != 1 || got[0].By.Commit != "e" || got[0].Old != 5 || got[0].New != 4 {
		t.Errorf("Eased = %+v, want only e: 5 → 4", got)
	}
}
