package report

import (
	"fmt"
	"testing"
	"time"

	"github.com/okr-tool/okr/history"
	"github.com/okr-tool/okr/plan"
)

func historyPlan(current, progress string) string {
	return `period: 2026-Q3
scope: sales
kpis:
  - {id: retention, name: Retention, source: CRM, frequency: monthly}
objectives:
  - id: loyal
    title: Loyal customers
    key_results:
      - {id: keep, title: Keep them, start: 70, target: 80` + current + `, kpi: retention}
      - {id: plans, title: Success plans, type: effort, due: 2026-09-30` + progress + `}
`
}

func TestBuildWithHistory(t *testing.T) {
	versions := []struct{ commit, date, text string }{
		{"c1", "2026-06-20", historyPlan("", "")},
		{"c2", "2026-07-10", historyPlan(", current: 72", ", progress: 0.2")},
		{"c3", "2026-07-12", "# comment\n" + historyPlan(", current: 72", ", progress: 0.2")},
		{"", "2026-08-20", historyPlan(", current: 75", ", done: true")},
	}
	h := history.New()
	ph := history.NewPlan("sales.yaml")
	for _, v := range versions {
		p, _ := plan.Parse("sales.yaml", []byte(v.text))
		d, _ := time.Parse(time.DateOnly, v.date)
		ph.Add(history.Revision{Commit: v.commit, Date: d}, p)
	}
	h.Plans[ph.File] = ph
	repo := plan.LoadSources("", []plan.Source{{File: "sales.yaml", Data: []byte(versions[3].text)}}, 1)
	r, err := Build(repo, Options{AsOf: time.Date(2026, 8, 25, 0, 0, 0, 0, time.UTC), History: h})
	if err != nil {
		t.Fatal(err)
	}
	show := func(tr Trend) string {
		s := ""
		for _, pt := range tr {
			s += pt.Date.Format("01-02") + "/" + pt.Commit + ":"
			if pt.Value != nil {
				s += fmt.Sprint(*pt.Value)
			}
			if pt.Score != nil {
				s += fmt.Sprintf("=%.2f", *pt.Score)
			}
			s += " "
		}
		return s
	}
	krs := r.Plans[0].Objectives[0].KeyResults
	if got, want := show(krs[0].Trend), "06-20/c1: 07-10/c2:72=0.20 08-20/:75=0.50 "; got != want {
		t.Errorf("trend of keep = %q, want %q", got, want)
	}
	if got, want := show(krs[1].Trend), "06-20/c1: 07-10/c2:0.2=0.20 08-20/:1=1.00 "; got != want {
		t.Errorf("trend of plans = %q, want %q", got, want)
	}
	k := r.Plans[0].KPIs[0]
	if got, want := show(k.Trend), "06-20/c1: 07-10/c2:72 08-20/:75 "; got != want {
		t.Errorf("trend of the KPI = %q, want %q", got, want)
	}
	if f := k.Freshness; f == nil || f.Stale || f.Age != 5 || f.Commit != "" {
		t.Errorf("freshness = %+v", f)
	}
	if r.History == nil || r.History.Shallow {
		t.Errorf("history note = %+v", r.History)
	}
}
