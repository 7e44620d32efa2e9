package cmd

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/okr-tool/okr/vcs/vcstest"
)

// checkInRepo is a plan repository whose sales plan for 2026-Q3 had three check-ins, the last
// one not committed yet.
func checkInRepo(t *testing.T) string {
	t.Helper()
	g := planRepo(t)
	g.Write("plans/2026-Q3/sales.yaml", salesPlan("2026-Q3", 80, 74))
	g.Commit("2026-07-15T10:00:00Z", "check-in")
	g.Git("tag", "mid-july")
	g.Write("plans/2026-Q3/sales.yaml", salesPlan("2026-Q3", 80, 77))
	g.Commit("2026-08-01T10:00:00Z", "check-in")
	g.Write("plans/2026-Q3/sales.yaml", salesPlan("2026-Q3", 80, 79))
	return g.Dir
}

func TestReportAtRevision(t *testing.T) {
	dir := checkInRepo(t)
	code, stdout, stderr := runIn(t, dir, "report", "--rev", "mid-july", "--as-of", "2026-07-16", "-f", "json")
	if code != 0 {
		t.Fatalf("okr report --rev mid-july exited %d: %s", code, stderr)
	}
	match(t, "okr report --rev mid-july", `"current": 74`, stdout)
	code, _, stderr = runIn(t, dir, "report", "--rev", "v1")
	if code != 2 || !strings.Contains(stderr, `--rev: unknown revision "v1"`) {
		t.Errorf("okr report --rev v1 exited %d: %s", code, stderr)
	}
}

func TestReportHistory(t *testing.T) {
	dir := checkInRepo(t)
	code, stdout, stderr := runIn(t, dir, "report", "--history", "--as-of", "2026-08-20", "-f", "markdown")
	if code != 0 {
		t.Fatalf("okr report --history exited %d: %s", code, stderr)
	}
	match(t, "okr report --history -f markdown", `(?m)^\| Raise retention \| ▂▄▆▇ \| 0\.20 → 0\.90 \| 3 \| 2026-08-20 uncommitted \|$`, stdout)
	match(t, "okr report --history -f markdown", `(?m)^\| Raise NPS from 20 to 30 \| ▄ \| 0\.40 \| 0 \| 2026-06-20 [0-9a-f]{7} \|$`, stdout)
	match(t, "okr report --history -f markdown", `(?m)^\| Client retention \| 72 → 79 \| 🟢 fresh: read 2026-08-20 uncommitted, 0 days old \(monthly: at most 31\) \|$`, stdout)

	code, stdout, _ = runIn(t, dir, "report", "--history", "--rev", "HEAD", "--as-of", "2026-09-10", "-f", "markdown")
	if code != 0 {
		t.Fatalf("okr report --history --rev HEAD exited %d", code)
	}
	match(t, "okr report --history --rev HEAD", `(?m)^\| Raise retention \| ▂▄▆ \| 0\.20 → 0\.70 \| 2 \| 2026-08-01 [0-9a-f]{7} \|$`, stdout)
	match(t, "okr report --history --rev HEAD", `(?m)^\| Client retention \| 72 → 77 \| ⚠️ stale: read 2026-08-01 [0-9a-f]{7}, 40 days old \(monthly: at most 31\) \|$`, stdout)

	code, stdout, _ = runIn(t, dir, "report", "--history", "--as-of", "2026-08-20")
	if code != 0 {
		t.Fatalf("okr report --history exited %d", code)
	}
	match(t, "okr report --history", `(?m)^  loyal/keep     ▂▄▆▇  0\.20 → 0\.90  3 check-ins, last 2026-08-20 uncommitted$`, stdout)
	match(t, "okr report --history", `(?m)^  KPI retention  72 → 79  fresh: read 2026-08-20 uncommitted, 0 days old \(monthly: at most 31\)$`, stdout)

	code, stdout, _ = runIn(t, dir, "report", "--history", "--as-of", "2026-08-20", "-f", "json")
	if code != 0 {
		t.Fatalf("okr report --history -f json exited %d", code)
	}
	match(t, "okr report --history -f json", `"history": \[\n\s+\{\n\s+"date": "2026-06-20",\n\s+"commit": "[0-9a-f]{40}",\n\s+"value": 72,\n\s+"score": 0\.2\n`, stdout)
	match(t, "okr report --history -f json", `"freshness": \{\n\s+"stale": false,\n\s+"last_reading": "2026-08-20",\n\s+"age_days": 0,\n\s+"allowed_days": 31\n`, stdout)
	if code, stdout, _ = runIn(t, dir, "report", "--as-of", "2026-08-20", "-f", "json"); code != 0 || strings.Contains(stdout, `"history"`) {
		t.Errorf("the JSON report has a history without --history (exit %d)", code)
	}

	code, stdout, _ = runIn(t, dir, "report", "--history", "--as-of", "2026-08-20", "-f", "html")
	if code != 0 {
		t.Fatalf("okr report --history -f html exited %d", code)
	}
	match(t, "okr report --history -f html", `<h3 style="margin-top:18px">Check-ins</h3>`, stdout)
	match(t, "okr report --history -f html", `<svg viewBox="0 0 320 120" role="img" aria-label="Score of Raise retention over 2026-Q3"`, stdout)

	code, _, stderr = runIn(t, t.TempDir(), "report", "--history")
	if code != 2 {
		t.Errorf("okr report --history outside git exited %d, want 2", code)
	}
}

