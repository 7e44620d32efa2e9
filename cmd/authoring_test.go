package cmd

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/spf13/pflag"

	"github.com/okr-tool/okr/edit"
	"github.com/okr-tool/okr/plan"
	"github.com/okr-tool/okr/schema"
	"github.com/okr-tool/okr/vcs/vcstest"
)

func readFile(t *testing.T, name string) string {
	t.Helper()
	data, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

func editFile(t *testing.T, name, old, repl string) {
	t.Helper()
	text := readFile(t, name)
	if !strings.Contains(text, old) {
		t.Fatalf("%s has no %q", name, old)
	}
	if err := os.WriteFile(name, []byte(strings.Replace(text, old, repl, 1)), 0o644); err != nil {
		t.Fatal(err)
	}
}

// A fresh repository, from okr init to the next quarter: init → edit → next → lint → report.
func TestInitEditNextLintReport(t *testing.T) {
	work := t.TempDir()
	cli := cliRun{dir: work}
	code, stdout, stderr := cli.run(t, "init", "okrs", "--as-of", "2026-11-10")
	if code != 0 || !strings.Contains(stdout, "created okrs/plans/2026-Q4/company.yaml") || !strings.Contains(stdout, "Next steps:") {
		t.Fatalf("okr init exited %d\n%s%s", code, stdout, stderr)
	}
	dir := filepath.Join(work, "okrs")
	cli = cliRun{dir: dir}
	if code, stdout, _ := cli.run(t, "lint"); code != 0 || !strings.Contains(stdout, "0 errors, 0 warnings in 2 files (2 plans)") {
		t.Fatalf("the new repository does not lint clean (exit %d):\n%s", code, stdout)
	}

	// A check-in by hand: retention measured at 79.5.
	q4 := filepath.Join(dir, "plans", "2026-Q4", "company.yaml")
	editFile(t, q4, "        kpi: client-retention\n", "        kpi: client-retention\n        current: 79.5\n")

	// --dry-run prints and writes nothing.
	code, stdout, _ = cli.run(t, "next", "--dry-run", "--as-of", "2026-12-20")
	if code != 0 || !strings.Contains(stdout, "--- plans/2027-Q1/company.yaml (new, from plans/2026-Q4/company.yaml)\n") {
		t.Fatalf("okr next --dry-run exited %d:\n%s", code, stdout)
	}
	if _, err := os.Stat(filepath.Join(dir, "plans", "2027-Q1")); err == nil {
		t.Fatal("okr next --dry-run wrote the drafts")
	}

	code, stdout, stderr = cli.run(t, "next", "--as-of", "2026-12-20")
	want := "okr next: 2026-Q4 → 2027-Q1\n" +
		"  created plans/2027-Q1/company.yaml (from plans/2026-Q4/company.yaml)\n" +
		"  created plans/2027/company.yaml (from plans/2026/company.yaml)\n"
	if code != 0 || !strings.HasPrefix(stdout, want) {
		t.Fatalf("okr next exited %d:\n%s%s", code, stdout, stderr)
	}
	q1 := readFile(t, filepath.Join(dir, "plans", "2027-Q1", "company.yaml"))
	if !strings.HasPrefix(q1, "# yaml-language-server: $schema=../../.okr/plan.schema.json\n") {
		t.Errorf("the draft does not point at the repository's schema:\n%s", q1)
	}
	if !regexp.MustCompile(`(?m)^      - id: raise-retention\n.*\n        start: 79\.5 # provisional: `).MatchString(q1) {
		t.Errorf("raise-retention does not start at the provisional reading 79.5:\n%s", q1)
	}

	// The drafts lint with exactly the decisions left to the author.
	code, stdout, _ = cli.run(t, "lint")
	if code != 1 {
		t.Errorf("okr lint exited %d, want 1 (the targets are not set yet):\n%s", code, stdout)
	}
	rules := map[string]bool{}
	for _, line := range strings.Split(strings.TrimSpace(stdout), "\n") {
		m := regexp.MustCompile(`^plans/(2027-Q1|2027)/company\.yaml:\d+:\d+: \w+: .* \[([a-z-]+)\]$`).FindStringSubmatch(line)
		if m == nil {
			if !strings.Contains(line, " errors, ") {
				t.Errorf("unexpected line: %s", line)
			}
			continue
		}
		rules[m[2]] = true
	}
	var got []string
	for r := range rules {
		got = append(got, r)
	}
	slices.Sort(got)
	if want := []string{"kpi-target", "kr-count", "kr-quantified"}; !slices.Equal(got, want) {
		t.Errorf("the drafts' findings come from %v, want %v", got, want)
	}

	for _, period := range []string{"2026-Q4", "2027-Q1"} {
		if code, stdout, stderr := cli.run(t, "report", "--period", period, "--as-of", "2026-12-20", "--format", "markdown"); code != 0 || !strings.Contains(stdout, "company") {
			t.Errorf("okr report --period %s exited %d:\n%s%s", period, code, stdout, stderr)
		}
	}

	// Running next again writes nothing.
	code, stdout, _ = cli.run(t, "next", "--as-of", "2026-12-20")
	if code != 0 || !strings.Contains(stdout, "Nothing to draft") || readFile(t, filepath.Join(dir, "plans", "2027-Q1", "company.yaml")) != q1 {
		t.Errorf("a second okr next exited %d or changed a plan:\n%s", code, stdout)
	}
}

func TestNextCommandErrors(t *testing.T) {
	tests := []struct {
		args   []string
		stderr string
	}{
		{[]string{"next", "examples", "--from", "2026"}, "okr: okr next carries a quarter forward"},
		{[]string{"next", "examples", "--from", "2026-Q5"}, "okr: --from: period \"2026-Q5\" has no valid quarter"},
		{[]string{"next", "examples", "--from", "2026-Q3", "--scope", "sals"}, `did you mean "sales"?`},
		{[]string{"next", "examples", "--as-of", "2026-13-01"}, `--as-of "2026-13-01" must be a date`},
	}
	for _, tt := range tests {
		code, stdout, stderr := run(t, tt.args...)
		if code != 2 || stdout != "" || !strings.Contains(stderr, tt.stderr) {
			t.Errorf("okr %s: exit %d, stdout %q, stderr %q; want exit 2 and %q", strings.Join(tt.args, " "), code, stdout, stderr, tt.stderr)
		}
	}
}

// On the examples, every 2026-Q4 plan exists: a dry run says so and writes nothing.
func TestNextDryRunOnExamples(t *testing.T) {
	code, stdout, stderr := run(t, "next", "examples", "--from", "2026-Q3", "--dry-run")
	if code != 0 || stderr != "" {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if want := "--- examples/plans/2026-Q4/sales.yaml: not written, the 2026-Q4 plan of sales exists: plans/2026-Q4/sales.yaml\n"; !strings.Contains(stdout, want) {
		t.Errorf("stdout lacks %q:\n%s", want, stdout)
	}
}

func TestInitIntoAFile(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "file"), nil, 0o644)
	code, _, stderr := cliRun{dir: dir}.run(t, "init", "file")
	if code != 2 || !strings.Contains(stderr, "it is a file") {
		t.Errorf("exit %d, %s", code, stderr)
	}
}

