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
	// BasisMaintain: a maintain KR (type: maintain); it scores 1 while current holds the line —
	// at or above the threshold for direction up, at or below it for down — else 0.
	BasisMaintain Basis = "maintain"
	// BasisEffort: 1 when done, else the progress, else 0 for done: false. An effort KR with
	// neither progress nor done is not measured yet: BasisNoData.
	BasisEffort Basis = "effort"
	// BasisNoData: an outcome or maintain KR without a current value yet, or an effort KR without
	// progress or done; shown as "no data", it
	// is left out of its objective's score while the period runs and counts as 0 once it is over
	// (CountsIn).
	BasisNoData Basis = "no_data"
	// BasisInvalid: a KR that cannot be scored: start, target or threshold missing or not a
	// finite number, a start → target that runs against its KPI's direction, or a score or
	// progress outside the plan's grade scale. It has no score: it is shown as "no data" with a
	// note saying why, and left out of its objective's and plan's scores (Counts is false).
	BasisInvalid Basis = "invalid"
)

// The reasons, in KRScore.Reason, that a key result with valid values is not scored.
const (
	// ReasonAgainstDirection: its start → target (or held direction) runs against its KPI's.
	ReasonAgainstDirection = "runs against KPI direction"
	// ReasonTwoTargets: its target disagrees with its KPI's own target (lint: kpi-target-agree).
	ReasonTwoTargets = "two targets for one quarter"
	// ReasonCurrent and ReasonProgress: the value itself cannot be read as a measurement.
	ReasonCurrent  = "current not a number"
	ReasonProgress = "progress not on the grade scale"
)

// KRScore is the score of one key result.
type KRScore struct {
	Value float64 // in 0..1
	Basis Basis
	Note  string // why the score is not the plain formula: clamped, invalid, start = target
	// Reason is why an invalid key result is not scored, in a few words for a status column
	// ("runs against KPI direction"); "" when it is scored or the Note says it best.
	Reason string
}

// NoData reports whether the score is 0 for want of a measurement rather than measured as 0.
func (s KRScore) NoData() bool { return s.Basis == BasisNoData || s.Basis == BasisInvalid }

// Counts reports whether the score can enter its objective's weighted mean: an invalid key
// result's 0 is not a measurement and is always left out. CountsIn says when it enters.
func (s KRScore) Counts() bool { return s.Basis != BasisInvalid }

// CountsIn is the one rule for which key results an objective's score (and through it its plan's)
// is computed over, in a period of the given phase. While the period runs (or before it starts),
// only the measured ones: a key result not measured yet is "no data", not a failure, so the weights
// of the others are renormalised. Once the period is over, a key result never measured counts as
// 0 in the final grade. An invalid key result never counts.
func (s KRScore) CountsIn(phase Phase) bool {
	switch s.Basis {
	case BasisInvalid:
		return false
	case BasisNoData:
		return phase == Finished
	}
	return true
}

// ScoreKeyResult scores a key result as the plan format specifies. dir is the direction of the
// KPI the key result is linked to ("" when none): a maintain key result without a direction of
// its own holds that side of its threshold, an outcome whose start equals its target is read
// against it, and a key result whose start → target (or written direction) runs against it is
// invalid.
func ScoreKeyResult(kr *plan.KeyResult, dir plan.Direction) KRScore {
	if kr.Score.Set {
		v, note, ok := grade(kr, kr.Score.Value, "score")
		if !ok {
			return KRScore{Basis: BasisInvalid, Note: note, Reason: "score not on the grade scale"}
		}
		return KRScore{Value: v, Basis: BasisManual, Note: note}
	}
	if kr.Type.Value == plan.Effort {
		return scoreEffort(kr)
	}
	if implied, ok := kr.ImpliedDirection(); ok && dir != "" && implied != dir {
		return KRScore{Basis: BasisInvalid, Note: contradiction(kr, implied, dir), Reason: ReasonAgainstDirection}
	}
	if kr.Type.Value == plan.Maintain {
		return scoreMaintain(kr, dir)
	}
	return scoreOutcome(kr, dir)
}

// contradiction says why a key result whose direction runs against its KPI's is not scored.
func contradiction(kr *plan.KeyResult, implied, dir plan.Direction) string {
	word := map[plan.Direction]string{plan.Up: "up", plan.Down: "down"}
	if kr.Type.Value == plan.Maintain {
		return fmt.Sprintf("not scored: it holds direction %s, but its KPI %s should go %s", implied, kr.KPI.Value, word[dir])
	}
	return fmt.Sprintf("not scored: start %s → target %s goes %s, but its KPI %s should go %s",
		FormatNumber(kr.Start.Value), FormatNumber(kr.Target.Value), word[implied], kr.KPI.Value, word[dir])
}

