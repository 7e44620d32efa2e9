package lint

import (
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/okr-tool/okr/plan"
)

// TestExamples runs every registered rule's examples, which are its tests: the bad example must
// make the rule report exactly its BadFindings, the good one must be a valid plan (no yaml-syntax
// or schema finding) that does not fire the rule, and the two must differ. (Good examples stay
// small, so other rules, such as kr-count, may report on them.)
func TestExamples(t *testing.T) {
	for _, r := range Registry() {
		t.Run(r.Info().ID, func(t *testing.T) {
			for _, p := range exampleProblems(Registry(), r.Info()) {
				t.Error(p)
			}
		})
	}
}

// exampleProblems checks the examples of the rule documented by info, linting them with rules.
func exampleProblems(rules []Rule, info *Info) []string {
	var problems []string
	if len(info.Bad) == 0 || len(info.Good) == 0 {
		return []string{"the rule needs a bad and a good example"}
	}
	if reflect.DeepEqual(info.Bad, info.Good) {
		problems = append(problems, "the bad and the good example are the same")
	}
	if info.Requires != "" {
		// The rule runs only with git history; its own tests cover it.
		if len(info.BadFindings) > 0 {
			problems = append(problems, fmt.Sprintf("the rule needs %s, so its examples are not run and it can have no BadFindings", info.Requires))
		}
		return problems
	}
	got := RunExample(rules, info.ID, info.Bad)
	switch {
	case len(got) == 0:
		problems = append(problems, "the bad example does not fire "+info.ID)
	case strings.Join(got, "\n") != strings.Join(info.BadFindings, "\n"):
		var literal strings.Builder
		for _, line := range got {
			fmt.Fprintf(&literal, "\t\t\t`%s`,\n", line)
		}
		problems = append(problems, fmt.Sprintf("the bad example's findings are not its BadFindings:\ngot:\n\t%s\nBadFindings:\n\t%s\n"+
			"if the findings are right, write them into the rule's file:\n\t\tBadFindings: []string{\n%s\t\t},",
			strings.Join(got, "\n\t"), strings.Join(info.BadFindings, "\n\t"), literal.String()))
	}
	for _, f := range runExample(rules, info.Good) {
		if f.Rule != info.ID && f.Rule != plan.RuleYAMLSyntax && f.Rule != plan.RuleSchema {
			continue
		}
		problems = append(problems, fmt.Sprintf("the good example is not clean: %s:%d:%d: %s: %s [%s]", f.File, f.Pos.Line, f.Pos.Col, f.Severity, f.Message, f.Rule))
	}
	return problems
}

// TestExampleProblems checks that exampleProblems notices each way examples can be wrong.
func TestExampleProblems(t *testing.T) {
	for _, c := range []struct {
		name   string
		change func(info *Info)
		want   string
	}{
		{"as written", func(*Info) {}, ""},
		{"no good example", func(info *Info) { info.Good = nil }, "the rule needs a bad and a good example"},
		{"bad is good", func(info *Info) { info.Bad = info.Good }, "the bad and the good example are the same"},
		{"bad does not fire", func(info *Info) { info.Bad = onePlan("period: 2026-Q3\nscope: sales\nobjectives: []\n") },
			"the bad example does not fire kpi-source"},
		{"other findings", func(info *Info) { info.BadFindings = []string{"plan.yaml:1:1: error: no [kpi-source]"} },
			"the bad example's findings are not its BadFindings"},
		{"good fires", func(info *Info) { info.Good = info.Bad },
			"the good example is not clean: plan.yaml:4:5: error: KPI \"client-retention\" has no data source"},
		{"good is not a valid plan", func(info *Info) { info.Good = onePlan("period: 2026-Q3\nscope: sales\nobjectives: []\nextra: 1\n") },
			"the good example is not clean: plan.yaml:4:1: error: unknown key \"extra\""},
		{"findings of a rule that needs git", func(info *Info) { info.Requires = RequiresGit },
			"the rule needs git, so its examples are not run and it can have no BadFindings"},
	} {
		t.Run(c.name, func(t *testing.T) {
			r := newKPISource()
			c.change(r.Info())
			rules := Registry()
			for i := range rules {
				if rules[i].Info().ID == r.ID {
					rules[i] = r
				}
			}
			got := strings.Join(exampleProblems(rules, r.Info()), "\n")
			if c.want == "" && got != "" || !strings.Contains(got, c.want) {
				t.Errorf("problems:\n%s\nwant one with %q", got, c.want)
			}
		})
	}
}

func TestRegistryIsComplete(t *testing.T) {
	seen := map[string]bool{}
	for _, r := range Registry() {
		info := r.Info()
		switch {
		case seen[info.ID]:
			t.Errorf("rule %s is registered twice", info.ID)
		case info.Summary == "" || info.Rationale == "":
			t.Errorf("rule %s needs a summary and a rationale", info.ID)
		}
		seen[info.ID] = true
	}
}
