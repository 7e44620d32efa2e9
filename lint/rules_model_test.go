package lint

import "testing"

// Cases of the rules about maintain key results, KPI directions and targets, KPI definitions
// across plans, readings and grades that their examples do not cover.

func TestKRQuantifiedMaintain(t *testing.T) {
	head := "period: 2026-Q3\nscope: cs\nobjectives:\n  - id: keep\n    title: Keep\n    key_results:\n"
	checkRule(t, "kr-quantified", []ruleCase{
		{"a maintain key result holds a threshold", onePlan(head +
			"      - {id: healthy, title: Keep clients rated healthy at or above 20%, type: maintain, threshold: 20, direction: up}\n"), nil},
		{"its direction may come from its KPI", onePlan("period: 2026-Q3\nscope: cs\nkpis:\n  - {" + liveKPI("healthy", "direction: up") + "}\n" +
			"objectives:\n  - id: keep\n    title: Keep\n    key_results:\n" +
			"      - {id: healthy, title: Keep clients rated healthy at or above 10, type: maintain, threshold: 10, kpi: healthy}\n"), nil},
		{"a maintain key result without a threshold", onePlan(head + "      - {id: healthy, title: Keep it, type: maintain, direction: up}\n"),
			[]string{`plan.yaml:7:9: maintain key result "healthy" has no threshold; add threshold: <level to hold> and direction: up (at or above) or down (at or below)`}},
	})
}

// A maintain key result's threshold is the target of the KPI it is linked to.
func TestKPITargetFromMaintain(t *testing.T) {
	checkRule(t, "kpi-target", []ruleCase{
		{"the threshold of a linked maintain key result", onePlan("period: 2026-Q3\nscope: cs\nkpis:\n  - {id: healthy, name: Healthy clients, source: CS platform, frequency: monthly}\n" +
			"objectives:\n  - id: keep\n    title: Keep\n    key_results:\n" +
			"      - {id: healthy, title: Keep clients rated healthy at or above 20%, type: maintain, threshold: 20, direction: up, kpi: healthy}\n"), nil},
	})
}

func TestScoreRangeGradeScale(t *testing.T) {
	head := func(scale string) string {
		return "period: 2026-Q3\nscope: sales\n" + scale + "objectives:\n  - id: grow\n    title: Grow\n    key_results:\n"
	}
	pct := head("grade_scale: 100\n")
	effort := func(h, extra string) Example {
		return onePlan(h + "      - {id: crm, title: CRM, type: effort, due: 2026-09-30" + extra + "}\n")
	}
	checkRule(t, "score-range", []ruleCase{
		{"score 40 on the 0-100 scale", onePlan(pct + kr("a", "1", "2", "score: 40")), nil},
		{"progress 60 on the 0-100 scale", effort(pct, ", progress: 60"), nil},
		{"done with progress 100 on the 0-100 scale", effort(pct, ", progress: 100, done: true"), nil},
		{"score 40 without the scale", onePlan(head("") + kr("a", "1", "2", "score: 40")),
			[]string{`plan.yaml:7:55: key result "a" has score 40; a score is a grade from 0 to 1 (e.g. 0.7), or remove it to have it computed; to grade from 0 to 100, declare grade_scale: 100 in the plan`}},
		{"score above 100 on the 0-100 scale", onePlan(pct + kr("a", "1", "2", "score: 140")),
			[]string{`plan.yaml:8:55: key result "a" has score 140; this plan grades from 0 to 100 (grade_scale: 100)`}},
		{"done with progress 60 on the 0-100 scale", effort(pct, ", done: true, progress: 60"),
			[]string{`plan.yaml:8:84: key result "crm" is done but has progress 60; set progress: 100 or remove it, or remove done: true`}},
	})
}

