package history

import (
	"slices"
	"time"

	"github.com/okr-tool/okr/plan"
)

// Step is one version of a value in a history: the revision that left it and the value, with
// Present false when that revision removed the key result or KPI that holds it.
type Step struct {
	Revision
	Present bool
	Value   plan.Field[float64]
}

// Easing is a goalpost moved to make it easier after its period started: a target lowered on a
// metric that should rise (raised on one that should fall), or a start moved toward its target.
type Easing struct {
	// Field is what moved: "target", "start" or "annual target".
	Field    string
	Old, New float64
	// By is the revision that eased it.
	By Revision
	// Reason is the reason of the "# okr:ignore moved-goalposts <reason>" comment on the line of
	// the value (or of its key result, objective or KPI) in the newest plan; "" when there is
	// none.
	Reason string
}

// Eased returns the steps (oldest first) that made a value easier than the value before them
// (prev before the first step) with a revision dated on or after start; lower says that a lower
// value is easier. Setting a first value, making it harder, or easing it before start is not an
// easing. This is the one definition of a moved goalpost: lint's moved-goalposts rule and the
// report both ask it.
func Eased(prev plan.Field[float64], steps []Step, lower bool, start time.Time) []Easing {
	var out []Easing
	for _, s := range steps {
		if !s.Present {
			prev = plan.Field[float64]{}
			continue
		}
		if prev.Set && s.Value.Set && Easier(prev.Value, s.Value.Value, lower) && !dayOf(s.Date).Before(start) {
			out = append(out, Easing{Old: prev.Value, New: s.Value.Value, By: s.Revision})
		}
		prev = s.Value
	}
	return out
}

// Easier reports whether to is an easier value than from: lower when lower is easier, else higher.
func Easier(from, to float64, lower bool) bool {
	if lower {
		return to < from
	}
	return to > from
}

// LastSet returns the newest value of steps and the revision that set it; the value is unset
// when the last step removed its key result or KPI, or never set it.
func LastSet(steps []Step) (Revision, plan.Field[float64]) {
	var rev Revision
	var prev plan.Field[float64]
	for _, s := range steps {
		if !s.Present {
			prev = plan.Field[float64]{}
			continue
		}
		if s.Value.Set && (!prev.Set || prev.Value != s.Value.Value) {
			rev = s.Revision
		}
		prev = s.Value
	}
	if !prev.Set {
		return Revision{}, prev
	}
	return rev, prev
}

// KeyResultEasings returns the target and start of a key result of a loaded plan eased after
// its period started, over the whole history of its plan, oldest first, each with the reason
// its plan records. The key result's direction is the one it has now. Effort key results have
// no goalposts.
func (h *History) KeyResultEasings(kr *plan.KeyResult) []Easing {
	if kr == nil || kr.Type.Value == plan.Effort || kr.Objective == nil || kr.Objective.Plan == nil {
		return nil
	}
	p := kr.Objective.Plan
	versions := h.KeyResult(kr)
	if len(versions) < 2 || !p.Period.Set {
		return nil
	}
	steps := func(field func(*plan.KeyResult) plan.Field[float64]) []Step {
		out := make([]Step, len(versions))
		for i, v := range versions {
			out[i] = Step{Revision: v.Revision, Present: v.KeyResult != nil}
			if v.KeyResult != nil {
				out[i].Value = field(v.KeyResult)
			}
		}
		return out
	}
	start := p.Period.Value.Start()
	up := kr.Direction() == plan.Up
	var out []Easing
	for _, g := range []struct {
		name  string
		field func(*plan.KeyResult) plan.Field[float64]
		lower bool
		line  int32
	}{
		{"target", func(k *plan.KeyResult) plan.Field[float64] { return k.Target }, up, kr.Target.Pos.Line},
		{"start", func(k *plan.KeyResult) plan.Field[float64] { return k.Start }, !up, kr.Start.Pos.Line},
	} {
		reason := ignoreReason(p, g.line, kr.Pos.Line, kr.Objective.Pos.Line)
		for _, e := range Eased(plan.Field[float64]{}, steps(g.field), g.lower, start) {
			e.Field, e.Reason = g.name, reason
			out = append(out, e)
		}
	}
	slices.SortStableFunc(out, func(a, b Easing) int { return a.By.Date.Compare(b.By.Date) })
	return out
}

// KPIEasings returns the target and annual target of a KPI of a loaded plan eased after its
// period started, over the whole history of its plan, oldest first, each with the reason its
// plan records.
func (h *History) KPIEasings(k *plan.KPI) []Easing {
	if k == nil || k.Plan == nil || !k.Plan.Period.Set {
		return nil
	}
	versions := h.KPI(k)
	if len(versions) < 2 {
		return nil
	}
	up := k.EffectiveDirection() != plan.Down
	start := k.Plan.Period.Value.Start()
	var out []Easing
	for _, g := range []struct {
		name  string
		field func(*plan.KPI) plan.Field[float64]
		line  int32
	}{
		{"target", func(k *plan.KPI) plan.Field[float64] { return k.Target }, k.Target.Pos.Line},
		{"annual target", func(k *plan.KPI) plan.Field[float64] { return k.AnnualTarget }, k.AnnualTarget.Pos.Line},
	} {
		steps := make([]Step, len(versions))
		for i, v := range versions {
			steps[i] = Step{Revision: v.Revision, Present: v.KPI != nil}
			if v.KPI != nil {
				steps[i].Value = g.field(v.KPI)
			}
		}
		reason := ignoreReason(k.Plan, g.line, k.Pos.Line)
		for _, e := range Eased(plan.Field[float64]{}, steps, up, start) {
			e.Field, e.Reason = g.name, reason
			out = append(out, e)
		}
	}
	slices.SortStableFunc(out, func(a, b Easing) int { return a.By.Date.Compare(b.By.Date) })
	return out
}

// MovedGoalposts is the rule whose suppression records why a goalpost moved.
const MovedGoalposts = "moved-goalposts"

// ignoreReason returns the reason of the first "# okr:ignore moved-goalposts" comment of p that
// applies to one of the lines, in the order given: a comment after a value applies to its own
// line, one alone on its line to the next line that is not such a comment. Lines that are 0
// are passed over.
func ignoreReason(p *plan.Plan, lines ...int32) string {
	alone := map[int32]bool{}
	for _, s := range p.Suppressions {
		if s.OwnLine {
			alone[s.Pos.Line] = true
		}
	}
	applies := map[int32]string{}
	for _, s := range p.Suppressions {
		if !slices.Contains(s.Rules, MovedGoalposts) {
			continue
		}
		line := s.Pos.Line
		if s.OwnLine {
			line++
			for alone[line] {
				line++
			}
		}
		if _, ok := applies[line]; !ok {
			applies[line] = s.Reason
		}
	}
	for _, l := range lines {
		if r, ok := applies[l]; ok && l != 0 {
			return r
		}
	}
	return ""
}
