package lint

import (
	"strings"
	"testing"
	"time"

	"github.com/okr-tool/okr/plan"
)

// stackedIgnores is the hostile input of a pull request: n "# okr:ignore" comments stacked above
// one value, each alone on its line.
func stackedIgnores(n int) []byte {
	var b strings.Builder
	b.WriteString("period: 2026-Q3\nscope: sales\n")
	for range n {
		b.WriteString("# okr:ignore schema stacked\n")
	}
	b.WriteString("objectives: []\n")
	return []byte(b.String())
}

func TestStackedSuppressionsAreLinear(t *testing.T) {
	const n = 40_000
	p, diags := plan.Parse("p.yaml", stackedIgnores(n))
	if p == nil || len(p.Suppressions) != n {
		t.Fatalf("parsed %v with %d suppressions (%v)", p != nil, len(p.Suppressions), diags)
	}
	start := time.Now()
	idx, states := indexSuppressions(p)
	// Linear work takes milliseconds; walking the stack from each comment took seconds.
	if d := time.Since(start); d > 2*time.Second {
		t.Errorf("indexing %d stacked comments took %v", n, d)
	}
	if len(states) != n || len(idx) != 1 || len(idx[int32(n+3)]) != n {
		t.Errorf("the %d stacked comments should all apply to line %d, got %d lines", n, n+3, len(idx))
	}
}

func TestStackedSuppressionsApplyBelowTheStack(t *testing.T) {
	p := &plan.Plan{File: "p.yaml", Suppressions: []plan.Suppression{
		{Pos: plan.At(3, 1), OwnLine: true},
		{Pos: plan.At(4, 1), OwnLine: true},
		{Pos: plan.At(4, 9), OwnLine: false}, // after a value: applies to its own line
		{Pos: plan.At(7, 1), OwnLine: true},
		{Pos: plan.At(9, 5), OwnLine: false},
	}}
	idx, _ := indexSuppressions(p)
	want := map[int32]int{5: 2, 4: 1, 8: 1, 9: 1}
	for line, n := range want {
		if len(idx[line]) != n {
			t.Errorf("line %d: %d comments apply, want %d", line, len(idx[line]), n)
		}
	}
	if len(idx) != len(want) {
		t.Errorf("comments apply to %d lines, want %d", len(idx), len(want))
	}
}

func BenchmarkStackedSuppressions(b *testing.B) {
	p, _ := plan.Parse("p.yaml", stackedIgnores(40_000))
	for b.Loop() {
		indexSuppressions(p)
	}
}
