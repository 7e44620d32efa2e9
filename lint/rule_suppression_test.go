package lint

import (
	"strings"
	"testing"

	"github.com/okr-tool/okr/history"
	"github.com/okr-tool/okr/plan"
)

// lintOne lints one plan file with every rule but kpi-count (the plans here are too small for
// it) and returns "line:col rule" for each finding.
func lintOne(t *testing.T, text string, severity map[string]Severity) []string {
	t.Helper()
	repo := plan.LoadSources("", []plan.Source{{File: "p.yaml", Named: true, Data: []byte(text)}}, 1)
	opts := Options{Severity: map[string]Severity{"kpi-count": Off}}
	for id, s := range severity {
		opts.Severity[id] = s
	}
	var got []string
	for _, f := range Run(repo, opts).Findings {
		got = append(got, strings.Join([]string{itoa(int(f.Pos.Line)) + ":" + itoa(int(f.Pos.Col)), f.Rule}, " "))
	}
	return got
}

func itoa(n int) string { return num(float64(n)) }

const twoKRs = `period: 2026-Q3
scope: sales
objectives:
  - id: grow%s
    title: Grow
    key_results:
      - {id: a, title: A, start: 1, target: 2}
      - {id: b, title: B, target: 2}%s
`

func TestSuppressionPlaces(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string
	}{
		{"nothing suppressed", fmtPlan("", ""), []string{"6:5 kr-count", "8:9 kr-quantified"}},
		{"on the finding's line", fmtPlan("", "  # okr:ignore kr-quantified start comes from the Q3 survey"), []string{"6:5 kr-count"}},
		{"on the objective's line", fmtPlan("  # okr:ignore kr-count,kr-quantified pilot objective", ""), nil},
		{"above the objective", "period: 2026-Q3\nscope: sales\nobjectives:\n  # okr:ignore kr-count pilot objective\n" +
			"  # okr:ignore kr-quantified baseline unknown until the survey\n" + strings.SplitN(fmtPlan("", ""), "objectives:\n", 2)[1], nil},
		{"a comment two lines above does not count", "period: 2026-Q3\nscope: sales\nobjectives:\n  # okr:ignore kr-count pilot\n\n" +
			strings.SplitN(fmtPlan("", ""), "objectives:\n", 2)[1], []string{"4:3 suppression", "8:5 kr-count", "10:9 kr-quantified"}},
		{"another rule's suppression", fmtPlan("  # okr:ignore kpi-source not this one", ""), []string{"4:15 suppression", "6:5 kr-count", "8:9 kr-quantified"}},
		{"no reason", fmtPlan("  # okr:ignore kr-count", ""), []string{"4:15 suppression", "8:9 kr-quantified"}},
		{"unknown rule", fmtPlan("  # okr:ignore kr-cont because", ""), []string{"4:15 suppression", "6:5 kr-count", "8:9 kr-quantified"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := lintOne(t, tt.text, nil)
			if strings.Join(got, ", ") != strings.Join(tt.want, ", ") {
				t.Errorf("got  %v\nwant %v\n%s", got, tt.want, tt.text)
			}
		})
	}
}

func fmtPlan(onObjective, onKR string) string {
	return strings.Replace(strings.Replace(twoKRs, "%s", onObjective, 1), "%s", onKR, 1)
}

func TestSuppressionMessages(t *testing.T) {
	repo := plan.LoadSources("", []plan.Source{{File: "p.yaml", Named: true, Data: []byte(fmtPlan("  # okr:ignore kpi-source,kr-cont", ""))}}, 1)
	var got []string
	for _, f := range Run(repo, Options{}).Findings {
		if f.Rule == RuleSuppression {
			got = append(got, f.Message)
		}
	}
	want := []string{
		`okr:ignore has no reason; say why after the rules, e.g. # okr:ignore kpi-source <why this is fine here>`,
		`okr:ignore kpi-source: no finding of kpi-source here to silence; remove kpi-source from the comment`,
		`okr:ignore names unknown rule "kr-cont"; did you mean "kr-count"?`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestSuppressionOfARuleThatIsOff(t *testing.T) {
	got := lintOne(t, fmtPlan("  # okr:ignore kr-count pilot", ""), map[string]Severity{"kr-count": Off})
	if strings.Join(got, ", ") != "8:9 kr-quantified" {
		t.Errorf("a suppression of a rule that is off is not unused: %v", got)
	}
	got = lintOne(t, fmtPlan("  # okr:ignore kpi-source", ""), map[string]Severity{RuleSuppression: Off})
	if strings.Join(got, ", ") != "6:5 kr-count, 8:9 kr-quantified" {
		t.Errorf("with the suppression rule off, wrong comments are not reported: %v", got)
	}
}

func TestSuppressionOfLoadFindings(t *testing.T) {
	text := "period: 2026-Q3\nscope: sales\nobjectives:\n  - id: grow  # okr:ignore schema,kr-count legacy field kept for the importer\n    title: Grow\n    colour: red\n"
	if got := lintOne(t, text, nil); len(got) != 0 {
		t.Errorf("a suppression on the objective's line silences the schema finding inside it: %v", got)
	}
}

// prOnly is a rule that needs pull-request mode and never finds anything.
type prOnly struct{ base }

func (r *prOnly) VisitPlan(*Context, *plan.Plan) {}

func TestSuppressionOfARuleThatDidNotRun(t *testing.T) {
	text := fmtPlan("", "  # okr:ignore moved-goalposts,kpi-stale,pr-only target cut after the reorg")
	repo := plan.LoadSources("", []plan.Source{{File: "p.yaml", Named: true, Data: []byte(text)}}, 1)
	rules := append(Registry(), &prOnly{base{ID: "pr-only", Severity: Warning, Requires: RequiresPullRequest}})
	on := map[string]Severity{"kpi-stale": Warning}
	unused := func(opts Options) []string {
		opts.Rules, opts.Severity = rules, on
		var got []string
		for _, f := range Run(repo, opts).Findings {
			if f.Rule == RuleSuppression {
				got = append(got, f.Message)
			}
		}
		return got
	}
	if got := unused(Options{}); len(got) != 0 {
		t.Errorf("without git history the git rules do not run, so their suppressions are not unused: %v", got)
	}
	h := history.New()
	got := strings.Join(unused(Options{History: h}), "\n")
	if strings.Contains(got, "pr-only") || strings.Contains(got, "moved-goalposts") || !strings.Contains(got, "kpi-stale") {
		t.Errorf("with history but no base, the rules that need pull-request mode did not run:\n%s", got)
	}
	h.Base = "base"
	got = strings.Join(unused(Options{History: h}), "\n")
	for _, id := range []string{"moved-goalposts", "kpi-stale", "pr-only"} {
		if !strings.Contains(got, id) {
			t.Errorf("in pull-request mode %s ran, and its suppression that silences nothing is reported:\n%s", id, got)
		}
	}
}
