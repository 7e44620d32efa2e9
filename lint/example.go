package lint

import (
	"fmt"

	"github.com/okr-tool/okr/plan"
)

// RunExample lints an example repository with the given rules at their default severities and
// returns the findings of the rule with the given ID, one "path:line:col: severity: message
// [rule]" line each. A rule that is off by default runs as a warning, so its example shows.
func RunExample(rules []Rule, id string, ex Example) []string {
	var lines []string
	for _, f := range runExample(rules, ex) {
		if f.Rule == id {
			lines = append(lines, fmt.Sprintf("%s:%d:%d: %s: %s [%s]", f.File, f.Pos.Line, f.Pos.Col, f.Severity, f.Message, f.Rule))
		}
	}
	return lines
}

// runExample lints an example repository as RunExample does and returns every finding.
func runExample(rules []Rule, ex Example) []Finding {
	sources := make([]plan.Source, len(ex))
	for i, f := range ex {
		sources[i] = plan.Source{File: f.Path, Data: []byte(f.Text), Named: true}
	}
	severity := map[string]Severity{}
	for _, r := range rules {
		if r.Info().Severity == Off {
			severity[r.Info().ID] = Warning
		}
	}
	return Run(plan.LoadSources("", sources, 1), Options{Rules: rules, Severity: severity}).Findings
}
