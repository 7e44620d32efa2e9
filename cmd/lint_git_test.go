package cmd

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/okr-tool/okr/vcs/vcstest"
)

func TestLintAtRevision(t *testing.T) {
	g := planRepo(t)
	g.Write("plans/2026-Q3/sales.yaml", "period: 2026-Q3\nscope: sales\nobjectives:\n  - {id: x}\n")
	g.Commit("2026-07-20T10:00:00Z", "broken plan")
	g.Write("plans/2026-Q3/sales.yaml", "period: [broken in the work tree\n")

	code, stdout, stderr := runIn(t, g.Dir, "lint", "--rev", "q3-start")
	if code != 0 {
		t.Errorf("okr lint --rev q3-start exited %d:\n%s%s", code, stdout, stderr)
	}
	match(t, "okr lint --rev q3-start", `^0 errors, 0 warnings in 1 file \(1 plan\)\n$`, stdout)

	code, stdout, _ = runIn(t, g.Path("plans"), "lint", "--rev", "HEAD", "2026-Q3")
	if code != 1 {
		t.Errorf("okr lint --rev HEAD exited %d, want 1", code)
	}
	match(t, "okr lint --rev HEAD", `(?m)^2026-Q3/sales.yaml:4:5: error: this objective has no title`, stdout)
	if strings.Contains(stdout, "yaml-syntax") {
		t.Errorf("the work tree was read instead of HEAD:\n%s", stdout)
	}

	code, _, stderr = runIn(t, g.Dir, "lint", "--rev", "nope")
	if code != 2 {
		t.Errorf("okr lint --rev nope exited %d, want 2", code)
	}
	match(t, "stderr", `^okr: --rev: unknown revision "nope"`, stderr)
}

func TestLintNewFromRev(t *testing.T) {
	g := planRepo(t)
	g.Write("plans/2026-Q3/company.yaml", "period: 2026-Q3\nscope: company\nobjectives:\n  - {id: x}\n")
	g.Git("checkout", "-q", "main")
	g.Commit("2026-06-21T10:00:00Z", "a broken company plan on main") // outside the change
	g.Git("checkout", "-q", "topic")
	g.Git("merge", "-q", "main")
	// On the branch: the target eased after the quarter started, then an uncommitted plan.
	g.Write("plans/2026-Q3/sales.yaml", salesPlan("2026-Q3", 76, 74))
	ease := g.Commit("2026-07-20T10:00:00Z", "ease the target")
	g.Write("plans/2026-Q4/sales.yaml", salesPlan("2026-Q4", 85, 76)+"  - {id: typo}\n")

	code, stdout, stderr := runIn(t, g.Dir, "lint", "--new-from-rev", "main", "--as-of", "2026-08-05")
	if code != 1 {
		t.Errorf("okr lint --new-from-rev main exited %d, want 1:\n%s%s", code, stdout, stderr)
	}
	want := `(?m)^plans/2026-Q3/sales.yaml:9:63: warning: target of key result "keep" eased from 80 to 76 in commit ` +
		ease[:7] + ` on 2026-07-20, after 2026-Q3 started on 2026-07-01 \(80 was set in commit [0-9a-f]{7} on 2026-06-20\); ` +
		`keep the goalpost where it was, or record why with # okr:ignore moved-goalposts <reason> \[moved-goalposts\]$`
	match(t, "okr lint --new-from-rev main", want, stdout)
	match(t, "okr lint --new-from-rev main", `(?m)^plans/2026-Q4/sales.yaml:12:5: error: this objective has no title`, stdout)
	if strings.Contains(stdout, "company.yaml") {
		t.Errorf("a finding outside the change was reported:\n%s", stdout)
	}

	// Findings in named paths are narrowed further.
	code, stdout, _ = runIn(t, g.Dir, "lint", "--new-from-rev", "main", "--as-of", "2026-08-05", "plans/2026-Q3")
	if code != 0 || strings.Contains(stdout, "2026-Q4") || !strings.Contains(stdout, "moved-goalposts") {
		t.Errorf("okr lint --new-from-rev main plans/2026-Q3 exited %d:\n%s", code, stdout)
	}

	// A revision that does not exist says how to fix the checkout.
	code, _, stderr = runIn(t, g.Dir, "lint", "--new-from-rev", "origin/main")
	if code != 2 {
		t.Errorf("okr lint --new-from-rev origin/main exited %d, want 2", code)
	}
	match(t, "stderr", `^okr: --new-from-rev: unknown revision "origin/main": .*git fetch origin main\)\n$`, stderr)
}

