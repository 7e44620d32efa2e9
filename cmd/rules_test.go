package cmd

import (
	"strings"
	"testing"

	"github.com/okr-tool/okr/lint"
)

func TestRulesList(t *testing.T) {
	code, stdout, stderr := cliRun{dir: t.TempDir()}.run(t, "rules")
	if code != 0 || stderr != "" {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	lines := strings.Split(strings.TrimSpace(stdout), "\n")
	rules := lint.Registry()
	if len(lines) != len(rules)+1 {
		t.Fatalf("got %d lines for %d rules:\n%s", len(lines), len(rules), stdout)
	}
	for i, r := range rules {
		fields := strings.Fields(lines[i+1])
		if fields[0] != r.Info().ID || fields[1] != r.Info().Severity.String() {
			t.Errorf("line %d = %q, want %s %s", i+2, lines[i+1], r.Info().ID, r.Info().Severity)
		}
	}
}

func TestRulesExplain(t *testing.T) {
	code, stdout, _ := cliRun{dir: t.TempDir()}.run(t, "rules", "kpi-carry-forward")
	for _, want := range []string{
		"kpi-carry-forward (default: error)",
		"\nSources:\n  \"OKRs vs KPIs: The Differences and How They Work Together\" (OnStrategy, 2020)\n\n",
		"  quarters: 4   # default;",
		"  # plans/2027-Q1/sales.yaml",
		`    plans/2027-Q1/sales.yaml:3:1: error: KPI "client-retention" (tracked since 2026-Q4 in plans/2026-Q4/sales.yaml) is missing from 2027-Q1; carry it forward or add it with retired: <reason> [kpi-carry-forward]`,
		"A plan that passes:",
	} {
		if code != 0 || !strings.Contains(stdout, want) {
			t.Errorf("okr rules kpi-carry-forward (exit %d) lacks %q:\n%s", code, want, stdout)
		}
	}
	_, stdout, _ = cliRun{dir: t.TempDir()}.run(t, "rules", "kpi-stale")
	if !strings.Contains(stdout, "(This rule runs only on plans in a git repository, whose history it reads.)") {
		t.Errorf("a git rule does not say it needs git:\n%s", stdout)
	}
}

func TestRulesUnknown(t *testing.T) {
	code, stdout, stderr := cliRun{dir: t.TempDir()}.run(t, "rules", "kr-cuont")
	if code != 2 || stdout != "" || stderr != "okr: unknown rule \"kr-cuont\"; did you mean \"kr-count\"?\n" {
		t.Errorf("exit %d\nstdout: %s\nstderr: %s", code, stdout, stderr)
	}
}

// TestRulesConfigured checks that okr rules shows the severities and settings of the
// repository's .okr.yaml, marking what differs from the default, and accepts a former rule ID.
func TestRulesConfigured(t *testing.T) {
	dir := writeRepo(t, ".okr.yaml", "rules:\n  kr-count:\n    severity: warning\n    min: 2\n  kpi-new-midyear: off\n  kpi-source: error\n")
	code, stdout, stderr := cliRun{dir: dir}.run(t, "rules")
	for _, want := range []string{
		"\nkr-count           warning (default: error)  Each objective has 3 to 5 key results.\n",
		"\nkpi-churn          off (default: warning)    ",
		"\nkpi-source         error                     ",
		"\nSeverities and settings from .okr.yaml; settings that differ from the default:\n  kr-count min: 2 (default: 3)\n",
	} {
		if code != 0 || stderr != "" || !strings.Contains(stdout, want) {
			t.Errorf("okr rules (exit %d, %s) lacks %q:\n%s", code, stderr, want, stdout)
		}
	}
	code, stdout, _ = cliRun{dir: dir}.run(t, "rules", "kpi-new-midyear")
	if code != 0 || !strings.HasPrefix(stdout, "kpi-churn (off in .okr.yaml; default: warning)\n") {
		t.Errorf("okr rules kpi-new-midyear (exit %d):\n%s", code, stdout)
	}
	code, stdout, _ = cliRun{dir: dir}.run(t, "rules", "kr-count")
	if code != 0 || !strings.Contains(stdout, "  min: 2   # default 3; ") {
		t.Errorf("okr rules kr-count (exit %d) does not show min: 2 against the default:\n%s", code, stdout)
	}
	code, _, stderr = cliRun{dir: dir}.run(t, "rules", "--config", "missing.yaml")
	if code != 2 || !strings.Contains(stderr, "cannot read configuration missing.yaml") {
		t.Errorf("okr rules --config missing.yaml: exit %d, %s", code, stderr)
	}
}
