package report

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/okr-tool/okr/history"
	"github.com/okr-tool/okr/plan"
)

// Options select what a report covers.
type Options struct {
	// Period is the period reported; the zero Period means the latest period that has a plan
	// among the plans considered.
	Period plan.Period
	// Scopes limits the report to these scopes; empty means every scope.
	Scopes []string
	// Files limits the plans considered to these repository-relative files; nil means all.
	Files map[string]bool
	// AsOf is the day statuses are computed for.
	AsOf time.Time
	// History, when set, adds the history of check-ins: a trend for every key result and KPI,
	// and the freshness of every live KPI's reading.
	History *history.History
	// Eased, when set and History is not, is a history that holds at least every change of a
	// goalpost since the period started (gitplan's HistoryOptions.Since and GoalpostsOnly): the
	// report shows the eased targets from it, and nothing else of the history.
	Eased *history.History
	// Source says which version of the plans was read (Report.Source).
	Source *Source
}

// Build scores the plans of repo that opts select. Plans with problems are reported as far as
// they go; files that yielded no usable plan are listed in Report.Skipped. It fails only when
// the selection is empty.
func Build(repo *plan.Repository, opts Options) (*Report, error) {
	b := newBuilder(repo, opts.AsOf)
	candidates, skipped := b.candidates(opts)
	if len(candidates) == 0 {
		return nil, emptySelection(repo, opts)
	}
	period := choosePeriod(candidates, opts)
	r := &Report{AsOf: opts.AsOf, Period: period, Scopes: opts.Scopes, Skipped: skipped, Source: opts.Source}
	for _, p := range candidates {
		if p.Period.Value == period {
			pr := b.plan(p)
			pr.KPIs = b.kpis(pr)
			r.Plans = append(r.Plans, pr)
		}
	}
	if len(r.Plans) == 0 {
		return nil, emptySelection(repo, opts)
	}
	slices.SortStableFunc(r.Plans, func(x, y *PlanReport) int {
		return cmp.Or(plan.CompareLevels(x.Level, y.Level), strings.Compare(x.Scope, y.Scope))
	})
	for _, pr := range r.Plans {
		r.Summary.add(pr.Summary)
	}
	r.Alignment, r.Unaligned = b.alignment(r.Plans)
	if opts.History != nil {
		addHistory(r, opts.History, repo)
	} else if opts.Eased != nil {
		addEasings(r, opts.Eased, repo)
	}
	r.Review = ReviewOf(r)
	return r, nil
}

// Selected returns the plans Build reports for opts, in repository order: the plans of the chosen
// period among those the files and scopes select.
func Selected(repo *plan.Repository, opts Options) []*plan.Plan {
	candidates, _ := newBuilder(repo, opts.AsOf).candidates(opts)
	period := choosePeriod(candidates, opts)
	var plans []*plan.Plan
	for _, p := range candidates {
		if p.Period.Value == period {
			plans = append(plans, p)
		}
	}
	return plans
}

// choosePeriod is the period reported: opts.Period when given; else the quarter that contains
// the as-of day when a candidate plan is for it, so that drafting next quarter's plans does not
// hide the quarter under way; else the latest period of the candidates.
func choosePeriod(candidates []*plan.Plan, opts Options) plan.Period {
	if !opts.Period.IsZero() {
		return opts.Period
	}
	var latest plan.Period
	for _, p := range candidates {
		pp := p.Period.Value
		if pp.IsQuarter() && pp.Contains(opts.AsOf) {
			return pp
		}
		if latest.IsZero() || latest.Before(pp) {
			latest = pp
		}
	}
	return latest
}

// builder scores plans once each, so that objectives reached through alignment are shared.
type builder struct {
	repo     *plan.Repository
	asOf     time.Time
	problems map[string]int
	scored   map[*plan.Plan]*PlanReport
}

