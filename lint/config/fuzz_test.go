package config

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/okr-tool/okr/internal/textsafe"
)

// FuzzParse feeds the configuration decoder arbitrary bytes, seeded with every .okr.yaml of the
// repository and with configurations that set each kind of value. It must never panic; it returns
// either a configuration or an *Error with at least one problem, each inside the file and with a
// message that shows the file's text quoted (no control character reaches a terminal).
func FuzzParse(f *testing.F) {
	for _, pattern := range []string{"../../testdata/*/.okr.yaml", "../../testdata/*/*/.okr.yaml", "../../testdata/*/*/*/.okr.yaml", "../../examples/.okr.yaml", "../../scaffold/testdata/*/.okr.yaml"} {
		files, _ := filepath.Glob(pattern)
		for _, name := range files {
			if data, err := os.ReadFile(name); err == nil {
				f.Add(data)
			}
		}
	}
	for _, s := range []string{
		"",
		"paths: [plans/**, \"archive/*.yaml\"]\n",
		"rules:\n  kpi-count: {min: 4, max: 6, levels: [company, team]}\n  kr-count: warning\n  kpi-cadence: {slowest: weekly}\n",
		"rules:\n  kr-count: {severity: off, max: x}\n  nope: error\n",
		"paths: &p [a]\nrules: *p\n<<: {paths: [b]}\n",
		"paths: [\"\\e[31m\\u202e\", \"../x\", \"/abs\", \"[\"]\n",
		"a: 1\n---\nb: 2\n",
		"rules: {kpi-count: {levels: []}}\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		cfg, err := Parse(".okr.yaml", data)
		if err == nil {
			if cfg == nil || cfg.Severity == nil || len(cfg.Rules) == 0 {
				t.Fatalf("no error and no usable configuration: %+v", cfg)
			}
			for _, g := range cfg.Paths {
				if checkGlob(g) != "" {
					t.Fatalf("path %q accepted, though checkGlob refuses it", g)
				}
			}
			return
		}
		var e *Error
		if !errors.As(err, &e) || len(e.Problems) == 0 {
			t.Fatalf("error %v is not an *Error with problems", err)
		}
		lines := 1 + strings.Count(string(data), "\n") + strings.Count(string(data), "\r") +
			strings.Count(string(data), "\u0085") + strings.Count(string(data), "\u2028") + strings.Count(string(data), "\u2029")
		for _, p := range e.Problems {
			if p.File != ".okr.yaml" || p.Message == "" || p.Line < 1 || p.Col < 1 || p.Line > lines {
				t.Fatalf("problem without a message or outside the file (%d lines): %+v", lines, p)
			}
			if !textsafe.Safe(p.Message) {
				t.Fatalf("problem shows the file's text unquoted: %q", p.Message)
			}
		}
	})
}
