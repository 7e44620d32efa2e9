package lint

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/okr-tool/okr/history"
	"github.com/okr-tool/okr/plan"
)

// version is one committed (or, with commit "", uncommitted) content of sales.yaml.
type version struct {
	commit, date string
	pending      bool
	text         string
}

// runWithHistory lints the newest version of sales.yaml with a history made of all versions,
// in pull-request mode when a version is pending, and returns the findings of one rule.
func runWithHistory(t *testing.T, id, asOf string, versions []version) []string {
	t.Helper()
	newest := versions[len(versions)-1]
	repo := plan.LoadSources("", []plan.Source{{File: "sales.yaml", Data: []byte(newest.text), Named: true}}, 1)
	h := history.New()
	ph := history.NewPlan("sales.yaml")
	before := history.NewPlan("sales.yaml") // the versions up to the base
	var base string                         // the text at the base
	for _, v := range versions {
		p, _ := plan.Parse("sales.yaml", []byte(v.text))
		d, err := time.Parse(time.DateOnly, v.date)
		if err != nil {
			t.Fatal(err)
		}
		rev := history.Revision{Commit: v.commit, Date: d, Pending: v.pending}
		ph.Add(rev, p)
		if v.pending {
			h.Base = "base"
		} else if h.Base == "" {
			before.Add(rev, p)
			base = v.text
		}
	}
	h.Plans[ph.File] = ph
	if h.Base != "" && base != "" {
		baseRepo := plan.LoadSources("", []plan.Source{{File: "sales.yaml", Data: []byte(base)}}, 1)
		if bp := baseRepo.PlanOf("sales.yaml"); bp != nil {
			h.AtBase[bp.Key()] = &history.BasePlan{Plan: bp, History: before}
		}
	}
	day, err := time.Parse(time.DateOnly, asOf)
	if err != nil {
		t.Fatal(err)
	}
	severity := map[string]Severity{"kpi-stale": Warning}
	res := Run(repo, Options{Severity: severity, History: h, AsOf: day})
	var got []string
	for _, f := range res.Findings {
		if f.Rule == id {
			got = append(got, fmt.Sprintf("%s:%d:%d: %s", f.File, f.Pos.Line, f.Pos.Col, f.Message))
		}
	}
	return got
}

// goalposts renders sales.yaml with a key result from start to target and a KPI with a target
// and an annual target; suffix is appended to the key result's line (e.g. a suppression).
func goalposts(start, target, kpiTarget, annual, suffix string) string {
	return `period: 2026-Q3
scope: sales
kpis:
  - {id: churn, name: Churn, source: CRM, frequency: monthly, direction: down, target: ` + kpiTarget + `, annual_target: ` + annual + `}
objectives:
  - id: loyal
    title: Loyal customers
    key_results:
      - {id: keep, title: Keep them, start: ` + start + `, target: ` + target + `}` + suffix + `
`
}

const c1 = "1111111aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
const c2 = "2222222bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb"
const c3 = "3333333ccccccccccccccccccccccccccccccccc"

