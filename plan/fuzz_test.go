package plan

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// FuzzParse feeds the loader arbitrary bytes, seeded with every fixture of the repository. It
// must never panic, every diagnostic must have a rule and a position inside the file, and a
// plan it returns must be consistent with its diagnostics.
func FuzzParse(f *testing.F) {
	for _, pattern := range []string{"../testdata/load/*.yaml", "../testdata/*/*/*.yaml", "../examples/plans/*/*.yaml"} {
		files, _ := filepath.Glob(pattern)
		for _, name := range files {
			if data, err := os.ReadFile(name); err == nil && len(data) < 64<<10 {
				f.Add(data)
			}
		}
	}
	f.Add([]byte("period: 2026-Q3\nscope: company\nobjectives: [{id: a, title: A, key_results: [{id: b, title: B, start: 1, target: 2}]}]\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		p, diags := Parse("fuzz.yaml", data)
		lines := yamlLines(data) + 1
		for _, d := range diags {
			if d.Rule == "" || d.Message == "" {
				t.Fatalf("diagnostic without rule or message: %+v", d)
			}
			if d.Pos.Line < 1 || d.Pos.Col < 1 || int(d.Pos.Line) > lines {
				t.Fatalf("diagnostic outside the file (%d lines): %+v", lines, d)
			}
		}
		if p == nil && len(diags) == 0 {
			t.Fatal("no plan and no diagnostic")
		}
		if p != nil {
			for _, kr := range p.KeyResults() {
				if kr.Weight.Value <= 0 {
					t.Fatalf("key result %q has weight %v", kr.ID.Value, kr.Weight.Value)
				}
			}
		}
		// A file found by walking is either a plan (maybe broken) or silently skipped.
		if cp, cdiags, isPlan := ParseCandidate("fuzz.yaml", data); !isPlan && (cp != nil || len(cdiags) > 0) {
			t.Fatalf("a skipped file came with a plan or diagnostics: %v", cdiags)
		} else if isPlan && p == nil && cp != nil {
			t.Fatal("ParseCandidate found a plan where Parse found none")
		}
		// Linking a single plan must not fail either.
		LoadSources("", []Source{{File: "fuzz.yaml", Data: data, Named: true}}, 1)
	})
}

// yamlLines counts lines as YAML does: "\r\n", "\r", "\n" and the Unicode line breaks NEL, LS and
// PS each end one.
func yamlLines(data []byte) int {
	s := strings.ReplaceAll(string(data), "\r\n", "\n")
	return 1 + strings.Count(s, "\n") + strings.Count(s, "\r") +
		strings.Count(s, "\u0085") + strings.Count(s, "\u2028") + strings.Count(s, "\u2029")
}
