package lint

import "github.com/okr-tool/okr/plan"

// emptyPlan checks that a plan has at least one objective or KPI.
type emptyPlan struct{ base }

func newEmptyPlan() *emptyPlan {
	return &emptyPlan{base: base{
		ID:       "empty-plan",
		Severity: Warning,
		Summary:  "A plan has objectives, KPIs, or both.",
		Rationale: "The OnStrategy article describes a plan as objectives with their key results, and the KPIs that measure " +
			"how the organisation performs alongside them; the Craze article adds that OKRs belong to a " +
			"period. A plan file for a scope and period with neither is a placeholder: it scores nothing, " +
			"it makes the scope look planned when it is not, and the cross-quarter rules treat it as a " +
			"quarter in which every KPI was dropped. Fill it in, or delete it until the plan exists. KPIs " +
			"listed only to retire them count as KPIs.",
		Sources: []Source{onStrategy, craze},
		Bad: onePlan(`period: 2026-Q3
scope: sales
owner: Tomás Herrera
objectives: []
`),
		BadFindings: []string{
			`plan.yaml:4:1: warning: plan "sales" for 2026-Q3 has neither objectives nor KPIs; add them under objectives: and kpis:, or delete the file until the plan exists [empty-plan]`,
		},
		Good: onePlan(`period: 2026-Q3
scope: sales
owner: Tomás Herrera
objectives:
  - id: loyal-customers
    title: Create wildly loyal customers
    key_results:
      - {id: retention, title: Lift client retention from 73% to 75%, start: 73, target: 75}
`),
	}}
}

func (r *emptyPlan) VisitRepository(c *Context, repo *plan.Repository) {
	// A list that did not load (objectives: as text, a KPI that is not a mapping) leaves the plan
	// looking empty; the schema finding there says what to fix.
	broken := map[string]bool{}
	for _, d := range repo.Diagnostics {
		if d.Rule == plan.RuleSchema || d.Rule == plan.RuleYAMLSyntax {
			broken[d.File] = true
		}
	}
	for _, p := range repo.Plans {
		if !planIsEmpty(p) || broken[p.File] {
			continue
		}
		c.ReportPlan(p, p.ObjectivesKey, "%s has neither objectives nor KPIs; add them under objectives: and kpis:, or delete the file until the plan exists",
			planName(p))
	}
}

// planIsEmpty reports whether p has neither objectives nor KPIs. Such a plan is empty-plan's
// one finding; the count rules stay quiet on it rather than count its nothing a second time.
func planIsEmpty(p *plan.Plan) bool { return len(p.Objectives) == 0 && len(p.KPIs) == 0 }
