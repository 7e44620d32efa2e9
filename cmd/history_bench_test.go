package cmd

import (
	"io"
	"os/exec"
	"testing"
	"time"

	"github.com/okr-tool/okr/gitplan/gitplantest"
)

// BenchmarkReportHistory measures okr report --history on the generated repository of 1,000
// check-in commits across 2,008 plans against its target: under 3× the time of okr report at
// HEAD plus what git log -p takes over the same history. Every iteration runs all three, so
// they are measured under the same conditions; the metrics are the mean of each and the ratio.
//
//	go test ./cmd -run '^$' -bench ReportHistory -benchtime 5x
func BenchmarkReportHistory(b *testing.B) {
	if _, err := exec.LookPath("git"); err != nil {
		b.Skip("git is not installed")
	}
	dir := b.TempDir()
	start := time.Now()
	if err := gitplantest.Large.Build(dir); err != nil {
		b.Fatal(err)
	}
	b.Logf("built the repository (%d commits) in %s", gitplantest.Large.Commits+gitplantest.Large.Repo.Quarters,
		time.Since(start).Round(time.Millisecond))
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
	logP := func() time.Duration {
		t := time.Now()
		cmd := exec.Command("git", "-C", dir, "log", "-p")
		cmd.Stdout = io.Discard
		if err := cmd.Run(); err != nil {
			b.Fatal(err)
		}
		return time.Since(t)
	}
	var report, log, history time.Duration
	n := 0
	for b.Loop() {
		report += okr("report", "--as-of", "2027-12-20")
		log += logP()
		history += okr("report", "--history", "--as-of", "2027-12-20")
		n++
	}
	ms := func(d time.Duration) float64 { return float64(d.Milliseconds()) / float64(n) }
	b.ReportMetric(ms(report), "report-ms")
	b.ReportMetric(ms(log), "git-log-p-ms")
	b.ReportMetric(ms(history), "report-history-ms")
	b.ReportMetric(float64(history)/float64(report+log), "ratio")
}
