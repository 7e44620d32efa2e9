package lint

import (
	"fmt"
	"strings"
	"testing"

	"github.com/okr-tool/okr/plan"
)

// The cases of each rule that its examples (Info.Bad and Info.Good, run by TestExamples) do not
// cover: other messages, positions, edge cases and settings, one table per rule. A new rule needs
// none; add cases here when its examples cannot show a behaviour.

func TestKPIAnnualTarget(t *testing.T) {
	at := func(v string) string { return liveKPI("nps", "annual_target: "+v) }
	checkRule(t, "kpi-annual-target", []ruleCase{
		{"steady", plans("q1.yaml", quarter("2026-Q1", at("50")), "q2.yaml", quarter("2026-Q2", at("50.0"))), nil},
		{"a new year may change it", plans("q4.yaml", quarter("2026-Q4", at("50")), "q1.yaml", quarter("2027-Q1", at("55"))), nil},
		{"changed once, reported once", plans(
			"q1.yaml", quarter("2026-Q1", at("50")), "q2.yaml", quarter("2026-Q2", at("45")),
			"q3.yaml", quarter("2026-Q3", liveKPI("nps")), "q4.yaml", quarter("2026-Q4", at("45"))),
			[]string{`q2.yaml:4:86: annual target of KPI "nps" changed from 50 (2026-Q1 in q1.yaml) to 45 in 2026-Q2; keep the year's target steady and adjust the quarter's target instead`}},
		{"against the annual plan's target", plans("y.yaml", quarter("2026", liveKPI("nps")), "q2.yaml", quarter("2026-Q2", at("12"))),
			[]string{`q2.yaml:4:86: annual target of KPI "nps" changed from 10 (2026 in y.yaml) to 12 in 2026-Q2; keep the year's target steady and adjust the quarter's target instead`}},
	})
}

func TestKPIBaseline(t *testing.T) {
	withKR := func(period, start, extraKR, extraKPI string) string {
		kpi := liveKPI("nps")
		if extraKPI != "" {
			kpi = liveKPI("nps", extraKPI)
		}
		return "period: " + period + "\nscope: sales\nkpis:\n  - {" + kpi + "}\nobjectives:\n  - id: grow\n    title: Grow\n    key_results:\n" +
			kr("promoters", start, "60", "kpi: nps"+extraKR)
	}
	checkRule(t, "kpi-baseline", []ruleCase{
		{"starts where it ended, across the year end", plans("q4.yaml", withKR("2026-Q4", "40", ", current: 48", "actual: 1"), "q1.yaml", withKR("2027-Q1", "48", "", "actual: 1")), nil},
		{"no reading last quarter", plans("q4.yaml", withKR("2026-Q4", "40", "", ""), "q1.yaml", withKR("2027-Q1", "33", "", "")), nil},
		{"not in the plan before", plans("q3.yaml", withKR("2026-Q3", "40", ", current: 48", "actual: 1"), "q1.yaml", withKR("2027-Q1", "33", "", "actual: 1")), nil},
		{"from the key result's current", plans("q4.yaml", withKR("2026-Q4", "40", ", current: 48", "actual: 1"), "q1.yaml", withKR("2027-Q1", "45", "", "actual: 1")),
			[]string{`q1.yaml:9:50: key result "promoters" starts at 45, but KPI "nps" ended 2026-Q4 at 48 (q4.yaml); set start: 48 and base the target on it`}},
		{"from the KPI's actual", plans("q4.yaml", quarter("2026-Q4", liveKPI("nps", "actual: 47")), "q1.yaml", withKR("2027-Q1", "45", "", "actual: 1")),
			[]string{`q1.yaml:9:50: key result "promoters" starts at 45, but KPI "nps" ended 2026-Q4 at 47 (q4.yaml); set start: 47 and base the target on it`}},
		// An effort key result measures nothing: the reading is the current of the outcome key
		// result that links the KPI, even when an effort key result names it first.
		{"from the outcome key result, not an effort one", plans(
			"q4.yaml", "period: 2026-Q4\nscope: sales\nkpis:\n  - {"+liveKPI("nps", "actual: 47")+"}\nobjectives:\n  - id: grow\n    title: Grow\n    key_results:\n"+
				"      - {id: survey, title: survey, type: effort, progress: 0.5, kpi: nps}\n"+kr("promoters", "40", "60", "kpi: nps", "current: 48"),
			"q1.yaml", withKR("2027-Q1", "47", "", "actual: 1")),
			[]string{`q1.yaml:9:50: key result "promoters" starts at 47, but KPI "nps" ended 2026-Q4 at 48 (q4.yaml); set start: 48 and base the target on it`}},
	})
}

