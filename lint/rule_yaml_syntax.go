package lint

import "github.com/okr-tool/okr/plan"

func newYAMLSyntax() *loadRule {
	return &loadRule{base{
		ID:       plan.RuleYAMLSyntax,
		Severity: Error,
		Summary:  "The file parses as YAML.",
		Rationale: "A plan that does not parse cannot be checked or scored. The finding points at the place " +
			"where the YAML parser gave up; it is a finding like any other, so one broken file does not " +
			"stop the others from being checked.",
		Bad: onePlan(`period: 2026-Q3
scope: sales
objectives:
  - id: loyal-customers
    title: [Create wildly loyal customers
`),
		BadFindings: []string{
			`plan.yaml:4:3: error: invalid YAML: did not find expected ',' or ']'; fix the YAML syntax there [yaml-syntax]`,
		},
		Good: onePlan(`period: 2026-Q3
scope: sales
objectives:
  - id: loyal-customers
    title: Create wildly loyal customers
`),
	}}
}
