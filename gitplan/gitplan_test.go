package gitplan_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/okr-tool/okr/gitplan"
	"github.com/okr-tool/okr/plan"
	"github.com/okr-tool/okr/vcs"
	"github.com/okr-tool/okr/vcs/vcstest"
)

// sales is a small plan whose key result "keep" has the given current value ("" for none).
func sales(period, current string) string {
	s := fmt.Sprintf(`period: %s
scope: sales
kpis:
  - {id: retention, name: Retention, source: CRM, frequency: monthly}
objectives:
  - id: loyal
    title: Loyal customers
    key_results:
      - id: keep
        title: Keep them
        start: 70
        target: 80
`, period)
	if current != "" {
		s += "        current: " + current + "\n"
	}
	return s + "        kpi: retention\n"
}

func open(t *testing.T, dir string) *gitplan.Repo {
	t.Helper()
	r, err := gitplan.Open(context.Background(), dir)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func files(repo *plan.Repository) []string {
	var fs []string
	for _, p := range repo.Plans {
		fs = append(fs, p.File)
	}
	slices.Sort(fs)
	return fs
}

func TestLoadAtRevision(t *testing.T) {
	ctx := context.Background()
	g := vcstest.New(t)
	g.Write("README.md", "# plans\n")
	g.Write("okr/.okr.yaml", "# root\n")
	g.Write("okr/plans/2026-Q3/sales.yaml", sales("2026-Q3", "72"))
	g.Write("okr/plans/2026-Q3/notes.yaml", "title: not a plan\n")
	g.Write("okr/.github/workflows/ci.yaml", "period: not read, hidden\n")
	g.Write("okr/vendor/x.yaml", "period: 2026-Q3\n")
	g.Write("okr/nested/.okr.yaml", "# a plan repository of its own\n")
	g.Write("okr/nested/plan.yaml", sales("2026-Q3", ""))
	if err := os.Symlink("2026-Q3/sales.yaml", g.Path("okr/plans/link.yaml")); err != nil {
		t.Fatal(err)
	}
	tag := g.Commit("2026-07-01T10:00:00Z", "Q3 plans")
	g.Git("tag", "q3")
	g.Write("okr/plans/2026-Q3/sales.yaml", sales("2026-Q3", "75"))
	g.Write("okr/plans/2026-Q4/sales.yaml", sales("2026-Q4", ""))
	g.Commit("2026-10-01T10:00:00Z", "Q4 plans")
	g.Write("okr/plans/2026-Q3/sales.yaml", "period: [broken in the work tree\n")

	r := open(t, g.Path("okr"))
	if r.Prefix != "okr/" {
		t.Fatalf("Prefix = %q", r.Prefix)
	}
	repo, selected, err := r.Load(ctx, "q3", gitplan.LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if selected != nil {
		t.Errorf("selected = %v without arguments", selected)
	}
	if got := files(repo); fmt.Sprint(got) != "[plans/2026-Q3/sales.yaml plans/link.yaml]" {
		t.Errorf("plans at q3: %v", got)
	}
	if len(repo.Diagnostics) != 1 || repo.Diagnostics[0].Rule != plan.RuleDuplicateID {
		t.Errorf("diagnostics at q3: %v (want the link's duplicate of sales 2026-Q3)", repo.Diagnostics)
	}
	if kr := repo.PlanOf("plans/2026-Q3/sales.yaml").KeyResults()[0]; kr.Current.Value != 72 || kr.Current.Pos.Line != 13 {
		t.Errorf("current at q3 = %v at %v", kr.Current.Value, kr.Current.Pos)
	}
	if repo.Root != g.Path("okr") {
		t.Errorf("Root = %s", repo.Root)
	}

	// Named paths select plans, and may name files the work tree no longer has.
	g.Remove("okr/plans/2026-Q3/notes.yaml")
	repo, selected, err = r.Load(ctx, tag, gitplan.LoadOptions{Args: []string{g.Path("okr/plans/2026-Q3/notes.yaml")}})
	if err != nil {
		t.Fatal(err)
	}
	if !selected["plans/2026-Q3/notes.yaml"] || len(selected) != 1 {
		t.Errorf("selected = %v", selected)
	}
	found := false
	for _, d := range repo.Diagnostics {
		found = found || (d.File == "plans/2026-Q3/notes.yaml" && strings.Contains(d.Message, "not a plan"))
	}
	if !found {
		t.Errorf("a named file that is not a plan is not reported: %v", repo.Diagnostics)
	}
	_, selected, err = r.Load(ctx, "HEAD", gitplan.LoadOptions{Args: []string{g.Path("okr/plans/2026-Q4")}})
	if err != nil || fmt.Sprint(selected) != "map[plans/2026-Q4/sales.yaml:true]" {
		t.Errorf("selected by directory = %v, %v", selected, err)
	}
	_, _, err = r.Load(ctx, tag, gitplan.LoadOptions{Args: []string{g.Path("okr/plans/2026-Q4")}})
	if err == nil || !strings.Contains(err.Error(), "plans/2026-Q4 does not exist at "+tag) {
		t.Errorf("a path missing at the revision: %v", err)
	}

	// Globs narrow discovery as .okr.yaml's paths: does.
	repo, _, err = r.Load(ctx, "HEAD", gitplan.LoadOptions{Globs: []string{"plans/2026-Q4"}})
	if err != nil || fmt.Sprint(files(repo)) != "[plans/2026-Q4/sales.yaml]" {
		t.Errorf("plans with globs: %v, %v", files(repo), err)
	}

	data, ok, err := r.ReadFile(ctx, "q3", ".okr.yaml")
	if err != nil || !ok || string(data) != "# root\n" {
		t.Errorf("ReadFile(.okr.yaml) = %q, %v, %v", data, ok, err)
	}
	if _, ok, err := r.ReadFile(ctx, "q3", "nope.yaml"); ok || err != nil {
		t.Errorf("ReadFile of a missing file = %v, %v", ok, err)
	}
	_, _, err = r.Load(ctx, "v9", gitplan.LoadOptions{})
	var re *vcs.RevisionError
	if !errors.As(err, &re) {
		t.Errorf("Load at a missing revision = %v", err)
	}
}

func TestOpenOutsideGit(t *testing.T) {
	vcstest.New(t) // skips without git
	_, err := gitplan.Open(context.Background(), t.TempDir())
	if !errors.Is(err, vcs.ErrNotRepository) || !strings.Contains(err.Error(), "needs the plans in a git repository") {
		t.Errorf("Open outside git = %v", err)
	}
}

func TestChangedFiles(t *testing.T) {
	ctx := context.Background()
	g := vcstest.New(t)
	g.Write("plans/a.yaml", sales("2026-Q1", ""))
	g.Write("plans/b.yaml", sales("2026-Q2", ""))
	g.Write("plans/c.yaml", sales("2026-Q3", ""))
	g.Write("plans/d.yaml", sales("2026-Q4", ""))
	g.Commit("2026-07-01T10:00:00Z", "plans")
	g.Git("checkout", "-q", "-b", "topic")
	g.Write("plans/a.yaml", sales("2026-Q1", "71"))
	g.Move("plans/b.yaml", "plans/b2.yaml")
	g.Commit("2026-07-02T10:00:00Z", "committed change")
	g.Write("plans/c.yaml", sales("2026-Q3", "73"))
	g.Remove("plans/d.yaml")
	g.Write("plans/e.yaml", sales("2027-Q1", ""))

	r := open(t, g.Dir)
	base, err := r.MergeBase(ctx, "main", "")
	if err != nil {
		t.Fatal(err)
	}
	changed, err := r.ChangedFiles(ctx, base, "")
	if err != nil {
		t.Fatal(err)
	}
	want := "map[plans/a.yaml:true plans/b2.yaml:true plans/c.yaml:true plans/e.yaml:true]"
	if fmt.Sprint(changed) != want {
		t.Errorf("ChangedFiles = %v, want %s", changed, want)
	}
	changed, err = r.ChangedFiles(ctx, base, "HEAD")
	if err != nil || fmt.Sprint(changed) != "map[plans/a.yaml:true plans/b2.yaml:true]" {
		t.Errorf("ChangedFiles(base, HEAD) = %v, %v", changed, err)
	}
}

func TestHistoryFollowsRenamesAndWorkTree(t *testing.T) {
	ctx := context.Background()
	g := vcstest.New(t)
	g.Write("plans/sales.yaml", sales("2026-Q3", ""))
	g.Write("plans/other.yaml", strings.ReplaceAll(sales("2026-Q3", "1"), "scope: sales", "scope: other"))
	c1 := g.Commit("2026-06-25T10:00:00Z", "Q3 plan")
	g.Write("plans/sales.yaml", sales("2026-Q3", "72"))
	c2 := g.Commit("2026-07-10T10:00:00Z", "check-in")
	g.Move("plans/sales.yaml", "plans/2026-Q3/sales.yaml")
	g.Commit("2026-07-15T10:00:00Z", "move into a directory")
	g.Write("plans/2026-Q3/sales.yaml", "# moved\n"+sales("2026-Q3", "72"))
	c4 := g.Commit("2026-07-20T10:00:00Z", "comment only")
	g.Git("checkout", "-q", "-b", "topic")
	g.Write("plans/2026-Q3/sales.yaml", "# moved\n"+sales("2026-Q3", "74"))
	c5 := g.Commit("2026-08-01T10:00:00Z", "check-in on a branch")
	g.Write("plans/2026-Q3/sales.yaml", "# moved\n"+sales("2026-Q3", "76"))

	r := open(t, g.Dir)
	repo, _, err := plan.Load(plan.LoadOptions{Root: g.Dir})
	if err != nil {
		t.Fatal(err)
	}
	today := time.Date(2026, 8, 5, 0, 0, 0, 0, time.UTC)
	h, err := r.History(ctx, gitplan.HistoryOptions{
		Plans: repo, Files: map[string]bool{"plans/2026-Q3/sales.yaml": true}, Base: c4, Today: today,
	})
	if err != nil {
		t.Fatal(err)
	}
	if h.Shallow || len(h.Plans) != 1 {
		t.Fatalf("history: shallow %v, %d plans", h.Shallow, len(h.Plans))
	}
	ph := h.Plan("plans/2026-Q3/sales.yaml")
	var revs []string
	for _, rv := range ph.Revisions {
		revs = append(revs, fmt.Sprintf("%s@%s pending=%v", rv.Short(), rv.Date.Format(time.DateOnly), rv.Pending))
	}
	want := []string{
		c1[:7] + "@2026-06-25 pending=false",
		c2[:7] + "@2026-07-10 pending=false",
		c4[:7] + "@2026-07-20 pending=false",
		c5[:7] + "@2026-08-01 pending=true",
		"uncommitted@2026-08-05 pending=true",
	}
	if strings.Join(revs, "\n") != strings.Join(want, "\n") {
		t.Errorf("revisions:\n%s\nwant:\n%s", strings.Join(revs, "\n"), strings.Join(want, "\n"))
	}
	var values []string
	for _, v := range h.KeyResult(repo.PlanOf("plans/2026-Q3/sales.yaml").KeyResults()[0]) {
		values = append(values, fmt.Sprintf("%s:%v", v.Short(), v.KeyResult.Current.Value))
	}
	if want := fmt.Sprint([]string{c1[:7] + ":0", c2[:7] + ":72", c5[:7] + ":74", "uncommitted:76"}); fmt.Sprint(values) != want {
		t.Errorf("current over time %v, want %s", values, want)
	}

	// At a revision the history ends there, without the work tree.
	repo, _, err = r.Load(ctx, c2, gitplan.LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	h, err = r.History(ctx, gitplan.HistoryOptions{Rev: c2, Plans: repo, Today: today})
	if err != nil {
		t.Fatal(err)
	}
	if ph := h.Plan("plans/sales.yaml"); ph == nil || len(ph.Revisions) != 2 || ph.Revisions[1].Commit != c2 {
		t.Errorf("history at %s: %+v", c2[:7], ph)
	}
	if ph := h.Plan("plans/other.yaml"); ph == nil || len(ph.Revisions) != 1 {
		t.Errorf("history of the other plan: %+v", ph)
	}
}

func TestHistoryDeletedAndRecreated(t *testing.T) {
	ctx := context.Background()
	g := vcstest.New(t)
	g.Write("sales.yaml", sales("2026-Q3", "70"))
	g.Commit("2026-07-01T10:00:00Z", "plan")
	g.Remove("sales.yaml")
	g.Commit("2026-07-02T10:00:00Z", "delete")
	g.Write("sales.yaml", sales("2026-Q3", "71"))
	c3 := g.Commit("2026-07-03T10:00:00Z", "again")
	g.Write("new.yaml", strings.ReplaceAll(sales("2026-Q3", "1"), "scope: sales", "scope: other"))

	r := open(t, g.Dir)
	repo, _, err := plan.Load(plan.LoadOptions{Root: g.Dir})
	if err != nil {
		t.Fatal(err)
	}
	h, err := r.History(ctx, gitplan.HistoryOptions{Plans: repo, Today: time.Date(2026, 7, 4, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		t.Fatal(err)
	}
	if ph := h.Plan("sales.yaml"); len(ph.Revisions) != 1 || ph.Revisions[0].Commit != c3 {
		t.Errorf("a recreated file's history starts at its recreation: %+v", ph.Revisions)
	}
	if ph := h.Plan("new.yaml"); len(ph.Revisions) != 1 || !ph.Revisions[0].Uncommitted() || ph.Revisions[0].Pending {
		t.Errorf("an untracked plan is one uncommitted revision: %+v", ph.Revisions)
	}
}

func TestHistoryBeforeFirstCommit(t *testing.T) {
	g := vcstest.New(t)
	g.Write("sales.yaml", sales("2026-Q3", "70"))
	r := open(t, g.Dir)
	repo, _, err := plan.Load(plan.LoadOptions{Root: g.Dir})
	if err != nil {
		t.Fatal(err)
	}
	h, err := r.History(context.Background(), gitplan.HistoryOptions{Plans: repo})
	if err != nil {
		t.Fatal(err)
	}
	if ph := h.Plan("sales.yaml"); len(ph.Revisions) != 1 || !ph.Revisions[0].Uncommitted() {
		t.Errorf("history before the first commit: %+v", ph)
	}
}

func TestHistoryInShallowClone(t *testing.T) {
	g := vcstest.New(t)
	g.Write("sales.yaml", sales("2026-Q3", "70"))
	g.Commit("2026-07-01T10:00:00Z", "one")
	g.Write("sales.yaml", sales("2026-Q3", "71"))
	g.Commit("2026-07-10T10:00:00Z", "two")
	g.Write("sales.yaml", sales("2026-Q3", "72"))
	c3 := g.Commit("2026-07-20T10:00:00Z", "three")
	dir := filepath.Join(t.TempDir(), "clone")
	g.Git("clone", "-q", "--depth", "2", "file://"+g.Dir, dir)

	r := open(t, dir)
	repo, _, err := plan.Load(plan.LoadOptions{Root: dir})
	if err != nil {
		t.Fatal(err)
	}
	h, err := r.History(context.Background(), gitplan.HistoryOptions{Plans: repo})
	if err != nil {
		t.Fatal(err)
	}
	if !h.Shallow || h.Since.Format(time.DateOnly) != "2026-07-10" {
		t.Errorf("Shallow %v since %v; want true since 2026-07-10", h.Shallow, h.Since)
	}
	if ph := h.Plan("sales.yaml"); len(ph.Revisions) != 2 || ph.Revisions[1].Commit != c3 {
		t.Errorf("revisions in the clone: %+v", ph.Revisions)
	}
}

func TestUnchangedFiles(t *testing.T) {
	ctx := context.Background()
	g := vcstest.New(t)
	g.Write("okr/a.yaml", sales("2026-Q1", ""))
	g.Write("okr/b.yaml", sales("2026-Q2", ""))
	g.Write("okr/c.yaml", sales("2026-Q3", ""))
	g.Write("outside.yaml", sales("2026-Q4", ""))
	if err := os.Symlink("b.yaml", g.Path("okr/link.yaml")); err != nil {
		t.Fatal(err)
	}
	base := g.Commit("2026-07-01T10:00:00Z", "plans")
	g.Move("okr/c.yaml", "okr/d.yaml")
	head := g.Commit("2026-07-02T10:00:00Z", "move")
	g.Write("okr/a.yaml", sales("2026-Q1", "71"))

	r := open(t, g.Path("okr"))
	got, err := r.UnchangedFiles(ctx, base, head)
	if want := "map[a.yaml:true b.yaml:true]"; err != nil || fmt.Sprint(got) != want {
		t.Errorf("UnchangedFiles(base, head) = %v, %v; want %s", got, err, want)
	}
	got, err = r.UnchangedFiles(ctx, base, "")
	if want := "map[b.yaml:true]"; err != nil || fmt.Sprint(got) != want {
		t.Errorf("UnchangedFiles(base, work tree) = %v, %v; want %s", got, err, want)
	}
}
