// Package plan reads OKR plan files: it discovers them, decodes them from YAML with the source
// position of every value, checks them against the plan format, and links them into a Repository.
package plan

import (
	"slices"
	"time"
)

// Pos is a position in a source file. Line and Col are 1-based; the zero Pos means "unknown".
// They are int32 because a loaded repository holds two positions for every value: halving them
// takes a quarter off the memory of a large repository.
type Pos struct {
	Line int32
	Col  int32
}

// At returns the position of line and col as the YAML library counts them.
func At(line, col int) Pos { return Pos{Line: int32(line), Col: int32(col)} }

// IsZero reports whether the position is unknown.
func (p Pos) IsZero() bool { return p.Line == 0 }

// Before reports whether p comes before q in a file.
func (p Pos) Before(q Pos) bool {
	return p.Line < q.Line || (p.Line == q.Line && p.Col < q.Col)
}

// Field is one value of a plan together with where it was written. Set is false when the key was
// absent (or its value could not be decoded), in which case Value is the zero value or a default.
type Field[T any] struct {
	Value T
	Set   bool
	Key   Pos // position of the key, e.g. "target" in "target: 75"
	Pos   Pos // position of the value
}

// Level is the organisational level a plan belongs to.
type Level string

// The levels of Ivor Colson's "OKRs vs KPIs: Which should you use?": company, team and
// individual plans.
const (
	LevelCompany    Level = "company"
	LevelTeam       Level = "team"
	LevelIndividual Level = "individual"
)

// Levels lists the valid levels from the top of the organisation down.
var Levels = []Level{LevelCompany, LevelTeam, LevelIndividual}

// Rank orders levels: 0 for company, 1 for team, 2 for individual, -1 when unknown.
func (l Level) Rank() int { return slices.Index(Levels, l) }

// Below reports whether l sits below other in the organisation; an unknown level sits below
// every known one, so that plans of a misspelt level sort last and never count as a parent.
func (l Level) Below(other Level) bool { return sortRank(l) > sortRank(other) }

// CompareLevels orders levels from the top down, unknown levels last: for sorting plans.
func CompareLevels(a, b Level) int { return sortRank(a) - sortRank(b) }

func sortRank(l Level) int {
	if r := l.Rank(); r >= 0 {
		return r
	}
	return len(Levels)
}

// Names returns the names of values, in their order: the list a message offers to choose from.
func Names[T ~string](values []T) []string {
	names := make([]string, len(values))
	for i, v := range values {
		names[i] = string(v)
	}
	return names
}

// KRType tells outcome-based key results (a measured number to move) and maintain key results (a
// measured number to hold at a level) from effort-based ones (a deliverable).
type KRType string

// Key result types.
const (
	Outcome  KRType = "outcome"
	Effort   KRType = "effort"
	Maintain KRType = "maintain"
)

// KRTypes lists the valid key result types.
var KRTypes = []KRType{Outcome, Effort, Maintain}

// Measured reports whether key results of the type are measured by a number, current: outcome
// and maintain key results are, effort ones are not.
func (t KRType) Measured() bool { return t != Effort }

// Direction says whether a metric should go up or down.
type Direction string

// Directions of a metric.
const (
	Up   Direction = "up"
	Down Direction = "down"
)

// Frequency is how often a KPI is reported.
type Frequency string

// Reporting frequencies, from most to least frequent.
const (
	Daily     Frequency = "daily"
	Weekly    Frequency = "weekly"
	Monthly   Frequency = "monthly"
	Quarterly Frequency = "quarterly"
	Yearly    Frequency = "yearly"
)

// Frequencies lists the valid frequencies from most to least frequent.
var Frequencies = []Frequency{Daily, Weekly, Monthly, Quarterly, Yearly}

// Days is the longest gap between two reports that the frequency allows.
func (f Frequency) Days() int {
	switch f {
	case Daily:
		return 1
	case Weekly:
		return 7
	case Monthly:
		return 31
	case Quarterly:
		return 92
	case Yearly:
		return 366
	}
	return 0
}

