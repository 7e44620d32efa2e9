package lint

import "github.com/okr-tool/okr/plan"

// kpiEffort checks that an effort key result is not marked as a KPI.
type kpiEffort struct{ base }

func newKPIEffort() *kpiEffort {
	return &kpiEffort{base: base{
		ID:       "kpi-effort",
		Severity: Error,
		Summary:  "An effort key result is not marked as a KPI.",
		Rationale: "The OnStrategy article is explicit that only key results with a quantifiable outcome are eligible to be " +
			"KPIs: a project or activity (success plans, a new CRM) is important, but it is not a measure of " +
			"performance that can be tracked over time.",
		Sources: []Source{onStrategy},
		Bad: onePlan(`period: 2026-Q3
scope: sales
kpis:
  - id: crm-rollout
    name: CRM rollout
    source: Project board
    frequency: weekly
    target: 1
objectives:
  - id: loyal-customers
    title: Create wildly loyal customers
    key_results:
      - id: new-crm
        title: Implement a new CRM to automate customer outreach
        type: effort
        due: 2026-09-30
        kpi: crm-rollout
`),
		BadFindings: []string{
			`plan.yaml:17:9: error: effort key result "new-crm" is marked as KPI "crm-rollout", but only outcome key results can be KPIs; remove kpi: or make it an outcome with start and target [kpi-effort]`,
		},
		Good: onePlan(`period: 2026-Q3
scope: sales
objectives:
  - id: loyal-customers
    title: Create wildly loyal customers
    key_results:
      - id: new-crm
        title: Implement a new CRM to automate customer outreach
        type: effort
        due: 2026-09-30
`),
	}}
}

func (r *kpiEffort) VisitKeyResult(c *Context, kr *plan.KeyResult) {
	if kr.Type.Value != plan.Effort || !kr.KPI.Set {
		return
	}
	c.ReportKeyResult(kr, kr.KPI.Key, "effort key result %s is marked as KPI %s, but only outcome key results can be KPIs; remove kpi: or make it an outcome with start and target",
		quote(kr.ID.Value), quote(kr.KPI.Value))
}
