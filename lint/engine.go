package lint

import (
	"fmt"
	"slices"
	"time"

	"github.com/okr-tool/okr/history"
	"github.com/okr-tool/okr/plan"
)

// Options control a lint run.
type Options struct {
	// Rules are the rules to run; nil means Registry().
	Rules []Rule
	// Severity overrides rules' default severities by rule ID; Off disables a rule.
	Severity map[string]Severity
	// Files limits the reported findings to these repository-relative files; nil reports all.
	// Cross-plan rules still see the whole repository.
	Files map[string]bool
	// History is the plans' past as git records it, for the rules that need it (Info.Requires).
	// When nil, Run asks HistoryProvider for it; when neither provides what a rule requires,
	// the rule does not run.
	History *history.History
	// HistoryProvider reads the plans' history on demand (the git layer implements it). Run
	// calls it at most once, only when an active rule requires history, and only for the
	// files such rules read. Nil outside git.
	HistoryProvider HistoryProvider
	// AsOf is the day date-dependent rules judge by (kpi-stale, kpi-unmeasured, kpi-baseline); zero
	// means today.
	AsOf time.Time
}

// HistoryProvider reads the plans' history for the rules that require it (Info.Requires).
type HistoryProvider interface {
	// PullRequest reports, without reading anything, whether the history compares the plans
	// with a base revision (pull-request mode), as RequiresPullRequest needs.
	PullRequest() bool
	// History reads the history of these plan files of repo (repository-relative paths).
	History(repo *plan.Repository, files map[string]bool) (*history.History, error)
}

// HistoryReader is implemented by a rule that requires history (Info.Requires) and reads only
// part of it: it names the plan files whose history it reads in this run. A rule that does not
// implement it reads the history of the reported files.
type HistoryReader interface {
	HistoryFiles(c *Context) []string
}

// Skipped is a rule that was on but did not run, because the history it requires could not be
// read.
type Skipped struct {
	Rule string
	Err  error
}

// Context is handed to rules while they run: it knows the repository, which rule is running,
// and collects what the rule reports.
type Context struct {
	Repo *plan.Repository
	// History and AsOf are Options.History and Options.AsOf (AsOf set to today when zero).
	History *history.History
	AsOf    time.Time

	rule     *Info
	severity Severity
	findings []Finding
	files    map[string]bool // Options.Files
}

// Reported reports whether findings in a repository-relative file are reported (Options.Files).
func (c *Context) Reported(file string) bool { return c.files == nil || c.files[file] }

// Report records a finding of the running rule at pos in file. It belongs to no object, so
// only a suppression on pos's line silences it.
func (c *Context) Report(file string, pos plan.Pos, format string, args ...any) {
	c.add(file, pos, owners{}, format, args)
}

// ReportPlan records a finding about plan p as a whole, at pos; when pos is zero, at the plan's
// first top-level key (1:1 when it has none). Besides pos's line, a suppression on the plan's
// first line silences it.
func (c *Context) ReportPlan(p *plan.Plan, pos plan.Pos, format string, args ...any) {
	c.add(p.File, or(pos, planStart(p)), owners{planLine(p), 0}, format, args)
}

// ReportObjective records a finding about objective o at pos (o's own position when zero).
func (c *Context) ReportObjective(o *plan.Objective, pos plan.Pos, format string, args ...any) {
	c.add(o.Plan.File, or(pos, o.Pos), owners{o.Pos.Line, 0}, format, args)
}

// ReportKeyResult records a finding about key result kr at pos (kr's own position when zero).
// A suppression on the key result's line or on its objective's line silences it.
func (c *Context) ReportKeyResult(kr *plan.KeyResult, pos plan.Pos, format string, args ...any) {
	o := kr.Objective
	c.add(o.Plan.File, or(pos, kr.Pos), owners{kr.Pos.Line, o.Pos.Line}, format, args)
}

// ReportKPI records a finding about KPI k at pos (k's own position when zero).
func (c *Context) ReportKPI(k *plan.KPI, pos plan.Pos, format string, args ...any) {
	c.add(k.Plan.File, or(pos, k.Pos), owners{k.Pos.Line, 0}, format, args)
}

func (c *Context) add(file string, pos plan.Pos, own owners, format string, args []any) {
	if pos.IsZero() {
		pos = plan.Pos{Line: 1, Col: 1}
	}
	c.findings = append(c.findings, Finding{
		File:     file,
		Pos:      pos,
		Severity: c.severity,
		Rule:     c.rule.ID,
		Message:  fmt.Sprintf(format, args...),
		owners:   own,
	})
}

func or(pos, fallback plan.Pos) plan.Pos {
	if pos.IsZero() {
		return fallback
	}
	return pos
}

