package lint

import "github.com/okr-tool/okr/plan"

func newDuplicateID() *loadRule {
	return &loadRule{base{
		ID:       plan.RuleDuplicateID,
		Severity: Error,
		Summary:  "Objective, key result and KPI ids are unique in a plan; (scope, period) is unique in the repository.",
		Rationale: "Ids are how alignment links, KPI links and carry-forward across quarters find things; a " +
			"duplicate makes every one of them ambiguous. Two files for the same scope and period would " +
			"split one plan in two. A YAML alias (*anchor) that repeats a KPI, an objective or a list of key " +
			"results repeats their ids too; that is reported once, at the alias, with the line it repeats.",
		Bad: onePlan(`period: 2026-Q3
scope: sales
objectives:
  - id: grow
    title: Grow revenue
  - id: grow
    title: Grow margin
`),
		BadFindings: []string{
			`plan.yaml:6:9: error: objective id "grow" is already used on line 4 of this plan; ids must be unique in a plan [duplicate-id]`,
		},
		Good: onePlan(`period: 2026-Q3
scope: sales
objectives:
  - id: grow-revenue
    title: Grow revenue
  - id: grow-margin
    title: Grow margin
`),
	}}
}
