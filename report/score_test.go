package report

import (
	"math"
	"testing"

	"github.com/okr-tool/okr/plan"
)

func TestScoreKeyResult(t *testing.T) {
	manual := outcomeKR("m", 0, 10, 10)
	manual.Score = set(0.3)
	manualHigh := effortKR("mh", 0.2)
	manualHigh.Score = set(1.4)
	manualNoData := outcomeKR("mn", 0, 10)
	manualNoData.Score = set(0.6)
	done := effortKR("d", 0.2)
	done.Done = set(true)
	notDone := effortKR("nd", -1)
	notDone.Done = set(false)
	noStart := outcomeKR("ns", 0, 10, 5)
	noStart.Start = plan.Field[float64]{}
	nanCurrent := outcomeKR("nan", 0, 10, math.NaN())

	tests := []struct {
		name  string
		kr    *plan.KeyResult
		dir   plan.Direction
		want  float64
		basis Basis
	}{
		{"increasing halfway", outcomeKR("a", 73, 75, 74), "", 0.5, BasisOutcome},
		{"increasing met", outcomeKR("a", 73, 75, 75), "", 1, BasisOutcome},
		{"increasing beyond target clamps to 1", outcomeKR("a", 73, 75, 80), "", 1, BasisOutcome},
		{"increasing fell below start clamps to 0", outcomeKR("a", 73, 75, 70), "", 0, BasisOutcome},
		{"decreasing metric (spec example)", outcomeKR("a", 10, 4, 7), "", 0.5, BasisOutcome},
		{"decreasing met", outcomeKR("a", 10, 4, 3), "", 1, BasisOutcome},
		{"decreasing got worse", outcomeKR("a", 10, 4, 12), "", 0, BasisOutcome},
		{"negative numbers", outcomeKR("a", -5, 5, 0), "", 0.5, BasisOutcome},
		{"missing current is no data", outcomeKR("a", 73, 75), "", 0, BasisNoData},
		{"start = target, held", outcomeKR("a", 5, 5, 5), "", 1, BasisHold},
		{"start = target, above, up", outcomeKR("a", 5, 5, 6), plan.Up, 1, BasisHold},
		{"start = target, below, up", outcomeKR("a", 5, 5, 4), "", 0, BasisHold},
		{"start = target, below, down", outcomeKR("a", 5, 5, 4), plan.Down, 1, BasisHold},
		{"start = target, above, down", outcomeKR("a", 5, 5, 6), plan.Down, 0, BasisHold},
		{"start = target, no current", outcomeKR("a", 5, 5), "", 0, BasisNoData},
		{"missing start cannot be scored", noStart, "", 0, BasisInvalid},
		{"NaN current cannot be scored", nanCurrent, "", 0, BasisInvalid},
		{"manual score wins over current", manual, "", 0.3, BasisManual},
		{"manual score above 1 is invalid, not 1", manualHigh, "", 0, BasisInvalid},
		{"manual score without current", manualNoData, "", 0.6, BasisManual},
		{"effort progress", effortKR("e", 0.4), "", 0.4, BasisEffort},
		{"effort done wins over progress", done, "", 1, BasisEffort},
		{"effort nothing yet", effortKR("e", -1), "", 0, BasisNoData},
		{"effort done: false", notDone, "", 0, BasisEffort},
		{"effort progress above 1 is invalid, not 1", effortKR("e", 1.5), "", 0, BasisInvalid},
		{"effort progress 60 is invalid, not 1", effortKR("e", 60), "", 0, BasisInvalid},
		{"effort progress 60 on grade_scale 100", pct(effortKR("e", 60)), "", 0.6, BasisEffort},
		{"manual score 40 on grade_scale 100", pct(scored(outcomeKR("s", 0, 10, 10), 40)), "", 0.4, BasisManual},
		{"manual score 40 is invalid", scored(outcomeKR("s", 0, 10, 10), 40), "", 0, BasisInvalid},
		{"maintain held at the threshold", maintainKR("h", 20, plan.Up, 20), "", 1, BasisMaintain},
		{"maintain held above", maintainKR("h", 20, plan.Up, 21.5), "", 1, BasisMaintain},
		{"maintain dipped below", maintainKR("h", 20, plan.Up, 19.9), "", 0, BasisMaintain},
		{"maintain down held", maintainKR("h", 5, plan.Down, 4), "", 1, BasisMaintain},
		{"maintain down broken", maintainKR("h", 5, plan.Down, 6), "", 0, BasisMaintain},
		{"maintain without a direction takes the KPI's", maintainKR("h", 5, "", 4), plan.Down, 1, BasisMaintain},
		{"maintain without a direction or KPI holds at or above", maintainKR("h", 5, "", 4), "", 0, BasisMaintain},
		{"maintain without current is no data", maintainKR("h", 20, plan.Up), "", 0, BasisNoData},
		{"maintain against its KPI's direction is invalid", maintainKR("h", 20, plan.Down, 10), plan.Up, 0, BasisInvalid},
		// OnStrategy's retention KR, 75% to 80%, written backwards.
		{"start → target against the KPI's direction is invalid", outcomeKR("r", 80, 75, 80), plan.Up, 0, BasisInvalid},
		{"start → target with the KPI's direction", outcomeKR("r", 75, 80, 78), plan.Up, 0.6, BasisOutcome},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := ScoreKeyResult(tt.kr, tt.dir)
			if math.Abs(got.Value-tt.want) > 1e-12 || got.Basis != tt.basis {
				t.Errorf("got %v (%s), want %v (%s)", got.Value, got.Basis, tt.want, tt.basis)
			}
			if wantNoData := tt.basis == BasisNoData || tt.basis == BasisInvalid; got.NoData() != wantNoData {
				t.Errorf("NoData() = %v, want %v", got.NoData(), wantNoData)
			}
		})
	}
}

