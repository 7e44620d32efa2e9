package cmd

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"testing"

	"github.com/okr-tool/okr/vcs/vcstest"
)

// TestMain keeps the plan repositories under testdata/ and examples/ outside git: they live in
// okr's own repository, whose commits have nothing to do with the plans' dates, and a report
// --as-of a day would otherwise read them as committed on that day. Tests of the git features
// build repositories of their own.
func TestMain(m *testing.M) {
	var ceilings []string
	for _, dir := range []string{"../testdata", "../examples"} {
		if abs, err := filepath.Abs(dir); err == nil {
			ceilings = append(ceilings, abs)
		}
	}
	os.Setenv("GIT_CEILING_DIRECTORIES", strings.Join(ceilings, string(os.PathListSeparator)))
	os.Exit(m.Run())
}

// asOfRepo is a plan repository whose sales plan for 2026-Q3 had check-ins on 15 July (tagged
// mid-july) and 1 August, and whose Q4 plan was committed on 2 October, with a Q3 reading of the
// same day.
func asOfRepo(t *testing.T) (g *vcstest.Repo, august string) {
	t.Helper()
	g = planRepo(t)
	g.Write("plans/2026-Q3/sales.yaml", salesPlan("2026-Q3", 80, 74))
	g.Commit("2026-07-15T10:00:00Z", "check-in")
	g.Git("tag", "mid-july")
	g.Write("plans/2026-Q3/sales.yaml", salesPlan("2026-Q3", 80, 77))
	august = g.Commit("2026-08-01T10:00:00Z", "check-in")
	g.Write("plans/2026-Q3/sales.yaml", salesPlan("2026-Q3", 80, 79))
	g.Write("plans/2026-Q4/sales.yaml", salesPlan("2026-Q4", 85, 81))
	g.Commit("2026-10-02T10:00:00Z", "Q4 plan")
	return g, august
}

// TestReportAsOfReadsThePlansOfThatDay: --as-of in git reads the plans as committed at the end
// of that day, so that the scores, and the KPI series, are those of the day, and the report
// names the commit.
func TestReportAsOfReadsThePlansOfThatDay(t *testing.T) {
	g, august := asOfRepo(t)

	code, stdout, stderr := runIn(t, g.Dir, "report", "--period", "2026-Q3", "--as-of", "2026-08-15", "-f", "json")
	if code != 0 {
		t.Fatalf("okr report --as-of exited %d: %s", code, stderr)
	}
	match(t, "okr report --as-of 2026-08-15", `"current": 77\n`, stdout)
	match(t, "okr report --as-of 2026-08-15", `"period": "2026-Q4",\n\s+"tracked": false`, stdout)
	match(t, "okr report --as-of 2026-08-15", `"source": \{\n\s+"commit": "`+august+`",\n\s+"commit_date": "2026-08-01",\n\s+"work_tree": false,\n\s+"may_be_newer": false,\n\s+"text": "Plans as committed by the end of 2026-08-15: commit `+august[:7]+` of 2026-08-01\."`, stdout)

	short := regexp.QuoteMeta(august[:7])
	for _, format := range []string{"table", "markdown", "html", "csv"} {
		code, stdout, _ := runIn(t, g.Dir, "report", "--period", "2026-Q3", "--as-of", "2026-08-15", "-f", format)
		if code != 0 {
			t.Fatalf("okr report --as-of -f %s exited %d", format, code)
		}
		want := `Plans as committed by the end of 2026-08-15: commit ` + short + ` of 2026-08-01\.`
		switch format {
		case "table":
			want = `(?m)^plans as committed by the end of 2026-08-15: commit ` + short + ` of 2026-08-01$`
		case "csv":
			want = `(?m),` + august + `,false$`
		}
		match(t, "okr report --as-of 2026-08-15 -f "+format, want, stdout)
	}

	// A day at or after the newest commit reads the work tree, uncommitted changes included.
	g.Write("plans/2026-Q3/sales.yaml", salesPlan("2026-Q3", 80, 80))
	code, stdout, _ = runIn(t, g.Dir, "report", "--period", "2026-Q3", "--as-of", "2026-10-02")
	if code != 0 {
		t.Fatalf("okr report --as-of 2026-10-02 exited %d", code)
	}
	match(t, "okr report --as-of 2026-10-02", `plans from the work tree: the newest commit, [0-9a-f]{7} of 2026-10-02, is not after 2026-10-02\n`, stdout)
	match(t, "okr report --as-of 2026-10-02", `Raise retention +│ outcome │ KPI │ 70 → 80 +│ 80 `, stdout)

	// A day before the history starts reads the files, and says so.
	code, stdout, _ = runIn(t, g.Dir, "report", "--period", "2026-Q3", "--as-of", "2026-06-01", "-f", "markdown")
	if code != 0 {
		t.Fatalf("okr report --as-of 2026-06-01 exited %d", code)
	}
	match(t, "okr report --as-of 2026-06-01", `Plans as the files are now: the git history starts on 2026-06-20, after 2026-06-01, so values may be newer than 2026-06-01\.`, stdout)

	// Without --as-of the files are read, and nothing is said about it.
	if code, stdout, _ = runIn(t, g.Dir, "report", "--period", "2026-Q3"); code != 0 || regexp.MustCompile(`(?m)^plans (as|from) `).MatchString(stdout) {
		t.Errorf("okr report without --as-of (exit %d) names a version of the plans:\n%s", code, stdout)
	}
}

