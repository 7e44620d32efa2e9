package checkin

import (
	"fmt"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"

	"github.com/okr-tool/okr/edit"
	"github.com/okr-tool/okr/lint"
	"github.com/okr-tool/okr/plan"
	"github.com/okr-tool/okr/report"
)

// Options say where and how to check in.
type Options struct {
	Root  string   // the repository root, absolute
	Globs []string // the paths: setting of .okr.yaml
	Lint  lint.Options
	// Scope is the scope of changes that do not name one (the SCOPE argument).
	Scope string
	// Period is the period of changes that do not name one; zero means the quarter of AsOf.
	Period plan.Period
	AsOf   time.Time
	// Confidence and Note apply to every key result a change names, unless the change (a CSV
	// row) gives its own.
	Confidence *float64
	Note       *string
}

// Update is one value a check-in changes.
type Update struct {
	File   string // repository-relative
	Scope  string
	Period plan.Period
	ID     string
	KPI    bool   // a KPI, else a key result
	Field  string // current, progress, done, actual, confidence or note
	Old    string // "" when the key was absent
	New    string

	source   string          // where the change was asked for
	noop     bool            // the value already was New
	kr       *plan.KeyResult // the key result before the change
	ScoreOld *report.KRScore // on the last update of a key result's value: its score before
	ScoreNew *report.KRScore // and after
}

// Result is what a check-in did.
type Result struct {
	Updates []Update
	// Files are the files that changed, repository-relative, sorted.
	Files []string
	// Findings are the lint findings the check-in created, in the changed files or in other
	// plans of the same scopes (a next quarter whose baseline no longer matches).
	Findings []lint.Finding

	newData map[string][]byte
	files   map[string]*file
	root    string
}

// Error is a check-in that cannot be done as asked: an unknown scope, period or id, a bad
// value, a plan with syntax errors. Nothing was written.
type Error struct{ Problems []string }

func (e *Error) Error() string { return strings.Join(e.Problems, "\n") }

