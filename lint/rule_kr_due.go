package lint

import (
	"fmt"

	"github.com/okr-tool/okr/plan"
)

// krDue checks that an effort key result is due inside its plan's period, or at most graceDays
// days after its last day.
type krDue struct {
	base
	graceDays int
}

func newKRDue() *krDue {
	return &krDue{graceDays: 31, base: base{
		ID:       "kr-due",
		Severity: Warning,
		Summary:  "An effort key result is due inside the period, or shortly after it ends.",
		Rationale: "The OnStrategy article's effort-based key results are time-bound deliverables (\"by end of September\", " +
			"\"in Q3\"), and the Craze article stresses that OKRs belong to a period. A deliverable without a date " +
			"near the plan's period cannot be judged done or late at the quarterly review. The same article's own " +
			"Q3 plan has a deliverable due just after the quarter (\"implement new CRM to automate customer " +
			"outreach by end of October\"), so a due date up to grace_days days after the period's last day " +
			"passes. The default, 31, covers the whole month after the period, whatever its length (a Q3 " +
			"plan may set due dates up to 31 October, a Q4 plan up to 31 January). A date before the period " +
			"starts, or later than that, belongs to another plan.",
		Sources: []Source{onStrategy, craze},
		Bad: onePlan(`period: 2026-Q3
scope: sales
objectives:
  - id: loyal-customers
    title: Create wildly loyal customers
    key_results:
      - id: new-crm
        title: Implement a new CRM to automate customer outreach by the end of the year
        type: effort
        due: 2026-12-31
`),
		BadFindings: []string{
			`plan.yaml:10:14: warning: effort key result "new-crm" is due 2026-12-31, more than 31 days after 2026-Q3 ends (2026-09-30); move the date to 2026-10-31 at the latest or the key result into the plan of 2026-Q4 [kr-due]`,
		},
		Good: onePlan(`period: 2026-Q3
scope: sales
objectives:
  - id: loyal-customers
    title: Create wildly loyal customers
    key_results:
      - id: new-crm
        title: Implement a new CRM to automate customer outreach by end of October
        type: effort
        due: 2026-10-31
`),
	}}
}

func (r *krDue) Params() []Param {
	return []Param{
		{Name: "grace_days", Doc: "days after the period's last day a due date may still fall on", Int: &r.graceDays},
	}
}

func (r *krDue) Validate() error {
	if r.graceDays < 0 {
		return fmt.Errorf("grace_days must be 0 or more, not %d", r.graceDays)
	}
	return nil
}

func (r *krDue) VisitKeyResult(c *Context, kr *plan.KeyResult) {
	p := kr.Objective.Plan
	if kr.Type.Value != plan.Effort || !p.Period.Set {
		return
	}
	period := p.Period.Value
	latest := period.LastDay().AddDate(0, 0, r.graceDays)
	switch {
	case absent(kr.Due):
		c.ReportKeyResult(kr, kr.Pos, "effort key result %s has no due date; add due: YYYY-MM-DD inside %s (by %s)",
			quote(kr.ID.Value), period, period.LastDay().Format(dateLayout))
	case !kr.Due.Set:
	case kr.Due.Value.Before(period.Start()):
		c.ReportKeyResult(kr, kr.Due.Pos, "effort key result %s is due %s, before %s starts (%s); move the date into the period or the key result into the plan of %s",
			quote(kr.ID.Value), kr.Due.Value.Format(dateLayout), period, period.Start().Format(dateLayout), periodOf(kr.Due.Value, period))
	case kr.Due.Value.After(latest):
		c.ReportKeyResult(kr, kr.Due.Pos, "effort key result %s is due %s, more than %s after %s ends (%s); move the date to %s at the latest or the key result into the plan of %s",
			quote(kr.ID.Value), kr.Due.Value.Format(dateLayout), plural(r.graceDays, "day", "days"), period,
			period.LastDay().Format(dateLayout), latest.Format(dateLayout), periodOf(kr.Due.Value, period))
	}
}
