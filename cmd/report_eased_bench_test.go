package cmd

import (
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"testing"
	"time"

	"github.com/okr-tool/okr/gitplan/gitplantest"
)

// BenchmarkReportEased measures what showing the eased goalposts costs a plain okr report on the
// generated repository of 1,000 check-in commits across 2,008 plans: okr report in git (which
// reads the latest quarter's history since it started) against the same report with .git moved
// away (no git at all). Every iteration runs both; the metrics are the mean of each and the
// ratio.
//
//	go test ./cmd -run '^$' -bench ReportEased -benchtime 5x
func BenchmarkReportEased(b *testing.B) {
	if _, err := exec.LookPath("git"); err != nil {
		b.Skip("git is not installed")
	}
	dir := b.TempDir()
	if err := gitplantest.Large.Build(dir); err != nil {
		b.Fatal(err)
	}
	env := &Env{
		Stdout: io.Discard, Stderr: io.Discard,
		Getenv:     func(string) string { return "" },
		IsTerminal: func(io.Writer) bool { return false },
		Dir:        dir,
	}
	okr := func(args ...string) time.Duration {
		t := time.Now()
		if code := Main(args, env); code != 0 {
			b.Fatalf("okr %v exited %d", args, code)
		}
		return time.Since(t)
	}
	gitDir, away := filepath.Join(dir, ".git"), filepath.Join(b.TempDir(), "git")
	var inGit, outside time.Duration
	n := 0
	for b.Loop() {
		runtime.GC() // each side starts from a clean heap, not paying for the other's garbage
		inGit += okr("report", "--period", "2027-Q4")
		if err := os.Rename(gitDir, away); err != nil {
			b.Fatal(err)
		}
		runtime.GC()
		outside += okr("report", "--period", "2027-Q4")
		if err := os.Rename(away, gitDir); err != nil {
			b.Fatal(err)
		}
		n++
	}
	ms := func(d time.Duration) float64 { return float64(d.Milliseconds()) / float64(n) }
	b.ReportMetric(ms(inGit), "report-git-ms")
	b.ReportMetric(ms(outside), "report-no-git-ms")
	b.ReportMetric(float64(inGit)/float64(outside), "ratio")
}
