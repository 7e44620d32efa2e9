package gitplan_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/okr-tool/okr/gitplan"
	"github.com/okr-tool/okr/plan"
	"github.com/okr-tool/okr/vcs/vcstest"
)

// TestHistorySinceGoalposts: with Since, a file's history starts with the commit before the
// period (named by that commit, though it did not change the file), after a rename too; with
// GoalpostsOnly, the check-ins that move no start or target are left out, and the easing is
// still found.
func TestHistorySinceGoalposts(t *testing.T) {
	ctx := context.Background()
	target := func(text, v string) string { return strings.Replace(text, "target: 80", "target: "+v, 1) }
	g := vcstest.New(t)
	other := func(current string) string {
		return strings.ReplaceAll(sales("2026-Q3", current), "scope: sales", "scope: other")
	}
	g.Write("plans/sales.yaml", sales("2026-Q3", ""))
	g.Write("plans/other.yaml", other("1"))
	g.Commit("2026-06-20T10:00:00Z", "Q3 plan")
	g.Write("plans/sales.yaml", target(sales("2026-Q3", ""), "78"))
	g.Commit("2026-06-25T10:00:00Z", "planned lower before the quarter")
	g.Write("README.md", "plans\n")
	eve := g.Commit("2026-06-28T10:00:00Z", "not a plan")
	g.Move("plans/sales.yaml", "plans/2026-Q3/sales.yaml")
	g.Write("plans/2026-Q3/sales.yaml", target(sales("2026-Q3", "71"), "78"))
	g.Commit("2026-07-05T10:00:00Z", "move and check in")
	g.Write("plans/2026-Q3/sales.yaml", target(sales("2026-Q3", "71"), "76"))
	cut := g.Commit("2026-07-10T10:00:00Z", "ease")
	g.Write("plans/2026-Q3/sales.yaml", target(sales("2026-Q3", "72"), "76"))
	g.Write("plans/other.yaml", other("2"))
	otherCheckIn := g.Commit("2026-07-15T10:00:00Z", "check-in")
	g.Write("plans/2026-Q3/sales.yaml", target(sales("2026-Q3", "73"), "76"))
	last := g.Commit("2026-07-20T10:00:00Z", "check-in")

	r := open(t, g.Dir)
	repo, _, err := plan.Load(plan.LoadOptions{Root: g.Dir})
	if err != nil {
		t.Fatal(err)
	}
	h, err := r.History(ctx, gitplan.HistoryOptions{
		Plans: repo, Since: time.Date(2026, 7, 1, 0, 0, 0, 0, time.UTC), GoalpostsOnly: true,
	})
	if err != nil {
		t.Fatal(err)
	}
	ph := h.Plan("plans/2026-Q3/sales.yaml")
	var revs []string
	for _, rev := range ph.Revisions {
		revs = append(revs, rev.Commit[:7])
	}
	// The eve of the quarter, the easing, and the newest version (the loaded plan).
	if want := eve[:7] + " " + cut[:7] + " " + last[:7]; strings.Join(revs, " ") != want {
		t.Errorf("revisions %s, want %s", strings.Join(revs, " "), want)
	}
	// The other plan's goalposts never moved: nothing of its past is parsed.
	if ph := h.Plan("plans/other.yaml"); len(ph.Revisions) != 1 || ph.Revisions[0].Commit != otherCheckIn {
		t.Errorf("the other plan's history: %+v, want only its newest version", ph.Revisions)
	}
	kr := repo.PlanOf("plans/2026-Q3/sales.yaml").Objectives[0].KeyResults[0]
	es := h.KeyResultEasings(repo, kr)
	if len(es) != 1 || es[0].Old != 78 || es[0].New != 76 || es[0].By.Commit != cut {
		t.Errorf("easings %+v, want 78 → 76 in %s", es, cut[:7])
	}
}

