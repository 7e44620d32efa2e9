package lint

import (
	"fmt"
	"slices"

	"github.com/okr-tool/okr/plan"
)

// kpiCount checks that top-level plans have between min and max live KPIs, and team plans
// between teamMin and teamMax, for the levels listed.
type kpiCount struct {
	base
	min, max         int
	teamMin, teamMax int
	levels           []plan.Level
}

func newKPICount() *kpiCount {
	return &kpiCount{min: 5, max: 7, teamMin: 1, teamMax: 5, levels: []plan.Level{plan.LevelCompany, plan.LevelTeam}, base: base{
		ID:       "kpi-count",
		Severity: Warning,
		Summary:  "A top-level plan has 5 to 7 live KPIs; a team plan 1 to 5.",
		Rationale: "The OnStrategy article says good plans identify five to seven KPIs: the few measures that best show how " +
			"the organisation performs. Fewer leave blind spots; more hide the essential numbers among the " +
			"rest. That range applies to every top-level plan, whatever its scope is called: one with " +
			"level: company, or the root of a parent tree (a plan that other plans name as their parent and " +
			"that has no parent and no level: of its own). A plan with the scope company and no level is a " +
			"company plan too. The " +
			"article quoting Weekdone's customers adds that KPIs should be broken down by department, so a " +
			"team plan (any other plan whose level is not individual) tracks KPIs of its own too: at least one, and, " +
			"since a team covers a part of the organisation, at most five. Individual plans are not " +
			"counted: people work on key results, and the KPIs live at team and company level. Retired KPIs " +
			"do not count. Both ranges, and the levels checked (company stands for top-level plans), are " +
			"configurable; an individual level, when listed, uses the team range. A plan with neither " +
			"objectives nor KPIs is not counted: empty-plan reports it, once.",
		Sources: []Source{onStrategy, weekdone},
		Bad: Example{
			{Path: "plans/2026-Q3/acme.yaml", Text: `# The plan of the whole organisation, whatever its scope is called: sales names it as parent.
period: 2026-Q3
scope: acme
kpis:
  - {id: client-retention, name: Client retention rate, source: CRM, frequency: monthly, target: 75}
  - {id: net-revenue, name: Net revenue, source: Finance ledger, frequency: monthly, target: 1200000}
objectives: []
`},
			{Path: "plans/2026-Q3/sales.yaml", Text: `period: 2026-Q3
scope: sales
parent: acme
kpis:
  - {id: client-retention, name: Client retention rate, source: CRM, frequency: monthly, target: 75}
objectives: []
`},
		},
		BadFindings: []string{
			`plans/2026-Q3/acme.yaml:4:1: warning: top-level plan "acme" for 2026-Q3 has 2 live KPIs; choose 5 to 7 KPIs that best show how the organisation performs (add them under kpis:) [kpi-count]`,
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
		{Name: "min", Doc: "fewest live KPIs a top-level plan may have", Int: &r.min},
		{Name: "max", Doc: "most live KPIs a top-level plan may have", Int: &r.max},
		{Name: "team_min", Doc: "fewest live KPIs a team plan may have", Int: &r.teamMin},
		{Name: "team_max", Doc: "most live KPIs a team plan may have", Int: &r.teamMax},
		{Name: "levels", Doc: "plan levels that are counted (company: top-level plans)", Levels: &r.levels},
	}
}

func (r *kpiCount) Validate() error {
	for _, l := range r.levels {
		if l != plan.LevelCompany && l != plan.LevelTeam && l != plan.LevelIndividual {
			return fmt.Errorf("level %q must be company, team or individual", l)
		}
	}
	if err := checkRange(r.min, r.max, 0); err != nil {
		return err
	}
	if err := checkRange(r.teamMin, r.teamMax, 0); err != nil {
		return fmt.Errorf("team_min and team_max: %w", err)
	}
	return nil
}

// countLevel is the level whose range applies to p: company for a top-level plan, else its
// level. A plan is top-level when it says level: company (or, not saying, has the scope
// company), or when it does not say its level, has no parent, and other plans name its scope
// as their parent (parents): it is the root of a parent tree, whatever its scope is called.
func countLevel(p *plan.Plan, parents map[string]bool) plan.Level {
	if !p.Level.Set && p.Parent.Value == "" && parents[p.Scope.Value] {
		return plan.LevelCompany
	}
	return p.Level.Value
}

func (r *kpiCount) VisitRepository(c *Context, repo *plan.Repository) {
	parents := map[string]bool{}
	for _, p := range repo.Plans {
		if p.Parent.Set {
			parents[p.Parent.Value] = true
		}
	}
	for _, p := range repo.Plans {
		r.count(c, p, countLevel(p, parents))
	}
}

// count checks the live KPIs of plan p, counted at level.
func (r *kpiCount) count(c *Context, p *plan.Plan, level plan.Level) {
	if !p.Scope.Set || !p.Period.Set || !slices.Contains(r.levels, level) || planIsEmpty(p) {
		return
	}
	n := 0
	for _, k := range p.KPIs {
		if k.Live() {
			n++
		}
	}
	lo, hi, kind, who := r.min, r.max, "top-level plan", "organisation"
	switch {
	case level != plan.LevelCompany:
		lo, hi, kind, who = r.teamMin, r.teamMax, string(p.Level.Value)+" plan", string(p.Level.Value)
	case p.Level.Value == plan.LevelCompany:
		kind, who = "company plan", "company"
	}
	what := fmt.Sprintf("%s %s for %s has %s", kind, quote(p.Scope.Value), p.Period.Value, plural(n, "live KPI", "live KPIs"))
	switch {
	case n < lo:
		c.ReportPlan(p, p.KPIsKey, "%s; choose %s that best show how the %s performs (add them under kpis:)",
			what, rangeText(lo, hi, "KPIs"), who)
	case n > hi:
		c.ReportPlan(p, p.KPIsKey, "%s; keep %s, the essential measures, and track the rest as key results or retire them",
			what, rangeText(lo, hi, "KPIs"))
	}
}
