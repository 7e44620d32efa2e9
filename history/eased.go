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

// Easing is a goalpost moved to make its grade easier after its period started (Eases says
// which moves those are).
type Easing struct {
	// Field is what moved: "target", "start", "threshold", "direction" or "annual target".
	Field    string
	Old, New float64
	// SetBy is the revision that set Old; zero when the history does not say.
	SetBy Revision
	// By is the revision that gave the goalpost the value it has now (Moved.By).
	By Revision
	// Reason is the reason of the "# okr:ignore moved-goalposts <reason>" comment on the line of
	// the value (or of its key result, objective or KPI) in the newest plan; "" when there is
	// none.
	Reason string
}

// The goalposts a grade is measured against, as Easing.Field names them.
const (
	FieldTarget       = "target"
	FieldStart        = "start"
	FieldThreshold    = "threshold"
	FieldDirection    = "direction"
	FieldAnnualTarget = "annual target"
)

// Directions as the values of a "direction" goalpost (DirectionValue).
const (
	upValue   = 1
	downValue = -1
)

// DirectionValue is a direction as the value of a "direction" goalpost; DirectionOf reads it back.
func DirectionValue(d plan.Direction) float64 {
	if d == plan.Down {
		return downValue
	}
	return upValue
}

// DirectionOf is the direction a "direction" goalpost's value stands for.
func DirectionOf(v float64) plan.Direction {
	if v == downValue {
		return plan.Down
	}
	return plan.Up
}

// Eases is the one definition of an eased goalpost: whether moving field from one value to
// another raises the grade the same reading earns, for a metric that should move dir (a key
// result's Direction, a KPI's EffectiveDirection; for a maintain key result, the side of its
// threshold it holds).
//
//   - An outcome key result is graded (current - start) / (target - start). For a metric that
//     should rise, a lower target and a lower start both raise that grade for the same current
//     (a lower start counts more of the current value as progress); for one that should fall,
//     a higher target and a higher start do.
//   - A maintain key result holds current at or above its threshold (up) or at or below it
//     (down): a lower threshold for up, a higher one for down, lets more readings hold the line,
//     and a flipped direction changes which readings do, so it counts either way.
//   - A KPI's target and annual target ease like a key result's target.
//
// Any other field, an unchanged value, or a move the other way is not an easing.
func Eases(field string, dir plan.Direction, from, to float64) bool {
	switch field {
	case FieldTarget, FieldStart, FieldThreshold, FieldAnnualTarget:
		return Easier(from, to, dir != plan.Down)
	case FieldDirection:
		return from != to
	}
	return false
}

// Eased returns the steps (oldest first) that made a value easier than the value before them
// (prev before the first step) with a revision dated on or after start; lower says that a lower
// value is easier. Setting a first value, making it harder, or easing it before start is not an
// easing. This is the one definition of a moved goalpost: lint's moved-goalposts rule and the
// report both ask it.
func Eased(prev plan.Field[float64], steps []Step, lower bool, start time.Time) []Easing {
	return eased(prev, steps, func(from, to float64) bool { return Easier(from, to, lower) }, start)
}

