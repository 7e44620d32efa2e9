// Package plandiff says what a change does to a plan repository: which plans, objectives, key
// results and KPIs were added, removed or changed between two versions, with the change of
// every score and KPI reading. Plans are matched by scope and period, so a moved file is the same
// plan; objectives, key results and KPIs by id within their plan.
package plandiff

import (
	"cmp"
	"math"
	"slices"
	"strings"
	"time"

	"github.com/okr-tool/okr/history"
	"github.com/okr-tool/okr/plan"
	"github.com/okr-tool/okr/report"
)

// Kind says what happened to an item.
type Kind string

// What can happen to an item.
const (
	Added   Kind = "added"
	Removed Kind = "removed"
	Changed Kind = "changed"
	// Unreadable is a plan one version of which could not be read (Plan.Problem says why), so
	// the diff cannot say what changed.
	Unreadable Kind = "unreadable"
)

// Diff is the difference between two versions of a plan repository.
type Diff struct {
	// Base and Head name the two versions for people: a commit, a revision or "work tree".
	Base, Head string
	// Plans are the plans added, removed or changed, by period, then scope.
	Plans []*Plan
}

// Count returns how many plans were added, removed and changed; Unreadable counts the plans
// that could not be read.
func (d *Diff) Count() (added, removed, changed int) {
	for _, p := range d.Plans {
		switch p.Kind {
		case Added:
			added++
		case Removed:
			removed++
		case Changed:
			changed++
		}
	}
	return added, removed, changed
}

// Unreadable returns how many plans could not be read in one of the versions.
func (d *Diff) Unreadable() int {
	n := 0
	for _, p := range d.Plans {
		if p.Kind == Unreadable {
			n++
		}
	}
	return n
}

// Score is a score before and after; Old or New is nil when the item did not exist then or had
// no measurement.
type Score struct {
	Old, New *float64
}

// Delta is New − Old, or nil when either is missing.
func (s Score) Delta() *float64 { return delta(s.Old, s.New) }

// Changed reports whether the score moved (or appeared, or went away).
func (s Score) Changed() bool {
	if s.Old == nil || s.New == nil {
		return s.Old != s.New
	}
	return *s.Old != *s.New
}

// Field is one value that changed, written as in the plan ("" when absent).
type Field struct {
	Name     string
	Old, New string
	// Delta is New − Old when both are numbers.
	Delta *float64
	// OldProblem and NewProblem say why a value present in the file could not be read in that
	// version (`current: "62%"`): the problem loading the plan reported. Old or New is then "".
	OldProblem, NewProblem string
}

// Plan is a plan added, removed or changed.
type Plan struct {
	Kind   Kind
	Scope  string
	Period plan.Period
	// File is the plan's file in the head version (in the base version when it was removed);
	// OldFile is its file in the base version when the plan moved to another file.
	File, OldFile string
	Score         Score
	Fields        []Field // level, parent, owner
	Objectives    []*Objective
	KPIs          []*KPI
	// Problem says, for a plan of kind Unreadable, why one of its versions could not be read.
	Problem *Problem
}

// Problem is why one version of a plan could not be read: the first problem loading its file
// reported.
type Problem struct {
	// InHead is true when the head version could not be read, false for the base version.
	InHead bool
	// Line is the line of the problem in the file.
	Line int
	// Message says what is wrong.
	Message string
}

// Objective is an objective added, removed or changed.
type Objective struct {
	Kind       Kind
	ID, Title  string
	Score      Score
	Fields     []Field // title, owner, aligns_to
	KeyResults []*KeyResult
}

// KeyResult is a key result added, removed or changed.
type KeyResult struct {
	Kind      Kind
	ID, Title string
	Score     Score
	Fields    []Field
}

// KPI is a KPI added, removed or changed.
type KPI struct {
	Kind     Kind
	ID, Name string
	// Value is the KPI's reading before and after: its linked key result's current, else its
	// actual.
	Value Score
	// OldProblem and NewProblem say why the reading written in that version could not be read
	// (its key result's current, or its actual, is `"62%"`); Value's Old or New is then nil.
	OldProblem, NewProblem string
	Fields                 []Field
}