// A file where okr init needs a directory is named, not only "not a directory".
func TestInitNamesTheFileInTheWay(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "plans"), nil, 0o644)
	code, _, stderr := cliRun{dir: dir}.run(t, "init", "--as-of", "2026-07-01")
	want := "okr: cannot create the plan repository in .: plans is a file, where okr init needs a directory; move it away, or run okr init in another directory\n"
	if code != 2 || stderr != want {
		t.Errorf("exit %d, %q\nwant %q", code, stderr, want)
	}
	os.MkdirAll(filepath.Join(dir, "sub"), 0o755)
	os.WriteFile(filepath.Join(dir, "sub", "plans"), nil, 0o644)
	code, _, stderr = cliRun{dir: dir}.run(t, "init", "sub", "--as-of", "2026-07-01")
	if code != 2 || !strings.Contains(stderr, "in sub: sub/plans is a file, where okr init needs a directory") {
		t.Errorf("exit %d, %q", code, stderr)
	}
}

func TestInitTakesOneDirectory(t *testing.T) {
	dir := t.TempDir()
	code, _, stderr := cliRun{dir: dir}.run(t, "init", "my", "plans")
	if code != 2 || stderr != "okr: okr init takes one directory, not 2 (my plans); quote a name with spaces\n" {
		t.Errorf("exit %d, %q", code, stderr)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("okr init with two directories created %v", entries)
	}
}

// A plan that does not parse cannot be carried forward: okr next says so.
func TestNextWarnsAboutUnreadablePlans(t *testing.T) {
	dir := t.TempDir()
	cli := cliRun{dir: dir}
	if code, out, errOut := cli.run(t, "init", "--as-of", "2026-08-10"); code != 0 {
		t.Fatalf("okr init exited %d: %s%s", code, out, errOut)
	}
	os.WriteFile(filepath.Join(dir, "plans", "2026-Q3", "sales.yaml"), []byte("period: 2026-Q3\nscope: [sales\n"), 0o644)
	code, stdout, stderr := cli.run(t, "next", "--as-of", "2026-08-10")
	if code != 0 || !strings.Contains(stderr, "okr: warning: not carried forward, as they do not parse (okr lint says why): plans/2026-Q3/sales.yaml\n") {
		t.Errorf("exit %d\nstdout:\n%s\nstderr:\n%s", code, stdout, stderr)
	}
	if !strings.Contains(stdout, "created plans/2026-Q4/company.yaml") {
		t.Errorf("the readable plan was not drafted:\n%s", stdout)
	}
}

