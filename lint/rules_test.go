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

// levelPlan renders an empty quarter plan of scope at level (none when ""), with parent
// (none when "") and objectives ("id" or "id>scope/target").
func levelPlan(scope, level, parent string, objectives ...string) string {
	s := "period: 2026-Q3\nscope: " + scope + "\n"
	if level != "" {
		s += "level: " + level + "\n"
	}
	if parent != "" {
		s += "parent: " + parent + "\n"
	}
	s += "objectives:\n"
	if len(objectives) == 0 {
		s = strings.TrimSuffix(s, "\n") + " []\n"
	}
	for _, o := range objectives {
		id, to, ok := strings.Cut(o, ">")
		s += "  - {id: " + id + ", title: " + id
		if ok {
			s += ", aligns_to: " + to
		}
		s += "}\n"
	}
	return s
}

func TestParentLevel(t *testing.T) {
	checkRule(t, "parent-level", []ruleCase{
		{"person to team to company", plans("c.yaml", levelPlan("company", "", ""), "s.yaml", levelPlan("sales", "", "company"),
			"a.yaml", levelPlan("ana", "individual", "sales")), nil},
		{"teams nest", plans("c.yaml", levelPlan("revenue", "team", ""), "s.yaml", levelPlan("sales", "team", "revenue")), nil},
		{"a person's plan under the company", plans("c.yaml", levelPlan("company", "", ""), "a.yaml", levelPlan("ana", "individual", "company")), nil},
		{"a team under a person", plans("a.yaml", levelPlan("ana", "individual", ""), "s.yaml", levelPlan("sales", "", "ana")),
			[]string{`s.yaml:3:9: parent "ana" is an individual plan, below this team plan; name the plan it rolls up to, at the team or company level`}},
		{"a person under a person", plans("a.yaml", levelPlan("ana", "individual", ""), "b.yaml", levelPlan("ben", "individual", "ana")),
			[]string{`b.yaml:4:9: parent "ana" is an individual plan, at the level of this individual plan; name the plan it rolls up to, at the team or company level`}},
		{"the company under a team", plans("c.yaml", levelPlan("company", "", "sales"), "s.yaml", levelPlan("sales", "", "")),
			[]string{`c.yaml:3:9: parent "sales" is a team plan, below this company plan; name the plan it rolls up to, at the company level`}},
		{"the parent's annual plan stands for it", plans("a.yaml", strings.Replace(levelPlan("ana", "individual", ""), "2026-Q3", "2026", 1),
			"s.yaml", levelPlan("sales", "", "ana")),
			[]string{`s.yaml:3:9: parent "ana" is an individual plan, below this team plan; name the plan it rolls up to, at the team or company level`}},
		{"an unknown parent is the reference rule's", plans("s.yaml", levelPlan("sales", "", "nobody")), nil},
	})
}

func TestAlignmentCycle(t *testing.T) {
	checkRule(t, "alignment-cycle", []ruleCase{
		{"a chain up to the top", plans("c.yaml", levelPlan("company", "", "", "grow"), "s.yaml", levelPlan("sales", "", "company", "a>company/grow"),
			"a.yaml", levelPlan("ana", "individual", "sales", "x>sales/a")), nil},
		{"three in a ring, reported once at the first", plans("c.yaml", levelPlan("company", "", "", "grow>ana/x"), "s.yaml", levelPlan("sales", "", "company", "a>company/grow"),
			"a.yaml", levelPlan("ana", "individual", "sales", "x>sales/a")),
			[]string{`a.yaml:6:34: aligns_to makes a cycle: ana/x → sales/a → company/grow → ana/x; the objective at the top of the chain aligns to nothing`}},
		{"a chain that runs into a ring", plans("s.yaml", levelPlan("sales", "", "", "a>sales/b", "b>sales/c", "c>sales/b")),
			[]string{`s.yaml:5:34: aligns_to makes a cycle: sales/b → sales/c → sales/b; the objective at the top of the chain aligns to nothing`}},
	})
	checkRuleOnInvalidPlans(t, "alignment-cycle", []ruleCase{
		{"to itself is the reference rule's", plans("s.yaml", levelPlan("sales", "", "", "a>sales/a")), nil},
	})
}