func TestKPICadence(t *testing.T) {
	kpi := func(freq string) string { return "id: nps, name: NPS, source: CRM, target: 1, frequency: " + freq }
	checkRule(t, "kpi-cadence", []ruleCase{
		{"daily", onePlan(quarter("2026-Q3", kpi("daily"))), nil},
		{"monthly", onePlan(quarter("2026-Q3", kpi("monthly"))), nil},
		{"retired", onePlan(quarter("2026-Q3", "id: nps, name: NPS, frequency: yearly, retired: replaced")), nil},
		{"quarterly points at the frequency", onePlan(quarter("2026-Q3", kpi("quarterly"))),
			[]string{`plan.yaml:4:61: KPI "nps" is reported quarterly; report it at least monthly so a slip shows before the period ends`}},
	})
	quarterly := newKPICadence()
	quarterly.slowest = plan.Quarterly
	checkConfiguredRule(t, quarterly, []ruleCase{
		{"slowest: quarterly allows quarterly", onePlan(quarter("2026-Q3", kpi("quarterly"))), nil},
		{"slowest: quarterly, yearly", onePlan(quarter("2026-Q3", kpi("yearly"))),
			[]string{`plan.yaml:4:61: KPI "nps" is reported yearly; report it at least quarterly so a slip shows before the period ends`}},
	})
}

func TestKPICadenceValidate(t *testing.T) {
	r := newKPICadence()
	r.slowest = plan.Frequency("hourly")
	if r.Validate() == nil {
		t.Error("Validate accepts an unknown frequency")
	}
}

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

func TestKPICount(t *testing.T) {
	company := func(scope string, n int, extra ...string) Example {
		kpis := extra
		for i := range n {
			kpis = append(kpis, liveKPI(fmt.Sprintf("k%d", i)))
		}
		return onePlan(strings.Replace(quarter("2026-Q3", kpis...), "scope: sales", "scope: "+scope, 1))
	}
	checkRule(t, "kpi-count", []ruleCase{
		{"five", company("company", 5), nil},
		{"seven", company("company", 7), nil},
		{"teams are not counted", company("sales", 1), nil},
		{"retired KPIs do not count", company("company", 4, "id: old, name: Old, retired: replaced"),
			[]string{`plan.yaml:3:1: company plan "company" for 2026-Q3 has 4 live KPIs; choose 5 to 7 KPIs that best show how the company performs (add them under kpis:)`}},
		{"eight", company("company", 8),
			[]string{`plan.yaml:3:1: company plan "company" for 2026-Q3 has 8 live KPIs; keep 5 to 7 KPIs, the essential measures, and track the rest as key results or retire them`}},
		{"no kpis key points at the first key", onePlan("# The company's plan.\n\nperiod: 2026\nscope: company\nobjectives: []\n"),
			[]string{`plan.yaml:3:1: company plan "company" for 2026 has 0 live KPIs; choose 5 to 7 KPIs that best show how the company performs (add them under kpis:)`}},
	})
}

func TestKPICountLevels(t *testing.T) {
	r := newKPICount()
	r.levels = []plan.Level{plan.LevelTeam}
	r.min, r.max = 1, 2
	repo := plan.LoadSources("", []plan.Source{{File: "p.yaml", Named: true, Data: []byte(quarter("2026-Q3"))}}, 1)
	res := Run(repo, Options{Rules: []Rule{r}})
	if len(res.Findings) != 1 || !strings.Contains(res.Findings[0].Message, `team plan "sales" for 2026-Q3 has 0 live KPIs; choose 1 to 2 KPIs`) {
		t.Errorf("findings = %+v", res.Findings)
	}
	r.levels = []plan.Level{"division"}
	if r.Validate() == nil {
		t.Error("Validate accepts an unknown level")
	}
}

