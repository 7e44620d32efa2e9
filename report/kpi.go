package report

import (
	"github.com/okr-tool/okr/plan"
)

// kpis reports the KPIs of a plan with their values through the plan's year.
func (b *builder) kpis(p *plan.Plan) []*KPIReport {
	out := make([]*KPIReport, 0, len(p.KPIs))
	for _, k := range p.KPIs {
		out = append(out, b.kpi(p, k))
	}
	return out
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
		kr.Series = append(kr.Series, pt)
	}
	kr.AnnualTarget = b.annualTarget(p, k, kr.Series)
	if kr.Value != nil && kr.Target != nil {
		on := meets(*kr.Value, *kr.Target, kr.Direction)
		kr.OnTarget = &on
	}
	return &kr
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
