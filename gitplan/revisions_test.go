package gitplan_test

import (
	"context"
	"strings"
	"testing"
	"time"

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

// TestCommitAt picks the commit of the end of a day, the work tree once the day reaches the
// newest commit, and says when the history starts after the day.
func TestCommitAt(t *testing.T) {
	ctx := context.Background()
	g := vcstest.New(t)
	g.Write("plans/sales.yaml", sales("2026-Q3", "70"))
	first := g.Commit("2026-07-01T10:00:00Z", "plans")
	g.Write("plans/sales.yaml", sales("2026-Q3", "72"))
	mid := g.Commit("2026-07-15T23:30:00Z", "reading late in the day")
	g.Write("plans/sales.yaml", sales("2026-Q3", "74"))
	last := g.Commit("2026-08-01T10:00:00Z", "reading")
	r := open(t, g.Dir)
	day := func(s string) time.Time { d, _ := time.Parse(time.DateOnly, s); return d }

	tests := []struct {
		day      string
		want     gitplan.Snapshot
		describe string
	}{
		{"2026-06-30", gitplan.Snapshot{Head: last, Before: true, Since: time.Date(2026, 7, 1, 10, 0, 0, 0, time.UTC)}, "before the first commit"},
		{"2026-07-14", gitplan.Snapshot{Commit: first, Date: time.Date(2026, 7, 1, 10, 0, 0, 0, time.UTC), Head: last}, "between commits"},
		{"2026-07-15", gitplan.Snapshot{Commit: mid, Date: time.Date(2026, 7, 15, 23, 30, 0, 0, time.UTC), Head: last}, "a commit at the end of the day"},
		{"2026-08-01", gitplan.Snapshot{Head: last, WorkTree: true}, "the day of the newest commit"},
		{"2026-12-01", gitplan.Snapshot{Head: last, WorkTree: true}, "after the newest commit"},
	}
	for _, tt := range tests {
		got, err := r.CommitAt(ctx, day(tt.day))
		if err != nil {
			t.Fatal(err)
		}
		got.HeadDate = time.Time{}
		if got != tt.want {
			t.Errorf("%s: CommitAt(%s) = %+v, want %+v", tt.describe, tt.day, got, tt.want)
		}
	}
}
