package lint

import "github.com/okr-tool/okr/plan"

// parentLevel checks that a plan's parent sits at a higher level than the plan, or at the same
// level for teams and companies (teams nest), never below it.
type parentLevel struct{ base }

func newParentLevel() *parentLevel {
	return &parentLevel{base: base{
		ID:       "parent-level",
		Severity: Error,
		Summary:  "A plan's parent sits above it: a person's plan rolls up to a team or the company, a team's never to a person.",
		Rationale: "Ivor Colson's article sets OKRs at three levels, company, team and individual, and the OnStrategy article " +
			"has them cascade from the company down to teams and people. parent: names the plan one level " +
			"up that a plan rolls up to, so a parent at a lower level (a team whose parent is a person, a " +
			"company whose parent is a team) turns the tree upside down, and every roll-up and alignment " +
			"built on it. Teams may nest (a team's parent may be a department, itself a team), but a " +
			"person's plan rolls up to a team or the company. A plan's level is level: as written, else " +
			"company for the scope company and team for any other.",
		Sources: []Source{colson, onStrategy},
		Bad: Example{
			{Path: "plans/2026-Q3/ana-silva.yaml", Text: `period: 2026-Q3
scope: ana-silva
level: individual
parent: sales
objectives: []
`},
			{Path: "plans/2026-Q3/sales.yaml", Text: `period: 2026-Q3
scope: sales
level: team
parent: ana-silva
objectives: []
`},
		},
		BadFindings: []string{
			`plans/2026-Q3/sales.yaml:4:9: error: parent "ana-silva" is an individual plan, below this team plan; name the plan it rolls up to, at the team or company level [parent-level]`,
		},
		Good: Example{
			{Path: "plans/2026-Q3/ana-silva.yaml", Text: `period: 2026-Q3
scope: ana-silva
level: individual
parent: sales
objectives: []
`},
			{Path: "plans/2026-Q3/sales.yaml", Text: `period: 2026-Q3
scope: sales
level: team
objectives: []
`},
		},
	}}
}

func (r *parentLevel) VisitPlan(c *Context, p *plan.Plan) {
	if !p.Parent.Set || p.Parent.Value == p.Scope.Value {
		return
	}
	parent := scopePlan(c.Repo, p.Parent.Value, p)
	if parent == nil {
		return // the reference rule reports a parent that does not resolve
	}
	own, up := p.Level.Value, parent.Level.Value
	if own.Below(up) || up == own && own != plan.LevelIndividual {
		return
	}
	where := "below"
	if up == own {
		where = "at the level of"
	}
	c.ReportPlan(p, p.Parent.Pos, "parent %s is %s plan, %s this %s plan; name the plan it rolls up to, at the %s",
		quote(p.Parent.Value), article(up), where, own, levelsAbove(own))
}

// article renders a level with its indefinite article: "a team", "an individual".
func article(l plan.Level) string {
	if l == plan.LevelIndividual {
		return "an individual"
	}
	return "a " + string(l)
}

// levelsAbove names the levels a plan of level l may roll up to, for a message.
func levelsAbove(l plan.Level) string {
	if l == plan.LevelCompany {
		return "company level"
	}
	return "team or company level"
}

// scopePlan returns the plan of scope that best stands for it next to plan p: the one of p's
// period, else of p's year, else the scope's latest.
func scopePlan(repo *plan.Repository, scope string, p *plan.Plan) *plan.Plan {
	if q := repo.Plan(scope, p.Period.Value); q != nil {
		return q
	}
	if q := repo.Plan(scope, p.Period.Value.YearPeriod()); q != nil {
		return q
	}
	if all := repo.ScopePlans(scope); len(all) > 0 {
		return all[len(all)-1]
	}
	return nil
}
