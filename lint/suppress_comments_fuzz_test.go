package lint

import (
	"strings"
	"testing"

	"github.com/okr-tool/okr/internal/textsafe"
	"github.com/okr-tool/okr/plan"
)

// FuzzSuppressionComments lints a plan with arbitrary "# okr:ignore" comments: one after a value, and
// two stacked on their own lines above a key result. It must never panic; each comment found
// names rules as single words; every finding lies inside the file, a suppression finding on its
// comment's line; and no message shows the comment's text unquoted.
func FuzzSuppressionComments(f *testing.F) {
	for _, c := range [][3]string{
		{"# okr:ignore kr-count only one key result this quarter", "# okr:ignore kr-quantified, kr-due reviewed", "# okr:ignore=schema"},
		{"# okr:ignore", "# okr:ignore nope", "#okr:ignore kr-count"},
		{"# okr:ignore: kr-count — why", "# okr:ignore kr-count,,kr-count", "# okr:ignore\tkr-count\treason"},
		{"'# not a comment'", "# okr:ignored kr-count", "## okr:ignore kr-count reason"},
		{"# okr:ignore \x1b[31mx\u202e", "# okr:ignore kr-count\r", "# okr:ignore kr-count\x00 reason"},
		{"", "", ""},
		{"# okr:ignore gpj.\u202eexe", "# okr:ignore kr-count\u2028", "# okr:ignore \u0085"},
	} {
		f.Add(c[0], c[1], c[2])
	}
	f.Fuzz(func(t *testing.T, after, own1, own2 string) {
		text := "period: 2026-Q3\nscope: sales\nobjectives:\n  - id: grow " + after + "\n    title: Grow\n    key_results:\n" +
			"      " + own1 + "\n      " + own2 + "\n      - {id: a, title: A, start: 1, target: 2}\n"
		repo := plan.LoadSources("", []plan.Source{{File: "p.yaml", Named: true, Data: []byte(text)}}, 1)
		lines := int32(1 + strings.Count(text, "\n") + strings.Count(text, "\r") +
			strings.Count(text, "\u0085") + strings.Count(text, "\u2028") + strings.Count(text, "\u2029"))
		for _, p := range repo.Plans {
			for _, s := range p.Suppressions {
				if s.Pos.Line < 1 || s.Pos.Line > lines || s.Pos.Col < 1 {
					t.Fatalf("comment outside the file: %+v", s)
				}
				for _, r := range s.Rules {
					if r == "" || strings.ContainsAny(r, ", \t\n") {
						t.Fatalf("rule %q is not one word", r)
					}
				}
			}
		}
		for _, fd := range Run(repo, Options{}).Findings {
			if fd.Pos.Line < 0 || fd.Pos.Line > lines {
				t.Fatalf("finding outside the file (%d lines): %+v", lines, fd)
			}
			if fd.Rule == RuleSuppression && (fd.Pos.Line < 1 || fd.Pos.Col < 1) {
				t.Fatalf("suppression finding without a position: %+v", fd)
			}
			if !textsafe.Safe(fd.Message) {
				t.Fatalf("message of %s shows the plan's text unquoted: %q", fd.Rule, fd.Message)
			}
		}
	})
}
