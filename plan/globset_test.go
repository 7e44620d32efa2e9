package plan

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// hostileGlobs is the paths: list of a hostile pull request: n distinct globs, each with
// several "**" and a star, none of which matches the plans of plansUnder.
func hostileGlobs(n int) []string {
	globs := make([]string, n)
	for i := range globs {
		globs[i] = fmt.Sprintf("**/x%d/**/*%d*/**/*.yaml", i, i)
	}
	return globs
}

func TestGlobSetMatchesAsMatchGlob(t *testing.T) {
	globs := []string{"./plans/", "**/**/**/team-*.yaml", "okrs/**", "plans/**/**"}
	names := []string{"plans/a.yaml", "x/y/team-a.yaml", "team-b.yaml", "okrs/q3/a.yml", "other/a.yaml", "plans"}
	set := compileGlobs(globs)
	for _, name := range names {
		want := false
		for _, g := range globs {
			want = want || MatchGlob(g, name)
		}
		if got := set.match(name); got != want {
			t.Errorf("match(%q) = %v, want %v", name, got, want)
		}
	}
	if got := len(set.pats); got != 4 {
		t.Errorf("compiled %d globs, want 4 (each spelled once, runs of ** collapsed)", got)
	}
}

func TestGlobSetCollapsesAndDeduplicates(t *testing.T) {
	globs := make([]string, 0, 20000)
	for range 10000 {
		globs = append(globs, "plans/**/**/**/*.yaml", "./plans/**/*.yaml/")
	}
	set := compileGlobs(globs)
	if len(set.pats) != 1 {
		t.Fatalf("compiled %d globs from two spellings of one, want 1", len(set.pats))
	}
	if got := strings.Join(set.pats[0], "/"); got != "plans/**/*.yaml" {
		t.Errorf("compiled to %q, want plans/**/*.yaml", got)
	}
}

// TestGlobSetMatchDoesNotAllocate checks the per-file cost of a walk with paths: set: once the
// scratch space has grown, matching a path splits and allocates nothing, for any number of globs.
func TestGlobSetMatchDoesNotAllocate(t *testing.T) {
	set := compileGlobs(append(hostileGlobs(256), "plans/**"))
	name := "teams/sales/2026-Q3/deep/er/plan.yaml"
	set.match(name)
	set.mayHoldMatches("teams/sales")
	if n := testing.AllocsPerRun(100, func() {
		if set.match(name) {
			t.Fatal("matched a path no glob names")
		}
		set.mayHoldMatches("teams/sales")
	}); n != 0 {
		t.Errorf("a match allocated %v times, want 0", n)
	}
}

// TestWalkWithManyGlobsIsBounded is the regression of a hostile .okr.yaml: 20,000 globs against
// 2,000 plans took 19 s, each match splitting both strings and allocating. The configuration now
// refuses more than 256 globs (lint/config), and a walk compiles them once; 256 hostile globs
// against 2,000 plans take well under a second.
func TestWalkWithManyGlobsIsBounded(t *testing.T) {
	dir := t.TempDir()
	for i := range 2000 {
		sub := filepath.Join(dir, "teams", fmt.Sprintf("t%d", i%50), fmt.Sprintf("q%d", i%7))
		if err := os.MkdirAll(sub, 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(sub, fmt.Sprintf("plan%d.yaml", i)), []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	globs := append(hostileGlobs(256), "teams/t1/**")
	within(t, costBound, func() {
		files, problems, err := walk(workTree(dir), ".", globs)
		if err != nil || len(problems) != 0 {
			t.Errorf("walk: %v %v", err, problems)
		}
		if len(files) != 40 {
			t.Errorf("walk found %d plans, want the 40 under teams/t1", len(files))
		}
	})
}

func BenchmarkGlobSetMatch(b *testing.B) {
	set := compileGlobs(hostileGlobs(256))
	name := "teams/sales/2026-Q3/plan.yaml"
	b.ReportAllocs()
	for b.Loop() {
		set.match(name)
	}
}