// Options tune Compare.
type Options struct {
	// AsOf is the day scores are computed for (it matters only for statuses, which a diff does
	// not show, and is kept for reproducibility).
	AsOf time.Time
	// Unchanged holds the files whose content is the same in both versions (git knows them
	// without reading them): a plan read from such a file on both sides is not compared.
	Unchanged map[string]bool
}

// Compare lists what changed from base to head.
func Compare(base, head *plan.Repository, opts Options) *Diff {
	d := &Diff{}
	olds, news := index(base), index(head)
	keys := make([]plan.PlanKey, 0, len(olds)+len(news))
	for k, o := range olds {
		if n := news[k]; n != nil && n.File == o.File && opts.Unchanged[o.File] {
			continue // the same file, unchanged: nothing to show
		}
		keys = append(keys, k)
	}
	for k := range news {
		if _, ok := olds[k]; !ok {
			keys = append(keys, k)
		}
	}
	slices.SortFunc(keys, func(a, b plan.PlanKey) int {
		return cmp.Or(a.Period.Compare(b.Period), strings.Compare(a.Scope, b.Scope))
	})
	var oldPlans, newPlans []*plan.Plan
	for _, k := range keys {
		if p := olds[k]; p != nil {
			oldPlans = append(oldPlans, p)
		}
		if p := news[k]; p != nil {
			newPlans = append(newPlans, p)
		}
	}
	oldScores, newScores := scores(base, oldPlans, opts.AsOf), scores(head, newPlans, opts.AsOf)
	c := comparer{old: problemsOf(base), cur: problemsOf(head)}
	for _, k := range keys {
		old, cur := olds[k], news[k]
		// A plan whose file the other version has but cannot read is neither removed nor added.
		if cur == nil {
			if pr := problem(head, old.File); pr != nil {
				pr.InHead = true
				d.Plans = append(d.Plans, &Plan{Kind: Unreadable, Scope: k.Scope, Period: k.Period, File: old.File, Problem: pr})
				continue
			}
		}
		if old == nil {
			if pr := problem(base, cur.File); pr != nil {
				d.Plans = append(d.Plans, &Plan{Kind: Unreadable, Scope: k.Scope, Period: k.Period, File: cur.File, Problem: pr})
				continue
			}
		}
		if pd := c.comparePlan(old, cur, oldScores[old], newScores[cur]); pd != nil {
			d.Plans = append(d.Plans, pd)
		}
	}
	return d
}

// index maps each plan that has a valid scope and period to its key; duplicates keep the plan
// the repository linked.
func index(r *plan.Repository) map[plan.PlanKey]*plan.Plan {
	m := map[plan.PlanKey]*plan.Plan{}
	if r == nil {
		return m
	}
	for _, p := range r.Plans {
		if p.Scope.Set && p.Period.Set && r.Plan(p.Scope.Value, p.Period.Value) == p {
			m[p.Key()] = p
		}
	}
	return m
}

// problem returns why a repository could not read a plan from a file: the first syntax or
// schema problem of the file, when it was read as a plan candidate and yielded no plan with a
// scope and period. It is nil when the file is missing or holds a plan.
func problem(r *plan.Repository, file string) *Problem {
	if r == nil {
		return nil
	}
	if _, ok := slices.BinarySearch(r.Files, file); !ok {
		return nil
	}
	for _, p := range r.Plans {
		if p.File == file && p.Scope.Set && p.Period.Set {
			return nil
		}
	}
	var found *plan.Diagnostic
	for i, dg := range r.Diagnostics {
		if dg.File != file {
			continue
		}
		if dg.Rule == plan.RuleYAMLSyntax {
			found = &r.Diagnostics[i]
			break
		}
		if dg.Rule == plan.RuleSchema && found == nil {
			found = &r.Diagnostics[i]
		}
	}
	if found == nil {
		return nil
	}
	return &Problem{Line: int(found.Pos.Line), Message: found.Message}
}

