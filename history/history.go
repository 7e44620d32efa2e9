// Package history holds the past of a plan repository: for every key result and KPI, the
// version each commit that changed it left behind, with the commit and its date. The git layer
// (package gitplan) fills it; lint and report read it without knowing about git.
package history

import (
	"time"

	"github.com/okr-tool/okr/plan"
)

// Revision is a point in a plan repository's history: a commit, or the uncommitted changes in
// the work tree.
type Revision struct {
	// Commit is the full commit hash; "" for uncommitted changes.
	Commit string
	// Date is the commit's date (the committer date, in UTC); for uncommitted changes, the day
	// okr ran.
	Date time.Time
	// Pending is true for revisions after the base revision of a pull request: they are part of
	// the change under review.
	Pending bool
}

// Uncommitted reports whether the revision stands for changes not committed yet.
func (r Revision) Uncommitted() bool { return r.Commit == "" }

// Short names the revision for people: the commit abbreviated to seven characters, or
// "uncommitted".
func (r Revision) Short() string {
	if r.Commit == "" {
		return "uncommitted"
	}
	if len(r.Commit) > 7 {
		return r.Commit[:7]
	}
	return r.Commit
}

// KeyResultVersion is a key result as one revision left it.
type KeyResultVersion struct {
	Revision
	// KeyResult is a copy of the key result detached from its plan (its Objective is nil); nil
	// when the revision removed the key result.
	KeyResult *plan.KeyResult
}

// KPIVersion is a KPI as one revision left it.
type KPIVersion struct {
	Revision
	// KPI is a copy of the KPI detached from its plan (its Plan is nil); nil when the revision
	// removed the KPI.
	KPI *plan.KPI
	// Value is the KPI's reading in that revision: the current value of the outcome key result
	// linked to it, else its actual; nil when it had none.
	Value *float64
}

// History is the past of the plans of a repository, by file.
type History struct {
	// Plans holds each plan file's history by its path at the newest revision (relative to
	// the plan repository root).
	Plans map[string]*Plan
	// Base is the commit a pull request is compared with; "" outside pull-request mode.
	Base string
	// AtBase holds, in pull-request mode, the plans as they were at Base, by scope and period, so
	// that a plan moved to another file (committed or not) is still compared with its old self.
	AtBase map[plan.PlanKey]*BasePlan
	// Shallow is true when the history was cut short by a shallow clone; Since is then the
	// date of the oldest commit it reaches.
	Shallow bool
	Since   time.Time
}

// BasePlan is a plan as it was at the base of a pull request.
type BasePlan struct {
	// Plan is the plan as loaded at Base, linked in the repository of that revision.
	Plan *plan.Plan
	// History is the history of its file on the first-parent line that ends at Base, which
	// says which commit set each value; nil when unknown.
	History *Plan
}

// New returns an empty history.
func New() *History { return &History{Plans: map[string]*Plan{}, AtBase: map[plan.PlanKey]*BasePlan{}} }

// Before returns the version at Base of a plan of the newest revision, matched by scope and
// period; nil outside pull-request mode or when the plan did not exist at Base.
func (h *History) Before(p *plan.Plan) *BasePlan {
	if h == nil || p == nil || !p.Scope.Set || !p.Period.Set {
		return nil
	}
	return h.AtBase[p.Key()]
}

// Plan returns the history of a plan file, or nil when there is none.
func (h *History) Plan(file string) *Plan {
	if h == nil {
		return nil
	}
	return h.Plans[file]
}

// KeyResult returns the versions of a key result of a loaded plan, oldest first, or nil when its
// plan has no history.
func (h *History) KeyResult(kr *plan.KeyResult) []KeyResultVersion {
	if kr == nil || kr.Objective == nil || kr.Objective.Plan == nil {
		return nil
	}
	if ph := h.Plan(kr.Objective.Plan.File); ph != nil {
		return ph.KeyResults[kr.ID.Value]
	}
	return nil
}

// KPI returns the versions of a KPI of a loaded plan, oldest first, or nil when its plan has no
// history.
func (h *History) KPI(k *plan.KPI) []KPIVersion {
	if k == nil || k.Plan == nil {
		return nil
	}
	if ph := h.Plan(k.Plan.File); ph != nil {
		return ph.KPIs[k.ID.Value]
	}
	return nil
}