func TestKPIDirection(t *testing.T) {
	withKRs := func(kpi string, krs ...string) Example {
		s := "period: 2026-Q4\nscope: sales\nkpis:\n  - {" + kpi + "}\nobjectives:\n  - id: loyal\n    title: Loyal\n    key_results:\n"
		for _, k := range krs {
			s += k
		}
		return onePlan(s)
	}
	checkRule(t, "kpi-direction", []ruleCase{
		{"stated down, the key result goes down", withKRs(liveKPI("churn", "direction: down"), kr("churn", "2.4", "1.8", "kpi: churn")), nil},
		{"unstated, the key results agree", withKRs(liveKPI("retention"), kr("a", "75", "80", "kpi: retention"), kr("b", "70", "72", "kpi: retention")), nil},
		{"start equal to target implies nothing", withKRs(liveKPI("retention", "direction: up"), kr("a", "75", "75", "kpi: retention")), nil},
		{"a maintain key result that holds the other side", withKRs(liveKPI("healthy", "direction: up"),
			"      - {id: hold, title: hold, type: maintain, threshold: 20, direction: down, kpi: healthy}\n"),
			[]string{`plan.yaml:9:75: key result "hold" runs down (direction: down), but KPI "healthy" should go up; change its direction, or fix the KPI's direction`}},
		{"unstated, the key results disagree", withKRs(liveKPI("retention"), kr("a", "75", "80", "kpi: retention"), kr("b", "80", "75", "kpi: retention")),
			[]string{`plan.yaml:4:5: KPI "retention" states no direction, and the key results linked to it disagree: "a" (start 75, target 80) up, "b" (start 80, target 75) down; add direction: up or down to the KPI and fix the key results that run against it`}},
	})
}

func TestKPITargetAgree(t *testing.T) {
	withKRs := func(kpi string, krs ...string) Example {
		s := "period: 2026-Q3\nscope: sales\nkpis:\n  - {" + kpi + "}\nobjectives:\n  - id: loyal\n    title: Loyal\n    key_results:\n"
		for _, k := range krs {
			s += k
		}
		return onePlan(s)
	}
	noTarget := "id: retention, name: Retention, source: CRM, frequency: monthly"
	checkRule(t, "kpi-target-agree", []ruleCase{
		{"the KPI takes the key result's target", withKRs(noTarget, kr("a", "73", "75", "kpi: retention")), nil},
		{"the same target", withKRs(noTarget+", target: 75.0", kr("a", "73", "75", "kpi: retention")), nil},
		{"an effort key result is kpi-effort's", withKRs(noTarget+", target: 75", kr("a", "73", "75", "kpi: retention"),
			"      - {id: e, title: e, type: effort, due: 2026-09-30, kpi: retention}\n"), nil},
		{"a maintain key result's threshold", withKRs(noTarget+", target: 20",
			"      - {id: hold, title: hold, type: maintain, threshold: 18, direction: up, kpi: retention}\n"),
			[]string{`plan.yaml:4:79: KPI "retention" has target 20, but key result "hold" (line 9), which measures it, has threshold 18; one quarter has one target: make them agree, or leave out the KPI's target so that the key result's counts`}},
		{"two key results measure one KPI", withKRs(noTarget, kr("a", "73", "75", "kpi: retention"), kr("b", "73", "76", "kpi: retention")),
			[]string{`plan.yaml:10:55: key result "b" is the second to measure KPI "retention" in this plan, after "a" (line 9); a KPI measures one outcome: link one key result to it, or give this measure a KPI of its own`}},
	})
}

func TestKPIRedefined(t *testing.T) {
	checkRule(t, "kpi-redefined", []ruleCase{
		{"a unit written for the first time", plans(
			"q3.yaml", quarter("2026-Q3", liveKPI("nps")), "q4.yaml", quarter("2026-Q4", liveKPI("nps", "unit: points"))), nil},
		{"a default direction made explicit", plans(
			"q3.yaml", quarter("2026-Q3", liveKPI("nps")), "q4.yaml", quarter("2026-Q4", liveKPI("nps", "direction: down"))), nil},
		{"direction flipped, across a gap and a year end", plans(
			"q3.yaml", quarter("2026-Q3", liveKPI("nps", "direction: up")), "q1.yaml", quarter("2027-Q1", liveKPI("nps", "direction: down"))),
			[]string{`q1.yaml:4:5: KPI "nps" is not the measure it was in 2026-Q3 (q3.yaml): direction up → down; one id is one measure: keep its definition, or retire it with retired: <reason> and track the new measure under a new id`}},
		{"compared with the annual plan", plans(
			"y.yaml", quarter("2027", liveKPI("nps", "unit: points")), "q1.yaml", quarter("2027-Q1", liveKPI("nps", "unit: \"%\""))),
			[]string{`q1.yaml:4:5: KPI "nps" is not the measure it was in 2027 (y.yaml): unit "points" → "%"; one id is one measure: keep its definition, or retire it with retired: <reason> and track the new measure under a new id`}},
		{"a retired entry is not a definition", plans(
			"q3.yaml", quarter("2026-Q3", liveKPI("nps", "unit: points")), "q4.yaml", quarter("2026-Q4", "id: nps, name: old NPS, unit: \"%\", retired: replaced")), nil},
		{"other scopes are separate", plans(
			"q3.yaml", quarter("2026-Q3", liveKPI("nps", "unit: points")),
			"cs.yaml", "period: 2026-Q4\nscope: cs\nkpis:\n  - {"+liveKPI("nps", "unit: \"%\"")+"}\n"), nil},
	})
}