// comparer compares the plans of two versions, knowing each version's load problems.
type comparer struct {
	old, cur problems
}

// problems are a version's load problems by file and line.
type problems map[string]map[int32]string

func problemsOf(r *plan.Repository) problems {
	m := problems{}
	if r == nil {
		return m
	}
	for _, d := range r.Diagnostics {
		if d.Rule != plan.RuleSchema {
			continue
		}
		lines := m[d.File]
		if lines == nil {
			lines = map[int32]string{}
			m[d.File] = lines
		}
		if _, ok := lines[d.Pos.Line]; !ok {
			lines[d.Pos.Line] = d.Message
		}
	}
	return m
}

// of says why a field written in file could not be read: the problem reported on its line, or
// "" when the field is absent or was read.
func (ps problems) of(file string, f fieldPos) string {
	if f.set || f.key.Line == 0 {
		return ""
	}
	if msg := ps[file][f.pos.Line]; msg != "" {
		return msg
	}
	if msg := ps[file][f.key.Line]; msg != "" {
		return msg
	}
	return "not a valid value"
}

// fieldPos is where a field was written and whether it was read.
type fieldPos struct {
	set      bool
	key, pos plan.Pos
}

func posOf[T any](f plan.Field[T]) fieldPos { return fieldPos{f.Set, f.Key, f.Pos} }

// invalid fills in the problems of a changed field whose value could not be read in one of the
// versions, or returns a field for a value that was written in both and unreadable in one only
// (the diff would otherwise not notice it). oldFile and newFile are the plan's files.
func (c comparer) invalid(f *Field, name string, o, n fieldPos, oldFile, newFile string) *Field {
	op, np := c.old.of(oldFile, o), c.cur.of(newFile, n)
	if op == "" && np == "" {
		return f
	}
	if f == nil {
		if op != "" && np != "" {
			return nil // unreadable in both: nothing changed that the diff can say
		}
		f = &Field{Name: name}
	}
	f.OldProblem, f.NewProblem = op, np
	return f
}

func (c comparer) comparePlan(old, cur *plan.Plan, oldScores, newScores planScores) *Plan {
	pd := &Plan{Kind: Changed}
	switch {
	case old == nil:
		pd.Kind = Added
		pd.Scope, pd.Period, pd.File = cur.Scope.Value, cur.Period.Value, cur.File
	case cur == nil:
		pd.Kind = Removed
		pd.Scope, pd.Period, pd.File = old.Scope.Value, old.Period.Value, old.File
	default:
		pd.Scope, pd.Period, pd.File = cur.Scope.Value, cur.Period.Value, cur.File
		if old.File != cur.File {
			pd.OldFile = old.File
		}
	}
	pd.Score = Score{Old: oldScores.plan, New: newScores.plan}
	pd.Fields = fields(
		text("level", levelOf(old), levelOf(cur)),
		text("parent", str(old, func(p *plan.Plan) plan.Field[string] { return p.Parent }), str(cur, func(p *plan.Plan) plan.Field[string] { return p.Parent })),
		text("owner", str(old, func(p *plan.Plan) plan.Field[string] { return p.Owner }), str(cur, func(p *plan.Plan) plan.Field[string] { return p.Owner })),
	)
	pd.Objectives = c.compareObjectives(old, cur, oldScores, newScores)
	pd.KPIs = c.compareKPIs(old, cur)
	if pd.Kind == Changed && pd.OldFile == "" && len(pd.Fields) == 0 && len(pd.Objectives) == 0 &&
		len(pd.KPIs) == 0 && !pd.Score.Changed() {
		return nil
	}
	return pd
}

func levelOf(p *plan.Plan) string {
	if p == nil || !p.Level.Set {
		return ""
	}
	return string(p.Level.Value)
}