// commitAll commits every change of a test repository on a date.
func commitAll(g *vcstest.Repo, date, message string) {
	g.Git("add", "-A")
	g.GitEnv([]string{"GIT_AUTHOR_DATE=" + date, "GIT_COMMITTER_DATE=" + date}, "commit", "-q", "-m", message)
}

// setKR sets a field of a key result the way a program edits a plan: through package edit, so
// that only the value's bytes change.
func setKR(t *testing.T, name, id, field string, v float64) {
	t.Helper()
	data := readFile(t, name)
	p, _ := plan.Parse(name, []byte(data))
	kr := p.KeyResult(id)
	doc, err := edit.Parse([]byte(data))
	if p == nil || kr == nil || err != nil {
		t.Fatalf("%s has no key result %s (%v)", name, id, err)
	}
	m := doc.MappingAt(int(kr.Pos.Line), int(kr.Pos.Col))
	if err := doc.Set(m, field, edit.Number(v), plan.FieldKeys(plan.SectionKeyResult)); err != nil {
		t.Fatal(err)
	}
	if err := edit.WriteFile(name, doc.Bytes()); err != nil {
		t.Fatal(err)
	}
}

// The whole workflow on a fresh repository kept in git, as a team runs it: okr init → edit the
// plan → okr next → okr checkin --commit → okr lint → okr report → okr report --history.
func TestWorkflowFromInitToHistory(t *testing.T) {
	g := vcstest.New(t)
	cli := cliRun{dir: g.Dir}
	if code, stdout, stderr := cli.run(t, "init", "--as-of", "2026-07-01"); code != 0 {
		t.Fatalf("okr init exited %d\n%s%s", code, stdout, stderr)
	}
	// The repository keeps the schemas the plans and .okr.yaml point at: the ones okr schema prints.
	if got := readFile(t, filepath.Join(g.Dir, ".okr", "plan.schema.json")); got != string(schema.Plan()) {
		t.Errorf(".okr/plan.schema.json is not the schema okr schema prints")
	}
	if got := readFile(t, filepath.Join(g.Dir, ".okr", "okr-config.schema.json")); got != string(schema.Config()) {
		t.Errorf(".okr/okr-config.schema.json is not the schema okr schema config prints")
	}
	commitAll(g, "2026-07-01T09:00:00Z", "okr init")

	// The quarter closes: the team records retention's final reading, 80.5, by editing the plan.
	q3 := filepath.Join(g.Dir, "plans", "2026-Q3", "company.yaml")
	setKR(t, q3, "raise-retention", "current", 80.5)
	commitAll(g, "2026-09-30T17:00:00Z", "Q3 close")

	code, stdout, stderr := cli.run(t, "next", "--from", "2026-Q3", "--as-of", "2026-10-01")
	if code != 0 || !strings.Contains(stdout, "created plans/2026-Q4/company.yaml (from plans/2026-Q3/company.yaml)") {
		t.Fatalf("okr next exited %d\n%s%s", code, stdout, stderr)
	}
	q4 := filepath.Join(g.Dir, "plans", "2026-Q4", "company.yaml")
	draft := readFile(t, q4)
	if !strings.HasPrefix(draft, "# yaml-language-server: $schema=../../.okr/plan.schema.json\n") ||
		!strings.Contains(draft, "        start: 80.5 # the final 2026-Q3 reading of client-retention\n") {
		t.Fatalf("the draft does not point at the schema or start from the final reading:\n%s", draft)
	}
	// The author's decision: the quarter's target.
	setKR(t, q4, "raise-retention", "target", 82)
	commitAll(g, "2026-10-02T09:00:00Z", "2026-Q4 plan")

	t.Setenv("GIT_AUTHOR_DATE", "2026-10-20T12:00:00Z")
	t.Setenv("GIT_COMMITTER_DATE", "2026-10-20T12:00:00Z")
	code, stdout, stderr = cli.run(t, "checkin", "company", "raise-retention=81.2", "--note", "two renewals early", "--as-of", "2026-10-20", "--commit")
	if code != 0 {
		t.Fatalf("okr checkin exited %d\n%s%s", code, stdout, stderr)
	}
	match(t, "checkin", `(?m)^  raise-retention +current \(none\) → 81.2 +score no data → 0.47$`, stdout)
	match(t, "checkin", `(?m)^committed [0-9a-f]{12}$`, stdout)
	if got := g.Git("log", "-1", "--format=%aI %s", "--name-only"); got != "2026-10-20T12:00:00Z check-in: company 2026-Q4\n\nplans/2026-Q4/company.yaml\n" &&
		got != "2026-10-20T12:00:00+00:00 check-in: company 2026-Q4\n\nplans/2026-Q4/company.yaml\n" {
		t.Errorf("the check-in commit:\n%s", got)
	}

	// What is left are the decisions the draft names, in the draft only, and the reminders that
	// the closed quarter's KPIs were never read (the workflow recorded no reading for them).
	code, stdout, _ = cli.run(t, "lint")
	if code != 1 {
		t.Errorf("okr lint exited %d, want 1:\n%s", code, stdout)
	}
	for _, line := range strings.Split(strings.TrimSpace(stdout), "\n") {
		m := regexp.MustCompile(`^plans/2026-Q4/company\.yaml:\d+:\d+: \w+: .* \[(kpi-target|kr-count|kpi-every-kr|kr-quantified)\]$`).MatchString(line) ||
			regexp.MustCompile(`^plans/2026-Q3/company\.yaml:\d+:\d+: warning: KPI "[a-z-]+" has no reading for 2026-Q3, .* \[kpi-unmeasured\]$`).MatchString(line)
		if !m && !strings.Contains(line, " errors, ") {
			t.Errorf("okr lint reports more than the decisions left: %s", line)
		}
	}
	if strings.Contains(stdout, `"raise-retention" has no target`) {
		t.Errorf("okr lint still asks for the target that was set:\n%s", stdout)
	}

	// The report scores the check-in, and its history shows it.
	code, stdout, stderr = cli.run(t, "report", "--period", "2026-Q4", "--as-of", "2026-10-21", "--format", "json")
	if code != 0 {
		t.Fatalf("okr report exited %d\n%s%s", code, stdout, stderr)
	}
	match(t, "report", `(?s)"id": "raise-retention",[^}]*"score": 0.4666[^}]*"current": 81.2,?\n`, stdout)
	code, stdout, stderr = cli.run(t, "report", "--period", "2026-Q4", "--as-of", "2026-10-21", "--history")
	if code != 0 {
		t.Fatalf("okr report --history exited %d\n%s%s", code, stdout, stderr)
	}
	match(t, "report --history", `(?m)^  loyal-customers/raise-retention .* 0\.47 .*last 2026-10-20 [0-9a-f]{7}$`, stdout)
	match(t, "report --history", `(?m)^  KPI client-retention +81\.2% +fresh: read 2026-10-20`, stdout)
}

