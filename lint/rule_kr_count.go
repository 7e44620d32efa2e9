package lint

import (
	"fmt"

	"github.com/okr-tool/okr/plan"
)

// krCount checks that each objective has between Min and Max key results.
type krCount struct {
	base
	min, max int
}

func newKRCount() *krCount {
	return &krCount{min: 3, max: 5, base: base{
		ID:       "kr-count",
		Severity: Error,
		Summary:  "Each objective has 3 to 5 key results.",
		Rationale: "The OnStrategy article builds each objective on three to five supporting key results that say how it " +
			"will be reached; the Weekdone compilation gives the same range, and Ivor Colson's article suggests about three per level. " +
			"Fewer leave the objective unmeasured; more dilute focus. The range is configurable.",
		Sources: []Source{onStrategy, weekdone, colson},
		Bad: onePlan(`period: 2026-Q3
scope: sales
objectives:
  - id: loyal-customers
    title: Create wildly loyal customers
    key_results:
      - id: success-plans
        title: Design success plans for client health
        type: effort
        due: 2026-09-30
`),
		BadFindings: []string{
			`plan.yaml:6:5: error: objective "loyal-customers" has 1 key result; give it 3 to 5 key results so its outcome is measurable [kr-count]`,
		},
		Good: onePlan(`period: 2026-Q3
scope: sales
objectives:
  - id: loyal-customers
    title: Create wildly loyal customers
    key_results:
      - id: retention
        title: Increase client retention from 73% to 75%
        start: 73
        target: 75
      - id: healthy-clients
        title: Raise the share of healthy clients from 15% to 20%
        start: 15
        target: 20
      - id: success-plans
        title: Design success plans for client health
        type: effort
        due: 2026-09-30
`),
	}}
}

func (r *krCount) Params() []Param {
	return []Param{
		{Name: "min", Doc: "fewest key results an objective may have", Int: &r.min},
		{Name: "max", Doc: "most key results an objective may have", Int: &r.max},
	}
}

func (r *krCount) Validate() error { return checkRange(r.min, r.max, 1) }

func (r *krCount) VisitObjective(c *Context, o *plan.Objective) {
	n := len(o.KeyResults)
	pos := or(o.KeyResultsKey, o.Pos)
	switch {
	case n < r.min:
		c.ReportObjective(o, pos, "objective %s has %s; give it %s so its outcome is measurable",
			quote(o.ID.Value), plural(n, "key result", "key results"), rangeText(r.min, r.max, "key results"))
	case n > r.max:
		c.ReportObjective(o, pos, "objective %s has %d key results; keep at most %d (drop %d or move them to another objective) so it stays focused",
			quote(o.ID.Value), n, r.max, n-r.max)
	}
}

// rangeText renders "3 to 5 key results", "exactly 3 key results" or "at least 3 key results".
func rangeText(lo, hi int, things string) string {
	if lo == hi {
		return fmt.Sprintf("exactly %d %s", lo, things)
	}
	return fmt.Sprintf("%d to %d %s", lo, hi, things)
}

// checkRange validates a configured min/max pair; floor is the smallest allowed min.
func checkRange(lo, hi, floor int) error {
	switch {
	case lo < floor:
		return fmt.Errorf("min is %d; it must be at least %d", lo, floor)
	case hi < lo:
		return fmt.Errorf("max %d is below min %d; raise max or lower min", hi, lo)
	}
	return nil
}
