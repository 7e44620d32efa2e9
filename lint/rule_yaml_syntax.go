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
			`plan.yaml:5:12: error: invalid YAML: did not find expected ',' or ']'; this '[' is not closed: close it with "]", or put the whole value in quotes if the '[' is part of the text [yaml-syntax]`,
		},
		Good: onePlan(`period: 2026-Q3
scope: sales
objectives:
  - id: loyal-customers
    title: Create wildly loyal customers
`),
	}}
}