func TestKPIEffort(t *testing.T) {
	head := "period: 2026-Q3\nscope: sales\nkpis:\n  - {" + liveKPI("crm") + "}\nobjectives:\n  - id: grow\n    title: Grow\n    key_results:\n"
	checkRule(t, "kpi-effort", []ruleCase{
		{"outcome KPI", onePlan(head + kr("a", "1", "2", "kpi: crm")), nil},
		{"effort KPI points at kpi", onePlan(head + "      - {id: go-live, title: Go live, type: effort, due: 2026-09-30, kpi: crm}\n"),
			[]string{`plan.yaml:9:70: effort key result "go-live" is marked as KPI "crm", but only outcome key results can be KPIs; remove kpi: or make it an outcome with start and target`}},
	})
}

func TestKPIEveryKR(t *testing.T) {
	head := "period: 2026-Q3\nscope: sales\nkpis:\n  - {" + liveKPI("a") + "}\n  - {" + liveKPI("b") + "}\nobjectives:\n  - id: grow\n    title: Grow\n    key_results:\n"
	checkRule(t, "kpi-every-kr", []ruleCase{
		{"some", onePlan(head + kr("x", "1", "2", "kpi: a") + kr("y", "1", "2")), nil},
		{"a single key result is kr-count's business", onePlan(head + kr("x", "1", "2", "kpi: a")), nil},
		{"all", onePlan(head + kr("x", "1", "2", "kpi: a") + kr("y", "1", "2", "kpi: b")),
			[]string{`plan.yaml:7:5: every key result of objective "grow" is marked as a KPI; keep kpi: on the few essential outcome measures and remove it from the others`}},
	})
}

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

func TestKPINewMidyear(t *testing.T) {
	a, b := liveKPI("a"), liveKPI("b")
	checkRule(t, "kpi-new-midyear", []ruleCase{
		{"steady", plans("q1.yaml", quarter("2026-Q1", a), "q2.yaml", quarter("2026-Q2", a)), nil},
		{"new in the first quarter of the next year", plans("q4.yaml", quarter("2026-Q4", a), "q1.yaml", quarter("2027-Q1", a, b)), nil},
		{"a scope's first plan may start mid-year", plans("q3.yaml", quarter("2026-Q3", a)), nil},
		{"listed in the annual plan", plans("y.yaml", quarter("2026", b), "q1.yaml", quarter("2026-Q1", a), "q2.yaml", quarter("2026-Q2", a, b)), nil},
		{"tracked earlier in the year", plans("q1.yaml", quarter("2026-Q1", a, b), "q2.yaml", quarter("2026-Q2", a), "q3.yaml", quarter("2026-Q3", a, b)), nil},
		{"new in the second quarter", plans("q1.yaml", quarter("2026-Q1", a), "q2.yaml", quarter("2026-Q2", a, b)),
			[]string{`q2.yaml:5:5: KPI "b" is new in 2026-Q2, after the first plan of 2026 for scope "sales" (2026-Q1); keep the year's KPIs steady: track it as a key result for now and make it a KPI from 2027-Q1`}},
		{"a retired newcomer is fine", plans("q1.yaml", quarter("2026-Q1", a), "q2.yaml", quarter("2026-Q2", a, "id: b, name: B, retired: tried it")), nil},
	})
}

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

func TestKPITarget(t *testing.T) {
	noTarget := "id: nps, name: NPS, source: CRM, frequency: monthly"
	linked := func(kr string) Example {
		return onePlan("period: 2026-Q3\nscope: sales\nkpis:\n  - {" + noTarget + "}\nobjectives:\n  - id: grow\n    title: Grow\n    key_results:\n" + kr)
	}
	checkRule(t, "kpi-target", []ruleCase{
		{"own target", onePlan(quarter("2026-Q3", noTarget+", target: 40")), nil},
		{"linked outcome key result", linked(kr("a", "30", "40", "kpi: nps")), nil},
		{"annual plan with annual_target", onePlan(quarter("2026", noTarget+", annual_target: 45")), nil},
		{"retired", onePlan(quarter("2026-Q3", "id: nps, name: NPS, retired: replaced")), nil},
		{"linked key result without target", linked("      - {id: a, title: A, start: 30, kpi: nps}\n"),
			[]string{`plan.yaml:4:5: KPI "nps" has no target for 2026-Q3; add target: <number>, or link an outcome key result to it with kpi: nps`}},
		{"annual_target is not the quarter's target", onePlan(quarter("2026-Q3", noTarget+", annual_target: 45")),
			[]string{`plan.yaml:4:5: KPI "nps" has no target for 2026-Q3; add target: <number>, or link an outcome key result to it with kpi: nps`}},
	})
	checkRuleOnInvalidPlans(t, "kpi-target", []ruleCase{
		{"invalid period", onePlan("period: 2026-Q9\nscope: sales\nkpis:\n  - {" + noTarget + "}\nobjectives: []\n"),
			[]string{`plan.yaml:4:5: KPI "nps" has no target; add target: <number>, or link an outcome key result to it with kpi: nps`}},
	})
}

