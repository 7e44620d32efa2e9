package lint

import "github.com/okr-tool/okr/plan"

// kpiBaseline checks that a KPI-linked key result starts from the KPI's last value of the
// previous quarter, once that quarter has ended (as of Context.AsOf): until then the value is
// not final, and a start drafted from the latest reading (okr next's provisional start) is not
// wrong yet.
type kpiBaseline struct{ base }

func newKPIBaseline() *kpiBaseline {
	return &kpiBaseline{base: base{
		ID:       "kpi-baseline",
		Severity: Warning,
		Summary:  "A KPI-linked key result's start equals the previous quarter's last value of that KPI, once that quarter has ended.",
		Rationale: "The OnStrategy article updates a KPI's quarterly targets from the previous quarter's actual results " +
			"(its worked example moves retention from 73% to 75% in Q3, then from 75% to 80% in Q4). A " +
			"key result linked to a KPI should therefore start where the KPI ended: the current value of " +
			"the previous quarter's linked key result, or else that KPI's actual. While the previous quarter " +
			"is still running, its last value is not final, so the rule waits until it has ended.",
		Sources: []Source{onStrategy},
		Bad: Example{
			{Path: "plans/2026-Q3/sales.yaml", Text: `period: 2026-Q3
scope: sales
kpis:
  - {id: client-retention, name: Client retention rate, source: CRM, frequency: monthly}
objectives:
  - id: loyal-customers
    title: Create wildly loyal customers
    key_results:
      - {id: retention, title: Raise retention from 73% to 75%, start: 73, target: 75, current: 75, kpi: client-retention}
`},
			{Path: "plans/2026-Q4/sales.yaml", Text: `period: 2026-Q4
scope: sales
kpis:
  - {id: client-retention, name: Client retention rate, source: CRM, frequency: monthly}
objectives:
  - id: long-lasting-relationships
    title: Build long-lasting client relationships
    key_results:
      - {id: retention, title: Raise retention from 73% to 80%, start: 73, target: 80, kpi: client-retention}
`},
		},
		BadFindings: []string{
			`plans/2026-Q4/sales.yaml:9:72: warning: key result "retention" starts at 73, but KPI "client-retention" ended 2026-Q3 at 75 (plans/2026-Q3/sales.yaml); set start: 75 and base the target on it [kpi-baseline]`,
		},
		Good: Example{
			{Path: "plans/2026-Q3/sales.yaml", Text: `period: 2026-Q3
scope: sales
kpis:
  - {id: client-retention, name: Client retention rate, source: CRM, frequency: monthly}
objectives:
  - id: loyal-customers
    title: Create wildly loyal customers
    key_results:
      - {id: retention, title: Raise retention from 73% to 75%, start: 73, target: 75, current: 75, kpi: client-retention}
`},
			{Path: "plans/2026-Q4/sales.yaml", Text: `period: 2026-Q4
scope: sales
kpis:
  - {id: client-retention, name: Client retention rate, source: CRM, frequency: monthly}
objectives:
  - id: long-lasting-relationships
    title: Build long-lasting client relationships
    key_results:
      - {id: retention, title: Raise retention from 75% to 80%, start: 75, target: 80, kpi: client-retention}
`},
		},
	}}
}

func (r *kpiBaseline) VisitKeyResult(c *Context, kr *plan.KeyResult) {
	if kr.Type.Value == plan.Effort || !kr.KPI.Set || !kr.Start.Set {
		return
	}
	prev := c.Repo.PrevQuarter(kr.Objective.Plan)
	if prev == nil || prev.KPI(kr.KPI.Value) == nil || !prev.Period.Set || c.AsOf.Before(prev.Period.Value.End()) {
		return // the previous quarter has not ended: its last value is not final yet
	}
	last, ok := prev.KPI(kr.KPI.Value).Reading()
	if !ok || same(last, kr.Start.Value) {
		return
	}
	c.ReportKeyResult(kr, kr.Start.Pos, "key result %s starts at %s, but KPI %s ended %s at %s (%s); set start: %s and base the target on it",
		quote(kr.ID.Value), num(kr.Start.Value), quote(kr.KPI.Value), prev.Period.Value, num(last), prev.File, num(last))
}
