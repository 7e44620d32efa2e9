package lint

import "github.com/okr-tool/okr/plan"

func newReference() *loadRule {
	return &loadRule{base{
		ID:       plan.RuleReference,
		Severity: Error,
		Summary:  "kpi: names a KPI of the same plan; aligns_to and parent resolve.",
		Rationale: "Ivor Colson's article sets OKRs at three levels (company, team, individual), and the OnStrategy article has OKRs " +
			"cascade the company's direction down to teams and people. Those links between levels, and " +
			"the link from a key result to the KPI it measures, only carry meaning when they point at " +
			"something that exists; misspelled ones come with the nearest existing name.",
		Sources: []Source{colson, onStrategy},
		Bad: onePlan(`period: 2026-Q3
scope: sales
parent: compnay
objectives: []
`),
		BadFindings: []string{
			`plan.yaml:3:9: error: parent "compnay" is not the scope of any plan; name an existing scope or remove "parent" [reference]`,
		},
		Good: onePlan(`period: 2026-Q3
scope: sales
objectives: []
`),
	}}
}