func TestScoreIsExact(t *testing.T) {
	got := ScoreKeyResult(outcomeKR("a", 0, 3, 1), "").Value
	if got != 1.0/3 {
		t.Errorf("score = %v, want exactly 1/3", got)
	}
}

func TestGradeOf(t *testing.T) {
	tests := []struct {
		score float64
		want  Grade
	}{
		{0, Red}, {0.39, Red}, {0.3999, Red}, {0.4, Yellow}, {(74.2 - 73) / (76 - 73), Yellow},
		{0.69, Yellow}, {0.7, Green}, {0.7 - 1e-12, Green}, {1, Green},
	}
	for _, tt := range tests {
		if got := GradeOf(tt.score); got != tt.want {
			t.Errorf("GradeOf(%v) = %s, want %s", tt.score, got, tt.want)
		}
	}
}

func TestWeight(t *testing.T) {
	kr := outcomeKR("a", 0, 1)
	if Weight(kr) != 1 {
		t.Errorf("default weight = %v, want 1", Weight(kr))
	}
	kr.Weight = set(3.0)
	if Weight(kr) != 3 {
		t.Errorf("weight = %v, want 3", Weight(kr))
	}
	kr.Weight = set(-2.0)
	if Weight(kr) != 1 {
		t.Errorf("negative weight counts as %v, want 1", Weight(kr))
	}
}

func TestObjectiveAndPlanScores(t *testing.T) {
	heavy := outcomeKR("heavy", 0, 10, 10) // 1.0, weight 3
	heavy.Weight = set(3.0)
	light := outcomeKR("light", 0, 10, 0)                                      // 0.0, weight 1
	o1 := objective("weighted", heavy, light, effortKR("e", 0.5))              // (3·1 + 0 + 0.5) / 5 = 0.7
	o2 := objective("plain", outcomeKR("x", 0, 4, 1), outcomeKR("y", 0, 4, 3)) // 0.5
	o3 := objective("all-met", outcomeKR("z", 1, 2, 2), effortKR("w", 1))      // 1.0
	p := newPlan("q3.yaml", "company", "2026-Q3", o1, o2, o3)
	r, err := Build(repoOf(p), Options{AsOf: day("2026-12-01")})
	if err != nil {
		t.Fatal(err)
	}
	pr := r.Plans[0]
	wantObj := []float64{0.7, 0.5, 1}
	for i, want := range wantObj {
		if got := pr.Objectives[i].Score; math.Abs(got-want) > 1e-12 {
			t.Errorf("objective %s score = %v, want %v", pr.Objectives[i].ID, got, want)
		}
	}
	if want := (0.7 + 0.5 + 1) / 3; math.Abs(pr.Score-want) > 1e-12 {
		t.Errorf("plan score = %v, want %v", pr.Score, want)
	}
	if pr.Objectives[0].Grade != Green || pr.Objectives[1].Grade != Yellow {
		t.Errorf("grades = %s, %s; want green, yellow", pr.Objectives[0].Grade, pr.Objectives[1].Grade)
	}
	for i, want := range []bool{false, false, true} {
		if got := pr.Objectives[i].NotAmbitious; got != want {
			t.Errorf("objective %s NotAmbitious = %v, want %v", pr.Objectives[i].ID, got, want)
		}
	}
}

