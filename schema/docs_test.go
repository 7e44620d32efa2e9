package schema_test

import (
	"os"
	"strings"
	"testing"

	"github.com/okr-tool/okr/plan"
)

// TestFormatDocumentsEveryField: docs/plan-format.md has a row for every key of the field table.
func TestFormatDocumentsEveryField(t *testing.T) {
	doc, err := os.ReadFile("../docs/plan-format.md")
	if err != nil {
		t.Fatal(err)
	}
	for section, fields := range plan.FieldTable {
		for _, f := range fields {
			if !strings.Contains(string(doc), "| `"+f.Key+"` |") {
				t.Errorf("docs/plan-format.md has no row for %s key %s", section, f.Key)
			}
		}
	}
}