func TestAlignmentLevel(t *testing.T) {
	checkRule(t, "alignment-level", []ruleCase{
		{"up and across", plans("c.yaml", levelPlan("company", "", "", "grow"), "s.yaml", levelPlan("sales", "", "company", "a>company/grow"),
			"m.yaml", levelPlan("marketing", "", "company", "m>sales/a"), "a.yaml", levelPlan("ana", "individual", "sales", "x>sales/a")), nil},
		{"a team to a person", plans("s.yaml", levelPlan("sales", "", "", "a>ana/x"), "a.yaml", levelPlan("ana", "individual", "sales", "x")),
			[]string{`s.yaml:4:34: objective "a" of a team plan aligns to "ana/x", an objective of an individual plan below it; align objectives upwards: write aligns_to: sales/a on the individual's objective instead`}},
	})
}

func TestEmptyPlan(t *testing.T) {
	checkRule(t, "empty-plan", []ruleCase{
		{"KPIs only", onePlan(quarter("2026-Q3", liveKPI("nps"))), nil},
		{"a KPI listed to retire it", onePlan(quarter("2026-Q3", "id: nps, name: NPS, retired: replaced")), nil},
		{"no keys for either, at the first key", onePlan("# sales\nperiod: 2026-Q3\nscope: sales\n"),
			[]string{`plan.yaml:2:1: plan "sales" for 2026-Q3 has neither objectives nor KPIs; add them under objectives: and kpis:, or delete the file until the plan exists`}},
		{"empty lists, at objectives", onePlan(quarter("2026-Q3")),
			[]string{`plan.yaml:4:1: plan "sales" for 2026-Q3 has neither objectives nor KPIs; add them under objectives: and kpis:, or delete the file until the plan exists`}},
	})
	checkRuleOnInvalidPlans(t, "empty-plan", []ruleCase{
		{"a list that did not load is the schema's finding", onePlan("period: 2026-Q3\nscope: sales\nobjectives: grow the business\n"), nil},
	})
}

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