// Prepare checks every change against the plans and works out the new content of each file,
// writing nothing. Either every change is valid or the error (an *Error) lists every problem.
func Prepare(opts Options, changes []Change) (*Result, error) {
	if len(changes) == 0 {
		return nil, &Error{Problems: []string{"nothing to check in; write ID=VALUE, e.g. okr checkin sales pipeline=9.8"}}
	}
	ix, err := scan(opts.Root, opts.Globs)
	if err != nil {
		return nil, err
	}
	defPeriod := opts.Period
	if defPeriod.IsZero() {
		asOf := opts.AsOf
		if asOf.IsZero() {
			asOf = time.Now()
		}
		defPeriod = plan.QuarterOf(asOf)
	}

	var problems []string
	type target struct {
		scope  string
		period plan.Period
	}
	targets := map[target]*file{}
	parsed := map[string]*plan.Plan{}
	needScopes := map[string]bool{}
	resolve := func(c *Change) *plan.Plan {
		scope := c.Scope
		if scope == "" {
			scope = opts.Scope
		}
		if scope == "" {
			problems = append(problems, fmt.Sprintf("%s: no scope; name it first (okr checkin SCOPE ...) or in a scope column", c.Source))
			return nil
		}
		period := defPeriod
		if c.Period != "" {
			p, err := plan.ParsePeriod(c.Period)
			if err != nil {
				problems = append(problems, fmt.Sprintf("%s: %v", c.Source, err))
				return nil
			}
			period = p
		}
		t := target{scope, period}
		f, seen := targets[t]
		if !seen {
			f, err = ix.plan(scope, period)
			if err != nil {
				problems = append(problems, err.Error())
			}
			targets[t] = f
		}
		if f == nil {
			return nil
		}
		if p, ok := parsed[f.rel]; ok {
			return p
		}
		p, diags := plan.Parse(f.rel, f.data)
		for _, d := range diags {
			if d.Rule == plan.RuleYAMLSyntax {
				problems = append(problems, fmt.Sprintf("%s:%d:%d: %s; a check-in does not edit a plan that does not parse, so nothing was changed", f.rel, d.Pos.Line, d.Pos.Col, d.Message))
				p = nil
				break
			}
		}
		parsed[f.rel] = p
		if p != nil {
			needScopes[p.Scope.Value] = true
			if p.Parent.Set {
				needScopes[p.Parent.Value] = true
			}
			for _, o := range p.Objectives {
				if scope, _, ok := strings.Cut(o.AlignsTo.Value, "/"); ok {
					needScopes[scope] = true
				}
			}
		}
		return p
	}

	res := &Result{newData: map[string][]byte{}, files: map[string]*file{}, root: opts.Root}
	docs := map[string]*edit.Doc{}
	for i := range changes {
		c := &changes[i]
		p := resolve(c)
		if p == nil {
			continue
		}
		f := ix.byRel(p.File)
		doc := docs[f.rel]
		if doc == nil {
			if doc, err = edit.Parse(f.data); err != nil {
				problems = append(problems, fmt.Sprintf("%s: %v", f.rel, err))
				continue
			}
			docs[f.rel] = doc
			res.files[f.rel] = f
		}
		ups, errs := planChange(doc, p, c, opts)
		problems = append(problems, errs...)
		res.Updates = append(res.Updates, ups...)
	}
	first := map[string]Update{}
	for _, u := range res.Updates {
		k := u.File + "\x00" + u.ID + "\x00" + u.Field
		if prev, ok := first[k]; ok && prev.New != u.New {
			problems = append(problems, fmt.Sprintf("%s: %s %s is set twice, to %s by %s and to %s by %s; keep one",
				u.File, u.ID, u.Field, prev.New, prev.source, u.New, u.source))
		}
		first[k] = u
	}
	if len(problems) > 0 {
		return nil, &Error{Problems: problems}
	}
	res.Updates = slices.DeleteFunc(res.Updates, func(u Update) bool { return u.noop })

	for rel, doc := range docs {
		if !doc.Changed() {
			continue
		}
		data := doc.Bytes()
		if string(data) == string(res.files[rel].data) {
			continue
		}
		res.newData[rel] = data
		res.Files = append(res.Files, rel)
	}
	slices.Sort(res.Files)
	if err := res.verify(); err != nil {
		return nil, err
	}
	res.lint(ix, needScopes, opts.Lint)
	return res, nil
}

// plan returns the file of a scope's plan for a period, or an error with suggestions.
func (ix *index) plan(scope string, period plan.Period) (*file, error) {
	if files := ix.find(scope, period); len(files) == 1 {
		return files[0], nil
	} else if len(files) > 1 {
		return nil, fmt.Errorf("%s has two plans for %s (%s and %s); okr lint reports which to remove",
			scope, period, files[0].rel, files[1].rel)
	}
	periods := ix.periods(scope)
	if len(periods) == 0 {
		scopes := ix.scopes()
		hint := didYouMean(scope, scopes)
		if hint == "" && len(scopes) > 0 {
			hint = "; the scopes are " + strings.Join(scopes, ", ")
		}
		return nil, fmt.Errorf("unknown scope %q%s", scope, hint)
	}
	names := make([]string, len(periods))
	for i, p := range periods {
		names[i] = p.String()
	}
	return nil, fmt.Errorf("%s has no plan for %s%s; it has plans for %s (choose one with --period)",
		scope, period, didYouMean(period.String(), names), strings.Join(names, ", "))
}

func (ix *index) byRel(rel string) *file {
	for _, f := range ix.files {
		if f.rel == rel {
			return f
		}
	}
	return nil
}

func didYouMean(got string, candidates []string) string {
	if near := plan.Nearest(got, candidates); near != "" {
		return fmt.Sprintf(" (did you mean %q?)", near)
	}
	return ""
}

