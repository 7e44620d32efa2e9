package report

import (
	"fmt"
	"math"

	"github.com/okr-tool/okr/plan"
)

// Basis says how a key result's score was arrived at.
type Basis string

// The ways a key result is scored.
const (
	// BasisManual: the plan gives a "score", which overrides everything else.
	BasisManual Basis = "manual"
	// BasisOutcome: (current − start) / (target − start), clamped to 0..1.
	BasisOutcome Basis = "outcome"
	// BasisHold: an outcome KR whose start equals its target; it scores 1 when current is at the
	// target or beyond it in the metric's direction, else 0.
	BasisHold Basis = "hold"
	// BasisEffort: 1 when done, else the progress, else 0.
	BasisEffort Basis = "effort"
	// BasisNoData: an outcome KR without a current value yet; it scores 0, shown as "no data".
	BasisNoData Basis = "no_data"
	// BasisInvalid: an outcome KR that cannot be scored (start or target missing or not a
	// finite number); it scores 0, shown as "no data", with a note saying why.
	BasisInvalid Basis = "invalid"
)

// KRScore is the score of one key result.
type KRScore struct {
	Value float64 // in 0..1
	Basis Basis
	Note  string // why the score is not the plain formula: clamped, invalid, start = target
}

// NoData reports whether the score is 0 for want of a measurement rather than measured as 0.
func (s KRScore) NoData() bool { return s.Basis == BasisNoData || s.Basis == BasisInvalid }

// ScoreKeyResult scores a key result as the plan format specifies. dir is the direction of the
// KPI the key result is linked to, used only when start equals target; "" means up.
func ScoreKeyResult(kr *plan.KeyResult, dir plan.Direction) KRScore {
	if kr.Score.Set {
		v, note := clamp01(kr.Score.Value, "score")
		return KRScore{Value: v, Basis: BasisManual, Note: note}
	}
	if kr.Type.Value == plan.Effort {
		return scoreEffort(kr)
	}
	return scoreOutcome(kr, dir)
}

func scoreEffort(kr *plan.KeyResult) KRScore {
	switch {
	case kr.Done.Set && kr.Done.Value:
		return KRScore{Value: 1, Basis: BasisEffort}
	case kr.Progress.Set:
		v, note := clamp01(kr.Progress.Value, "progress")
		return KRScore{Value: v, Basis: BasisEffort, Note: note}
	}
	return KRScore{Value: 0, Basis: BasisEffort}
}

func scoreOutcome(kr *plan.KeyResult, dir plan.Direction) KRScore {
	switch {
	case !kr.Start.Set || !kr.Target.Set:
		return KRScore{Basis: BasisInvalid, Note: "not scored: start and target are both required"}
	case !finite(kr.Start.Value) || !finite(kr.Target.Value):
		return KRScore{Basis: BasisInvalid, Note: "not scored: start and target must be finite numbers"}
	case !kr.Current.Set:
		return KRScore{Basis: BasisNoData}
	case !finite(kr.Current.Value):
		return KRScore{Basis: BasisInvalid, Note: "not scored: current must be a finite number"}
	}
	start, target, current := kr.Start.Value, kr.Target.Value, kr.Current.Value
	if start == target {
		met := current >= target
		if dir == plan.Down {
			met = current <= target
		}
		s := KRScore{Basis: BasisHold, Note: "start equals target: scored 1 when current is at or past the target, else 0"}
		if met {
			s.Value = 1
		}
		return s
	}
	v := (current - start) / (target - start)
	if !finite(v) {
		// Numbers near the float range overflow (∞/∞); a score must stay a number.
		return KRScore{Basis: BasisInvalid, Note: "not scored: start, target and current are too large to compare"}
	}
	return KRScore{Value: math.Min(math.Max(v, 0), 1), Basis: BasisOutcome}
}

// clamp01 bounds a hand-written grade or progress to 0..1 and says so when it had to.
func clamp01(v float64, field string) (float64, string) {
	switch {
	case math.IsNaN(v):
		return 0, fmt.Sprintf("%s is not a number; counted as 0", field)
	case v < 0:
		return 0, fmt.Sprintf("%s %s is below 0; counted as 0", field, FormatNumber(v))
	case v > 1:
		return 1, fmt.Sprintf("%s %s is above 1; counted as 1", field, FormatNumber(v))
	}
	return v, ""
}

func finite(v float64) bool { return !math.IsNaN(v) && !math.IsInf(v, 0) }

// Weight returns the weight a key result counts with in its objective's mean: its "weight" when
// that is a positive finite number, else 1.
func Weight(kr *plan.KeyResult) float64 {
	if !kr.Weight.Set || !finite(kr.Weight.Value) || kr.Weight.Value <= 0 {
		return 1
	}
	return kr.Weight.Value
}

// WeightedMean returns Σ wᵢ·sᵢ / Σ wᵢ, or 0 when there is nothing to average.
func WeightedMean(scores, weights []float64) float64 {
	var sum, total float64
	for i, s := range scores {
		sum += weights[i] * s
		total += weights[i]
	}
	if total == 0 {
		return 0
	}
	return sum / total
}
