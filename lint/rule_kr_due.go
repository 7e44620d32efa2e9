package lint

import "github.com/okr-tool/okr/plan"

// krDue checks that an effort key result is due on a date inside its plan's period.
type krDue struct{ base }

func newKRDue() *krDue {
	return &krDue{base: base{
		ID:       "kr-due",
		Severity: Warning,
		Summary:  "An effort key result has a due date inside the period.",
		Rationale: "The OnStrategy article's effort-based key results are time-bound deliverables (\"by end of September\", " +
			"\"in Q3\"), and the Craze article stresses that OKRs belong to a period. A deliverable without a date " +
			"inside the plan's period cannot be judged done or late at the quarterly review.",
		Sources: []Source{onStrategy, craze},
		Bad: onePlan(`period: 2026-Q3
scope: sales
objectives:
  - id: loyal-customers
    title: Create wildly loyal customers
    key_results:
      - id: new-crm
        title: Implement a new CRM to automate customer outreach
        type: effort
        due: 2026-10-31
`),
		BadFindings: []string{
			`plan.yaml:10:14: warning: effort key result "new-crm" is due 2026-10-31, outside 2026-Q3 (2026-07-01 to 2026-09-30); move the date into the period or the key result into the plan of 2026-Q4 [kr-due]`,
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

func (r *krDue) VisitKeyResult(c *Context, kr *plan.KeyResult) {
	p := kr.Objective.Plan
	if kr.Type.Value != plan.Effort || !p.Period.Set {
		return
	}
	period := p.Period.Value
	switch {
	case absent(kr.Due):
		c.ReportKeyResult(kr, kr.Pos, "effort key result %s has no due date; add due: YYYY-MM-DD inside %s (by %s)",
			quote(kr.ID.Value), period, period.LastDay().Format(dateLayout))
	case kr.Due.Set && !period.Contains(kr.Due.Value):
		c.ReportKeyResult(kr, kr.Due.Pos, "effort key result %s is due %s, outside %s (%s to %s); move the date into the period or the key result into the plan of %s",
			quote(kr.ID.Value), kr.Due.Value.Format(dateLayout), period,
			period.Start().Format(dateLayout), period.LastDay().Format(dateLayout), periodOf(kr.Due.Value, period))
	}
}
