package lint

import (
	"strings"
	"testing"
)

// ruleCase is a small plan repository and the findings one rule must report for it, as
// "path:line:col: message" lines (the severity and rule tag are left out).
type ruleCase struct {
	name  string
	files Example
	want  []string
}

// plans builds an Example from path and text pairs.
func plans(pathsAndTexts ...string) Example {
	var ex Example
	for i := 0; i+1 < len(pathsAndTexts); i += 2 {
		ex = append(ex, ExampleFile{Path: pathsAndTexts[i], Text: pathsAndTexts[i+1]})
	}
	return ex
}

// checkRule runs the cases against the rule with the given ID and compares its findings.
func checkRule(t *testing.T, id string, cases []ruleCase) {
	t.Helper()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var got []string
			for _, line := range RunExample(Registry(), id, c.files) {
				line = strings.TrimSuffix(line, " ["+id+"]")
				line = strings.Replace(line, ": error: ", ": ", 1)
				line = strings.Replace(line, ": warning: ", ": ", 1)
				got = append(got, line)
			}
			if strings.Join(got, "\n") != strings.Join(c.want, "\n") {
				t.Errorf("findings of %s:\ngot:\n  %s\nwant:\n  %s", id, strings.Join(got, "\n  "), strings.Join(c.want, "\n  "))
			}
		})
	}
}

// kr renders a one-line outcome key result.
func kr(id string, start, target string, extra ...string) string {
	s := "      - {id: " + id + ", title: " + id + ", start: " + start + ", target: " + target
	for _, e := range extra {
		s += ", " + e
	}
	return s + "}\n"
}

// quarter renders a quarter plan of scope sales with the given KPI entries (one-line mappings)
// and no objectives.
func quarter(period string, kpis ...string) string {
	s := "period: " + period + "\nscope: sales\nkpis:\n"
	if len(kpis) == 0 {
		s = "period: " + period + "\nscope: sales\nkpis: []\n"
	}
	for _, k := range kpis {
		s += "  - {" + k + "}\n"
	}
	return s + "objectives: []\n"
}

// liveKPI renders the inside of a one-line KPI mapping with everything a live KPI needs.
func liveKPI(id string, extra ...string) string {
	s := "id: " + id + ", name: " + id + ", source: CRM, frequency: monthly, target: 10"
	for _, e := range extra {
		s += ", " + e
	}
	return s
}
