package report

import (
	"math"
	"strings"
	"testing"

	"github.com/okr-tool/okr/plan"
)

// An invalid key result — a grade outside the scale, or a start → target against its KPI's
// direction — has no score: it is left out of the objective's and the plan's means, instead of
// counting as 1.00 (progress: 60 read as "6000% done") or as 0.
func TestInvalidKeyResultsAreLeftOutOfRollUps(t *testing.T) {
	retention := outcomeKR("retention", 80, 75, 78) // OnStrategy's 75% → 80%, written backwards
	retention.KPI = set("client-retention")
	mixed := objective("mixed", effortKR("plans", 60), outcomeKR("half", 0, 10, 5))
	invalid := objective("invalid", retention)
	fine := objective("fine", outcomeKR("full", 0, 10, 10))
	p := newPlan("p.yaml", "sales", "2026-Q3", mixed, invalid, fine)
	p.KPIs = []*plan.KPI{{Plan: p, ID: set("client-retention"), Name: set("Client retention"), Direction: set(plan.Up)}}

	r, err := Build(repoOf(p), Options{AsOf: day("2026-10-15")})
	if err != nil {
		t.Fatal(err)
	}
	pr := r.Plans[0]
	if got := pr.Objectives[0].Score; math.Abs(got-0.5) > 1e-12 {
		t.Errorf("objective with progress: 60 beside 0.5 scores %v; want 0.5", got)
	}
	if o := pr.Objectives[1]; !o.NoData || o.Grade != "" {
		t.Errorf("objective with only an invalid key result: NoData %v, grade %q; want no data", o.NoData, o.Grade)
	}
	kr := pr.Objectives[1].KeyResults[0]
	if kr.Basis != BasisInvalid || !strings.Contains(strings.Join(kr.Notes, " "), "start 80 → target 75 goes down, but its KPI client-retention should go up") {
		t.Errorf("backwards retention: basis %s, notes %q", kr.Basis, kr.Notes)
	}
	if got := pr.Score; math.Abs(got-0.75) > 1e-12 {
		t.Errorf("plan scores %v; want 0.75, the mean of 0.5 and 1 without the invalid objective", got)
	}
}

// "Keep clients rated healthy at or above 20%": a maintain key result scores 1 while it holds
// the line, and its threshold is the target of the KPI it is linked to.
func TestMaintainKeyResultInAReport(t *testing.T) {
	hold := maintainKR("healthy", 20, plan.Up, 21)
	hold.KPI = set("healthy-clients")
	p := newPlan("p.yaml", "cs", "2026-Q3", objective("keep", hold))
	p.KPIs = []*plan.KPI{{Plan: p, ID: set("healthy-clients"), Name: set("Healthy clients")}}
	r, err := Build(repoOf(p), Options{AsOf: day("2026-08-15")})
	if err != nil {
		t.Fatal(err)
	}
	kr := r.Plans[0].Objectives[0].KeyResults[0]
	if kr.Value != 1 || kr.Basis != BasisMaintain || kr.Status != StatusOnTrack {
		t.Errorf("maintain: %v %s %s", kr.Value, kr.Basis, kr.Status)
	}
	k := r.Plans[0].KPIs[0]
	if k.Target == nil || *k.Target != 20 || k.OnTarget == nil || !*k.OnTarget {
		t.Errorf("KPI target %v, on target %v; want 20, true", k.Target, k.OnTarget)
	}
}

// A progress is shown as the share it stands for: 60 on a plan's 0..100 scale is 0.6, and 60 on
// the 0..1 scale is no share at all (never "6000% done").
func TestProgressIsAShare(t *testing.T) {
	scaled := pct(effortKR("scaled", 60))
	r, err := Build(repoOf(scaled.Objective.Plan), Options{AsOf: day("2026-08-15")})
	if err != nil {
		t.Fatal(err)
	}
	if kr := r.Plans[0].Objectives[0].KeyResults[0]; kr.Progress == nil || *kr.Progress != 0.6 || kr.Value != 0.6 {
		t.Errorf("progress 60 on grade_scale 100: progress %v, score %v; want 0.6", kr.Progress, kr.Value)
	}
	wrong := effortKR("wrong", 60)
	r, err = Build(repoOf(newPlan("p.yaml", "sales", "2026-Q3", objective("o", wrong))), Options{AsOf: day("2026-08-15")})
	if err != nil {
		t.Fatal(err)
	}
	if kr := r.Plans[0].Objectives[0].KeyResults[0]; kr.Progress != nil || kr.Basis != BasisInvalid {
		t.Errorf("progress 60 on the 0..1 scale: progress %v, basis %s; want none, invalid", kr.Progress, kr.Basis)
	}
}