// TestReportRevWithAsOf: --rev reads that revision, and --as-of sets the clock.
func TestReportRevWithAsOf(t *testing.T) {
	g, _ := asOfRepo(t)
	july := strings.TrimSpace(g.Git("rev-parse", "mid-july"))
	code, stdout, stderr := runIn(t, g.Dir, "report", "--rev", "mid-july", "--as-of", "2026-09-15", "-f", "json")
	if code != 0 {
		t.Fatalf("okr report --rev --as-of exited %d: %s", code, stderr)
	}
	match(t, "okr report --rev mid-july --as-of 2026-09-15", `"current": 74\n`, stdout)
	match(t, "okr report --rev mid-july --as-of 2026-09-15", `"as_of": "2026-09-15"`, stdout)
	match(t, "okr report --rev mid-july --as-of 2026-09-15", `"expected": 0\.8369`, stdout)
	match(t, "okr report --rev mid-july --as-of 2026-09-15", `"commit": "`+july+`",\n\s+"commit_date": "2026-07-15",\n\s+"rev": "mid-july",`, stdout)
	match(t, "okr report --rev mid-july --as-of 2026-09-15", `"text": "Plans as committed at mid-july: commit `+july[:7]+` of 2026-07-15\."`, stdout)
}

// TestReportAsOfOutsideGit says that the files may hold values newer than the day.
func TestReportAsOfOutsideGit(t *testing.T) {
	dir := writeRepo(t, "plans/2026-Q3/sales.yaml", salesPlan("2026-Q3", 80, 79))
	for format, want := range map[string]string{
		"table":    `(?m)^plans as the files are now, outside git: values may be newer than 2026-08-15$`,
		"markdown": `(?m)^Plans as the files are now, outside git: values may be newer than 2026-08-15\.$`,
		"html":     `<p class="asof source">Plans as the files are now, outside git: values may be newer than 2026-08-15\.</p>`,
		"json":     `"commit": null,\n\s+"commit_date": null,\n\s+"work_tree": false,\n\s+"may_be_newer": true,`,
		"csv":      `(?m),,true$`,
	} {
		code, stdout, stderr := runIn(t, dir, "report", "--as-of", "2026-08-15", "-f", format)
		if code != 0 {
			t.Fatalf("okr report --as-of -f %s outside git exited %d: %s", format, code, stderr)
		}
		match(t, "okr report --as-of outside git -f "+format, want, stdout)
	}
}

