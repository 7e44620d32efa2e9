package plan_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/okr-tool/okr/internal/golden"
	"github.com/okr-tool/okr/plan"
)

// TestParseGolden parses each testdata/load/<case>.yaml as a named plan and compares its
// diagnostics with <case>.out, one line per diagnostic.
func TestParseGolden(t *testing.T) {
	inputs, err := filepath.Glob("../testdata/load/*.yaml")
	if err != nil || len(inputs) == 0 {
		t.Fatalf("no fixtures: %v", err)
	}
	for _, in := range inputs {
		if strings.HasPrefix(filepath.Base(in), ".") {
			continue // .okr.yaml marks the fixtures as a repository of their own
		}
		name := strings.TrimSuffix(filepath.Base(in), ".yaml")
		t.Run(name, func(t *testing.T) {
			data, err := os.ReadFile(in)
			if err != nil {
				t.Fatal(err)
			}
			_, diags := plan.Parse(filepath.Base(in), data)
			var b strings.Builder
			for _, d := range diags {
				b.WriteString(d.String())
				b.WriteByte('\n')
			}
			golden.CheckString(t, strings.TrimSuffix(in, ".yaml")+".out", b.String())
		})
	}
}