func str(p *plan.Plan, get func(*plan.Plan) plan.Field[string]) string {
	if p == nil {
		return ""
	}
	if f := get(p); f.Set {
		return f.Value
	}
	return ""
}

// planScores are the scores of one version of a plan, from package report, so a diff shows the
// numbers a report would.
type planScores struct {
	plan       *float64
	objectives map[string]*float64
	krs        map[string]*float64
}

// scores scores the plans of one version, one report per period, so that every plan is scored
// once; a plan missing from the result has no scores.
func scores(repo *plan.Repository, plans []*plan.Plan, asOf time.Time) map[*plan.Plan]planScores {
	out := make(map[*plan.Plan]planScores, len(plans))
	byPeriod := map[plan.Period]map[string]bool{}
	for _, p := range plans {
		files := byPeriod[p.Period.Value]
		if files == nil {
			files = map[string]bool{}
			byPeriod[p.Period.Value] = files
		}
		files[p.File] = true
	}
	for period, files := range byPeriod {
		rep, err := report.Build(repo, report.Options{Period: period, Files: files, AsOf: asOf})
		if err != nil {
			continue
		}
		for _, pr := range rep.Plans {
			s := planScores{objectives: map[string]*float64{}, krs: map[string]*float64{}}
			s.plan = unlessNoData(pr.Score, pr.NoData)
			for _, o := range pr.Objectives {
				s.objectives[o.ID] = unlessNoData(o.Score, o.NoData)
				for _, kr := range o.KeyResults {
					s.krs[kr.ID] = unlessNoData(kr.Value, kr.NoData())
				}
			}
			out[pr.Plan] = s
		}
	}
	return out
}

func unlessNoData(v float64, noData bool) *float64 {
	if noData {
		return nil
	}
	return &v
}

func (c comparer) compareObjectives(old, cur *plan.Plan, oldScores, newScores planScores) []*Objective {
	var out []*Objective
	oldObjs, newObjs := objectives(old), objectives(cur)
	oldKRs, newKRs := keyResults(old), keyResults(cur)
	ids := unionIDs(idsOf(oldObjs, func(o *plan.Objective) string { return o.ID.Value }),
		idsOf(newObjs, func(o *plan.Objective) string { return o.ID.Value }))
	for _, id := range ids {
		o, n := find(oldObjs, id, func(o *plan.Objective) string { return o.ID.Value }),
			find(newObjs, id, func(o *plan.Objective) string { return o.ID.Value })
		od := &Objective{ID: id, Kind: Changed, Score: Score{Old: oldScores.objectives[id], New: newScores.objectives[id]}}
		switch {
		case o == nil:
			od.Kind, od.Title = Added, n.Title.Value
		case n == nil:
			od.Kind, od.Title = Removed, o.Title.Value
		default:
			od.Title = n.Title.Value
			od.Fields = fields(
				text("title", o.Title.Value, n.Title.Value),
				text("owner", o.Owner.Value, n.Owner.Value),
				text("aligns_to", o.AlignsTo.Value, n.AlignsTo.Value),
			)
		}
		var oldList, newList []*plan.KeyResult
		if o != nil {
			oldList = o.KeyResults
		}
		if n != nil {
			newList = n.KeyResults
		}
		ids := unionIDs(idsOf(oldList, krID), idsOf(newList, krID))
		for _, krid := range ids {
			ok, nk := find(oldList, krid, krID), find(newList, krid, krID)
			if ok == nil && nk == nil {
				continue
			}
			kd := c.compareKeyResult(krid, ok, nk, oldKRs, newKRs, oldScores, newScores)
			if kd != nil {
				od.KeyResults = append(od.KeyResults, kd)
			}
		}
		if od.Kind != Changed || len(od.Fields) > 0 || len(od.KeyResults) > 0 || od.Score.Changed() {
			out = append(out, od)
		}
	}
	return out
}

func krID(kr *plan.KeyResult) string { return kr.ID.Value }