func TestKPIUnmeasured(t *testing.T) {
	withKR := func(period, current string) string {
		return "period: " + period + "\nscope: sales\nkpis:\n  - {" + liveKPI("nps") + "}\nobjectives:\n  - id: grow\n    title: Grow\n    key_results:\n" +
			kr("promoters", "40", "60", "kpi: nps"+current)
	}
	checkRule(t, "kpi-unmeasured", []ruleCase{
		{"the period has not ended", onePlan(quarter("2099-Q3", liveKPI("nps"))), nil},
		{"an actual", onePlan(quarter("2025-Q3", liveKPI("nps", "actual: 41"))), nil},
		{"the linked key result's current", onePlan(withKR("2025-Q3", ", current: 48")), nil},
		{"retired", onePlan(quarter("2025-Q3", "id: nps, name: NPS, retired: replaced")), nil},
		{"an annual plan read by a quarter", plans("y.yaml", quarter("2025", liveKPI("nps")), "q2.yaml", quarter("2025-Q2", liveKPI("nps", "actual: 3"))), nil},
		{"a linked key result without current", onePlan(withKR("2025-Q3", "")),
			[]string{`plan.yaml:4:5: KPI "nps" has no reading for 2025-Q3, which ended on 2025-09-30; record the period's final value with actual: <number> (or current: on the key result linked to it), or retire it with retired: <reason>`}},
		{"an annual plan no quarter reads", onePlan(quarter("2025", liveKPI("nps"))),
			[]string{`plan.yaml:4:5: KPI "nps" has no reading for 2025, which ended on 2025-12-31; record the period's final value with actual: <number> (or current: on the key result linked to it), or retire it with retired: <reason>`}},
	})
	checkRuleOnInvalidPlans(t, "kpi-unmeasured", []ruleCase{
		{"an actual written as text is the schema's finding", onePlan(quarter("2025-Q3", liveKPI("nps", "actual: 41%"))), nil},
		{"a current written as text is the schema's finding", onePlan(withKR("2025-Q3", ", current: 48%")), nil},
	})
}

// A KPI of the year's annual plan belongs in every quarter plan of that year, also once it has
// been tracked for four quarters and carry-forward alone would let it go.
func TestKPICarryForwardAnnual(t *testing.T) {
	k := liveKPI("nps", "actual: 1")
	checkRule(t, "kpi-carry-forward", []ruleCase{
		{"dropped in Q3 after five quarters", plans(
			"2026-Q2.yaml", quarter("2026-Q2", k), "2026-Q3.yaml", quarter("2026-Q3", k), "2026-Q4.yaml", quarter("2026-Q4", k),
			"2027.yaml", quarter("2027", k), "2027-Q1.yaml", quarter("2027-Q1", k), "2027-Q2.yaml", quarter("2027-Q2", k),
			"2027-Q3.yaml", quarter("2027-Q3")),
			[]string{`2027-Q3.yaml:3:1: KPI "nps" of the 2027 annual plan (2027.yaml) is missing from 2027-Q3; list it in every quarter plan of the year, or add it with retired: <reason>`}},
		{"retired in Q2 of the year", plans(
			"2027.yaml", quarter("2027", k), "2027-Q1.yaml", quarter("2027-Q1", k),
			"2027-Q2.yaml", quarter("2027-Q2", "id: nps, name: NPS, retired: replaced by csat"), "2027-Q3.yaml", quarter("2027-Q3")), nil},
		{"missing from the first quarter", plans("2027.yaml", quarter("2027", k), "2027-Q1.yaml", quarter("2027-Q1")),
			[]string{`2027-Q1.yaml:3:1: KPI "nps" of the 2027 annual plan (2027.yaml) is missing from 2027-Q1; list it in every quarter plan of the year, or add it with retired: <reason>`}},
		{"one finding when carry-forward reports it too", plans(
			"2026-Q4.yaml", quarter("2026-Q4", k), "2027.yaml", quarter("2027", k), "2027-Q1.yaml", quarter("2027-Q1")),
			[]string{`2027-Q1.yaml:3:1: KPI "nps" (tracked since 2026-Q4 in 2026-Q4.yaml) is missing from 2027-Q1; carry it forward or add it with retired: <reason>`}},
	})
}
