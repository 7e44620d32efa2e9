package lint

import "github.com/okr-tool/okr/plan"

// kpiTargetAgree checks that a KPI has one target in a plan: its own target agrees with that of
// the key result linked to it, and only one key result measures it.
type kpiTargetAgree struct{ base }

func newKPITargetAgree() *kpiTargetAgree {
	return &kpiTargetAgree{base: base{
		ID:       "kpi-target-agree",
		Severity: Error,
		Summary:  "A KPI has one target per plan: its target agrees with its key result's, and one key result measures it.",
		Rationale: "The OnStrategy article gives a KPI a quantifiable target for the period, and in its worked example the " +
			"KPI's quarterly target is the target of the key result that measures it (retention to 75% in " +
			"Q3). Two numbers for one quarter make the review contradict itself: the key result green at " +
			"1.00 while the KPI reads off target on the same page. A KPI measures one outcome, so one " +
			"outcome or maintain key result of a plan links it; a second one is a second measure, which " +
			"wants a KPI of its own.",
		Sources: []Source{onStrategy},
		Bad: onePlan(`period: 2026-Q3
scope: sales
kpis:
  - id: client-retention
    name: Client retention rate
    unit: "%"
    source: CRM retention report
    frequency: monthly
    target: 76
objectives:
  - id: loyal-customers
    title: Create wildly loyal customers
    key_results:
      - id: retention
        title: Increase client retention from 73% to 75%
        start: 73
        target: 75
        kpi: client-retention
`),
		BadFindings: []string{
			`plan.yaml:9:13: error: KPI "client-retention" has target 76, but key result "retention" (line 14), which measures it, has target 75; one quarter has one target: make them agree, or leave out the KPI's target so that the key result's counts [kpi-target-agree]`,
		},
		Good: onePlan(`period: 2026-Q3
scope: sales
kpis:
  - id: client-retention
    name: Client retention rate
    unit: "%"
    source: CRM retention report
    frequency: monthly
    target: 75
objectives:
  - id: loyal-customers
    title: Create wildly loyal customers
    key_results:
      - id: retention
        title: Increase client retention from 73% to 75%
        start: 73
        target: 75
        kpi: client-retention
`),
	}}
}

func (r *kpiTargetAgree) VisitKPI(c *Context, k *plan.KPI) {
	if !k.ID.Set {
		return
	}
	var first *plan.KeyResult
	for kr := range k.Plan.LinkedMeasured(k.ID.Value) {
		if first == nil {
			first = kr
			r.checkTarget(c, k, kr)
			continue
		}
		c.ReportKeyResult(kr, kr.KPI.Pos, "key result %s is the second to measure KPI %s in this plan, after %s (line %d); a KPI measures one outcome: link one key result to it, or give this measure a KPI of its own",
			quote(kr.ID.Value), quote(k.ID.Value), quote(first.ID.Value), first.Pos.Line)
	}
}

// checkTarget reports a KPI target that disagrees with the goal of kr, the key result that
// measures the KPI.
func (r *kpiTargetAgree) checkTarget(c *Context, k *plan.KPI, kr *plan.KeyResult) {
	goal := kr.Goal()
	if !k.Live() || !k.Target.Set || !goal.Set || same(k.Target.Value, goal.Value) {
		return
	}
	what := "target"
	if kr.Type.Value == plan.Maintain {
		what = "threshold"
	}
	c.ReportKPI(k, k.Target.Pos, "KPI %s has target %s, but key result %s (line %d), which measures it, has %s %s; one quarter has one target: make them agree, or leave out the KPI's target so that the key result's counts",
		quote(k.ID.Value), num(k.Target.Value), quote(kr.ID.Value), kr.Pos.Line, what, num(goal.Value))
}
