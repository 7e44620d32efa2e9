package lint

import "github.com/okr-tool/okr/plan"

// kpiAnnualTarget checks that a KPI's annual target stays the same through the quarters of a year.
type kpiAnnualTarget struct{ base }

func newKPIAnnualTarget() *kpiAnnualTarget {
	return &kpiAnnualTarget{base: base{
		ID:       "kpi-annual-target",
		Severity: Warning,
		Summary:  "A KPI's annual_target equals its value in the scope's previous quarter of the same year (reported once, where it changed).",
		Rationale: "The OnStrategy article wants a KPI's annual target to hold steady through the year, barring a major " +
			"change of strategy, while the quarterly targets are adjusted to the previous quarter's actual " +
			"results. A changed annual target is reported once, in the quarter where it changed, compared " +
			"with the latest earlier quarter of the year that set it, or else with the scope's annual plan " +
			"(its annual_target, or its target).",
		Sources: []Source{onStrategy},
		Bad: Example{
			{Path: "plans/2026-Q3/sales.yaml", Text: `period: 2026-Q3
scope: sales
kpis:
  - {id: client-retention, name: Client retention rate, source: CRM, frequency: monthly, annual_target: 80, target: 75}
objectives: []
`},
			{Path: "plans/2026-Q4/sales.yaml", Text: `period: 2026-Q4
scope: sales
kpis:
  - {id: client-retention, name: Client retention rate, source: CRM, frequency: monthly, annual_target: 78, target: 78}
objectives: []
`},
		},
		BadFindings: []string{
			`plans/2026-Q4/sales.yaml:4:105: warning: annual target of KPI "client-retention" changed from 80 (2026-Q3 in plans/2026-Q3/sales.yaml) to 78 in 2026-Q4; keep the year's target steady and adjust the quarter's target instead [kpi-annual-target]`,
		},
		Good: Example{
			{Path: "plans/2026-Q3/sales.yaml", Text: `period: 2026-Q3
scope: sales
kpis:
  - {id: client-retention, name: Client retention rate, source: CRM, frequency: monthly, annual_target: 80, target: 75}
objectives: []
`},
			{Path: "plans/2026-Q4/sales.yaml", Text: `period: 2026-Q4
scope: sales
kpis:
  - {id: client-retention, name: Client retention rate, source: CRM, frequency: monthly, annual_target: 80, target: 78}
objectives: []
`},
		},
	}}
}

// annualValue is a KPI's annual target and the plan that set it.
type annualValue struct {
	value float64
	from  *plan.Plan
}

func (r *kpiAnnualTarget) VisitRepository(c *Context, repo *plan.Repository) {
	for _, scope := range repo.Scopes() {
		year := 0
		var last map[string]annualValue
		for _, p := range repo.Quarters(scope) {
			if p.Period.Value.Year != year {
				year, last = p.Period.Value.Year, annualTargets(repo.AnnualPlan(p))
			}
			for _, k := range p.KPIs {
				if !k.AnnualTarget.Set || !k.ID.Set {
					continue
				}
				if before, ok := last[k.ID.Value]; ok && !same(before.value, k.AnnualTarget.Value) {
					c.ReportKPI(k, k.AnnualTarget.Pos, "annual target of KPI %s changed from %s (%s in %s) to %s in %s; keep the year's target steady and adjust the quarter's target instead",
						quote(k.ID.Value), num(before.value), before.from.Period.Value, before.from.File,
						num(k.AnnualTarget.Value), p.Period.Value)
				}
				last[k.ID.Value] = annualValue{value: k.AnnualTarget.Value, from: p}
			}
		}
	}
}

// annualTargets returns the annual targets an annual plan sets: each KPI's annual_target, or
// else its target, which for a year is the year's target.
func annualTargets(annual *plan.Plan) map[string]annualValue {
	m := map[string]annualValue{}
	if annual == nil {
		return m
	}
	for _, k := range annual.KPIs {
		switch {
		case k.AnnualTarget.Set:
			m[k.ID.Value] = annualValue{value: k.AnnualTarget.Value, from: annual}
		case k.Target.Set:
			m[k.ID.Value] = annualValue{value: k.Target.Value, from: annual}
		}
	}
	return m
}
