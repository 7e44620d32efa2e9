package lint

import (
	"strings"
	"testing"
)

// TestExamples keeps the catalogue honest: each rule's bad example makes it fire and its good
// example keeps it quiet.
func TestExamples(t *testing.T) {
	for _, r := range Registry() {
		info := r.Info()
		t.Run(info.ID, func(t *testing.T) {
			if len(info.Bad) == 0 || len(info.Good) == 0 {
				t.Fatal("the rule needs a bad and a good example")
			}
			if info.Requires != "" {
				t.Skipf("needs %s; its examples are documentation", info.Requires)
			}
			if got := RunExample(Registry(), info.ID, info.Bad); len(got) == 0 {
				t.Errorf("bad example does not fire %s", info.ID)
			}
			if got := RunExample(Registry(), info.ID, info.Good); len(got) > 0 {
				t.Errorf("good example fires %s:\n%s", info.ID, strings.Join(got, "\n"))
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
		case len(SourceFiles(info)) != len(strings.Split(info.Source, ",")) && info.Source != "":
			t.Errorf("rule %s cites unknown seeds %q", info.ID, info.Source)
		}
		seen[info.ID] = true
	}
}
