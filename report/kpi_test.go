package report

import (
	"fmt"
	"strings"
	"testing"

	"github.com/okr-tool/okr/plan"
)

func kpi(id string, fields func(k *plan.KPI)) *plan.KPI {
	k := &plan.KPI{ID: set(id), Name: set("KPI " + id), Source: set("CRM"), Frequency: set(plan.Monthly)}
	if fields != nil {
		fields(k)
	}
	return k
}

func withKPIs(p *plan.Plan, kpis ...*plan.KPI) *plan.Plan {
	for _, k := range kpis {
		k.Plan = p
	}
	p.KPIs = kpis
	return p
}

func linked(kr *plan.KeyResult, kpiID string) *plan.KeyResult {
	kr.KPI = set(kpiID)
	return kr
}

func show(v *float64) string {
	if v == nil {
		return "-"
	}
	return FormatNumber(*v)
}

func TestKPISeries(t *testing.T) {
	annual := withKPIs(newPlan("2026/c.yaml", "company", "2026"), kpi("retention", func(k *plan.KPI) { k.Target = set(80.0) }))
	q1 := withKPIs(newPlan("q1/c.yaml", "company", "2026-Q1"),
		kpi("retention", func(k *plan.KPI) { k.Target = set(72.0); k.Actual = set(71.0) }),
		kpi("churn", func(k *plan.KPI) { k.Direction = set(plan.Down); k.Target = set(5.0); k.Actual = set(6.0) }))
	q2 := withKPIs(newPlan("q2/c.yaml", "company", "2026-Q2",
		objective("loyal", linked(outcomeKR("ret", 72, 74, 73.5), "retention"), linked(outcomeKR("churn", 6, 4, 4), "churn"))),
		kpi("retention", nil), kpi("churn", nil))
	q3 := withKPIs(newPlan("q3/c.yaml", "company", "2026-Q3",
		objective("loyal", linked(outcomeKR("ret", 73, 75, 74), "retention"), linked(outcomeKR("churn", 4, 3), "churn"))),
		kpi("retention", nil), kpi("churn", func(k *plan.KPI) { k.AnnualTarget = set(3.0) }))

	r, err := Build(repoOf(annual, q1, q2, q3), Options{AsOf: day("2026-08-15")})
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	for _, k := range r.Plans[0].KPIs {
		fmt.Fprintf(&b, "%s %s value=%s target=%s annual=%s on=%v:", k.ID, k.Direction, show(k.Value), show(k.Target), show(k.AnnualTarget), onTarget(k.OnTarget))
		for _, pt := range k.Series {
			fmt.Fprintf(&b, " %s=%s/%s", pt.Period, show(pt.Value), show(pt.Target))
		}
		b.WriteString("\n")
	}
	want := `retention up value=74 target=75 annual=80 on=no: 2026-Q1=71/72 2026-Q2=73.5/74 2026-Q3=74/75 2026-Q4=-/-
churn down value=- target=3 annual=3 on=?: 2026-Q1=6/5 2026-Q2=4/4 2026-Q3=-/3 2026-Q4=-/-
`
	if b.String() != want {
		t.Errorf("KPIs:\n%s\nwant:\n%s", b.String(), want)
	}
}

func onTarget(b *bool) string {
	switch {
	case b == nil:
		return "?"
	case *b:
		return "yes"
	}
	return "no"
}

func TestKPIOnTargetDirection(t *testing.T) {
	tests := []struct {
		value, target float64
		dir           plan.Direction
		want          bool
	}{
		{75, 75, plan.Up, true}, {76, 75, plan.Up, true}, {74, 75, plan.Up, false},
		{3, 3, plan.Down, true}, {2, 3, plan.Down, true}, {4, 3, plan.Down, false},
	}
	for _, tt := range tests {
		if got := meets(tt.value, tt.target, tt.dir); got != tt.want {
			t.Errorf("meets(%v, %v, %s) = %v, want %v", tt.value, tt.target, tt.dir, got, tt.want)
		}
	}
}

// An effort key result that names a KPI measures nothing: the KPI's value, target and direction
// come from the outcome key result that links it, even when the effort one comes first.
func TestKPIFromOutcomeNotEffort(t *testing.T) {
	effort := linked(effortKR("survey", 0.5), "nps")
	effort.Current = set(99.0) // misplaced on an effort key result: never a reading
	p := withKPIs(newPlan("q3/c.yaml", "company", "2026-Q3",
		objective("calm", effort, linked(outcomeKR("complaints", 60, 40, 48), "nps"))),
		kpi("nps", nil))
	r, err := Build(repoOf(p), Options{AsOf: day("2026-08-15")})
	if err != nil {
		t.Fatal(err)
	}
	k := r.Plans[0].KPIs[0]
	if got, want := fmt.Sprintf("%s value=%s target=%s", k.Direction, show(k.Value), show(k.Target)), "down value=48 target=40"; got != want {
		t.Errorf("KPI nps: %s, want %s", got, want)
	}
}

