package vcs_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/okr-tool/okr/vcs"
	"github.com/okr-tool/okr/vcs/vcstest"
)

func open(t *testing.T, dir string) *vcs.Repo {
	t.Helper()
	r, err := vcs.Open(context.Background(), dir)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func TestOpenOutsideGit(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	_, err := vcs.Open(context.Background(), t.TempDir())
	if !errors.Is(err, vcs.ErrNotRepository) {
		t.Fatalf("Open outside git = %v, want ErrNotRepository", err)
	}
	if !strings.Contains(err.Error(), "is not inside a git repository") {
		t.Errorf("message %q", err)
	}
}

func TestOpenPrefix(t *testing.T) {
	g := vcstest.New(t)
	g.Write("plans/2026-Q3/sales.yaml", "period: 2026-Q3\n")
	g.Commit("2026-07-01T10:00:00Z", "plans")
	r := open(t, g.Path("plans"))
	if r.Prefix != "plans/" || r.Shallow {
		t.Errorf("Prefix %q, Shallow %v; want plans/, false", r.Prefix, r.Shallow)
	}
	if top := open(t, g.Dir); top.Prefix != "" {
		t.Errorf("Prefix at the top = %q", top.Prefix)
	}
}

func TestResolveAndMergeBase(t *testing.T) {
	ctx := context.Background()
	g := vcstest.New(t)
	g.Write("a.yaml", "a: 1\n")
	first := g.Commit("2026-07-01T10:00:00Z", "first")
	g.Git("checkout", "-q", "-b", "topic")
	g.Write("a.yaml", "a: 2\n")
	topic := g.Commit("2026-07-02T10:00:00Z", "topic")
	g.Git("checkout", "-q", "main")
	g.Write("b.yaml", "b: 1\n")
	g.Commit("2026-07-03T10:00:00Z", "main moves on")
	g.Git("checkout", "-q", "topic")

	r := open(t, g.Dir)
	if got, err := r.Resolve(ctx, "HEAD"); err != nil || got != topic {
		t.Errorf("Resolve(HEAD) = %s, %v; want %s", got, err, topic)
	}
	base, err := r.MergeBase(ctx, "main", "HEAD")
	if err != nil || base != first {
		t.Errorf("MergeBase = %s, %v; want %s", base, err, first)
	}
	_, err = r.Resolve(ctx, "origin/nope")
	var re *vcs.RevisionError
	if !errors.As(err, &re) || !strings.Contains(err.Error(), `unknown revision "origin/nope"`) ||
		!strings.Contains(err.Error(), "git fetch origin nope") {
		t.Errorf("Resolve(origin/nope) = %v", err)
	}
	if b, err := r.DefaultBranch(ctx); err != nil || b != "main" {
		t.Errorf("DefaultBranch = %q, %v", b, err)
	}
	ahead, err := r.Ancestry(ctx, first, "HEAD")
	if err != nil || len(ahead) != 1 || !ahead[topic] {
		t.Errorf("Ancestry = %v, %v", ahead, err)
	}
}

// TestRevisionLikeAnOption checks that a revision git would read as an option never reaches
// it: git diff, log and ls-tree would take --output=FILE and write the file.
func TestRevisionLikeAnOption(t *testing.T) {
	ctx := context.Background()
	g := vcstest.New(t)
	g.Write("a.yaml", "a: 1\n")
	g.Commit("2026-07-01T10:00:00Z", "first")
	r := open(t, g.Dir)
	out := filepath.Join(t.TempDir(), "written")
	rev := "--output=" + out
	calls := map[string]func() error{
		"Resolve":   func() error { _, err := r.Resolve(ctx, rev); return err },
		"Diff":      func() error { _, err := r.Diff(ctx, rev, "", ""); return err },
		"Diff to":   func() error { _, err := r.Diff(ctx, "HEAD", rev, ""); return err },
		"ListTree":  func() error { _, err := r.ListTree(ctx, rev, ""); return err },
		"Log":       func() error { return r.Log(ctx, vcs.LogOptions{Rev: rev}, func(*vcs.Commit) error { return nil }) },
		"MergeBase": func() error { _, err := r.MergeBase(ctx, "HEAD", rev); return err },
		"Ancestry":  func() error { _, err := r.Ancestry(ctx, rev, "HEAD"); return err },
	}
	for name, call := range calls {
		err := call()
		var re *vcs.RevisionError
		if !errors.As(err, &re) || err.Error() != `"`+rev+`" is not a revision: it starts with "-" as an option does; name a branch, tag or commit` {
			t.Errorf("%s(%s) = %v", name, rev, err)
		}
		if _, err := os.Stat(out); err == nil {
			t.Fatalf("%s(%s) let git write %s", name, rev, out)
		}
	}
}

func TestNoCommits(t *testing.T) {
	g := vcstest.New(t)
	r := open(t, g.Dir)
	ok, err := r.HasCommits(context.Background())
	if err != nil || ok {
		t.Errorf("HasCommits = %v, %v; want false", ok, err)
	}
	_, err = r.Resolve(context.Background(), "HEAD")
	if err == nil || !strings.Contains(err.Error(), "no commit yet") {
		t.Errorf("Resolve(HEAD) = %v", err)
	}
}

func TestTreeAndBlobs(t *testing.T) {
	ctx := context.Background()
	g := vcstest.New(t)
	g.Write("plans/a.yaml", "a: 1\n")
	g.Write("plans/big.yaml", strings.Repeat("x", 100))
	g.Write("other.txt", "x\n")
	commit := g.Commit("2026-07-01T10:00:00Z", "files")
	r := open(t, g.Dir)
	entries, err := r.ListTree(ctx, commit, "plans/")
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != 2 || entries[0].Path != "plans/a.yaml" || !entries[0].IsFile() || entries[0].Type != "blob" {
		t.Fatalf("ListTree = %+v", entries)
	}
	var got []string
	names := []string{entries[0].ID, commit + ":plans/big.yaml", strings.Repeat("0", 40), commit + ":nope"}
	err = r.ReadBlobs(ctx, names, 10, func(i int, data []byte, found bool) error {
		got = append(got, string(data)+"|"+map[bool]string{true: "found", false: "missing"}[found])
		return nil
	})
	want := []string{"a: 1\n|found", strings.Repeat("x", 11) + "|found", "|missing", "|missing"}
	if err != nil || strings.Join(got, ",") != strings.Join(want, ",") {
		t.Errorf("ReadBlobs = %q, %v; want %q", got, err, want)
	}
}

func TestReadBlobsMissingPathWithSpaces(t *testing.T) {
	g := vcstest.New(t)
	g.Write("my plans/a plan.yaml", "a: 1\n")
	commit := g.Commit("2026-07-01T10:00:00Z", "files")
	r := open(t, g.Dir)
	var got []string
	names := []string{commit + ":my plans/.okr.yaml", commit + ":my plans/a plan.yaml"}
	err := r.ReadBlobs(context.Background(), names, 0, func(i int, data []byte, found bool) error {
		got = append(got, fmt.Sprintf("%q %v", data, found))
		return nil
	})
	if want := `"" false,"a: 1\n" true`; err != nil || strings.Join(got, ",") != want {
		t.Errorf("ReadBlobs = %q, %v; want %s", got, err, want)
	}
}

func TestLogFollowsFirstParentWithRenames(t *testing.T) {
	ctx := context.Background()
	g := vcstest.New(t)
	g.Write("p/a.yaml", "a: 1\n")
	g.Write("p/b.yaml", "b: 1\nsome: more\nlines: here\n")
	one := g.Commit("2026-07-01T10:00:00Z", "one")
	g.Write("p/a.yaml", "a: 2\n")
	g.Git("mv", "p/b.yaml", "p/c.yaml")
	two := g.Commit("2026-07-02T10:00:00Z", "two")
	g.Git("checkout", "-q", "-b", "side")
	g.Write("p/a.yaml", "a: 3\n")
	g.Commit("2026-07-03T10:00:00Z", "side")
	g.Git("checkout", "-q", "main")
	g.Write("outside.txt", "x\n")
	g.Commit("2026-07-04T10:00:00Z", "outside p")
	g.GitEnv([]string{"GIT_AUTHOR_DATE=2026-07-05T10:00:00Z", "GIT_COMMITTER_DATE=2026-07-05T10:00:00Z"},
		"merge", "-q", "--no-ff", "--no-edit", "side")
	merge := strings.TrimSpace(g.Git("rev-parse", "HEAD"))

	r := open(t, g.Dir)
	var log []string
	err := r.Log(ctx, vcs.LogOptions{Dir: "p/", FirstParent: true}, func(c *vcs.Commit) error {
		var parts []string
		for _, ch := range c.Changes {
			s := string(ch.Status) + " " + ch.Path
			if ch.OldPath != ch.Path {
				s = string(ch.Status) + " " + ch.OldPath + "->" + ch.Path
			}
			parts = append(parts, s)
		}
		log = append(log, c.Hash[:7]+" "+c.Time.Format(time.DateOnly)+": "+strings.Join(parts, ", "))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		merge[:7] + " 2026-07-05: M p/a.yaml",
		two[:7] + " 2026-07-02: M p/a.yaml, R p/b.yaml->p/c.yaml",
		one[:7] + " 2026-07-01: A p/a.yaml, A p/b.yaml",
	}
	if strings.Join(log, "\n") != strings.Join(want, "\n") {
		t.Errorf("Log:\n%s\nwant:\n%s", strings.Join(log, "\n"), strings.Join(want, "\n"))
	}
}

func TestDiffWithWorkTree(t *testing.T) {
	ctx := context.Background()
	g := vcstest.New(t)
	g.Write("p/a.yaml", "a: 1\n")
	g.Write("p/gone.yaml", "g: 1\n")
	base := g.Commit("2026-07-01T10:00:00Z", "base")
	g.Write("p/a.yaml", "a: 2\n")
	g.Remove("p/gone.yaml")
	g.Write("p/new.yaml", "n: 1\n")
	g.Write(".gitignore", "ignored.yaml\n")
	g.Write("p/ignored.yaml", "i: 1\n")

	r := open(t, g.Dir)
	changes, err := r.Diff(ctx, base, "", "p/")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, c := range changes {
		got = append(got, string(c.Status)+" "+c.Path)
	}
	want := "M p/a.yaml,D p/gone.yaml,A p/new.yaml"
	if strings.Join(got, ",") != want {
		t.Errorf("Diff = %q, want %q", strings.Join(got, ","), want)
	}
}

func TestShallowClone(t *testing.T) {
	ctx := context.Background()
	g := vcstest.New(t)
	g.Write("a.yaml", "a: 1\n")
	g.Commit("2026-07-01T10:00:00Z", "one")
	g.Git("checkout", "-q", "-b", "topic")
	g.Write("a.yaml", "a: 2\n")
	g.Commit("2026-07-02T10:00:00Z", "two")
	g.Write("a.yaml", "a: 3\n")
	g.Commit("2026-07-03T10:00:00Z", "three")

	dir := filepath.Join(t.TempDir(), "clone")
	g.Git("clone", "-q", "--depth", "1", "--branch", "topic", "file://"+g.Dir, dir)
	r := open(t, dir)
	if !r.Shallow {
		t.Fatal("a --depth 1 clone is not reported shallow")
	}
	_, err := r.Resolve(ctx, "main")
	if !errors.Is(err, vcs.ErrShallow) || !strings.Contains(err.Error(), "fetch-depth: 0") {
		t.Errorf("Resolve(main) in a shallow clone = %v", err)
	}
	var n int
	if err := r.Log(ctx, vcs.LogOptions{FirstParent: true}, func(*vcs.Commit) error { n++; return nil }); err != nil || n != 1 {
		t.Errorf("Log in a depth-1 clone saw %d commits, %v", n, err)
	}
	// Fetch main alone, one commit deep: the merge base is out of reach.
	vcstest.At(t, dir).Git("fetch", "-q", "--depth", "1", "origin", "main:main")
	_, err = r.MergeBase(ctx, "main", "HEAD")
	if !errors.Is(err, vcs.ErrShallow) || !strings.Contains(err.Error(), "too shallow") {
		t.Errorf("MergeBase in a shallow clone = %v", err)
	}
}

// TestCommitAt finds the commit a branch was at on a day, on the first-parent line: a commit of
// a merged branch dated before the day does not count, the merge does once it is old enough.
func TestCommitAt(t *testing.T) {
	g := vcstest.New(t)
	ctx := context.Background()
	r := open(t, g.Dir)
	if got, err := r.CommitAt(ctx, "", time.Now()); err != nil || got.Hash != "" || got.Tip != "" {
		t.Fatalf("CommitAt without commits = %+v, %v; want nothing", got, err)
	}
	g.Write("a.yaml", "a: 1\n")
	first := g.Commit("2026-07-01T10:00:00Z", "first")
	g.Git("checkout", "-q", "-b", "side")
	g.Write("b.yaml", "b: 1\n")
	side := g.Commit("2026-07-05T10:00:00Z", "side")
	g.Git("checkout", "-q", "main")
	g.GitEnv([]string{"GIT_AUTHOR_DATE=2026-07-20T10:00:00Z", "GIT_COMMITTER_DATE=2026-07-20T10:00:00Z"},
		"merge", "-q", "--no-ff", "-m", "merge", "side")
	merge := strings.TrimSpace(g.Git("rev-parse", "HEAD"))
	g.Write("a.yaml", "a: 2\n")
	last := g.Commit("2026-08-01T10:00:00Z", "last")

	day := func(s string) time.Time {
		d, _ := time.Parse(time.DateOnly, s)
		return d.Add(24*time.Hour - time.Second)
	}
	tests := []struct{ day, want string }{
		{"2026-06-30", ""},
		{"2026-07-01", first},
		{"2026-07-10", first}, // the side branch's commit is not on main's first-parent line
		{"2026-07-20", merge},
		{"2026-08-01", last},
		{"2026-12-01", last},
	}
	for _, tt := range tests {
		got, err := r.CommitAt(ctx, "", day(tt.day))
		if err != nil {
			t.Fatal(err)
		}
		if got.Hash != tt.want || got.Tip != last {
			t.Errorf("CommitAt(%s) = %s (tip %s), want %s (tip %s)", tt.day, got.Hash, got.Tip, tt.want, last)
		}
	}
	if got, _ := r.CommitAt(ctx, "side", day("2026-07-10")); got.Hash != side {
		t.Errorf("CommitAt(side, 2026-07-10) = %s, want %s", got.Hash, side)
	}
	if got, _ := r.CommitAt(ctx, "", day("2026-06-30")); !got.Oldest.Equal(time.Date(2026, 7, 1, 10, 0, 0, 0, time.UTC)) {
		t.Errorf("Oldest = %v, want the first commit's date", got.Oldest)
	}
}

func TestResolveDated(t *testing.T) {
	g := vcstest.New(t)
	g.Write("a.yaml", "a: 1\n")
	c := g.Commit("2026-07-01T10:00:00Z", "first")
	g.Git("tag", "v1")
	r := open(t, g.Dir)
	hash, date, err := r.ResolveDated(context.Background(), "v1")
	if err != nil || hash != c || !date.Equal(time.Date(2026, 7, 1, 10, 0, 0, 0, time.UTC)) {
		t.Errorf("ResolveDated(v1) = %s, %v, %v; want %s of 2026-07-01", hash, date, err, c)
	}
	if _, _, err := r.ResolveDated(context.Background(), "v2"); err == nil || !strings.Contains(err.Error(), `unknown revision "v2"`) {
		t.Errorf("ResolveDated(v2) = %v, want an unknown revision", err)
	}
}
