package report

import (
	"fmt"
	"math"

	"github.com/okr-tool/okr/plan"
)

// kpis reports the KPIs of a scored plan with their values through the plan's year.
func (b *builder) kpis(pr *PlanReport) []*KPIReport {
	p := pr.Plan
	out := make([]*KPIReport, 0, len(p.KPIs))
	for _, k := range p.KPIs {
		kr := b.kpi(p, k)
		linked := pr.keyResult(k.ReadingKeyResult())
		switch {
		case kr.Retired != "" || linked == nil || linked.Basis != BasisInvalid:
		case linked.Reason == ReasonTwoTargets:
			kr.Problem = fmt.Sprintf("not scored: two targets, %s here and %s on key result %s",
				FormatNumber(k.Target.Value), FormatNumber(*linked.Target), linked.ID)
			kr.OnTarget = nil
		case linked.Reason == ReasonAgainstDirection && !k.Target.Set:
			// Its target is the key result's, which runs the wrong way: there is nothing to judge by.
			kr.Problem = fmt.Sprintf("not scored: key result %s %s", linked.ID, ReasonAgainstDirection)
			kr.OnTarget = nil
		}
		kr.Baseline = b.baseline(p, k)
		kr.Status = KPIStatus(kr, linked, pr.Phase, pr.Expected)
		out = append(out, kr)
	}
	return out
}

// keyResult is the report of a key result of the plan, nil for nil or one not found.
func (pr *PlanReport) keyResult(kr *plan.KeyResult) *KRReport {
	if kr == nil {
		return nil
	}
	for _, o := range pr.Objectives {
		for _, r := range o.KeyResults {
			if r.KeyResult == kr {
				return r
			}
		}
	}
	return nil
}

// baseline is where a KPI's pace through its period is measured from: its reading in the
// scope's plan of the previous period (the previous quarter, for a quarter plan), else the start
// of the annual plan's key result that measures it; nil when there is neither.
func (b *builder) baseline(p *plan.Plan, k *plan.KPI) *float64 {
	period := p.Period.Value
	if period.IsQuarter() {
		if pp := b.repo.Plan(p.Scope.Value, period.Prev()); pp != nil {
			if pk := pp.KPI(k.ID.Value); pk != nil {
				if v, ok := pk.Reading(); ok {
					return &v
				}
			}
		}
	}
	ap := p
	if period.IsQuarter() {
		ap = b.repo.Plan(p.Scope.Value, period.YearPeriod())
	}
	if ap != nil {
		if kr := ap.LinkedOutcome(k.ID.Value); kr != nil && kr.Type.Value == plan.Outcome && kr.Start.Set {
			v := kr.Start.Value
			return &v
		}
	}
	return nil
}

// KPIStatus is a KPI's status, and so its colour (Status.Tone), by one rule for every format:
//
//   - a KPI measured by a key result of its plan takes that key result's status, which is judged
//     by pace (its score against the score expected by now), so one reading never shows in two
//     colours on one page;
//   - any other KPI is judged by the same pace rule, its score being how far its reading has come
//     from its baseline (the previous quarter's reading, else the start of the annual key result
//     that measures it) to its target;
//   - without a baseline, by its reading against its target: on target is on track (green);
//     short of it is at risk (yellow) while the period runs, red once it is over.
//
// A retired KPI, one without a reading or a target, and one with two targets (Problem) have no
// data; before the period starts a KPI has not started.
func KPIStatus(k *KPIReport, linked *KRReport, phase Phase, expected float64) Status {
	switch {
	case k.Retired != "" || k.Problem != "":
		return StatusNoData
	case phase == Upcoming:
		return StatusNotStarted
	case linked != nil && !linked.NoData():
		return linked.Status
	case k.Value == nil || k.Target == nil:
		return StatusNoData
	}
	value, target := *k.Value, *k.Target
	if meets(value, target, k.Direction) {
		if phase == Finished {
			return StatusGreen
		}
		return StatusOnTrack
	}
	if b := k.Baseline; b != nil && !meets(*b, target, k.Direction) && math.Abs(target-*b) > epsilon {
		score := math.Max(0, math.Min(1, (value-*b)/(target-*b)))
		return KRStatus(KRScore{Value: score, Basis: BasisOutcome}, phase, expected)
	}
	if phase == Finished {
		return StatusRed
	}
	return StatusAtRisk
}