// The cases are of quarters that have ended: a quarter still running has no final value to
// start from (TestKPIBaselineWaitsForTheQuarterToEnd).
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
		{"starts where it ended, across the year end", plans("q4.yaml", withKR("2025-Q4", "40", ", current: 48", "actual: 1"), "q1.yaml", withKR("2026-Q1", "48", "", "actual: 1")), nil},
		{"no reading last quarter", plans("q4.yaml", withKR("2025-Q4", "40", "", ""), "q1.yaml", withKR("2026-Q1", "33", "", "")), nil},
		{"not in the plan before", plans("q3.yaml", withKR("2025-Q3", "40", ", current: 48", "actual: 1"), "q1.yaml", withKR("2026-Q1", "33", "", "actual: 1")), nil},
		{"from the key result's current", plans("q4.yaml", withKR("2025-Q4", "40", ", current: 48", "actual: 1"), "q1.yaml", withKR("2026-Q1", "45", "", "actual: 1")),
			[]string{`q1.yaml:9:50: key result "promoters" starts at 45, but KPI "nps" ended 2025-Q4 at 48 (q4.yaml); set start: 48 and base the target on it`}},
		{"from the KPI's actual", plans("q4.yaml", quarter("2025-Q4", liveKPI("nps", "actual: 47")), "q1.yaml", withKR("2026-Q1", "45", "", "actual: 1")),
			[]string{`q1.yaml:9:50: key result "promoters" starts at 45, but KPI "nps" ended 2025-Q4 at 47 (q4.yaml); set start: 47 and base the target on it`}},
		// An effort key result measures nothing: the reading is the current of the outcome key
		// result that links the KPI, even when an effort key result names it first.
		{"from the outcome key result, not an effort one", plans(
			"q4.yaml", "period: 2025-Q4\nscope: sales\nkpis:\n  - {"+liveKPI("nps", "actual: 47")+"}\nobjectives:\n  - id: grow\n    title: Grow\n    key_results:\n"+
				"      - {id: survey, title: survey, type: effort, progress: 0.5, kpi: nps}\n"+kr("promoters", "40", "60", "kpi: nps", "current: 48"),
			"q1.yaml", withKR("2026-Q1", "47", "", "actual: 1")),
			[]string{`q1.yaml:9:50: key result "promoters" starts at 47, but KPI "nps" ended 2025-Q4 at 48 (q4.yaml); set start: 48 and base the target on it`}},
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
	withKPIs := func(head string, n int, extra ...string) Example {
		kpis := extra
		for i := range n {
			kpis = append(kpis, liveKPI(fmt.Sprintf("k%d", i)))
		}
		return onePlan(strings.Replace(quarter("2026-Q3", kpis...), "scope: sales\n", head, 1))
	}
	company := func(scope string, n int, extra ...string) Example {
		return withKPIs("scope: "+scope+"\n", n, extra...)
	}
	team := func(n int, head string) Example { return withKPIs("scope: sales\n"+head, n) }
	withObjective := func(ex Example) Example {
		ex[0].Text = strings.Replace(ex[0].Text, "objectives: []\n", "objectives:\n  - {id: grow, title: Grow}\n", 1)
		return ex
	}
	checkRule(t, "kpi-count", []ruleCase{
		{"five", company("company", 5), nil},
		{"seven", company("company", 7), nil},
		{"retired KPIs do not count", company("company", 4, "id: old, name: Old, retired: replaced"),
			[]string{`plan.yaml:3:1: company plan "company" for 2026-Q3 has 4 live KPIs; choose 5 to 7 KPIs that best show how the company performs (add them under kpis:)`}},
		{"eight", company("company", 8),
			[]string{`plan.yaml:3:1: company plan "company" for 2026-Q3 has 8 live KPIs; keep 5 to 7 KPIs, the essential measures, and track the rest as key results or retire them`}},
		{"no kpis key points at the first key", onePlan("# The company's plan.\n\nperiod: 2026\nscope: company\nobjectives:\n  - {id: grow, title: Grow}\n"),
			[]string{`plan.yaml:3:1: company plan "company" for 2026 has 0 live KPIs; choose 5 to 7 KPIs that best show how the company performs (add them under kpis:)`}},
		{"a lone plan is a team's", company("sales", 2), nil},
		{"level: company is top-level whatever its scope", withKPIs("scope: group\nlevel: company\n", 8),
			[]string{`plan.yaml:4:1: company plan "group" for 2026-Q3 has 8 live KPIs; keep 5 to 7 KPIs, the essential measures, and track the rest as key results or retire them`}},
		{"the root of a tree named otherwise", plans(
			"org.yaml", strings.Replace(quarter("2026-Q3", liveKPI("a")), "sales", "org", 1),
			"sales.yaml", strings.Replace(quarter("2026-Q3", liveKPI("a")), "scope: sales\n", "scope: sales\nparent: org\n", 1)),
			[]string{`org.yaml:3:1: top-level plan "org" for 2026-Q3 has 1 live KPI; choose 5 to 7 KPIs that best show how the organisation performs (add them under kpis:)`}},
		{"a team has its own range", team(3, ""), nil},
		{"an empty plan is empty-plan's alone", team(0, ""), nil},
		{"a team with none", withObjective(team(0, "")),
			[]string{`plan.yaml:3:1: team plan "sales" for 2026-Q3 has 0 live KPIs; choose 1 to 5 KPIs that best show how the team performs (add them under kpis:)`}},
		{"a team with six", team(6, "level: team\n"),
			[]string{`plan.yaml:4:1: team plan "sales" for 2026-Q3 has 6 live KPIs; keep 1 to 5 KPIs, the essential measures, and track the rest as key results or retire them`}},
		{"individual plans are not counted", team(0, "level: individual\n"), nil},
		{"a root with level: team is a team", plans(
			"org.yaml", strings.Replace(quarter("2026-Q3", liveKPI("a")), "scope: sales\n", "scope: org\nlevel: team\n", 1),
			"sales.yaml", strings.Replace(quarter("2026-Q3", liveKPI("a")), "scope: sales\n", "scope: sales\nparent: org\n", 1)), nil},
	})
}

