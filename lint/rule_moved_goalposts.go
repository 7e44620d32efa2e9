package lint

import (
	"fmt"
	"time"

	"github.com/okr-tool/okr/history"
	"github.com/okr-tool/okr/plan"
)

// movedGoalposts checks that a target was not eased after its period started. It compares each
// changed plan with the plan as it stood when its period started (history.MovedSince), reading
// the history of the changed files only, so it runs only in pull-request mode (okr lint
// --new-from-rev); the plan files alone hold nothing for it to visit.
type movedGoalposts struct{ base }

func newMovedGoalposts() *movedGoalposts {
	return &movedGoalposts{base: base{
		ID:       "moved-goalposts",
		Severity: Warning,
		Summary:  "A target was not eased after its period started (needs git; pull-request mode).",
		Rationale: "The OnStrategy article wants a KPI's annual target to stay steady through the year; the same holds for " +
			"any target once its period is under way, or the grade at the end measures the edits rather " +
			"than the work. In pull-request mode (okr lint --new-from-rev REV) okr reads the git history of " +
			"each changed plan and compares it with the plan as it stood when its period started (the last " +
			"commit before the period's first day on the first-parent line; for a key result or KPI added " +
			"later, the value it was first given). It reports a key result target moved toward its start, " +
			"a start moved toward its target, and a KPI target or annual target eased against the KPI's " +
			"direction, when a commit dated on or after the period's first day (or uncommitted work, dated " +
			"today) did the easing. The comparison does not depend on where the pull request branched, so " +
			"an easing is reported on every later change to its plan until a suppression records why it " +
			"moved, and that suppression stays in use. Setting a first target, making one harder, or " +
			"easing and restoring it is not reported; nor is a start set to the final reading of its KPI " +
			"in the previous quarter, the baseline kpi-baseline asks for once that quarter closes. The " +
			"message names the commit that eased the value and the one that set the old value. Without " +
			"git the rule does not run.",
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
	if !p.Period.Set {
		return
	}
	versions := c.History.KeyResult(kr)
	if !committed(len(versions), func(i int) bool { return versions[i].Pending }) {
		// The file is new to the change, or moved without git knowing: its past is that of the
		// plan of the same scope and period at the base.
		if at := c.History.Before(p); at != nil {
			var before []history.KeyResultVersion
			if at.History != nil {
				before = at.History.KeyResults[kr.ID.Value]
			} else if old := keyResultOf(at.Plan, kr.ID.Value); old != nil {
				before = []history.KeyResultVersion{{KeyResult: old}}
			}
			versions = append(before[:len(before):len(before)], versions...)
		}
	}
	up := kr.Direction() == plan.Up
	start := p.Period.Value.Start()
	target := func(k *plan.KeyResult) plan.Field[float64] { return k.Target }
	// A lower target eases a metric that should rise; a higher start eases it too.
	if m := history.MovedSince(history.KeyResultSteps(versions, target), up, start); m != nil {
		c.ReportKeyResult(kr, kr.Target.Pos, "target of key result %s eased from %s to %s %s; %s",
			quote(kr.ID.Value), num(m.Old), num(m.New), describe(m, p), movedAdvice)
	}
	startOf := func(k *plan.KeyResult) plan.Field[float64] { return k.Start }
	if m := history.MovedSince(history.KeyResultSteps(versions, startOf), !up, start); m != nil &&
		!history.Refreshed(c.Repo, kr, m.New) {
		c.ReportKeyResult(kr, kr.Start.Pos, "start of key result %s moved toward its target, from %s to %s %s; %s",
			quote(kr.ID.Value), num(m.Old), num(m.New), describe(m, p), movedAdvice)
	}
}

func (r *movedGoalposts) VisitKPI(c *Context, k *plan.KPI) {
	if c.History == nil || c.History.Base == "" || !k.Plan.Period.Set {
		return
	}
	versions := c.History.KPI(k)
	if !committed(len(versions), func(i int) bool { return versions[i].Pending }) {
		if at := c.History.Before(k.Plan); at != nil {
			var before []history.KPIVersion
			if at.History != nil {
				before = at.History.KPIs[k.ID.Value]
			} else if old := at.Plan.KPI(k.ID.Value); old != nil {
				before = []history.KPIVersion{{KPI: old}}
			}
			versions = append(before[:len(before):len(before)], versions...)
		}
	}
	up := k.EffectiveDirection() != plan.Down
	p := k.Plan
	start := p.Period.Value.Start()
	target := func(k *plan.KPI) plan.Field[float64] { return k.Target }
	annual := func(k *plan.KPI) plan.Field[float64] { return k.AnnualTarget }
	if m := history.MovedSince(history.KPISteps(versions, target), up, start); m != nil {
		c.ReportKPI(k, k.Target.Pos, "target of KPI %s eased from %s to %s %s; %s",
			quote(k.ID.Value), num(m.Old), num(m.New), describe(m, p), movedAdvice)
	}
	if m := history.MovedSince(history.KPISteps(versions, annual), up, start); m != nil {
		c.ReportKPI(k, k.AnnualTarget.Pos, "annual target of KPI %s eased from %s to %s %s; %s",
			quote(k.ID.Value), num(m.Old), num(m.New), describe(m, p), movedAdvice)
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

// committed reports whether any of the revisions of a history came before the change under
// review; pending says whether the i-th did not.
func committed(n int, pending func(i int) bool) bool {
	for i := range n {
		if !pending(i) {
			return true
		}
	}
	return false
}

// describe says when the goalpost moved and where the old value came from.
func describe(m *history.Moved, p *plan.Plan) string {
	when := "in uncommitted changes on " + m.By.Date.Format(time.DateOnly)
	if !m.By.Uncommitted() {
		when = "in commit " + m.By.Short() + " on " + m.By.Date.Format(time.DateOnly)
	}
	s := fmt.Sprintf("%s, after %s started on %s", when, p.Period.Value, p.Period.Value.Start().Format(time.DateOnly))
	if m.SetBy.Commit != "" {
		s += fmt.Sprintf(" (%s was set in commit %s on %s)", num(m.Old), m.SetBy.Short(), m.SetBy.Date.Format(time.DateOnly))
	}
	return s
}