// compareKeyResult compares a key result of one objective. A key result that moved to another
// objective is shown under its new objective with a changed "objective" field, not as removed
// and added.
func (c comparer) compareKeyResult(id string, o, n *plan.KeyResult, oldKRs, newKRs map[string]*plan.KeyResult, oldScores, newScores planScores) *KeyResult {
	kd := &KeyResult{ID: id, Kind: Changed}
	switch {
	case o == nil && oldKRs[id] != nil:
		o = oldKRs[id] // moved here from another objective
		kd.Fields = append(kd.Fields, Field{Name: "objective", Old: o.Objective.ID.Value, New: n.Objective.ID.Value})
	case n == nil && newKRs[id] != nil:
		return nil // moved away: shown under its new objective
	}
	kd.Score = Score{New: newScores.krs[id]}
	if o != nil {
		kd.Score.Old = oldScores.krs[id]
	}
	switch {
	case o == nil:
		kd.Kind, kd.Title = Added, n.Title.Value
		return kd
	case n == nil:
		kd.Kind, kd.Title = Removed, o.Title.Value
		return kd
	}
	kd.Title = n.Title.Value
	of, nf := o.Objective.Plan.File, n.Objective.Plan.File
	num := func(name string, o, n plan.Field[float64]) *Field {
		return c.invalid(number(name, o, n), name, posOf(o), posOf(n), of, nf)
	}
	kd.Fields = append(kd.Fields, fields(
		text("title", o.Title.Value, n.Title.Value),
		text("type", string(o.Type.Value), string(n.Type.Value)),
		num("start", o.Start, n.Start),
		num("target", o.Target, n.Target),
		num("threshold", o.Threshold(), n.Threshold()),
		text("direction", string(o.HoldDirection().Value), string(n.HoldDirection().Value)),
		num("current", o.Current, n.Current),
		num("progress", o.Progress, n.Progress),
		c.invalid(text("done", boolText(o.Done), boolText(n.Done)), "done", posOf(o.Done), posOf(n.Done), of, nf),
		num("score", o.Score, n.Score),
		num("weight", o.Weight, n.Weight),
		text("unit", o.Unit.Value, n.Unit.Value),
		text("kpi", o.KPI.Value, n.KPI.Value),
		c.invalid(text("due", dateText(o.Due), dateText(n.Due)), "due", posOf(o.Due), posOf(n.Due), of, nf),
	)...)
	if len(kd.Fields) == 0 && !kd.Score.Changed() {
		return nil
	}
	return kd
}

func (c comparer) compareKPIs(old, cur *plan.Plan) []*KPI {
	var oldList, newList []*plan.KPI
	if old != nil {
		oldList = old.KPIs
	}
	if cur != nil {
		newList = cur.KPIs
	}
	kpiID := func(k *plan.KPI) string { return k.ID.Value }
	var out []*KPI
	for _, id := range unionIDs(idsOf(oldList, kpiID), idsOf(newList, kpiID)) {
		o, n := find(oldList, id, kpiID), find(newList, id, kpiID)
		kd := &KPI{ID: id, Kind: Changed}
		if o != nil {
			kd.Value.Old = history.Reading(old, o)
			if kd.Value.Old == nil {
				kd.OldProblem = readingProblem(c.old, old.File, o)
			}
		}
		if n != nil {
			kd.Value.New = history.Reading(cur, n)
			if kd.Value.New == nil {
				kd.NewProblem = readingProblem(c.cur, cur.File, n)
			}
		}
		switch {
		case o == nil:
			kd.Kind, kd.Name = Added, n.Name.Value
			out = append(out, kd)
			continue
		case n == nil:
			kd.Kind, kd.Name = Removed, o.Name.Value
			out = append(out, kd)
			continue
		}
		kd.Name = n.Name.Value
		num := func(name string, of, nf plan.Field[float64]) *Field {
			return c.invalid(number(name, of, nf), name, posOf(of), posOf(nf), old.File, cur.File)
		}
		kd.Fields = fields(
			text("name", o.Name.Value, n.Name.Value),
			// A reading's change shows in Value; an actual that became unreadable shows here.
			c.invalid(nil, "actual", posOf(o.Actual), posOf(n.Actual), old.File, cur.File),
			num("target", o.Target, n.Target),
			num("annual_target", o.AnnualTarget, n.AnnualTarget),
			text("direction", string(o.Direction.Value), string(n.Direction.Value)),
			text("frequency", string(o.Frequency.Value), string(n.Frequency.Value)),
			text("source", o.Source.Value, n.Source.Value),
			text("unit", o.Unit.Value, n.Unit.Value),
			text("retired", o.Retired.Value, n.Retired.Value),
		)
		if len(kd.Fields) > 0 || kd.Value.Changed() {
			out = append(out, kd)
		}
	}
	return out
}

