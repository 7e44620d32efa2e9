package cmd

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// cliRun runs okr in-process in dir with the given environment variables and terminal answer.
type cliRun struct {
	dir      string
	env      map[string]string
	terminal bool
}

func (r cliRun) run(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code = Main(args, &Env{
		Stdout:     &out,
		Stderr:     &errOut,
		Getenv:     func(k string) string { return r.env[k] },
		IsTerminal: func(io.Writer) bool { return r.terminal },
		Dir:        r.dir,
	})
	return code, out.String(), errOut.String()
}

// projectRoot is the okr source tree, whose testdata holds the lint fixtures.
func projectRoot(t *testing.T) string {
	t.Helper()
	dir, err := filepath.Abs("..")
	if err != nil {
		t.Fatal(err)
	}
	return dir
}

// writeRepo creates a plan repository in a temporary directory from path and text pairs.
func writeRepo(t *testing.T, files ...string) string {
	t.Helper()
	dir := t.TempDir()
	for i := 0; i+1 < len(files); i += 2 {
		name := filepath.Join(dir, filepath.FromSlash(files[i]))
		if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(name, []byte(files[i+1]), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

const warnOnly = `period: 2026-Q3
scope: sales
kpis:
  - {id: nps, name: NPS, source: Survey, frequency: quarterly, target: 40, actual: 38}
objectives: []
`

func TestLintExitCodes(t *testing.T) {
	warn := writeRepo(t, ".okr.yaml", "", "plans/sales.yaml", warnOnly)
	fixtures := filepath.Join(projectRoot(t), "testdata", "lint", "cli")
	tests := []struct {
		name   string
		dir    string
		args   []string
		code   int
		stdout string
		stderr string
	}{
		{"clean", filepath.Join(fixtures, "clean"), []string{"lint"}, 0, "0 errors, 0 warnings in 1 file (1 plan)\n", ""},
		{"errors", filepath.Join(fixtures, "errors"), []string{"lint"}, 1, "3 errors, 0 warnings in 1 file (1 plan)\n", ""},
		{"warnings pass", warn, []string{"lint"}, 0, "0 errors, 1 warning in 1 file (1 plan)\n", ""},
		{"warnings within --max-warnings", warn, []string{"lint", "--max-warnings", "1"}, 0, "0 errors, 1 warning", ""},
		{"warnings above --max-warnings", warn, []string{"lint", "--max-warnings", "0"}, 1, "0 errors, 1 warning",
			"okr: 1 warning is more than --max-warnings 0 allows\n"},
		{"unknown format", warn, []string{"lint", "--format", "xml"}, 2, "", "okr: --format \"xml\" must be one of text, json, sarif, github\n"},
		{"unknown color", warn, []string{"lint", "--color", "sometimes"}, 2, "", "okr: --color \"sometimes\" must be auto, always or never\n"},
		{"missing --config file", warn, []string{"lint", "--config", "nowhere.yaml"}, 2, "", "okr: cannot read configuration nowhere.yaml: no such file or directory\n"},
		{"missing absolute --config file", warn, []string{"lint", "--config", "/okr-nowhere/nope.yaml"}, 2, "", "okr: cannot read configuration /okr-nowhere/nope.yaml: no such file or directory\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, stdout, stderr := cliRun{dir: tt.dir}.run(t, tt.args...)
			if code != tt.code || !strings.Contains(stdout, tt.stdout) || stderr != tt.stderr {
				t.Errorf("okr %s: exit %d, want %d\nstdout:\n%s\nstderr:\n%s", strings.Join(tt.args, " "), code, tt.code, stdout, stderr)
			}
			if tt.stdout == "" && stdout != "" {
				t.Errorf("stdout should be empty:\n%s", stdout)
			}
		})
	}
}

func TestLintConfigErrors(t *testing.T) {
	tests := []struct {
		name, config string
		stderr       string
	}{
		{"typo in a rule", "rules:\n  kpi-cadance: off\n",
			"okr: invalid configuration:\n.okr.yaml:2:3: unknown rule \"kpi-cadance\" (did you mean \"kpi-cadence\"?)\n"},
		{"bad severity", "rules:\n  kpi-cadence: of\n",
			"okr: invalid configuration:\n.okr.yaml:2:16: severity of kpi-cadence must be error, warning or off, not \"of\" (did you mean \"off\"?)\n"},
		{"not YAML", "rules: [\n",
			"okr: invalid configuration:\n.okr.yaml:1:8: invalid YAML: did not find expected node content; this '[' is not closed: close it with \"]\", or put the whole value in quotes if the '[' is part of the text\n"},
		{"two documents", "rules:\n  kpi-cadence: off\n---\nrules:\n  kr-count: off\n",
			"okr: invalid configuration:\n.okr.yaml:3:1: the configuration is one YAML document; remove the second one (and its ---)\n"},
		{"no levels", "rules:\n  kpi-count:\n    levels: []\n",
			"okr: invalid configuration:\n.okr.yaml:3:13: levels of kpi-count lists no level; list some of company, team, individual, or turn the rule off with kpi-count: off\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := writeRepo(t, ".okr.yaml", tt.config, "plans/sales.yaml", warnOnly)
			code, stdout, stderr := cliRun{dir: dir}.run(t, "lint")
			if code != 2 || stdout != "" || stderr != tt.stderr {
				t.Errorf("exit %d, want 2\nstdout:\n%s\nstderr:\n%s\nwant stderr:\n%s", code, stdout, stderr, tt.stderr)
			}
		})
	}
	t.Run("named with --config, shown relative to the working directory", func(t *testing.T) {
		dir := writeRepo(t, ".okr.yaml", "", "ci/okr.yaml", "rules:\n  kr-count: 3\n", "plans/sales.yaml", warnOnly)
		code, _, stderr := cliRun{dir: filepath.Join(dir, "plans")}.run(t, "lint", "--config", "../ci/okr.yaml")
		want := "okr: invalid configuration:\n../ci/okr.yaml:2:13: severity of kr-count must be error, warning or off, not \"3\"\n"
		if code != 2 || stderr != want {
			t.Errorf("exit %d\nstderr:\n%s\nwant:\n%s", code, stderr, want)
		}
	})
}

func TestLintConfigApplies(t *testing.T) {
	dir := writeRepo(t,
		".okr.yaml", "paths: [plans/**]\nrules:\n  kpi-cadence:\n    severity: error\n",
		"plans/sales.yaml", warnOnly,
		"drafts/sales.yaml", strings.Replace(warnOnly, "2026-Q3", "2026-Q4", 1),
		"ci/relaxed.yaml", "rules:\n  kpi-cadence:\n    slowest: quarterly\n")
	code, stdout, _ := cliRun{dir: dir}.run(t, "lint")
	want := "plans/sales.yaml:4:53: error: KPI \"nps\" is reported quarterly; report it at least monthly so a slip shows before the period ends [kpi-cadence]\n" +
		"1 error, 0 warnings in 1 file (1 plan)\n"
	if code != 1 || stdout != want {
		t.Errorf(".okr.yaml: exit %d\n%s\nwant:\n%s", code, stdout, want)
	}
	code, stdout, _ = cliRun{dir: dir}.run(t, "lint", "--config", "ci/relaxed.yaml")
	if code != 0 || stdout != "0 errors, 0 warnings in 2 files (2 plans)\n" {
		t.Errorf("--config replaces .okr.yaml: exit %d\n%s", code, stdout)
	}
}

// TestLintNamedFiles lints one file of a repository whose KPIs cross a year boundary: the whole
// repository is read, and only the named file's findings are reported, with paths relative to the
// working directory.
func TestLintNamedFiles(t *testing.T) {
	root := projectRoot(t)
	fixture := "testdata/lint/cli/year-boundary/plans/"
	code, stdout, _ := cliRun{dir: root}.run(t, "lint", fixture+"2027-Q2/sales.yaml")
	want := fixture + `2027-Q2/sales.yaml:2:1: error: KPI "cycle-days" (tracked since 2026-Q3 in plans/2026-Q3/sales.yaml) is missing from 2027-Q2; carry it forward or add it with retired: <reason> [kpi-carry-forward]` + "\n" +
		fixture + `2027-Q2/sales.yaml:2:1: error: KPI "pipeline" (tracked since 2026-Q3 in plans/2026-Q3/sales.yaml) is missing from 2027-Q2; carry it forward or add it with retired: <reason> [kpi-carry-forward]` + "\n" +
		"2 errors, 0 warnings in 1 file (1 plan)\n"
	if code != 1 || stdout != want {
		t.Errorf("exit %d\n%s\nwant:\n%s", code, stdout, want)
	}
	code, stdout, _ = cliRun{dir: filepath.Join(root, filepath.FromSlash(fixture))}.run(t, "lint", "2026-Q3", "--format", "json")
	if code != 0 || !strings.Contains(stdout, `"findings": []`) || !strings.Contains(stdout, `"files": 1`) {
		t.Errorf("naming 2026-Q3: exit %d\n%s", code, stdout)
	}
	code, stdout, _ = cliRun{dir: filepath.Join(root, filepath.FromSlash(fixture))}.run(t, "lint", "--format", "json", "2026-Q4")
	if code != 1 || !strings.Contains(stdout, `"file": "2026-Q4/sales.yaml"`) {
		t.Errorf("naming 2026-Q4: exit %d\n%s", code, stdout)
	}
}

func TestLintColor(t *testing.T) {
	dir := writeRepo(t, ".okr.yaml", "", "plans/sales.yaml", warnOnly)
	const esc = "\x1b["
	tests := []struct {
		name  string
		run   cliRun
		args  []string
		color bool
	}{
		{"auto on a terminal", cliRun{dir: dir, terminal: true}, nil, true},
		{"auto in a pipe", cliRun{dir: dir}, nil, false},
		{"auto with NO_COLOR", cliRun{dir: dir, terminal: true, env: map[string]string{"NO_COLOR": "1"}}, nil, false},
		{"auto on a dumb terminal", cliRun{dir: dir, terminal: true, env: map[string]string{"TERM": "dumb"}}, nil, false},
		{"never", cliRun{dir: dir, terminal: true}, []string{"--color", "never"}, false},
		{"always", cliRun{dir: dir}, []string{"--color=always"}, true},
		{"always, but JSON", cliRun{dir: dir}, []string{"--color=always", "--format", "json"}, false},
		{"always, but annotations", cliRun{dir: dir}, []string{"--color=always", "--format", "github"}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, stdout, _ := tt.run.run(t, append([]string{"lint"}, tt.args...)...)
			if got := strings.Contains(stdout, esc); got != tt.color {
				t.Errorf("colored = %v, want %v:\n%q", got, tt.color, stdout)
			}
		})
	}
}

