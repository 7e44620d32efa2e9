package lint

import (
	"fmt"

	"github.com/okr-tool/okr/plan"
)

// kpiEveryKR checks that an objective with at least minOutcomes outcome key results does not
// mark every one of them as a KPI.
type kpiEveryKR struct {
	base
	minOutcomes int
}

func newKPIEveryKR() *kpiEveryKR {
	return &kpiEveryKR{minOutcomes: 3, base: base{
		ID:       "kpi-every-kr",
		Severity: Warning,
		Summary:  "Not every outcome key result of an objective is marked as a KPI.",
		Rationale: "The OnStrategy article names marking every key result as a KPI as a common mistake (its Mistake #2): " +
			"when everything is a KPI, it is no longer clear which measures are essential to watch. Only " +
			"outcome key results can be KPIs, so the rule looks at those alone, whatever effort key results " +
			"sit beside them: an objective whose outcome key results are all KPIs has the mistake even " +
			"when it also lists deliverables. The same article's worked example (\"Create wildly loyal " +
			"customers\") marks both of its two outcome key results as KPIs, retention and healthy clients, " +
			"next to two deliverables, so the rule applies from min_outcomes outcome key results on (3 by " +
			"default). Keep KPIs for the few outcome measures that carry forward, and leave the rest as " +
			"key results.",
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
      - {id: new-crm, title: Implement new CRM to automate customer outreach, type: effort, due: 2026-10-31}
`),
		BadFindings: []string{
			`plan.yaml:8:5: warning: every outcome key result of objective "loyal-customers" (3) is marked as a KPI; keep kpi: on the few essential outcome measures and remove it from the others [kpi-every-kr]`,
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
      - {id: new-crm, title: Implement new CRM to automate customer outreach, type: effort, due: 2026-10-31}
`),
	}}
}

func (r *kpiEveryKR) Params() []Param {
	return []Param{{Name: "min_outcomes", Doc: "outcome key results an objective needs for the rule to apply", Int: &r.minOutcomes}}
}

func (r *kpiEveryKR) Validate() error {
	if r.minOutcomes < 1 {
		return fmt.Errorf("min_outcomes is %d; it must be at least 1", r.minOutcomes)
	}
	return nil
}

func (r *kpiEveryKR) VisitObjective(c *Context, o *plan.Objective) {
	n := 0
	for _, kr := range o.KeyResults {
		if kr.Type.Value != plan.Outcome {
			continue
		}
		if !kr.KPI.Set {
			return
		}
		n++
	}
	if n < r.minOutcomes {
		return
	}
	c.ReportObjective(o, o.Pos, "every outcome key result of objective %s (%d) is marked as a KPI; keep kpi: on the few essential outcome measures and remove it from the others",
		quote(o.ID.Value), n)
}