// Rank orders frequencies: 0 for daily up to 4 for yearly, -1 when unknown.
func (f Frequency) Rank() int { return slices.Index(Frequencies, f) }

// Plan is one plan file: the objectives and KPIs of one scope for one period.
type Plan struct {
	File string // path of the file relative to the repository root, with forward slashes

	Period Field[Period]
	Scope  Field[string]
	Level  Field[Level] // Set is false when the level was derived from the scope
	Parent Field[string]
	Owner  Field[string]
	// GradeScale is the scale of the plan's hand-written score and progress values: 1 (the
	// default, 0.4 means 40%) or 100 (40 means 40%). Set is false when not written.
	GradeScale Field[float64]

	KPIsKey       Pos // position of the "kpis" key; zero when the plan has none
	KPIs          []*KPI
	ObjectivesKey Pos
	Objectives    []*Objective

	// Suppressions are the "# okr:ignore" comments of the file, in line order.
	Suppressions []Suppression
}

// GradeMax is the value that stands for a full grade in the plan's score and progress values: its
// grade_scale (1 or 100), else 1.
func (p *Plan) GradeMax() float64 {
	if p != nil && p.GradeScale.Set && p.GradeScale.Value > 0 {
		return p.GradeScale.Value
	}
	return 1
}

// Key identifies a plan in a repository.
func (p *Plan) Key() PlanKey { return PlanKey{Scope: p.Scope.Value, Period: p.Period.Value} }

// KPI returns the plan's KPI with the given id, or nil.
func (p *Plan) KPI(id string) *KPI {
	for _, k := range p.KPIs {
		if k.ID.Value == id {
			return k
		}
	}
	return nil
}

// Objective returns the plan's objective with the given id, or nil.
func (p *Plan) Objective(id string) *Objective {
	for _, o := range p.Objectives {
		if o.ID.Value == id {
			return o
		}
	}
	return nil
}

// KeyResults returns every key result of the plan in file order.
func (p *Plan) KeyResults() []*KeyResult {
	var krs []*KeyResult
	for _, o := range p.Objectives {
		krs = append(krs, o.KeyResults...)
	}
	return krs
}

// LinkedKeyResult returns the first key result of the plan that names the KPI id in its "kpi"
// field, or nil.
func (p *Plan) LinkedKeyResult(kpiID string) *KeyResult {
	for _, o := range p.Objectives {
		for _, kr := range o.KeyResults {
			if kr.KPI.Set && kr.KPI.Value == kpiID {
				return kr
			}
		}
	}
	return nil
}

// PlanKey is the (scope, period) pair that identifies a plan.
type PlanKey struct {
	Scope  string
	Period Period
}

// KPI is a key performance indicator of a plan.
type KPI struct {
	Plan *Plan
	Pos  Pos // position of the list item

	ID           Field[string]
	Name         Field[string]
	Unit         Field[string]
	Direction    Field[Direction] // Set is false when the direction was inferred or defaulted
	Source       Field[string]
	Frequency    Field[Frequency]
	AnnualTarget Field[float64]
	Target       Field[float64]
	Actual       Field[float64]
	Retired      Field[string]
}

// Live reports whether the KPI is tracked in its plan, i.e. not retired.
func (k *KPI) Live() bool { return !k.Retired.Set }

// Objective is an objective of a plan with its key results.
type Objective struct {
	Plan *Plan
	Pos  Pos // position of the list item

	ID       Field[string]
	Title    Field[string]
	Owner    Field[string]
	AlignsTo Field[string] // "<scope>/<objective id>"

	KeyResultsKey Pos // position of the "key_results" key; zero when absent
	KeyResults    []*KeyResult
}

