package lint

import "github.com/okr-tool/okr/plan"

// krTitleLength checks that a key result's title is short enough to read at a glance.
type krTitleLength struct{ base }

func newKRTitleLength() *krTitleLength {
	return &krTitleLength{base: base{
		ID:        "kr-title-length",
		Severity:  Warning,
		Summary:   "A key result's title has at most 100 characters.",
		Rationale: "A key result is read in reviews and reports at a glance; a long title hides the measure.",
		Bad: onePlan(`period: 2026-Q3
scope: sales
objectives:
  - id: grow
    title: Grow
    key_results:
      - {id: a, title: Increase the client retention rate of all our enterprise and mid-market accounts in Europe from 73% to 75%, start: 73, target: 75}
`),
		BadFindings: []string{
			`plan.yaml:7:24: warning: key result "a" has a title of 106 characters; keep it to 100 [kr-title-length]`,
		},
		Good: onePlan(`period: 2026-Q3
scope: sales
objectives:
  - id: grow
    title: Grow
    key_results:
      - {id: a, title: Increase client retention from 73% to 75%, start: 73, target: 75}
`),
	}}
}

func (r *krTitleLength) VisitKeyResult(c *Context, kr *plan.KeyResult) {
	if n := len([]rune(kr.Title.Value)); n > 100 {
		c.ReportKeyResult(kr, kr.Title.Pos, "key result %s has a title of %d characters; keep it to 100", quote(kr.ID.Value), n)
	}
}
