package cmd

import (
	"fmt"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/okr-tool/okr/vcs/vcstest"
)

// runIn executes okr in-process in a directory.
func runIn(t *testing.T, dir string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	return cliRun{dir: dir}.run(t, args...)
}

// salesPlan is a plan of the sales team for a quarter that lints clean, with the given target
// and current value of its retention key result.
func salesPlan(period string, target, current float64) string {
	return fmt.Sprintf(`period: %s
scope: sales
kpis:
  - {id: retention, name: Client retention, source: CRM report, frequency: monthly}
objectives:
  - id: loyal
    title: Create loyal customers
    key_results:
      - {id: keep, title: Raise retention, start: 70, target: %g, current: %g, kpi: retention}
      - {id: nps, title: Raise NPS from 20 to 30, start: 20, target: 30, current: 24}
      - {id: plans, title: Success plans for every client, type: effort, due: %s, progress: 0.5}
`, period, target, current, map[string]string{"2026-Q3": "2026-09-30", "2026-Q4": "2026-12-15"}[period])
}

// planRepo is a git repository with a sales plan for 2026-Q3 on main and a topic branch.
func planRepo(t *testing.T) *vcstest.Repo {
	t.Helper()
	g := vcstest.New(t)
	g.Write(".okr.yaml", "# plans\n")
	g.Write("plans/2026-Q3/sales.yaml", salesPlan("2026-Q3", 80, 72))
	g.Commit("2026-06-20T10:00:00Z", "Q3 plan")
	g.Git("tag", "q3-start")
	g.Git("checkout", "-q", "-b", "topic")
	return g
}

func match(t *testing.T, what, pattern, text string) {
	t.Helper()
	if !regexp.MustCompile(pattern).MatchString(text) {
		t.Errorf("%s does not match %q:\n%s", what, pattern, text)
	}
}

func TestDiff(t *testing.T) {
	g := planRepo(t)
	g.Write("plans/2026-Q3/sales.yaml", salesPlan("2026-Q3", 80, 76))
	g.Commit("2026-07-20T10:00:00Z", "check-in")
	g.Write("plans/2026-Q4/sales.yaml", salesPlan("2026-Q4", 85, 76))

	code, stdout, stderr := runIn(t, g.Dir, "diff")
	if code != 0 {
		t.Fatalf("okr diff exited %d: %s", code, stderr)
	}
	match(t, "okr diff", `^okr diff [0-9a-f]{7} \(merge base with main\)\.\.work tree: 2 plans: 1 changed, 1 added\n`, stdout)
	match(t, "okr diff", `(?m)^~ plan sales 2026-Q3  plans/2026-Q3/sales.yaml  score 0\.37 → 0\.50 \(\+0\.13\)$`, stdout)
	match(t, "okr diff", `(?m)^        ~ key result keep  score 0\.20 → 0\.60 \(\+0\.40\)  current 72 → 76 \(\+4\)$`, stdout)
	match(t, "okr diff", `(?m)^\+ plan sales 2026-Q4`, stdout)

	code, stdout, _ = runIn(t, g.Path("plans"), "diff", "q3-start", "HEAD", "--format", "markdown")
	if code != 0 {
		t.Fatalf("okr diff q3-start HEAD exited %d", code)
	}
	match(t, "okr diff --format markdown", "^### OKR changes: `q3-start` → `HEAD`\n\n1 plan: 1 changed\\.\n", stdout)
	if strings.Contains(stdout, "2026-Q4") {
		t.Errorf("the uncommitted plan shows in a diff of two commits:\n%s", stdout)
	}

	code, stdout, _ = runIn(t, g.Dir, "diff", "HEAD", "-f", "json")
	if code != 0 {
		t.Fatalf("okr diff HEAD -f json exited %d", code)
	}
	match(t, "okr diff -f json", `"head": "work tree",\n  "summary": \{\n    "added": 1,\n    "removed": 0,\n    "changed": 0`, stdout)
}

func TestDiffNeedsGitAndRevisions(t *testing.T) {
	g := planRepo(t)
	code, _, stderr := runIn(t, g.Dir, "diff", "v9")
	if code != 2 {
		t.Errorf("okr diff v9 exited %d, want 2", code)
	}
	match(t, "stderr", `^okr: unknown revision "v9": no branch, tag or commit has that name\n$`, stderr)

	dir := t.TempDir()
	code, _, stderr = runIn(t, dir, "diff")
	if code != 2 {
		t.Errorf("okr diff outside git exited %d, want 2", code)
	}
	match(t, "stderr", `^okr: diff needs git: .* is not inside a git repository; this needs the plans in a git repository`, stderr)

	g.Git("branch", "-q", "-m", "main", "trunk")
	code, _, stderr = runIn(t, g.Dir, "diff")
	if code != 2 || !strings.Contains(stderr, "cannot tell the default branch") {
		t.Errorf("okr diff without a default branch exited %d: %s", code, stderr)
	}
}

