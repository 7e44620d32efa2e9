package output_test

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/okr-tool/okr/lint"
	"github.com/okr-tool/okr/lint/output"
	"github.com/okr-tool/okr/plan"
)

var update = flag.Bool("update", false, "rewrite the golden files")

var fixture = filepath.Join("..", "..", "testdata", "lint", "format")

func lintFixture(t *testing.T) *lint.Result {
	t.Helper()
	repo, _, err := plan.Load(plan.LoadOptions{Root: fixture})
	if err != nil {
		t.Fatal(err)
	}
	return lint.Run(repo, lint.Options{})
}

// TestFormats compares every format's output for the same findings with its golden file,
// testdata/lint/format/expected.<format>.
func TestFormats(t *testing.T) {
	res := lintFixture(t)
	if res.Summary.Errors == 0 || res.Summary.Warnings == 0 {
		t.Fatalf("the format fixture must have errors and warnings: %+v", res.Summary)
	}
	cases := []struct {
		name, format string
		opts         output.Options
	}{
		{"text", "text", output.Options{}},
		{"text-color", "text", output.Options{Color: true}},
		{"json", "json", output.Options{}},
		{"sarif", "sarif", output.Options{Version: "v1.0.0"}},
		{"github", "github", output.Options{}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var out bytes.Buffer
			w, err := output.New(c.format, &out, c.opts)
			if err != nil {
				t.Fatal(err)
			}
			if err := w.Write(res); err != nil {
				t.Fatal(err)
			}
			path := filepath.Join(fixture, "expected."+c.name)
			if *update {
				if err := os.WriteFile(path, out.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test ./lint/output -update)", err)
			}
			if !bytes.Equal(out.Bytes(), want) {
				t.Errorf("%s output differs from %s:\n%s", c.name, path, out.String())
			}
		})
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
	want := "::warning file=plans/a%2Cb%3Ac.yaml,line=2,col=3,title=okr kpi-count::100%25 sure%0Asecond line%0D\n"
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