func TestMovedGoalposts(t *testing.T) {
	tests := []struct {
		name     string
		versions []version
		want     []string
	}{
		{"target eased after the start", []version{
			{c1, "2026-06-20", false, goalposts("70", "80", "5", "4", "")},
			{c2, "2026-07-20", true, goalposts("70", "76", "5", "4", "")},
		}, []string{`sales.yaml:9:57: target of key result "keep" eased from 80 to 76 in commit 2222222 on 2026-07-20, after 2026-Q3 started on 2026-07-01 (80 was set in commit 1111111 on 2026-06-20); keep the goalpost where it was, or record why with # okr:ignore moved-goalposts <reason>`}},
		// A lower start counts more of the same current value as progress: it eases a rising
		// metric (history.Eases).
		{"start lowered, uncommitted", []version{
			{c1, "2026-06-20", false, goalposts("70", "80", "5", "4", "")},
			{"", "2026-08-05", true, goalposts("68", "80", "5", "4", "")},
		}, []string{`sales.yaml:9:45: start of key result "keep" eased from 70 to 68 in uncommitted changes on 2026-08-05, after 2026-Q3 started on 2026-07-01 (70 was set in commit 1111111 on 2026-06-20); keep the goalpost where it was, or record why with # okr:ignore moved-goalposts <reason>`}},
		// The annual target is compared with the plan on the eve of the quarter (4), not with the
		// base (4.5): the easing before the change is part of the finding.
		{"KPI targets eased against a falling direction", []version{
			{c1, "2026-06-20", false, goalposts("70", "80", "5", "4", "")},
			{c2, "2026-07-02", false, goalposts("70", "80", "5", "4.5", "")},
			{c3, "2026-07-20", true, goalposts("70", "80", "6", "5", "")},
		}, []string{
			`sales.yaml:4:88: target of KPI "churn" eased from 5 to 6 in commit 3333333 on 2026-07-20, after 2026-Q3 started on 2026-07-01 (5 was set in commit 1111111 on 2026-06-20); keep the goalpost where it was, or record why with # okr:ignore moved-goalposts <reason>`,
			`sales.yaml:4:106: annual target of KPI "churn" eased from 4 to 5 in commit 3333333 on 2026-07-20, after 2026-Q3 started on 2026-07-01 (4 was set in commit 1111111 on 2026-06-20); keep the goalpost where it was, or record why with # okr:ignore moved-goalposts <reason>`,
		}},
		// A start raised toward the target lowers the grade of the same current value.
		{"harder targets and a higher start are fine", []version{
			{c1, "2026-06-20", false, goalposts("70", "80", "5", "4", "")},
			{c2, "2026-07-20", true, goalposts("72", "85", "4", "3", "")},
		}, nil},
		{"eased before the period started", []version{
			{c1, "2026-06-01", false, goalposts("70", "80", "5", "4", "")},
			{c2, "2026-06-25", true, goalposts("70", "76", "5", "4", "")},
		}, nil},
		{"a first target is not a move", []version{
			{c1, "2026-07-20", true, goalposts("70", "76", "5", "4", "")},
		}, nil},
		{"outside pull-request mode nothing is judged", []version{
			{c1, "2026-06-20", false, goalposts("70", "80", "5", "4", "")},
			{c2, "2026-07-20", false, goalposts("70", "76", "5", "4", "")},
		}, nil},
		{"an easing committed before the change is still reported on a later change", []version{
			{c1, "2026-06-20", false, goalposts("70", "80", "5", "4", "")},
			{c2, "2026-07-10", false, goalposts("70", "76", "5", "4", "")},
			{c3, "2026-07-20", true, goalposts("70", "76", "5", "4", "")},
		}, []string{`sales.yaml:9:57: target of key result "keep" eased from 80 to 76 in commit 2222222 on 2026-07-10, after 2026-Q3 started on 2026-07-01 (80 was set in commit 1111111 on 2026-06-20); keep the goalpost where it was, or record why with # okr:ignore moved-goalposts <reason>`}},
		{"eased and restored is not a move", []version{
			{c1, "2026-06-20", false, goalposts("70", "80", "5", "4", "")},
			{c2, "2026-07-10", false, goalposts("70", "76", "5", "4", "")},
			{c3, "2026-07-20", true, goalposts("70", "80", "5", "4", "")},
		}, nil},
		{"a key result added after the start is compared with its first target", []version{
			{c1, "2026-06-20", false, goalposts("70", "80", "5", "4", "")},
			{c2, "2026-07-10", false, strings.Replace(goalposts("70", "80", "5", "4", ""), "keep", "kept", 1)},
			{c3, "2026-07-20", true, goalposts("70", "78", "5", "4", "")},
		}, nil},
		{"a suppression with a reason is the record", []version{
			{c1, "2026-06-20", false, goalposts("70", "80", "5", "4", "")},
			{c2, "2026-07-20", true, goalposts("70", "76", "5", "4", "  # okr:ignore moved-goalposts the market shrank by half in July")},
		}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := runWithHistory(t, "moved-goalposts", "2026-08-05", tt.versions)
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("findings:\n  %s\nwant:\n  %s", strings.Join(got, "\n  "), strings.Join(tt.want, "\n  "))
			}
		})
	}
}

