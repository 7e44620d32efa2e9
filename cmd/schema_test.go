package cmd

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestSchemaCommand(t *testing.T) {
	for _, tt := range []struct {
		args []string
		file string
	}{
		{[]string{"schema"}, "docs/plan.schema.json"},
		{[]string{"schema", "--config"}, "docs/okr-config.schema.json"},
	} {
		code, stdout, stderr := run(t, tt.args...)
		want, _ := os.ReadFile(filepath.Join(projectRoot(t), tt.file))
		if code != 0 || stdout != string(want) {
			t.Errorf("okr %s: exit %d, output differs from %s (%s)", strings.Join(tt.args, " "), code, tt.file, stderr)
		}
	}
}

// TestReportOutputToDevNull: -o onto something that is not a regular file writes into it rather
// than replacing it.
func TestReportOutputToDevNull(t *testing.T) {
	if _, err := os.Stat(os.DevNull); err != nil {
		t.Skip(err)
	}
	code, stdout, stderr := run(t, "report", "examples", "--period", "2026-Q3", "-o", os.DevNull)
	if code != 0 || stdout != "" {
		t.Fatalf("exit %d\n%s%s", code, stdout, stderr)
	}
	if info, err := os.Stat(os.DevNull); err != nil || info.Mode().IsRegular() {
		t.Errorf("%s is now %v (%v)", os.DevNull, info, err)
	}
}