// KeyResult is a key result of an objective.
type KeyResult struct {
	Objective *Objective
	Pos       Pos // position of the list item

	ID    Field[string]
	Title Field[string]
	// Owner is who owns the key result; nil unless the plan writes one. A pointer, like Hold, so
	// that the many key results without an owner do not carry the room. Read it with OwnerName.
	Owner  *Field[string]
	Type   Field[KRType] // Set is false when it defaulted to outcome
	Unit   Field[string]
	Weight Field[float64] // Value is 1 when not set
	Score  Field[float64] // a manual grade that overrides the computed score, on the plan's GradeScale

	// Outcome key results.
	Start  Field[float64]
	Target Field[float64]

	// Maintain key results: hold current at or above (direction up) or at or below (down) the
	// threshold. Nil unless the key result writes threshold or direction: a pointer, so that the
	// other key results, most of them, do not carry the room (a large repository holds tens of
	// thousands of key results). Read it with Threshold and HoldDirection.
	Hold *Hold

	// Outcome and maintain key results.
	Current Field[float64]
	KPI     Field[string] // id of the KPI this key result also is

	// Effort key results.
	Due      Field[time.Time]
	Progress Field[float64] // a share, on the plan's GradeScale
	Done     Field[bool]

	// Check-in notes.
	Confidence Field[float64] // the owner's confidence of reaching the target, 0..1
	Note       Field[string]  // a short remark from the latest check-in
}

// Hold is what a maintain key result holds: a threshold, and the side of it that is good.
type Hold struct {
	Threshold Field[float64]
	Direction Field[Direction] // Set is false when the direction was not written
}

// Threshold is the level a maintain key result holds; Set is false when it has none.
func (kr *KeyResult) Threshold() Field[float64] {
	if kr.Hold == nil {
		return Field[float64]{}
	}
	return kr.Hold.Threshold
}

// HoldDirection is the side of its threshold a maintain key result holds, as written: up for at
// or above, down for at or below; Set is false when it was not written (Direction then falls
// back to the KPI's).
func (kr *KeyResult) HoldDirection() Field[Direction] {
	if kr.Hold == nil {
		return Field[Direction]{}
	}
	return kr.Hold.Direction
}

// OwnerName is who owns the key result, "" when the plan names none.
func (kr *KeyResult) OwnerName() string {
	if kr.Owner == nil {
		return ""
	}
	return kr.Owner.Value
}

// Goal is the value the key result aims at: its target, or the threshold of a maintain key
// result. Set is false for effort key results and when the value is missing.
func (kr *KeyResult) Goal() Field[float64] {
	switch kr.Type.Value {
	case Effort:
		return Field[float64]{}
	case Maintain:
		return kr.Threshold()
	}
	return kr.Target
}

// ImpliedDirection is the direction the key result itself states for its metric: for an outcome,
// down when its target is below its start and up when above; for a maintain key result, its
// written direction. ok is false when it states none (an effort key result, a missing value, or
// start equal to target).
func (kr *KeyResult) ImpliedDirection() (dir Direction, ok bool) {
	switch kr.Type.Value {
	case Effort:
		return "", false
	case Maintain:
		d := kr.HoldDirection()
		return d.Value, d.Set
	}
	if kr.Start.Set && kr.Target.Set && kr.Target.Value != kr.Start.Value {
		if kr.Target.Value < kr.Start.Value {
			return Down, true
		}
		return Up, true
	}
	return "", false
}

// Direction is the way the key result's metric should move (or, for a maintain key result, the
// side of the threshold it should stay on): ImpliedDirection when it states one, else the
// stated direction of the KPI the key result measures, else up.
func (kr *KeyResult) Direction() Direction {
	if d, ok := kr.ImpliedDirection(); ok {
		return d
	}
	if kr.KPI.Set && kr.Objective != nil && kr.Objective.Plan != nil {
		if k := kr.Objective.Plan.KPI(kr.KPI.Value); k != nil && k.Direction.Set {
			return k.Direction.Value
		}
	}
	return Up
}

// Suppression is one "# okr:ignore RULE[,RULE] reason" comment.
type Suppression struct {
	Pos    Pos      // position of the comment's "#"
	Rules  []string // rule IDs, as written
	Reason string   // free text after the rule list; empty when none was given
	// OwnLine is true when the comment stands alone on its line, so it applies to the next line.
	OwnLine bool
}
