package report

// Review is what a quarter-end (or year-end) review of a finished period discusses, in the order
// a review takes it: the final grades, the objectives met in full (an objective reached with ease
// was set too low, as "OKR vs KPI", an article quoting Weekdone's customers, argues), the KPIs
// that missed their target (a failing KPI is where the next objective starts, in "OKR vs KPI:
// Difference and Why Both are Critical in 2022" by Peoplebox), and the KPIs never measured.
type Review struct {
	// Plans are the reported plans with their final grades, in report order.
	Plans []*PlanReport
	// NotAmbitious are the objectives that score 1.0.
	NotAmbitious []*ObjectiveReport
	// Missed are the live KPIs whose reading for the period is worse than its target.
	Missed []ReviewKPI
	// Unmeasured are the live KPIs without a reading for the period.
	Unmeasured []ReviewKPI
	// NeverMeasured are the key results without a measurement at the end of the period: each
	// counts as 0 in its objective's final grade (KRScore.CountsIn).
	NeverMeasured []ReviewKR
}

// ReviewKR is a key result of one objective named in a review.
type ReviewKR struct {
	Objective *ObjectiveReport
	KR        *KRReport
}

// ReviewKPI is a KPI of one plan named in a review.
type ReviewKPI struct {
	Plan *PlanReport
	KPI  *KPIReport
}

// ReviewOf returns the review of r's period when that period is over on r's as-of day, else nil.
// A retired KPI is neither missed nor unmeasured: the plan says why it is no longer followed.
func ReviewOf(r *Report) *Review {
	if PhaseOf(r.Period, r.AsOf) != Finished || len(r.Plans) == 0 {
		return nil
	}
	rv := &Review{Plans: r.Plans}
	for _, pr := range r.Plans {
		for _, o := range pr.Objectives {
			if o.NotAmbitious {
				rv.NotAmbitious = append(rv.NotAmbitious, o)
			}
			for _, kr := range o.KeyResults {
				if kr.Basis == BasisNoData {
					rv.NeverMeasured = append(rv.NeverMeasured, ReviewKR{o, kr})
				}
			}
		}
		for _, k := range pr.KPIs {
			switch {
			case k.Retired != "":
			case k.Value == nil:
				rv.Unmeasured = append(rv.Unmeasured, ReviewKPI{pr, k})
			case k.OnTarget != nil && !*k.OnTarget:
				rv.Missed = append(rv.Missed, ReviewKPI{pr, k})
			}
		}
	}
	return rv
}

// Grades counts the objectives of a plan by grade, green first; objectives without data are
// not counted.
func (p *PlanReport) Grades() (green, yellow, red int) {
	for _, o := range p.Objectives {
		switch o.Grade {
		case Green:
			green++
		case Yellow:
			yellow++
		case Red:
			red++
		}
	}
	return green, yellow, red
}
