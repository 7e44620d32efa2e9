package cmd

import (
	"regexp"
	"strings"
	"testing"
)

// run executes okr in-process from the repository root.
func run(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	return cliRun{dir: projectRoot(t)}.run(t, args...)
}

// TestExitCodes pins the exit status contract: 0 without error findings, 1 with them, 2 when
// okr cannot run.
func TestExitCodes(t *testing.T) {
	tests := []struct {
		name   string
		args   []string
		code   int
		stdout string // a regular expression the output must match
		stderr string
	}{
		{"clean plans", []string{"lint", "testdata/cli/clean"}, 0, `^0 errors, 0 warnings in 1 file \(1 plan\)\n$`, `^$`},
		{"no plans", []string{"lint", "testdata/cli/empty"}, 0, `^0 errors, 0 warnings in 0 files`, `no plans found under testdata/cli/empty`},
		{"bundled examples", []string{"lint", "examples", "--as-of", "2026-11-28"}, 0, `0 errors, 0 warnings`, `^$`},
		{"findings", []string{"lint", "testdata/cli/errors"}, 1,
			`(?m)^testdata/cli/errors/sales.yaml:6:5: error: unknown key "titel" in objective; did you mean "title"\? \[schema\]$`, `^$`},
		{"syntax error is a finding", []string{"lint", "testdata/load/syntax-error.yaml"}, 1, `\[yaml-syntax\]`, `^$`},
		{"json findings", []string{"lint", "--format", "json", "testdata/cli/errors"}, 1, `"rule": "kr-count"`, `^$`},
		{"missing path", []string{"lint", "testdata/cli/nowhere"}, 2, `^$`, `cannot read testdata/cli/nowhere: no such file or directory`},
		{"unknown flag", []string{"lint", "--frmat", "json"}, 2, `^$`, `unknown flag: --frmat`},
		{"bad format", []string{"lint", "--format", "xml", "testdata/cli/clean"}, 2, `^$`, `xml`},
		{"unknown command", []string{"lnt"}, 2, `^$`, `unknown command "lnt"`},
		{"version", []string{"version"}, 0, `^okr \S+ \(go1\.\d+`, `^$`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, stdout, stderr := run(t, tt.args...)
			if code != tt.code {
				t.Errorf("okr %s exited %d, want %d\nstdout:\n%s\nstderr:\n%s", strings.Join(tt.args, " "), code, tt.code, stdout, stderr)
			}
			if !regexp.MustCompile(tt.stdout).MatchString(stdout) {
				t.Errorf("stdout does not match %q:\n%s", tt.stdout, stdout)
			}
			if !regexp.MustCompile(tt.stderr).MatchString(stderr) {
				t.Errorf("stderr does not match %q:\n%s", tt.stderr, stderr)
			}
		})
	}
}
