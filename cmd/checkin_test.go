package cmd

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/okr-tool/okr/vcs/vcstest"
)

// copyExamples copies examples/ into a temporary plan repository and returns its directory.
func copyExamples(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	src := filepath.Join(projectRoot(t), "examples")
	err := filepath.WalkDir(src, func(p string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		os.MkdirAll(filepath.Join(dir, filepath.Dir(rel)), 0o755)
		return os.WriteFile(filepath.Join(dir, rel), data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(dir, ".okr.yaml"), []byte("# plans\n"), 0o644)
	return dir
}

// snapshot reads every file under dir.
func snapshot(t *testing.T, dir string) map[string]string {
	t.Helper()
	files := map[string]string{}
	filepath.WalkDir(dir, func(p string, e fs.DirEntry, err error) error {
		if err == nil && !e.IsDir() && !strings.Contains(p, string(filepath.Separator)+".git"+string(filepath.Separator)) {
			data, _ := os.ReadFile(p)
			files[p] = string(data)
		}
		return nil
	})
	return files
}

func TestCheckin(t *testing.T) {
	dir := copyExamples(t)
	sales := filepath.Join(dir, "plans", "2026-Q3", "sales.yaml")
	before, _ := os.ReadFile(sales)
	code, stdout, stderr := runIn(t, dir, "checkin", "sales", "--period", "2026-Q3",
		"grow-pipeline=10.1", "account-plans=75%", "trial-conversion=31", "--note", "two deals slipped to Q4", "--confidence", "0.6")
	if code != 0 {
		t.Fatalf("exit %d\n%s%s", code, stdout, stderr)
	}
	for _, want := range []string{
		`(?m)^plans/2026-Q3/sales.yaml \(sales, 2026-Q3\)$`,
		`(?m)^  grow-pipeline +current 9.8 → 10.1 +score 0.33 → 0.50$`,
		`(?m)^  account-plans +progress 0.6 → 0.75 +score 0.60 → 0.75$`,
		`(?m)^  grow-pipeline +note \(none\) → "two deals slipped to Q4"`,
		`(?m)^  KPI trial-conversion +actual \(none\) → 31`,
		// The next quarter's baseline no longer matches: a finding in another plan.
		`the check-in creates 1 finding:\n  plans/2026-Q4/sales.yaml:\d+:\d+: warning: .* ended 2026-Q3 at 10.1 .*\[kpi-baseline\]`,
	} {
		match(t, "stdout", want, stdout)
	}
	if strings.Contains(stdout, " \n") {
		t.Errorf("a line of the output ends in spaces:\n%q", stdout)
	}
	after, _ := os.ReadFile(sales)
	want := strings.Replace(string(before), "        current: 9.8\n        unit: $M\n        kpi: qualified-pipeline\n",
		"        current: 10.1\n        unit: $M\n        kpi: qualified-pipeline\n        confidence: 0.6\n        note: two deals slipped to Q4\n", 1)
	want = strings.Replace(want, "        progress: 0.6\n", "        progress: 0.75\n        confidence: 0.6\n        note: two deals slipped to Q4\n", 1)
	want = strings.Replace(want, "    frequency: monthly\n    annual_target: 30\n", "    frequency: monthly\n    annual_target: 30\n", 1)
	if got := string(after); !strings.Contains(got, "current: 10.1\n") || !strings.Contains(want, "progress: 0.75\n") {
		t.Errorf("the plan reads:\n%s", got)
	}
	// Apart from the inserted KPI actual, the file is exactly what the edits say.
	if got := strings.Replace(string(after), "    actual: 31\n", "", 1); got != want {
		t.Errorf("the plan changed beyond the check-in:\n%s", got)
	}
	// The same check-in again changes nothing and says so.
	code, stdout, _ = runIn(t, dir, "checkin", "sales", "--period", "2026-Q3", "grow-pipeline=10.1")
	if code != 0 || stdout != "nothing changed: every value already was as given\n" {
		t.Errorf("repeated check-in: exit %d\n%s", code, stdout)
	}
	if code, _, stderr := runIn(t, dir, "lint", "plans/2026-Q3/sales.yaml"); code != 0 {
		t.Errorf("the checked-in plan does not lint clean: %s", stderr)
	}
}

// TestCheckinRefuses: every problem is reported with exit status 2 and no file changes.
func TestCheckinRefuses(t *testing.T) {
	dir := copyExamples(t)
	os.WriteFile(filepath.Join(dir, "values.csv"), []byte("scope,id,value\nsales,grow-pipeline,10\nsales,expansion-deals,many\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "plans", "2026-Q3", "broken.yaml"), []byte("period: 2026-Q3\nscope: broken\nobjectives: [\n"), 0o644)
	files := snapshot(t, dir)
	tests := []struct {
		name   string
		args   []string
		stderr string
	}{
		{"unknown scope", []string{"checkin", "salse", "x=1"}, `unknown scope "salse" \(did you mean "sales"\?\)`},
		{"unknown period", []string{"checkin", "sales", "--period", "2025-Q3", "x=1"}, `sales has no plan for 2025-Q3 .*it has plans for 2026-Q1, 2026-Q2`},
		{"unknown id", []string{"checkin", "sales", "--period", "2026-Q3", "grow-pipeline=10", "grow-pipelin=3"}, `"grow-pipelin" is not a key result or KPI of plans/2026-Q3/sales.yaml \(sales, 2026-Q3\) \(did you mean "grow-pipeline"\?\)`},
		{"not a number", []string{"checkin", "sales", "--period", "2026-Q3", "grow-pipeline=lots"}, `key result grow-pipeline \(plans/2026-Q3/sales.yaml:\d+:\d+\): must be a number, not "lots"; write digits`},
		{"progress out of range", []string{"checkin", "sales", "--period", "2026-Q3", "account-plans=150%"}, `account-plans is an effort key result`},
		{"a bad CSV row stops every row", []string{"checkin", "--period", "2026-Q3", "--from", "values.csv"}, `values.csv:3:23: key result expansion-deals \(plans/2026-Q3/sales.yaml:\d+:\d+\): must be a number, not "many"; write digits`},
		{"done on an outcome key result", []string{"checkin", "sales", "--period", "2026-Q3", "grow-pipeline=done"}, `grow-pipeline is an outcome key result \(plans/2026-Q3/sales.yaml:\d+:\d+\), scored from its current value: write the value measured now, e.g. grow-pipeline=\d`},
		{"decimal comma", []string{"checkin", "sales", "--period", "2026-Q3", "grow-pipeline=9,8"}, `must be a number, not "9,8"; write 9.8, with a decimal point`},
		{"an objective's id", []string{"checkin", "sales", "--period", "2026-Q3", "expand-existing=3"}, `"expand-existing" is not a key result or KPI .*; it is an objective \(plans/2026-Q3/sales.yaml:\d+:\d+\), scored from its key results: check in grow-pipeline`},
		{"syntax error", []string{"checkin", "broken", "--period", "2026-Q3", "x=1"}, `broken.yaml:\d+:\d+: invalid YAML.*; a check-in does not edit a plan that does not parse, so nothing was changed`},
		{"no scope", []string{"checkin"}, `name the scope first`},
		{"confidence", []string{"checkin", "sales", "--period", "2026-Q3", "grow-pipeline", "--confidence", "2"}, `--confidence: confidence must be a number from 0 to 1 \(or a percentage, e.g. 60%\), not 2`},
		{"confidence not a number", []string{"checkin", "sales", "--period", "2026-Q3", "grow-pipeline", "--confidence", "high"}, `--confidence: confidence must be a number, not "high"; write one from 0 to 1 or a percentage`},
		{"commit outside git", []string{"checkin", "sales", "--period", "2026-Q3", "grow-pipeline=10", "--commit"}, `--commit needs git: .*; nothing was written \(leave out --commit to record the check-in without a commit\)`},
		{"empty note", []string{"checkin", "sales", "--period", "2026-Q3", "grow-pipeline=10", "--note", ""}, `--note is empty; write the note in quotes`},
		{"set twice", []string{"checkin", "sales", "--period", "2026-Q3", "grow-pipeline=10", "qualified-pipeline=11"}, `grow-pipeline current is set twice`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, stdout, stderr := runIn(t, dir, tt.args...)
			if code != 2 {
				t.Errorf("exit %d, want 2\n%s%s", code, stdout, stderr)
			}
			match(t, "stderr", tt.stderr, stderr)
		})
	}
	after := snapshot(t, dir)
	for p, data := range files {
		if after[p] != data {
			t.Errorf("%s changed", p)
		}
	}
	if len(after) != len(files) {
		t.Errorf("%d files before, %d after", len(files), len(after))
	}
}

func TestCheckinFromCSV(t *testing.T) {
	dir := copyExamples(t)
	os.WriteFile(filepath.Join(dir, "values.csv"), []byte(
		"scope,period,id,value,confidence,note\n"+
			"sales,2026-Q3,grow-pipeline,10.4,0.7,\n"+
			"sales,2026-Q3,kpi:trial-conversion,31,,\n"+
			"company,2026-Q3,arr-q3,24,,\"ARR, finally\"\n"), 0o644)
	code, stdout, stderr := runIn(t, dir, "checkin", "--from", "values.csv")
	if code != 0 {
		t.Fatalf("exit %d\n%s%s", code, stdout, stderr)
	}
	sales, _ := os.ReadFile(filepath.Join(dir, "plans", "2026-Q3", "sales.yaml"))
	company, _ := os.ReadFile(filepath.Join(dir, "plans", "2026-Q3", "company.yaml"))
	for _, want := range []string{"current: 10.4\n", "confidence: 0.7\n", "actual: 31\n"} {
		if !strings.Contains(string(sales), want) {
			t.Errorf("sales lacks %q", want)
		}
	}
	if !strings.Contains(string(company), "current: 24\n") || !strings.Contains(string(company), "note: ARR, finally\n") {
		t.Errorf("company plan:\n%s", company)
	}
}

// TestCheckinReportsNewFindings: a check-in that creates a finding prints it — here the next
// quarter's baseline, which no longer matches once the quarter has ended — and findings that
// were there before are not repeated.
func TestCheckinReportsNewFindings(t *testing.T) {
	dir := writeRepo(t, ".okr.yaml", "# plans\n",
		"plans/2026-Q3/sales.yaml", salesPlan("2026-Q3", 80, 70),
		"plans/2026-Q4/sales.yaml", salesPlan("2026-Q4", 85, 76))
	code, stdout, stderr := runIn(t, dir, "checkin", "sales", "--as-of", "2026-08-01", "plans=60%")
	if code != 0 {
		t.Fatalf("exit %d\n%s%s", code, stdout, stderr)
	}
	if strings.Contains(stdout, "finding") {
		t.Errorf("a check-in that changes no finding reports one:\n%s", stdout)
	}
	// While 2026-Q3 runs, its reading is not final: the next quarter's start is not judged yet.
	code, stdout, _ = runIn(t, dir, "checkin", "sales", "--as-of", "2026-08-01", "retention=74")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	match(t, "stdout", `(?m)^  keep +current 70 → 74 +score 0.00 → 0.40$`, stdout)
	if strings.Contains(stdout, "finding") {
		t.Errorf("a check-in while 2026-Q3 runs reports a finding:\n%s", stdout)
	}
	// A late reading once it has ended is final, and 2026-Q4 no longer starts from it.
	code, stdout, _ = runIn(t, dir, "checkin", "sales", "--period", "2026-Q3", "--as-of", "2026-10-02", "retention=75")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	match(t, "stdout", `(?m)^  keep +current 74 → 75 +score 0.40 → 0.50$`, stdout)
	match(t, "stdout", `creates 1 finding:\n  plans/2026-Q4/sales.yaml:9:\d+: warning: key result "keep" starts at 70, but KPI "retention" ended 2026-Q3 at 75 .*\[kpi-baseline\]\n$`, stdout)
}

func TestCheckinCommit(t *testing.T) {
	g := vcstest.New(t)
	g.Write(".okr.yaml", "# plans\n")
	g.Write("plans/2026-Q3/sales.yaml", salesPlan("2026-Q3", 80, 72))
	g.Write("notes.txt", "one\n")
	g.Commit("2026-07-01T10:00:00Z", "Q3 plan")
	g.Write("notes.txt", "two\n") // not part of the check-in
	code, stdout, stderr := runIn(t, g.Dir, "checkin", "sales", "--as-of", "2026-08-01", "keep=75", "--note", "on track", "--commit")
	if code != 0 {
		t.Fatalf("exit %d\n%s%s", code, stdout, stderr)
	}
	match(t, "stdout", `(?m)^committed [0-9a-f]{12}$`, stdout)
	msg := g.Git("log", "-1", "--format=%B", "--name-only")
	for _, want := range []string{"check-in: sales 2026-Q3\n", "sales keep: current 72 → 75\n", `sales keep: note (none) → "on track"`, "\nplans/2026-Q3/sales.yaml\n"} {
		if !strings.Contains(msg, want) {
			t.Errorf("the commit lacks %q:\n%s", want, msg)
		}
	}
	if strings.Contains(msg, "notes.txt") {
		t.Errorf("the commit holds a file the check-in did not change:\n%s", msg)
	}
}

// TestCheckinCommitHoldsOnlyTheCheckin: --commit refuses, writing nothing, when a commit of the
// file would hold more than the check-in: a plan git does not track yet (the README's flow of
// okr init then git init) or an uncommitted edit in the same plan. Without a git identity it
// refuses before writing, not after.
func TestCheckinCommitHoldsOnlyTheCheckin(t *testing.T) {
	t.Run("untracked plan", func(t *testing.T) {
		g := vcstest.New(t)
		if code, stdout, stderr := runIn(t, g.Dir, "init", "--as-of", "2026-07-01"); code != 0 {
			t.Fatalf("init exited %d\n%s%s", code, stdout, stderr)
		}
		files := snapshot(t, g.Dir)
		code, stdout, stderr := runIn(t, g.Dir, "checkin", "company", "raise-retention=81", "--as-of", "2026-08-01", "--commit")
		if code != 2 {
			t.Fatalf("exit %d, want 2\n%s%s", code, stdout, stderr)
		}
		match(t, "stderr", `--commit: plans/2026-Q3/company.yaml is not committed yet, .*; nothing was written: commit the plans first \(git add plans/2026-Q3/company.yaml && git commit`, stderr)
		assertUnchanged(t, g.Dir, files)
		if out := g.Git("status", "--porcelain"); strings.Contains(out, "A ") {
			t.Errorf("something was staged:\n%s", out)
		}
	})
	t.Run("uncommitted edit", func(t *testing.T) {
		g := vcstest.New(t)
		g.Write(".okr.yaml", "# plans\n")
		g.Write("plans/2026-Q3/sales.yaml", salesPlan("2026-Q3", 80, 72))
		g.Commit("2026-07-01T10:00:00Z", "Q3 plan")
		g.Write("plans/2026-Q3/sales.yaml", "owner: dana\n"+salesPlan("2026-Q3", 80, 72))
		files := snapshot(t, g.Dir)
		code, stdout, stderr := runIn(t, g.Dir, "checkin", "sales", "--as-of", "2026-08-01", "keep=75", "--commit")
		if code != 2 {
			t.Fatalf("exit %d, want 2\n%s%s", code, stdout, stderr)
		}
		match(t, "stderr", `--commit: plans/2026-Q3/sales.yaml has changes that are not committed, .*; nothing was written: commit or stash those changes first .*, or leave out --commit`, stderr)
		assertUnchanged(t, g.Dir, files)
		if n := g.Git("rev-list", "--count", "HEAD"); n != "1\n" {
			t.Errorf("%s commits, want 1", n)
		}
	})
	t.Run("no git identity", func(t *testing.T) {
		g := vcstest.New(t)
		g.Write(".okr.yaml", "# plans\n")
		g.Write("plans/2026-Q3/sales.yaml", salesPlan("2026-Q3", 80, 72))
		g.Commit("2026-07-01T10:00:00Z", "Q3 plan")
		g.Git("config", "--unset", "user.name")
		g.Git("config", "--unset", "user.email")
		g.Git("config", "user.useConfigOnly", "true")
		t.Setenv("GIT_CONFIG_GLOBAL", os.DevNull)
		t.Setenv("GIT_CONFIG_NOSYSTEM", "1")
		for _, v := range []string{"GIT_AUTHOR_NAME", "GIT_AUTHOR_EMAIL", "GIT_COMMITTER_NAME", "GIT_COMMITTER_EMAIL", "EMAIL"} {
			t.Setenv(v, "")
			os.Unsetenv(v)
		}
		files := snapshot(t, g.Dir)
		code, stdout, stderr := runIn(t, g.Dir, "checkin", "sales", "--as-of", "2026-08-01", "keep=75", "--commit")
		if code != 2 {
			t.Fatalf("exit %d, want 2\n%s%s", code, stdout, stderr)
		}
		match(t, "stderr", `--commit: git does not know who you are: set your name and email with git config user.name .*; nothing was written`, stderr)
		if strings.Contains(stderr, "; ;") || strings.Contains(stderr, "***") {
			t.Errorf("git's text is run together:\n%s", stderr)
		}
		assertUnchanged(t, g.Dir, files)
		if out := g.Git("status", "--porcelain"); out != "" {
			t.Errorf("the work tree or index changed:\n%s", out)
		}
	})
}

func assertUnchanged(t *testing.T, dir string, before map[string]string) {
	t.Helper()
	after := snapshot(t, dir)
	for p, data := range before {
		if after[p] != data {
			t.Errorf("%s changed", p)
		}
	}
	if len(after) != len(before) {
		t.Errorf("%d files before, %d after", len(before), len(after))
	}
}
