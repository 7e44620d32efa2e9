package lint

// movedGoalposts documents the check that a target was not eased after its period started. It
// compares a plan with its version at the start of the period, so it runs only in git mode; the
// plan files alone hold nothing for it to visit.
type movedGoalposts struct{ info Info }

func newMovedGoalposts() *movedGoalposts {
	return &movedGoalposts{info: Info{
		ID:       "moved-goalposts",
		Severity: Warning,
		Summary:  "A target was not eased after its period started (needs git; pull-request mode).",
		Rationale: "Seed 000 wants a KPI's annual target to stay steady through the year; the same holds for " +
			"any target once its period is under way, or the grade at the end measures the edits rather " +
			"than the work. In git mode okr compares each plan with its version at the start of the " +
			"period and reports a key result target moved toward its start, a start moved toward its " +
			"target, and a KPI target or annual target eased against the KPI's direction. Without git " +
			"the rule does not run.",
		Source:   "000",
		Requires: "git",
		Bad: onePlan(`# At the start of 2026-Q3 this key result had target: 80.
period: 2026-Q3
scope: sales
objectives:
  - id: loyal-customers
    title: Create wildly loyal customers
    key_results:
      - {id: retention, title: Raise retention from 73% to 78%, start: 73, target: 78, kpi: client-retention}
`),
		Good: onePlan(`# At the start of 2026-Q3 this key result had target: 80, and it still has.
period: 2026-Q3
scope: sales
objectives:
  - id: loyal-customers
    title: Create wildly loyal customers
    key_results:
      - {id: retention, title: Raise retention from 73% to 80%, start: 73, target: 80, kpi: client-retention}
`),
	}}
}

func (r *movedGoalposts) Info() *Info { return &r.info }
