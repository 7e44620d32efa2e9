package lint

import (
	"fmt"

	"github.com/okr-tool/okr/plan"
)

// kpiCarryForward checks that a KPI tracked in a scope's quarter is listed again in the scope's
// next quarter plan until it has been tracked for the configured number of quarters.
type kpiCarryForward struct {
	base
	quarters int
}

func newKPICarryForward() *kpiCarryForward {
	return &kpiCarryForward{quarters: 4, base: base{
		ID:       "kpi-carry-forward",
		Severity: Error,
		Summary:  "A KPI stays in the scope's next quarter plan until it has been tracked four quarters, and in every quarter plan of a year whose annual plan lists it, unless marked retired.",
		Rationale: "The OnStrategy article warns against changing KPIs every quarter (its Mistake #3 and the section on " +
			"carrying KPIs forward): objectives and key results may be reset each quarter, but a KPI should " +
			"be measured for at least a year, so it must reappear in the next quarter's plan, across year " +
			"ends. To stop early, list it once more with retired: <reason>. A KPI of the scope's annual plan " +
			"is the year's: it belongs in every quarter plan of that year, however long it has been " +
			"tracked, until a quarter retires it. The rule looks at the whole repository, and the number of " +
			"quarters is configurable.",
		Sources: []Source{onStrategy},
		Bad: Example{
			{Path: "plans/2026-Q4/sales.yaml", Text: `period: 2026-Q4
scope: sales
kpis:
  - id: client-retention
    name: Client retention rate
    source: CRM retention report
    frequency: monthly
    target: 80
objectives: []
`},
			{Path: "plans/2027-Q1/sales.yaml", Text: `period: 2027-Q1
scope: sales
kpis: []
objectives: []
`},
		},
		BadFindings: []string{
			`plans/2027-Q1/sales.yaml:3:1: error: KPI "client-retention" (tracked since 2026-Q4 in plans/2026-Q4/sales.yaml) is missing from 2027-Q1; carry it forward or add it with retired: <reason> [kpi-carry-forward]`,
		},
		Good: Example{
			{Path: "plans/2026-Q4/sales.yaml", Text: `period: 2026-Q4
scope: sales
kpis:
  - id: client-retention
    name: Client retention rate
    source: CRM retention report
    frequency: monthly
    target: 80
objectives: []
`},
			{Path: "plans/2027-Q1/sales.yaml", Text: `period: 2027-Q1
scope: sales
kpis:
  - id: client-retention
    name: Client retention rate
    retired: merged into net revenue retention
objectives: []
`},
		},
	}}
}

func (r *kpiCarryForward) Params() []Param {
	return []Param{{Name: "quarters", Doc: "quarters in a row a KPI must be tracked once it starts", Int: &r.quarters}}
}

func (r *kpiCarryForward) Validate() error {
	if r.quarters < 1 {
		return fmt.Errorf("quarters is %d; it must be at least 1", r.quarters)
	}
	return nil
}

// streak is how long a KPI has been tracked without a break, and since which plan.
type streak struct {
	since *plan.Plan
	n     int
}

func (r *kpiCarryForward) VisitRepository(c *Context, repo *plan.Repository) {
	for _, scope := range repo.Scopes() {
		var prev *plan.Plan
		var prevStreaks map[string]streak
		// retired holds the KPIs of the current year's annual plan that a quarter has retired.
		var retired map[string]bool
		for _, p := range repo.Quarters(scope) {
			consecutive := prev != nil && prev.Period.Value.Next() == p.Period.Value
			reported := map[string]bool{}
			if consecutive {
				for _, k := range prev.KPIs {
					s, ok := prevStreaks[k.ID.Value]
					if ok && s.n < r.quarters && p.KPI(k.ID.Value) == nil && !reported[k.ID.Value] {
						reported[k.ID.Value] = true
						c.ReportPlan(p, p.KPIsKey, "KPI %s (tracked since %s in %s) is missing from %s; carry it forward or add it with retired: <reason>",
							quote(k.ID.Value), s.since.Period.Value, s.since.File, p.Period.Value)
					}
				}
			}
			if prev == nil || prev.Period.Value.Year != p.Period.Value.Year {
				retired = map[string]bool{}
			}
			if annual := repo.AnnualPlan(p); annual != nil {
				for _, k := range annual.KPIs {
					id := k.ID.Value
					if !k.Live() || !k.ID.Set || retired[id] || reported[id] || p.KPI(id) != nil {
						continue
					}
					reported[id] = true
					c.ReportPlan(p, p.KPIsKey, "KPI %s of the %d annual plan (%s) is missing from %s; list it in every quarter plan of the year, or add it with retired: <reason>",
						quote(id), p.Period.Value.Year, annual.File, p.Period.Value)
				}
			}
			streaks := make(map[string]streak, len(p.KPIs))
			for _, k := range p.KPIs {
				if !k.Live() {
					retired[k.ID.Value] = true
				}
				if !k.Live() || !k.ID.Set {
					continue
				}
				s := streak{since: p, n: 1}
				if before, ok := prevStreaks[k.ID.Value]; ok && consecutive {
					s = streak{since: before.since, n: before.n + 1}
				}
				streaks[k.ID.Value] = s
			}
			prev, prevStreaks = p, streaks
		}
	}
}
