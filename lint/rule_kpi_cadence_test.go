package lint

import (
	"testing"

	"github.com/okr-tool/okr/plan"
)

func TestKPICadence(t *testing.T) {
	kpi := func(freq string) string { return "id: nps, name: NPS, source: CRM, target: 1, frequency: " + freq }
	checkRule(t, "kpi-cadence", []ruleCase{
		{"daily", onePlan(quarter("2026-Q3", kpi("daily"))), nil},
		{"monthly", onePlan(quarter("2026-Q3", kpi("monthly"))), nil},
		{"retired", onePlan(quarter("2026-Q3", "id: nps, name: NPS, frequency: yearly, retired: replaced")), nil},
		{"quarterly points at the frequency", onePlan(quarter("2026-Q3", kpi("quarterly"))),
			[]string{`plan.yaml:4:61: KPI "nps" is reported quarterly; report it at least monthly so a slip shows before the period ends`}},
	})
}

func TestKPICadenceValidate(t *testing.T) {
	r := newKPICadence()
	r.slowest = plan.Frequency("hourly")
	if r.Validate() == nil {
		t.Error("Validate accepts an unknown frequency")
	}
}
