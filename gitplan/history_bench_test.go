package gitplan_test

import (
	"context"
	"io"
	"os/exec"
	"testing"
	"time"

	"github.com/okr-tool/okr/gitplan"
	"github.com/okr-tool/okr/gitplan/gitplantest"
	"github.com/okr-tool/okr/plan"
)

// BenchmarkHistory reads the history of the generated repository (1,000 commits of check-ins
// across 2,008 plans): loading the work tree, "git log -p" over the same history for scale, and
// the history of the latest quarter's plans, what okr report --history reads, and what every
// report in git reads for the eased goalposts: the same files since the quarter started,
// parsing only the versions that moved a goalpost.
func BenchmarkHistory(b *testing.B) {
	if _, err := exec.LookPath("git"); err != nil {
		b.Skip("git is not installed")
	}
	dir := b.TempDir()
	start := time.Now()
	if err := gitplantest.Large.Build(dir); err != nil {
		b.Fatal(err)
	}
	b.Logf("built the repository in %s", time.Since(start).Round(time.Millisecond))
	ctx := context.Background()
	r, err := gitplan.Open(ctx, dir)
	if err != nil {
		b.Fatal(err)
	}
	repo, _, err := plan.Load(plan.LoadOptions{Root: dir})
	if err != nil {
		b.Fatal(err)
	}
	latest := map[string]bool{}
	last := repo.Periods()[len(repo.Periods())-1]
	since := last.Start()
	for _, p := range repo.Plans {
		if p.Period.Value == last {
			latest[p.File] = true
		}
	}

	b.Run("load", func(b *testing.B) {
		for b.Loop() {
			if _, _, err := plan.Load(plan.LoadOptions{Root: dir}); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("load-at-HEAD", func(b *testing.B) {
		for b.Loop() {
			at, _, err := r.Load(ctx, "HEAD", gitplan.LoadOptions{})
			if err != nil || len(at.Plans) != len(repo.Plans) {
				b.Fatal(err)
			}
		}
	})
	b.Run("git-log-p", func(b *testing.B) {
		for b.Loop() {
			cmd := exec.Command("git", "-C", dir, "log", "-p")
			cmd.Stdout = io.Discard
			if err := cmd.Run(); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("history-latest-quarter", func(b *testing.B) {
		for b.Loop() {
			h, err := r.History(ctx, gitplan.HistoryOptions{Plans: repo, Files: latest})
			if err != nil || len(h.Plans) != len(latest) {
				b.Fatal(err)
			}
		}
	})
	b.Run("eased-latest-quarter", func(b *testing.B) {
		for b.Loop() {
			h, err := r.History(ctx, gitplan.HistoryOptions{Plans: repo, Files: latest, Since: since, GoalpostsOnly: true})
			if err != nil || len(h.Plans) != len(latest) {
				b.Fatal(err)
			}
		}
	})
}
