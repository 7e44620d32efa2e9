package lint

import "github.com/okr-tool/okr/plan"

// scoreRange checks that the values a key result is scored from make sense.
type scoreRange struct{ base }

func newScoreRange() *scoreRange {
	return &scoreRange{base: base{
		ID:       "score-range",
		Severity: Error,
		Summary:  "score and progress are in 0..1 (0..100 with grade_scale: 100), and done: true agrees with progress.",
		Rationale: "The Weekdone compilation scores key results objectively on a 0 to 1 scale and Ivor Colson's article grades them from 0 " +
			"(not met) to 1 (met). A score of 7 or a progress of 60 is a different scale written into the " +
			"wrong field and would distort every average it enters (the report leaves such a value out " +
			"rather than count it as 1). A plan that grades on the 0 to 100 scale the Weekdone compilation " +
			"also mentions says so with grade_scale: 100; its score and progress then run from 0 to 100. " +
			"done: true with a progress below complete contradicts itself. (current on an effort key result, or progress on an outcome one, is a " +
			"schema finding.)",
		Sources: []Source{weekdone, colson},
		Bad: onePlan(`period: 2026-Q3
scope: sales
objectives:
  - id: loyal-customers
    title: Create wildly loyal customers
    key_results:
      - id: success-plans
        title: Design success plans for client health
        type: effort
        due: 2026-09-30
        progress: 60
`),
		BadFindings: []string{
			`plan.yaml:11:19: error: key result "success-plans" has progress 60; progress is a share from 0 to 1 (60% is 0.6) [score-range]`,
		},
		Good: onePlan(`period: 2026-Q3
scope: sales
objectives:
  - id: loyal-customers
    title: Create wildly loyal customers
    key_results:
      - id: success-plans
        title: Design success plans for client health
        type: effort
        due: 2026-09-30
        progress: 0.6
`),
	}}
}

func (r *scoreRange) VisitKeyResult(c *Context, kr *plan.KeyResult) {
	id := quote(kr.ID.Value)
	scale := kr.Objective.Plan.GradeMax()
	inScale := func(v float64) bool { return v >= 0 && v <= scale }
	if kr.Score.Set && !inScale(kr.Score.Value) {
		if scale != 1 {
			c.ReportKeyResult(kr, kr.Score.Pos, "key result %s has score %s; this plan grades from 0 to %s (grade_scale: %s)",
				id, num(kr.Score.Value), num(scale), num(scale))
		} else {
			hint := ""
			if kr.Score.Value >= 2 && kr.Score.Value <= 100 {
				hint = "; to grade from 0 to 100, declare grade_scale: 100 in the plan"
			}
			c.ReportKeyResult(kr, kr.Score.Pos, "key result %s has score %s; a score is a grade from 0 to 1 (e.g. 0.7), or remove it to have it computed%s",
				id, num(kr.Score.Value), hint)
		}
	}
	if kr.Progress.Set && !inScale(kr.Progress.Value) {
		hint := ""
		switch {
		case scale != 1:
			hint = " (grade_scale: " + num(scale) + ")"
		case kr.Progress.Value > 1 && kr.Progress.Value <= 100:
			hint = " (" + num(kr.Progress.Value) + "% is " + num(kr.Progress.Value/100) + ")"
		}
		c.ReportKeyResult(kr, kr.Progress.Pos, "key result %s has progress %s; progress is a share from 0 to %s%s",
			id, num(kr.Progress.Value), num(scale), hint)
	}
	// current on an effort key result, or progress on an outcome one, is the schema rule's.
	if kr.Type.Value == plan.Effort && kr.Done.Set && kr.Done.Value && kr.Progress.Set && inScale(kr.Progress.Value) && kr.Progress.Value < scale {
		c.ReportKeyResult(kr, kr.Progress.Pos, "key result %s is done but has progress %s; set progress: %s or remove it, or remove done: true",
			id, num(kr.Progress.Value), num(scale))
	}
}