func eased(prev plan.Field[float64], steps []Step, easier func(from, to float64) bool, start time.Time) []Easing {
	var out []Easing
	for _, s := range steps {
		if !s.Present {
			prev = plan.Field[float64]{}
			continue
		}
		if prev.Set && s.Value.Set && easier(prev.Value, s.Value.Value) && !dayOf(s.Date).Before(start) {
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
	// By is the revision that gave the value it has now: on the first-parent line, the commit
	// where that value landed on the branch (gitplan names the commit that authored a merged
	// value instead of the merge, so that a pull request and its merge name the same one). It
	// is dated on or after the period's start.
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
	return movedSince(steps, func(from, to float64) bool { return Easier(from, to, lower) }, start)
}

// movedSince is MovedSince with easier saying which moves ease the value.
func movedSince(steps []Step, easier func(from, to float64) bool, start time.Time) *Moved {
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
	if len(eased(ref, after, easier, start)) == 0 {
		return nil
	}
	by, last := LastSet(append([]Step{{Revision: setBy, Present: true, Value: ref}}, after...))
	if !last.Set || !easier(ref.Value, last.Value) || dayOf(by.Date).Before(start) {
		return nil
	}
	return &Moved{Old: ref.Value, New: last.Value, SetBy: setBy, By: by}
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

// KeyResultEasings returns the goalposts of a key result of a loaded plan eased since its
// period started (KeyResultMoves), over the history of its plan.
func (h *History) KeyResultEasings(repo *plan.Repository, kr *plan.KeyResult) []Easing {
	if kr == nil || kr.Objective == nil || kr.Objective.Plan == nil {
		return nil
	}
	return KeyResultMoves(repo, kr, h.KeyResult(kr))
}

// KeyResultMoves returns the goalposts of a key result of a loaded plan that are easier now
// (Eases) than when its period started (MovedSince), over its versions, oldest first, each
// with the reason its plan records: the target and start of an outcome key result, the
// threshold and direction of a maintain key result. The direction is the one the key result
// has now. Effort key results have no goalposts. A start that now equals the previous period's
// final reading of its KPI (Refreshed, in repo) is a refreshed baseline, not an easing. repo
// may be nil: every easing then counts. Lint's moved-goalposts rule and the report both ask
// this, so they flag the same edits and name the same commits.
func KeyResultMoves(repo *plan.Repository, kr *plan.KeyResult, versions []KeyResultVersion) []Easing {
	if kr == nil || kr.Type.Value == plan.Effort || kr.Objective == nil || kr.Objective.Plan == nil {
		return nil
	}
	p := kr.Objective.Plan
	if len(versions) < 2 || !p.Period.Set {
		return nil
	}
	start := p.Period.Value.Start()
	dir := kr.Direction()
	var out []Easing
	for _, g := range []struct {
		name  string
		field func(*plan.KeyResult) plan.Field[float64]
		line  int32
	}{
		{FieldTarget, func(k *plan.KeyResult) plan.Field[float64] { return k.Target }, kr.Target.Pos.Line},
		{FieldStart, func(k *plan.KeyResult) plan.Field[float64] { return k.Start }, kr.Start.Pos.Line},
		{FieldThreshold, func(k *plan.KeyResult) plan.Field[float64] { return k.Threshold() }, kr.Threshold().Pos.Line},
		{FieldDirection, maintainDirection, kr.HoldDirection().Pos.Line},
	} {
		m := movedSince(KeyResultSteps(versions, g.field), func(from, to float64) bool { return Eases(g.name, dir, from, to) }, start)
		if m == nil || g.name == FieldStart && Refreshed(repo, kr, m.New) {
			continue
		}
		reason := ignoreReason(p, g.line, kr.Pos.Line, kr.Objective.Pos.Line)
		out = append(out, Easing{Field: g.name, Old: m.Old, New: m.New, SetBy: m.SetBy, By: m.By, Reason: reason})
	}
	slices.SortStableFunc(out, func(a, b Easing) int { return a.By.Date.Compare(b.By.Date) })
	return out
}

// maintainDirection is the direction of a maintain key result as a goalpost (DirectionValue);
// unset for the other types.
func maintainDirection(k *plan.KeyResult) plan.Field[float64] {
	if k.Type.Value != plan.Maintain {
		return plan.Field[float64]{}
	}
	return plan.Field[float64]{Value: DirectionValue(k.Direction()), Set: true, Pos: k.HoldDirection().Pos}
}

// KPIEasings returns the target and annual target of a KPI of a loaded plan eased since its
// period started (KPIMoves), over the history of its plan.
func (h *History) KPIEasings(k *plan.KPI) []Easing {
	if k == nil || k.Plan == nil {
		return nil
	}
	return KPIMoves(k, h.KPI(k))
}

// KPIMoves returns the target and annual target of a KPI of a loaded plan that are easier now
// (Eases, in the KPI's direction) than when its period started (MovedSince), over its
// versions, oldest first, each with the reason its plan records.
func KPIMoves(k *plan.KPI, versions []KPIVersion) []Easing {
	if k == nil || k.Plan == nil || !k.Plan.Period.Set || len(versions) < 2 {
		return nil
	}
	dir := k.EffectiveDirection()
	start := k.Plan.Period.Value.Start()
	var out []Easing
	for _, g := range []struct {
		name  string
		field func(*plan.KPI) plan.Field[float64]
		line  int32
	}{
		{FieldTarget, func(k *plan.KPI) plan.Field[float64] { return k.Target }, k.Target.Pos.Line},
		{FieldAnnualTarget, func(k *plan.KPI) plan.Field[float64] { return k.AnnualTarget }, k.AnnualTarget.Pos.Line},
	} {
		m := movedSince(KPISteps(versions, g.field), func(from, to float64) bool { return Eases(g.name, dir, from, to) }, start)
		if m == nil {
			continue
		}
		reason := ignoreReason(k.Plan, g.line, k.Pos.Line)
		out = append(out, Easing{Field: g.name, Old: m.Old, New: m.New, SetBy: m.SetBy, By: m.By, Reason: reason})
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