func TestKRCount(t *testing.T) {
	head := "period: 2026-Q3\nscope: sales\nobjectives:\n  - id: grow\n    title: Grow\n"
	checkRule(t, "kr-count", []ruleCase{
		{"three is enough", onePlan(head + "    key_results:\n" + kr("a", "1", "2") + kr("b", "1", "2") + kr("c", "1", "2")), nil},
		{"five is the most", onePlan(head + "    key_results:\n" + kr("a", "1", "2") + kr("b", "1", "2") + kr("c", "1", "2") + kr("d", "1", "2") + kr("e", "1", "2")), nil},
		{"two points at key_results", onePlan(head + "    key_results:\n" + kr("a", "1", "2") + kr("b", "1", "2")),
			[]string{`plan.yaml:6:5: objective "grow" has 2 key results; give it 3 to 5 key results so its outcome is measurable`}},
		{"none points at the objective", onePlan(head),
			[]string{`plan.yaml:4:5: objective "grow" has 0 key results; give it 3 to 5 key results so its outcome is measurable`}},
		{"six", onePlan(head + "    key_results:\n" + kr("a", "1", "2") + kr("b", "1", "2") + kr("c", "1", "2") + kr("d", "1", "2") + kr("e", "1", "2") + kr("f", "1", "2")),
			[]string{`plan.yaml:6:5: objective "grow" has 6 key results; keep at most 5 (drop 1 or move them to another objective) so it stays focused`}},
	})
}

func TestKRCountConfigured(t *testing.T) {
	r := newKRCount()
	r.min, r.max = 1, 2
	if err := r.Validate(); err != nil {
		t.Fatal(err)
	}
	r.min = 3
	if err := r.Validate(); err == nil {
		t.Error("Validate accepts min 3 above max 2")
	}
}

func TestKRDue(t *testing.T) {
	plan := func(period, due string) Example {
		return onePlan("period: " + period + "\nscope: sales\nobjectives:\n  - id: grow\n    title: Grow\n    key_results:\n" +
			"      - {id: crm, title: CRM, type: effort" + due + "}\n")
	}
	checkRule(t, "kr-due", []ruleCase{
		{"first day", plan("2026-Q3", ", due: 2026-07-01"), nil},
		{"last day", plan("2026-Q3", ", due: 2026-09-30"), nil},
		{"annual plan", plan("2026", ", due: 2026-11-30"), nil},
		{"day after", plan("2026-Q3", ", due: 2026-10-01"),
			[]string{`plan.yaml:7:50: effort key result "crm" is due 2026-10-01, outside 2026-Q3 (2026-07-01 to 2026-09-30); move the date into the period or the key result into the plan of 2026-Q4`}},
		{"before the period", plan("2027-Q1", ", due: 2026-12-31"),
			[]string{`plan.yaml:7:50: effort key result "crm" is due 2026-12-31, outside 2027-Q1 (2027-01-01 to 2027-03-31); move the date into the period or the key result into the plan of 2026-Q4`}},
		{"no due date", plan("2026-Q3", ""),
			[]string{`plan.yaml:7:9: effort key result "crm" has no due date; add due: YYYY-MM-DD inside 2026-Q3 (by 2026-09-30)`}},
	})
}