// Plan is the history of one plan file.
type Plan struct {
	// File is the file's path at the newest revision.
	File string
	// Revisions are the revisions that changed the file, oldest first.
	Revisions []Revision
	// KeyResults holds, by key result id, a version for every revision that changed one of the
	// key result's values (type, start, target, current, progress, done, score, weight, kpi,
	// due), oldest first.
	KeyResults map[string][]KeyResultVersion
	// KPIs holds, by KPI id, a version for every revision that changed one of the KPI's values
	// (its reading, target, annual target, direction, frequency or retirement), oldest first.
	KPIs map[string][]KPIVersion
}

// NewPlan starts the history of a plan file.
func NewPlan(file string) *Plan {
	return &Plan{File: file, KeyResults: map[string][]KeyResultVersion{}, KPIs: map[string][]KPIVersion{}}
}

// Add records the plan as a revision left it. Revisions are added oldest first. A nil plan (the
// file could not be read at that revision) records the revision and changes nothing else.
func (h *Plan) Add(rev Revision, p *plan.Plan) {
	h.Revisions = append(h.Revisions, rev)
	if p == nil {
		return
	}
	seen := map[string]bool{}
	for _, kr := range p.KeyResults() {
		id := kr.ID.Value
		if !kr.ID.Set || seen[id] {
			continue // an unusable or duplicate id: the plan's own problem, reported by lint
		}
		seen[id] = true
		versions := h.KeyResults[id]
		if n := len(versions); n > 0 && versions[n-1].KeyResult != nil && sameKeyResult(versions[n-1].KeyResult, kr) {
			continue
		}
		c := *kr
		c.Objective = nil
		h.KeyResults[id] = append(versions, KeyResultVersion{Revision: rev, KeyResult: &c})
	}
	for id, versions := range h.KeyResults {
		if n := len(versions); !seen[id] && versions[n-1].KeyResult != nil {
			h.KeyResults[id] = append(versions, KeyResultVersion{Revision: rev})
		}
	}

	seen = map[string]bool{}
	for _, k := range p.KPIs {
		id := k.ID.Value
		if !k.ID.Set || seen[id] {
			continue
		}
		seen[id] = true
		value := Reading(p, k)
		versions := h.KPIs[id]
		if n := len(versions); n > 0 && versions[n-1].KPI != nil && sameKPI(versions[n-1], k, value) {
			continue
		}
		c := *k
		c.Plan = nil
		h.KPIs[id] = append(versions, KPIVersion{Revision: rev, KPI: &c, Value: value})
	}
	for id, versions := range h.KPIs {
		if n := len(versions); !seen[id] && versions[n-1].KPI != nil {
			h.KPIs[id] = append(versions, KPIVersion{Revision: rev})
		}
	}
}

// Reading is the KPI's reading in plan p (plan.KPI.Reading) as a pointer, nil when it has none:
// the form a KPIVersion keeps it in.
func Reading(p *plan.Plan, k *plan.KPI) *float64 {
	if k.Plan != p {
		c := *k
		c.Plan = p
		k = &c
	}
	if v, ok := k.Reading(); ok {
		return &v
	}
	return nil
}

func sameKeyResult(a, b *plan.KeyResult) bool {
	return same(a.Type, b.Type) && same(a.Start, b.Start) && same(a.Target, b.Target) &&
		same(a.Threshold(), b.Threshold()) && same(a.HoldDirection(), b.HoldDirection()) && same(a.Current, b.Current) && same(a.Progress, b.Progress) && same(a.Done, b.Done) &&
		same(a.Score, b.Score) && same(a.Weight, b.Weight) && same(a.KPI, b.KPI) &&
		a.Due.Set == b.Due.Set && a.Due.Value.Equal(b.Due.Value)
}

func sameKPI(v KPIVersion, k *plan.KPI, value *float64) bool {
	a := v.KPI
	return sameValue(v.Value, value) && same(a.Target, k.Target) && same(a.AnnualTarget, k.AnnualTarget) &&
		same(a.Actual, k.Actual) && same(a.Direction, k.Direction) && same(a.Frequency, k.Frequency) &&
		same(a.Retired, k.Retired)
}

// same compares two fields by what they say, not where they were written.
func same[T comparable](a, b plan.Field[T]) bool {
	return a.Set == b.Set && a.Value == b.Value
}

func sameValue(a, b *float64) bool {
	if a == nil || b == nil {
		return a == b
	}
	return *a == *b
}
