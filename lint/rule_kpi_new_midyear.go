package lint

import "github.com/okr-tool/okr/plan"

// kpiNewMidyear checks that a scope introduces KPIs only in its first quarter plan of a year.
type kpiNewMidyear struct{ base }

func newKPINewMidyear() *kpiNewMidyear {
	return &kpiNewMidyear{base: base{
		ID:       "kpi-new-midyear",
		Severity: Warning,
		Summary:  "A scope does not introduce a new KPI after its first quarter plan of the year.",
		Rationale: "The OnStrategy article advises against creating new KPIs every quarter: KPIs should run consistently " +
			"through the plan, at least through the year, while objectives and key results change. A " +
			"measure that matters from mid-year on can be a key result until the next year starts. A KPI " +
			"counts as new when no earlier quarter plan of the scope in that year tracked it and the " +
			"scope's annual plan for the year does not list it.",
		Sources: []Source{onStrategy},
		Bad: Example{
			{Path: "plans/2026-Q1/sales.yaml", Text: `period: 2026-Q1
scope: sales
kpis:
  - {id: client-retention, name: Client retention rate, source: CRM, frequency: monthly, target: 73}
objectives: []
`},
			{Path: "plans/2026-Q2/sales.yaml", Text: `period: 2026-Q2
scope: sales
kpis:
  - {id: client-retention, name: Client retention rate, source: CRM, frequency: monthly, target: 75}
  - {id: nps, name: Net promoter score, source: Survey tool, frequency: monthly, target: 40}
objectives: []
`},
		},
		BadFindings: []string{
			`plans/2026-Q2/sales.yaml:5:5: warning: KPI "nps" is new in 2026-Q2, after the first plan of 2026 for scope "sales" (2026-Q1); keep the year's KPIs steady: track it as a key result for now and make it a KPI from 2027-Q1 [kpi-new-midyear]`,
		},
		Good: Example{
			{Path: "plans/2026-Q1/sales.yaml", Text: `period: 2026-Q1
scope: sales
kpis:
  - {id: client-retention, name: Client retention rate, source: CRM, frequency: monthly, target: 73}
  - {id: nps, name: Net promoter score, source: Survey tool, frequency: monthly, target: 38}
objectives: []
`},
			{Path: "plans/2026-Q2/sales.yaml", Text: `period: 2026-Q2
scope: sales
kpis:
  - {id: client-retention, name: Client retention rate, source: CRM, frequency: monthly, target: 75}
  - {id: nps, name: Net promoter score, source: Survey tool, frequency: monthly, target: 40}
objectives: []
`},
		},
	}}
}

func (r *kpiNewMidyear) VisitRepository(c *Context, repo *plan.Repository) {
	for _, scope := range repo.Scopes() {
		var first *plan.Plan // the scope's first quarter plan of the current year
		var seen map[string]bool
		for _, p := range repo.Quarters(scope) {
			if first == nil || first.Period.Value.Year != p.Period.Value.Year {
				first, seen = p, map[string]bool{}
				if annual := repo.AnnualPlan(p); annual != nil {
					for _, k := range annual.KPIs {
						seen[k.ID.Value] = true
					}
				}
			} else {
				for _, k := range p.KPIs {
					if k.Live() && k.ID.Set && !seen[k.ID.Value] {
						c.ReportKPI(k, k.Pos, "KPI %s is new in %s, after the first plan of %d for scope %s (%s); keep the year's KPIs steady: track it as a key result for now and make it a KPI from %d-Q1",
							quote(k.ID.Value), p.Period.Value, p.Period.Value.Year, quote(scope), first.Period.Value, p.Period.Value.Year+1)
					}
				}
			}
			for _, k := range p.KPIs {
				if k.Live() {
					seen[k.ID.Value] = true
				}
			}
		}
	}
}