// churnKR renders sales.yaml with a key result without a start that measures a KPI whose
// direction is down.
func churnKR(target string) string {
	return `period: 2026-Q3
scope: sales
kpis:
  - {id: churn, name: Churn, source: CRM, frequency: monthly, direction: down}
objectives:
  - id: loyal
    title: Loyal customers
    key_results:
      - {id: keep, title: Keep churn low, target: ` + target + `, kpi: churn}
`
}

// TestMovedGoalpostsSuppressionStaysUsed: a later change that only checks in finds the easing
// that an earlier, merged change recorded, so its comment silences a finding and is not
// reported as unused.
func TestMovedGoalpostsSuppressionStaysUsed(t *testing.T) {
	reason := "  # okr:ignore moved-goalposts the market shrank by half in July"
	versions := []version{
		{c1, "2026-06-20", false, goalposts("70", "80", "5", "4", "")},
		{c2, "2026-07-20", false, goalposts("70", "76", "5", "4", reason)},
		{c3, "2026-08-01", true, goalposts("70", "76", "5", "4", reason) + "# check-in\n"},
	}
	for _, id := range []string{"moved-goalposts", RuleSuppression} {
		if got := runWithHistory(t, id, "2026-08-05", versions); len(got) != 0 {
			t.Errorf("%s:\n  %s", id, strings.Join(got, "\n  "))
		}
	}
}

func TestMovedGoalpostsTakesTheKPIsDirection(t *testing.T) {
	tighter := runWithHistory(t, "moved-goalposts", "2026-08-05", []version{
		{c1, "2026-06-20", false, churnKR("4")},
		{c2, "2026-07-20", true, churnKR("3")},
	})
	if len(tighter) != 0 {
		t.Errorf("a lower target on a falling KPI was reported:\n  %s", strings.Join(tighter, "\n  "))
	}
	looser := runWithHistory(t, "moved-goalposts", "2026-08-05", []version{
		{c1, "2026-06-20", false, churnKR("4")},
		{c2, "2026-07-20", true, churnKR("6")},
	})
	want := `sales.yaml:9:51: target of key result "keep" eased from 4 to 6 in commit 2222222 on 2026-07-20, after 2026-Q3 started on 2026-07-01 (4 was set in commit 1111111 on 2026-06-20); ` + movedAdvice
	if strings.Join(looser, "\n") != want {
		t.Errorf("findings:\n  %s\nwant:\n  %s", strings.Join(looser, "\n  "), want)
	}
}

func staleKPI(actual string) string {
	s := `period: 2026-Q3
scope: sales
kpis:
  - id: pipeline
    name: Pipeline
    source: CRM
    frequency: monthly
    target: 40
`
	if actual != "" {
		s += "    actual: " + actual + "\n"
	}
	return s + "objectives: []\n"
}

func TestKPIStale(t *testing.T) {
	tests := []struct {
		name     string
		asOf     string
		versions []version
		want     []string
	}{
		{"updated within the month", "2026-08-05", []version{
			{c1, "2026-06-20", false, staleKPI("")},
			{c2, "2026-07-20", false, staleKPI("31")},
		}, nil},
		{"last reading too old", "2026-08-25", []version{
			{c1, "2026-06-20", false, staleKPI("")},
			{c2, "2026-07-10", false, staleKPI("31")},
			{c3, "2026-08-01", false, "# a comment does not count\n" + staleKPI("31")},
		}, []string{`sales.yaml:10:13: KPI "pipeline" is reported monthly but its reading last changed 46 days before 2026-08-25, in commit 2222222 on 2026-07-10; update its actual at least every 31 days`}},
		{"never read", "2026-08-05", []version{
			{c1, "2026-06-20", false, staleKPI("")},
		}, []string{`sales.yaml:4:5: KPI "pipeline" is reported monthly but has had no reading in the 35 days since 2026-07-01; set its actual to the latest reading`}},
		{"a finished period is not judged", "2026-11-05", []version{
			{c1, "2026-06-20", false, staleKPI("")},
		}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := runWithHistory(t, "kpi-stale", tt.asOf, tt.versions)
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("findings:\n  %s\nwant:\n  %s", strings.Join(got, "\n  "), strings.Join(tt.want, "\n  "))
			}
		})
	}
}

