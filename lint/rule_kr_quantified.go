package lint

import "github.com/okr-tool/okr/plan"

// krQuantified checks that an outcome key result has a numeric start and target that differ.
type krQuantified struct{ base }

func newKRQuantified() *krQuantified {
	return &krQuantified{base: base{
		ID:       "kr-quantified",
		Severity: Error,
		Summary:  "An outcome key result has numeric start and target, and they differ.",
		Rationale: "The OnStrategy article separates outcome-based key results, which measure a quantifiable result, from " +
			"effort-based ones, which deliver a project. An outcome key result is only measurable with a " +
			"baseline and a target; without them it cannot be scored, and with equal values there is " +
			"nothing to achieve. Write a deliverable as type: effort instead.",
		Sources: []Source{onStrategy},
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
	if kr.Type.Value == plan.Effort || typeInvalid(kr) {
		return
	}
	id := quote(kr.ID.Value)
	noStart, noTarget := absent(kr.Start), absent(kr.Target)
	switch {
	case noStart && noTarget:
		c.ReportKeyResult(kr, kr.Pos, "outcome key result %s has neither start nor target; add start: <baseline> and target: <goal>, or make it type: effort with a due date", id)
	case noStart:
		c.ReportKeyResult(kr, kr.Pos, "outcome key result %s has no start; add start: <baseline> (the value when the period began)", id)
	case noTarget:
		c.ReportKeyResult(kr, kr.Pos, "outcome key result %s has no target; add target: <goal> for the end of the period", id)
	case kr.Start.Set && kr.Target.Set && same(kr.Start.Value, kr.Target.Value):
		c.ReportKeyResult(kr, kr.Target.Pos, "outcome key result %s has target %s equal to its start; set the value it should reach by the end of the period",
			id, num(kr.Target.Value))
	}
}

// typeInvalid reports whether the key result's type is written but not valid (type: Effort): the
// schema rule reports it, and nothing that depends on the type is judged.
func typeInvalid(kr *plan.KeyResult) bool { return !kr.Type.Set && !kr.Type.Key.IsZero() }