// TestHistoryNamesTheAuthoringCommit: a merge on the first-parent line that brings a file's
// content unchanged from the merged branch is named by the commit on that branch that wrote it,
// with that commit's date, so a pull request and its merge name the same commit; a merge that
// made the content itself (both sides changed the file) stands for the change. A change of a
// maintain key result's threshold alone is a goalpost that moved (GoalpostsOnly).
func TestHistoryNamesTheAuthoringCommit(t *testing.T) {
	ctx := context.Background()
	target := func(text, v string) string { return strings.Replace(text, "target: 80", "target: "+v, 1) }
	g := vcstest.New(t)
	g.Write("plans/sales.yaml", sales("2026-Q3", ""))
	g.Commit("2026-06-20T10:00:00Z", "Q3 plan")
	g.Git("checkout", "-q", "-b", "topic")
	g.Write("plans/sales.yaml", target(sales("2026-Q3", ""), "76"))
	pr := g.Commit("2026-07-10T10:00:00Z", "ease")
	g.Git("checkout", "-q", "main")
	g.Write("README.md", "plans\n")
	g.Commit("2026-07-11T10:00:00Z", "not a plan")
	merge := func(date, branch string) string {
		g.GitEnv([]string{"GIT_AUTHOR_DATE=" + date, "GIT_COMMITTER_DATE=" + date},
			"merge", "-q", "--no-ff", "--no-edit", branch)
		return strings.TrimSpace(g.Git("rev-parse", "HEAD"))
	}
	merge("2026-07-12T10:00:00Z", "topic")

	// Both sides change the file: the merge resolves it.
	g.Git("checkout", "-q", "topic")
	g.Write("plans/sales.yaml", target(sales("2026-Q3", "71"), "74"))
	g.Commit("2026-07-20T10:00:00Z", "ease again, with a check-in")
	g.Git("checkout", "-q", "main")
	g.Write("plans/sales.yaml", target(sales("2026-Q3", "72"), "76"))
	g.Commit("2026-07-21T10:00:00Z", "check-in on main")
	g.GitEnv([]string{"GIT_AUTHOR_DATE=2026-07-22T10:00:00Z", "GIT_COMMITTER_DATE=2026-07-22T10:00:00Z"},
		"merge", "-q", "--no-ff", "--no-commit", "-s", "ours", "topic")
	g.Write("plans/sales.yaml", target(sales("2026-Q3", "72"), "74"))
	resolved := g.Commit("2026-07-22T10:00:00Z", "merge topic, resolved")

	r := open(t, g.Dir)
	repo, _, err := plan.Load(plan.LoadOptions{Root: g.Dir})
	if err != nil {
		t.Fatal(err)
	}
	for _, opts := range []gitplan.HistoryOptions{
		{Plans: repo},
		{Plans: repo, Since: time.Date(2026, 7, 1, 0, 0, 0, 0, time.UTC), GoalpostsOnly: true},
	} {
		h, err := r.History(ctx, opts)
		if err != nil {
			t.Fatal(err)
		}
		var revs []string
		for _, rev := range h.Plan("plans/sales.yaml").Revisions {
			revs = append(revs, rev.Commit[:7]+" "+rev.Date.Format(time.DateOnly))
		}
		if got := strings.Join(revs, ", "); !strings.Contains(got, pr[:7]+" 2026-07-10, ") || !strings.HasSuffix(got, resolved[:7]+" 2026-07-22") {
			t.Errorf("GoalpostsOnly %v: revisions %s, want the pull request's commit %s for the first merge and the resolving merge %s last",
				opts.GoalpostsOnly, got, pr[:7], resolved[:7])
		}
	}

	// A threshold alone moved, then a check-in: GoalpostsOnly keeps the version that moved it.
	maintain := func(threshold string) string {
		return `period: 2026-Q3
scope: ops
objectives:
  - id: keep
    title: Keep clients healthy
    key_results:
      - {id: healthy, title: Keep clients healthy, type: maintain, threshold: ` + threshold + `, direction: up, current: 35}
`
	}
	m := vcstest.New(t)
	m.Write("plans/ops.yaml", maintain("40"))
	m.Commit("2026-06-20T10:00:00Z", "Q3 plan")
	m.Write("plans/ops.yaml", strings.Replace(maintain("40"), "current: 35", "current: 36", 1))
	m.Commit("2026-07-20T10:00:00Z", "check-in")
	m.Write("plans/ops.yaml", maintain("30"))
	lowered := m.Commit("2026-07-21T10:00:00Z", "lower the threshold")
	m.Write("plans/ops.yaml", strings.Replace(maintain("30"), "current: 35", "current: 37", 1))
	m.Commit("2026-07-25T10:00:00Z", "check-in")
	repo, _, err = plan.Load(plan.LoadOptions{Root: m.Dir})
	if err != nil {
		t.Fatal(err)
	}
	h, err := open(t, m.Dir).History(ctx, gitplan.HistoryOptions{Plans: repo, Since: time.Date(2026, 7, 1, 0, 0, 0, 0, time.UTC), GoalpostsOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	kr := repo.PlanOf("plans/ops.yaml").Objectives[0].KeyResults[0]
	if es := h.KeyResultEasings(repo, kr); len(es) != 1 || es[0].Field != "threshold" || es[0].By.Commit != lowered {
		t.Errorf("easings %+v, want the threshold lowered in %s", es, lowered[:7])
	}
}