// baselinePlan renders the 2026-Q4 plan of sales, whose key result measures the KPI retention
// from start to target.
func baselinePlan(start, target string) string {
	return `period: 2026-Q4
scope: sales
kpis:
  - {id: retention, name: Client retention, source: CRM, frequency: monthly}
objectives:
  - id: loyal
    title: Loyal customers
    key_results:
      - {id: keep, title: Keep them, start: ` + start + `, target: ` + target + `, kpi: retention}
`
}

// TestMovedGoalpostsRefreshedBaseline: a 2026-Q4 plan drafted in September from Q3's numbers
// so far (start 74) has its start set to Q3's final reading (75) once Q3 closed. That is the
// baseline kpi-baseline asks for, not a moved goalpost; an eased target still is, and so is a
// start moved past the final reading.
func TestMovedGoalpostsRefreshedBaseline(t *testing.T) {
	q3 := `period: 2026-Q3
scope: sales
kpis:
  - {id: retention, name: Client retention, source: CRM, frequency: monthly}
objectives:
  - id: loyal
    title: Loyal customers
    key_results:
      - {id: keep, title: Keep them, start: 70, target: 76, current: 75, kpi: retention}
`
	run := func(versions ...version) []string {
		t.Helper()
		newest := versions[len(versions)-1]
		repo := plan.LoadSources("", []plan.Source{
			{File: "q3.yaml", Data: []byte(q3), Named: true},
			{File: "q4.yaml", Data: []byte(newest.text), Named: true},
		}, 1)
		h := history.New()
		h.Base = "base"
		ph := history.NewPlan("q4.yaml")
		for _, v := range versions {
			p, _ := plan.Parse("q4.yaml", []byte(v.text))
			d, _ := time.Parse(time.DateOnly, v.date)
			ph.Add(history.Revision{Commit: v.commit, Date: d, Pending: v.pending}, p)
		}
		h.Plans[ph.File] = ph
		res := Run(repo, Options{History: h, AsOf: time.Date(2026, 10, 6, 0, 0, 0, 0, time.UTC), Files: map[string]bool{"q4.yaml": true}})
		var got []string
		for _, f := range res.Findings {
			if f.Rule == "moved-goalposts" {
				got = append(got, fmt.Sprintf("%d:%d: %s", f.Pos.Line, f.Pos.Col, f.Message))
			}
		}
		return got
	}
	draft := version{c1, "2026-09-15", false, baselinePlan("76", "80")}
	if got := run(draft, version{c2, "2026-10-05", true, baselinePlan("75", "80")}); len(got) != 0 {
		t.Errorf("a start refreshed to the previous quarter's final reading was reported:\n  %s", strings.Join(got, "\n  "))
	}
	got := run(draft, version{c2, "2026-10-05", true, baselinePlan("75", "79")})
	want := `9:57: target of key result "keep" eased from 80 to 79 in commit 2222222 on 2026-10-05, after 2026-Q4 started on 2026-10-01 (80 was set in commit 1111111 on 2026-09-15); ` + movedAdvice
	if strings.Join(got, "\n") != want {
		t.Errorf("with the target eased too:\n  %s\nwant:\n  %s", strings.Join(got, "\n  "), want)
	}
	got = run(draft, version{c2, "2026-10-05", true, baselinePlan("74", "80")})
	want = `9:45: start of key result "keep" eased from 76 to 74 in commit 2222222 on 2026-10-05, after 2026-Q4 started on 2026-10-01 (76 was set in commit 1111111 on 2026-09-15); ` + movedAdvice
	if strings.Join(got, "\n") != want {
		t.Errorf("with the start past the final reading:\n  %s\nwant:\n  %s", strings.Join(got, "\n  "), want)
	}
}
