package history_test

import (
	"fmt"
	"strings"
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

	got := h.KeyResultEasings(nil, newest.Objectives[0].KeyResults[0])
	// Compared with the target on the eve of the quarter (12), whatever came in between.
	want := `[{target 12 10 c4 2026-08-03 two reps left in July}]`
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
	if got := h.KeyResultEasings(nil, own.Objectives[0].KeyResults[0]); len(got) != 1 || got[0].Reason != "the market shrank" {
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

// TestMovedSince compares the newest value with the one in effect on the eve of the period,
// whatever came in between.
func TestMovedSince(t *testing.T) {
	set := func(v float64) plan.Field[float64] { return plan.Field[float64]{Value: v, Set: true} }
	start := rev("", "2026-07-01").Date
	step := func(c, d string, v float64) history.Step {
		return history.Step{Revision: rev(c, d), Present: true, Value: set(v)}
	}
	tests := []struct {
		name  string
		steps []history.Step
		want  string
	}{
		{"eased before the change under review still counts", []history.Step{
			step("a", "2026-06-20", 12), step("b", "2026-07-10", 10), step("c", "2026-08-01", 10)}, "12→10 set by a, eased by b"},
		{"eased then restored", []history.Step{
			step("a", "2026-06-20", 12), step("b", "2026-07-10", 10), step("c", "2026-08-01", 12)}, "none"},
		{"eased before the start only", []history.Step{
			step("a", "2026-06-01", 12), step("b", "2026-06-25", 10), step("c", "2026-08-01", 10)}, "none"},
		{"added after the start, then eased", []history.Step{
			step("a", "2026-07-03", 12), step("b", "2026-07-10", 11)}, "12→11 set by a, eased by b"},
		{"removed and added back lower", []history.Step{
			step("a", "2026-06-20", 12), {Revision: rev("b", "2026-07-05")}, step("c", "2026-07-10", 9)}, "none"},
	}
	for _, tt := range tests {
		got := "none"
		if m := history.MovedSince(tt.steps, true, start); m != nil {
			got = fmt.Sprintf("%g→%g set by %s, eased by %s", m.Old, m.New, m.SetBy.Commit, m.By.Commit)
		}
		if got != tt.want {
			t.Errorf("%s: MovedSince = %s, want %s", tt.name, got, tt.want)
		}
	}
}

// TestEasingsRefreshedStart: a start set to the previous quarter's final reading of its KPI is
// a refreshed baseline, not an easing; a target eased at the same time is.
func TestEasingsRefreshedStart(t *testing.T) {
	q4 := func(start, target string) string {
		return `period: 2026-Q4
scope: sales
kpis:
  - {id: retention, name: Retention, source: CRM, frequency: monthly}
objectives:
  - id: loyal
    title: Loyal
    key_results:
      - {id: keep, title: Keep, start: ` + start + `, target: ` + target + `, kpi: retention}
`
	}
	q3 := `period: 2026-Q3
scope: sales
kpis:
  - {id: retention, name: Retention, source: CRM, frequency: monthly}
objectives:
  - id: loyal
    title: Loyal
    key_results:
      - {id: keep, title: Keep, start: 70, target: 76, current: 75, kpi: retention}
`
	repo := plan.LoadSources("", []plan.Source{
		{File: "q3.yaml", Data: []byte(q3), Named: true},
		{File: "plans/sales.yaml", Data: []byte(q4("75", "79")), Named: true},
	}, 1)
	newest := repo.PlanOf("plans/sales.yaml")
	h := history.New()
	ph := history.NewPlan("plans/sales.yaml")
	ph.Add(rev("c1", "2026-09-15"), parse(t, q4("76", "80")))
	ph.Add(rev("c2", "2026-10-05"), newest)
	h.Plans[ph.File] = ph
	kr := newest.Objectives[0].KeyResults[0]
	if s := easingsString(h.KeyResultEasings(repo, kr)); s != `[{target 80 79 c2 2026-10-05 }]` {
		t.Errorf("KeyResultEasings = %s, want only the target", s)
	}
	if s := easingsString(h.KeyResultEasings(nil, kr)); s != `[{target 80 79 c2 2026-10-05 } {start 76 75 c2 2026-10-05 }]` {
		t.Errorf("KeyResultEasings without the repository = %s, want both", s)
	}
}

// TestEases is the easing predicate on every goalpost, both directions of the metric and both
// ways of moving the value: easing is the move that raises the grade the same reading earns.
func TestEases(t *testing.T) {
	up, down := history.DirectionValue(plan.Up), history.DirectionValue(plan.Down)
	tests := []struct {
		field    string
		dir      plan.Direction
		from, to float64
		want     bool
	}{
		// Outcome key result, higher is better: lowering the target or the start eases it.
		{history.FieldTarget, plan.Up, 25, 20, true},
		{history.FieldTarget, plan.Up, 25, 30, false},
		{history.FieldStart, plan.Up, 21.9, 15, true},
		{history.FieldStart, plan.Up, 21.9, 23, false},
		// Lower is better: the mirror.
		{history.FieldTarget, plan.Down, 5, 6, true},
		{history.FieldTarget, plan.Down, 5, 4, false},
		{history.FieldStart, plan.Down, 8, 9, true},
		{history.FieldStart, plan.Down, 8, 7, false},
		// Maintain key result: the threshold moved to the easy side, or the direction flipped.
		{history.FieldThreshold, plan.Up, 40, 30, true},
		{history.FieldThreshold, plan.Up, 40, 45, false},
		{history.FieldThreshold, plan.Down, 10, 12, true},
		{history.FieldThreshold, plan.Down, 10, 8, false},
		{history.FieldDirection, plan.Up, up, down, true},
		{history.FieldDirection, plan.Down, down, up, true},
		{history.FieldDirection, plan.Up, up, up, false},
		// KPI targets, as today.
		{history.FieldAnnualTarget, plan.Up, 100, 90, true},
		{history.FieldAnnualTarget, plan.Up, 100, 110, false},
		{history.FieldAnnualTarget, plan.Down, 4, 5, true},
		{history.FieldAnnualTarget, plan.Down, 4, 3, false},
		// An unchanged value, or a field that is no goalpost, is never an easing.
		{history.FieldTarget, plan.Up, 25, 25, false},
		{history.FieldStart, plan.Down, 8, 8, false},
		{"current", plan.Up, 23, 30, false},
	}
	for _, tt := range tests {
		if got := history.Eases(tt.field, tt.dir, tt.from, tt.to); got != tt.want {
			t.Errorf("Eases(%s, %s, %g → %g) = %v, want %v", tt.field, tt.dir, tt.from, tt.to, got, tt.want)
		}
	}
}

// reviewerPlan is the plan of the review of issue 8: an ARR key result from start to 25 that
// stands at 23, and a maintain key result holding 35 at or above threshold.
func reviewerPlan(start, threshold string) string {
	return `period: 2026-Q3
scope: sales
kpis:
  - {id: arr, name: ARR, source: Billing, frequency: monthly, direction: up}
objectives:
  - id: grow
    title: Grow
    key_results:
      - {id: arr-kr, title: Grow ARR, start: ` + start + `, target: 25, current: 23, kpi: arr}
      - {id: healthy, title: Keep clients healthy, type: maintain, threshold: ` + threshold + `, direction: up, current: 35}
`
}

// TestKeyResultMovesReviewer: a lower start and a lower threshold both raise the grade, so both
// are easings; a higher start lowers it and is not.
func TestKeyResultMovesReviewer(t *testing.T) {
	for _, tt := range []struct {
		start, threshold string
		want             []string
	}{
		{"15", "30", []string{`[{start 21.9 15 c2 2026-08-20 }]`, `[{threshold 40 30 c2 2026-08-20 }]`}},
		{"23", "40", []string{`[]`, `[]`}},
		{"21.9", "45", []string{`[]`, `[]`}},
	} {
		h := history.New()
		ph := history.NewPlan("plans/sales.yaml")
		ph.Add(rev("c1", "2026-06-20"), parse(t, reviewerPlan("21.9", "40")))
		newest := parse(t, reviewerPlan(tt.start, tt.threshold))
		ph.Add(rev("c2", "2026-08-20"), newest)
		h.Plans[ph.File] = ph
		for i, kr := range newest.Objectives[0].KeyResults {
			if s := easingsString(h.KeyResultEasings(nil, kr)); s != tt.want[i] {
				t.Errorf("start %s, threshold %s: %s: %s, want %s", tt.start, tt.threshold, kr.ID.Value, s, tt.want[i])
			}
		}
	}
	// A maintain key result whose direction flips eases it.
	h := history.New()
	ph := history.NewPlan("plans/sales.yaml")
	ph.Add(rev("c1", "2026-06-20"), parse(t, reviewerPlan("21.9", "40")))
	newest := parse(t, strings.Replace(reviewerPlan("21.9", "40"), "direction: up, current", "direction: down, current", 1))
	ph.Add(rev("c2", "2026-08-20"), newest)
	h.Plans[ph.File] = ph
	if s := easingsString(h.KeyResultEasings(nil, newest.Objectives[0].KeyResults[1])); s != `[{direction 1 -1 c2 2026-08-20 }]` {
		t.Errorf("direction flipped: %s", s)
	}
}