// TestReportAsOfGitProcesses measures what --as-of costs in git: one tree read (git ls-tree) and
// one walk of commit headers more than reading the work tree.
func TestReportAsOfGitProcesses(t *testing.T) {
	g, _ := asOfRepo(t)
	log := countGit(t)
	runs := []struct {
		args              []string
		processes, ltrees int
	}{
		// Every report in git shows the eased goalposts: from a commit, git log over the period's
		// commits and git cat-file for the versions; from the work tree, first git rev-parse
		// (HEAD), git diff and git ls-files for the uncommitted changes (and git rev-parse
		// --show-toplevel when nothing opened git yet). None of it reads a tree.
		{[]string{"report", "--period", "2026-Q3"}, 0 + 6, 0},
		{[]string{"report", "--period", "2026-Q3", "--as-of", "2026-10-05"}, 2 + 5, 0}, // the work tree: git rev-parse, git log
		{[]string{"report", "--period", "2026-Q3", "--rev", "mid-july"}, 5 + 2, 1},     // for comparison
		// A commit: git rev-parse, git log, then as --rev: git cat-file (.okr.yaml), git ls-tree, git cat-file (the plans).
		{[]string{"report", "--period", "2026-Q3", "--as-of", "2026-08-15"}, 5 + 2, 1},
		{[]string{"report", "--period", "2026-Q3", "--as-of", "2026-08-15", "--rev", "mid-july"}, 5 + 2, 1},
	}
	for _, tt := range runs {
		os.Remove(log)
		if code, _, stderr := runIn(t, g.Dir, tt.args...); code != 0 {
			t.Fatalf("okr %s exited %d: %s", strings.Join(tt.args, " "), code, stderr)
		}
		data, _ := os.ReadFile(log)
		lines := strings.Split(strings.TrimSpace(string(data)), "\n")
		if len(data) == 0 {
			lines = nil
		}
		trees := 0
		for _, l := range lines {
			if strings.Contains(l, " ls-tree ") {
				trees++
			}
		}
		t.Logf("okr %s: %d git processes, %d tree reads", strings.Join(tt.args, " "), len(lines), trees)
		if len(lines) > tt.processes || trees != tt.ltrees {
			t.Errorf("okr %s ran %d git processes (%d tree reads), want at most %d (%d):\n%s",
				strings.Join(tt.args, " "), len(lines), trees, tt.processes, tt.ltrees, data)
		}
	}
}

