package vcs_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/okr-tool/okr/vcs"
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

func TestUncommitted(t *testing.T) {
	g := vcstest.New(t)
	r := open(t, g.Dir)
	g.Write("new.yaml", "a: 1\n")
	states, err := r.Uncommitted(context.Background(), []string{g.Path("new.yaml")})
	if err != nil || len(states) != 1 || !states[0].Untracked || states[0].Path != g.Path("new.yaml") {
		t.Fatalf("before the first commit: %+v, %v", states, err)
	}
	g.Write("a.yaml", "a: 1\n")
	g.Write("b.yaml", "b: 1\n")
	g.Write("c.yaml", "c: 1\n")
	g.Commit("2026-07-01T10:00:00Z", "first")
	g.Write("b.yaml", "b: 2\n")
	g.Write("c.yaml", "c: 2\n")
	g.Git("add", "c.yaml")
	g.Write("c.yaml", "c: 1\n") // staged differs from HEAD, the work tree does not
	g.Write("d.yaml", "d: 1\n")
	states, err = r.Uncommitted(context.Background(), []string{"a.yaml", "b.yaml", "c.yaml", "d.yaml"})
	if err != nil {
		t.Fatal(err)
	}
	want := []vcs.FileState{{Path: "b.yaml"}, {Path: "c.yaml"}, {Path: "d.yaml", Untracked: true}}
	if fmt.Sprint(states) != fmt.Sprint(want) {
		t.Errorf("got %+v, want %+v", states, want)
	}
}

func TestCheckIdentity(t *testing.T) {
	g := vcstest.New(t)
	if err := open(t, g.Dir).CheckIdentity(context.Background()); err != nil {
		t.Fatalf("with a name and email: %v", err)
	}
	noIdentity(t, g)
	err := open(t, g.Dir).CheckIdentity(context.Background())
	if !errors.Is(err, vcs.ErrNoIdentity) {
		t.Fatalf("got %v, want ErrNoIdentity", err)
	}
	if msg := err.Error(); strings.Contains(msg, "; ;") || strings.Contains(msg, "***") || !strings.Contains(msg, "git config user.email") {
		t.Errorf("message: %s", msg)
	}
}

// noIdentity leaves git without a name or email for the rest of the test.
func noIdentity(t *testing.T, g *vcstest.Repo) {
	g.Git("config", "--unset", "user.name")
	g.Git("config", "--unset", "user.email")
	g.Git("config", "user.useConfigOnly", "true")
	t.Setenv("GIT_CONFIG_GLOBAL", os.DevNull)
	t.Setenv("GIT_CONFIG_NOSYSTEM", "1")
	for _, v := range []string{"GIT_AUTHOR_NAME", "GIT_AUTHOR_EMAIL", "GIT_COMMITTER_NAME", "GIT_COMMITTER_EMAIL", "EMAIL"} {
		t.Setenv(v, "")
		os.Unsetenv(v)
	}
}

// A file reached through a link to the work tree is found in it.
func TestUncommittedThroughALink(t *testing.T) {
	g := vcstest.New(t)
	g.Write("a.yaml", "a: 1\n")
	g.Commit("2026-07-01T10:00:00Z", "first")
	g.Write("a.yaml", "a: 2\n")
	link := filepath.Join(t.TempDir(), "link")
	if err := os.Symlink(g.Dir, link); err != nil {
		t.Skip("no symbolic links:", err)
	}
	file := filepath.Join(link, "a.yaml")
	states, err := open(t, g.Dir).Uncommitted(context.Background(), []string{file})
	if err != nil || len(states) != 1 || states[0].Path != file || states[0].Untracked {
		t.Errorf("got %+v, %v", states, err)
	}
}
