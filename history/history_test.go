package history_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/okr-tool/okr/history"
	"github.com/okr-tool/okr/plan"
)

func parse(t *testing.T, text string) *plan.Plan {
	t.Helper()
	p, diags := plan.Parse("plans/sales.yaml", []byte(text))
	if p == nil {
		t.Fatalf("parse: %v", diags)
	}
	return p
}

func rev(commit, date string) history.Revision {
	d, err := time.Parse(time.DateOnly, date)
	if err != nil {
		panic(err)
	}
	return history.Revision{Commit: commit, Date: d}
}

func salesPlan(current, actual string, withNPS bool) string {
	s := `period: 2026-Q3
scope: sales
kpis:
  - {id: retention, name: Retention, source: CRM, frequency: monthly}
  - {id: pipeline, name: Pipeline, source: CRM, frequency: weekly, target: 10` + actual + `}
objectives:
  - id: loyal
    title: Loyal customers
    key_results:
      - {id: keep, title: Keep them, start: 70, target: 80` + current + `, kpi: retention}
      - {id: plans, title: Success plans, type: effort, due: 2026-09-30, progress: 0.5}
`
	if withNPS {
		s += "      - {id: nps, title: Raise NPS, start: 20, target: 30}\n"
	}
	return s
}

func TestPlanHistoryRecordsOnlyChanges(t *testing.T) {
	ph := history.NewPlan("plans/sales.yaml")
	ph.Add(rev("c1", "2026-06-20"), parse(t, salesPlan("", "", true)))
	ph.Add(rev("c2", "2026-07-10"), parse(t, salesPlan(", current: 72", ", actual: 4", true)))
	ph.Add(rev("c3", "2026-07-20"), parse(t, "# a comment only\n"+salesPlan(", current: 72", ", actual: 4", true)))
	ph.Add(rev("c4", "2026-08-01"), parse(t, salesPlan(", current: 75", ", actual: 4", false)))
	ph.Add(rev("c5", "2026-08-02"), nil)

	if len(ph.Revisions) != 5 {
		t.Errorf("%d revisions recorded, want 5", len(ph.Revisions))
	}
	keep := ph.KeyResults["keep"]
	var got []string
	for _, v := range keep {
		got = append(got, fmt.Sprintf("%s:%v", v.Commit, v.KeyResult.Current.Value))
	}
	if want := "[c1:0 c2:72 c4:75]"; fmt.Sprint(got) != want {
		t.Errorf("keep versions %v, want %s", got, want)
	}
	if keep[0].KeyResult.Objective != nil {
		t.Error("a recorded key result still points into its plan")
	}
	nps := ph.KeyResults["nps"]
	if len(nps) != 2 || nps[1].Commit != "c4" || nps[1].KeyResult != nil {
		t.Errorf("nps versions %+v: want an addition, then a removal at c4", nps)
	}
	if n := len(ph.KeyResults["plans"]); n != 1 {
		t.Errorf("an unchanged key result has %d versions", n)
	}
	ret := ph.KPIs["retention"]
	if len(ret) != 3 || ret[0].Value != nil || *ret[1].Value != 72 || *ret[2].Value != 75 {
		t.Errorf("retention readings follow the linked key result's current: %+v", ret)
	}
	pipe := ph.KPIs["pipeline"]
	if len(pipe) != 2 || *pipe[1].Value != 4 || pipe[1].Commit != "c2" {
		t.Errorf("pipeline versions %+v", pipe)
	}
}

func TestFreshness(t *testing.T) {
	h := history.New()
	ph := history.NewPlan("plans/sales.yaml")
	ph.Add(rev("c1", "2026-06-20"), parse(t, salesPlan("", "", false)))
	ph.Add(rev("c2", "2026-07-10"), parse(t, salesPlan(", current: 72", ", actual: 4", false)))
	ph.Add(rev("c3", "2026-08-20"), parse(t, salesPlan(", current: 74", ", actual: 4", false)))
	h.Plans[ph.File] = ph
	now := parse(t, salesPlan(", current: 74", ", actual: 4", false))
	retention, pipeline := now.KPI("retention"), now.KPI("pipeline")

	day := func(s string) time.Time { d, _ := time.Parse(time.DateOnly, s); return d }
	tests := []struct {
		kpi   *plan.KPI
		asOf  string
		ok    bool
		stale bool
		last  string
		age   int
	}{
		{retention, "2026-06-25", false, false, "", 0}, // before the period
		{retention, "2026-08-15", true, true, "c2", 36},
		{retention, "2026-08-25", true, false, "c3", 5},
		{retention, "2026-12-31", true, true, "c3", 41}, // judged at the period's last day
		{pipeline, "2026-07-15", true, false, "c2", 5},
		{pipeline, "2026-07-18", true, true, "c2", 8},
	}
	for _, tt := range tests {
		f, ok := h.Freshness(tt.kpi, day(tt.asOf))
		if ok != tt.ok || f.Stale != tt.stale || f.Last.Commit != tt.last || f.Age != tt.age {
			t.Errorf("Freshness(%s, %s) = %+v, %v; want stale %v, last %q, age %d",
				tt.kpi.ID.Value, tt.asOf, f, ok, tt.stale, tt.last, tt.age)
		}
	}

	// Without any reading, the age counts from the start of the period.
	bare := parse(t, salesPlan("", "", false))
	hb := history.New()
	pb := history.NewPlan("plans/sales.yaml")
	pb.Add(rev("c1", "2026-06-20"), bare)
	hb.Plans[pb.File] = pb
	f, ok := hb.Freshness(bare.KPI("retention"), day("2026-08-10"))
	if !ok || !f.Stale || f.HasReading || f.Age != 40 {
		t.Errorf("Freshness without a reading = %+v, %v", f, ok)
	}
}

func TestRevisionShort(t *testing.T) {
	if s := (history.Revision{Commit: "0123456789abcdef"}).Short(); s != "0123456" {
		t.Errorf("Short = %q", s)
	}
	if s := (history.Revision{}).Short(); s != "uncommitted" {
		t.Errorf("Short = %q", s)
	}
}
