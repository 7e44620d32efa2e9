package lint

import (
	"fmt"
	"time"

	"github.com/okr-tool/okr/history"
	"github.com/okr-tool/okr/plan"
)

// movedGoalposts documents the check that a target was not eased after its period started. It
// compares a plan with its version at the start of the period, so it runs only in git mode; the
// plan files alone hold nothing for it to visit.
type movedGoalposts struct{ info Info }

func newMovedGoalposts() *movedGoalposts {
	return &movedGoalposts{info: Info{
		ID:       "moved-goalposts",
		Severity: Warning,
		Summary:  "A target was not eased after its period started (needs git; pull-request mode).",
		Rationale: "Seed 000 wants a KPI's annual target to stay steady through the year; the same holds for " +
			"any target once its period is under way, or the grade at the end measures the edits rather " +
			"than the work. In pull-request mode (okr lint --new-from-rev REV) okr compares each " +
			"changed plan with its version at the merge base and reports a key result target moved " +
			"toward its start, a start moved toward its target, and a KPI target or annual target " +
			"eased against the KPI's direction, when the change was made after the period started " +
			"(judged by the commit date, or today for uncommitted work). Setting a first target or " +
			"making one harder is not reported. The message names the commit that set the old value; " +
			"the reason of a suppression is the record of why it moved. Without git the rule does not run.",
		Source:   "000",
		Requires: "git",
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

func (r *movedGoalposts) Info() *Info { return &r.info }

func (r *movedGoalposts) VisitKeyResult(c *Context, kr *plan.KeyResult) {
	if c.History == nil || c.History.Base == "" || kr.Type.Value == plan.Effort {
		return
	}
	var steps []step
	for _, v := range c.History.KeyResult(kr) {
		s := step{Revision: v.Revision}
		if v.KeyResult != nil {
			s.present, s.kr = true, v.KeyResult
		}
		steps = append(steps, s)
	}
	base := baseStep(steps)
	if base == nil {
		return // new in this change: a first target is not a moved one
	}
	dir := base.kr.Direction()
	p := kr.Objective.Plan
	target := func(k *plan.KeyResult) plan.Field[float64] { return k.Target }
	start := func(k *plan.KeyResult) plan.Field[float64] { return k.Start }
	// A lower target eases a metric that should rise; a higher start eases it too.
	if m := eased(steps, func(s step) plan.Field[float64] { return target(s.kr) }, dir == plan.Up, p); m != nil {
		c.ReportKeyResult(kr, kr.Target.Pos, "target of key result %s eased from %s to %s %s; %s",
			quote(kr.ID.Value), num(m.old), num(kr.Target.Value), m.describe(p), movedAdvice)
	}
	if m := eased(steps, func(s step) plan.Field[float64] { return start(s.kr) }, dir == plan.Down, p); m != nil {
		c.ReportKeyResult(kr, kr.Start.Pos, "start of key result %s moved toward its target, from %s to %s %s; %s",
			quote(kr.ID.Value), num(m.old), num(kr.Start.Value), m.describe(p), movedAdvice)
	}
}

func (r *movedGoalposts) VisitKPI(c *Context, k *plan.KPI) {
	if c.History == nil || c.History.Base == "" {
		return
	}
	var steps []step
	for _, v := range c.History.KPI(k) {
		s := step{Revision: v.Revision}
		if v.KPI != nil {
			s.present, s.kpi = true, v.KPI
		}
		steps = append(steps, s)
	}
	base := baseStep(steps)
	if base == nil {
		return
	}
	up := base.kpi.Direction.Value != plan.Down
	p := k.Plan
	if m := eased(steps, func(s step) plan.Field[float64] { return s.kpi.Target }, up, p); m != nil {
		c.ReportKPI(k, k.Target.Pos, "target of KPI %s eased from %s to %s %s; %s",
			quote(k.ID.Value), num(m.old), num(k.Target.Value), m.describe(p), movedAdvice)
	}
	if m := eased(steps, func(s step) plan.Field[float64] { return s.kpi.AnnualTarget }, up, p); m != nil {
		c.ReportKPI(k, k.AnnualTarget.Pos, "annual target of KPI %s eased from %s to %s %s; %s",
			quote(k.ID.Value), num(m.old), num(k.AnnualTarget.Value), m.describe(p), movedAdvice)
	}
}

const movedAdvice = "keep the goalpost where it was, or record why with # okr:ignore moved-goalposts <reason>"

// step is one version of a key result or KPI in the history of its plan.
type step struct {
	history.Revision
	present bool
	kr      *plan.KeyResult
	kpi     *plan.KPI
}

// baseStep is the version the change under review starts from: the last one before the first
// pending revision, or nil when the item did not exist then.
func baseStep(steps []step) *step {
	var base *step
	for i := range steps {
		if steps[i].Pending {
			break
		}
		base = &steps[i]
	}
	if base == nil || !base.present {
		return nil
	}
	return base
}

// move is a value eased during the change under review, after the period started.
type move struct {
	old   float64
	by    history.Revision // the revision that eased it
	setBy history.Revision // the revision that set the old value
}

func (m *move) describe(p *plan.Plan) string {
	when := "in uncommitted changes on " + m.by.Date.Format(time.DateOnly)
	if !m.by.Uncommitted() {
		when = "in commit " + m.by.Short() + " on " + m.by.Date.Format(time.DateOnly)
	}
	return fmt.Sprintf("%s, after %s started on %s (%s was set in commit %s on %s)", when,
		p.Period.Value, p.Period.Value.Start().Format(time.DateOnly), num(m.old), m.setBy.Short(),
		m.setBy.Date.Format(time.DateOnly))
}

// eased follows one value through the steps and reports it when the change under review made
// it easier — lower when lower is easier (or higher when !lower) — compared with its value at
// the base, and a pending revision dated on or after the period's start did some of that
// easing. Setting a first value, or making it harder, is not a move.
func eased(steps []step, field func(step) plan.Field[float64], lower bool, p *plan.Plan) *move {
	if !p.Period.Set {
		return nil
	}
	easier := func(from, to float64) bool {
		if lower {
			return to < from
		}
		return to > from
	}
	var m move
	var prev plan.Field[float64]
	based, late := false, false
	for _, s := range steps {
		if !s.present {
			prev = plan.Field[float64]{}
			continue
		}
		f := field(s)
		if !s.Pending {
			if f.Set && (!prev.Set || prev.Value != f.Value) {
				m.setBy = s.Revision
			}
			m.old, based = f.Value, f.Set
			prev = f
			continue
		}
		if based && prev.Set && f.Set && easier(prev.Value, f.Value) && !s.Date.Before(p.Period.Value.Start()) {
			m.by, late = s.Revision, true
		}
		prev = f
	}
	if !based || !late || !prev.Set || !easier(m.old, prev.Value) {
		return nil
	}
	return &m
}
