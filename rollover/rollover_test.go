package rollover

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/okr-tool/okr/history"
	"github.com/okr-tool/okr/internal/golden"
	"github.com/okr-tool/okr/lint"
	"github.com/okr-tool/okr/plan"
)

// examplesWithout copies the bundled examples into a temporary repository, leaving out the
// named period directories under plans/.
func examplesWithout(t *testing.T, periods ...string) string {
	t.Helper()
	dst := t.TempDir()
	src := filepath.Join("..", "examples")
	err := filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		if d.IsDir() {
			if slices.Contains(periods, d.Name()) {
				return filepath.SkipDir
			}
			return os.MkdirAll(filepath.Join(dst, rel), 0o755)
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dst, rel), data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	// The root marker, so the repository is this directory.
	if err := os.WriteFile(filepath.Join(dst, ".okr.yaml"), []byte("# okr\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	return dst
}

func load(t *testing.T, root string) *plan.Repository {
	t.Helper()
	repo, _, err := plan.Load(plan.LoadOptions{Root: root})
	if err != nil {
		t.Fatal(err)
	}
	return repo
}

func period(t *testing.T, s string) plan.Period {
	t.Helper()
	p, err := plan.ParsePeriod(s)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func date(s string) time.Time {
	d, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return d
}

// next drafts and writes the plans after from in the repository at root, checks the drafts
// against the golden files under testdata/<name>/, and returns the reloaded repository and the
// drafts.
func next(t *testing.T, root, name string, opts Options) (*plan.Repository, *Result) {
	t.Helper()
	res, err := Next(load(t, root), opts)
	if err != nil {
		t.Fatal(err)
	}
	if err := Write(root, res); err != nil {
		t.Fatal(err)
	}
	for _, f := range res.Files {
		if f.Skip == "" {
			golden.Check(t, filepath.Join("testdata", name, filepath.FromSlash(f.Path)), f.Data)
		}
	}
	return load(t, root), res
}

// lintDrafts lints the repository and returns the findings in the written drafts, one line
// each, as okr lint prints them.
func lintDrafts(t *testing.T, repo *plan.Repository, res *Result) string {
	t.Helper()
	files := map[string]bool{}
	for _, f := range res.Files {
		if f.Skip == "" {
			files[f.Path] = true
		}
	}
	var b strings.Builder
	for _, f := range lint.Run(repo, lint.Options{Files: files, AsOf: date("2026-12-01")}).Findings {
		fmt.Fprintf(&b, "%s:%d:%d: %s: %s [%s]\n", f.File, f.Pos.Line, f.Pos.Col, f.Severity, f.Message, f.Rule)
	}
	return b.String()
}

// decisions are the rules whose findings stand for what a draft leaves to its author: the
// targets, objectives that need more (and not only KPI) key results, and a plan that carried
// nothing (a person's plan of effort key results only) and waits for its objectives.
var decisions = []string{"kr-quantified", "kpi-target", "kr-count", "kpi-every-kr", "empty-plan"}

func checkOnlyDecisions(t *testing.T, findings string) {
	t.Helper()
	for _, line := range strings.Split(strings.TrimSpace(findings), "\n") {
		i := strings.LastIndex(line, " [")
		if i < 0 || !slices.Contains(decisions, strings.Trim(line[i+2:], "]")) {
			t.Errorf("a finding that is not a decision left to the author:\n%s", line)
		}
	}
}

func TestNextQuarter(t *testing.T) {
	root := examplesWithout(t, "2026-Q4", "2027", "2027-Q1")
	before := load(t, root)
	repo, res := next(t, root, "2026-Q3", Options{From: period(t, "2026-Q3"), AsOf: date("2026-10-02")})

	var paths []string
	for _, f := range res.Files {
		if f.Skip != "" {
			t.Errorf("%s skipped: %s", f.Path, f.Skip)
		}
		paths = append(paths, f.Path)
	}
	want := []string{"plans/2026-Q4/company.yaml", "plans/2026-Q4/customer-success.yaml", "plans/2026-Q4/engineering.yaml", "plans/2026-Q4/sales.yaml"}
	if !slices.Equal(paths, want) {
		t.Fatalf("drafted %v, want %v", paths, want)
	}
	if len(repo.Diagnostics) > 0 {
		t.Fatalf("the drafts do not load cleanly: %v", repo.Diagnostics)
	}

	// The sales draft, value by value.
	sales := repo.Plan("sales", period(t, "2026-Q4"))
	var kpis []string
	for _, k := range sales.KPIs {
		kpis = append(kpis, k.ID.Value)
	}
	if want := []string{"qualified-pipeline", "win-rate", "sales-cycle-days"}; !slices.Equal(kpis, want) {
		t.Errorf("sales KPIs %v, want %v (trial-conversion is retired)", kpis, want)
	}
	if k := sales.KPI("win-rate"); k.AnnualTarget.Value != 30 || k.Source.Value == "" || k.Frequency.Value != plan.Monthly || k.Direction.Value != plan.Up {
		t.Errorf("win-rate lost its definition: %+v", k)
	}
	if k := sales.KPI("sales-cycle-days"); k.Target.Set || k.Actual.Set {
		t.Errorf("sales-cycle-days carried its target or actual: %+v", k)
	}
	var krs []string
	for _, kr := range sales.KeyResults() {
		krs = append(krs, kr.ID.Value)
		if kr.Target.Set || kr.Current.Set || kr.Score.Set || kr.Progress.Set || kr.Done.Set {
			t.Errorf("key result %s carried a value it must not", kr.ID.Value)
		}
	}
	if want := []string{"grow-pipeline", "raise-win-rate"}; !slices.Equal(krs, want) {
		t.Errorf("sales key results %v, want %v (only those that measure a KPI)", krs, want)
	}
	for id, start := range map[string]float64{"grow-pipeline": 9.8, "raise-win-rate": 25} {
		if kr := sales.KeyResult(id); kr == nil || kr.Start.Value != start {
			t.Errorf("key result %s starts at %v, want %v, the KPI's final 2026-Q3 reading", id, kr.Start.Value, start)
		}
	}
	if o := sales.Objective("expand-existing"); o == nil || o.AlignsTo.Value != "company/expand-accounts" {
		t.Errorf("expand-existing lost its alignment to the drafted company objective")
	}

	// Every drafted KPI key result starts at its KPI's final reading of 2026-Q3.
	for _, f := range res.Files {
		p := repo.Plan(f.Scope, f.Period)
		q3 := before.Plan(f.Scope, period(t, "2026-Q3"))
		for _, kr := range p.KeyResults() {
			r := history.Reading(q3, q3.KPI(kr.KPI.Value))
			if r == nil || !kr.Start.Set || kr.Start.Value != *r {
				t.Errorf("%s: key result %s starts at %v, want the 2026-Q3 reading %v", f.Path, kr.ID.Value, kr.Start.Value, r)
			}
		}
		if strings.Contains(string(f.Data), "provisional") {
			t.Errorf("%s: 2026-Q3 has closed, but a reading is marked provisional", f.Path)
		}
	}

	findings := lintDrafts(t, repo, res)
	checkOnlyDecisions(t, findings)
	golden.CheckString(t, filepath.Join("testdata", "2026-Q3", "lint.txt"), findings)
}

func TestNextAcrossTheYearEnd(t *testing.T) {
	root := examplesWithout(t, "2027", "2027-Q1")
	repo, res := next(t, root, "2026-Q4", Options{From: period(t, "2026-Q4"), AsOf: date("2026-12-01")})
	var paths []string
	for _, f := range res.Files {
		paths = append(paths, f.Path)
	}
	want := []string{"plans/2027-Q1/company.yaml", "plans/2027-Q1/customer-success.yaml", "plans/2027-Q1/engineering.yaml",
		"plans/2027-Q1/jonas-berg.yaml", "plans/2027-Q1/sales.yaml", "plans/2027/company.yaml"}
	if !slices.Equal(paths, want) {
		t.Fatalf("drafted %v, want %v", paths, want)
	}
	q1 := repo.Plan("company", period(t, "2027-Q1"))
	for _, k := range q1.KPIs {
		if k.AnnualTarget.Set {
			t.Errorf("KPI %s kept the 2026 annual target %v into 2027", k.ID.Value, k.AnnualTarget.Value)
		}
	}
	// 2026-Q4 has not closed on 2026-12-01: the starts are its latest readings, marked so.
	q4 := repo.Plan("company", period(t, "2026-Q4"))
	for _, kr := range q1.KeyResults() {
		if r := history.Reading(q4, q4.KPI(kr.KPI.Value)); r == nil || kr.Start.Value != *r {
			t.Errorf("key result %s starts at %v, want the latest 2026-Q4 reading %v", kr.ID.Value, kr.Start.Value, r)
		}
	}
	data := string(res.Files[0].Data)
	if n, want := strings.Count(data, "start: "), strings.Count(data, "# provisional: "); n == 0 || n != want {
		t.Errorf("%d starts, %d marked provisional:\n%s", n, want, data)
	}
	// Every draft says so, the annual one too: no reading of the open quarter is called final.
	for _, f := range res.Files {
		text := string(f.Data)
		if strings.Contains(text, "ended 2026-Q4") || strings.Contains(text, "final 2026") {
			t.Errorf("%s calls a reading of the open 2026-Q4 final:\n%s", f.Path, text)
		}
		if !strings.Contains(text, "provisional") {
			t.Errorf("%s does not say its readings are provisional", f.Path)
		}
	}
	annual := repo.Plan("company", period(t, "2027"))
	if annual == nil || len(annual.KPIs) != 6 {
		t.Fatalf("the 2027 annual plan carries %v", annual)
	}
	for _, k := range annual.KPIs {
		if k.AnnualTarget.Set || k.Target.Set {
			t.Errorf("annual KPI %s has a target the author has not set", k.ID.Value)
		}
	}
	findings := lintDrafts(t, repo, res)
	checkOnlyDecisions(t, findings)
	golden.CheckString(t, filepath.Join("testdata", "2026-Q4", "lint.txt"), findings)
}

// Across a year end, the annual targets come from the new year's annual plan when it exists.
func TestNextTakesAnnualTargetsFromTheNewYear(t *testing.T) {
	root := examplesWithout(t, "2027-Q1")
	res, err := Next(load(t, root), Options{From: period(t, "2026-Q4"), AsOf: date("2027-01-05")})
	if err != nil {
		t.Fatal(err)
	}
	if err := Write(root, res); err != nil {
		t.Fatal(err)
	}
	last := res.Files[len(res.Files)-1]
	if last.Path != "plans/2027/company.yaml" || last.Skip == "" {
		t.Errorf("the existing 2027 annual plan was not skipped: %+v", last)
	}
	repo := load(t, root)
	annual := repo.Plan("company", period(t, "2027"))
	q1 := repo.Plan("company", period(t, "2027-Q1"))
	n := 0
	for _, k := range q1.KPIs {
		a := annual.KPI(k.ID.Value)
		if a == nil || !a.AnnualTarget.Set {
			continue
		}
		n++
		if !k.AnnualTarget.Set || k.AnnualTarget.Value != a.AnnualTarget.Value {
			t.Errorf("KPI %s: annual_target %v, want %v from the 2027 plan", k.ID.Value, k.AnnualTarget.Value, a.AnnualTarget.Value)
		}
	}
	if n == 0 {
		t.Fatal("no KPI with a 2027 annual target was compared")
	}
	if strings.Contains(string(res.Files[0].Data), "provisional") {
		t.Error("2026-Q4 has closed by 2027-01-05, but a start is marked provisional")
	}
}

func TestNextNeverOverwrites(t *testing.T) {
	root := examplesWithout(t)
	// The examples have every 2027-Q1 plan but jonas-berg's, and the 2027 annual plan.
	repo := load(t, root)
	res, err := Next(repo, Options{From: period(t, "2026-Q4"), AsOf: date("2027-01-05")})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range res.Files {
		exists := repo.Plan(f.Scope, f.Period) != nil
		if exists == (f.Skip == "") {
			t.Errorf("%s: exists %v, skipped %q", f.Path, exists, f.Skip)
		}
	}
	// A file that appears between drafting and writing is left alone too.
	root = examplesWithout(t, "2026-Q4", "2027", "2027-Q1")
	res, err = Next(load(t, root), Options{From: period(t, "2026-Q3"), Scopes: []string{"sales"}, AsOf: date("2026-10-02")})
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(root, "plans", "2026-Q4", "sales.yaml")
	os.MkdirAll(filepath.Dir(path), 0o755)
	if err := os.WriteFile(path, []byte("mine\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := Write(root, res); err != nil {
		t.Fatal(err)
	}
	if got, _ := os.ReadFile(path); string(got) != "mine\n" || res.Files[0].Skip == "" {
		t.Errorf("the file was overwritten or not reported skipped: %q, %+v", got, res.Files[0])
	}
}

func TestNextScopes(t *testing.T) {
	root := examplesWithout(t, "2026-Q4", "2027", "2027-Q1")
	repo := load(t, root)
	res, err := Next(repo, Options{From: period(t, "2026-Q3"), Scopes: []string{"sales"}, AsOf: date("2026-10-02")})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Files) != 1 || res.Files[0].Path != "plans/2026-Q4/sales.yaml" {
		t.Fatalf("drafted %+v, want only the sales plan", res.Files)
	}
	// Without the company draft, the alignment to a company objective of 2026-Q4 cannot
	// resolve: it is left out, with a comment, rather than left broken.
	data := string(res.Files[0].Data)
	if strings.Contains(data, "aligns_to: company/") || !strings.Contains(data, "# aligns_to company/expand-accounts is left out") {
		t.Errorf("unresolvable alignment kept:\n%s", data)
	}
}

func TestNextErrors(t *testing.T) {
	repo := load(t, examplesWithout(t))
	tests := []struct {
		opts Options
		want string
	}{
		{Options{From: period(t, "2026")}, "carries a quarter forward"},
		{Options{From: period(t, "2025-Q4")}, "no plan for 2025-Q4 (quarters with plans: 2026-Q1, 2026-Q2, 2026-Q3, 2026-Q4, 2027-Q1); name a quarter"},
		{Options{From: period(t, "2026-Q3"), Scopes: []string{"sale"}}, `scope "sale" has no plan for 2026-Q3; did you mean "sales"?`},
	}
	for _, tt := range tests {
		_, err := Next(repo, tt.opts)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("Next(%v) = %v, want an error with %q", tt.opts, err, tt.want)
		}
	}
}

func TestNextPath(t *testing.T) {
	tests := []struct{ file, from, to, want string }{
		{"plans/2026-Q3/sales.yaml", "2026-Q3", "2026-Q4", "plans/2026-Q4/sales.yaml"},
		{"plans/sales/2026-Q3.yaml", "2026-Q3", "2026-Q4", "plans/sales/2026-Q4.yaml"},
		{"plans/sales/2026-q4.yml", "2026-Q4", "2027-Q1", "plans/sales/2027-q1.yml"},
		{"okr/2026/Q4/sales.yaml", "2026-Q4", "2027-Q1", "okr/2027/Q1/sales.yaml"},
		{"okr/2026/q2/sales.yaml", "2026-Q2", "2026-Q3", "okr/2026/q3/sales.yaml"},
		{"plans/2026/company.yaml", "2026", "2027", "plans/2027/company.yaml"},
		{"plans/company-2026.yaml", "2026", "2027", "plans/company-2027.yaml"},
		{"plans/12026-Q3x/sales.yaml", "2026-Q3", "2026-Q4", "plans/12026-Q3x/sales-2026-Q4.yaml"},
		{"sales.yaml", "2026-Q3", "2026-Q4", "sales-2026-Q4.yaml"},
	}
	for _, tt := range tests {
		from, _ := plan.ParsePeriod(tt.from)
		to, _ := plan.ParsePeriod(tt.to)
		if got := nextPath(tt.file, from, to, "sales"); got != tt.want {
			t.Errorf("nextPath(%s, %s → %s) = %s, want %s", tt.file, tt.from, tt.to, got, tt.want)
		}
	}
}

func TestRenameID(t *testing.T) {
	repo := load(t, examplesWithout(t))
	tests := []struct{ scope, from, to, id, want string }{
		{"company", "2026-Q4", "2027-Q1", "arr-q4", "arr-q1"},
		{"company", "2026-Q3", "2026-Q4", "arr-q3", "arr-q4"},
		{"company", "2026", "2027", "retention-2026", "retention-2027"},
		{"company", "2026-Q3", "2026-Q4", "lift-retention", "lift-retention"},
	}
	for _, tt := range tests {
		p := repo.Plan(tt.scope, period(t, tt.from))
		kr := p.KeyResult(tt.id)
		if kr == nil {
			t.Fatalf("no key result %s in %s", tt.id, tt.from)
		}
		if got := renameID(kr, period(t, tt.from), period(t, tt.to)); got != tt.want {
			t.Errorf("renameID(%s, %s → %s) = %s, want %s", tt.id, tt.from, tt.to, got, tt.want)
		}
	}
}

// A small plan with every case of what is and is not carried.
func TestNextCarriesOnlyKPIsAndTheirKeyResults(t *testing.T) {
	root := t.TempDir()
	os.WriteFile(filepath.Join(root, ".okr.yaml"), nil, 0o644)
	os.MkdirAll(filepath.Join(root, "q"), 0o755)
	const q3 = `period: 2026-Q3
scope: ops
owner: "Ops: the team"
kpis:
  - {id: uptime, name: Uptime, source: Status page, frequency: daily, target: 99.9, actual: 99.95, annual_target: 99.9}
  - {id: tickets, name: Tickets closed, source: Helpdesk, frequency: weekly, annual_target: 900}
  - {id: legacy, name: Legacy jobs, source: Cron, frequency: weekly, retired: the jobs are gone}
objectives:
  - id: reliable
    title: Be reliable
    key_results:
      - {id: close-tickets, title: Close 200 tickets, start: 100, target: 200, kpi: tickets, weight: 2}
      - {id: runbooks, title: Write runbooks, type: effort, due: 2026-09-01, done: true}
      - {id: mttr, title: Cut MTTR, start: 60, target: 30, current: 40}
      - {id: legacy-off, title: Retire legacy jobs, start: 10, target: 0, current: 0, kpi: legacy}
  - id: effort-only
    title: Ship things
    key_results:
      - {id: ship, title: Ship it, type: effort, due: 2026-09-01, progress: 0.5}
`
	os.WriteFile(filepath.Join(root, "q", "ops-2026-Q3.yaml"), []byte(q3), 0o644)
	res, err := Next(load(t, root), Options{From: period(t, "2026-Q3"), AsOf: date("2026-10-01")})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Files) != 1 || res.Files[0].Path != "q/ops-2026-Q4.yaml" {
		t.Fatalf("drafted %+v", res.Files)
	}
	data := string(res.Files[0].Data)
	p, diags := plan.Parse("q/ops-2026-Q4.yaml", res.Files[0].Data)
	if len(diags) > 0 {
		t.Fatalf("the draft does not parse: %v\n%s", diags, data)
	}
	if p.Owner.Value != "Ops: the team" {
		t.Errorf("owner %q", p.Owner.Value)
	}
	if len(p.KPIs) != 2 || p.KPI("legacy") != nil {
		t.Errorf("KPIs %v, want uptime and tickets (legacy is retired)", p.KPIs)
	}
	if k := p.KPI("uptime"); k.Target.Set || k.Actual.Set || k.AnnualTarget.Value != 99.9 {
		t.Errorf("uptime carried %+v", k)
	}
	if !strings.Contains(unwrap(data), "No key result measures this KPI: add target: <number> for 2026-Q4 (it ended 2026-Q3 at 99.95).") {
		t.Errorf("no comment asks for the target of uptime:\n%s", data)
	}
	if len(p.Objectives) != 1 || p.Objectives[0].ID.Value != "reliable" {
		t.Fatalf("objectives %v, want only reliable (effort-only has nothing carried)", p.Objectives)
	}
	krs := p.Objectives[0].KeyResults
	if len(krs) != 1 || krs[0].ID.Value != "close-tickets" {
		t.Fatalf("key results %v, want only close-tickets", krs)
	}
	// tickets has no reading in 2026-Q3: there is no start to carry, and a comment asks for one.
	if kr := krs[0]; kr.Start.Set || kr.Weight.Value != 2 || kr.KPI.Value != "tickets" {
		t.Errorf("close-tickets carried %+v", kr)
	}
	if !strings.Contains(unwrap(data), "start: tickets has no reading in 2026-Q3; set the baseline it starts from.") {
		t.Errorf("no comment asks for the start:\n%s", data)
	}
}

// unwrap joins the comment lines the writer wrapped.
func unwrap(data string) string {
	return regexp.MustCompile(`\n *# `).ReplaceAllString(data, " ")
}

// A maintain key result that measures a carried KPI is carried as a level to hold, with its
// threshold and direction, not turned into an outcome without a target.
func TestNextCarriesAMaintainKeyResult(t *testing.T) {
	root := t.TempDir()
	os.WriteFile(filepath.Join(root, ".okr.yaml"), nil, 0o644)
	const q1 = `period: 2027-Q1
scope: cs
kpis:
  - {id: csat, name: Support satisfaction, unit: "%", direction: up, source: Helpdesk, frequency: weekly, annual_target: 93}
objectives:
  - id: live
    title: Get clients live fast
    key_results:
      - {id: hold-csat, title: Keep support satisfaction at or above 90%, type: maintain, threshold: 90, direction: up, current: 91, unit: "%", kpi: csat}
`
	os.WriteFile(filepath.Join(root, "cs-2027-Q1.yaml"), []byte(q1), 0o644)
	res, err := Next(load(t, root), Options{From: period(t, "2027-Q1"), AsOf: date("2027-04-02")})
	if err != nil {
		t.Fatal(err)
	}
	p, diags := plan.Parse(res.Files[0].Path, res.Files[0].Data)
	if len(diags) > 0 {
		t.Fatalf("the draft does not parse: %v\n%s", diags, res.Files[0].Data)
	}
	kr := p.KeyResult("hold-csat")
	if kr == nil || kr.Type.Value != plan.Maintain || kr.Threshold().Value != 90 || kr.HoldDirection().Value != plan.Up || kr.Start.Set || kr.KPI.Value != "csat" {
		t.Errorf("carried %+v\n%s", kr, res.Files[0].Data)
	}
}

// TestDraftHeaderListEnds: the header's list of decisions ends on a full stop, whichever items
// it has (the sales draft has no item for a KPI no key result measures).
func TestDraftHeaderListEnds(t *testing.T) {
	for _, from := range []string{"2026-Q3", "2026-Q4"} {
		root := examplesWithout(t, "2026-Q4", "2027", "2027-Q1")
		if from == "2026-Q4" {
			root = examplesWithout(t, "2027", "2027-Q1")
		}
		_, res := next(t, root, from, Options{From: period(t, from), AsOf: date("2026-12-01")})
		for _, f := range res.Files {
			var items []string
			for _, line := range strings.Split(string(f.Data), "\n") {
				if strings.HasPrefix(line, "#   - ") {
					items = append(items, line)
				}
			}
			if len(items) == 0 {
				t.Errorf("%s: no list of decisions", f.Path)
				continue
			}
			for i, it := range items {
				if end := it[len(it)-1:]; (i == len(items)-1) != (end == ".") || (end != "." && end != ";") {
					t.Errorf("%s: item %d of %d ends on %q: %s", f.Path, i+1, len(items), end, it)
				}
			}
		}
	}
}

// Without a named quarter, Next carries forward the quarter in progress when it has plans, and
// otherwise the latest quarter with plans that has ended: run in January after the last plans of
// 2026-Q4, it starts 2027-Q1 from 2026-Q4's final readings instead of failing.
func TestNextDefaultFrom(t *testing.T) {
	root := examplesWithout(t, "2027", "2027-Q1")
	repo := load(t, root)
	tests := []struct {
		asOf   string
		scopes []string
		want   string
		why    bool
	}{
		{"2026-08-10", nil, "2026-Q3", false}, // in progress, with plans
		{"2026-12-31", nil, "2026-Q4", false}, // the last day of a quarter with plans
		{"2027-01-15", nil, "2026-Q4", true},  // in progress without plans: the latest ended one
		{"2027-07-01", nil, "2026-Q4", true},  // several quarters on
		{"2027-01-15", []string{"jonas-berg"}, "2026-Q4", true},
		{"2026-08-10", []string{"jonas-berg"}, "2026-Q3", false}, // no ended quarter has a plan of the scope
		{"2025-11-03", nil, "2025-Q4", false},                    // nothing has ended: Next reports the quarter in progress
	}
	for _, tt := range tests {
		got, why := DefaultFrom(repo, date(tt.asOf), tt.scopes)
		if got.String() != tt.want || (why != "") != tt.why {
			t.Errorf("DefaultFrom(%s, %v) = %s, %q; want %s (a reason: %v)", tt.asOf, tt.scopes, got, why, tt.want, tt.why)
		}
	}

	res, err := Next(repo, Options{AsOf: date("2027-01-15")})
	if err != nil {
		t.Fatalf("Next with no --from in January: %v", err)
	}
	if res.From.String() != "2026-Q4" || res.To.String() != "2027-Q1" {
		t.Errorf("Next drafted %s → %s, want 2026-Q4 → 2027-Q1", res.From, res.To)
	}
	if want := "2027-Q1, the quarter in progress, has no plans; 2026-Q4 is the latest quarter with plans that has ended"; res.Fallback != want {
		t.Errorf("Fallback = %q, want %q", res.Fallback, want)
	}
	for _, f := range res.Files {
		if strings.Contains(string(f.Data), "provisional") {
			t.Errorf("%s: 2026-Q4 has closed, but a reading is marked provisional", f.Path)
		}
	}
	if res, err := Next(repo, Options{AsOf: date("2026-08-10")}); err != nil || res.From.String() != "2026-Q3" || res.Fallback != "" {
		t.Errorf("Next in 2026-Q3 = %v, %v; want the quarter in progress, with no fallback", res, err)
	}
	if _, err := Next(repo, Options{AsOf: date("2025-11-03")}); err == nil || !strings.Contains(err.Error(), "no plan for 2025-Q4") {
		t.Errorf("Next before any plan = %v, want no plan for 2025-Q4", err)
	}
}