// planChange turns one change into the updates of one plan and records them in doc.
func planChange(doc *edit.Doc, p *plan.Plan, c *Change, opts Options) ([]Update, []string) {
	var kr *plan.KeyResult
	var kpi *plan.KPI
	if c.Kind != "kpi" {
		kr = p.KeyResult(c.ID)
	}
	if c.Kind != "kr" {
		kpi = p.KPI(c.ID)
	}
	where := fmt.Sprintf("%s (%s, %s)", p.File, p.Scope.Value, p.Period.Value)
	if dup := duplicated(p, c); dup != "" {
		return nil, []string{dup}
	}
	switch {
	case kr != nil && kpi != nil:
		return nil, []string{fmt.Sprintf("%s: %s is both a key result and a KPI in %s; write kr:%s or kpi:%s", c.Source, c.ID, where, c.ID, c.ID)}
	case kr == nil && kpi == nil:
		var ids []string
		for _, k := range p.KeyResults() {
			ids = append(ids, k.ID.Value)
		}
		for _, k := range p.KPIs {
			ids = append(ids, k.ID.Value)
		}
		what := "key result or KPI"
		if c.Kind == "kr" {
			what = "key result"
		} else if c.Kind == "kpi" {
			what = "KPI"
		}
		hint := didYouMean(c.ID, ids)
		if o := p.Objective(c.ID); o != nil {
			// Objectives are scored from their key results; say which ones to check in.
			var krs []string
			for _, k := range o.KeyResults {
				krs = append(krs, k.ID.Value)
			}
			hint = fmt.Sprintf("; it is an objective (%s:%d:%d), scored from its key results: check in %s", p.File, o.Pos.Line, o.Pos.Col, strings.Join(krs, ", "))
		} else if hint == "" && len(ids) > 0 {
			hint = "; its ids are " + strings.Join(ids, ", ")
		}
		return nil, []string{fmt.Sprintf("%s: %q is not a %s of %s%s", c.Source, c.ID, what, where, hint)}
	}
	if kpi != nil && kr == nil {
		// A KPI's reading is the current of the outcome key result that links it, when one does.
		if linked := p.LinkedKeyResult(kpi.ID.Value); linked != nil && linked.Type.Value == plan.Outcome {
			kr, kpi = linked, nil
			c = &Change{ID: linked.ID.Value, Value: c.Value, Confidence: c.Confidence, Note: c.Note, Source: c.Source, valueSource: c.valueSource}
		}
	}
	base := Update{File: p.File, Scope: p.Scope.Value, Period: p.Period.Value, ID: c.ID}
	var ups []Update
	var problems []string
	set := func(node *yaml.Node, order []string, field, old string, v edit.Value, newText string) {
		if old == newText {
			// Already so: nothing to change or print, but a conflicting change is still refused.
			u := base
			u.Field, u.Old, u.New, u.source, u.noop = field, old, newText, c.Source, true
			ups = append(ups, u)
			return
		}
		if node == nil {
			problems = append(problems, fmt.Sprintf("%s: cannot find %s in %s; it may come from an anchor, which a check-in does not edit", c.Source, c.ID, p.File))
			return
		}
		if err := doc.Set(node, field, v, order); err != nil {
			problems = append(problems, fmt.Sprintf("%s: %s: %v", c.Source, p.File, err))
			return
		}
		u := base
		u.Field, u.Old, u.New, u.kr, u.KPI, u.source = field, old, newText, kr, kpi != nil, c.Source
		ups = append(ups, u)
	}

	if kpi != nil {
		if c.Confidence != nil || c.Note != nil {
			problems = append(problems, fmt.Sprintf("%s: %s is a KPI; confidence and note belong to key results", c.Source, c.ID))
		}
		if c.Value == "" {
			return ups, append(problems, fmt.Sprintf("%s: %s has no value; write %s=VALUE", c.Source, c.ID, c.ID))
		}
		v, err := measured(c.Value, kpi.Unit.Value)
		if err != nil {
			return nil, append(problems, fmt.Sprintf("%s: KPI %s (%s:%d:%d): %v", c.valueAt(), c.ID, p.File, kpi.Pos.Line, kpi.Pos.Col, err))
		}
		set(doc.MappingAt(int(kpi.Pos.Line), int(kpi.Pos.Col)), plan.FieldKeys(plan.SectionKPI), "actual", numText(kpi.Actual), edit.Number(v), report.FormatNumber(v))
		return ups, problems
	}

	node := doc.MappingAt(int(kr.Pos.Line), int(kr.Pos.Col))
	order := plan.FieldKeys(plan.SectionKeyResult)
	at := fmt.Sprintf("%s:%d:%d", p.File, kr.Pos.Line, kr.Pos.Col)
	if c.Value != "" {
		if kr.Type.Value == plan.Effort {
			switch v := strings.ToLower(c.Value); {
			case v == "done":
				set(node, order, "done", boolText(kr.Done), edit.Bool(true), "true")
				if kr.Progress.Set && kr.Progress.Value != 1 {
					// A done key result with progress below 1 contradicts itself (score-range).
					set(node, order, "progress", numText(kr.Progress), edit.Number(1), "1")
				}
			default:
				x, pct, err := number(v)
				if err == nil && pct {
					x /= 100
				}
				if err != nil || x < 0 || x > 1 {
					problems = append(problems, fmt.Sprintf("%s: %s is an effort key result (%s): write %s=done, a percentage (%s=60%%) or a share from 0 to 1, not %q",
						c.valueAt(), c.ID, at, c.ID, c.ID, c.Value))
					break
				}
				set(node, order, "progress", numText(kr.Progress), edit.Number(x), report.FormatNumber(x))
				if kr.Done.Set && kr.Done.Value {
					set(node, order, "done", "true", edit.Bool(false), "false") // done would hide the progress
				}
			}
		} else if strings.EqualFold(c.Value, "done") {
			problems = append(problems, fmt.Sprintf("%s: %s is an outcome key result (%s), scored from its current value: write the value measured now, e.g. %s=%s; =done is for effort key results",
				c.valueAt(), c.ID, at, c.ID, report.FormatNumber(kr.Target.Value)))
		} else {
			v, err := measured(c.Value, kr.Unit.Value)
			if err != nil {
				problems = append(problems, fmt.Sprintf("%s: key result %s (%s): %v", c.valueAt(), c.ID, at, err))
			} else {
				set(node, order, "current", numText(kr.Current), edit.Number(v), report.FormatNumber(v))
			}
		}
	}
	confidence, note := c.Confidence, c.Note
	if confidence == nil {
		confidence = opts.Confidence
	}
	if note == nil {
		note = opts.Note
	}
	if confidence != nil {
		set(node, order, "confidence", numText(kr.Confidence), edit.Number(*confidence), report.FormatNumber(*confidence))
	}
	if note != nil {
		old := ""
		if kr.Note.Set {
			old = fmt.Sprintf("%q", kr.Note.Value)
		}
		set(node, order, "note", old, edit.String(*note), fmt.Sprintf("%q", *note))
	}
	if c.Value == "" && confidence == nil && note == nil {
		problems = append(problems, fmt.Sprintf("%s: %s has no value; write %s=VALUE, or give --confidence or --note", c.Source, c.ID, c.ID))
	}
	return ups, problems
}