func TestReportHistoryInShallowClone(t *testing.T) {
	g := vcstest.At(t, checkInRepo(t))
	g.Commit("2026-08-02T10:00:00Z", "check-in")
	dir := filepath.Join(t.TempDir(), "clone")
	g.Git("clone", "-q", "--depth", "2", "--branch", "topic", "file://"+g.Dir, dir)

	code, stdout, stderr := runIn(t, dir, "report", "--history", "--as-of", "2026-08-20", "-f", "markdown")
	if code != 0 {
		t.Fatalf("okr report --history in a shallow clone exited %d: %s", code, stderr)
	}
	match(t, "stderr", `^okr: this clone is shallow: the plans' history goes back to 2026-08-01 only; fetch more history \(in GitHub Actions, actions/checkout with fetch-depth: 0`, stderr)
	match(t, "okr report --history", `the history of this shallow clone starts 2026-08-01\.`, stdout)
	match(t, "okr report --history", `(?m)^\| Raise retention \| ▆▇ \| 0\.70 → 0\.90 \| 2 \| 2026-08-02 [0-9a-f]{7} \|$`, stdout)
}

func TestLintNewFromRevFollowsRenames(t *testing.T) {
	g := planRepo(t)
	g.Move("plans/2026-Q3/sales.yaml", "plans/sales-2026-Q3.yaml")
	g.Write("plans/sales-2026-Q3.yaml", salesPlan("2026-Q3", 78, 72))

	code, stdout, _ := runIn(t, g.Dir, "lint", "--new-from-rev", "main", "--as-of", "2026-07-10")
	if code != 0 {
		t.Errorf("exit %d:\n%s", code, stdout)
	}
	match(t, "okr lint --new-from-rev main", `(?m)^plans/sales-2026-Q3.yaml:9:63: warning: target of key result "keep" eased from 80 to 78 in uncommitted changes on 2026-07-10, after 2026-Q3 started on 2026-07-01 \(80 was set in commit [0-9a-f]{7} on 2026-06-20\)`, stdout)

	code, stdout, _ = runIn(t, g.Dir, "diff", "--as-of", "2026-07-10")
	if code != 0 {
		t.Errorf("okr diff exited %d", code)
	}
	match(t, "okr diff", `(?m)^~ plan sales 2026-Q3  plans/2026-Q3/sales.yaml → plans/sales-2026-Q3.yaml  score 0\.37 → 0\.38 \(\+0\.01\)$`, stdout)
}
