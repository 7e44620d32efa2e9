package report

import (
	"time"

	"github.com/okr-tool/okr/plan"
)

func set[T any](v T) plan.Field[T] { return plan.Field[T]{Value: v, Set: true} }

func day(s string) time.Time {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return t
}

// outcomeKR builds an outcome key result; current is left unset when omitted.
func outcomeKR(id string, start, target float64, current ...float64) *plan.KeyResult {
	kr := &plan.KeyResult{ID: set(id), Title: set("KR " + id), Type: plan.Field[plan.KRType]{Value: plan.Outcome},
		Start: set(start), Target: set(target), Weight: plan.Field[float64]{Value: 1}}
	if len(current) > 0 {
		kr.Current = set(current[0])
	}
	return kr
}

// effortKR builds an effort key result with the given progress, or none when progress < 0.
func effortKR(id string, progress float64) *plan.KeyResult {
	kr := &plan.KeyResult{ID: set(id), Title: set("KR " + id), Type: set(plan.Effort), Weight: plan.Field[float64]{Value: 1}}
	if progress >= 0 {
		kr.Progress = set(progress)
	}
	return kr
}

func objective(id string, krs ...*plan.KeyResult) *plan.Objective {
	o := &plan.Objective{ID: set(id), Title: set("Objective " + id), KeyResults: krs}
	for _, kr := range krs {
		kr.Objective = o
	}
	return o
}

func newPlan(file, scope, period string, objectives ...*plan.Objective) *plan.Plan {
	per, err := plan.ParsePeriod(period)
	if err != nil {
		panic(err)
	}
	p := &plan.Plan{File: file, Scope: set(scope), Period: set(per), Objectives: objectives}
	for _, o := range objectives {
		o.Plan = p
	}
	return p
}

func repoOf(plans ...*plan.Plan) *plan.Repository {
	files := make([]string, 0, len(plans))
	for _, p := range plans {
		files = append(files, p.File)
	}
	return plan.NewRepository("/repo", plans, nil, files)
}

// maintainKR builds a maintain key result; dir "" leaves its direction unwritten and current is
// left unset when omitted.
func maintainKR(id string, threshold float64, dir plan.Direction, current ...float64) *plan.KeyResult {
	kr := &plan.KeyResult{ID: set(id), Title: set("KR " + id), Type: set(plan.Maintain), Hold: &plan.Hold{Threshold: set(threshold)},
		Weight: plan.Field[float64]{Value: 1}}
	if dir != "" {
		kr.Hold.Direction = set(dir)
	}
	if len(current) > 0 {
		kr.Current = set(current[0])
	}
	return kr
}

// scored gives kr a manual score.
func scored(kr *plan.KeyResult, score float64) *plan.KeyResult {
	kr.Score = set(score)
	return kr
}

// pct puts kr in an objective of a plan that declares grade_scale: 100.
func pct(kr *plan.KeyResult) *plan.KeyResult {
	p := newPlan("p.yaml", "sales", "2026-Q3", objective("o", kr))
	p.GradeScale = set(100.0)
	return kr
}
