package lint

import (
	"fmt"
	"time"

	"github.com/okr-tool/okr/history"
	"github.com/okr-tool/okr/plan"
)

// movedGoalposts checks that no goalpost (history.Eases) was eased after its period started. It compares each
// changed plan with the plan as it stood when its period started (history.MovedSince), reading
// the history of the changed files only, so it runs only in pull-request mode (okr lint
// --new-from-rev); the plan files alone hold nothing for it to visit.
type movedGoalposts struct{ base }

func newMovedGoalposts() *movedGoalposts {
	return &movedGoalposts{base: base{
		ID:       "moved-goalposts",
		Severity: Warning,
		Summary:  "No goalpost was eased after its period started (needs git; pull-request mode).",
		Rationale: "The OnStrategy article wants a KPI's annual target to stay steady through the year; the same holds for " +
			"any goalpost once its period is under way, or the grade at the end measures the edits rather " +
			"than the work. A goalpost is eased when the same reading would now earn a better grade. For " +
			"an outcome key result whose metric should rise, that is a lower target or a lower start (a " +
			"lower start counts more of the current value as progress); for one that should fall, a " +
			"higher target or a higher start. For a maintain key result it is a threshold moved to the " +
			"easy side (lower when it holds at or above, higher when at or below) or a flipped " +
			"direction. For a KPI it is a target or annual target moved against its direction. Raising " +
			"a rising key result's start makes it harder and is not reported. In pull-request mode " +
			"(okr lint --new-from-rev REV) okr reads the git history of each changed plan and compares " +
			"each goalpost now with the plan as it stood when its period started (the last commit before " +
			"the period's first day on the first-parent line; for a key result or KPI added later, the " +
			"value it was first given), and reports it when it is easier now and a commit dated on or " +
			"after the period's first day (or uncommitted work, dated today) eased it. The comparison " +
			"does not depend on where the pull request branched, so an easing is reported on every later " +
			"change to its plan until a suppression records why it moved, and that suppression stays in " +
			"use. Setting a first value, making one harder, or easing and restoring it is not reported; " +
			"nor is a start set to the final reading of its KPI in the previous quarter, the baseline " +
			"kpi-baseline asks for once that quarter closes. The message names the commit that gave the " +
			"goalpost its current value, the one okr report names too: the commit that wrote that value, " +
			"also when it reached the branch through a merge, so the pull request and its merge name the " +
			"same commit. Without git the rule does not run.",
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
	for _, e := range history.KeyResultMoves(c.Repo, kr, versions) {
		pos := kr.Pos
		switch e.Field {
		case history.FieldTarget:
			pos = kr.Target.Pos
		case history.FieldStart:
			pos = kr.Start.Pos
		case history.FieldThreshold:
			pos = kr.Threshold().Pos
		case history.FieldDirection:
			if d := kr.HoldDirection(); d.Set {
				pos = d.Pos
			}
		}
		c.ReportKeyResult(kr, pos, "%s of key result %s %s %s; %s",
			e.Field, quote(kr.ID.Value), easedFromTo(e), describe(e, p), movedAdvice)
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
	for _, e := range history.KPIMoves(k, versions) {
		pos := k.Target.Pos
		if e.Field == history.FieldAnnualTarget {
			pos = k.AnnualTarget.Pos
		}
		c.ReportKPI(k, pos, "%s of KPI %s %s %s; %s",
			e.Field, quote(k.ID.Value), easedFromTo(e), describe(e, k.Plan), movedAdvice)
	}
}

// easedFromTo says how a goalpost moved: "eased from 80 to 75", or for a maintain key result's
// direction "flipped from up to down".
func easedFromTo(e history.Easing) string {
	if e.Field == history.FieldDirection {
		return fmt.Sprintf("flipped from %s to %s", history.DirectionOf(e.Old), history.DirectionOf(e.New))
	}
	return fmt.Sprintf("eased from %s to %s", num(e.Old), num(e.New))
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
func describe(m history.Easing, p *plan.Plan) string {
	when := "in uncommitted changes on " + m.By.Date.Format(time.DateOnly)
	if !m.By.Uncommitted() {
		when = "in commit " + m.By.Short() + " on " + m.By.Date.Format(time.DateOnly)
	}
	s := fmt.Sprintf("%s, after %s started on %s", when, p.Period.Value, p.Period.Value.Start().Format(time.DateOnly))
	if m.SetBy.Commit != "" {
		old := num(m.Old)
		if m.Field == history.FieldDirection {
			old = string(history.DirectionOf(m.Old))
		}
		s += fmt.Sprintf(" (%s was set in commit %s on %s)", old, m.SetBy.Short(), m.SetBy.Date.Format(time.DateOnly))
	}
	return s
}
