package lint

import (
	"fmt"
	"slices"
	"strings"

	"github.com/okr-tool/okr/plan"
)

// kpiCount checks that plans of the given levels have between min and max live KPIs.
type kpiCount struct {
	base
	min, max int
	levels   []plan.Level
}

func newKPICount() *kpiCount {
	return &kpiCount{min: 5, max: 7, levels: []plan.Level{plan.LevelCompany}, base: base{
		ID:       "kpi-count",
		Severity: Warning,
		Summary:  "A company-level plan has 5 to 7 live KPIs.",
		Rationale: "The OnStrategy article says good plans identify five to seven KPIs: the few measures that best show how " +
			"the organisation performs. Fewer leave blind spots; more hide the essential numbers among the " +
			"rest. Retired KPIs do not count. The range and the levels it applies to are configurable.",
		Sources: []Source{onStrategy},
		Bad: onePlan(`period: 2026-Q3
scope: company
kpis:
  - id: client-retention
    name: Client retention rate
    source: CRM retention report
    frequency: monthly
    target: 75
objectives: []
`),
		BadFindings: []string{
			`plan.yaml:3:1: warning: company plan "company" for 2026-Q3 has 1 live KPI; choose 5 to 7 KPIs that best show how the company performs (add them under kpis:) [kpi-count]`,
		},
		Good: onePlan(`period: 2026-Q3
scope: company
kpis:
  - {id: client-retention, name: Client retention rate, source: CRM, frequency: monthly, target: 75}
  - {id: healthy-clients, name: Clients rated healthy, source: CRM, frequency: monthly, target: 20}
  - {id: net-revenue, name: Net revenue, source: Finance ledger, frequency: monthly, target: 1200000}
  - {id: gross-margin, name: Gross margin, source: Finance ledger, frequency: monthly, target: 42}
  - {id: nps, name: Net promoter score, source: Survey tool, frequency: monthly, target: 45}
objectives: []
`),
	}}
}

func (r *kpiCount) Params() []Param {
	return []Param{
		{Name: "min", Doc: "fewest live KPIs a plan may have", Int: &r.min},
		{Name: "max", Doc: "most live KPIs a plan may have", Int: &r.max},
		{Name: "levels", Doc: "plan levels the range applies to", Levels: &r.levels},
	}
}

func (r *kpiCount) Validate() error {
	for _, l := range r.levels {
		if l != plan.LevelCompany && l != plan.LevelTeam && l != plan.LevelIndividual {
			return fmt.Errorf("level %q must be company, team or individual", l)
		}
	}
	return checkRange(r.min, r.max, 0)
}

func (r *kpiCount) VisitPlan(c *Context, p *plan.Plan) {
	if !p.Scope.Set || !p.Period.Set || !slices.Contains(r.levels, p.Level.Value) {
		return
	}
	n := 0
	for _, k := range p.KPIs {
		if k.Live() {
			n++
		}
	}
	what := fmt.Sprintf("%s plan %s for %s has %s", p.Level.Value, quote(p.Scope.Value), p.Period.Value,
		plural(n, "live KPI", "live KPIs"))
	switch {
	case n < r.min:
		c.ReportPlan(p, p.KPIsKey, "%s; choose %s that best show how the %s performs (add them under kpis:)",
			what, rangeText(r.min, r.max, "KPIs"), strings.ToLower(string(p.Level.Value)))
	case n > r.max:
		c.ReportPlan(p, p.KPIsKey, "%s; keep %s, the essential measures, and track the rest as key results or retire them",
			what, rangeText(r.min, r.max, "KPIs"))
	}
}