func TestLintFormatsFromTheCLI(t *testing.T) {
	dir := writeRepo(t, ".okr.yaml", "", "plans/sales.yaml", warnOnly)
	for format, want := range map[string]string{
		"json":   `"file": "sales.yaml"`,
		"sarif":  `"uri": "plans/sales.yaml"`,
		"github": "::warning file=sales.yaml,line=4,col=53,title=okr kpi-cadence::",
	} {
		_, stdout, _ := cliRun{dir: filepath.Join(dir, "plans")}.run(t, "lint", "-f", format)
		if !strings.Contains(stdout, want) {
			t.Errorf("--format %s lacks %q:\n%s", format, want, stdout)
		}
	}
}

// GitHub resolves annotation and code-scanning paths from the top of the git work tree, so the
// github and sarif formats name files from there even when the plans (and .okr.yaml) sit in a
// subdirectory and okr runs below it; text and json stay relative to the working directory.
func TestLintAnnotationPathsFromTheGitTop(t *testing.T) {
	dir := writeRepo(t, ".git/HEAD", "ref: refs/heads/main\n", "okrs/.okr.yaml", "", "okrs/plans/sales.yaml", warnOnly)
	for _, wd := range []string{dir, filepath.Join(dir, "okrs"), filepath.Join(dir, "okrs", "plans")} {
		rel, _ := filepath.Rel(filepath.Join(dir, "okrs"), filepath.Join(dir, "okrs", "plans", "sales.yaml"))
		if wd == dir {
			rel = "okrs/plans/sales.yaml"
		} else if wd == filepath.Join(dir, "okrs", "plans") {
			rel = "sales.yaml"
		}
		for format, want := range map[string]string{
			"github": "::warning file=okrs/plans/sales.yaml,line=4,",
			"sarif":  `"uri": "okrs/plans/sales.yaml"`,
			"json":   `"file": "` + filepath.ToSlash(rel) + `"`,
		} {
			args := []string{"lint", "-f", format}
			if wd == dir {
				args = append(args, "okrs")
			}
			_, stdout, _ := cliRun{dir: wd}.run(t, args...)
			if !strings.Contains(stdout, want) {
				t.Errorf("in %s, --format %s lacks %q:\n%s", wd, format, want, stdout)
			}
		}
	}
}
