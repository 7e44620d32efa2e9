package history

import (
	"math"
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

// Moved is a goalpost easier now than when its period started (MovedSince).
type Moved struct {
	// Old is the value when the period started (or, for a key result or KPI added later, the
	// value it was first given); New is the newest value.
	Old, New float64
	// SetBy is the revision that set Old; zero when the history does not say.
	SetBy Revision
	// By is the last revision that eased the value after the period started.
	By Revision
}

// MovedSince compares the newest value of steps (oldest first, in the order of the first-parent
// line) with the value in effect when the period began on start: that of the last step dated
// before start, as the plan stood on the eve of its period. When the key result or KPI did not
// exist then, or was removed and added back since, the value it was (re)created with stands
// instead. The goalpost moved when the newest value is easier than that one (lower when lower
// is easier) and a step dated on or after start eased it (Eased); nil otherwise. The answer
// depends on the history up to the newest version only, not on where a pull request branched,
// so every later change to the plan gets the same one.
func MovedSince(steps []Step, lower bool, start time.Time) *Moved {
	eve := 0 // steps[:eve] are those up to the last one dated before start
	for i, s := range steps {
		if dayOf(s.Date).Before(start) {
			eve = i + 1
		}
	}
	setBy, ref := LastSet(steps[:eve])
	after := steps[eve:]
	for i := len(after) - 1; i >= 0; i-- {
		if !after[i].Present {
			setBy, ref, after = Revision{}, plan.Field[float64]{}, after[i+1:]
			break
		}
	}
	if !ref.Set {
		for i, s := range after {
			if s.Value.Set {
				setBy, ref, after = s.Revision, s.Value, after[i+1:]
				break
			}
		}
	}
	if !ref.Set {
		return nil
	}
	moves := Eased(ref, after, lower, start)
	if len(moves) == 0 {
		return nil
	}
	last := ref
	for _, s := range after {
		last = s.Value
	}
	if !last.Set || !Easier(ref.Value, last.Value, lower) {
		return nil
	}
	return &Moved{Old: ref.Value, New: last.Value, SetBy: setBy, By: moves[len(moves)-1].By}
}

// PreviousReading is the value a key result's start may be set to after its period started
// without moving a goalpost: the final reading of the KPI it measures in the period before —
// the previous quarter's plan of its scope for a quarter (plan.KPI.Reading), the previous
// year's quarters for a year (plan.Repository.QuarterReading), else that year's own plan.
// Drafting a plan from the numbers so far and setting its start to the final figure once the
// previous quarter closes is what the kpi-baseline rule asks for. ok is false when the key
// result measures no KPI or the period before has no reading of it.
func PreviousReading(repo *plan.Repository, kr *plan.KeyResult) (value float64, ok bool) {
	if repo == nil || kr == nil || !kr.KPI.Set || kr.Objective == nil || kr.Objective.Plan == nil {
		return 0, false
	}
	p := kr.Objective.Plan
	if !p.Period.Set || !p.Scope.Set {
		return 0, false
	}
	id := kr.KPI.Value
	if p.Period.Value.IsQuarter() {
		if prev := repo.PrevQuarter(p); prev != nil && prev.KPI(id) != nil {
			return prev.KPI(id).Reading()
		}
		return 0, false
	}
	year := p.Period.Value.Year - 1
	if v, _, ok := repo.QuarterReading(p.Scope.Value, year, id, time.Time{}); ok {
		return v, true
	}
	if prev := repo.Plan(p.Scope.Value, plan.Period{Year: year}); prev != nil && prev.KPI(id) != nil {
		return prev.KPI(id).Reading()
	}
	return 0, false
}

// Refreshed reports whether a start value is the previous period's final reading of the KPI
// its key result measures (PreviousReading): a refreshed baseline, not a moved goalpost.
func Refreshed(repo *plan.Repository, kr *plan.KeyResult, start float64) bool {
	v, ok := PreviousReading(repo, kr)
	return ok && sameNumber(v, start)
}

// sameNumber compares two numbers read from plans, allowing for floating-point noise.
func sameNumber(a, b float64) bool {
	return a == b || math.Abs(a-b) <= 1e-9*math.Max(math.Abs(a), math.Abs(b))
}

// KeyResultSteps returns the versions of a key result as the values of one of its fields.
func KeyResultSteps(versions []KeyResultVersion, field func(*plan.KeyResult) plan.Field[float64]) []Step {
	out := make([]Step, len(versions))
	for i, v := range versions {
		out[i] = Step{Revision: v.Revision, Present: v.KeyResult != nil}
		if v.KeyResult != nil {
			out[i].Value = field(v.KeyResult)
		}
	}
	return out
}

// KPISteps returns the versions of a KPI as the values of one of its fields.
func KPISteps(versions []KPIVersion, field func(*plan.KPI) plan.Field[float64]) []Step {
	out := make([]Step, len(versions))
	for i, v := range versions {
		out[i] = Step{Revision: v.Revision, Present: v.KPI != nil}
		if v.KPI != nil {
			out[i].Value = field(v.KPI)
		}
	}
	return out
}

// KeyResultEasings returns the target and start of a key result of a loaded plan eased after
// its period started, over the history of its plan, oldest first, each with the reason its plan
// records. The key result's direction is the one it has now. Effort key results have no
// goalposts. A start set to the previous period's final reading of its KPI (Refreshed, in repo)
// is a refreshed baseline, not an easing; nor is any easing of a start that now equals that
// reading. repo may be nil: every easing then counts.
func (h *History) KeyResultEasings(repo *plan.Repository, kr *plan.KeyResult) []Easing {
	if kr == nil || kr.Type.Value == plan.Effort || kr.Objective == nil || kr.Objective.Plan == nil {
		return nil
	}
	p := kr.Objective.Plan
	versions := h.KeyResult(kr)
	if len(versions) < 2 || !p.Period.Set {
		return nil
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
		refresh := g.name == "start"
		if refresh && kr.Start.Set && Refreshed(repo, kr, kr.Start.Value) {
			continue
		}
		reason := ignoreReason(p, g.line, kr.Pos.Line, kr.Objective.Pos.Line)
		for _, e := range Eased(plan.Field[float64]{}, KeyResultSteps(versions, g.field), g.lower, start) {
			if refresh && Refreshed(repo, kr, e.New) {
				continue
			}
			e.Field, e.Reason = g.name, reason
			out = append(out, e)
		}
	}
	slices.SortStableFunc(out, func(a, b Easing) int { return a.By.Date.Compare(b.By.Date) })
	return out
}

// KPIEasings returns the target and annual target of a KPI of a loaded plan eased after its
// period started, over the history of its plan, oldest first, each with the reason its
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
		reason := ignoreReason(k.Plan, g.line, k.Pos.Line)
		for _, e := range Eased(plan.Field[float64]{}, KPISteps(versions, g.field), up, start) {
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
