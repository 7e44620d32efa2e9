package lint

import (
	"fmt"
	"time"

	"github.com/okr-tool/okr/history"
	"github.com/okr-tool/okr/plan"
)

// movedGoalposts checks that a target was not eased after its period started. It compares each
// changed plan with its version at the merge base, so it runs only in pull-request mode
// (okr lint --new-from-rev); the plan files alone hold nothing for it to visit.
type movedGoalposts struct{ base }

func newMovedGoalposts() *movedGoalposts {
	return &movedGoalposts{base: base{
		ID:       "moved-goalposts",
		Severity: Warning,
		Summary:  "A target was not eased after its period started (needs git; pull-request mode).",
		Rationale: "The OnStrategy article wants a KPI's annual target to stay steady through the year; the same holds for " +
			"any target once its period is under way, or the grade at the end measures the edits rather " +
			"than the work. In pull-request mode (okr lint --new-from-rev REV) okr compares each " +
			"changed plan with its version at the merge base and reports a key result target moved " +
			"toward its start, a start moved toward its target, and a KPI target or annual target " +
			"eased against the KPI's direction, when the change was made after the period started " +
			"(judged by the commit date, or today for uncommitted work). Setting a first target or " +
			"making one harder is not reported. The message names the commit that set the old value; " +
			"the reason of a suppression is the record of why it moved. Without git the rule does not run.",
		Sources:  []Source{onStrategy},
		Requires: RequiresPullRequest,
		Bad: onePlan(`# At the start of 2026-Q3 this key result had target: 80.
period: 2026-Q3
scope: sales
objectives:
  - id: loyal-customers
    title: Create wildly loyal customers
    key_results:
      - {id: retention, title: Raise retention from 73% to 78%, start: 73, target: 78, kpi: client-retention}
`),
		Good: onePlan(`# At the start of 2026-Q3 this key result had target: 80, and it still has.
period: 2026-Q3
scope: sales
objectives:
  - id: loyal-customers
    title: Create wildly loyal customers
    key_results:
      - {id: retention, title: Raise retention from 73% to 80%, start: 73, target: 80, kpi: client-retention}
`),
	}}
}

func (r *movedGoalposts) VisitKeyResult(c *Context, kr *plan.KeyResult) {
	if c.History == nil || c.History.Base == "" || kr.Type.Value == plan.Effort {
		return
	}
	p := kr.Objective.Plan
	at := c.History.Before(p)
	if at == nil {
		return // a new plan: a first target is not a moved one
	}
	old := keyResultOf(at.Plan, kr.ID.Value)
	if old == nil {
		return
	}
	var pending []step
	for _, v := range c.History.KeyResult(kr) {
		if v.Pending {
			pending = append(pending, step{Revision: v.Revision, present: v.KeyResult != nil, kr: v.KeyResult})
		}
	}
	var before []step
	if at.History != nil {
		for _, v := range at.History.KeyResults[kr.ID.Value] {
			before = append(before, step{Revision: v.Revision, present: v.KeyResult != nil, kr: v.KeyResult})
		}
	}
	// The direction of the key result as it was at the base, where a key result without a start
	// takes its KPI's.
	dir := old.Direction()
	target := func(s step) plan.Field[float64] { return s.kr.Target }
	start := func(s step) plan.Field[float64] { return s.kr.Start }
	// A lower target eases a metric that should rise; a higher start eases it too.
	if m := eased(old.Target, before, pending, target, dir == plan.Up, p); m != nil {
		c.ReportKeyResult(kr, kr.Target.Pos, "target of key result %s eased from %s to %s %s; %s",
			quote(kr.ID.Value), num(m.old), num(kr.Target.Value), m.describe(p), movedAdvice)
	}
	if m := eased(old.Start, before, pending, start, dir == plan.Down, p); m != nil {
		c.ReportKeyResult(kr, kr.Start.Pos, "start of key result %s moved toward its target, from %s to %s %s; %s",
			quote(kr.ID.Value), num(m.old), num(kr.Start.Value), m.describe(p), movedAdvice)
	}
}

