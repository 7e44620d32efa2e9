package gitplan_test

import (
	"context"
	"strings"
	"testing"

	"github.com/okr-tool/okr/gitplan"
	"github.com/okr-tool/okr/vcs/vcstest"
)

func TestResolveSides(t *testing.T) {
	ctx := context.Background()
	g := vcstest.New(t)
	g.Write("plans/sales.yaml", sales("2026-Q3", "70"))
	base := g.Commit("2026-07-01T10:00:00Z", "plans")
	g.Git("checkout", "-q", "-b", "topic")
	g.Write("plans/sales.yaml", sales("2026-Q3", "72"))
	head := g.Commit("2026-07-02T10:00:00Z", "reading")
	r := open(t, g.Dir)

	s, err := r.ResolveSides(ctx, "", "")
	if err != nil {
		t.Fatal(err)
	}
	want := gitplan.Sides{Base: base, BaseCommit: base, BaseLabel: base[:7] + " (merge base with main)", HeadLabel: "work tree"}
	if s != want {
		t.Errorf("no revisions: %+v, want %+v", s, want)
	}
	if s, err = r.ResolveSides(ctx, "main", "topic"); err != nil || s.BaseCommit != base || s.HeadCommit != head || s.BaseLabel != "main" || s.HeadLabel != "topic" {
		t.Errorf("main topic: %+v, %v", s, err)
	}
	if _, err := r.ResolveSides(ctx, "nope", ""); err == nil || !strings.Contains(err.Error(), `unknown revision "nope"`) {
		t.Errorf("an unknown base: %v", err)
	}
}
