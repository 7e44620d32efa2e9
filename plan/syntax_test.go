package plan

import (
	"strings"
	"testing"
)

// TestSyntaxErrorsPointAtTheProblem pins that a plan's YAML syntax error is reported where the
// problem is, not on the line of the value the parser was reading.
func TestSyntaxErrorsPointAtTheProblem(t *testing.T) {
	const head = "period: 2026-Q3\nscope: sales\nobjectives:\n  - id: a\n"
	cases := []struct {
		name, doc string
		want      string
	}{
		{"tab on line 9", head + "    title: A\n    key_results:\n      - id: k\n        title: K\n\tstart: 1\n",
			"plan.yaml:9:1: invalid YAML: found a tab character that violates indentation; " +
				"YAML indents with spaces only: replace the tab with spaces [yaml-syntax]"},
		{"unclosed [ on line 5", head + "    title: [A\n    key_results:\n      - id: k\n        title: K\n",
			"plan.yaml:5:12: invalid YAML: did not find expected ',' or ']'; this '[' is not closed: " +
				"close it with \"]\", or put the whole value in quotes if the '[' is part of the text [yaml-syntax]"},
		{"CRLF unclosed quote", strings.ReplaceAll(head+"    title: \"A\n    owner: b\n", "\n", "\r\n"),
			"plan.yaml:5:12: invalid YAML: found unexpected end of stream; this quote is not closed: end the value with \" [yaml-syntax]"},
		{"duplicate key", "period: 2026-Q3\nscope: sales\nscope: marketing\nobjectives: []\n",
			"plan.yaml:3:1: key \"scope\" appears twice in this plan (first on line 2); keep one [schema]"},
	}
	for _, c := range cases {
		_, diags := Parse("plan.yaml", []byte(c.doc))
		if len(diags) == 0 || diags[0].String() != c.want {
			t.Errorf("%s: Parse gave %v\nwant %s", c.name, diags, c.want)
		}
	}
}
