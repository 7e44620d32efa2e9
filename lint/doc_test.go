package lint

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite golden files and docs/rules.md")

// TestRulesDoc fails when docs/rules.md is not what the registry generates; run it with -update
// to regenerate the file.
func TestRulesDoc(t *testing.T) {
	path := filepath.Join("..", "docs", "rules.md")
	want := append(Catalogue(Registry()), '\n')
	if *update {
		if err := os.WriteFile(path, want, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	got, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v; run go test ./lint -run TestRulesDoc -update", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("docs/rules.md is stale; run go test ./lint -run TestRulesDoc -update")
	}
}

// TestHelpOfAConfiguredRule checks that the help of a configured rule tells its value from the
// default.
func TestHelpOfAConfiguredRule(t *testing.T) {
	r := newKRCount()
	r.min = 2
	text := HelpText(r)
	for _, want := range []string{
		"  min: 2   # default 3; fewest key results an objective may have\n",
		"  max: 5   # default; most key results an objective may have\n",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("HelpText lacks %q:\n%s", want, text)
		}
	}
	md := HelpMarkdown(r)
	if want := "| `min` | `3` | fewest key results an objective may have (configured: `2`) |\n"; !strings.Contains(md, want) {
		t.Errorf("HelpMarkdown lacks %q:\n%s", want, md)
	}
}

// TestRunsOnly checks that the documentation of a rule that needs git says how to run it.
func TestRunsOnly(t *testing.T) {
	r := &prOnly{base{ID: "pr-only", Summary: "S", Requires: RequiresPullRequest}}
	doc := string(Catalogue([]Rule{r}))
	if want := "This rule runs only in pull-request mode, okr lint --new-from-rev REV, which compares the plans with their git history, so the example"; !strings.Contains(doc, want) {
		t.Errorf("the catalogue lacks %q:\n%s", want, doc)
	}
}
