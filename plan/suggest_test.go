package plan_test

import (
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