// duplicated says so when the id a change names belongs to two key results, or two KPIs, of
// the plan: a check-in does not guess which one is meant.
func duplicated(p *plan.Plan, c *Change) string {
	var at []string
	what := ""
	if c.Kind != "kpi" {
		for _, k := range p.KeyResults() {
			if k.ID.Value == c.ID {
				at = append(at, fmt.Sprintf("%s:%d:%d", p.File, k.Pos.Line, k.Pos.Col))
			}
		}
		what = "key results"
	}
	if len(at) < 2 && c.Kind != "kr" {
		at, what = nil, "KPIs"
		for _, k := range p.KPIs {
			if k.ID.Value == c.ID {
				at = append(at, fmt.Sprintf("%s:%d:%d", p.File, k.Pos.Line, k.Pos.Col))
			}
		}
	}
	if len(at) < 2 {
		return ""
	}
	return fmt.Sprintf("%s: %s is the id of %d %s of %s (%s and %s); give each its own id (okr lint reports it as duplicate-id), then check in",
		c.Source, c.ID, len(at), what, p.File, strings.Join(at[:len(at)-1], ", "), at[len(at)-1])
}

// measured reads a measured value; "%" after it is allowed when the unit is "%".
func measured(s, unit string) (float64, error) {
	v, pct, err := number(s)
	if err != nil {
		if _, _, err := number(strings.Replace(s, ",", ".", 1)); err == nil && strings.Count(s, ",") == 1 {
			return 0, fmt.Errorf("must be a number, not %q; write %s, with a decimal point", s, strings.Replace(s, ",", ".", 1))
		}
		return 0, fmt.Errorf("must be a number, not %q; write digits with a decimal point, e.g. 9.8", s)
	}
	if pct && strings.TrimSpace(unit) != "%" {
		return 0, fmt.Errorf("%q: the unit is %q, so write the number without %%", s, unit)
	}
	return v, nil
}

