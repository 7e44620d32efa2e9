package lint

// suppressionRule documents the findings about "# okr:ignore" comments themselves; the engine
// produces them after every other rule has run (see suppress).
type suppressionRule struct{ base }

func newSuppressionRule() *suppressionRule {
	return &suppressionRule{base: base{
		ID:       RuleSuppression,
		Severity: Warning,
		Summary:  "An # okr:ignore comment names known rules, gives a reason, and silences something.",
		Rationale: "A suppression is a decision to depart from the practice a rule stands for, so the next " +
			"reader needs to know why. One that silences nothing is left over from a fixed problem and would " +
			"hide the next one; one with a misspelled rule silences nothing at all. The comment applies to " +
			"the line it is on, or to the next line when it stands alone, and to findings about the object " +
			"(KPI, objective, key result) that starts on that line.",
		Bad: onePlan(`period: 2026-Q3
scope: sales
objectives:
  - id: loyal-customers # okr:ignore kr-count
    title: Create wildly loyal customers
    key_results:
      - {id: retention, title: Raise retention from 73% to 75%, start: 73, target: 75}
      - {id: healthy, title: Raise healthy clients from 15% to 20%, start: 15, target: 20}
`),
		BadFindings: []string{
			`plan.yaml:4:25: warning: okr:ignore has no reason; say why after the rules, e.g. # okr:ignore kr-count <why this is fine here> [suppression]`,
		},
		Good: onePlan(`period: 2026-Q3
scope: sales
objectives:
  # okr:ignore kr-count pilot team: two key results agreed with the COO
  - id: loyal-customers
    title: Create wildly loyal customers
    key_results:
      - {id: retention, title: Raise retention from 73% to 75%, start: 73, target: 75}
      - {id: healthy, title: Raise healthy clients from 15% to 20%, start: 15, target: 20}
`),
	}}
}
