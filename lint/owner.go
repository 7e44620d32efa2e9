package lint

import "github.com/okr-tool/okr/plan"

// owners are the lines of the objects a finding belongs to, innermost first (a key result,
// then its objective); 0 means none. A suppression on one of these lines silences the finding.
type owners [2]int32

// planLine is the line of a plan's first top-level key: the line that stands for the plan as a
// whole. It is 1 when the plan has no keys.
func planLine(p *plan.Plan) int32 {
	if pos := planStart(p); !pos.IsZero() {
		return pos.Line
	}
	return 1
}

// planStart is the position of a plan's first top-level key, or zero when it has none.
func planStart(p *plan.Plan) plan.Pos {
	var first plan.Pos
	for _, pos := range topLevelKeys(p) {
		if !pos.IsZero() && (first.IsZero() || pos.Line < first.Line || pos.Line == first.Line && pos.Col < first.Col) {
			first = pos
		}
	}
	return first
}

// containingObject finds the objects that a line of plan p lies in: the last KPI, objective or
// key result that starts on or before the line. It serves findings that come from loading,
// which know their position but not their object.
func containingObject(p *plan.Plan, line int32) owners {
	if p == nil {
		return owners{}
	}
	var best, parent int32
	consider := func(start, up int32) {
		if start <= line && start > best {
			best, parent = start, up
		}
	}
	for _, k := range p.KPIs {
		consider(k.Pos.Line, 0)
	}
	for _, o := range p.Objectives {
		consider(o.Pos.Line, 0)
		for _, kr := range o.KeyResults {
			consider(kr.Pos.Line, o.Pos.Line)
		}
	}
	// A top-level key between the object and the line ends the object's section.
	for _, k := range topLevelKeys(p) {
		if !k.IsZero() && k.Line > best && k.Line <= line {
			return owners{}
		}
	}
	return owners{best, parent}
}

func topLevelKeys(p *plan.Plan) []plan.Pos {
	return []plan.Pos{p.Period.Key, p.Scope.Key, p.Level.Key, p.Parent.Key, p.Owner.Key, p.KPIsKey, p.ObjectivesKey}
}