func TestKPICountLevels(t *testing.T) {
	r := newKPICount()
	r.levels = []plan.Level{plan.LevelIndividual}
	r.teamMin, r.teamMax = 1, 2
	repo := plan.LoadSources("", []plan.Source{{File: "p.yaml", Named: true, Data: []byte(strings.Replace(strings.Replace(quarter("2026-Q3"), "scope: sales\n", "scope: ana\nlevel: individual\n", 1), "objectives: []\n", "objectives:\n  - {id: grow, title: Grow}\n", 1))}}, 1)
	res := Run(repo, Options{Rules: []Rule{r}})
	if len(res.Findings) != 1 || !strings.Contains(res.Findings[0].Message, `individual plan "ana" for 2026-Q3 has 0 live KPIs; choose 1 to 2 KPIs`) {
		t.Errorf("findings = %+v", res.Findings)
	}
	r.levels = []plan.Level{"division"}
	if r.Validate() == nil {
		t.Error("Validate accepts an unknown level")
	}
	r.levels = []plan.Level{plan.LevelTeam}
	r.teamMin = 3
	if err := r.Validate(); err == nil || !strings.Contains(err.Error(), "team_min") {
		t.Errorf("Validate() = %v for team_min 3 above team_max 2", err)
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
	head := "period: 2026-Q3\nscope: sales\nkpis:\n  - {" + liveKPI("a") + "}\n  - {" + liveKPI("b") + "}\n  - {" + liveKPI("c") + "}\n" +
		"objectives:\n  - id: grow\n    title: Grow\n    key_results:\n"
	effort := "      - {id: crm, title: CRM, type: effort, due: 2026-09-30}\n"
	all := kr("x", "1", "2", "kpi: a") + kr("y", "1", "2", "kpi: b") + kr("z", "1", "2", "kpi: c")
	checkRule(t, "kpi-every-kr", []ruleCase{
		{"some", onePlan(head + kr("x", "1", "2", "kpi: a") + kr("y", "1", "2") + kr("z", "1", "2", "kpi: c")), nil},
		{"all", onePlan(head + all),
			[]string{`plan.yaml:8:5: every outcome key result of objective "grow" (3) is marked as a KPI; keep kpi: on the few essential outcome measures and remove it from the others`}},
		{"all outcomes, beside an effort key result", onePlan(head + all + effort),
			[]string{`plan.yaml:8:5: every outcome key result of objective "grow" (3) is marked as a KPI; keep kpi: on the few essential outcome measures and remove it from the others`}},
		{"two outcomes, both KPIs, as in the OnStrategy worked example", onePlan(head + kr("x", "1", "2", "kpi: a") + kr("y", "1", "2", "kpi: b") + effort + effort), nil},
		{"effort key results only", onePlan(head + effort + effort + effort), nil},
	})
	two := newKPIEveryKR()
	two.minOutcomes = 2
	checkConfiguredRule(t, two, []ruleCase{
		{"min_outcomes: 2", onePlan(head + kr("x", "1", "2", "kpi: a") + kr("y", "1", "2", "kpi: b") + effort),
			[]string{`plan.yaml:8:5: every outcome key result of objective "grow" (2) is marked as a KPI; keep kpi: on the few essential outcome measures and remove it from the others`}},
	})
	two.minOutcomes = 0
	if two.Validate() == nil {
		t.Error("Validate accepts min_outcomes: 0")
	}
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

func TestKPIChurn(t *testing.T) {
	a, b, c, d := liveKPI("a"), liveKPI("b"), liveKPI("c"), liveKPI("d")
	retired := func(id string) string { return "id: " + id + ", name: " + id + ", retired: replaced" }
	checkRule(t, "kpi-churn", []ruleCase{
		{"steady", plans("q1.yaml", quarter("2026-Q1", a), "q2.yaml", quarter("2026-Q2", a)), nil},
		{"one KPI added in Q3, a key result promoted", plans(
			"q1.yaml", quarter("2026-Q1", a), "q2.yaml", quarter("2026-Q2", a), "q3.yaml", quarter("2026-Q3", a, b)), nil},
		{"a KPI added every quarter is growth, not churn", plans(
			"q1.yaml", quarter("2026-Q1", a), "q2.yaml", quarter("2026-Q2", a, b), "q3.yaml", quarter("2026-Q3", a, b, c)), nil},
		{"one KPI replaced in a year", plans(
			"q1.yaml", quarter("2026-Q1", a, b), "q2.yaml", quarter("2026-Q2", a, retired("b"), c), "q3.yaml", quarter("2026-Q3", a, c)), nil},
		{"two replaced at once", plans(
			"q1.yaml", quarter("2026-Q1", a, b), "q2.yaml", quarter("2026-Q2", c, d)),
			[]string{`q2.yaml:4:5: scope "sales" has replaced 2 KPIs within 4 quarters, more than 1 (2026-Q2: "a", "b" dropped, "c", "d" added); keep KPIs for at least a year and change the key results that drive them instead`}},
		{"replaced quarter after quarter, across the year end", plans(
			"q4.yaml", quarter("2026-Q4", a, b), "q1.yaml", quarter("2027-Q1", a, c), "q2.yaml", quarter("2027-Q2", a, c), "q3.yaml", quarter("2027-Q3", a, d)),
			[]string{`q3.yaml:5:5: scope "sales" has replaced 2 KPIs within 4 quarters, more than 1 (2027-Q1: "b" dropped, "c" added; 2027-Q3: "c" dropped, "d" added)` +
				`; keep KPIs for at least a year and change the key results that drive them instead`}},
		{"replacements a year apart", plans(
			"q1.yaml", quarter("2026-Q1", a, b), "q2.yaml", quarter("2026-Q2", a, c), "q2b.yaml", quarter("2027-Q2", a, d)), nil},
		{"other scopes are separate", plans(
			"q1.yaml", quarter("2026-Q1", a, b), "q2.yaml", strings.Replace(quarter("2026-Q2", c, d), "sales", "support", 1)), nil},
	})
	perQuarter := newKPIChurn()
	perQuarter.quarters, perQuarter.maxReplaced = 1, 1
	checkConfiguredRule(t, perQuarter, []ruleCase{
		{"quarters: 1 judges each quarter alone", plans(
			"q1.yaml", quarter("2026-Q1", a, b), "q2.yaml", quarter("2026-Q2", a, c), "q3.yaml", quarter("2026-Q3", a, d)), nil},
	})
	perQuarter.quarters = 0
	if perQuarter.Validate() == nil {
		t.Error("Validate accepts quarters: 0")
	}
}

// TestFormerRuleID checks that kpi-churn's former ID, kpi-new-midyear, still names it in
// # okr:ignore, in a run's severities set by .okr.yaml (through Lookup) and in okr rules.
func TestFormerRuleID(t *testing.T) {
	if r := Lookup(Registry(), "kpi-new-midyear"); r == nil || r.Info().ID != "kpi-churn" {
		t.Fatalf("Lookup(kpi-new-midyear) = %v", r)
	}
	if got := CanonicalID("kpi-new-midyear"); got != "kpi-churn" {
		t.Errorf("CanonicalID = %q", got)
	}
	churn := plans("q1.yaml", quarter("2026-Q1", liveKPI("a"), liveKPI("b")),
		"q2.yaml", "period: 2026-Q2\nscope: sales\nkpis:\n  - {"+liveKPI("c")+"} # okr:ignore kpi-new-midyear new pricing strategy\n  - {"+liveKPI("d")+"}\nobjectives: []\n")
	for _, f := range runExample(Registry(), churn) {
		if f.Rule == "kpi-churn" || f.Rule == RuleSuppression {
			t.Errorf("%d:%d: %s [%s]", f.Pos.Line, f.Pos.Col, f.Message, f.Rule)
		}
	}
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
		{"a linked key result without target is kr-quantified's finding", linked("      - {id: a, title: A, start: 30, kpi: nps}\n"), nil},
		{"a linked effort key result is kpi-effort's finding", linked("      - {id: a, title: A, type: effort, due: 2026-09-30, kpi: nps}\n"), nil},
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
		{"end of the following month, as in the OnStrategy Q3 plan", plan("2026-Q3", ", due: 2026-10-31"), nil},
		{"a Q4 plan reaches into January", plan("2026-Q4", ", due: 2027-01-31"), nil},
		{"an annual plan reaches into January", plan("2026", ", due: 2027-01-31"), nil},
		{"a Q1 plan reaches past April", plan("2026-Q1", ", due: 2026-05-01"), nil},
		{"beyond the grace", plan("2026-Q3", ", due: 2026-11-01"),
			[]string{`plan.yaml:7:50: effort key result "crm" is due 2026-11-01, more than 31 days after 2026-Q3 ends (2026-09-30); move the date to 2026-10-31 at the latest or the key result into the plan of 2026-Q4`}},
		{"before the period", plan("2027-Q1", ", due: 2026-12-31"),
			[]string{`plan.yaml:7:50: effort key result "crm" is due 2026-12-31, before 2027-Q1 starts (2027-01-01); move the date into the period or the key result into the plan of 2026-Q4`}},
		{"no due date", plan("2026-Q3", ""),
			[]string{`plan.yaml:7:9: effort key result "crm" has no due date; add due: YYYY-MM-DD inside 2026-Q3 (by 2026-09-30)`}},
	})
	strict := newKRDue()
	strict.graceDays = 0
	checkConfiguredRule(t, strict, []ruleCase{
		{"grace_days: 0, last day", plan("2026-Q3", ", due: 2026-09-30"), nil},
		{"grace_days: 0, day after", plan("2026-Q3", ", due: 2026-10-01"),
			[]string{`plan.yaml:7:50: effort key result "crm" is due 2026-10-01, more than 0 days after 2026-Q3 ends (2026-09-30); move the date to 2026-09-30 at the latest or the key result into the plan of 2026-Q4`}},
	})
	strict.graceDays = -1
	if strict.Validate() == nil {
		t.Error("Validate accepts grace_days: -1")
	}
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
			[]string{"plan.yaml:4:1: invalid YAML: found character that cannot start any token; YAML indents with spaces only: replace the tab with spaces"}},
	})
}

func TestSchema(t *testing.T) {
	checkRule(t, "schema", []ruleCase{
		{"missing scope", onePlan("period: 2026-Q3\nobjectives: []\n"),
			[]string{`plan.yaml:1:1: the plan has no scope; add "scope: …"`}},
		{"blank title and name", onePlan("period: 2026-Q3\nscope: sales\nkpis:\n  - {id: nps, name: '  ', source: CRM, frequency: monthly, target: 1}\n" +
			"objectives:\n  - id: grow\n    title: \"\"\n    key_results:\n      - {id: a, title: ' ', start: 1, target: 2}\n"),
			[]string{
				`plan.yaml:4:21: name is blank; write what this KPI is in a few words`,
				`plan.yaml:7:12: title is blank; write what this objective is in a few words`,
				`plan.yaml:9:24: title is blank; write what this key result is in a few words`,
			}},
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
