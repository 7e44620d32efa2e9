package lint

import "github.com/okr-tool/okr/plan"

// kpiFrequency checks that every live KPI says how often it is reported.
type kpiFrequency struct{ base }

func newKPIFrequency() *kpiFrequency {
	return &kpiFrequency{base: base{
		ID:       "kpi-frequency",
		Severity: Error,
		Summary:  "Every live KPI has a reporting frequency.",
		Rationale: "The OnStrategy article lists a clear reporting frequency among the parts every KPI needs, and the Craze article " +
			"describes KPIs as ongoing numbers tracked daily, weekly or monthly. Without a frequency nobody " +
			"knows when the number is due or when it has gone stale.",
		Sources: []Source{onStrategy, craze},
		Bad: onePlan(`period: 2026-Q3
scope: sales
kpis:
  - id: client-retention
    name: Client retention rate
    source: CRM retention report
    target: 75
objectives: []
`),
		BadFindings: []string{
			`plan.yaml:4:5: error: KPI "client-retention" has no reporting frequency; add frequency: with one of daily, weekly, monthly, quarterly or yearly [kpi-frequency]`,
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

func (r *kpiFrequency) VisitKPI(c *Context, k *plan.KPI) {
	if k.Live() && absent(k.Frequency) {
		names := make([]string, len(plan.Frequencies))
		for i, f := range plan.Frequencies {
			names[i] = string(f)
		}
		c.ReportKPI(k, k.Pos, "KPI %s has no reporting frequency; add frequency: with one of %s", quote(k.ID.Value), orList(names))
	}
}