func newBuilder(repo *plan.Repository, asOf time.Time) *builder {
	b := &builder{repo: repo, asOf: asOf, problems: map[string]int{}, scored: map[*plan.Plan]*PlanReport{}}
	for _, d := range repo.Diagnostics {
		b.problems[d.File]++
	}
	return b
}

// candidates returns the plans opts may select from, and the files and plans that cannot be
// reported with the reason.
func (b *builder) candidates(opts Options) ([]*plan.Plan, []Skip) {
	var plans []*plan.Plan
	var skipped []Skip
	loaded := make(map[string]bool, len(b.repo.Plans))
	for _, p := range b.repo.Plans {
		loaded[p.File] = true
		if opts.Files != nil && !opts.Files[p.File] {
			continue
		}
		switch {
		case !p.Period.Set:
			skipped = append(skipped, Skip{File: p.File, Reason: "no valid period"})
			continue
		case !p.Scope.Set:
			skipped = append(skipped, Skip{File: p.File, Reason: "no valid scope"})
			continue
		case b.repo.Plan(p.Scope.Value, p.Period.Value) != p:
			first := b.repo.Plan(p.Scope.Value, p.Period.Value)
			skipped = append(skipped, Skip{File: p.File, Reason: fmt.Sprintf(
				"plan %s for %s is already defined in %s", p.Scope.Value, p.Period.Value, first.File)})
			continue
		}
		if len(opts.Scopes) > 0 && !slices.Contains(opts.Scopes, p.Scope.Value) {
			continue
		}
		if !opts.Period.IsZero() && p.Period.Value != opts.Period {
			continue
		}
		plans = append(plans, p)
	}
	firstProblem := map[string]string{}
	for _, d := range b.repo.Diagnostics {
		if _, ok := firstProblem[d.File]; !ok {
			firstProblem[d.File] = fmt.Sprintf("line %d: %s", d.Pos.Line, d.Message)
		}
	}
	for _, f := range b.repo.Files {
		if loaded[f] || (opts.Files != nil && !opts.Files[f]) {
			continue
		}
		reason := firstProblem[f]
		if reason == "" {
			reason = "could not be read as a plan"
		}
		skipped = append(skipped, Skip{File: f, Reason: reason})
	}
	slices.SortStableFunc(skipped, func(x, y Skip) int { return strings.Compare(x.File, y.File) })
	return plans, skipped
}

// emptySelection explains why no plan matched, naming what is there instead.
func emptySelection(repo *plan.Repository, opts Options) error {
	if len(repo.Plans) == 0 {
		return fmt.Errorf("no plans found: a plan is a YAML file with a top-level \"period\" key")
	}
	known := repo.Scopes()
	for _, s := range opts.Scopes {
		if !slices.Contains(known, s) {
			msg := fmt.Sprintf("no plan has scope %q", s)
			if near := plan.Nearest(s, known); near != "" {
				msg += fmt.Sprintf("; did you mean %q?", near)
			}
			return fmt.Errorf("%s; scopes: %s", msg, strings.Join(known, ", "))
		}
	}
	var periods []string
	for _, p := range repo.Periods() {
		periods = append(periods, p.String())
	}
	what := "no plan"
	if len(opts.Scopes) > 0 {
		what += " of " + strings.Join(opts.Scopes, ", ")
	}
	if !opts.Period.IsZero() {
		what += " for " + opts.Period.String()
	}
	if opts.Files != nil && len(opts.Files) < len(repo.Files) {
		what += " in the paths named"
	}
	return fmt.Errorf("%s; periods with plans: %s", what, strings.Join(periods, ", "))
}

func (s *Summary) add(t Summary) {
	s.Objectives += t.Objectives
	s.KeyResults += t.KeyResults
	for k, v := range t.ByStatus {
		s.count(k, v)
	}
}

func (s *Summary) count(st Status, n int) {
	if s.ByStatus == nil {
		s.ByStatus = map[Status]int{}
	}
	s.ByStatus[st] += n
}