func TestDiffUnreadablePlan(t *testing.T) {
	g := planRepo(t)
	g.Write("plans/2026-Q3/sales.yaml", "period: 2026-Q3\nscope: sales\nobjectives: [\n")

	code, stdout, stderr := runIn(t, g.Dir, "diff", "HEAD")
	if code != 0 {
		t.Fatalf("okr diff HEAD exited %d: %s", code, stderr)
	}
	match(t, "okr diff", `^okr diff HEAD\.\.work tree: 1 plan: 1 could not be read\n`, stdout)
	match(t, "okr diff", `(?m)^! plan sales 2026-Q3  plans/2026-Q3/sales.yaml  could not be read in work tree \(line 3: invalid YAML: `, stdout)
	if strings.Contains(stdout, "removed") || strings.Contains(stdout, "objective") {
		t.Errorf("an unreadable plan is shown as removed:\n%s", stdout)
	}

	code, stdout, _ = runIn(t, g.Dir, "diff", "HEAD", "--format", "markdown")
	if code != 0 {
		t.Fatalf("okr diff --format markdown exited %d", code)
	}
	match(t, "okr diff --format markdown", "(?m)^#### ! sales 2026-Q3 — could not be read\n\n`plans/2026-Q3/sales.yaml` could not be read in work tree \\(line 3: invalid YAML: ", stdout)

	code, stdout, _ = runIn(t, g.Dir, "diff", "HEAD", "-f", "json")
	if code != 0 {
		t.Fatalf("okr diff -f json exited %d", code)
	}
	match(t, "okr diff -f json", `"kind": "unreadable",`, stdout)
	match(t, "okr diff -f json", `"problem": \{\n\s+"version": "head",\n\s+"line": 3,\n\s+"message": "invalid YAML: `, stdout)
	match(t, "okr diff -f json", `"unreadable": 1`, stdout)

	// Broken at the base and fixed since: not "added".
	g.Commit("2026-07-20T10:00:00Z", "broken")
	g.Write("plans/2026-Q3/sales.yaml", salesPlan("2026-Q3", 80, 74))
	code, stdout, _ = runIn(t, g.Dir, "diff", "HEAD")
	if code != 0 {
		t.Fatalf("okr diff HEAD exited %d", code)
	}
	match(t, "okr diff", `(?m)^! plan sales 2026-Q3  plans/2026-Q3/sales.yaml  could not be read in HEAD \(line 3: `, stdout)
}

func TestDiffThroughSymbolicLink(t *testing.T) {
	g := planRepo(t)
	// The link sorts first, so the repository reads the plan from it; the file it points to changes.
	if err := os.Symlink("sales.yaml", g.Path("plans/2026-Q3/a-link.yaml")); err != nil {
		t.Fatal(err)
	}
	g.Commit("2026-07-01T10:00:00Z", "link")
	g.Write("plans/2026-Q3/sales.yaml", salesPlan("2026-Q3", 80, 76))

	code, stdout, stderr := runIn(t, g.Dir, "diff", "HEAD")
	if code != 0 {
		t.Fatalf("okr diff HEAD exited %d: %s", code, stderr)
	}
	match(t, "okr diff", `(?m)^        ~ key result keep  score 0\.20 → 0\.60 \(\+0\.40\)  current 72 → 76 \(\+4\)$`, stdout)
}

// okr report and okr diff take -c/--config FILE as okr lint does, and its paths: decide which
// plans they read.
func TestReportAndDiffTakeConfig(t *testing.T) {
	g := planRepo(t)
	g.Write("narrow.yaml", "paths: [plans/2026-Q3/**]\n")
	g.Write("plans/2026-Q4/sales.yaml", salesPlan("2026-Q4", 85, 76))

	code, stdout, stderr := runIn(t, g.Dir, "report", "--period", "2026-Q4", "--as-of", "2026-11-01")
	if code != 0 || !strings.Contains(stdout, "sales") {
		t.Fatalf("okr report --period 2026-Q4 exited %d: %s%s", code, stdout, stderr)
	}
	code, stdout, stderr = runIn(t, g.Dir, "report", "-c", "narrow.yaml", "--period", "2026-Q4", "--as-of", "2026-11-01")
	if code != 2 || !strings.Contains(stderr, "2026-Q4") {
		t.Errorf("okr report -c narrow.yaml --period 2026-Q4 exited %d, want 2 (no plan of 2026-Q4 in its paths): %s%s", code, stdout, stderr)
	}
	code, stdout, stderr = runIn(t, g.Dir, "report", "--config", "narrow.yaml", "--period", "2026-Q3", "--as-of", "2026-08-01")
	if code != 0 || !strings.Contains(stdout, "sales") {
		t.Errorf("okr report --config narrow.yaml --period 2026-Q3 exited %d: %s%s", code, stdout, stderr)
	}
	code, _, stderr = runIn(t, g.Dir, "report", "--config", "missing.yaml")
	if code != 2 || !strings.Contains(stderr, "cannot read configuration missing.yaml") {
		t.Errorf("okr report --config missing.yaml exited %d: %s", code, stderr)
	}

	code, stdout, stderr = runIn(t, g.Dir, "diff")
	if code != 0 || !strings.Contains(stdout, "+ plan sales 2026-Q4") {
		t.Fatalf("okr diff exited %d: %s%s", code, stdout, stderr)
	}
	code, stdout, stderr = runIn(t, g.Dir, "diff", "--config", "narrow.yaml")
	if code != 0 || strings.Contains(stdout, "2026-Q4") {
		t.Errorf("okr diff --config narrow.yaml exited %d, or shows a plan outside its paths: %s%s", code, stdout, stderr)
	}
	code, _, stderr = runIn(t, g.Dir, "diff", "-c", "missing.yaml")
	if code != 2 || !strings.Contains(stderr, "cannot read configuration missing.yaml") {
		t.Errorf("okr diff -c missing.yaml exited %d: %s", code, stderr)
	}
}