func TestKRQuantified(t *testing.T) {
	head := "period: 2026-Q3\nscope: sales\nobjectives:\n  - id: grow\n    title: Grow\n    key_results:\n"
	checkRule(t, "kr-quantified", []ruleCase{
		{"decreasing metric", onePlan(head + kr("cycle", "10", "4")), nil},
		{"effort is not quantified", onePlan(head + "      - {id: crm, title: CRM, type: effort, due: 2026-09-30}\n"), nil},
		{"equal start and target point at target", onePlan(head + kr("flat", "5", "5")),
			[]string{`plan.yaml:7:51: outcome key result "flat" has target 5 equal to its start; set the value it should reach by the end of the period, or, to hold the level, write type: maintain, threshold: 5 and direction: up or down instead of start and target`}},
		{"missing start", onePlan(head + "      - {id: up, title: Up, target: 5}\n"),
			[]string{`plan.yaml:7:9: outcome key result "up" has no start; add start: <baseline> (the value when the period began)`}},
		{"missing target", onePlan(head + "      - {id: up, title: Up, start: 5}\n"),
			[]string{`plan.yaml:7:9: outcome key result "up" has no target; add target: <goal> for the end of the period`}},
		{"neither start nor target", onePlan(head + "      - {id: up, title: Up}\n"),
			[]string{`plan.yaml:7:9: outcome key result "up" has neither start nor target; add start: <baseline> and target: <goal>, or make it type: effort with a due date`}},
	})
	checkRuleOnInvalidPlans(t, "kr-quantified", []ruleCase{
		{"a start written as text is the schema's finding", onePlan(head + "      - {id: up, title: Up, start: 5%, target: 9}\n"), nil},
	})
}

// The load-time rules report the diagnostics of package plan; these tests pin that each reaches
// the findings under its own rule ID.

func TestYAMLSyntax(t *testing.T) {
	checkRule(t, "yaml-syntax", []ruleCase{
		{"tab indentation", onePlan("period: 2026-Q3\nscope: sales\nobjectives:\n\t- id: x\n"),
			[]string{"plan.yaml:4:2: invalid YAML: found character that cannot start any token; fix the YAML syntax there"}},
	})
}

func TestSchema(t *testing.T) {
	checkRule(t, "schema", []ruleCase{
		{"missing scope", onePlan("period: 2026-Q3\nobjectives: []\n"),
			[]string{`plan.yaml:1:1: the plan has no scope; add "scope: …"`}},
		{"misspelt frequency", onePlan(quarter("2026-Q3", "id: nps, name: NPS, source: CRM, target: 1, frequency: montly")),
			[]string{`plan.yaml:4:61: frequency "montly" is not valid (did you mean "monthly"?); use one of daily, weekly, monthly, quarterly, yearly`}},
	})
}

func TestDuplicateID(t *testing.T) {
	head := "period: 2026-Q3\nscope: sales\nobjectives:\n  - id: grow\n    title: Grow\n    key_results:\n"
	checkRule(t, "duplicate-id", []ruleCase{
		{"two plans for one scope and period", plans("a.yaml", quarter("2026-Q3"), "b.yaml", quarter("2026-Q3")),
			[]string{`b.yaml:2:1: plan "sales" for 2026-Q3 is already defined in a.yaml; merge the two files or change the scope or period of one`}},
		{"key result id used twice", onePlan(head + kr("a", "1", "2") + kr("b", "1", "2") + kr("a", "3", "4")),
			[]string{`plan.yaml:9:14: key result id "a" is already used on line 7 of this plan; ids must be unique in a plan`}},
	})
}