// countGit puts a git on PATH that logs each run's arguments, one line each, to the file it
// returns, and runs the real git.
func countGit(t *testing.T) string {
	t.Helper()
	real, err := exec.LookPath("git")
	if err != nil {
		t.Skip("git is not installed")
	}
	if runtime.GOOS == "windows" {
		t.Skip("the logging git is a shell script")
	}
	dir := t.TempDir()
	log := filepath.Join(dir, "git.log")
	script := "#!/bin/sh\necho \" $*\" >> '" + log + "'\nexec '" + real + "' \"$@\"\n"
	if err := os.WriteFile(filepath.Join(dir, "git"), []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	t.Setenv("PATH", dir+string(os.PathListSeparator)+os.Getenv("PATH"))
	return log
}

// dealsPlan is a plan whose key result "deals" counts deals closed from 0 to target; comment
// ends the key result's line.
func dealsPlan(target, comment string) string {
	churn := map[string]string{"12": "5", "10": "6"}[target]
	return `period: 2026-Q3
scope: sales
kpis:
  - {id: churn, name: Monthly churn, source: CRM, frequency: monthly, direction: down, target: ` + churn + `, actual: 5.5}
objectives:
  - id: grow
    title: Grow new business
    key_results:
      - {id: deals, title: Close new deals, start: 0, target: ` + target + `, current: 10}` + comment + `
      - {id: pipeline, title: Build pipeline, start: 0, target: 40, current: 30}
      - {id: demos, title: Run demos, start: 0, target: 20, current: 15}
`
}

// TestReportShowsEasedTargets: a target cut after the quarter started is shown beside its key
// result in every format, with the old and new values, the date and the recorded reason.
func TestReportShowsEasedTargets(t *testing.T) {
	g := vcstest.New(t)
	g.Write("plans/2026-Q3/sales.yaml", dealsPlan("12", ""))
	g.Commit("2026-06-25T10:00:00Z", "Q3 plan")
	g.Write("plans/2026-Q3/sales.yaml", dealsPlan("10", " # okr:ignore moved-goalposts two reps left in July"))
	cut := g.Commit("2026-08-03T10:00:00Z", "cut the deals target")
	sentence := `target eased from 12 to 10 on 2026-08-03 in commit ` + cut[:7] + `: two reps left in July`
	for format, want := range map[string]string{
		"table":    `(?m)^│   Close new deals +│ outcome │ +│ 0 → 10 \(target was 12\) │ 10 +│ 1\.00 +│(?s).*\n↘ grow/deals: ` + sentence + `\n`,
		"markdown": `(?m)^\| ↳ Close new deals \| outcome \|  \| 0 → 10 \(target was 12\) \| 10 \|(?s).*^> ⚠️ ↘ Close new deals: ` + sentence + `\.$`,
		"html":     `<span class="eased-badge">↘ target eased 12 → 10 on 3 Aug 2026 \(commit ` + cut[:7] + `\): two reps left in July</span></td><td>outcome</td><td class="kpi-mark"></td><td>0 → 10 \(target was 12\)</td>`,
		"json":     `"eased": \[\n\s+\{\n\s+"field": "target",\n\s+"from": 12,\n\s+"to": 10,\n\s+"date": "2026-08-03",\n\s+"commit": "` + cut + `",\n\s+"reason": "two reps left in July"\n`,
		"csv":      `(?m),deals,Close new deals,.*,` + sentence + `,,,,,false$`,
		// A KPI target raised against its direction is eased too.
		"table ": `(?m)^↘ KPI churn: target eased from 5 to 6 on 2026-08-03 in commit ` + cut[:7] + `, no reason recorded$`,
	} {
		code, stdout, stderr := runIn(t, g.Dir, "report", "--history", "--as-of", "2026-08-20", "-f", strings.TrimSpace(format))
		if code != 0 {
			t.Fatalf("okr report --history -f %s exited %d: %s", format, code, stderr)
		}
		match(t, "okr report --history -f "+format, want, stdout)
	}
	// The week before the cut, the target was 12: nothing was eased yet.
	code, stdout, _ := runIn(t, g.Dir, "report", "--history", "--as-of", "2026-07-27", "-f", "json")
	if code != 0 || strings.Contains(stdout, `"eased"`) {
		t.Errorf("okr report --as-of 2026-07-27 (exit %d) shows an easing that had not happened:\n%s", code, stdout)
	}
}

// TestReportHistoryCreationIsNotACheckIn: the commit that creates a plan plans its values; it
// is not a check-in. A KPI never read is not "fresh", however young the quarter.
func TestReportHistoryCreationIsNotACheckIn(t *testing.T) {
	g := vcstest.New(t)
	g.Write("plans/2026-Q3/sales.yaml", `period: 2026-Q3
scope: sales
kpis:
  - {id: nps, name: Net promoter score, source: Survey, frequency: quarterly}
objectives:
  - id: grow
    title: Grow new business
    key_results:
      - {id: deals, title: Close new deals, start: 0, target: 12, current: 2}
      - {id: pipeline, title: Build pipeline, start: 0, target: 40, current: 30}
      - {id: demos, title: Run demos, start: 0, target: 20, current: 15}
`)
	g.Commit("2026-07-01T10:00:00Z", "Q3 plan")
	code, stdout, stderr := runIn(t, g.Dir, "report", "--history", "--as-of", "2026-09-29")
	if code != 0 {
		t.Fatalf("okr report --history exited %d: %s", code, stderr)
	}
	match(t, "okr report --history", `(?m)^  grow/deals +▂ +0\.17 +no check-ins, planned 2026-07-01 [0-9a-f]{7}$`, stdout)
	match(t, "okr report --history", `(?m)^  KPI nps +no readings  no reading yet, 90 days in \(quarterly: due within 92\)$`, stdout)
	if strings.Contains(stdout, "fresh: no reading") {
		t.Errorf("a KPI never read is called fresh:\n%s", stdout)
	}
	code, stdout, _ = runIn(t, g.Dir, "report", "--history", "--as-of", "2026-09-29", "-f", "markdown")
	if code != 0 {
		t.Fatalf("okr report --history -f markdown exited %d", code)
	}
	match(t, "okr report --history -f markdown", `(?m)^\| Close new deals \| ▂ \| 0\.17 \| 0 \| 2026-07-01 [0-9a-f]{7} \|$`, stdout)
	match(t, "okr report --history -f markdown", `(?m)^\| Net promoter score \| no readings \| ⚪ no reading yet, 90 days in \(quarterly: due within 92\) \|$`, stdout)
}
