// Package rollover drafts the next period's plans from the plans of a quarter, the way the
// quarterly OKR process starts a quarter: the KPIs are carried forward with their definitions,
// each key result that measures a KPI starts from the KPI's final reading, and everything else
// (the targets, the new key results) is left to the author, marked in comments where it is due.
package rollover

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/okr-tool/okr/edit"
	"github.com/okr-tool/okr/history"
	"github.com/okr-tool/okr/plan"
)

// Options say which plans to draft.
type Options struct {
	// From is the quarter whose plans are carried forward. Zero means DefaultFrom's choice as of
	// AsOf: the quarter in progress when it has plans, else the latest quarter with plans that
	// has ended.
	From plan.Period
	// Scopes limits the drafts to these scopes; empty means every scope with a plan in From.
	Scopes []string
	// AsOf is the day the drafts are made: when From has not closed by then, a key result's start
	// is From's latest reading so far and is marked provisional.
	AsOf time.Time
	// Schema is the JSON Schema of plan files (okr schema's). When the repository keeps no copy
	// at plan.SchemaFile, the drafts point at that path and Result.Schema creates it there.
	Schema []byte
}

// File is one drafted plan.
type File struct {
	// Path is where the plan goes, relative to the repository root, with forward slashes.
	Path string
	// From is the plan it was drafted from (repository-relative).
	From   string
	Scope  string
	Period plan.Period
	// Data is the text of the new plan.
	Data []byte
	// Skip says why the file is not written (a plan for the scope and period exists already);
	// empty when it is written.
	Skip string
}

// Result is what okr next drafts.
type Result struct {
	From, To plan.Period
	// Fallback, when Options.From was zero and the quarter in progress has no plans, says which
	// quarter was taken instead and why; empty otherwise.
	Fallback string
	// Files are the drafts: the quarter plans by scope, then the annual plans when the year
	// turns.
	Files []*File
	// Schema, when not nil, is the repository's copy of the plan schema that the drafts point
	// at, created with them because the repository keeps none (Skip says when it was not).
	Schema *File
}

// Next drafts the plans of the period after opts.From for every scope with a plan in From (or
// the scopes asked for), and the next year's annual plans when From is a fourth quarter. A draft
// for a scope and period that already has a plan, or whose path is taken, is marked skipped.
func Next(repo *plan.Repository, opts Options) (*Result, error) {
	from, fallback := opts.From, ""
	if from.IsZero() {
		from, fallback = DefaultFrom(repo, opts.AsOf, opts.Scopes)
		opts.From = from
	}
	if !from.IsQuarter() {
		return nil, fmt.Errorf("okr next carries a quarter forward; name one, e.g. --from %d-Q4 (the year's annual plans are drafted after its fourth quarter)", from.Year)
	}
	res := &Result{From: from, To: from.Next(), Fallback: fallback}
	var sources []*plan.Plan
	for _, p := range repo.Plans {
		if p.Period.Set && p.Scope.Set && p.Period.Value == from && repo.Plan(p.Scope.Value, from) == p {
			sources = append(sources, p)
		}
	}
	if len(sources) == 0 {
		return nil, fmt.Errorf("no plan for %s%s; name a quarter that has plans with --from", from, periodHint(repo))
	}
	if len(opts.Scopes) > 0 {
		have := make([]string, len(sources))
		for i, p := range sources {
			have[i] = p.Scope.Value
		}
		for _, s := range opts.Scopes {
			if !slices.Contains(have, s) {
				hint := ""
				if near := plan.Nearest(s, have); near != "" {
					hint = fmt.Sprintf("; did you mean %q?", near)
				}
				return nil, fmt.Errorf("scope %q has no plan for %s%s (scopes with one: %s)", s, from, hint, strings.Join(have, ", "))
			}
		}
		sources = slices.DeleteFunc(sources, func(p *plan.Plan) bool { return !slices.Contains(opts.Scopes, p.Scope.Value) })
	}

	d := &drafter{repo: repo, opts: opts, from: from, to: res.To, closed: from.Elapsed(opts.AsOf) >= 1,
		objectives: map[plan.Period]map[string]bool{}}
	var annuals []*plan.Plan
	if res.To.Year != from.Year {
		for _, p := range sources {
			if a := repo.AnnualPlan(p); a != nil {
				annuals = append(annuals, a)
			}
		}
	}
	// The objectives the drafts keep, so that an aligns_to between two drafts resolves.
	for _, p := range sources {
		d.noteObjectives(p, res.To, p)
	}
	for _, a := range annuals {
		d.noteObjectives(a, res.To.YearPeriod(), repo.Plan(a.Scope.Value, from))
	}
	if opts.Schema != nil && repo.Root != "" {
		if _, err := os.Lstat(filepath.Join(repo.Root, filepath.FromSlash(plan.SchemaFile))); errors.Is(err, fs.ErrNotExist) {
			res.Schema = &File{Path: plan.SchemaFile, Data: opts.Schema}
			d.localSchema = true
		}
	}
	taken := map[string]bool{}
	for _, p := range sources {
		res.Files = append(res.Files, d.file(p, res.To, p, taken))
	}
	for _, a := range annuals {
		res.Files = append(res.Files, d.file(a, res.To.YearPeriod(), repo.Plan(a.Scope.Value, from), taken))
	}
	if res.Schema != nil && !slices.ContainsFunc(res.Files, func(f *File) bool { return f.Skip == "" }) {
		res.Schema = nil // no draft to point at it
	}
	return res, nil
}

