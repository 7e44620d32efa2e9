package lint

import (
	"fmt"
	"testing"
	"time"

	"github.com/okr-tool/okr/plan"
)

// kpi-baseline judges a start against the previous quarter's final value, which exists only once
// that quarter has ended: a draft made while it runs (okr next's provisional start), and every
// check-in that moves the reading after it, is not flagged until then.
func TestKPIBaselineWaitsForTheQuarterToEnd(t *testing.T) {
	q := func(period, kr string) string {
		return "period: " + period + "\nscope: sales\nkpis:\n  - {" + liveKPI("nps", "actual: 1") + "}\nobjectives:\n  - id: grow\n    title: Grow\n    key_results:\n" + kr
	}
	sources := []plan.Source{
		{File: "q4.yaml", Data: []byte(q("2026-Q4", kr("promoters", "40", "60", "kpi: nps", "current: 48"))), Named: true},
		{File: "q1.yaml", Data: []byte(q("2027-Q1", kr("promoters", "45", "60", "kpi: nps"))), Named: true},
	}
	want := `q1.yaml:9:50: key result "promoters" starts at 45, but KPI "nps" ended 2026-Q4 at 48 (q4.yaml); set start: 48 and base the target on it`
	for _, tt := range []struct {
		asOf string
		want string
	}{
		{"2026-12-01", ""},   // 2026-Q4 is running: 48 is only its latest reading
		{"2026-12-31", ""},   // its last day: a reading may still come
		{"2027-01-01", want}, // it has ended: 48 is final
		{"2027-02-15", want},
	} {
		asOf, _ := time.Parse(time.DateOnly, tt.asOf)
		got := ""
		for _, f := range Run(plan.LoadSources("", sources, 1), Options{AsOf: asOf}).Findings {
			if f.Rule == "kpi-baseline" {
				got += fmt.Sprintf("%s:%d:%d: %s", f.File, f.Pos.Line, f.Pos.Col, f.Message)
			}
		}
		if got != tt.want {
			t.Errorf("as of %s: kpi-baseline found %q, want %q", tt.asOf, got, tt.want)
		}
	}
}
