package report

import (
	"fmt"
	"math"

	"github.com/okr-tool/okr/plan"
)

// plan scores a plan, its objectives and key results; each plan is scored once.
func (b *builder) plan(p *plan.Plan) *PlanReport {
	if pr, ok := b.scored[p]; ok {
		return pr
	}
	period := p.Period.Value
	pr := &PlanReport{
		Plan:     p,
		File:     p.File,
		Scope:    p.Scope.Value,
		Period:   period,
		Level:    p.EffectiveLevel(),
		Owner:    p.Owner.Value,
		Phase:    PhaseOf(period, b.asOf),
		Expected: period.Elapsed(b.asOf),
		Problems: b.problems[p.File],
	}
	b.scored[p] = pr
	if period.IsYear() && p.Scope.Set {
		pr.fromQuarters = func(kr *plan.KeyResult) (float64, *plan.KPI, bool) {
			if !kr.KPI.Set || kr.Type.Value == plan.Effort {
				return 0, nil, false
			}
			return b.repo.QuarterReading(p.Scope.Value, period.Year, kr.KPI.Value, b.asOf)
		}
	}
	scores := make([]float64, 0, len(p.Objectives))
	pr.NoData = true
	for _, o := range p.Objectives {
		or := scoreObjective(pr, o)
		pr.Objectives = append(pr.Objectives, or)
		if or.countsIn(pr.Phase) {
			scores = append(scores, or.Score)
		}
		pr.NoData = pr.NoData && or.NoData
		pr.Summary.Objectives++
		for _, kr := range or.KeyResults {
			pr.Summary.KeyResults++
			pr.Summary.count(kr.Status, 1)
		}
	}
	pr.Score = mean(scores)
	pr.Grade = gradeUnlessNoData(pr.Score, pr.NoData)
	pr.Status = ObjectiveStatus(pr.Score, pr.NoData, pr.Phase, pr.Expected)
	return pr
}

// gradeUnlessNoData grades a score, except a score of 0 that only stands for missing data.
func gradeUnlessNoData(score float64, noData bool) Grade {
	if noData {
		return ""
	}
	return GradeOf(score)
}

// scoreObjective scores an objective as the weighted mean of the key results that count in its
// plan's phase (KRScore.CountsIn): while the period runs, the measured ones only, weights
// renormalised; once it is over, a key result never measured counts as 0.
func scoreObjective(pr *PlanReport, o *plan.Objective) *ObjectiveReport {
	or := &ObjectiveReport{
		Objective: o,
		Plan:      pr,
		ID:        o.ID.Value,
		Title:     o.Title.Value,
		Owner:     o.Owner.Value,
		AlignsTo:  o.AlignsTo.Value,
		NoData:    true,
	}
	scores := make([]float64, 0, len(o.KeyResults))
	weights := make([]float64, 0, len(o.KeyResults))
	for _, kr := range o.KeyResults {
		krr := scoreKeyResult(pr, kr)
		or.KeyResults = append(or.KeyResults, krr)
		if krr.CountsIn(pr.Phase) {
			scores = append(scores, krr.Value)
			weights = append(weights, krr.Weight)
		}
		if !krr.NoData() {
			or.Measured++
		}
		or.NoData = or.NoData && krr.NoData()
	}
	if pr.Phase == Finished && len(scores) > 0 {
		or.NoData = false // graded: its key results never measured count as 0
	}
	or.Score = WeightedMean(scores, weights)
	or.Grade = gradeUnlessNoData(or.Score, or.NoData)
	or.Status = ObjectiveStatus(or.Score, or.NoData, pr.Phase, pr.Expected)
	or.Weakest = Weakest(or.KeyResults)
	or.NotAmbitious = !or.NoData && Complete(or.Score)
	return or
}

