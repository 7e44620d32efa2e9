package report

import (
	"testing"

	"github.com/okr-tool/okr/plan"
)

// TestReview: once the quarter is over the review lists the objectives met in full, the KPIs
// worse than their target and the KPIs without a reading; retired KPIs are in neither list. No
// review while the quarter runs.
func TestReview(t *testing.T) {
	p := withKPIs(newPlan("q3/c.yaml", "company", "2026-Q3",
		objective("easy", outcomeKR("a", 0, 10, 10)),
		objective("hard", linked(outcomeKR("b", 10, 4, 8), "churn"))),
		kpi("churn", func(k *plan.KPI) { k.Direction = set(plan.Down) }),
		kpi("nps", func(k *plan.KPI) { k.Target = set(40.0) }),
		kpi("old", func(k *plan.KPI) { k.Retired = set("replaced by nps") }),
		kpi("arr", func(k *plan.KPI) { k.Target = set(20.0); k.Actual = set(21.0) }))
	r, err := Build(repoOf(p), Options{AsOf: day("2026-10-05")})
	if err != nil {
		t.Fatal(err)
	}
	rv := r.Review
	if rv == nil {
		t.Fatal("no review for a finished quarter")
	}
	if len(rv.Plans) != 1 || len(rv.NotAmbitious) != 1 || rv.NotAmbitious[0].ID != "easy" {
		t.Errorf("plans %d, not ambitious %v; want 1 plan and easy", len(rv.Plans), rv.NotAmbitious)
	}
	if len(rv.Missed) != 1 || rv.Missed[0].KPI.ID != "churn" {
		t.Errorf("missed %v, want churn (8 against a target of 4, lower is better)", rv.Missed)
	}
	if len(rv.Unmeasured) != 1 || rv.Unmeasured[0].KPI.ID != "nps" {
		t.Errorf("unmeasured %v, want nps", rv.Unmeasured)
	}
	if g, y, red := r.Plans[0].Grades(); g != 1 || y != 0 || red != 1 {
		t.Errorf("grades %d/%d/%d, want 1 green, 1 red", g, y, red)
	}
	r, err = Build(repoOf(p), Options{AsOf: day("2026-09-05")})
	if err != nil {
		t.Fatal(err)
	}
	if r.Review != nil {
		t.Error("a review while the quarter runs")
	}
}

// A key result never measured by the end of the period is graded 0 and listed by the review.
func TestReviewListsNeverMeasured(t *testing.T) {
	o := objective("o", outcomeKR("a", 0, 10, 10), outcomeKR("b", 0, 10))
	r, err := Build(repoOf(newPlan("q3.yaml", "company", "2026-Q3", o)), Options{AsOf: day("2026-10-15")})
	if err != nil {
		t.Fatal(err)
	}
	rv := ReviewOf(r)
	if rv == nil || len(rv.NeverMeasured) != 1 || rv.NeverMeasured[0].KR.ID != "b" || rv.NeverMeasured[0].Objective.ID != "o" {
		t.Fatalf("review lists %+v, want key result b of objective o", rv)
	}
	if got := r.Plans[0].Objectives[0].Score; got != 0.5 {
		t.Errorf("objective graded %v, want 0.5: b counts as 0", got)
	}
}