// TestKPISeriesStartsWhenTracked: a team that started following its KPIs in Q3 has a series from
// Q3, not empty Q1 and Q2; the plan's KPI table starts at its earliest KPI.
func TestKPISeriesStartsWhenTracked(t *testing.T) {
	q2 := withKPIs(newPlan("q2/s.yaml", "sales", "2026-Q2"), kpi("pipeline", func(k *plan.KPI) { k.Actual = set(3.0) }))
	q3 := withKPIs(newPlan("q3/s.yaml", "sales", "2026-Q3"),
		kpi("pipeline", func(k *plan.KPI) { k.Actual = set(4.0) }), kpi("win-rate", func(k *plan.KPI) { k.Actual = set(0.2) }))
	r, err := Build(repoOf(q2, q3), Options{Period: plan.Period{Year: 2026, Quarter: 3}, AsOf: day("2026-08-15")})
	if err != nil {
		t.Fatal(err)
	}
	pr := r.Plans[0]
	var got []string
	for _, k := range pr.KPIs {
		got = append(got, fmt.Sprintf("%s from %s, %d quarters", k.ID, k.Series[0].Period, len(k.Series)))
	}
	if want := []string{"pipeline from 2026-Q2, 3 quarters", "win-rate from 2026-Q3, 2 quarters"}; strings.Join(got, "; ") != strings.Join(want, "; ") {
		t.Errorf("series: %q, want %q", got, want)
	}
	if q := pr.KPIQuarters(); len(q) != 3 || q[0] != (plan.Period{Year: 2026, Quarter: 2}) {
		t.Errorf("KPIQuarters = %v, want Q2..Q4", q)
	}
	if pt := pr.KPIs[1].At(plan.Period{Year: 2026, Quarter: 2}); pt.Tracked {
		t.Errorf("win-rate in Q2 is tracked, want not")
	}
}

// A KPI whose own target disagrees with its key result's (lint: kpi-target-agree) has two
// targets for one quarter: neither is scored, and both say why, as a direction conflict does.
func TestKPITwoTargetsNotScored(t *testing.T) {
	q3 := withKPIs(newPlan("q3/c.yaml", "company", "2026-Q3",
		objective("loyal", linked(outcomeKR("ret", 73, 75, 75.5), "retention"), outcomeKR("other", 0, 10, 5))),
		kpi("retention", func(k *plan.KPI) { k.Target = set(77.0) }))
	r, err := Build(repoOf(q3), Options{AsOf: day("2026-08-15")})
	if err != nil {
		t.Fatal(err)
	}
	p := r.Plans[0]
	kr := p.Objectives[0].KeyResults[0]
	if kr.Basis != BasisInvalid || kr.StatusText() != "not scored: two targets for one quarter" || !strings.Contains(kr.Note, "77") {
		t.Errorf("KR: basis %s, status %q, note %q; want invalid, not scored with both targets", kr.Basis, kr.StatusText(), kr.Note)
	}
	if got := p.Objectives[0].Score; got != 0.5 {
		t.Errorf("objective score %v, want 0.5 (the conflicting KR left out)", got)
	}
	k := p.KPIs[0]
	if !strings.HasPrefix(k.Problem, "not scored: ") || k.OnTarget != nil || k.Tone() != ToneNone {
		t.Errorf("KPI: problem %q, on target %v, tone %s; want not scored, no judgement", k.Problem, k.OnTarget, k.Tone())
	}
}

// A KPI measured by a key result takes its status and colour; an unlinked one is judged by pace
// from its previous quarter's reading.
func TestKPIStatusFromKROrBaseline(t *testing.T) {
	q2 := withKPIs(newPlan("q2/c.yaml", "company", "2026-Q2"),
		kpi("nps", func(k *plan.KPI) { k.Actual = set(30.0) }), kpi("retention", nil))
	q3 := withKPIs(newPlan("q3/c.yaml", "company", "2026-Q3",
		objective("loyal", linked(outcomeKR("ret", 72, 74, 73), "retention"))),
		kpi("retention", nil), kpi("nps", func(k *plan.KPI) { k.Target = set(40.0); k.Actual = set(31.0) }))
	r, err := Build(repoOf(q2, q3), Options{AsOf: day("2026-09-20")})
	if err != nil {
		t.Fatal(err)
	}
	p := r.Plans[0]
	kr := p.Objectives[0].KeyResults[0]
	ret, nps := p.KPIs[0], p.KPIs[1]
	if ret.Status != kr.Status || ret.Tone() != StatusOffTrack.Tone() {
		t.Errorf("retention KPI status %s (tone %s), KR ret %s; want the KR's off track", ret.Status, ret.Tone(), kr.Status)
	}
	if nps.Baseline == nil || *nps.Baseline != 30 || nps.Status != StatusOffTrack {
		t.Errorf("nps baseline %s status %s; want 30, off track (1 of 10 points late in the quarter)", show(nps.Baseline), nps.Status)
	}
}