func (r *movedGoalposts) VisitKPI(c *Context, k *plan.KPI) {
	if c.History == nil || c.History.Base == "" {
		return
	}
	at := c.History.Before(k.Plan)
	if at == nil {
		return
	}
	old := at.Plan.KPI(k.ID.Value)
	if old == nil {
		return
	}
	var pending []step
	for _, v := range c.History.KPI(k) {
		if v.Pending {
			pending = append(pending, step{Revision: v.Revision, present: v.KPI != nil, kpi: v.KPI})
		}
	}
	var before []step
	if at.History != nil {
		for _, v := range at.History.KPIs[k.ID.Value] {
			before = append(before, step{Revision: v.Revision, present: v.KPI != nil, kpi: v.KPI})
		}
	}
	up := old.Direction.Value != plan.Down
	p := k.Plan
	target := func(s step) plan.Field[float64] { return s.kpi.Target }
	annual := func(s step) plan.Field[float64] { return s.kpi.AnnualTarget }
	if m := eased(old.Target, before, pending, target, up, p); m != nil {
		c.ReportKPI(k, k.Target.Pos, "target of KPI %s eased from %s to %s %s; %s",
			quote(k.ID.Value), num(m.old), num(k.Target.Value), m.describe(p), movedAdvice)
	}
	if m := eased(old.AnnualTarget, before, pending, annual, up, p); m != nil {
		c.ReportKPI(k, k.AnnualTarget.Pos, "annual target of KPI %s eased from %s to %s %s; %s",
			quote(k.ID.Value), num(m.old), num(k.AnnualTarget.Value), m.describe(p), movedAdvice)
	}
}

const movedAdvice = "keep the goalpost where it was, or record why with # okr:ignore moved-goalposts <reason>"

// keyResultOf returns the first key result of a plan with an id, or nil.
func keyResultOf(p *plan.Plan, id string) *plan.KeyResult {
	for _, kr := range p.KeyResults() {
		if kr.ID.Set && kr.ID.Value == id {
			return kr
		}
	}
	return nil
}

// step is one version of a key result or KPI in the history of its plan.
type step struct {
	history.Revision
	present bool
	kr      *plan.KeyResult
	kpi     *plan.KPI
}

// move is a value eased during the change under review, after the period started.
type move struct {
	old   float64
	by    history.Revision // the revision that eased it
	setBy history.Revision // the revision that set the old value; zero when unknown
}

func (m *move) describe(p *plan.Plan) string {
	when := "in uncommitted changes on " + m.by.Date.Format(time.DateOnly)
	if !m.by.Uncommitted() {
		when = "in commit " + m.by.Short() + " on " + m.by.Date.Format(time.DateOnly)
	}
	s := fmt.Sprintf("%s, after %s started on %s", when, p.Period.Value, p.Period.Value.Start().Format(time.DateOnly))
	if m.setBy.Commit != "" {
		s += fmt.Sprintf(" (%s was set in commit %s on %s)", num(m.old), m.setBy.Short(), m.setBy.Date.Format(time.DateOnly))
	}
	return s
}

// eased reports a value that the change under review made easier — lower when lower is easier
// (or higher when !lower) — than it was at the base (old), when a pending revision dated on or
// after the period's start did some of that easing (history.Eased, the one definition of a moved
// goalpost). before is the value's history up to the base, which names the commit that set the
// old value; pending are the revisions of the change, oldest first, compared each with the one
// before (the first with the base). Setting a first value, or making it harder, is not a move.
func eased(old plan.Field[float64], before, pending []step, field func(step) plan.Field[float64], lower bool, p *plan.Plan) *move {
	if !p.Period.Set || !old.Set {
		return nil
	}
	values := func(steps []step) []history.Step {
		out := make([]history.Step, len(steps))
		for i, s := range steps {
			out[i] = history.Step{Revision: s.Revision, Present: s.present}
			if s.present {
				out[i].Value = field(s)
			}
		}
		return out
	}
	m := move{old: old.Value}
	if rev, v := history.LastSet(values(before)); v.Set && v.Value == old.Value {
		m.setBy = rev // else the history does not reach the base's value
	}
	after := values(pending)
	moves := history.Eased(old, after, lower, p.Period.Value.Start())
	if len(moves) == 0 {
		return nil
	}
	m.by = moves[len(moves)-1].By
	if _, final := history.LastSet(after); !final.Set || !history.Easier(old.Value, final.Value, lower) {
		return nil
	}
	return &m
}
