package cmd

import (
	"strings"
	"testing"

	"github.com/okr-tool/okr/vcs/vcstest"
)

// q4Plan is the 2026-Q4 sales plan: a key result that measures the KPI retention from start to
// target.
func q4Plan(start, target string) string {
	return `period: 2026-Q4
scope: sales
kpis:
  - {id: retention, name: Client retention, source: CRM report, frequency: monthly}
objectives:
  - id: loyal
    title: Create loyal customers
    key_results:
      - {id: keep, title: Raise retention, start: ` + start + `, target: ` + target + `, kpi: retention}
      - {id: nps, title: Raise NPS from 20 to 30, start: 20, target: 30}
      - {id: plans, title: Success plans for every client, type: effort, due: 2026-12-15}
`
}

// TestLintNewFromRevRefreshedBaseline: Q4 is drafted in September from Q3's numbers so far
// (start 76); Q3 closes lower, at 75, and a pull request in October lowers Q4's start to 75, as
// kpi-baseline asks. A lower start would ease the grade, but a refreshed baseline is not a
// moved goalpost. Easing the target in the same change is.
func TestLintNewFromRevRefreshedBaseline(t *testing.T) {
	g := vcstest.New(t)
	g.Write(".okr.yaml", "# plans\n")
	g.Write("plans/2026-Q3/sales.yaml", salesPlan("2026-Q3", 80, 76))
	g.Commit("2026-06-20T10:00:00Z", "Q3 plan")
	g.Write("plans/2026-Q4/sales.yaml", q4Plan("76", "80"))
	g.Commit("2026-09-15T10:00:00Z", "draft Q4 from Q3 so far")
	g.Write("plans/2026-Q3/sales.yaml", salesPlan("2026-Q3", 80, 75))
	g.Commit("2026-10-02T10:00:00Z", "Q3 final check-in")
	g.Git("checkout", "-q", "-b", "topic")
	g.Write("plans/2026-Q4/sales.yaml", q4Plan("75", "80"))
	g.Commit("2026-10-05T10:00:00Z", "Q4 starts from Q3's final reading")

	code, stdout, stderr := runIn(t, g.Dir, "lint", "--new-from-rev", "main", "--as-of", "2026-10-06", "--max-warnings", "0")
	if code != 0 || strings.Contains(stdout, "moved-goalposts") || strings.Contains(stdout, "kpi-baseline") {
		t.Errorf("a start refreshed to the previous quarter's final reading was reported (exit %d):\n%s%s", code, stdout, stderr)
	}

	g.Write("plans/2026-Q4/sales.yaml", q4Plan("75", "78"))
	code, stdout, _ = runIn(t, g.Dir, "lint", "--new-from-rev", "main", "--as-of", "2026-10-06")
	match(t, "okr lint with the target eased", `(?m)^plans/2026-Q4/sales.yaml:9:63: warning: target of key result "keep" eased from 80 to 78 in uncommitted changes on 2026-10-06, after 2026-Q4 started on 2026-10-01 \(80 was set in commit [0-9a-f]{7} on 2026-09-15\); `, stdout)
	if code != 0 || strings.Count(stdout, "[moved-goalposts]") != 1 {
		t.Errorf("exit %d, want one finding, of the target:\n%s", code, stdout)
	}
}

// withReason records why the key result keep of salesPlan moved.
func withReason(text string) string {
	return strings.Replace(text, "kpi: retention}", "kpi: retention}  # okr:ignore moved-goalposts two reps left in July", 1)
}

// TestLintNewFromRevSuppressedEasingStaysQuiet: a pull request eases a target after the quarter
// started and records why; it merges. A later check-in pull request that only changes the
// current value compares with the plan as the quarter started too: the easing is found again and
// the same comment answers it, so the comment is not "unused" and --max-warnings 0 passes.
func TestLintNewFromRevSuppressedEasingStaysQuiet(t *testing.T) {
	g := planRepo(t)
	g.Write("plans/2026-Q3/sales.yaml", withReason(salesPlan("2026-Q3", 76, 72)))
	eased := g.Commit("2026-07-20T10:00:00Z", "ease the target: two reps left")
	lint := func(what string) {
		t.Helper()
		code, stdout, stderr := runIn(t, g.Dir, "lint", "--new-from-rev", "main", "--as-of", "2026-08-05", "--max-warnings", "0")
		if code != 0 || strings.Contains(stdout, "warning:") {
			t.Errorf("%s: exit %d:\n%s%s", what, code, stdout, stderr)
		}
	}
	lint("the pull request that eases the target")

	// Merged; the next pull request is a check-in.
	g.Git("checkout", "-q", "main")
	g.GitEnv([]string{"GIT_AUTHOR_DATE=2026-07-21T10:00:00Z", "GIT_COMMITTER_DATE=2026-07-21T10:00:00Z"},
		"merge", "-q", "--no-ff", "--no-edit", "topic")
	g.Git("checkout", "-q", "-b", "check-in")
	g.Write("plans/2026-Q3/sales.yaml", withReason(salesPlan("2026-Q3", 76, 75)))
	g.Commit("2026-08-01T10:00:00Z", "check-in")
	lint("a later check-in")
	g.Write("plans/2026-Q3/sales.yaml", withReason(salesPlan("2026-Q3", 76, 76)))
	lint("a later check-in, uncommitted")

	// Without the comment the easing is reported on the check-in too, naming the commit of the
	// pull request that wrote the value, as on the pull request itself (not the merge).
	g.Write("plans/2026-Q3/sales.yaml", salesPlan("2026-Q3", 76, 76))
	code, stdout, _ := runIn(t, g.Dir, "lint", "--new-from-rev", "main", "--as-of", "2026-08-05")
	match(t, "okr lint without the comment", `(?m)^plans/2026-Q3/sales.yaml:9:63: warning: target of key result "keep" eased from 80 to 76 in commit `+eased[:7]+` on 2026-07-20, after 2026-Q3 started on 2026-07-01`, stdout)
	if code != 0 {
		t.Errorf("exit %d", code)
	}
}
