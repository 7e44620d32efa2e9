package lint

import (
	"strings"

	"github.com/okr-tool/okr/plan"
)

// kpiDirection checks that the key results linked to a KPI move it the way it should go.
type kpiDirection struct{ base }

func newKPIDirection() *kpiDirection {
	return &kpiDirection{base: base{
		ID:       "kpi-direction",
		Severity: Error,
		Summary:  "A key result linked to a KPI runs the KPI's way, and the key results of a KPI without a direction agree on one.",
		Rationale: "In the OnStrategy article's worked example, client retention rises from 73% to 75% in Q3 and from 75% " +
			"to 80% in Q4: a KPI has one direction, and the key result that measures it moves it that way. " +
			"Retention written as start 80, target 75 turns a goal to grow into a goal to shrink, and every " +
			"score computed from it is wrong, so the report leaves such a key result unscored. A KPI without " +
			"direction: takes the one its key results imply (start above target means lower is better); " +
			"when they disagree, nobody can tell which way is good.",
		Sources: []Source{onStrategy},
		Bad: onePlan(`period: 2026-Q4
scope: sales
kpis:
  - id: client-retention
    name: Client retention rate
    unit: "%"
    direction: up
    source: CRM retention report
    frequency: monthly
objectives:
  - id: loyal-customers
    title: Create wildly loyal customers
    key_results:
      - id: retention
        title: Increase client retention from 75% to 80%
        start: 80
        target: 75
        kpi: client-retention
`),
		BadFindings: []string{
			`plan.yaml:17:17: error: key result "retention" runs down (start 80, target 75), but KPI "client-retention" should go up; swap start and target, or fix the KPI's direction [kpi-direction]`,
		},
		Good: onePlan(`period: 2026-Q4
scope: sales
kpis:
  - id: client-retention
    name: Client retention rate
    unit: "%"
    direction: up
    source: CRM retention report
    frequency: monthly
objectives:
  - id: loyal-customers
    title: Create wildly loyal customers
    key_results:
      - id: retention
        title: Increase client retention from 75% to 80%
        start: 75
        target: 80
        kpi: client-retention
`),
	}}
}

func (r *kpiDirection) VisitKPI(c *Context, k *plan.KPI) {
	if !k.ID.Set {
		return
	}
	krs := k.Plan.LinkedMeasured(k.ID.Value)
	if k.Direction.Set {
		for kr := range krs {
			if d, ok := kr.ImpliedDirection(); ok && d != k.Direction.Value {
				c.ReportKeyResult(kr, directionPos(kr), "key result %s runs %s (%s), but KPI %s should go %s; %s, or fix the KPI's direction",
					quote(kr.ID.Value), d, impliedBy(kr), quote(k.ID.Value), k.Direction.Value, fixDirection(kr))
			}
		}
		return
	}
	var ups, downs []string
	for kr := range krs {
		if d, ok := kr.ImpliedDirection(); ok {
			what := quote(kr.ID.Value) + " (" + impliedBy(kr) + ")"
			if d == plan.Down {
				downs = append(downs, what)
			} else {
				ups = append(ups, what)
			}
		}
	}
	if len(ups) > 0 && len(downs) > 0 {
		c.ReportKPI(k, k.Pos, "KPI %s states no direction, and the key results linked to it disagree: %s up, %s down; add direction: up or down to the KPI and fix the key results that run against it",
			quote(k.ID.Value), strings.Join(ups, ", "), strings.Join(downs, ", "))
	}
}

// impliedBy says what gives a key result its direction: "start 80, target 75" or "direction: down".
func impliedBy(kr *plan.KeyResult) string {
	if kr.Type.Value == plan.Maintain {
		return "direction: " + string(kr.HoldDirection().Value)
	}
	return "start " + num(kr.Start.Value) + ", target " + num(kr.Target.Value)
}

// directionPos is where a key result states its direction: its target, or a maintain key
// result's direction.
func directionPos(kr *plan.KeyResult) plan.Pos {
	if kr.Type.Value == plan.Maintain {
		return kr.HoldDirection().Pos
	}
	return kr.Target.Pos
}

// fixDirection is the advice for a key result whose direction runs against its KPI's.
func fixDirection(kr *plan.KeyResult) string {
	if kr.Type.Value == plan.Maintain {
		return "change its direction"
	}
	return "swap start and target"
}
