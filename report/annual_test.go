package report

import (
	"strings"
	"testing"

	"github.com/okr-tool/okr/history"
	"github.com/okr-tool/okr/plan"
)

// TestAnnualPlanReadsTheQuarters: an annual key result linked to a KPI scores the KPI's latest
// quarterly reading as of the report's day, not a value copied by hand into the annual plan,
// and the annual plan's KPI table shows the same reading.
func TestAnnualPlanReadsTheQuarters(t *testing.T) {
	quarter := func(q, current string) plan.Source {
		return plan.Source{File: "plans/2026-Q" + q + "/company.yaml", Data: []byte(`period: 2026-Q` + q + `
scope: company
kpis:
  - {id: retention, name: Retention, source: CRM, frequency: monthly}
objectives:
  - id: keep
    title: Keep clients
    key_results:
      - {id: retention-q, title: Retention, start: 70, target: 80` + current + `, kpi: retention}
`)}
	}
	annual := plan.Source{File: "plans/2026/company.yaml", Data: []byte(`period: 2026
scope: company
kpis:
  - {id: retention, name: Retention, source: CRM, frequency: monthly, annual_target: 80}
objectives:
  - id: partners
    title: Long-term partners
    key_results:
      - {id: retention-2026, title: Retention, start: 70, target: 80, current: 72.6, kpi: retention}
      - {id: nps-2026, title: NPS, start: 20, target: 40, current: 30}
`)}
	repo := plan.LoadSources("", []plan.Source{annual, quarter("1", ", current: 73"), quarter("2", ", current: 76"),
		quarter("3", ", current: 78"), quarter("4", "")}, 1)
	if len(repo.Diagnostics) > 0 {
		t.Fatalf("the plans have problems: %v", repo.Diagnostics)
	}
	r, err := Build(repo, Options{Period: plan.Period{Year: 2026}, AsOf: day("2026-08-15")})
	if err != nil {
		t.Fatal(err)
	}
	pr := r.Plans[0]
	kr := pr.Objectives[0].KeyResults[0]
	if kr.Current == nil || *kr.Current != 78 || kr.CurrentFrom.String() != "2026-Q3" || !near(kr.Value, 0.8) {
		t.Errorf("annual key result: current %v from %s, score %v; want 78 from 2026-Q3, 0.80", deref(kr.Current), kr.CurrentFrom, kr.Value)
	}
	if len(kr.Notes) != 1 || !strings.Contains(kr.Notes[0], "current 78 is the latest reading of KPI retention, in the 2026-Q3 plan; the 72.6 written here is not used") {
		t.Errorf("notes %q", kr.Notes)
	}
	if nps := pr.Objectives[0].KeyResults[1]; *nps.Current != 30 || !nps.CurrentFrom.IsZero() || len(nps.Notes) > 0 {
		t.Errorf("a key result without a KPI keeps its own current: %v from %s, notes %q", *nps.Current, nps.CurrentFrom, nps.Notes)
	}
	if k := pr.KPIs[0]; k.Value == nil || *k.Value != 78 {
		t.Errorf("the annual plan's KPI reads %v, want the key result's 78", deref(k.Value))
	}

	// With the history, the annual KPI is not called stale for a number nobody has to copy.
	h := history.New()
	ph := history.NewPlan(pr.File)
	ph.Add(history.Revision{Commit: "c1", Date: day("2026-01-05")}, pr.Plan)
	h.Plans[pr.File] = ph
	r, _ = Build(repo, Options{Period: plan.Period{Year: 2026}, AsOf: day("2026-08-15"), History: h})
	if f := r.Plans[0].KPIs[0].Freshness; f != nil {
		t.Errorf("the annual KPI read from the quarters has a freshness of its own: %+v", *f)
	}

	// Before Q3 starts, Q2's reading is the latest; with no quarter read yet, the annual plan's own.
	r, _ = Build(repo, Options{Period: plan.Period{Year: 2026}, AsOf: day("2026-06-30")})
	if kr := r.Plans[0].Objectives[0].KeyResults[0]; *kr.Current != 76 {
		t.Errorf("as of 2026-06-30: current %v, want Q2's 76", *kr.Current)
	}
	r, _ = Build(repo, Options{Period: plan.Period{Year: 2026}, AsOf: day("2025-12-20")})
	if kr := r.Plans[0].Objectives[0].KeyResults[0]; *kr.Current != 72.6 || !kr.CurrentFrom.IsZero() {
		t.Errorf("as of 2025-12-20: current %v from %s, want its own 72.6", *kr.Current, kr.CurrentFrom)
	}
}

func near(a, b float64) bool { return a-b < 1e-9 && b-a < 1e-9 }

func deref(v *float64) any {
	if v == nil {
		return nil
	}
	return *v
}

// TestSeriesHasNoReadingBeforeTheQuarter: in August, a Q4 plan already in the files (drafted
// early, or the files are newer than the day) shows its target but no reading.
func TestSeriesHasNoReadingBeforeTheQuarter(t *testing.T) {
	q := func(n, current string) plan.Source {
		return plan.Source{File: "plans/2026-Q" + n + ".yaml", Data: []byte(`period: 2026-Q` + n + `
scope: sales
kpis:
  - {id: retention, name: Retention, source: CRM, frequency: monthly}
objectives:
  - id: keep
    title: Keep clients
    key_results:
      - {id: retention-q, title: Retention, start: 70, target: 80, current: ` + current + `, kpi: retention}
`)}
	}
	repo := plan.LoadSources("", []plan.Source{q("3", "75"), q("4", "79")}, 1)
	r, err := Build(repo, Options{Period: plan.Period{Year: 2026, Quarter: 3}, AsOf: day("2026-08-15")})
	if err != nil {
		t.Fatal(err)
	}
	s := r.Plans[0].KPIs[0].Series
	if !s[3].Tracked || s[3].Value != nil || s[3].Target == nil || *s[3].Target != 80 || s[2].Value == nil || *s[2].Value != 75 {
		t.Errorf("series as of 2026-08-15: Q3 %v, Q4 tracked %v value %v target %v; want Q3 75, Q4 tracked without a reading, target 80",
			deref(s[2].Value), s[3].Tracked, deref(s[3].Value), deref(s[3].Target))
	}
}
