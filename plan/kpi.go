package plan

import (
	"iter"
	"time"
)

// The facts the plan format derives from what a plan states: a plan's level, a KPI's direction
// and a KPI's reading. Decoding, lint and report all ask these functions, so that they agree.

// DefaultLevel is the level of a plan that states none: company for the scope "company", else
// team.
func DefaultLevel(scope string) Level {
	if scope == "company" {
		return LevelCompany
	}
	return LevelTeam
}

// EffectiveLevel is the plan's level: as written, else DefaultLevel of its scope.
func (p *Plan) EffectiveLevel() Level {
	if p.Level.Value != "" {
		return p.Level.Value
	}
	return DefaultLevel(p.Scope.Value)
}

// LinkedOutcome returns the first measured (outcome or maintain) key result of the plan that
// names the KPI id in its "kpi" field, or nil. Effort key results that name the KPI are passed
// over: they carry no measurement of it.
func (p *Plan) LinkedOutcome(kpiID string) *KeyResult {
	for _, o := range p.Objectives {
		for _, kr := range o.KeyResults {
			if kr.KPI.Set && kr.KPI.Value == kpiID && kr.Type.Value.Measured() {
				return kr
			}
		}
	}
	return nil
}

// LinkedMeasured yields every measured (outcome or maintain) key result of the plan that names
// the KPI id in its "kpi" field, in file order.
func (p *Plan) LinkedMeasured(kpiID string) iter.Seq[*KeyResult] {
	return func(yield func(*KeyResult) bool) {
		for _, o := range p.Objectives {
			for _, kr := range o.KeyResults {
				if kr.KPI.Set && kr.KPI.Value == kpiID && kr.Type.Value.Measured() && !yield(kr) {
					return
				}
			}
		}
	}
}

// EffectiveDirection is the way the KPI should move: its stated direction, else the direction the
// key results that link it imply (down when an outcome's target is below its start; a maintain
// key result's written direction), else up. When the linked key results disagree, the first one
// that implies a direction wins (rule kpi-direction reports the disagreement).
func (k *KPI) EffectiveDirection() Direction {
	if k.Direction.Set {
		return k.Direction.Value
	}
	if d, ok := k.ImpliedDirection(); ok {
		return d
	}
	return Up
}

// ImpliedDirection is the direction the key results that link the KPI in its plan imply: that
// of the first one that implies one (KeyResult.ImpliedDirection). ok is false when none does.
func (k *KPI) ImpliedDirection() (dir Direction, ok bool) {
	if k.Plan == nil || !k.ID.Set {
		return "", false
	}
	for kr := range k.Plan.LinkedMeasured(k.ID.Value) {
		if d, ok := kr.ImpliedDirection(); ok {
			return d, true
		}
	}
	return "", false
}

// Reading is the KPI's latest value in its plan: the current of the measured key result that
// links it, else the KPI's own actual. ok is false when there is neither.
func (k *KPI) Reading() (value float64, ok bool) {
	if kr := k.ReadingKeyResult(); kr != nil && kr.Current.Set {
		return kr.Current.Value, true
	}
	if k.Actual.Set {
		return k.Actual.Value, true
	}
	return 0, false
}

// ReadingKeyResult is the key result whose current would be the KPI's reading: the measured key
// result of its plan that links it, or nil when there is none (the reading is then the actual).
func (k *KPI) ReadingKeyResult() *KeyResult {
	if k.Plan == nil {
		return nil
	}
	return k.Plan.LinkedOutcome(k.ID.Value)
}

// QuarterReading is a KPI's reading as of a day across the quarter plans of a year: the reading
// (KPI.Reading) in the latest quarter plan of the scope and year that lists the KPI with a
// reading, among the quarters that had started by asOf (all four when asOf is zero). An annual
// plan takes its KPI readings from here: the quarters are where readings are entered, and a
// value written in the annual plan counts only when no quarter has one. from is the KPI of the
// quarter plan the reading comes from; ok is false when no quarter has a reading.
func (r *Repository) QuarterReading(scope string, year int, id string, asOf time.Time) (value float64, from *KPI, ok bool) {
	for q := 4; q >= 1; q-- {
		period := Period{Year: year, Quarter: q}
		if !asOf.IsZero() && Day(asOf).Before(period.Start()) {
			continue
		}
		p := r.Plan(scope, period)
		if p == nil {
			continue
		}
		if k := p.KPI(id); k != nil {
			if v, ok := k.Reading(); ok {
				return v, k, true
			}
		}
	}
	return 0, nil, false
}

// AnnualReading is the reading of an annual plan's KPI as of a day: the latest quarterly
// reading (Repository.QuarterReading), else the KPI's own reading in the annual plan. from is
// the quarter plan's KPI the value comes from, nil when it is the annual plan's own. For a KPI
// of a quarter plan it is the KPI's own reading.
func (r *Repository) AnnualReading(k *KPI, asOf time.Time) (value float64, from *KPI, ok bool) {
	if k.Plan != nil && k.Plan.Period.Set && k.Plan.Period.Value.IsYear() && k.Plan.Scope.Set {
		if v, from, ok := r.QuarterReading(k.Plan.Scope.Value, k.Plan.Period.Value.Year, k.ID.Value, asOf); ok {
			return v, from, true
		}
	}
	v, ok := k.Reading()
	return v, nil, ok
}
