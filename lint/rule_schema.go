package lint

import "github.com/okr-tool/okr/plan"

func newSchema() *loadRule {
	return &loadRule{base{
		ID:       plan.RuleSchema,
		Severity: Error,
		Summary:  "Required fields are present, types are right, and there are no unknown fields.",
		Rationale: "okr reads plans by their fields, so a misspelled key or a number written as text would " +
			"silently drop a target or a score. Unknown keys come with the nearest known name; periods, " +
			"ids (slugs), dates and numbers are checked too.",
		Bad: onePlan(`period: 2026-Q3
scope: sales
objectives:
  - id: loyal-customers
    titel: Create wildly loyal customers
`),
		BadFindings: []string{
			`plan.yaml:5:5: error: unknown key "titel" in objective; did you mean "title"? [schema]`,
		},
		Good: onePlan(`period: 2026-Q3
scope: sales
objectives:
  - id: loyal-customers
    title: Create wildly loyal customers
`),
	}}
}
