package lint

import "github.com/okr-tool/okr/plan"

// krQuantified checks that an outcome key result has a numeric start and target that differ, and
// that a maintain key result has the threshold it holds.
type krQuantified struct{ base }

func newKRQuantified() *krQuantified {
	return &krQuantified{base: base{
		ID:       "kr-quantified",
		Severity: Error,
		Summary:  "An outcome key result has numeric start and target, and they differ; a maintain key result has a threshold.",
		Rationale: "The OnStrategy article separates outcome-based key results, which measure a quantifiable result, from " +
			"effort-based ones, which deliver a project. An outcome key result is only measurable with a " +
			"baseline and a target; without them it cannot be scored, and with equal values there is " +
			"nothing to move. Holding a level is a key result too (Ivor Colson's article lists measures to " +
			"maintain, and Craze's describes tracking to keep performance steady): write it as type: maintain " +
			"with the threshold to hold and its direction (up: at or above, down: at or below). Write a " +
			"deliverable as type: effort.",
		Sources: []Source{onStrategy, colson, craze},
		Bad: onePlan(`period: 2026-Q3
scope: sales
objectives:
  - id: loyal-customers
    title: Create wildly loyal customers
    key_results:
      - id: retention
        title: Improve client retention
        target: 75
`),
		BadFindings: []string{
			`plan.yaml:7:9: error: outcome key result "retention" has no start; add start: <baseline> (the value when the period began) [kr-quantified]`,
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
`),
	}}
}

func (r *krQuantified) VisitKeyResult(c *Context, kr *plan.KeyResult) {
	id := quote(kr.ID.Value)
	if kr.Type.Value == plan.Effort || typeInvalid(kr) {
		return
	}
	if kr.Type.Value == plan.Maintain {
		if absent(kr.Threshold()) {
			c.ReportKeyResult(kr, kr.Pos, "maintain key result %s has no threshold; add threshold: <level to hold> and direction: up (at or above) or down (at or below)", id)
		}
		return
	}
	noStart, noTarget := absent(kr.Start), absent(kr.Target)
	switch {
	case noStart && noTarget:
		c.ReportKeyResult(kr, kr.Pos, "outcome key result %s has neither start nor target; add start: <baseline> and target: <goal>, or make it type: effort with a due date", id)
	case noStart:
		c.ReportKeyResult(kr, kr.Pos, "outcome key result %s has no start; add start: <baseline> (the value when the period began)", id)
	case noTarget:
		c.ReportKeyResult(kr, kr.Pos, "outcome key result %s has no target; add target: <goal> for the end of the period", id)
	case kr.Start.Set && kr.Target.Set && same(kr.Start.Value, kr.Target.Value):
		c.ReportKeyResult(kr, kr.Target.Pos, "outcome key result %s has target %s equal to its start; set the value it should reach by the end of the period, or, to hold the level, write type: maintain, threshold: %s and direction: up or down instead of start and target",
			id, num(kr.Target.Value), num(kr.Target.Value))
	}
}

// typeInvalid reports whether the key result's type is written but not valid (type: Effort): the
// schema rule reports it, and nothing that depends on the type is judged.
func typeInvalid(kr *plan.KeyResult) bool { return !kr.Type.Set && !kr.Type.Key.IsZero() }