// readingProblem says why a KPI without a reading has none although one is written: the
// current of the key result that measures it, else its actual, could not be read; "" when
// nothing was written.
func readingProblem(ps problems, file string, k *plan.KPI) string {
	if kr := k.ReadingKeyResult(); kr != nil {
		if msg := ps.of(file, posOf(kr.Current)); msg != "" {
			return "current of key result " + kr.ID.Value + ": " + msg
		}
	}
	return ps.of(file, posOf(k.Actual))
}

func objectives(p *plan.Plan) []*plan.Objective {
	if p == nil {
		return nil
	}
	return p.Objectives
}

func keyResults(p *plan.Plan) map[string]*plan.KeyResult {
	m := map[string]*plan.KeyResult{}
	if p == nil {
		return m
	}
	for _, kr := range p.KeyResults() {
		if _, dup := m[kr.ID.Value]; !dup {
			m[kr.ID.Value] = kr
		}
	}
	return m
}

func idsOf[T any](items []T, id func(T) string) []string {
	out := make([]string, 0, len(items))
	for _, it := range items {
		out = append(out, id(it))
	}
	return out
}

// unionIDs lists the ids of both lists once each: the new order first, then the ids only the
// old list has, in its order.
func unionIDs(old, cur []string) []string {
	var out []string
	seen := map[string]bool{}
	for _, id := range append(slices.Clone(cur), old...) {
		if !seen[id] {
			seen[id] = true
			out = append(out, id)
		}
	}
	return out
}

func find[T any](items []T, id string, idOf func(T) string) T {
	for _, it := range items {
		if idOf(it) == id {
			return it
		}
	}
	var zero T
	return zero
}

func fields(fs ...*Field) []Field {
	var out []Field
	for _, f := range fs {
		if f != nil {
			out = append(out, *f)
		}
	}
	return out
}

func text(name, old, cur string) *Field {
	if old == cur {
		return nil
	}
	return &Field{Name: name, Old: old, New: cur}
}

func number(name string, old, cur plan.Field[float64]) *Field {
	if old.Set == cur.Set && (!old.Set || old.Value == cur.Value) {
		return nil
	}
	f := &Field{Name: name}
	if old.Set {
		f.Old = report.FormatNumber(old.Value)
	}
	if cur.Set {
		f.New = report.FormatNumber(cur.Value)
	}
	if old.Set && cur.Set {
		d := round(cur.Value - old.Value)
		f.Delta = &d
	}
	return f
}

func boolText(f plan.Field[bool]) string {
	if !f.Set {
		return ""
	}
	if f.Value {
		return "true"
	}
	return "false"
}

func dateText(f plan.Field[time.Time]) string {
	if !f.Set {
		return ""
	}
	return f.Value.Format(time.DateOnly)
}

func delta(old, cur *float64) *float64 {
	if old == nil || cur == nil {
		return nil
	}
	d := round(*cur - *old)
	return &d
}

// round drops the floating-point noise of a subtraction (74.2 − 73 is 1.2000000000000028).
func round(v float64) float64 { return math.Round(v*1e9) / 1e9 }
