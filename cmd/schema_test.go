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
		{[]string{"schema", "plan"}, "docs/plan.schema.json"},
		{[]string{"schema", "config"}, "docs/okr-config.schema.json"},
	} {
		code, stdout, stderr := run(t, tt.args...)
		want, _ := os.ReadFile(filepath.Join(projectRoot(t), tt.file))
		if code != 0 || stdout != string(want) {
			t.Errorf("okr %s: exit %d, output differs from %s (%s)", strings.Join(tt.args, " "), code, tt.file, stderr)
		}
	}
}

func TestSchemaCommandErrors(t *testing.T) {
	for _, tt := range []struct {
		args   []string
		stderr string
	}{
		{[]string{"schema", "kpi"}, `okr: okr schema prints the schema of plan or config files, not "kpi"` + "\n"},
		{[]string{"schema", "plan", "config"}, "accepts at most 1 arg(s), received 2"},
	} {
		code, stdout, stderr := run(t, tt.args...)
		if code != 2 || stdout != "" || !strings.Contains(stderr, tt.stderr) {
			t.Errorf("okr %s: exit %d, stderr %q, want 2 and %q", strings.Join(tt.args, " "), code, stderr, tt.stderr)
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
