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
