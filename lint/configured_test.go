package lint_test

import (
	"bytes"
	"testing"

	"github.com/okr-tool/okr/lint"
	"github.com/okr-tool/okr/lint/config"
	"github.com/okr-tool/okr/lint/output"
	"github.com/okr-tool/okr/plan"
)

// TestConfiguredRun lints plans the way okr lint does, with an .okr.yaml, and checks the text
// output: settings and severities from the configuration reach the findings, and a rule turned
// off reports nothing.
func TestConfiguredRun(t *testing.T) {
	const fiveObjectives = "period: 2026-Q3\nscope: sales\nkpis: []\nobjectives:\n" +
		"  - {id: o1, title: One}\n  - {id: o2, title: Two}\n  - {id: o3, title: Three}\n" +
		"  - {id: o4, title: Four}\n  - {id: o5, title: Five}\n"
	cases := []struct{ name, config, want string }{
		{"defaults but kr-count and kpi-count", "rules:\n  kr-count: off\n  kpi-count: off\n",
			"0 errors, 0 warnings in 1 file (1 plan)\n"},
		{"objective-count at most 3, an error", "rules:\n  kr-count: off\n  kpi-count: off\n  objective-count:\n    max: 3\n    severity: error\n",
			"plans/2026-Q3/sales.yaml:4:1: error: plan \"sales\" for 2026-Q3 has 5 objectives; keep at most 3 (merge or drop 2) so each gets the focus it needs [objective-count]\n" +
				"1 error, 0 warnings in 1 file (1 plan)\n"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			cfg, err := config.Parse(config.FileName, []byte(c.config))
			if err != nil {
				t.Fatal(err)
			}
			repo := plan.LoadSources("", []plan.Source{{File: "plans/2026-Q3/sales.yaml", Named: true, Data: []byte(fiveObjectives)}}, 1)
			var out bytes.Buffer
			w, _ := output.New("text", &out, output.Options{})
			if err := w.Write(lint.Run(repo, cfg.Options())); err != nil {
				t.Fatal(err)
			}
			if out.String() != c.want {
				t.Errorf("got:\n%swant:\n%s", out.String(), c.want)
			}
		})
	}
}
