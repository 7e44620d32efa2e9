package lint

import "github.com/okr-tool/okr/plan"

// alignmentLevel checks that an objective does not align to an objective of a plan at a lower
// level than its own.
type alignmentLevel struct{ base }

func newAlignmentLevel() *alignmentLevel {
	return &alignmentLevel{base: base{
		ID:       "alignment-level",
		Severity: Warning,
		Summary:  "An objective aligns to an objective at its own level or above, not below.",
		Rationale: "The OnStrategy article has OKRs cascade the company's direction down to teams and people, and Ivor " +
			"Colson's article has each of its three levels (company, team, individual) work towards the " +
			"objective above it. aligns_to points up that cascade: a team objective serves a company " +
			"objective, a person's serves a team's. A company objective that aligns to a team's, or a " +
			"team's to a person's, points down: usually the link was written on the wrong side. Aligning " +
			"across (team to team) is fine.",
		Sources: []Source{onStrategy, colson},
		Bad: Example{
			{Path: "plans/2026-Q3/company.yaml", Text: `period: 2026-Q3
scope: company
objectives:
  - id: loyal-customers
    title: Create wildly loyal customers
    aligns_to: sales/retention-first
`},
			{Path: "plans/2026-Q3/sales.yaml", Text: `period: 2026-Q3
scope: sales
parent: company
objectives:
  - id: retention-first
    title: Put retention before new logos
`},
		},
		BadFindings: []string{
			`plans/2026-Q3/company.yaml:6:16: warning: objective "loyal-customers" of a company plan aligns to "sales/retention-first", an objective of a team plan below it; align objectives upwards: write aligns_to: company/loyal-customers on the team's objective instead [alignment-level]`,
		},
		Good: Example{
			{Path: "plans/2026-Q3/company.yaml", Text: `period: 2026-Q3
scope: company
objectives:
  - id: loyal-customers
    title: Create wildly loyal customers
`},
			{Path: "plans/2026-Q3/sales.yaml", Text: `period: 2026-Q3
scope: sales
parent: company
objectives:
  - id: retention-first
    title: Put retention before new logos
    aligns_to: company/loyal-customers
`},
		},
	}}
}

func (r *alignmentLevel) VisitObjective(c *Context, o *plan.Objective) {
	p := o.Plan
	if !o.AlignsTo.Set {
		return
	}
	to := c.Repo.AlignmentTarget(p, o.AlignsTo.Value)
	if to == nil || !to.Plan.Level.Value.Below(p.Level.Value) {
		return
	}
	c.ReportObjective(o, o.AlignsTo.Pos, "objective %s of %s plan aligns to %s, an objective of %s plan below it; align objectives upwards: write aligns_to: %s/%s on the %s's objective instead",
		quote(o.ID.Value), article(p.Level.Value), quote(o.AlignsTo.Value), article(to.Plan.Level.Value),
		p.Scope.Value, o.ID.Value, to.Plan.Level.Value)
}
