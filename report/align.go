package report

import "github.com/okr-tool/okr/plan"

// alignment arranges the objectives of the reported plans under the objectives they align to,
// following "aligns_to" up through quarter and annual plans. The roots are the objectives at the
// top of a chain that something aligns to, and every objective of a company-level plan reported.
// Objectives of lower-level plans that align to nothing that exists are returned apart.
func (b *builder) alignment(plans []*PlanReport) (roots []*AlignNode, unaligned []*ObjectiveReport) {
	a := aligner{b: b, nodes: map[*ObjectiveReport]*AlignNode{}, state: map[*AlignNode]int{}, hasParent: map[*AlignNode]bool{}}
	for _, pr := range plans {
		for _, o := range pr.Objectives {
			a.link(o)
			// Unaligned means aligned to nothing that exists; an objective whose chain loops
			// back on itself aligns to something, though the loop is cut to draw it.
			if pr.Level != plan.LevelCompany && b.alignTarget(o) == nil {
				unaligned = append(unaligned, o)
			}
		}
	}
	for _, n := range a.order {
		if !a.hasParent[n] && (len(n.Children) > 0 || n.Objective.Plan.Level == plan.LevelCompany) {
			roots = append(roots, n)
		}
	}
	return roots, unaligned
}

type aligner struct {
	b         *builder
	nodes     map[*ObjectiveReport]*AlignNode
	order     []*AlignNode       // nodes in the order first met, for stable output
	state     map[*AlignNode]int // 1 while its chain is being linked, 2 once linked
	hasParent map[*AlignNode]bool
}

// link returns o's node, attached under the node of the objective it aligns to. A chain that
// comes back on itself is cut where it would close.
func (a *aligner) link(o *ObjectiveReport) *AlignNode {
	n, ok := a.nodes[o]
	if !ok {
		n = &AlignNode{Objective: o}
		a.nodes[o] = n
		a.order = append(a.order, n)
	}
	if a.state[n] != 0 {
		return n
	}
	a.state[n] = 1
	if parent := a.b.alignTarget(o); parent != nil {
		if pn := a.nodes[parent]; pn == nil || a.state[pn] != 1 {
			pn = a.link(parent)
			pn.Children = append(pn.Children, n)
			a.hasParent[n] = true
		}
	}
	a.state[n] = 2
	return n
}

// alignTarget is the scored objective o aligns to, or nil.
func (b *builder) alignTarget(o *ObjectiveReport) *ObjectiveReport {
	if o.AlignsTo == "" || o.Plan.Plan == nil {
		return nil
	}
	target := b.repo.AlignmentTarget(o.Plan.Plan, o.AlignsTo)
	if target == nil || target.Plan == nil {
		return nil
	}
	for _, to := range b.plan(target.Plan).Objectives {
		if to.Objective == target {
			return to
		}
	}
	return nil
}