// Run checks every plan of the repository and returns the findings, sorted, with a summary.
func Run(repo *plan.Repository, opts Options) *Result {
	rules := opts.Rules
	if rules == nil {
		rules = Registry()
	}
	severity := func(info *Info) Severity {
		if s, ok := opts.Severity[info.ID]; ok {
			return s
		}
		return info.Severity
	}
	active := map[string]Severity{}
	for _, r := range rules {
		info := r.Info()
		active[info.ID] = severity(info)
	}

	c := &Context{Repo: repo, History: opts.History, AsOf: opts.AsOf, files: opts.Files}
	if c.AsOf.IsZero() {
		c.AsOf = plan.Today()
	}
	res := &Result{Findings: []Finding{}}
	if c.History == nil && opts.HistoryProvider != nil {
		res.Skipped = c.readHistory(rules, active, opts.HistoryProvider)
	}
	ran := map[string]bool{}
	for _, r := range rules {
		info := r.Info()
		ran[info.ID] = active[info.ID] != Off && provides(c.History, info.Requires)
	}
	plans := plansByFile(repo)
	c.addDiagnostics(repo, plans, active)
	c.visit(repo, rules, active, ran)
	c.findings = suppress(c.findings, plans, rules, active, ran)
	// One problem, one finding: an alias that repeats a bad node repeats its findings word for word.
	SortFindings(c.findings)
	c.findings = slices.CompactFunc(c.findings, sameFinding)

	for _, f := range c.findings {
		if opts.Files != nil && !opts.Files[f.File] {
			continue
		}
		res.Findings = append(res.Findings, f)
		switch f.Severity {
		case Error:
			res.Summary.Errors++
		case Warning:
			res.Summary.Warnings++
		}
	}
	SortFindings(res.Findings)
	res.Summary.Files, res.Summary.Plans = countScope(repo, opts.Files)
	return res
}

// addDiagnostics turns the diagnostics of loading into findings of the load-time rules; plans
// are the repository's plans by file.
func (c *Context) addDiagnostics(repo *plan.Repository, plans map[string]*plan.Plan, active map[string]Severity) {
	for _, d := range repo.Diagnostics {
		s, ok := active[d.Rule]
		if !ok || s == Off {
			continue
		}
		c.findings = append(c.findings, Finding{
			File: d.File, Pos: d.Pos, Severity: s, Rule: d.Rule, Message: d.Message,
			owners: containingObject(plans[d.File], d.Pos.Line),
		})
	}
}

// visitors are the active rules sorted by what they visit.
type visitors struct {
	plans      []PlanVisitor
	kpis       []KPIVisitor
	objectives []ObjectiveVisitor
	krs        []KeyResultVisitor
	repos      []RepositoryVisitor
	info       map[any]*Info
}

// visit hands the parts of every plan to the rules that run (ran, by ID).
func (c *Context) visit(repo *plan.Repository, rules []Rule, active map[string]Severity, ran map[string]bool) {
	v := visitors{info: map[any]*Info{}}
	for _, r := range rules {
		if !ran[r.Info().ID] {
			continue
		}
		v.info[r] = r.Info()
		if x, ok := r.(PlanVisitor); ok {
			v.plans = append(v.plans, x)
		}
		if x, ok := r.(KPIVisitor); ok {
			v.kpis = append(v.kpis, x)
		}
		if x, ok := r.(ObjectiveVisitor); ok {
			v.objectives = append(v.objectives, x)
		}
		if x, ok := r.(KeyResultVisitor); ok {
			v.krs = append(v.krs, x)
		}
		if x, ok := r.(RepositoryVisitor); ok {
			v.repos = append(v.repos, x)
		}
	}
	use := func(r any) {
		c.rule = v.info[r]
		c.severity = active[c.rule.ID]
	}
	for _, p := range repo.Plans {
		for _, r := range v.plans {
			use(r)
			r.VisitPlan(c, p)
		}
		for _, k := range p.KPIs {
			for _, r := range v.kpis {
				use(r)
				r.VisitKPI(c, k)
			}
		}
		for _, o := range p.Objectives {
			for _, r := range v.objectives {
				use(r)
				r.VisitObjective(c, o)
			}
			for _, kr := range o.KeyResults {
				for _, r := range v.krs {
					use(r)
					r.VisitKeyResult(c, kr)
				}
			}
		}
	}
	for _, r := range v.repos {
		use(r)
		r.VisitRepository(c, repo)
	}
}

// readHistory asks hp for the history the active rules require, for the files they read, and
// sets c.History. When it cannot be read, it returns the rules that therefore do not run.
func (c *Context) readHistory(rules []Rule, active map[string]Severity, hp HistoryProvider) []Skipped {
	var asking []string
	files := map[string]bool{}
	for _, r := range rules {
		info := r.Info()
		if info.Requires == "" || active[info.ID] == Off || (info.Requires == RequiresPullRequest && !hp.PullRequest()) {
			continue
		}
		asking = append(asking, info.ID)
		if hr, ok := r.(HistoryReader); ok {
			for _, f := range hr.HistoryFiles(c) {
				files[f] = true
			}
			continue
		}
		for _, f := range c.Repo.Files {
			if c.Reported(f) {
				files[f] = true
			}
		}
	}
	if len(files) == 0 {
		return nil // nothing to read: the rules find nothing either
	}
	h, err := hp.History(c.Repo, files)
	if err != nil {
		skipped := make([]Skipped, len(asking))
		for i, id := range asking {
			skipped[i] = Skipped{Rule: id, Err: err}
		}
		return skipped
	}
	c.History = h
	return nil
}

// provides reports whether a run with history h has what a rule requires (Info.Requires).
func provides(h *history.History, requires string) bool {
	switch requires {
	case "":
		return true
	case RequiresPullRequest:
		return h != nil && h.Base != ""
	}
	return h != nil
}

func plansByFile(repo *plan.Repository) map[string]*plan.Plan {
	m := make(map[string]*plan.Plan, len(repo.Plans))
	for _, p := range repo.Plans {
		m[p.File] = p
	}
	return m
}

func countScope(repo *plan.Repository, files map[string]bool) (nFiles, nPlans int) {
	for _, f := range repo.Files {
		if files == nil || files[f] {
			nFiles++
		}
	}
	for _, p := range repo.Plans {
		if files == nil || files[p.File] {
			nPlans++
		}
	}
	return nFiles, nPlans
}
