package lint

import (
	"fmt"
	"sort"
	"testing"
	"time"

	"github.com/okr-tool/okr/history"
	"github.com/okr-tool/okr/plan"
)

// TestKPIStaleAnnualFedByQuarters: an annual plan's KPI whose readings come from the quarter
// plans is not stale because nobody copied the number into the annual plan; without a quarterly
// reading it is judged as before.
func TestKPIStaleAnnualFedByQuarters(t *testing.T) {
	annual := `period: 2026
scope: company
kpis:
  - {id: retention, name: Retention, source: CRM, frequency: monthly}
objectives:
  - id: partners
    title: Long-term partners
    key_results:
      - {id: retention-2026, title: Retention, start: 70, target: 80, current: 72, kpi: retention}
`
	q3 := func(current string) string {
		return `period: 2026-Q3
scope: company
kpis:
  - {id: retention, name: Retention, source: CRM, frequency: monthly}
objectives:
  - id: keep
    title: Keep clients
    key_results:
      - {id: retention-q3, title: Retention, start: 70, target: 80` + current + `, kpi: retention}
`
	}
	for _, tt := range []struct {
		name, q3 string
		want     string // the files with findings
	}{
		{"the quarter has a fresh reading", q3(", current: 77"), "[]"},
		{"no quarter has a reading", q3(""), "[2026.yaml]"}, // the quarter plan is new: not stale yet
	} {
		t.Run(tt.name, func(t *testing.T) {
			repo := plan.LoadSources("", []plan.Source{
				{File: "2026.yaml", Data: []byte(annual)}, {File: "2026-Q3.yaml", Data: []byte(tt.q3)}}, 1)
			h := history.New()
			for _, p := range repo.Plans {
				// The annual plan was last changed in January; the quarter's plan was read in August.
				ph := history.NewPlan(p.File)
				date := time.Date(2026, 1, 5, 10, 0, 0, 0, time.UTC)
				if p.Period.Value.IsQuarter() {
					date = time.Date(2026, 8, 10, 10, 0, 0, 0, time.UTC)
				}
				ph.Add(history.Revision{Commit: c1, Date: date}, p)
				h.Plans[p.File] = ph
			}
			res := Run(repo, Options{Severity: map[string]Severity{"kpi-stale": Warning}, History: h,
				AsOf: time.Date(2026, 8, 20, 0, 0, 0, 0, time.UTC)})
			files := []string{}
			for _, f := range res.Findings {
				if f.Rule == "kpi-stale" {
					files = append(files, f.File)
				}
			}
			sort.Strings(files)
			if got := fmt.Sprint(files); got != tt.want {
				t.Errorf("kpi-stale findings in %s, want %s: %v", got, tt.want, res.Findings)
			}
		})
	}
}
