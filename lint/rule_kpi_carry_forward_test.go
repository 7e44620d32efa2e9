package lint

import "testing"

func TestKPICarryForward(t *testing.T) {
	k := liveKPI("nps")
	missing := func(period, since string) string {
		return `KPI "nps" (tracked since ` + since + ` in ` + since + `.yaml) is missing from ` + period + `; carry it forward or add it with retired: <reason>`
	}
	checkRule(t, "kpi-carry-forward", []ruleCase{
		{"four quarters across the year end", plans(
			"2026-Q3.yaml", quarter("2026-Q3", k), "2026-Q4.yaml", quarter("2026-Q4", k),
			"2027-Q1.yaml", quarter("2027-Q1", k), "2027-Q2.yaml", quarter("2027-Q2", k),
			"2027-Q3.yaml", quarter("2027-Q3")), nil},
		{"dropped in the fourth quarter", plans(
			"2026-Q3.yaml", quarter("2026-Q3", k), "2026-Q4.yaml", quarter("2026-Q4", k),
			"2027-Q1.yaml", quarter("2027-Q1", k), "2027-Q2.yaml", quarter("2027-Q2")),
			[]string{"2027-Q2.yaml:3:1: " + missing("2027-Q2", "2026-Q3")}},
		{"retired", plans(
			"2026-Q3.yaml", quarter("2026-Q3", k), "2026-Q4.yaml", quarter("2026-Q4", "id: nps, name: NPS, retired: replaced"),
			"2027-Q1.yaml", quarter("2027-Q1")), nil},
		{"back after retirement is new again", plans(
			"2026-Q3.yaml", quarter("2026-Q3", k), "2026-Q4.yaml", quarter("2026-Q4", "id: nps, name: NPS, retired: replaced"),
			"2027-Q1.yaml", quarter("2027-Q1", k), "2027-Q2.yaml", quarter("2027-Q2")),
			[]string{"2027-Q2.yaml:3:1: " + missing("2027-Q2", "2027-Q1")}},
		{"no next plan, nothing to carry into", plans(
			"2026-Q3.yaml", quarter("2026-Q3", k), "2027-Q1.yaml", quarter("2027-Q1")), nil},
		{"annual plans take no part", plans(
			"2025-Q4.yaml", quarter("2025-Q4", k), "2026.yaml", quarter("2026", k), "2026-Q1.yaml", quarter("2026-Q1")),
			[]string{"2026-Q1.yaml:3:1: " + missing("2026-Q1", "2025-Q4")}},
		{"other scopes are separate", plans(
			"2026-Q3.yaml", quarter("2026-Q3", k), "support.yaml", "period: 2026-Q4\nscope: support\nobjectives: []\n"), nil},
		{"two KPIs are two findings, at the first key without kpis", plans(
			"2026-Q3.yaml", quarter("2026-Q3", k, liveKPI("csat")), "2026-Q4.yaml", "# sales\nperiod: 2026-Q4\nscope: sales\n"),
			[]string{
				`2026-Q4.yaml:2:1: KPI "csat" (tracked since 2026-Q3 in 2026-Q3.yaml) is missing from 2026-Q4; carry it forward or add it with retired: <reason>`,
				"2026-Q4.yaml:2:1: " + missing("2026-Q4", "2026-Q3"),
			}},
	})
}

func TestKPICarryForwardQuarters(t *testing.T) {
	r := newKPICarryForward()
	r.quarters = 2
	k := liveKPI("nps")
	ex := plans("2026-Q3.yaml", quarter("2026-Q3", k), "2026-Q4.yaml", quarter("2026-Q4", k), "2027-Q1.yaml", quarter("2027-Q1"))
	if got := RunExample([]Rule{r}, r.ID, ex); len(got) != 0 {
		t.Errorf("with quarters: 2, a KPI tracked twice may stop: %v", got)
	}
}