func (b *builder) kpi(p *plan.Plan, k *plan.KPI) *KPIReport {
	id := k.ID.Value
	kr := KPIReport{
		KPI:       k,
		ID:        id,
		Name:      k.Name.Value,
		Unit:      k.Unit.Value,
		Direction: k.EffectiveDirection(),
		Source:    k.Source.Value,
		Frequency: k.Frequency.Value,
		Retired:   k.Retired.Value,
		SoFar:     PhaseOf(p.Period.Value, b.asOf) == InProgress,
	}
	kr.Value, kr.Target = reading(k)
	if v, _, ok := b.repo.AnnualReading(k, b.asOf); ok {
		kr.Value = &v // an annual plan's reading is the latest quarter's
	}
	year := p.Period.Value.Year
	for q := 1; q <= 4; q++ {
		pt := Point{Period: plan.Period{Year: year, Quarter: q}}
		if qp := b.repo.Plan(p.Scope.Value, pt.Period); qp != nil {
			if qk := qp.KPI(id); qk != nil {
				pt.Tracked = true
				pt.Value, pt.Target = reading(qk)
				if !b.asOf.IsZero() && plan.Day(b.asOf).Before(pt.Period.Start()) {
					pt.Value = nil // the quarter had not started on the report's day: no reading yet
				}
			}
		}
		// The series starts at the first quarter the scope tracked the KPI: a team that
		// started in Q3 has no empty Q1 and Q2.
		if pt.Tracked || len(kr.Series) > 0 {
			kr.Series = append(kr.Series, pt)
		}
	}
	kr.AnnualTarget = b.annualTarget(p, k, kr.Series)
	if kr.Value != nil && kr.Target != nil {
		on := meets(*kr.Value, *kr.Target, kr.Direction)
		kr.OnTarget = &on
	}
	return &kr
}

// KPIQuarters are the columns a table of the plan's KPIs needs: the quarters from the first one
// any of its KPIs' series starts in to the fourth of the year; none without a series.
func (p *PlanReport) KPIQuarters() []plan.Period {
	var first plan.Period
	for _, k := range p.KPIs {
		if len(k.Series) > 0 && (first.IsZero() || k.Series[0].Period.Before(first)) {
			first = k.Series[0].Period
		}
	}
	if first.IsZero() {
		return nil
	}
	out := make([]plan.Period, 0, 4)
	for q := first.Quarter; q <= 4; q++ {
		out = append(out, plan.Period{Year: first.Year, Quarter: q})
	}
	return out
}

// At is the KPI's point in quarter q; a quarter before its series starts is not tracked.
func (k *KPIReport) At(q plan.Period) Point {
	for _, pt := range k.Series {
		if pt.Period == q {
			return pt
		}
	}
	return Point{Period: q}
}

// reading is a KPI's value and target in its plan: its reading (plan.KPI.Reading), and its own
// target, else the goal of the key result that links it (an outcome's target, a maintain key
// result's threshold).
func reading(k *plan.KPI) (value, target *float64) {
	if v, ok := k.Reading(); ok {
		value = &v
	}
	target = optional(k.Target)
	if linked := k.ReadingKeyResult(); target == nil && linked != nil {
		target = optional(linked.Goal())
	}
	return value, target
}

// annualTarget is the KPI's target for the year: its own annual_target, else the annual plan's
// (its annual_target or target), else the latest annual_target a quarter of the year gives.
func (b *builder) annualTarget(p *plan.Plan, k *plan.KPI, series []Point) *float64 {
	if k.AnnualTarget.Set {
		return optional(k.AnnualTarget)
	}
	if ap := b.repo.Plan(p.Scope.Value, p.Period.Value.YearPeriod()); ap != nil {
		if ak := ap.KPI(k.ID.Value); ak != nil {
			if ak.AnnualTarget.Set {
				return optional(ak.AnnualTarget)
			}
			if ak.Target.Set {
				return optional(ak.Target)
			}
		}
	}
	var found *float64
	for _, pt := range series {
		if qp := b.repo.Plan(p.Scope.Value, pt.Period); pt.Tracked && qp != nil {
			if qk := qp.KPI(k.ID.Value); qk.AnnualTarget.Set {
				found = optional(qk.AnnualTarget)
			}
		}
	}
	return found
}

// meets reports whether value reaches target in direction dir.
func meets(value, target float64, dir plan.Direction) bool {
	if dir == plan.Down {
		return value <= target+epsilon
	}
	return value >= target-epsilon
}
