package cmd

import (
	"strings"
	"testing"
)

// complete runs cobra's hidden completion command and returns the offered words.
func complete(t *testing.T, dir string, args ...string) []string {
	t.Helper()
	code, stdout, stderr := runIn(t, dir, append([]string{"__complete"}, args...)...)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var words []string
	for _, line := range strings.Split(strings.TrimSpace(stdout), "\n") {
		if !strings.HasPrefix(line, ":") {
			words = append(words, strings.SplitN(line, "\t", 2)[0])
		}
	}
	return words
}

func TestCompletion(t *testing.T) {
	dir := copyExamples(t)
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"scopes", []string{"checkin", ""}, "company customer-success engineering jonas-berg sales"},
		{"ids of the period's plan", []string{"checkin", "sales", "--period", "2026-Q3", "grow-pipeline=10", ""},
			"expansion-deals= account-plans= raise-win-rate= success-plan-at-close= handover-checklist= qualified-pipeline= win-rate= sales-cycle-days= trial-conversion="},
		{"periods", []string{"checkin", "sales", "--period", ""}, "2026-Q1 2026-Q2 2026-Q3 2026-Q4 2027-Q1"},
		{"every period for report", []string{"report", "--period", ""}, "2026 2026-Q1 2026-Q2 2026-Q3 2026-Q4 2027 2027-Q1"},
		{"next scopes", []string{"next", "--scope", ""}, "company customer-success engineering jonas-berg sales"},
		{"next more scopes", []string{"next", "--scope", "sales,"}, "sales,company sales,customer-success sales,engineering sales,jonas-berg"},
		{"next quarters", []string{"next", "--from", ""}, "2026-Q1 2026-Q2 2026-Q3 2026-Q4 2027-Q1"},
		{"rule ids", []string{"rules", ""}, "yaml-syntax schema duplicate-id"},
		{"lint formats", []string{"lint", "--format", ""}, "text json sarif github"},
		{"report formats", []string{"report", "--format", ""}, "table markdown html json csv"},
		{"diff formats", []string{"diff", "--format", ""}, "text markdown json"},
		{"schema kinds", []string{"schema", ""}, "plan config"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := strings.Join(complete(t, dir, tt.args...), " ")
			if !strings.HasPrefix(got, tt.want) {
				t.Errorf("okr %s offers\n  %s\nwant\n  %s", strings.Join(tt.args, " "), got, tt.want)
			}
		})
	}
}

func TestCompletionScript(t *testing.T) {
	code, stdout, _ := run(t, "completion", "bash")
	if code != 0 || !strings.Contains(stdout, "__start_okr") {
		t.Errorf("okr completion bash: exit %d\n%.200s", code, stdout)
	}
}
