package lint

import "testing"

func TestKPIFrequency(t *testing.T) {
	checkRule(t, "kpi-frequency", []ruleCase{
		{"has one", onePlan(quarter("2026-Q3", liveKPI("nps"))), nil},
		{"retired needs none", onePlan(quarter("2026-Q3", "id: nps, name: NPS, retired: replaced")), nil},
		{"missing", onePlan(quarter("2026-Q3", "id: nps, name: NPS, source: CRM, target: 1")),
			[]string{`plan.yaml:4:5: KPI "nps" has no reporting frequency; add frequency: with one of daily, weekly, monthly, quarterly or yearly`}},
	})
	checkRuleOnInvalidPlans(t, "kpi-frequency", []ruleCase{
		{"a misspelled one is the schema's finding", onePlan(quarter("2026-Q3", "id: nps, name: NPS, source: CRM, frequency: montly, target: 1")), nil},
	})
}
