// Package plantest generates large plan repositories for benchmarks and tests.
package plantest

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/okr-tool/okr/plan"
)

// Repo describes a generated repository: Teams team scopes (plus the company) with a plan for
// each of Quarters consecutive quarters starting at First.
type Repo struct {
	Teams    int
	Quarters int
	First    plan.Period
}

// Large is the benchmark repository: 250 teams × 8 quarters, about 2,000 plans and 8 MB.
var Large = Repo{Teams: 250, Quarters: 8, First: plan.Period{Year: 2026, Quarter: 1}}

// File is one generated plan file.
type File struct {
	Path string // relative to the repository root, forward slashes
	Data []byte
}

// Files generates the plan files. Each team plan has five KPIs carried forward every quarter,
// with baselines that follow the previous quarter's values, and four objectives of four key
// results aligned to the company's objectives — a repository that lints clean.
func (r Repo) Files() []File {
	var files []File
	period := r.First
	for q := 0; q < r.Quarters; q++ {
		files = append(files, File{
			Path: fmt.Sprintf("plans/%s/company.yaml", period),
			Data: []byte(r.plan(period, "company", q)),
		})
		for t := 0; t < r.Teams; t++ {
			scope := fmt.Sprintf("team-%03d", t)
			files = append(files, File{
				Path: fmt.Sprintf("plans/%s/%s.yaml", period, scope),
				Data: []byte(r.plan(period, scope, q)),
			})
		}
		period = period.Next()
	}
	return files
}

// Write writes the repository under dir, with a .okr.yaml marking its root.
func (r Repo) Write(dir string) error {
	if err := os.WriteFile(filepath.Join(dir, ".okr.yaml"), []byte("# generated plan repository\n"), 0o644); err != nil {
		return err
	}
	for _, f := range r.Files() {
		name := filepath.Join(dir, filepath.FromSlash(f.Path))
		if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(name, f.Data, 0o644); err != nil {
			return err
		}
	}
	return nil
}

// value is the KPI's reading at the end of quarter q: it grows a little every quarter.
func value(k, q int) float64 { return float64(50+10*k) + 1.5*float64(q) }

func (r Repo) plan(period plan.Period, scope string, q int) string {
	var b strings.Builder
	company := scope == "company"
	fmt.Fprintf(&b, "# Generated plan of %s for %s.\nperiod: %s\nscope: %s\n", scope, period, period, scope)
	if company {
		b.WriteString("level: company\nowner: Chief Executive\n")
	} else {
		fmt.Fprintf(&b, "level: team\nparent: company\nowner: Lead of %s\n", scope)
	}
	b.WriteString("\nkpis:\n")
	for k := 0; k < 5; k++ {
		fmt.Fprintf(&b, `  - id: kpi-%d
    name: Key measure %d of %s
    unit: "%%"
    source: Warehouse dashboard "%s", tile %d
    frequency: monthly
    annual_target: %g
`, k, k, scope, scope, k, value(k, 4*((q/4)+1)))
		if k >= 2 {
			fmt.Fprintf(&b, "    target: %g\n    actual: %g\n", value(k, q+1), value(k, q+1)-0.5)
		}
	}
	b.WriteString("\nobjectives:\n")
	for o := 0; o < 4; o++ {
		fmt.Fprintf(&b, "  - id: objective-%d\n    title: Objective %d of %s for %s, stated as an outcome\n", o, o, scope, period)
		fmt.Fprintf(&b, "    owner: Owner %d\n", o)
		if !company {
			fmt.Fprintf(&b, "    aligns_to: company/objective-%d\n", o)
		}
		b.WriteString("    key_results:\n")
		for kr := 0; kr < 4; kr++ {
			id := fmt.Sprintf("kr-%d-%d", o, kr)
			switch {
			case kr == 0 && o < 2:
				k := o
				fmt.Fprintf(&b, `      - id: %s
        title: Move key measure %d from %g to %g this quarter
        start: %g
        target: %g
        current: %g
        unit: "%%"
        kpi: kpi-%d
`, id, k, value(k, q), value(k, q+1), value(k, q), value(k, q+1), value(k, q+1), k)
			case kr == 3:
				fmt.Fprintf(&b, `      - id: %s
        title: Ship deliverable %d of objective %d by the end of the quarter
        type: effort
        due: %s
        progress: 0.%d
`, id, kr, o, period.LastDay().Format("2006-01-02"), 3+o)
			default:
				fmt.Fprintf(&b, `      - id: %s
        title: Raise measure %d of objective %d from 10 to 20
        start: 10
        target: 20
        current: %d
        weight: %d
`, id, kr, o, 12+kr+o, 1+kr%2)
			}
		}
	}
	return b.String()
}