// okr init and okr next on a copy of the examples: init adds what is missing and leaves every
// plan alone; next drafts 2027-Q2 for each scope, and the drafts lint with only the decisions
// they leave to their authors.
func TestInitAndNextOnExamples(t *testing.T) {
	dir := copyExamples(t)
	before := snapshot(t, dir)
	cli := cliRun{dir: dir}
	code, stdout, stderr := cli.run(t, "init", "--as-of", "2026-08-10")
	if code != 0 || !strings.Contains(stdout, "  skipped plans/2026-Q3/company.yaml: it exists\n") ||
		!strings.Contains(stdout, "  created .okr/plan.schema.json\n") {
		t.Fatalf("okr init exited %d\n%s%s", code, stdout, stderr)
	}
	for p, data := range before {
		if readFile(t, p) != data {
			t.Errorf("okr init changed %s", p)
		}
	}
	_, lintBefore, _ := cli.run(t, "lint")

	code, stdout, stderr = cli.run(t, "next", "--from", "2027-Q1", "--as-of", "2027-04-02")
	if code != 0 {
		t.Fatalf("okr next exited %d\n%s%s", code, stdout, stderr)
	}
	for _, scope := range []string{"company", "customer-success", "engineering", "sales"} {
		if !strings.Contains(stdout, "  created plans/2027-Q2/"+scope+".yaml (from plans/2027-Q1/"+scope+".yaml)\n") {
			t.Errorf("okr next did not draft %s:\n%s", scope, stdout)
		}
	}
	_, lintAfter, _ := cli.run(t, "lint")
	old := map[string]bool{}
	for _, line := range strings.Split(lintBefore, "\n") {
		old[line] = true
	}
	decision := regexp.MustCompile(`^plans/2027-Q2/[a-z-]+\.yaml:\d+:\d+: \w+: .* \[(kpi-target|kr-count|kpi-every-kr|kr-quantified|objective-count)\]$`)
	for _, line := range strings.Split(strings.TrimSpace(lintAfter), "\n") {
		if !old[line] && !decision.MatchString(line) && !strings.Contains(line, " errors, ") {
			t.Errorf("a draft brings a finding that is not a decision left to its author: %s", line)
		}
	}
}

