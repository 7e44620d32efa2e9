package lint

import (
	"fmt"

	"github.com/okr-tool/okr/plan"
)

// kpiCadence checks that a KPI is reported at least as often as the slowest allowed frequency.
type kpiCadence struct {
	base
	slowest plan.Frequency
}

func newKPICadence() *kpiCadence {
	return &kpiCadence{slowest: plan.Monthly, base: base{
		ID:       "kpi-cadence",
		Severity: Warning,
		Summary:  "A KPI is reported at least monthly.",
		Rationale: "The OnStrategy article recommends reporting every KPI at least monthly, and the Craze article describes KPIs as " +
			"tracked continuously. A number read once a quarter shows a problem only when the quarter is " +
			"over. The slowest allowed frequency is configurable.",
		Sources: []Source{onStrategy, craze},
		Bad: onePlan(`period: 2026-Q3
scope: sales
kpis:
  - id: client-retention
    name: Client retention rate
    source: CRM retention report
    frequency: quarterly
    target: 75
objectives: []
`),
		BadFindings: []string{
			`plan.yaml:7:16: warning: KPI "client-retention" is reported quarterly; report it at least monthly so a slip shows before the period ends [kpi-cadence]`,
		},
		Good: onePlan(`period: 2026-Q3
scope: sales
kpis:
  - id: client-retention
    name: Client retention rate
    source: CRM retention report
    frequency: monthly
    target: 75
objectives: []
`),
	}}
}

func (r *kpiCadence) Params() []Param {
	return []Param{{Name: "slowest", Doc: "slowest reporting frequency allowed", Frequency: &r.slowest}}
}

func (r *kpiCadence) Validate() error {
	if r.slowest.Rank() < 0 {
		return fmt.Errorf("slowest %q is not a frequency", r.slowest)
	}
	return nil
}

func (r *kpiCadence) VisitKPI(c *Context, k *plan.KPI) {
	if k.Live() && k.Frequency.Set && k.Frequency.Value.Rank() > r.slowest.Rank() {
		c.ReportKPI(k, k.Frequency.Pos, "KPI %s is reported %s; report it at least %s so a slip shows before the period ends",
			quote(k.ID.Value), k.Frequency.Value, r.slowest)
	}
}