func TestLintNewFromRevShallowClone(t *testing.T) {
	g := planRepo(t)
	g.Write("plans/2026-Q3/sales.yaml", salesPlan("2026-Q3", 80, 74))
	g.Commit("2026-07-20T10:00:00Z", "check-in")
	g.Write("plans/2026-Q3/sales.yaml", salesPlan("2026-Q3", 80, 75))
	g.Commit("2026-07-21T10:00:00Z", "check-in")
	dir := filepath.Join(t.TempDir(), "clone")
	g.Git("clone", "-q", "--depth", "1", "--branch", "topic", "file://"+g.Dir, dir)
	clone := vcstest.At(t, dir)

	code, _, stderr := runIn(t, dir, "lint", "--new-from-rev", "origin/main")
	if code != 2 {
		t.Errorf("exit %d, want 2", code)
	}
	match(t, "stderr", `unknown revision "origin/main".*this clone is shallow.*fetch-depth: 0`, stderr)

	clone.Git("fetch", "-q", "--depth", "1", "origin", "main:refs/remotes/origin/main")
	code, _, stderr = runIn(t, dir, "lint", "--new-from-rev", "origin/main")
	if code != 2 {
		t.Errorf("exit %d, want 2", code)
	}
	match(t, "stderr", `^okr: --new-from-rev: this clone is too shallow to find where origin/main and HEAD branched: fetch more history \(in GitHub Actions, actions/checkout with fetch-depth: 0`, stderr)
}

func TestLintKPIStale(t *testing.T) {
	g := planRepo(t)
	g.Write(".okr.yaml", "rules:\n  kpi-stale: warning\n")
	g.Commit("2026-06-21T10:00:00Z", "turn on kpi-stale")

	code, stdout, stderr := runIn(t, g.Dir, "lint", "--as-of", "2026-08-10")
	if code != 0 {
		t.Errorf("exit %d:\n%s%s", code, stdout, stderr)
	}
	match(t, "okr lint with kpi-stale", `(?m)^plans/2026-Q3/sales.yaml:4:10: warning: KPI "retention" is reported monthly but its reading last changed 51 days before 2026-08-10, in commit [0-9a-f]{7} on 2026-06-20; update current of key result "keep" at least every 31 days \[kpi-stale\]$`, stdout)

	g.Write("plans/2026-Q3/sales.yaml", salesPlan("2026-Q3", 80, 74))
	code, stdout, _ = runIn(t, g.Dir, "lint", "--as-of", "2026-08-10")
	if code != 0 || strings.Contains(stdout, "kpi-stale") {
		t.Errorf("an uncommitted check-in counts as today's (exit %d):\n%s", code, stdout)
	}

	// Outside git the rule is skipped with a note; everything else runs.
	dir := t.TempDir()
	copyFile(t, g.Path(".okr.yaml"), filepath.Join(dir, ".okr.yaml"))
	copyFile(t, g.Path("plans/2026-Q3/sales.yaml"), filepath.Join(dir, "plans/2026-Q3/sales.yaml"))
	code, stdout, stderr = runIn(t, dir, "lint", "--as-of", "2026-08-10")
	if code != 0 || !strings.Contains(stdout, "0 errors, 0 warnings") {
		t.Errorf("outside git: exit %d:\n%s%s", code, stdout, stderr)
	}
	match(t, "stderr outside git", `^okr: kpi-stale needs the plans' git history and was skipped: .* is not inside a git repository`, stderr)
	code, _, stderr = runIn(t, dir, "lint", "--new-from-rev", "main")
	if code != 2 {
		t.Errorf("--new-from-rev outside git exited %d, want 2", code)
	}
	match(t, "stderr", `^okr: --new-from-rev needs git: `, stderr)
}

