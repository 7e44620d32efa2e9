package lint

import "testing"

func TestKPISource(t *testing.T) {
	checkRule(t, "kpi-source", []ruleCase{
		{"has a source", onePlan(quarter("2026-Q3", liveKPI("nps"))), nil},
		{"retired needs none", onePlan(quarter("2026-Q3", "id: nps, name: NPS, retired: replaced")), nil},
		{"missing points at the KPI", onePlan(quarter("2026-Q3", "id: nps, name: NPS, frequency: monthly, target: 1")),
			[]string{`plan.yaml:4:5: KPI "nps" has no data source; add source: <the report or system the number comes from>`}},
		{"blank", onePlan(quarter("2026-Q3", "id: nps, name: NPS, source: '  ', frequency: monthly, target: 1")),
			[]string{`plan.yaml:4:26: KPI "nps" has an empty source; name the report or system the number comes from`}},
	})
}
