// Package textsafetest holds a hostile plan and the checks that an output format escaped it, for
// the tests of every format.
package textsafetest

import (
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/okr-tool/okr/internal/textsafe"
)

// Hostile is plan text that tries to forge output: a newline followed by a GitHub workflow
// command and a stop-commands line, an SGR color, an OSC 8 hyperlink ended by BEL, a lone BEL,
// a C1 CSI and a right-to-left override.
const Hostile = "x\n::error file=README.md,line=1::forged\n::stop-commands::tok\x1b[31mred\x1b]8;;https://evil.example/\x07link\x1b]8;;\x07\a\u009b2J\u202eexe"

// FileName is a plan file name that tries the same.
const FileName = "::error file=README.md,line=1::f\n::warning::g\x1b[31m\u202e.yaml"

// Q is Hostile with a suffix, as a YAML double-quoted scalar.
func Q(suffix string) string { return strconv.Quote(Hostile + suffix) }

// PlanYAML is a 2026-Q3 plan of scope sales whose owner, KPI, objective and key result ids,
// titles, names and units are hostile. Its first objective and key result have plain ids, so a
// report shows them with their hostile titles.
func PlanYAML() string {
	return `period: 2026-Q3
scope: sales
owner: ` + Q("owner") + `
kpis:
  - id: ` + Q("kpi") + `
    name: ` + Q("kpi name") + `
    source: ` + Q("source") + `
    frequency: quarterly
    target: 5
objectives:
  - id: growth
    title: ` + Q("objective title") + `
    owner: ` + Q("objective owner") + `
    key_results:
      - id: revenue
        title: ` + Q("kr title") + `
        start: 1
        target: 10
        current: 4
        unit: ` + Q("unit") + `
        kpi: ` + Q("kpi ref") + `
  - id: ` + Q("objective id") + `
    title: plain
    aligns_to: nope
    key_results:
      - id: ` + Q("kr id") + `
        title: ` + Q("kr title 2") + `
        start: 1
        target: 10
`
}

// WriteRepo writes PlanYAML under root as plans/2026-Q3/sales.yaml and, where the file system
// allows such a name, a copy under plans/2026-Q3/<FileName>. It returns whether it wrote the copy.
func WriteRepo(t testing.TB, root string) bool {
	t.Helper()
	dir := filepath.Join(root, "plans", "2026-Q3")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "sales.yaml"), []byte(PlanYAML()), 0o644); err != nil {
		t.Fatal(err)
	}
	other := strings.Replace(PlanYAML(), "scope: sales", "scope: support", 1)
	return os.WriteFile(filepath.Join(dir, FileName), []byte(other), 0o644) == nil
}

// sgr is a color escape as okr's own styles write it.
var sgr = regexp.MustCompile("\x1b\\[[0-9;]*m")

// workflowCommand is a line of okr's github format.
var workflowCommand = regexp.MustCompile(`^::(error|warning|notice) file=[^,:\n]*,line=\d+,col=\d+,title=okr [a-z-]+::`)

// Check fails the test when out, the output of one format, has a control character other than a
// line break (or, with color, okr's own SGR colors) or a bidi control, or a line that a CI
// runner would read as a workflow command that okr did not write. With github set, okr's own
// annotations are allowed.
func Check(t testing.TB, out string, color, github bool) {
	t.Helper()
	if !strings.Contains(out, "forged") && !strings.Contains(out, "kr title") && !strings.Contains(out, "owner") {
		t.Fatalf("the output shows none of the hostile text, so it proves nothing:\n%s", out)
	}
	for i, line := range strings.Split(out, "\n") {
		shown := line
		if color {
			shown = sgr.ReplaceAllString(line, "")
		}
		if !textsafe.Safe(shown) {
			t.Errorf("line %d has a control character: %q", i+1, line)
		}
		if strings.HasPrefix(strings.TrimSpace(shown), "::") && !(github && workflowCommand.MatchString(shown)) {
			t.Errorf("line %d is a forged workflow command: %q", i+1, line)
		}
	}
}
