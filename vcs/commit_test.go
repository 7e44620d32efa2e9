package vcs_test

import (
	"context"
	"strings"
	"testing"

	"github.com/okr-tool/okr/vcs/vcstest"
)

func TestCommitOnlyTheGivenFiles(t *testing.T) {
	g := vcstest.New(t)
	g.Write("a.yaml", "a: 1\n")
	g.Write("b.yaml", "b: 1\n")
	g.Commit("2026-07-01T10:00:00Z", "first")
	g.Write("a.yaml", "a: 2\n")
	g.Write("b.yaml", "b: 2\n")
	g.Git("add", "b.yaml") // staged by the user, not part of the check-in
	hash, err := open(t, g.Dir).Commit(context.Background(), "check-in: a\n\na: 1 → 2\n", []string{g.Path("a.yaml")})
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.TrimSpace(g.Git("rev-parse", "HEAD")); got != hash {
		t.Errorf("Commit returned %s, HEAD is %s", hash, got)
	}
	if files := g.Git("show", "--name-only", "--format=%s", "HEAD"); files != "check-in: a\n\na.yaml\n" {
		t.Errorf("the commit holds:\n%s", files)
	}
	if staged := g.Git("diff", "--cached", "--name-only"); staged != "b.yaml\n" {
		t.Errorf("staged after the commit: %q", staged)
	}
}