func numText(f plan.Field[float64]) string {
	if !f.Set {
		return ""
	}
	return report.FormatNumber(f.Value)
}

func boolText(f plan.Field[bool]) string {
	if !f.Set {
		return ""
	}
	return fmt.Sprint(f.Value)
}

// verify parses every edited file and checks that each changed value reads back as written, so
// a file is never written with a value it does not hold.
func (r *Result) verify() error {
	for rel, data := range r.newData {
		p, diags := plan.Parse(rel, data)
		for _, d := range diags {
			if d.Rule == plan.RuleYAMLSyntax {
				return fmt.Errorf("%s: the edit would break the file (%s); nothing was written", rel, d.Message)
			}
		}
		if p == nil {
			return fmt.Errorf("%s: the edited file no longer reads as a plan; nothing was written", rel)
		}
		for i, u := range r.Updates {
			if u.File != rel {
				continue
			}
			got, ok := readBack(p, u)
			if !ok || got != u.New {
				return fmt.Errorf("%s: %s %s reads back as %q, not %s; nothing was written", rel, u.ID, u.Field, got, u.New)
			}
			if u.kr != nil && (u.Field == "current" || u.Field == "progress" || u.Field == "done") {
				before := report.ScoreKeyResult(u.kr, u.kr.Direction())
				after := p.KeyResult(u.ID)
				now := report.ScoreKeyResult(after, after.Direction())
				r.Updates[i].ScoreOld, r.Updates[i].ScoreNew = &before, &now
				for j := i - 1; j >= 0; j-- { // the score is shown once, after the last value
					if r.Updates[j].File == u.File && r.Updates[j].ID == u.ID && r.Updates[j].ScoreNew != nil {
						r.Updates[j].ScoreOld, r.Updates[j].ScoreNew = nil, nil
					}
				}
			}
		}
	}
	return nil
}

// readBack returns the value an update's field has in the edited plan, written as Update.New is.
func readBack(p *plan.Plan, u Update) (string, bool) {
	if u.KPI {
		k := p.KPI(u.ID)
		if k == nil || !k.Actual.Set {
			return "", false
		}
		return report.FormatNumber(k.Actual.Value), true
	}
	kr := p.KeyResult(u.ID)
	if kr == nil {
		return "", false
	}
	switch u.Field {
	case "current":
		return numText(kr.Current), kr.Current.Set
	case "progress":
		return numText(kr.Progress), kr.Progress.Set
	case "done":
		return boolText(kr.Done), kr.Done.Set
	case "confidence":
		return numText(kr.Confidence), kr.Confidence.Set
	case "note":
		return fmt.Sprintf("%q", kr.Note.Value), kr.Note.Set
	}
	return "", false
}

