package plan_test

import (
	"strings"
	"testing"

	"github.com/okr-tool/okr/plan"
)

func TestSuggest(t *testing.T) {
	keys := []string{"period", "scope", "level"}
	if got, want := plan.Suggest("peroid", keys), ` (did you mean "period"?)`; got != want {
		t.Errorf("Suggest(peroid) = %q, want %q", got, want)
	}
	for _, far := range []string{"description", "scope"} {
		if got := plan.Suggest(far, keys); got != "" {
			t.Errorf("Suggest(%s) = %q, want none", far, got)
		}
	}
}

func TestQuote(t *testing.T) {
	long := strings.Repeat("é", 70)
	for in, want := range map[string]string{
		"kr-count":  `"kr-count"`,
		"tab\there": `"tab\there"`,
		long:        `"` + strings.Repeat("é", 60) + `…"`,
	} {
		if got := plan.Quote(in); got != want {
			t.Errorf("Quote(%q) = %s, want %s", in, got, want)
		}
	}
}