func TestNoDataObjective(t *testing.T) {
	empty := objective("empty")
	unmeasured := objective("unmeasured", outcomeKR("a", 0, 10), outcomeKR("b", 0, 10))
	measured := objective("measured", outcomeKR("c", 0, 10, 10), outcomeKR("d", 0, 10))
	p := newPlan("q3.yaml", "company", "2026-Q3", empty, unmeasured, measured)
	r, err := Build(repoOf(p), Options{AsOf: day("2026-08-15")})
	if err != nil {
		t.Fatal(err)
	}
	objs := r.Plans[0].Objectives
	for i, want := range []bool{true, true, false} {
		if objs[i].NoData != want {
			t.Errorf("objective %s NoData = %v, want %v", objs[i].ID, objs[i].NoData, want)
		}
	}
	// While the period runs, a KR not measured yet is left out: the objective scores over "c" alone.
	if objs[2].Score != 1 || objs[2].Measured != 1 || objs[2].MeasuredText() != "1 of 2 measured" {
		t.Errorf("measured objective: score %v, %d measured (%q); want 1 over c alone, \"1 of 2 measured\"",
			objs[2].Score, objs[2].Measured, objs[2].MeasuredText())
	}
	if objs[2].Status != StatusOnTrack {
		t.Errorf("measured objective status = %s, want on_track: an unmeasured KR is no failure", objs[2].Status)
	}
	if pr := r.Plans[0]; pr.Score != 1 || pr.NoData || pr.Status != StatusOnTrack {
		t.Errorf("plan = %v %s (no data %v); want 1 on_track over the one objective with data", pr.Score, pr.Status, pr.NoData)
	}
	if objs[1].Status != StatusNoData || objs[0].Status != StatusNoData {
		t.Errorf("statuses = %s, %s; want no-data", objs[0].Status, objs[1].Status)
	}
	if got := r.Plans[0].Summary.ByStatus[StatusNoData]; got != 3 {
		t.Errorf("summary counts %d KRs without data, want 3", got)
	}
}

// TestUnmeasuredCountsOnceFinished: once the period is over, a key result never measured counts
// as 0 in the final grade, and an objective of unmeasured key results is graded 0.
func TestUnmeasuredCountsOnceFinished(t *testing.T) {
	unmeasured := objective("unmeasured", outcomeKR("a", 0, 10), outcomeKR("b", 0, 10))
	measured := objective("measured", outcomeKR("c", 0, 10, 10), outcomeKR("d", 0, 10))
	empty := objective("empty")
	p := newPlan("q3.yaml", "company", "2026-Q3", unmeasured, measured, empty)
	r, err := Build(repoOf(p), Options{AsOf: day("2026-10-15")})
	if err != nil {
		t.Fatal(err)
	}
	objs := r.Plans[0].Objectives
	if objs[1].Score != 0.5 || objs[1].MeasuredText() != "1 of 2 measured" {
		t.Errorf("measured objective = %v (%q), want 0.5, 1 of 2 measured", objs[1].Score, objs[1].MeasuredText())
	}
	if objs[0].NoData || objs[0].Score != 0 || objs[0].Grade != Red || objs[0].MeasuredText() != "0 of 2 measured" {
		t.Errorf("unmeasured objective = %v %s (no data %v, %q); want graded 0 red, 0 of 2 measured",
			objs[0].Score, objs[0].Grade, objs[0].NoData, objs[0].MeasuredText())
	}
	if !objs[2].NoData {
		t.Errorf("an objective without key results has no grade")
	}
	if pr := r.Plans[0]; pr.Score != 0.25 || pr.NoData {
		t.Errorf("plan = %v (no data %v), want 0.25: (0 + 0.5) / 2", pr.Score, pr.NoData)
	}
}

// TestNothingMeasuredYet: a plan with nothing measured is "no data" during the period, not off track.
func TestNothingMeasuredYet(t *testing.T) {
	p := newPlan("q3.yaml", "company", "2026-Q3", objective("o", outcomeKR("a", 0, 10), outcomeKR("b", 5, 10)))
	r, err := Build(repoOf(p), Options{AsOf: day("2026-09-15")})
	if err != nil {
		t.Fatal(err)
	}
	pr := r.Plans[0]
	if pr.Status != StatusNoData || !pr.NoData || pr.Objectives[0].Status != StatusNoData {
		t.Errorf("plan %s, objective %s; want no_data for both", pr.Status, pr.Objectives[0].Status)
	}
}

func TestFormatScore(t *testing.T) {
	start, current, target := 73.0, 74.2, 76.0
	tests := []struct {
		v    float64
		want string
	}{
		{0, "0.00"}, {0.3666, "0.37"}, {0.394, "0.39"}, {0.398, "0.39"}, {0.4, "0.40"},
		{(current - start) / (target - start), "0.40"}, // 0.39999999999999997 at run time
		{0.6949, "0.69"}, {0.698, "0.69"}, {0.7, "0.70"}, {0.705, "0.71"},
		{0.994, "0.99"}, {0.996, "0.99"}, {1, "1.00"},
	}
	for _, tt := range tests {
		if got := FormatScore(tt.v); got != tt.want {
			t.Errorf("FormatScore(%v) = %s, want %s", tt.v, got, tt.want)
		}
	}
}

func TestScoreOverflow(t *testing.T) {
	kr := &plan.KeyResult{Type: plan.Field[plan.KRType]{Value: plan.Outcome}}
	kr.Start = plan.Field[float64]{Value: -1e308, Set: true}
	kr.Target = plan.Field[float64]{Value: 1e308, Set: true}
	kr.Current = plan.Field[float64]{Value: 1e308, Set: true}
	s := ScoreKeyResult(kr, plan.Up)
	if s.Value != 0 || !s.NoData() || s.Basis != BasisInvalid {
		t.Errorf("overflowing key result scored %+v, want invalid", s)
	}
}
