package lint

import (
	"fmt"

	"github.com/okr-tool/okr/plan"
)

// objectiveCount checks that a plan has at most max objectives.
type objectiveCount struct {
	base
	max int
}

func newObjectiveCount() *objectiveCount {
	return &objectiveCount{max: 5, base: base{
		ID:       "objective-count",
		Severity: Warning,
		Summary:  "A plan has at most 5 objectives.",
		Rationale: "The Weekdone compilation recommends three to five objectives, each with three to five key results. A plan " +
			"with more objectives than that spreads a team's attention until none of them is ambitious. " +
			"The maximum is configurable.",
		Sources: []Source{weekdone},
		Bad: onePlan(`period: 2026-Q3
scope: sales
objectives:
  - {id: one, title: Objective one}
  - {id: two, title: Objective two}
  - {id: three, title: Objective three}
  - {id: four, title: Objective four}
  - {id: five, title: Objective five}
  - {id: six, title: Objective six}
`),
		BadFindings: []string{
			`plan.yaml:3:1: warning: plan "sales" for 2026-Q3 has 6 objectives; keep at most 5 (merge or drop 1) so each gets the focus it needs [objective-count]`,
		},
		Good: onePlan(`period: 2026-Q3
scope: sales
objectives:
  - {id: one, title: Objective one}
  - {id: two, title: Objective two}
  - {id: three, title: Objective three}
`),
	}}
}

func (r *objectiveCount) Params() []Param {
	return []Param{{Name: "max", Doc: "most objectives a plan may have", Int: &r.max}}
}

func (r *objectiveCount) Validate() error {
	if r.max < 1 {
		return fmt.Errorf("max is %d; it must be at least 1", r.max)
	}
	return nil
}

func (r *objectiveCount) VisitPlan(c *Context, p *plan.Plan) {
	if n := len(p.Objectives); n > r.max {
		c.ReportPlan(p, p.ObjectivesKey, "%s has %d objectives; keep at most %d (merge or drop %d) so each gets the focus it needs",
			planName(p), n, r.max, n-r.max)
	}
}
