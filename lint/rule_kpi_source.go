package lint

import (
	"strings"

	"github.com/okr-tool/okr/plan"
)

// kpiSource checks that every live KPI names where its number comes from.
type kpiSource struct{ base }

func newKPISource() *kpiSource {
	return &kpiSource{base: base{
		ID:       "kpi-source",
		Severity: Error,
		Summary:  "Every live (not retired) KPI has a data source.",
		Rationale: "Among the parts the OnStrategy article requires of every KPI is a clear data source, so nobody has to " +
			"guess what is measured or where to look the number up. Name the report, system or query.",
		Sources: []Source{onStrategy},
		Bad: onePlan(`period: 2026-Q3
scope: sales
kpis:
  - id: client-retention
    name: Client retention rate
    frequency: monthly
    target: 75
objectives: []
`),
		BadFindings: []string{
			`plan.yaml:4:5: error: KPI "client-retention" has no data source; add source: <the report or system the number comes from> [kpi-source]`,
		},
		Good: onePlan(`period: 2026-Q3
scope: sales
kpis:
  - id: client-retention
    name: Client retention rate
    source: CRM retention report, Accounts > Retention
    frequency: monthly
    target: 75
objectives: []
`),
	}}
}

func (r *kpiSource) VisitKPI(c *Context, k *plan.KPI) {
	if !k.Live() {
		return
	}
	switch {
	case absent(k.Source):
		c.ReportKPI(k, k.Pos, "KPI %s has no data source; add source: <the report or system the number comes from>", quote(k.ID.Value))
	case k.Source.Set && strings.TrimSpace(k.Source.Value) == "":
		c.ReportKPI(k, k.Source.Key, "KPI %s has an empty source; name the report or system the number comes from", quote(k.ID.Value))
	}
}
