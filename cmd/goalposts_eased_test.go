package cmd

import (
	"strings"
	"testing"

	"github.com/okr-tool/okr/vcs/vcstest"
)

// arrPlan is the plan of the review of issue 8: an ARR key result from start to 25 that stands
// at 23, and a maintain key result that holds 35 against a threshold.
func arrPlan(start, threshold string) string {
	return `period: 2026-Q3
scope: sales
kpis:
  - {id: arr, name: ARR, source: Billing, frequency: monthly, direction: up}
objectives:
  - id: grow
    title: Grow revenue
    key_results:
      - {id: arr-kr, title: Grow ARR from 21.9 to 25, start: ` + start + `, target: 25, current: 23, kpi: arr}
      - {id: healthy, title: Keep clients rated healthy at or above 40%, type: maintain, threshold: ` + threshold + `, direction: up, current: 35}
`
}

// movedLines returns the moved-goalposts findings of okr lint's output.
func movedLines(stdout string) []string {
	var out []string
	for _, l := range strings.Split(stdout, "\n") {
		if strings.HasSuffix(l, "[moved-goalposts]") {
			out = append(out, l)
		}
	}
	return out
}

// TestMovedGoalpostsLowerStartAndThreshold is the reviewer's case: on 2026-06-20 main plans the
// ARR key result from 21.9 and holds a threshold of 40; a pull request dated 2026-08-20 lowers
// the start to 15 and the threshold to 30, which lifts ARR from 0.35 to 0.80 and the maintain
// key result from 0.00 to 1.00. Lint flags both, and the report shows both, naming the same
// commit — also once the pull request is merged, where the first-parent line holds the merge.
// Raising the start to 23 lowers the grade and is not flagged.
func TestMovedGoalpostsLowerStartAndThreshold(t *testing.T) {
	g := vcstest.New(t)
	g.Write(".okr.yaml", "# plans\n")
	g.Write("plans/2026-Q3/sales.yaml", arrPlan("21.9", "40"))
	g.Commit("2026-06-20T10:00:00Z", "Q3 plan")
	g.Git("checkout", "-q", "-b", "topic")
	g.Write("plans/2026-Q3/sales.yaml", arrPlan("15", "30"))
	pr := g.Commit("2026-08-20T10:00:00Z", "new baseline")

	const advice = "; keep the goalpost where it was, or record why with # okr:ignore moved-goalposts <reason> [moved-goalposts]"
	when := " in commit " + pr[:7] + " on 2026-08-20, after 2026-Q3 started on 2026-07-01"
	lintWant := func(set string) []string {
		return []string{
			`plans/2026-Q3/sales.yaml:9:62: warning: start of key result "arr-kr" eased from 21.9 to 15` + when + ` (21.9 was set in commit ` + set + ` on 2026-06-20)` + advice,
			`plans/2026-Q3/sales.yaml:10:101: warning: threshold of key result "healthy" eased from 40 to 30` + when + ` (40 was set in commit ` + set + ` on 2026-06-20)` + advice,
		}
	}
	first := strings.TrimSpace(g.Git("rev-parse", "main"))[:7]
	code, stdout, stderr := runIn(t, g.Dir, "lint", "--new-from-rev", "main", "--as-of", "2026-08-20", "--max-warnings", "0")
	if got, want := movedLines(stdout), lintWant(first); strings.Join(got, "\n") != strings.Join(want, "\n") || code == 0 {
		t.Errorf("okr lint --new-from-rev main (exit %d):\n%s\nwant:\n%s\n%s", code, strings.Join(got, "\n"), strings.Join(want, "\n"), stderr)
	}
	reportWant := []string{
		"↘ grow/arr-kr: start eased from 21.9 to 15 on 2026-08-20 in commit " + pr[:7] + ", no reason recorded",
		"↘ grow/healthy: threshold eased from 40 to 30 on 2026-08-20 in commit " + pr[:7] + ", no reason recorded",
	}
	_, stdout, _ = runIn(t, g.Dir, "report", "--as-of", "2026-08-20")
	for _, w := range reportWant {
		if !strings.Contains(stdout, w+"\n") {
			t.Errorf("okr report on the pull request lacks %q:\n%s", w, stdout)
		}
	}

	// Merged a day later: the merge commit lands the change on main's first-parent line, but
	// the commit that wrote the values is still the one named, by lint and report alike.
	g.Git("checkout", "-q", "main")
	g.GitEnv([]string{"GIT_AUTHOR_DATE=2026-08-21T10:00:00Z", "GIT_COMMITTER_DATE=2026-08-21T10:00:00Z"},
		"merge", "-q", "--no-ff", "-m", "Merge topic", "topic")
	merge := strings.TrimSpace(g.Git("rev-parse", "HEAD"))
	_, stdout, _ = runIn(t, g.Dir, "report", "--as-of", "2026-08-21")
	for _, w := range reportWant {
		if !strings.Contains(stdout, w+"\n") {
			t.Errorf("okr report after the merge lacks %q:\n%s", w, stdout)
		}
	}
	if i := strings.Index(stdout, "↘"); i >= 0 && strings.Contains(stdout[i:], merge[:7]) {
		t.Errorf("okr report after the merge names the merge commit %s:\n%s", merge[:7], stdout)
	}
	g.Git("checkout", "-q", "-b", "checkin")
	g.Write("plans/2026-Q3/sales.yaml", strings.Replace(arrPlan("15", "30"), "current: 23", "current: 24", 1))
	g.Commit("2026-08-25T10:00:00Z", "check-in")
	_, stdout, _ = runIn(t, g.Dir, "lint", "--new-from-rev", "main", "--as-of", "2026-08-25")
	if got, want := movedLines(stdout), lintWant(first); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("okr lint on a later change after the merge:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}

	// A higher start lowers the grade of the same current value: not an easing.
	h := vcstest.New(t)
	h.Write(".okr.yaml", "# plans\n")
	h.Write("plans/2026-Q3/sales.yaml", arrPlan("21.9", "40"))
	h.Commit("2026-06-20T10:00:00Z", "Q3 plan")
	h.Git("checkout", "-q", "-b", "topic")
	h.Write("plans/2026-Q3/sales.yaml", arrPlan("23", "45"))
	h.Commit("2026-08-20T10:00:00Z", "harder")
	_, stdout, _ = runIn(t, h.Dir, "lint", "--new-from-rev", "main", "--as-of", "2026-08-20")
	if got := movedLines(stdout); len(got) != 0 {
		t.Errorf("a higher start and threshold were flagged:\n%s", strings.Join(got, "\n"))
	}
	_, stdout, _ = runIn(t, h.Dir, "report", "--as-of", "2026-08-20")
	if strings.Contains(stdout, "eased") {
		t.Errorf("okr report shows a higher start as eased:\n%s", stdout)
	}
}
