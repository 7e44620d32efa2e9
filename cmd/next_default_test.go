package cmd

import (
	"path/filepath"
	"strings"
	"testing"
)

// okr next with no --from, run as the README says (after the quarter ends, before the new one has
// plans), carries forward the latest quarter that has ended, from its final readings, and says so.
func TestNextDefaultsToTheLatestEndedQuarter(t *testing.T) {
	work := t.TempDir()
	if code, stdout, stderr := (cliRun{dir: work}).run(t, "init", "okrs", "--as-of", "2026-11-10"); code != 0 {
		t.Fatalf("okr init exited %d\n%s%s", code, stdout, stderr)
	}
	dir := filepath.Join(work, "okrs")
	cli := cliRun{dir: dir}
	editFile(t, filepath.Join(dir, "plans", "2026-Q4", "company.yaml"), "        kpi: client-retention\n", "        kpi: client-retention\n        current: 79.5\n")

	code, stdout, stderr := cli.run(t, "next", "--as-of", "2027-01-15", "--dry-run")
	if code != 0 || !strings.Contains(stdout, "--- plans/2027-Q1/company.yaml (new, from plans/2026-Q4/company.yaml)\n") ||
		!strings.Contains(stderr, "okr next: from 2026-Q4: 2027-Q1, the quarter in progress, has no plans; 2026-Q4 is the latest quarter with plans that has ended\n") {
		t.Fatalf("okr next --dry-run exited %d:\n%s%s", code, stdout, stderr)
	}

	code, stdout, stderr = cli.run(t, "next", "--as-of", "2027-01-15")
	want := "okr next: 2026-Q4 → 2027-Q1\n" +
		"  from 2026-Q4: 2027-Q1, the quarter in progress, has no plans; 2026-Q4 is the latest quarter with plans that has ended (--from names another)\n" +
		"  created plans/2027-Q1/company.yaml (from plans/2026-Q4/company.yaml)\n"
	if code != 0 || !strings.HasPrefix(stdout, want) {
		t.Fatalf("okr next exited %d:\n%s%s\nwant the output to start with\n%s", code, stdout, stderr, want)
	}
	q1 := readFile(t, filepath.Join(dir, "plans", "2027-Q1", "company.yaml"))
	if !strings.Contains(q1, "        start: 79.5 # the final 2026-Q4 reading of client-retention\n") || strings.Contains(q1, "provisional") {
		t.Errorf("raise-retention does not start at 2026-Q4's final reading 79.5:\n%s", q1)
	}

	// Now that 2027-Q1 has plans, it is the quarter carried forward.
	code, stdout, stderr = cli.run(t, "next", "--as-of", "2027-01-16", "--dry-run")
	if code != 0 || !strings.Contains(stdout, "--- plans/2027-Q2/company.yaml (new, from plans/2027-Q1/company.yaml)\n") || stderr != "" {
		t.Errorf("okr next after the drafts exited %d:\n%s%s", code, stdout, stderr)
	}
}

// After okr next on 1 December drafts 2027-Q1 with a provisional start, check-ins of 2026-Q4 go on
// without a kpi-baseline finding while 2026-Q4 runs (its reading is not final), so CI with
// --max-warnings 0 stays green; once 2026-Q4 has ended, a start that is not its final reading is
// flagged.
func TestCheckinAfterNextWhileTheQuarterRuns(t *testing.T) {
	work := t.TempDir()
	if code, stdout, stderr := (cliRun{dir: work}).run(t, "init", "okrs", "--as-of", "2026-11-10"); code != 0 {
		t.Fatalf("okr init exited %d\n%s%s", code, stdout, stderr)
	}
	dir := filepath.Join(work, "okrs")
	cli := cliRun{dir: dir}
	editFile(t, filepath.Join(dir, "plans", "2026-Q4", "company.yaml"), "        kpi: client-retention\n", "        kpi: client-retention\n        current: 79.5\n")
	if code, stdout, stderr := cli.run(t, "next", "--as-of", "2026-12-01"); code != 0 {
		t.Fatalf("okr next exited %d\n%s%s", code, stdout, stderr)
	}
	if q1 := readFile(t, filepath.Join(dir, "plans", "2027-Q1", "company.yaml")); !strings.Contains(q1, "start: 79.5 # provisional") {
		t.Fatalf("the draft does not start at the provisional 79.5:\n%s", q1)
	}

	code, stdout, stderr := cli.run(t, "checkin", "company", "raise-retention=80", "--as-of", "2026-12-01")
	if code != 0 || strings.Contains(stdout, "finding") {
		t.Errorf("okr checkin exited %d or reports a finding while 2026-Q4 runs:\n%s%s", code, stdout, stderr)
	}
	if _, stdout, _ := cli.run(t, "lint", "--as-of", "2026-12-20"); strings.Contains(stdout, "kpi-baseline") {
		t.Errorf("okr lint flags the provisional start while 2026-Q4 runs:\n%s", stdout)
	}
	_, stdout, _ = cli.run(t, "lint", "--as-of", "2027-01-04")
	if !strings.Contains(stdout, `KPI "client-retention" ended 2026-Q4 at 80 (plans/2026-Q4/company.yaml); set start: 80`) {
		t.Errorf("okr lint does not flag the start once 2026-Q4 has ended:\n%s", stdout)
	}
}