func scoreKeyResult(pr *PlanReport, kr *plan.KeyResult) *KRReport {
	typ := kr.Type.Value
	if typ == "" {
		typ = plan.Outcome
	}
	krr := &KRReport{
		KeyResult: kr,
		ID:        kr.ID.Value,
		Title:     kr.Title.Value,
		Owner:     kr.OwnerName(),
		Type:      typ,
		KPI:       kr.KPI.Value,
		Unit:      kr.Unit.Value,
		Weight:    Weight(kr),
		Start:     optional(kr.Start),
		Target:    optional(kr.Goal()), // a maintain key result's threshold
		Current:   optional(kr.Current),
		Progress:  progressShare(kr),
		Done:      kr.Done.Set && kr.Done.Value,

		Confidence:  optional(kr.Confidence),
		CheckInNote: kr.Note.Value,
	}
	if kr.Due.Set {
		krr.Due = kr.Due.Value
	}
	if krr.Unit == "" && kr.KPI.Set && pr.Plan != nil {
		if k := pr.Plan.KPI(kr.KPI.Value); k != nil {
			krr.Unit = k.Unit.Value
		}
	}
	scored := kr
	if pr.fromQuarters != nil {
		if v, from, ok := pr.fromQuarters(kr); ok {
			c := *kr
			c.Current = plan.Field[float64]{Value: v, Set: true, Pos: kr.Current.Pos}
			scored, krr.Current, krr.CurrentFrom = &c, &v, from.Plan.Period.Value
			// Said only when it is news: the plan has no current, or one that is not the reading.
			switch {
			case !kr.Current.Set:
				krr.Notes = append(krr.Notes, fmt.Sprintf("current %s is the latest reading of KPI %s, in the %s plan",
					FormatNumber(v), kr.KPI.Value, krr.CurrentFrom))
			case kr.Current.Value != v:
				krr.Notes = append(krr.Notes, fmt.Sprintf("current %s is the latest reading of KPI %s, in the %s plan; the %s written here is not used",
					FormatNumber(v), kr.KPI.Value, krr.CurrentFrom, FormatNumber(kr.Current.Value)))
			}
		}
	}
	dir := linkedDirection(pr.Plan, kr)
	if kr.Type.Value == plan.Maintain {
		krr.Holds = plan.Up
		if d := kr.HoldDirection(); d.Set {
			krr.Holds = d.Value
		} else if dir != "" {
			krr.Holds = dir
		}
	}
	krr.KRScore = ScoreKeyResult(scored, dir)
	if k, goal, ok := targetConflict(pr.Plan, kr); ok && krr.Basis != BasisInvalid {
		what := "target"
		if kr.Type.Value == plan.Maintain {
			what = "threshold"
		}
		krr.KRScore = KRScore{Basis: BasisInvalid, Reason: ReasonTwoTargets,
			Note: fmt.Sprintf("not scored: its %s %s disagrees with the target %s of its KPI %s; one quarter has one target (kpi-target-agree)",
				what, FormatNumber(goal), FormatNumber(k.Target.Value), k.ID.Value)}
	}
	krr.Grade = gradeUnlessNoData(krr.Value, krr.NoData())
	krr.Status = KRStatus(krr.KRScore, pr.Phase, pr.Expected)
	if krr.Note != "" {
		krr.Notes = append(krr.Notes, krr.Note)
	}
	if kr.Weight.Set && krr.Weight != kr.Weight.Value {
		krr.Notes = append(krr.Notes, fmt.Sprintf("weight %s is not a positive number; counted as 1", FormatNumber(kr.Weight.Value)))
	}
	return krr
}

// targetConflict reports whether the key result measures a KPI of its plan whose own target
// disagrees with the key result's goal (its target, or a maintain key result's threshold): two
// targets for one quarter, which lint reports as kpi-target-agree. The report scores neither.
func targetConflict(p *plan.Plan, kr *plan.KeyResult) (*plan.KPI, float64, bool) {
	if p == nil || !kr.KPI.Set {
		return nil, 0, false
	}
	k := p.KPI(kr.KPI.Value)
	if k == nil || !k.Live() || !k.Target.Set || k.ReadingKeyResult() != kr {
		return nil, 0, false
	}
	goal := kr.Goal()
	if !goal.Set || math.Abs(goal.Value-k.Target.Value) <= epsilon {
		return nil, 0, false
	}
	return k, goal.Value, true
}

// StatusText is the key result's status as a person reads it: the status's label, or "not
// scored: …" with the reason when it cannot be scored.
func (kr *KRReport) StatusText() string {
	if kr.Basis != BasisInvalid {
		return kr.Status.Label()
	}
	if kr.Reason != "" {
		return "not scored: " + kr.Reason
	}
	return "not scored"
}

// HoldsText is the side of its threshold a maintain key result holds, "at_or_above" or
// "at_or_below"; "" for the other key results.
func (kr *KRReport) HoldsText() string {
	switch kr.Holds {
	case plan.Up:
		return "at_or_above"
	case plan.Down:
		return "at_or_below"
	}
	return ""
}

// countsIn reports whether the objective's score enters its plan's mean in a period of the given
// phase, by the rule of KRScore.CountsIn: while the period runs, only an objective with a measured
// key result; once it is over, also one whose key results were never measured (as 0), but never
// one whose key results are all invalid, nor one without key results.
func (or *ObjectiveReport) countsIn(phase Phase) bool {
	for _, kr := range or.KeyResults {
		if kr.CountsIn(phase) {
			return true
		}
	}
	return false
}

// MeasuredText says how many of the objective's key results are measured, "2 of 3 measured",
// when some are not and the objective still has a score; "" otherwise.
func (or *ObjectiveReport) MeasuredText() string {
	if or.NoData || or.Measured == len(or.KeyResults) {
		return ""
	}
	return fmt.Sprintf("%d of %d measured", or.Measured, len(or.KeyResults))
}

// linkedDirection is the direction of the KPI a key result is linked to (plan.KPI.EffectiveDirection),
// or "" when it is linked to none.
func linkedDirection(p *plan.Plan, kr *plan.KeyResult) plan.Direction {
	if p == nil || !kr.KPI.Set {
		return ""
	}
	if k := p.KPI(kr.KPI.Value); k != nil {
		return k.EffectiveDirection()
	}
	return ""
}

// progressShare is an effort key result's progress as a share from 0 to 1, read on its plan's
// grade scale (progress: 60 with grade_scale: 100 is 0.6), or nil when it has none or it lies
// outside the scale: progress: 60 on the 0..1 scale is not a share ("6000% done"), the note of
// the key result's invalid score says why.
func progressShare(kr *plan.KeyResult) *float64 {
	if !kr.Progress.Set {
		return nil
	}
	v, _, ok := grade(kr, kr.Progress.Value, "progress")
	if !ok {
		return nil
	}
	return &v
}

func optional[T any](f plan.Field[T]) *T {
	if !f.Set {
		return nil
	}
	v := f.Value
	return &v
}

func mean(xs []float64) float64 {
	if len(xs) == 0 {
		return 0
	}
	var sum float64
	for _, x := range xs {
		sum += x
	}
	return sum / float64(len(xs))
}