func copyFile(t *testing.T, from, to string) {
	t.Helper()
	data, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Dir(to), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(to, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestLintNewFromRevAfterMergingMain(t *testing.T) {
	g := planRepo(t)
	fork := strings.TrimSpace(g.Git("rev-parse", "HEAD"))
	// Main eases the target after the quarter started; the branch merges main and checks in.
	g.Git("checkout", "-q", "main")
	g.Write("plans/2026-Q3/sales.yaml", salesPlan("2026-Q3", 75, 72))
	g.Commit("2026-07-10T10:00:00Z", "ease the target on main")
	mainEase := strings.TrimSpace(g.Git("rev-parse", "main"))
	g.Git("checkout", "-q", "topic")
	g.GitEnv([]string{"GIT_AUTHOR_DATE=2026-07-15T10:00:00Z", "GIT_COMMITTER_DATE=2026-07-15T10:00:00Z"},
		"merge", "-q", "--no-ff", "--no-edit", "main")
	g.Write("plans/2026-Q3/sales.yaml", salesPlan("2026-Q3", 75, 74))
	g.Commit("2026-07-20T10:00:00Z", "check-in")

	// The plan is compared with itself on the eve of the quarter, not with main: main's easing,
	// not recorded, is reported on every change to the plan until a reason is, and it names
	// the commit that wrote the value on main, not the merge that brought it to the branch.
	code, stdout, stderr := runIn(t, g.Dir, "lint", "--new-from-rev", "main", "--as-of", "2026-08-05")
	match(t, "okr lint --new-from-rev main", `(?m)^plans/2026-Q3/sales.yaml:9:63: warning: target of key result "keep" eased from 80 to 75 in commit `+mainEase[:7]+` on 2026-07-10, after 2026-Q3 started on 2026-07-01 \(80 was set in commit `+fork[:7]+` on 2026-06-20\)`, stdout)
	if code != 0 || strings.Count(stdout, "[moved-goalposts]") != 1 {
		t.Errorf("exit %d:\n%s%s", code, stdout, stderr)
	}

	// Eased again on the branch: one finding, from the value the quarter started with.
	g.Write("plans/2026-Q3/sales.yaml", salesPlan("2026-Q3", 73, 74))
	code, stdout, _ = runIn(t, g.Dir, "lint", "--new-from-rev", "main", "--as-of", "2026-08-05")
	match(t, "okr lint --new-from-rev main", `(?m)^plans/2026-Q3/sales.yaml:9:63: warning: target of key result "keep" eased from 80 to 73 in uncommitted changes on 2026-08-05, after 2026-Q3 started on 2026-07-01 \(80 was set in commit `+fork[:7]+` on 2026-06-20\)`, stdout)
	if code != 0 || strings.Contains(stdout, mainEase[:7]) || strings.Count(stdout, "[moved-goalposts]") != 1 {
		t.Errorf("exit %d:\n%s", code, stdout)
	}
}

func TestLintNewFromRevPlanMovedWithoutGitAdd(t *testing.T) {
	g := planRepo(t)
	first := strings.TrimSpace(g.Git("rev-parse", "HEAD"))
	// The plan moves to another file (a plain mv, not git mv) and its target is eased.
	g.Remove("plans/2026-Q3/sales.yaml")
	g.Write("plans/sales-q3.yaml", salesPlan("2026-Q3", 76, 72))

	code, stdout, stderr := runIn(t, g.Dir, "lint", "--new-from-rev", "main", "--as-of", "2026-08-05")
	if code != 0 {
		t.Errorf("exit %d:\n%s%s", code, stdout, stderr)
	}
	match(t, "okr lint --new-from-rev main", `(?m)^plans/sales-q3.yaml:9:63: warning: target of key result "keep" eased from 80 to 76 in uncommitted changes on 2026-08-05, after 2026-Q3 started on 2026-07-01 \(80 was set in commit `+first[:7]+` on 2026-06-20\)`, stdout)
}

func TestLintAtRevisionRootWithSpace(t *testing.T) {
	g := vcstest.New(t)
	g.Write("my plans/2026-Q3/sales.yaml", salesPlan("2026-Q3", 80, 72))
	g.Commit("2026-06-20T10:00:00Z", "Q3 plan")
	g.Write("my plans/.okr.yaml", "# plans\n") // not committed: HEAD has no configuration

	code, stdout, stderr := runIn(t, g.Path("my plans"), "lint", "--rev", "HEAD")
	if code != 0 {
		t.Errorf("okr lint --rev HEAD in a directory with a space exited %d:\n%s%s", code, stdout, stderr)
	}
	code, stdout, stderr = runIn(t, g.Path("my plans"), "diff", "HEAD")
	if code != 0 {
		t.Errorf("okr diff HEAD in a directory with a space exited %d:\n%s%s", code, stdout, stderr)
	}
}

func TestLintKPIStaleReadFromActual(t *testing.T) {
	g := vcstest.New(t)
	g.Write(".okr.yaml", "rules:\n  kpi-stale: warning\n")
	// The key result measures the KPI but has no current: the reading is the KPI's actual.
	g.Write("plans/2026-Q3/sales.yaml", `period: 2026-Q3
scope: sales
kpis:
  - {id: retention, name: Client retention, source: CRM report, frequency: monthly, actual: 72}
objectives:
  - id: loyal
    title: Create loyal customers
    key_results:
      - {id: keep, title: Raise retention, start: 70, target: 80, kpi: retention}
      - {id: nps, title: Raise NPS from 20 to 30, start: 20, target: 30, current: 24}
      - {id: plans, title: Success plans for every client, type: effort, due: 2026-09-30, progress: 0.5}
`)
	g.Commit("2026-06-20T10:00:00Z", "Q3 plan")

	code, stdout, stderr := runIn(t, g.Dir, "lint", "--as-of", "2026-08-10")
	if code != 0 {
		t.Errorf("exit %d:\n%s%s", code, stdout, stderr)
	}
	match(t, "okr lint with kpi-stale", `(?m)^plans/2026-Q3/sales.yaml:4:93: warning: KPI "retention" is reported monthly but its reading last changed 51 days before 2026-08-10, in commit [0-9a-f]{7} on 2026-06-20; update its actual at least every 31 days \[kpi-stale\]$`, stdout)
}