func scoreEffort(kr *plan.KeyResult) KRScore {
	switch {
	case kr.Done.Set && kr.Done.Value:
		return KRScore{Value: 1, Basis: BasisEffort}
	case kr.Progress.Set:
		v, note, ok := grade(kr, kr.Progress.Value, "progress")
		if !ok {
			return KRScore{Basis: BasisInvalid, Note: note, Reason: ReasonProgress}
		}
		return KRScore{Value: v, Basis: BasisEffort, Note: note}
	case kr.Done.Set:
		return KRScore{Value: 0, Basis: BasisEffort} // done: false, checked in as not done
	}
	return KRScore{Value: 0, Basis: BasisNoData} // no check-in yet: not measured, not a failure
}

// scoreMaintain scores a maintain key result: 1 while current holds the line, else 0. Its side
// of the threshold is its own direction, else its KPI's (dir), else up.
func scoreMaintain(kr *plan.KeyResult, dir plan.Direction) KRScore {
	threshold := kr.Threshold()
	switch {
	case !threshold.Set:
		return KRScore{Basis: BasisInvalid, Note: "not scored: a maintain key result needs a threshold", Reason: "threshold missing"}
	case !finite(threshold.Value):
		return KRScore{Basis: BasisInvalid, Note: "not scored: threshold must be a finite number", Reason: "threshold not a number"}
	case !kr.Current.Set:
		return KRScore{Basis: BasisNoData}
	case !finite(kr.Current.Value):
		return KRScore{Basis: BasisInvalid, Note: "not scored: current must be a finite number", Reason: ReasonCurrent}
	}
	if d := kr.HoldDirection(); d.Set {
		dir = d.Value
	}
	if meets(kr.Current.Value, threshold.Value, dir) {
		return KRScore{Value: 1, Basis: BasisMaintain}
	}
	return KRScore{Value: 0, Basis: BasisMaintain}
}

func scoreOutcome(kr *plan.KeyResult, dir plan.Direction) KRScore {
	switch {
	case !kr.Start.Set || !kr.Target.Set:
		return KRScore{Basis: BasisInvalid, Note: "not scored: start and target are both required", Reason: "start or target missing"}
	case !finite(kr.Start.Value) || !finite(kr.Target.Value):
		return KRScore{Basis: BasisInvalid, Note: "not scored: start and target must be finite numbers", Reason: "start or target not a number"}
	case !kr.Current.Set:
		return KRScore{Basis: BasisNoData}
	case !finite(kr.Current.Value):
		return KRScore{Basis: BasisInvalid, Note: "not scored: current must be a finite number", Reason: ReasonCurrent}
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
		return KRScore{Basis: BasisInvalid, Note: "not scored: start, target and current are too large to compare", Reason: "numbers too large"}
	}
	return KRScore{Value: math.Min(math.Max(v, 0), 1), Basis: BasisOutcome}
}

// grade reads a hand-written score or progress v of key result kr on its plan's grade scale
// (plan.Plan.GradeMax: 1, or 100 when the plan declares grade_scale: 100) as a share in 0..1. ok
// is false, with a note saying why, when v is not a number or lies outside the scale: 40 on the
// 0..1 scale is not read as 1.00 (nor guessed to be 0.40).
func grade(kr *plan.KeyResult, v float64, field string) (share float64, note string, ok bool) {
	scale := 1.0
	if kr.Objective != nil {
		scale = kr.Objective.Plan.GradeMax()
	}
	switch {
	case !finite(v):
		return 0, fmt.Sprintf("not scored: %s is not a number", field), false
	case v < 0 || v > scale:
		hint := "; write it as a share from 0 to 1"
		if scale == 1 && v >= 2 && v <= 100 { // 40 is most likely 40%; 1.3 is not 1.3%
			hint = fmt.Sprintf("; write %s, or declare grade_scale: 100 in the plan", FormatNumber(v/100))
		}
		return 0, fmt.Sprintf("not scored: %s %s is outside 0..%s%s", field, FormatNumber(v), FormatNumber(scale), hint), false
	}
	return v / scale, "", true
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
