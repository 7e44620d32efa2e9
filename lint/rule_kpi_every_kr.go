package lint

import "github.com/okr-tool/okr/plan"

// kpiEveryKR checks that an objective does not mark every one of its key results as a KPI.
type kpiEveryKR struct{ base }

func newKPIEveryKR() *kpiEveryKR {
	return &kpiEveryKR{base: base{
		ID:       "kpi-every-kr",
		Severity: Warning,
		Summary:  "Not every key result of an objective is marked as a KPI.",
		Rationale: "The OnStrategy article names marking every key result as a KPI as a common mistake (its Mistake #2): " +
			"when everything is a KPI, it is no longer clear which measures are essential to watch. Keep " +
			"KPIs for the few outcome measures that carry forward, and leave the rest as key results.",
		Sources: []Source{onStrategy},
		Bad: onePlan(`period: 2026-Q3
scope: sales
kpis:
  - {id: client-retention, name: Client retention rate, source: CRM, frequency: monthly}
  - {id: healthy-clients, name: Clients rated healthy, source: CRM, frequency: monthly}
  - {id: outreach, name: Clients contacted, source: CRM, frequency: monthly}
objectives:
  - id: loyal-customers
    title: Create wildly loyal customers
    key_results:
      - {id: retention, title: Raise retention from 73% to 75%, start: 73, target: 75, kpi: client-retention}
      - {id: healthy, title: Raise healthy clients from 15% to 20%, start: 15, target: 20, kpi: healthy-clients}
      - {id: contact, title: Contact every client one to one, start: 40, target: 100, kpi: outreach}
`),
		BadFindings: []string{
			`plan.yaml:8:5: warning: every key result of objective "loyal-customers" is marked as a KPI; keep kpi: on the few essential outcome measures and remove it from the others [kpi-every-kr]`,
		},
		Good: onePlan(`period: 2026-Q3
scope: sales
kpis:
  - {id: client-retention, name: Client retention rate, source: CRM, frequency: monthly}
  - {id: healthy-clients, name: Clients rated healthy, source: CRM, frequency: monthly}
objectives:
  - id: loyal-customers
    title: Create wildly loyal customers
    key_results:
      - {id: retention, title: Raise retention from 73% to 75%, start: 73, target: 75, kpi: client-retention}
      - {id: healthy, title: Raise healthy clients from 15% to 20%, start: 15, target: 20, kpi: healthy-clients}
      - {id: contact, title: Contact every client one to one, start: 40, target: 100}
`),
	}}
}

func (r *kpiEveryKR) VisitObjective(c *Context, o *plan.Objective) {
	if len(o.KeyResults) < 2 {
		return
	}
	for _, kr := range o.KeyResults {
		if !kr.KPI.Set {
			return
		}
	}
	c.ReportObjective(o, o.Pos, "every key result of objective %s is marked as a KPI; keep kpi: on the few essential outcome measures and remove it from the others",
		quote(o.ID.Value))
}
