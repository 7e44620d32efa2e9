package lint

import (
	"fmt"
	"strings"
	"testing"

	"github.com/okr-tool/okr/plan"
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

// checkRule runs the cases against the rule with the given ID and compares its findings. A case
// whose plans are not valid (a yaml-syntax or schema finding) fails, unless the rule is one of
// those: a fixture that does not load as written cannot show what the rule does.
func checkRule(t *testing.T, id string, cases []ruleCase) {
	t.Helper()
	checkRuleCases(t, Registry(), id, cases, id != plan.RuleYAMLSyntax && id != plan.RuleSchema)
}

// checkConfiguredRule is checkRule for the rule r, configured as the test set it up, in place of
// the registered rule with its ID.
func checkConfiguredRule(t *testing.T, r Rule, cases []ruleCase) {
	t.Helper()
	rules := Registry()
	for i := range rules {
		if rules[i].Info().ID == r.Info().ID {
			rules[i] = r
		}
	}
	checkRuleCases(t, rules, r.Info().ID, cases, true)
}

// checkRuleOnInvalidPlans is checkRule for cases that are about plans with yaml-syntax or
// schema findings.
func checkRuleOnInvalidPlans(t *testing.T, id string, cases []ruleCase) {
	t.Helper()
	checkRuleCases(t, Registry(), id, cases, false)
}

func checkRuleCases(t *testing.T, rules []Rule, id string, cases []ruleCase, valid bool) {
	t.Helper()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var got []string
			for _, f := range runExample(rules, c.files) {
				if valid && (f.Rule == plan.RuleYAMLSyntax || f.Rule == plan.RuleSchema) {
					t.Errorf("the fixture is not a valid plan: %s:%d:%d: %s [%s]", f.File, f.Pos.Line, f.Pos.Col, f.Message, f.Rule)
				}
				if f.Rule == id {
					got = append(got, fmt.Sprintf("%s:%d:%d: %s", f.File, f.Pos.Line, f.Pos.Col, f.Message))
				}
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
