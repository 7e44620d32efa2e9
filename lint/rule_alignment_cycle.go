package lint

import (
	"cmp"
	"slices"
	"strings"

	"github.com/okr-tool/okr/plan"
)

// alignmentCycle checks that following aligns_to from objective to objective never comes back
// to where it started.
type alignmentCycle struct{ base }

func newAlignmentCycle() *alignmentCycle {
	return &alignmentCycle{base: base{
		ID:       "alignment-cycle",
		Severity: Error,
		Summary:  "aligns_to links do not form a cycle.",
		Rationale: "The OnStrategy article has OKRs cascade the company's direction down to teams and people, and Ivor " +
			"Colson's article has each level's key results serve the objective above it. aligns_to says " +
			"which objective an objective serves; followed upwards, the links must end at an objective " +
			"that serves no other. In a cycle each objective claims to serve the next and none leads, so " +
			"the alignment a report draws from them means nothing. The finding stands at the first " +
			"objective of the cycle (by file and line) and lists it. An objective that aligns to itself " +
			"is the reference rule's finding.",
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
    aligns_to: company/loyal-customers
`},
		},
		BadFindings: []string{
			`plans/2026-Q3/company.yaml:6:16: error: aligns_to makes a cycle: company/loyal-customers → sales/retention-first → company/loyal-customers; the objective at the top of the chain aligns to nothing [alignment-cycle]`,
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

func (r *alignmentCycle) VisitRepository(c *Context, repo *plan.Repository) {
	next := map[*plan.Objective]*plan.Objective{}
	var order []*plan.Objective // objectives with a link, by file and line
	for _, p := range repo.Plans {
		if repo.Plan(p.Scope.Value, p.Period.Value) != p {
			continue // a duplicate plan takes no part in alignment
		}
		for _, o := range p.Objectives {
			if o.AlignsTo.Set {
				if to := repo.AlignmentTarget(p, o.AlignsTo.Value); to != nil && to != o {
					next[o] = to
					order = append(order, o)
				}
			}
		}
	}
	sortObjectives(order)
	// Each objective has at most one link, so walking from each one finds every cycle; done
	// marks objectives whose walk has ended, so each is walked once.
	done := map[*plan.Objective]bool{}
	for _, start := range order {
		onPath := map[*plan.Objective]int{}
		var path []*plan.Objective
		o := start
		for o != nil && !done[o] {
			if i, seen := onPath[o]; seen {
				r.report(c, path[i:])
				break
			}
			onPath[o] = len(path)
			path = append(path, o)
			o = next[o]
		}
		for _, x := range path {
			done[x] = true
		}
	}
}

// report records one cycle, at its first objective by file and line.
func (r *alignmentCycle) report(c *Context, cycle []*plan.Objective) {
	first := 0
	for i, o := range cycle {
		if objectiveBefore(o, cycle[first]) {
			first = i
		}
	}
	cycle = append(cycle[first:len(cycle):len(cycle)], cycle[:first]...)
	names := make([]string, 0, len(cycle)+1)
	for _, o := range append(cycle, cycle[0]) {
		names = append(names, o.Plan.Scope.Value+"/"+o.ID.Value)
	}
	c.ReportObjective(cycle[0], cycle[0].AlignsTo.Pos, "aligns_to makes a cycle: %s; the objective at the top of the chain aligns to nothing",
		strings.Join(names, " → "))
}

func objectiveBefore(a, b *plan.Objective) bool {
	if a.Plan.File != b.Plan.File {
		return a.Plan.File < b.Plan.File
	}
	return a.Pos.Before(b.Pos)
}

func sortObjectives(os []*plan.Objective) {
	slices.SortFunc(os, func(a, b *plan.Objective) int {
		return cmp.Or(strings.Compare(a.Plan.File, b.Plan.File), cmp.Compare(a.Pos.Line, b.Pos.Line), cmp.Compare(a.Pos.Col, b.Pos.Col))
	})
}
