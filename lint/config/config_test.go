package config

import (
	"errors"
	"strings"
	"testing"

	"github.com/okr-tool/okr/lint"
	"github.com/okr-tool/okr/plan"
)

func TestParseSettings(t *testing.T) {
	cfg, err := Parse(".okr.yaml", []byte(`
# plans live under plans/
paths:
  - plans/**
  - "archive/*.yaml"
rules:
  kpi-count:
    min: 4
    max: 6
    levels: [company, team]
  kr-count: warning
  kpi-stale: error
  objective-count:
    severity: off
    max: 4
  kpi-cadence:
    slowest: weekly
  kpi-carry-forward:
    quarters: 2
`))
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(cfg.Paths, " "); got != "plans/** archive/*.yaml" {
		t.Errorf("Paths = %q", got)
	}
	wantSeverity := map[string]lint.Severity{"kr-count": lint.Warning, "kpi-stale": lint.Error, "objective-count": lint.Off}
	for id, want := range wantSeverity {
		if got, ok := cfg.Severity[id]; !ok || got != want {
			t.Errorf("Severity[%s] = %v, want %v", id, got, want)
		}
	}
	if len(cfg.Severity) != len(wantSeverity) {
		t.Errorf("Severity = %v, want only %v", cfg.Severity, wantSeverity)
	}
	params := map[string]string{}
	for _, r := range cfg.Rules {
		if c, ok := r.(lint.Configurable); ok {
			for _, p := range c.Params() {
				params[r.Info().ID+"."+p.Name] = p.Value()
			}
		}
	}
	want := map[string]string{
		"kpi-count.min": "4", "kpi-count.max": "6", "kpi-count.levels": "[company, team]",
		"kr-count.min": "3", "kr-count.max": "5", "objective-count.max": "4",
		"kpi-cadence.slowest": "weekly", "kpi-carry-forward.quarters": "2",
	}
	for k, v := range want {
		if params[k] != v {
			t.Errorf("%s = %q, want %q", k, params[k], v)
		}
	}
}

func TestParseLeavesDefaultsAlone(t *testing.T) {
	if _, err := Parse("a.yaml", []byte("rules:\n  kr-count:\n    min: 1\n")); err != nil {
		t.Fatal(err)
	}
	cfg := Default()
	for _, r := range cfg.Rules {
		if r.Info().ID == "kr-count" {
			if got := r.(lint.Configurable).Params()[0].Value(); got != "3" {
				t.Errorf("another configuration changed the default kr-count min to %s", got)
			}
		}
	}
}