// TestAuthoringGuideIsComplete: docs/authoring.md names every flag of the commands it is the
// guide to, and the links into it from the other docs lead to its sections.
func TestAuthoringGuideIsComplete(t *testing.T) {
	guide := readFile(t, filepath.Join(projectRoot(t), "docs", "authoring.md"))
	root := NewRootCmd(&Env{})
	for _, name := range []string{"init", "next", "checkin", "schema"} {
		c, _, err := root.Find([]string{name})
		if err != nil || c.Name() != name {
			t.Fatalf("no command %s", name)
		}
		if !strings.Contains(guide, "## okr "+name) {
			t.Errorf("docs/authoring.md has no section for okr %s", name)
		}
		c.LocalFlags().VisitAll(func(f *pflag.Flag) {
			if f.Name != "help" && !strings.Contains(guide, "`--"+f.Name) {
				t.Errorf("docs/authoring.md does not mention okr %s --%s", name, f.Name)
			}
		})
	}
	anchors := map[string]bool{}
	for _, m := range regexp.MustCompile(`(?m)^#+ (.+)$`).FindAllStringSubmatch(guide, -1) {
		slug := strings.ToLower(m[1])
		slug = regexp.MustCompile(`[^a-z0-9 -]`).ReplaceAllString(slug, "")
		anchors[strings.ReplaceAll(slug, " ", "-")] = true
	}
	for _, doc := range []string{"README.md", "docs/plan-format.md", "docs/authoring.md"} {
		text := readFile(t, filepath.Join(projectRoot(t), filepath.FromSlash(doc)))
		for _, m := range regexp.MustCompile(`authoring\.md#([a-z0-9-]+)|\]\(#([a-z0-9-]+)\)`).FindAllStringSubmatch(text, -1) {
			anchor := m[1] + m[2]
			if (m[2] == "" || doc == "docs/authoring.md") && !anchors[anchor] {
				t.Errorf("%s links to docs/authoring.md#%s, which is no section", doc, anchor)
			}
		}
	}
}

// In a repository that keeps no copy of the plan schema, okr next writes one, the schema of this
// binary, and points the drafts at it, rather than at an address that is not tied to the
// version.
func TestNextWritesTheSchemaLocally(t *testing.T) {
	dir := copyExamples(t)
	cli := cliRun{dir: dir}
	code, stdout, stderr := cli.run(t, "next", "--from", "2027-Q1", "--as-of", "2027-04-02", "--dry-run")
	if code != 0 || !strings.Contains(stdout, "--- .okr/plan.schema.json (new: the JSON Schema the drafts point at") {
		t.Fatalf("okr next --dry-run exited %d\n%s%s", code, stdout, stderr)
	}
	if _, err := os.Stat(filepath.Join(dir, ".okr")); err == nil {
		t.Error("a dry run created .okr/")
	}
	code, stdout, stderr = cli.run(t, "next", "--from", "2027-Q1", "--as-of", "2027-04-02")
	if code != 0 || !strings.Contains(stdout, "  created .okr/plan.schema.json (the JSON Schema the new plans point at") {
		t.Fatalf("okr next exited %d\n%s%s", code, stdout, stderr)
	}
	if got := readFile(t, filepath.Join(dir, ".okr", "plan.schema.json")); got != string(schema.Plan()) {
		t.Error(".okr/plan.schema.json is not the schema okr schema prints")
	}
	draft := readFile(t, filepath.Join(dir, "plans", "2027-Q2", "sales.yaml"))
	if !strings.HasPrefix(draft, "# yaml-language-server: $schema=../../.okr/plan.schema.json\n") || strings.Contains(draft, "://") {
		t.Errorf("the draft does not point at the local schema:\n%.300s", draft)
	}
	// A second run drafts nothing new and leaves the schema alone.
	os.WriteFile(filepath.Join(dir, ".okr", "plan.schema.json"), []byte("{}\n"), 0o644)
	cli.run(t, "next", "--from", "2027-Q1", "--as-of", "2027-04-02")
	if got := readFile(t, filepath.Join(dir, ".okr", "plan.schema.json")); got != "{}\n" {
		t.Error("okr next replaced the repository's schema")
	}
}
