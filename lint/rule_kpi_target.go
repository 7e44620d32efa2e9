package lint

import "github.com/okr-tool/okr/plan"

// kpiTarget checks that every live KPI has a quantifiable target for its plan's period.
type kpiTarget struct{ base }

func newKPITarget() *kpiTarget {
	return &kpiTarget{base: base{
		ID:       "kpi-target",
		Severity: Error,
		Summary:  "Every live KPI has a quantifiable target for the period: its own target or its key result's.",
		Rationale: "The OnStrategy article lists a number to reach as part of every KPI, set for the same span of time as " +
			"the goal the KPI measures. A KPI gets it from target: or, when an outcome key result of the plan " +
			"is linked to it with kpi:, from that key result's target; an annual plan may use annual_target. " +
			"When a linked key result has no target, or cannot be a KPI, the finding is on the key result (kr-quantified, " +
			"kpi-effort), not repeated here.",
		Sources: []Source{onStrategy},
		Bad: onePlan(`period: 2026-Q3
scope: sales
kpis:
  - id: client-retention
    name: Client retention rate
    source: CRM retention report
    frequency: monthly
objectives: []
`),
		BadFindings: []string{
			`plan.yaml:4:5: error: KPI "client-retention" has no target for 2026-Q3; add target: <number>, or link an outcome key result to it with kpi: client-retention [kpi-target]`,
		},
		Good: onePlan(`period: 2026-Q3
scope: sales
kpis:
  - id: client-retention
    name: Client retention rate
    source: CRM retention report
    frequency: monthly
    target: 75
objectives: []
`),
	}}
}

func (r *kpiTarget) VisitKPI(c *Context, k *plan.KPI) {
	if !k.Live() || !k.Target.Key.IsZero() {
		return // a target that does not decode is the schema rule's finding
	}
	p := k.Plan
	if kr := p.LinkedKeyResult(k.ID.Value); kr != nil {
		// A linked key result with a target gives the KPI its target. One without is the finding
		// of kr-quantified (an outcome without target), of kpi-effort (an effort key result
		// cannot be a KPI) or of schema (a type that is not valid), each saying what to fix there.
		return
	}
	if p.Period.Value.IsYear() && !k.AnnualTarget.Key.IsZero() {
		return
	}
	period := ""
	if p.Period.Set {
		period = " for " + p.Period.Value.String()
	}
	c.ReportKPI(k, k.Pos, "KPI %s has no target%s; add target: <number>, or link an outcome key result to it with kpi: %s",
		quote(k.ID.Value), period, k.ID.Value)
}
