package output_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestProblemMatcher checks the problem matcher shipped for GitHub Actions against the golden
// text output: every finding line matches with the right groups, the summary line does not.
func TestProblemMatcher(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("..", "..", ".github", "okr-problem-matcher.json"))
	if err != nil {
		t.Fatal(err)
	}
	var m struct {
		ProblemMatcher []struct {
			Owner   string `json:"owner"`
			Pattern []struct {
				Regexp                                      string
				File, Line, Column, Severity, Message, Code int
			} `json:"pattern"`
		} `json:"problemMatcher"`
	}
	if err := json.Unmarshal(data, &m); err != nil {
		t.Fatal(err)
	}
	p := m.ProblemMatcher[0].Pattern[0]
	re := regexp.MustCompile(p.Regexp)
	text, err := os.ReadFile(filepath.Join(fixture, "expected.text"))
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(string(text), "\n"), "\n")
	for _, line := range lines[:len(lines)-1] {
		g := re.FindStringSubmatch(line)
		if g == nil {
			t.Errorf("the matcher misses %q", line)
			continue
		}
		if !strings.HasPrefix(g[p.File], "plans/") || g[p.Line] == "" || g[p.Column] == "" ||
			(g[p.Severity] != "error" && g[p.Severity] != "warning") || g[p.Message] == "" || strings.Contains(g[p.Code], " ") {
			t.Errorf("the matcher splits %q wrongly: %q", line, g)
		}
	}
	if summary := lines[len(lines)-1]; re.MatchString(summary) {
		t.Errorf("the matcher takes the summary line %q for a finding", summary)
	}
}
