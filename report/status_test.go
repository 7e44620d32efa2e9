package report

import (
	"testing"

	"github.com/okr-tool/okr/plan"
)

func TestPhaseOf(t *testing.T) {
	q3 := plan.Period{Year: 2026, Quarter: 3}
	tests := []struct {
		asOf string
		want Phase
	}{
		{"2026-06-30", Upcoming}, {"2026-07-01", InProgress}, {"2026-09-30", InProgress}, {"2026-10-01", Finished},
	}
	for _, tt := range tests {
		if got := PhaseOf(q3, day(tt.asOf)); got != tt.want {
			t.Errorf("PhaseOf(2026-Q3, %s) = %s, want %s", tt.asOf, got, tt.want)
		}
	}
}

// TestStatusAsOf puts one key result of 2026-Q3 (92 days) on several days. The expected score
// is the share of the quarter elapsed at the end of the as-of day: 46/92 = 0.5 on 15 August,
// 72/92 ≈ 0.78 on 10 September, 1 on 30 September. After the quarter the status is the grade.
func TestStatusAsOf(t *testing.T) {
	q3 := plan.Period{Year: 2026, Quarter: 3}
	tests := []struct {
		asOf  string
		score float64
		want  Status
	}{
		{"2026-06-15", 0, StatusNotStarted},
		{"2026-07-01", 0, StatusOnTrack},     // expected 1/92
		{"2026-08-15", 0.5, StatusOnTrack},   // on schedule
		{"2026-08-15", 0.4, StatusOnTrack},   // exactly 0.10 behind is not "more than"
		{"2026-08-15", 0.39, StatusAtRisk},   // 0.11 behind
		{"2026-08-15", 0.25, StatusAtRisk},   // exactly 0.25 behind
		{"2026-08-15", 0.24, StatusOffTrack}, // 0.26 behind
		{"2026-09-10", 0.7, StatusOnTrack},   // 0.08 behind
		{"2026-09-10", 0.6, StatusAtRisk},    // 0.18 behind
		{"2026-09-10", 0.5, StatusOffTrack},  // 0.28 behind
		{"2026-09-30", 1, StatusOnTrack},     // last day, met
		{"2026-09-30", 0.95, StatusOnTrack},  // 0.05 behind
		{"2026-09-30", 0.8, StatusAtRisk},    // 0.20 behind
		{"2026-09-30", 0.7, StatusOffTrack},  // 0.30 behind
		{"2026-10-01", 0.8, StatusGreen},     // finished: the grade
		{"2026-12-31", 0.5, StatusYellow},
		{"2027-01-15", 0.1, StatusRed},
	}
	for _, tt := range tests {
		asOf := day(tt.asOf)
		got := KRStatus(KRScore{Value: tt.score, Basis: BasisOutcome}, PhaseOf(q3, asOf), q3.Elapsed(asOf))
		if got != tt.want {
			t.Errorf("as of %s, score %v (expected %.3f): %s, want %s", tt.asOf, tt.score, q3.Elapsed(asOf), got, tt.want)
		}
	}
}

func TestStatusNoData(t *testing.T) {
	noData := KRScore{Basis: BasisNoData}
	for _, phase := range []Phase{InProgress, Finished} {
		if got := KRStatus(noData, phase, 0.5); got != StatusNoData {
			t.Errorf("%s: status of a KR without data = %s, want no-data", phase, got)
		}
	}
}

// TestObjectiveStatus checks an objective is judged by its own score as a key result is: against
// the expected score during the period, by its grade after it.
func TestObjectiveStatus(t *testing.T) {
	tests := []struct {
		name     string
		phase    Phase
		score    float64
		noData   bool
		expected float64
		want     Status
	}{
		{"on track", InProgress, 0.45, false, 0.5, StatusOnTrack},
		{"exactly 0.10 behind", InProgress, 0.4, false, 0.5, StatusOnTrack},
		{"at risk", InProgress, 0.35, false, 0.5, StatusAtRisk},
		{"off track", InProgress, 0.2, false, 0.5, StatusOffTrack},
		{"green grade, behind", InProgress, 0.75, false, 0.95, StatusAtRisk},
		{"no data", InProgress, 0, true, 0.5, StatusNoData},
		{"finished: grade", Finished, 0.75, false, 1, StatusGreen},
		{"finished: red", Finished, 0.3, false, 1, StatusRed},
		{"upcoming", Upcoming, 0, false, 0, StatusNotStarted},
	}
	for _, tt := range tests {
		if got := ObjectiveStatus(tt.score, tt.noData, tt.phase, tt.expected); got != tt.want {
			t.Errorf("%s: %s, want %s", tt.name, got, tt.want)
		}
	}
}

// TestObjectiveStatusFromPlan scores a whole plan on two days: mid-quarter the objective is on
// track by its score and names its off-track key result; after the quarter its grade decides.
func TestObjectiveStatusFromPlan(t *testing.T) {
	o := objective("grow", outcomeKR("a", 0, 10, 8), outcomeKR("b", 0, 10, 2), effortKR("c", 0.5)) // 0.5
	p := newPlan("q3.yaml", "company", "2026-Q3", o)
	for _, tt := range []struct {
		asOf    string
		want    Status
		weakest string
	}{{"2026-08-15", StatusOnTrack, "b"}, {"2026-10-02", StatusYellow, "b"}} {
		r, err := Build(repoOf(p), Options{AsOf: day(tt.asOf)})
		if err != nil {
			t.Fatal(err)
		}
		or := r.Plans[0].Objectives[0]
		if or.Status != tt.want {
			t.Errorf("as of %s: objective status %s, want %s", tt.asOf, or.Status, tt.want)
		}
		if or.Weakest == nil || or.Weakest.ID != tt.weakest {
			t.Errorf("as of %s: weakest %+v, want %s", tt.asOf, or.Weakest, tt.weakest)
		}
		if got := r.Plans[0].Status; got != tt.want {
			t.Errorf("as of %s: plan status %s, want %s", tt.asOf, got, tt.want)
		}
		// One rule: the colour of a score is the colour of its status.
		if or.Status.Tone() == ToneGreen && or.Status != StatusOnTrack && or.Status != StatusGreen {
			t.Errorf("as of %s: green next to %s", tt.asOf, or.Status)
		}
	}
}

// TestWeakest: the weakest concern is named, the lowest score among equals; none when every key
// result is on track.
func TestWeakest(t *testing.T) {
	kr := func(id string, st Status, v float64) *KRReport {
		return &KRReport{ID: id, Status: st, KRScore: KRScore{Value: v}}
	}
	if w := Weakest([]*KRReport{kr("a", StatusOnTrack, 0.5), kr("b", StatusNoData, 0)}); w != nil {
		t.Errorf("Weakest of on track and no data = %s, want none", w.ID)
	}
	w := Weakest([]*KRReport{kr("a", StatusAtRisk, 0.3), kr("b", StatusOffTrack, 0.2), kr("c", StatusOffTrack, 0.1)})
	if w == nil || w.ID != "c" {
		t.Errorf("Weakest = %v, want c", w)
	}
}
