package lint

import (
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/okr-tool/okr/internal/golden"
)

// TestRulesDoc fails when docs/rules.md is not what the registry generates; go test ./lint -update
// regenerates the file.
func TestRulesDoc(t *testing.T) {
	golden.Check(t, filepath.Join("..", "docs", "rules.md"), append(Catalogue(Registry()), '\n'))
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

// TestCitations checks that the documentation cites the articles by title and publisher, never
// by the name or number of a file.
func TestCitations(t *testing.T) {
	var text strings.Builder
	text.Write(Catalogue(Registry()))
	for _, r := range Registry() {
		text.WriteString(HelpText(r))
	}
	if m := regexp.MustCompile(`(?i)\bseeds?\b|\b\d{3}_[0-9a-f]+\.txt|\bsources: *\d`).FindString(text.String()); m != "" {
		t.Errorf("the documentation cites a source file: %q", m)
	}
	want := `Sources:
  "OKRs vs KPIs: The Differences and How They Work Together" (OnStrategy, 2020)
  "OKR vs KPI" (an article quoting Weekdone's customers)
  "OKRs vs KPIs: Which should you use?" (Ivor Colson)
`
	if got := HelpText(newKRCount()); !strings.Contains(got, want) {
		t.Errorf("the help of kr-count lacks\n%s\nin\n%s", want, got)
	}
	if want := "\nSources: \"OKR vs KPI\" (an article quoting Weekdone's customers)\n"; !strings.Contains(HelpMarkdown(newObjectiveCount()), want) {
		t.Errorf("the Markdown help of objective-count lacks %q", want)
	}
	if want := "Default severity: **error** · Sources: \"OKRs vs KPIs: The Differences and How They Work Together\" (OnStrategy, 2020); \"OKR vs KPI: Understanding the Key Differences and Use Cases\" (Craze)\n"; !strings.Contains(text.String(), want) {
		t.Errorf("the catalogue lacks %q", want)
	}
}