func TestEmptyConfiguration(t *testing.T) {
	for _, text := range []string{"", "# nothing yet\n", "rules:\n", "---\n"} {
		cfg, err := Parse(".okr.yaml", []byte(text))
		if err != nil {
			t.Errorf("Parse(%q): %v", text, err)
			continue
		}
		if len(cfg.Paths) != 0 || len(cfg.Severity) != 0 {
			t.Errorf("Parse(%q) = %+v, want the defaults", text, cfg)
		}
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		text string
		want []string
	}{
		{"rule:\n  kr-count: off\n", []string{`.okr.yaml:1:1: unknown key "rule" (did you mean "rules"?); the configuration has paths: and rules:`}},
		{"rules:\n  kr-cont: off\n", []string{`.okr.yaml:2:3: unknown rule "kr-cont" (did you mean "kr-count"?)`}},
		{"rules:\n  nonsense: off\n", []string{`.okr.yaml:2:3: unknown rule "nonsense"; run okr rules for the list`}},
		{"rules:\n  kr-count: eror\n", []string{`.okr.yaml:2:13: severity of kr-count must be error, warning or off, not "eror" (did you mean "error"?)`}},
		{"rules:\n  kr-count:\n    mn: 2\n", []string{`.okr.yaml:3:5: rule kr-count has no setting "mn" (did you mean "min"?); it has severity, min, max`}},
		{"rules:\n  kr-count:\n    min: two\n", []string{`.okr.yaml:3:10: min of kr-count must be a whole number, not "two"`}},
		{"rules:\n  kr-count:\n    min: 2.5\n", []string{`.okr.yaml:3:10: min of kr-count must be a whole number, not "2.5"`}},
		{"rules:\n  kr-count:\n    min: 6\n", []string{`.okr.yaml:2:3: rule kr-count: max 5 is below min 6; raise max or lower min`}},
		{"rules:\n  kpi-cadence:\n    slowest: montly\n", []string{`.okr.yaml:3:14: slowest of kpi-cadence must be one of daily, weekly, monthly, quarterly, yearly, not "montly" (did you mean "monthly"?)`}},
		{"rules:\n  kpi-count:\n    levels: [company, teams]\n", []string{`.okr.yaml:3:23: levels of kpi-count must list levels among company, team, individual, not "teams" (did you mean "team"?)`}},
		{"rules:\n  kpi-carry-forward:\n    quarters: 0\n", []string{`.okr.yaml:2:3: rule kpi-carry-forward: quarters is 0; it must be at least 1`}},
		{"rules:\n  kr-count: off\n  kr-count: error\n", []string{`.okr.yaml:3:3: "kr-count" is already set on line 2; remove one of them`}},
		{"rules:\n  kr-count:\n", []string{`.okr.yaml:2:12: rule kr-count needs a severity (error, warning or off) or a mapping of settings`}},
		{"rules: [kr-count]\n", []string{`.okr.yaml:1:8: rules must map rule IDs to a severity or to settings, e.g. kpi-count: off`}},
		{"paths: plans/**\n", []string{`.okr.yaml:1:8: paths must be a list of globs, e.g. ["plans/**"]`}},
		{"paths: [\"/plans\", \"../x\", \"plans/[a\"]\n", []string{
			`.okr.yaml:1:9: path "/plans" must be relative to the repository root and use forward slashes, e.g. plans/**`,
			`.okr.yaml:1:19: path "../x" must stay inside the repository; remove ".."`,
			`.okr.yaml:1:27: path "plans/[a" is not a valid glob (check its brackets)`,
		}},
		{"rules:\n  kpi-count:\n    levels: []\n", []string{`.okr.yaml:3:13: levels of kpi-count lists no level; list some of company, team, individual, or turn the rule off with kpi-count: off`}},
		{"rules:\n  kr-count: off\n---\nrules:\n  kpi-count: off\n", []string{`.okr.yaml:3:1: the configuration is one YAML document; remove the second one (and its ---)`}},
		{"rules:\n  kr-count: off\n---\n", []string{`.okr.yaml:3:1: the configuration is one YAML document; remove the second one (and its ---)`}},
		{"rules:\n  kr-count: off\n---\nrules: [\n", []string{`.okr.yaml:4:8: invalid YAML: did not find expected node content; this '[' is not closed: close it with "]", or put the whole value in quotes if the '[' is part of the text`}},
		{"- kr-count\n", []string{`.okr.yaml:1:1: the configuration must be a mapping with the keys paths: and rules:`}},
		{"rules:\n  kr-count: off\n\tkpi-count: off\n", []string{`.okr.yaml:3:1: invalid YAML: found a tab character that violates indentation; YAML indents with spaces only: replace the tab with spaces`}},
		{"rules:\n  kr-count: [\n", []string{`.okr.yaml:2:13: invalid YAML: did not find expected node content; this '[' is not closed: close it with "]", or put the whole value in quotes if the '[' is part of the text`}},
		{"rules:\n  kr-cont: off\n  kpi-count:\n    max: x\n", []string{
			`.okr.yaml:2:3: unknown rule "kr-cont" (did you mean "kr-count"?)`,
			`.okr.yaml:4:10: max of kpi-count must be a whole number, not "x"`,
		}},
	}
	for _, tt := range tests {
		_, err := Parse(".okr.yaml", []byte(tt.text))
		var cerr *Error
		if !errors.As(err, &cerr) {
			t.Errorf("Parse(%q) = %v, want an *Error", tt.text, err)
			continue
		}
		var got []string
		for _, p := range cerr.Problems {
			got = append(got, p.String())
		}
		if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
			t.Errorf("Parse(%q):\ngot  %s\nwant %s", tt.text, strings.Join(got, "\n     "), strings.Join(tt.want, "\n     "))
		}
	}
}

func TestOptionsCarryTheConfiguration(t *testing.T) {
	cfg, err := Parse(".okr.yaml", []byte("rules:\n  objective-count:\n    max: 1\n    severity: error\n"))
	if err != nil {
		t.Fatal(err)
	}
	repo := plan.LoadSources("", []plan.Source{{File: "p.yaml", Named: true, Data: []byte(
		"period: 2026-Q3\nscope: sales\nobjectives:\n  - {id: a, title: A}\n  - {id: b, title: B}\n")}}, 1)
	opts := cfg.Options()
	opts.Severity["kr-count"] = lint.Off
	opts.Severity["kpi-count"] = lint.Off
	res := lint.Run(repo, opts)
	if len(res.Findings) != 1 || res.Findings[0].Rule != "objective-count" || res.Findings[0].Severity != lint.Error {
		t.Errorf("findings = %+v, want one objective-count error", res.Findings)
	}
}

// TestFormerRuleID checks that a rule's former ID still configures it: kpi-new-midyear is now
// kpi-churn.
func TestFormerRuleID(t *testing.T) {
	cfg, err := Parse(".okr.yaml", []byte("rules:\n  kpi-new-midyear:\n    severity: error\n    max_replaced: 2\n  kr-due:\n    grace_days: 0\n"))
	if err != nil {
		t.Fatal(err)
	}
	if got := cfg.Severity["kpi-churn"]; got != lint.Error {
		t.Errorf("Severity[kpi-churn] = %v, want error (%v)", got, cfg.Severity)
	}
	for id, want := range map[string]string{"kpi-churn": "max_replaced=2", "kr-due": "grace_days=0"} {
		var got []string
		for _, p := range lint.Lookup(cfg.Rules, id).(lint.Configurable).Params() {
			got = append(got, p.Name+"="+p.Value())
		}
		if !strings.Contains(strings.Join(got, " "), want) {
			t.Errorf("%s settings %v lack %s", id, got, want)
		}
	}
	_, err = Parse(".okr.yaml", []byte("rules:\n  kpi-churn: off\n  kpi-new-midyear: warning\n"))
	if err == nil || !strings.Contains(err.Error(), `.okr.yaml:3:3: "kpi-new-midyear" and "kpi-churn" (line 2) are the same rule, kpi-churn; keep one of them`) {
		t.Errorf("a rule set under its ID and its former ID: %v", err)
	}
}
