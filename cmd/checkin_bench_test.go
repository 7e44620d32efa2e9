package cmd

import (
	"bytes"
	"fmt"
	"io"
	"testing"
	"time"

	"github.com/okr-tool/okr/plan/plantest"
)

// BenchmarkCheckinVersusLint runs okr lint and okr checkin in turn on the generated 2,008-plan
// repository and reports the time of each and their ratio: a check-in reads only the plans it
// needs, so it must cost at most a quarter of linting the repository.
func BenchmarkCheckinVersusLint(b *testing.B) {
	dir := b.TempDir()
	if err := plantest.Large.Write(dir); err != nil {
		b.Fatal(err)
	}
	env := &Env{Stdout: io.Discard, Stderr: io.Discard, Getenv: func(string) string { return "" },
		IsTerminal: func(io.Writer) bool { return false }, Dir: dir}
	var lintTime, checkinTime time.Duration
	n := 0
	for b.Loop() {
		start := time.Now()
		if code := Main([]string{"lint"}, env); code != 0 {
			b.Fatalf("okr lint exited %d", code)
		}
		mid := time.Now()
		var out bytes.Buffer
		ci := *env
		ci.Stdout = &out
		value := fmt.Sprint(15 + n%5)
		if code := Main([]string{"checkin", "team-042", "--period", "2026-Q3", "kr-1-1=" + value, "kpi-3=61.5", "kr-2-3=70%"}, &ci); code != 0 {
			b.Fatalf("okr checkin exited %d", code)
		}
		end := time.Now()
		lintTime += mid.Sub(start)
		checkinTime += end.Sub(mid)
		n++
	}
	b.ReportMetric(float64(lintTime.Milliseconds())/float64(n), "lint-ms/op")
	b.ReportMetric(float64(checkinTime.Microseconds())/1000/float64(n), "checkin-ms/op")
	b.ReportMetric(float64(checkinTime)/float64(lintTime), "checkin/lint")
	if checkinTime*4 > lintTime {
		b.Errorf("okr checkin took %v, more than a quarter of okr lint's %v", checkinTime/time.Duration(n), lintTime/time.Duration(n))
	}
}