func TestReference(t *testing.T) {
	checkRule(t, "reference", []ruleCase{
		{"aligns to an objective of the annual plan", plans(
			"y.yaml", "period: 2026\nscope: company\nobjectives:\n  - {id: grow, title: Grow}\n",
			"q.yaml", "period: 2026-Q3\nscope: sales\nparent: company\nobjectives:\n  - {id: a, title: A, aligns_to: company/grow}\n"), nil},
		{"aligns to nothing", plans("q.yaml", "period: 2026-Q3\nscope: sales\nobjectives:\n  - {id: a, title: A, aligns_to: company/grow}\n"),
			[]string{`q.yaml:4:34: aligns_to "company/grow": no plan has scope "company"; use "<scope>/<objective id>" of an existing plan`}},
		{"misspelt parent", plans(
			"revenue.yaml", "period: 2026-Q3\nscope: revenue\nobjectives: []\n",
			"sales.yaml", "period: 2026-Q3\nscope: sales\nparent: revenu\nobjectives: []\n"),
			[]string{`sales.yaml:3:9: parent "revenu" is not the scope of any plan (did you mean "revenue"?); name an existing scope or remove "parent"`}},
		{"misspelt objective", plans(
			"revenue.yaml", "period: 2026-Q3\nscope: revenue\nobjectives:\n  - {id: grow, title: Grow}\n",
			"sales.yaml", "period: 2026-Q3\nscope: sales\nparent: revenue\nobjectives:\n  - {id: a, title: A, aligns_to: revenue/grwo}\n"),
			[]string{`sales.yaml:5:34: aligns_to "revenue/grwo": no objective "grwo" in a "revenue" plan for 2026-Q3 or 2026 (did you mean "revenue/grow"?); name an objective of that plan`}},
		{"misspelt kpi", onePlan("period: 2026-Q3\nscope: sales\nkpis:\n  - {" + liveKPI("client-retention") + "}\nobjectives:\n  - id: grow\n    title: Grow\n    key_results:\n" +
			kr("a", "1", "2", "kpi: client-retension")),
			[]string{`plan.yaml:9:53: kpi "client-retension" is not a KPI of this plan (did you mean "client-retention"?); add it under kpis: or fix the id`}},
	})
}

func TestObjectiveCount(t *testing.T) {
	objectives := func(n int, head ...string) Example {
		s := "period: 2026-Q3\nscope: sales\nobjectives:\n"
		if len(head) > 0 {
			s = head[0] + "objectives:\n"
		}
		for i := range n {
			s += "  - {id: o" + string(rune('a'+i)) + ", title: O}\n"
		}
		return onePlan(s)
	}
	checkRule(t, "objective-count", []ruleCase{
		{"five", objectives(5), nil},
		{"seven points at objectives", objectives(7),
			[]string{`plan.yaml:3:1: plan "sales" for 2026-Q3 has 7 objectives; keep at most 5 (merge or drop 2) so each gets the focus it needs`}},
	})
	checkRuleOnInvalidPlans(t, "objective-count", []ruleCase{
		{"without scope or period", objectives(6, "period: 2026-Q5\n"),
			[]string{`plan.yaml:2:1: this plan has 6 objectives; keep at most 5 (merge or drop 1) so each gets the focus it needs`}},
	})
	three := newObjectiveCount()
	three.max = 3
	checkConfiguredRule(t, three, []ruleCase{
		{"max: 3, five", objectives(5),
			[]string{`plan.yaml:3:1: plan "sales" for 2026-Q3 has 5 objectives; keep at most 3 (merge or drop 2) so each gets the focus it needs`}},
	})
	r := newObjectiveCount()
	r.max = 0
	if err := r.Validate(); err == nil || !strings.Contains(err.Error(), "at least 1") {
		t.Errorf("Validate() = %v", err)
	}
}

func TestScoreRange(t *testing.T) {
	head := "period: 2026-Q3\nscope: sales\nobjectives:\n  - id: grow\n    title: Grow\n    key_results:\n"
	effort := func(extra string) Example {
		return onePlan(head + "      - {id: crm, title: CRM, type: effort, due: 2026-09-30" + extra + "}\n")
	}
	checkRule(t, "score-range", []ruleCase{
		{"bounds are fine", onePlan(head + kr("a", "1", "2", "score: 0") + kr("b", "1", "2", "score: 1")), nil},
		{"progress 1 and done", effort(", progress: 1, done: true"), nil},
		{"done without progress", effort(", done: true"), nil},
		{"progress as a percentage", effort(", progress: 45"),
			[]string{`plan.yaml:7:72: key result "crm" has progress 45; progress is a share from 0 to 1 (45% is 0.45)`}},
		{"negative progress", effort(", progress: -0.1"),
			[]string{`plan.yaml:7:72: key result "crm" has progress -0.1; progress is a share from 0 to 1`}},
		{"score above 1", onePlan(head + kr("a", "1", "2", "score: 1.2")),
			[]string{`plan.yaml:7:55: key result "a" has score 1.2; a score is a grade from 0 to 1 (e.g. 0.7), or remove it to have it computed`}},
		{"done with progress below 1", effort(", done: true, progress: 0.5"),
			[]string{`plan.yaml:7:84: key result "crm" is done but has progress 0.5; set progress: 1 or remove it, or remove done: true`}},
	})
}