var lineRef = regexp.MustCompile(`\bline \d+`)

// lint runs the rules on the plans a check-in touches — every plan of the changed plans' scopes,
// of their parents and of the scopes they align to — before and after the change, and keeps the
// findings that are new: in a changed file, or in another plan the change affects (the next
// quarter's baseline).
func (r *Result) lint(ix *index, scopes map[string]bool, opts lint.Options) {
	if len(r.Files) == 0 {
		return
	}
	opts.Files = nil // a changed value can create findings in other plans (kpi-baseline)
	before := lint.Run(plan.LoadSources(r.root, ix.sources(scopes, nil), 0), opts)
	after := lint.Run(plan.LoadSources(r.root, ix.sources(scopes, r.newData), 0), opts)
	seen := map[string]int{}
	// A line a check-in inserts moves the lines below it: a finding that names a line ("already
	// used on line 12") is the same finding on the next line.
	key := func(f lint.Finding) string {
		return f.File + "\x00" + f.Rule + "\x00" + lineRef.ReplaceAllString(f.Message, "line")
	}
	for _, f := range before.Findings {
		seen[key(f)]++
	}
	for _, f := range after.Findings {
		if seen[key(f)] > 0 {
			seen[key(f)]--
			continue
		}
		r.Findings = append(r.Findings, f)
	}
}

// Write writes the changed files atomically. It first checks that none of them changed on disk
// since the check-in read them and that each can be written (its directory takes the temporary
// file), so that a problem it can foresee changes nothing. If a write still fails midway, the
// files already written are put back as they were, and the error says so.
func (r *Result) Write() error {
	for _, rel := range r.Files {
		f := r.files[rel]
		path := filepath.Join(r.root, filepath.FromSlash(rel))
		_, stamp, err := edit.ReadFile(path)
		if err != nil || stamp.Sum != edit.StampOf(f.data).Sum {
			return fmt.Errorf("%s: %w; nothing was written, run the check-in again", rel, edit.ErrChanged)
		}
		if err := checkWritable(path); err != nil {
			return fmt.Errorf("cannot write %s: %w; nothing was written", rel, err)
		}
	}
	for i, rel := range r.Files {
		f := r.files[rel]
		if err := writeFile(filepath.Join(r.root, filepath.FromSlash(rel)), r.newData[rel], edit.Unchanged(edit.StampOf(f.data))); err != nil {
			return fmt.Errorf("cannot write %s: %w; %s", rel, err, r.rollback(r.Files[:i]))
		}
	}
	return nil
}

// checkWritable and writeFile are edit's, replaced in tests to fail where root could write.
var (
	checkWritable = edit.CheckWritable
	writeFile     = edit.WriteFile
)

// rollback puts the files already written back as they were read, and says what it did.
func (r *Result) rollback(written []string) string {
	if len(written) == 0 {
		return "nothing was written"
	}
	var failed []string
	for _, rel := range written {
		path := filepath.Join(r.root, filepath.FromSlash(rel))
		if err := writeFile(path, r.files[rel].data, edit.Unchanged(edit.StampOf(r.newData[rel]))); err != nil {
			failed = append(failed, fmt.Sprintf("%s (%v)", rel, err))
		}
	}
	if len(failed) > 0 {
		return fmt.Sprintf("the check-in was written to %s and could not be undone there: %s; check with git diff",
			plural(len(failed), "file"), strings.Join(failed, ", "))
	}
	return fmt.Sprintf("the files already written were put back as they were (%s), so nothing changed",
		strings.Join(written, ", "))
}
