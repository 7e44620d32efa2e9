package lint

import "github.com/okr-tool/okr/plan"

// kpiUnmeasured checks that a live KPI has a reading once its plan's period has ended.
type kpiUnmeasured struct{ base }

func newKPIUnmeasured() *kpiUnmeasured {
	return &kpiUnmeasured{base: base{
		ID:       "kpi-unmeasured",
		Severity: Warning,
		Summary:  "Once its period has ended, a live KPI has a reading: an actual, or the current of the key result linked to it.",
		Rationale: "The OnStrategy article asks of every KPI a clear data source and a reporting frequency, and sets each " +
			"quarter's target from the previous quarter's actual; Craze's describes KPIs as tracked " +
			"continuously. A KPI that reaches the end of its period without a single reading was not " +
			"tracked: the review cannot tell whether it was met, and the next quarter has no actual to start " +
			"from. Record the final value with actual: (or current: on the outcome or maintain key result " +
			"linked to it), or retire the KPI with a reason. The period counts as ended by today's date, or " +
			"by okr lint --as-of; an annual plan's KPI counts as read when a quarter plan of the year reads it.",
		Sources: []Source{onStrategy, craze},
		Bad: onePlan(`period: 2025-Q3
scope: sales
kpis:
  - id: client-retention
    name: Client retention rate
    source: CRM retention report
    frequency: monthly
    target: 75
objectives: []
`),
		BadFindings: []string{
			`plan.yaml:4:5: warning: KPI "client-retention" has no reading for 2025-Q3, which ended on 2025-09-30; record the period's final value with actual: <number> (or current: on the key result linked to it), or retire it with retired: <reason> [kpi-unmeasured]`,
		},
		Good: onePlan(`period: 2025-Q3
scope: sales
kpis:
  - id: client-retention
    name: Client retention rate
    source: CRM retention report
    frequency: monthly
    target: 75
    actual: 74.5
objectives: []
`),
	}}
}

func (r *kpiUnmeasured) VisitKPI(c *Context, k *plan.KPI) {
	p := k.Plan
	if !k.Live() || !k.ID.Set || !p.Period.Set || c.AsOf.Before(p.Period.Value.End()) {
		return
	}
	if _, ok := k.Reading(); ok || !absent(k.Actual) {
		return // an actual that does not decode is the schema rule's finding
	}
	if kr := k.ReadingKeyResult(); kr != nil && !absent(kr.Current) {
		return
	}
	if p.Period.Value.IsYear() && p.Scope.Set {
		for q := 1; q <= 4; q++ {
			if qp := c.Repo.Plan(p.Scope.Value, plan.Period{Year: p.Period.Value.Year, Quarter: q}); qp != nil {
				if qk := qp.KPI(k.ID.Value); qk != nil {
					if _, ok := qk.Reading(); ok {
						return
					}
				}
			}
		}
	}
	c.ReportKPI(k, k.Pos, "KPI %s has no reading for %s, which ended on %s; record the period's final value with actual: <number> (or current: on the key result linked to it), or retire it with retired: <reason>",
		quote(k.ID.Value), p.Period.Value, p.Period.Value.LastDay().Format(dateLayout))
}