// Write creates the files of res that are not skipped under root, exclusively: a file that
// appeared since Next looked is left alone and the draft marked skipped. It stops at the first
// other error.
func Write(root string, res *Result) error {
	if res.Schema != nil && res.Schema.Skip == "" {
		name := filepath.Join(root, filepath.FromSlash(res.Schema.Path))
		if err := os.MkdirAll(filepath.Dir(name), 0o777); err != nil {
			return err
		}
		err := edit.CreateNew(name, res.Schema.Data, 0o666)
		if errors.Is(err, fs.ErrExist) {
			res.Schema.Skip = "the file exists"
		} else if err != nil {
			return err
		}
	}
	for _, f := range res.Files {
		if f.Skip != "" {
			continue
		}
		name := filepath.Join(root, filepath.FromSlash(f.Path))
		if err := os.MkdirAll(filepath.Dir(name), 0o777); err != nil {
			return err
		}
		err := edit.CreateNew(name, f.Data, 0o666)
		if errors.Is(err, fs.ErrExist) {
			f.Skip = "the file exists"
			continue
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// DefaultFrom is the quarter okr next carries forward when none is named, as of asOf: the
// quarter in progress when it has plans (of one of scopes, when scopes are named), else the
// latest quarter with plans that has ended, whose readings are final. That is when a quarter is
// usually rolled over: after it has closed, before the new one has plans. why is empty when the
// quarter in progress is taken, else it says why another was; when no quarter qualifies, the
// quarter in progress is returned (and Next reports that it has no plans).
func DefaultFrom(repo *plan.Repository, asOf time.Time, scopes []string) (from plan.Period, why string) {
	current := plan.QuarterOf(asOf)
	has := map[plan.Period]bool{}
	for _, p := range repo.Plans {
		if p.Period.Set && p.Scope.Set && p.Period.Value.IsQuarter() && (len(scopes) == 0 || slices.Contains(scopes, p.Scope.Value)) {
			has[p.Period.Value] = true
		}
	}
	if has[current] {
		return current, ""
	}
	var latest plan.Period
	for q := range has {
		if !asOf.Before(q.End()) && (latest.IsZero() || latest.Before(q)) {
			latest = q
		}
	}
	if latest.IsZero() {
		return current, ""
	}
	return latest, fmt.Sprintf("%s, the quarter in progress, has no plans; %s is the latest quarter with plans that has ended", current, latest)
}

func periodHint(repo *plan.Repository) string {
	var qs []string
	for _, p := range repo.Periods() {
		if p.IsQuarter() {
			qs = append(qs, p.String())
		}
	}
	if len(qs) == 0 {
		return " (the repository has no quarter plans)"
	}
	return " (quarters with plans: " + strings.Join(qs, ", ") + ")"
}

// drafter holds what every draft of one run shares.
type drafter struct {
	repo     *plan.Repository
	opts     Options
	from, to plan.Period
	closed   bool // From has ended by AsOf: its readings are final
	// localSchema: the repository keeps no schema and the run creates plan.SchemaFile.
	localSchema bool
	// objectives are the "scope/id" of the objectives each drafted period keeps.
	objectives map[plan.Period]map[string]bool
}

// noteObjectives records the objectives the draft of p for period keeps.
func (d *drafter) noteObjectives(p *plan.Plan, period plan.Period, quarter *plan.Plan) {
	if d.objectives[period] == nil {
		d.objectives[period] = map[string]bool{}
	}
	for _, o := range p.Objectives {
		if len(d.carriedKRs(p, o, quarter)) > 0 {
			d.objectives[period][p.Scope.Value+"/"+o.ID.Value] = true
		}
	}
}

// carried reports whether KPI id of plan p goes into the draft: it is live in p and not retired
// in the quarter plan that ends the period (for an annual plan, the year's last quarter).
func carried(p *plan.Plan, id string, quarter *plan.Plan) bool {
	k := p.KPI(id)
	if k == nil || !k.Live() || !k.ID.Set {
		return false
	}
	if quarter != nil && quarter != p {
		if q := quarter.KPI(id); q != nil && !q.Live() {
			return false
		}
	}
	return true
}

// carriedKRs are the key results of objective o that measure a carried KPI.
func (d *drafter) carriedKRs(p *plan.Plan, o *plan.Objective, quarter *plan.Plan) []*plan.KeyResult {
	var krs []*plan.KeyResult
	for _, kr := range o.KeyResults {
		if kr.Type.Value != plan.Effort && kr.KPI.Set && kr.ID.Set && carried(p, kr.KPI.Value, quarter) {
			krs = append(krs, kr)
		}
	}
	return krs
}

// reading is the KPI's final reading for the draft: from the quarter plan that ends the period
// when it tracks the KPI, else from p itself. ok is false when neither has one.
func reading(p *plan.Plan, id string, quarter *plan.Plan) (v float64, where *plan.Plan, ok bool) {
	for _, q := range []*plan.Plan{quarter, p} {
		if q == nil {
			continue
		}
		if k := q.KPI(id); k != nil {
			if r := history.Reading(q, k); r != nil {
				return *r, q, true
			}
		}
	}
	return 0, nil, false
}

// file drafts the plan of p's scope for period. quarter is the plan whose readings end the
// period p covers (p itself for a quarter plan; the fourth quarter for an annual plan).
func (d *drafter) file(p *plan.Plan, period plan.Period, quarter *plan.Plan, taken map[string]bool) *File {
	f := &File{
		Path:   nextPath(p.File, p.Period.Value, period, p.Scope.Value),
		From:   p.File,
		Scope:  p.Scope.Value,
		Period: period,
	}
	switch existing := d.repo.Plan(p.Scope.Value, period); {
	case existing != nil:
		f.Skip = fmt.Sprintf("the %s plan of %s exists: %s", period, p.Scope.Value, existing.File)
	case taken[f.Path]:
		f.Skip = "another draft of this run goes to the same path"
	default:
		if _, err := os.Lstat(filepath.Join(d.repo.Root, filepath.FromSlash(f.Path))); err == nil {
			f.Skip = "the file exists"
		}
	}
	taken[f.Path] = true
	f.Data = []byte(d.render(p, period, quarter, f.Path))
	return f
}

// schemaRef is the $schema reference of a new plan at file, drafted from the plan at from: the
// schema the old plan names in its first line (a path is rewritten to stay right from the new
// file; the old published address is not kept), else the repository's own copy of the schema,
// which the run creates when the repository keeps none and Options.Schema is set.
func (d *drafter) schemaRef(file, from string) string {
	rel := func(target string) string {
		r, err := filepath.Rel(filepath.Dir(filepath.FromSlash(file)), filepath.FromSlash(target))
		if err != nil {
			return plan.SchemaURL
		}
		return filepath.ToSlash(r)
	}
	if d.repo.Root == "" {
		return plan.SchemaURL
	}
	if data, err := plan.ReadFile(filepath.Join(d.repo.Root, filepath.FromSlash(from))); err == nil {
		first, _, _ := strings.Cut(string(data), "\n")
		if ref, ok := strings.CutPrefix(strings.TrimSpace(first), plan.SchemaComment("")); ok && ref != "" && ref != plan.SchemaURL {
			if strings.Contains(ref, "://") {
				return ref
			}
			if target := path.Join(path.Dir(from), ref); !strings.HasPrefix(target, "../") {
				return rel(target)
			}
		}
	}
	if d.localSchema {
		return rel(plan.SchemaFile)
	}
	if _, err := os.Stat(filepath.Join(d.repo.Root, filepath.FromSlash(plan.SchemaFile))); err == nil {
		return rel(plan.SchemaFile)
	}
	return plan.SchemaURL
}

// render writes the draft of p for period.
func (d *drafter) render(p *plan.Plan, period plan.Period, quarter *plan.Plan, file string) string {
	w := &writer{}
	w.line(0, plan.SchemaComment(d.schemaRef(file, p.File)))
	scope := p.Scope.Value

	var kpis []*plan.KPI
	for _, k := range p.KPIs {
		if carried(p, k.ID.Value, quarter) {
			kpis = append(kpis, k)
		}
	}
	type home struct {
		o   *plan.Objective
		krs []*plan.KeyResult
	}
	var homes []home
	for _, o := range p.Objectives {
		if krs := d.carriedKRs(p, o, quarter); len(krs) > 0 {
			homes = append(homes, home{o, krs})
		}
	}
	measured := map[string]bool{} // the KPIs a carried key result measures
	for _, h := range homes {
		for _, kr := range h.krs {
			measured[kr.KPI.Value] = true
		}
	}
	unmeasured := 0
	for _, k := range kpis {
		if !measured[k.ID.Value] {
			unmeasured++
		}
	}

	w.comment(0, fmt.Sprintf("%s, %s: drafted by okr next from %s.", scope, period, p.File))
	w.comment(0, "")
	reading := fmt.Sprintf("final %s reading", p.Period.Value)
	if !d.closed {
		reading = fmt.Sprintf("latest %s reading (provisional: %s has not closed)", p.Period.Value, p.Period.Value)
	}
	w.comment(0, fmt.Sprintf("Carried forward from %s: the live KPIs with their definitions, and each key result "+
		"that measures one, starting from the KPI's %s. Not carried: retired KPIs, "+
		"the other key results, and current, progress, done and score. okr lint reports what is "+
		"left to decide until it is done:", p.Period.Value, reading))
	var todo []string
	if len(homes) > 0 {
		todo = append(todo, "a target for each key result, and a title that names it",
			"3 to 5 key results for each objective, not all of them KPIs")
	} else {
		todo = append(todo, "the objectives and key results of "+period.String())
	}
	if unmeasured > 0 {
		if period.IsYear() {
			todo = append(todo, "an annual_target for each KPI no key result measures")
		} else {
			todo = append(todo, "a target for each KPI no key result measures")
		}
	}
	for i, t := range todo {
		end := ";"
		if i == len(todo)-1 {
			end = "."
		}
		w.comment(0, "  - "+t+end)
	}
	w.field(0, "period", period.String(), "")
	w.field(0, "scope", edit.Text(scope), "")
	if p.Level.Set {
		w.field(0, "level", edit.Text(string(p.Level.Value)), "")
	}
	if p.Parent.Set {
		w.field(0, "parent", edit.Text(p.Parent.Value), "")
	}
	if p.Owner.Set {
		w.field(0, "owner", edit.Text(p.Owner.Value), "")
	}

	if len(kpis) > 0 {
		w.blank()
		w.line(0, "kpis:")
		for _, k := range kpis {
			d.kpi(w, p, k, period, quarter, measured[k.ID.Value])
		}
	}

	w.blank()
	if len(homes) == 0 {
		w.comment(0, fmt.Sprintf("No key result of %s measured a KPI, so no objective is carried: write the objectives of %s here.", p.Period.Value, period))
		w.line(0, "objectives: []")
		return w.String()
	}
	w.line(0, "objectives:")
	for i, h := range homes {
		if i > 0 {
			w.blank()
		}
		o := h.o
		w.line(2, "- id: "+edit.Text(o.ID.Value))
		w.field(4, "title", edit.Text(o.Title.Value), "")
		if o.Owner.Set {
			w.field(4, "owner", edit.Text(o.Owner.Value), "")
		}
		if o.AlignsTo.Set {
			if d.resolves(o.AlignsTo.Value, period) {
				w.field(4, "aligns_to", edit.Text(o.AlignsTo.Value), "")
			} else {
				w.comment(4, fmt.Sprintf("aligns_to %s is left out: no plan of %s has that objective yet. Align this objective when it has one.",
					o.AlignsTo.Value, alignPeriods(period)))
			}
		}
		what, it := "the key result below", "it"
		if len(h.krs) > 1 {
			what, it = "the key results below", "them"
		}
		w.comment(4, fmt.Sprintf("Kept from %s as the home of %s: add the key results of %s (3 to 5, not all of them KPIs), or move %s to another objective.",
			p.Period.Value, what, period, it))
		w.line(4, "key_results:")
		for _, kr := range h.krs {
			d.keyResult(w, p, kr, period, quarter)
		}
	}
	return w.String()
}

// kpi writes one carried KPI.
func (d *drafter) kpi(w *writer, p *plan.Plan, k *plan.KPI, period plan.Period, quarter *plan.Plan, measured bool) {
	w.line(2, "- id: "+edit.Text(k.ID.Value))
	if k.Name.Set {
		w.field(4, "name", edit.Text(k.Name.Value), "")
	}
	if k.Unit.Set {
		w.field(4, "unit", edit.Text(k.Unit.Value), "")
	}
	if k.Direction.Set {
		w.field(4, "direction", edit.Text(string(k.Direction.Value)), "")
	}
	if k.Source.Set {
		w.field(4, "source", edit.Text(k.Source.Value), "")
	}
	if k.Frequency.Set {
		w.field(4, "frequency", edit.Text(string(k.Frequency.Value)), "")
	}
	switch {
	case period.IsYear():
		last := "it has no reading yet"
		if v, where, ok := reading(p, k.ID.Value, quarter); ok {
			last = d.lastReading(v, where)
		}
		was := ""
		if k.AnnualTarget.Set {
			was = fmt.Sprintf("; the target for %d was %s", p.Period.Value.Year, number(k.AnnualTarget.Value))
		}
		w.comment(4, fmt.Sprintf("annual_target: the target for %d is yours to set (%s%s).", period.Year, last, was))
	case period.Year == p.Period.Value.Year:
		if k.AnnualTarget.Set {
			w.field(4, "annual_target", number(k.AnnualTarget.Value), "")
		}
	default:
		annual := d.repo.Plan(p.Scope.Value, period.YearPeriod())
		was := ""
		if k.AnnualTarget.Set {
			was = fmt.Sprintf(" (%d's was %s)", p.Period.Value.Year, number(k.AnnualTarget.Value))
		}
		switch {
		case annual == nil && d.repo.AnnualPlan(p) != nil:
			w.comment(4, fmt.Sprintf("annual_target: copy it from the %d annual plan of %s once that plan sets it%s.", period.Year, p.Scope.Value, was))
		case annual == nil:
			w.comment(4, fmt.Sprintf("annual_target: set the target for %d%s.", period.Year, was))
		case annual.KPI(k.ID.Value) == nil || !annual.KPI(k.ID.Value).AnnualTarget.Set:
			w.comment(4, fmt.Sprintf("annual_target: %s sets none for this KPI; set it there, then copy it here.", annual.File))
		default:
			w.field(4, "annual_target", number(annual.KPI(k.ID.Value).AnnualTarget.Value), "from "+annual.File)
		}
	}
	if !measured && !period.IsYear() {
		last := "it has no reading in " + p.Period.Value.String()
		if v, where, ok := reading(p, k.ID.Value, quarter); ok {
			last = d.lastReading(v, where)
		}
		w.comment(4, fmt.Sprintf("No key result measures this KPI: add target: <number> for %s (%s).", period, last))
	}
}

// lastReading says what a KPI's reading v in the plan where is: its final one when the period
// carried forward has closed, else its latest so far.
func (d *drafter) lastReading(v float64, where *plan.Plan) string {
	if !d.closed {
		return fmt.Sprintf("its latest reading is %s as of %s, provisional until %s closes", number(v), day(d.opts.AsOf), where.Period.Value)
	}
	return fmt.Sprintf("it ended %s at %s", where.Period.Value, number(v))
}

// keyResult writes one carried key result.
func (d *drafter) keyResult(w *writer, p *plan.Plan, kr *plan.KeyResult, period plan.Period, quarter *plan.Plan) {
	id := kr.KPI.Value
	if kr.Type.Value == plan.Maintain {
		// A level to hold carries its threshold: holding it again is a decision, not a gap.
		w.comment(6, fmt.Sprintf("From %s: a level to hold; keep or change the threshold for %s.", p.Period.Value, period))
		w.line(6, "- id: "+edit.Text(renameID(kr, p.Period.Value, period)))
		w.field(8, "title", edit.Text(kr.Title.Value), "")
		w.field(8, "type", string(plan.Maintain), "")
		if t := kr.Threshold(); t.Set {
			w.field(8, "threshold", number(t.Value), "")
		}
		if d := kr.HoldDirection(); d.Set {
			w.field(8, "direction", string(d.Value), "")
		}
	} else {
		w.comment(6, fmt.Sprintf("From %s: set target: for %s, and reword the title to name it.", p.Period.Value, period))
		w.line(6, "- id: "+edit.Text(renameID(kr, p.Period.Value, period)))
		w.field(8, "title", edit.Text(kr.Title.Value), "")
		d.start(w, p, id, quarter)
	}
	if kr.Unit.Set {
		w.field(8, "unit", edit.Text(kr.Unit.Value), "")
	}
	if kr.Weight.Set {
		w.field(8, "weight", number(kr.Weight.Value), "")
	}
	w.field(8, "kpi", edit.Text(id), "")
}

// start writes the start of a carried outcome key result that measures KPI id: the KPI's final
// reading, or a comment asking for one.
func (d *drafter) start(w *writer, p *plan.Plan, id string, quarter *plan.Plan) {
	if v, where, ok := reading(p, id, quarter); ok {
		note := fmt.Sprintf("the final %s reading of %s", where.Period.Value, id)
		if !d.closed {
			note = fmt.Sprintf("provisional: the latest %s reading on %s; %s has not closed", id, day(d.opts.AsOf), where.Period.Value)
		}
		w.field(8, "start", number(v), note)
	} else {
		w.comment(8, fmt.Sprintf("start: %s has no reading in %s; set the baseline it starts from.", id, p.Period.Value))
	}
}

// resolves reports whether an aligns_to reference made from a plan of period will find its
// objective: in a plan of the period or of its year, existing or drafted in this run.
func (d *drafter) resolves(ref string, period plan.Period) bool {
	for _, q := range []plan.Period{period, period.YearPeriod()} {
		if d.objectives[q][ref] || d.repo.Objective(ref, q) != nil {
			return true
		}
		if q.IsYear() {
			break
		}
	}
	return false
}

func alignPeriods(p plan.Period) string {
	if p.IsYear() {
		return p.String()
	}
	return fmt.Sprintf("%s or %d", p, p.Year)
}

func day(t time.Time) string { return t.Format(time.DateOnly) }

// renameID is the id of a carried key result: an id that names its period is renamed for the
// new one (arr-q3 → arr-q4, retention-2026 → retention-2027), unless another key result of the
// plan already has that id.
func renameID(kr *plan.KeyResult, from, to plan.Period) string {
	id := kr.ID.Value
	renamed, ok := renamePeriod(id, from, to)
	if !ok && from.IsQuarter() {
		// An id needs no year to stay unique within its plan: arr-q4 → arr-q1.
		renamed, ok = replaceToken(id, "Q"+strconv.Itoa(from.Quarter), "Q"+strconv.Itoa(to.Quarter))
	}
	if !ok || kr.Objective == nil || kr.Objective.Plan == nil {
		return id
	}
	for _, other := range kr.Objective.Plan.KeyResults() {
		if other.ID.Value == renamed {
			return id
		}
	}
	return renamed
}

// renamePeriod replaces the period from where s names it by to: the whole period (2026-Q3), or
// its quarter (Q3) and, when the year changes, its year, or the year of an annual period.
func renamePeriod(s string, from, to plan.Period) (string, bool) {
	if r, ok := replaceToken(s, from.String(), to.String()); ok {
		return r, true
	}
	if from.IsQuarter() {
		q, ok := replaceToken(s, "Q"+strconv.Itoa(from.Quarter), "Q"+strconv.Itoa(to.Quarter))
		if !ok || to.Year == from.Year {
			return q, ok
		}
		if y, ok := replaceToken(q, strconv.Itoa(from.Year), strconv.Itoa(to.Year)); ok {
			return y, true
		}
		return s, false
	}
	return replaceToken(s, strconv.Itoa(from.Year), strconv.Itoa(to.Year))
}

// nextPath is where the plan of scope for period goes, following the layout of the plan at file
// for period from: the period in the path is replaced (plans/2026-Q3/sales.yaml →
// plans/2026-Q4/sales.yaml, plans/sales/2026-Q3.yaml → plans/sales/2026-Q4.yaml, plans/2026/Q3/
// sales.yaml → plans/2026/Q4/sales.yaml). A path that does not name its period gets the new
// plan beside it, named after the scope and period.
func nextPath(file string, from, to plan.Period, scope string) string {
	if p, ok := renamePeriod(file, from, to); ok {
		return p
	}
	ext := path.Ext(file)
	if ext == "" {
		ext = ".yaml"
	}
	return path.Join(path.Dir(file), scope+"-"+to.String()+ext)
}

// replaceToken replaces the last occurrence of old in s that is not part of a longer word or
// number, matching case-insensitively and keeping the case of the letters written.
func replaceToken(s, old, repl string) (string, bool) {
	re := regexp.MustCompile(`(?i)(^|[^A-Za-z0-9])(` + regexp.QuoteMeta(old) + `)($|[^A-Za-z0-9])`)
	var last []int
	for i := 0; i < len(s); {
		m := re.FindStringSubmatchIndex(s[i:])
		if m == nil {
			break
		}
		last = []int{i + m[4], i + m[5]}
		i += m[5]
	}
	if last == nil {
		return s, false
	}
	written := s[last[0]:last[1]]
	if strings.ToLower(written) == written {
		repl = strings.ToLower(repl)
	}
	return s[:last[0]] + repl + s[last[1]:], true
}
