package reportfmt

import (
	"math"
	"testing"

	"github.com/okr-tool/okr/plan"
	"github.com/okr-tool/okr/report"
)

func TestRangeTextMaintain(t *testing.T) {
	v := func(f float64) *float64 { return &f }
	for _, c := range []struct {
		kr   report.KRReport
		want string
	}{
		{report.KRReport{Type: plan.Maintain, Target: v(90), Unit: "%", Holds: plan.Up}, "≥ 90%"},
		{report.KRReport{Type: plan.Maintain, Target: v(2), Unit: "h", Holds: plan.Down}, "≤ 2 h"},
		{report.KRReport{Type: plan.Maintain, Holds: plan.Up}, "≥ ?"},
		{report.KRReport{Type: plan.Outcome, Start: v(1), Target: v(3)}, "1 → 3"},
	} {
		if got := rangeText(&c.kr); got != c.want {
			t.Errorf("rangeText(%+v) = %q, want %q", c.kr, got, c.want)
		}
	}
}

// A key result not scored for its direction or its targets still shows its valid current (74),
// and its status says why; only a current that is not a number reads "invalid".
func TestCurrentTextInvalid(t *testing.T) {
	v := 74.0
	kr := report.KRReport{Type: plan.Outcome, Current: &v, KRScore: report.KRScore{Basis: report.BasisInvalid, Reason: "runs against KPI direction"}}
	if got := currentText(&kr); got != "74" {
		t.Errorf("currentText of a direction conflict = %q, want \"74\"", got)
	}
	if got := kr.StatusText(); got != "not scored: runs against KPI direction" {
		t.Errorf("StatusText of a direction conflict = %q", got)
	}
	inf := math.Inf(1)
	kr.Current, kr.Reason = &inf, report.ReasonCurrent
	if got := currentText(&kr); got != "invalid" {
		t.Errorf("currentText of an infinite current = %q, want \"invalid\"", got)
	}
	v = 5
	kr.Current = &v
	kr.Basis = report.BasisOutcome
	if got := currentText(&kr); got != "5" {
		t.Errorf("currentText = %q, want \"5\"", got)
	}
}

// Every format names the weakest key result by its title, and says how many key results are
// measured when some are not: the table's status column as markdown's and html's.
func TestObjectiveNote(t *testing.T) {
	weak := &report.KRReport{ID: "lift-retention", Title: "Lift retention to 80%", Status: report.StatusAtRisk}
	o := &report.ObjectiveReport{Status: report.StatusOnTrack, Weakest: weak, Measured: 2,
		KeyResults: []*report.KRReport{weak, {}, {}}}
	want := "on track, 2 of 3 measured, weakest: Lift retention to 80% (at risk)"
	if got := objectiveStatusText(o); got != want {
		t.Errorf("objectiveStatusText = %q, want %q", got, want)
	}
	o.Measured, o.Weakest = 3, nil
	if got := objectiveStatusText(o); got != "on track" {
		t.Errorf("all measured, none weak: %q, want \"on track\"", got)
	}
}
