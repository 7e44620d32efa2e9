package output_test

import (
	"bytes"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/okr-tool/okr/internal/golden"
	"github.com/okr-tool/okr/lint"
	"github.com/okr-tool/okr/lint/output"
	"github.com/okr-tool/okr/plan"
)

var fixture = filepath.Join("..", "..", "testdata", "lint", "format")

// lintFixture lints the format fixture with the given rules (nil: every rule).
func lintFixture(t *testing.T, rules []lint.Rule) *lint.Result {
	t.Helper()
	repo, _, err := plan.Load(plan.LoadOptions{Root: fixture})
	if err != nil {
		t.Fatal(err)
	}
	return lint.Run(repo, lint.Options{Rules: rules})
}

// TestFormats compares every format's output for the same findings with its golden file,
// testdata/lint/format/expected.<format>. SARIF lists the rules of the run with their
// documentation, so it runs one rule: adding a rule to the registry does not change its golden.
func TestFormats(t *testing.T) {
	all := lintFixture(t, nil)
	if all.Summary.Errors == 0 || all.Summary.Warnings == 0 {
		t.Fatalf("the format fixture must have errors and warnings: %+v", all.Summary)
	}
	oneRule := []lint.Rule{lint.Lookup(lint.Registry(), "kr-count")}
	one := lintFixture(t, oneRule)
	if len(one.Findings) == 0 {
		t.Fatal("kr-count finds nothing in the format fixture")
	}
	cases := []struct {
		name, format string
		res          *lint.Result
		opts         output.Options
	}{
		{"text", "text", all, output.Options{}},
		{"text-color", "text", all, output.Options{Color: true}},
		{"json", "json", all, output.Options{}},
		{"sarif", "sarif", one, output.Options{Version: "v1.0.0", Rules: oneRule}},
		{"github", "github", all, output.Options{}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var out bytes.Buffer
			w, err := output.New(c.format, &out, c.opts)
			if err != nil {
				t.Fatal(err)
			}
			if err := w.Write(c.res); err != nil {
				t.Fatal(err)
			}
			golden.Check(t, filepath.Join(fixture, "expected."+c.name), out.Bytes())
		})
	}
}

// TestSARIFListsTheRulesOfTheRun checks what the one-rule golden cannot: without Options.Rules,
// SARIF lists every registered rule, and a result points at its rule by index.
func TestSARIFListsTheRulesOfTheRun(t *testing.T) {
	var out bytes.Buffer
	w, _ := output.New("sarif", &out, output.Options{})
	if err := w.Write(lintFixture(t, nil)); err != nil {
		t.Fatal(err)
	}
	var log struct {
		Runs []struct {
			Tool struct {
				Driver struct {
					Rules []struct{ ID string }
				}
			}
			Results []struct {
				RuleID    string
				RuleIndex int
			}
		}
	}
	if err := json.Unmarshal(out.Bytes(), &log); err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, r := range log.Runs[0].Tool.Driver.Rules {
		ids = append(ids, r.ID)
	}
	if want := lint.IDs(lint.Registry()); strings.Join(ids, " ") != strings.Join(want, " ") {
		t.Errorf("rules = %v, want the registry %v", ids, want)
	}
	if len(log.Runs[0].Results) < 2 {
		t.Fatalf("want findings of several rules:\n%s", out.String())
	}
	for _, r := range log.Runs[0].Results {
		if ids[r.RuleIndex] != r.RuleID {
			t.Errorf("result of %s has ruleIndex %d, which is %s", r.RuleID, r.RuleIndex, ids[r.RuleIndex])
		}
	}
}

func TestNoFindingsIsAnEmptyList(t *testing.T) {
	res := &lint.Result{}
	for _, format := range []string{"json", "sarif"} {
		var out bytes.Buffer
		w, _ := output.New(format, &out, output.Options{})
		if err := w.Write(res); err != nil {
			t.Fatal(err)
		}
		if strings.Contains(out.String(), "null") {
			t.Errorf("%s output has null for an empty list:\n%s", format, out.String())
		}
	}
}

func TestUnknownFormat(t *testing.T) {
	if _, err := output.New("xml", &bytes.Buffer{}, output.Options{}); err == nil || !strings.Contains(err.Error(), "text, json, sarif, github") {
		t.Errorf("New(xml) = %v, want an error listing the formats", err)
	}
}

func TestGitHubEscaping(t *testing.T) {
	res := &lint.Result{Findings: []lint.Finding{{
		File: "plans/a,b:c.yaml", Pos: plan.Pos{Line: 2, Col: 3}, Severity: lint.Warning, Rule: "kpi-count",
		Message: "100% sure\nsecond line\r",
	}}}
	var out bytes.Buffer
	w, _ := output.New("github", &out, output.Options{})
	if err := w.Write(res); err != nil {
		t.Fatal(err)
	}
	// Line breaks are escaped for people before the workflow command escapes '%'.
	want := "::warning file=plans/a%2Cb%3Ac.yaml,line=2,col=3,title=okr kpi-count::100%25 sure\\nsecond line\\r\n"
	if got := strings.SplitAfter(out.String(), "\n")[0]; got != want {
		t.Errorf("got  %q\nwant %q", got, want)
	}
}

// TestSARIFURIs checks that a result's location is a URI reference relative to the source root:
// characters a path may hold but a URI may not are escaped.
func TestSARIFURIs(t *testing.T) {
	res := &lint.Result{Findings: []lint.Finding{{
		File: "plans/q3 #1/sales%.yaml", Pos: plan.Pos{Line: 1, Col: 1}, Severity: lint.Warning, Rule: "kr-count", Message: "m",
	}, {
		File: "q3:sales.yaml", Pos: plan.Pos{Line: 1, Col: 1}, Severity: lint.Warning, Rule: "kr-count", Message: "m",
	}}}
	var out bytes.Buffer
	w, _ := output.New("sarif", &out, output.Options{})
	if err := w.Write(res); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		`"artifactLocation":{"uri":"plans/q3%20%231/sales%25.yaml","uriBaseId":"%SRCROOT%"}`,
		`"artifactLocation":{"uri":"./q3:sales.yaml","uriBaseId":"%SRCROOT%"}`,
	} {
		if !strings.Contains(strings.Join(strings.Fields(out.String()), ""), want) {
			t.Errorf("SARIF lacks %s:\n%s", want, out.String())
		}
	}
}
