package plan

import (
	"fmt"
	"strings"
	"testing"
	"time"
)

func TestMergeKeys(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string // the diagnostics, "line:col message-part"
	}{
		{"period only through a merge key", `<<: {period: 2026-Q3, scope: sales}
objectives: []
`, nil},
		{"period through a merge of a merge", `<<:
  <<: {period: 2026-Q3}
  scope: sales
`, nil},
		{"merge of a number", `period: 2026-Q3
scope: sales
<<: 1
`, []string{"3:5 a merge key (<<) takes a mapping or a list of mappings, not a number"}},
		{"merge of null", `period: 2026-Q3
scope: sales
<<:
`, []string{"3:4 a merge key (<<) takes a mapping or a list of mappings, not a null"}},
		{"merge of a list with a string", `period: 2026-Q3
scope: sales
<<: [{owner: Ann}, x]
`, []string{"3:20 a merge key (<<) takes a mapping or a list of mappings, not a string"}},
		{"merged unknown key", `period: 2026-Q3
scope: sales
<<: {onwer: Ann}
`, []string{`3:6 unknown key "onwer" in plan, merged by "<<" on line 3; did you mean "owner"?`}},
		{"written keys win, then the first merged", `period: 2026-Q3
scope: sales
objectives:
  - <<: [{id: first, title: First}, {id: second, owner: Bo}]
    title: Written
`, nil},
		{"quoted << is a key like any other", `period: 2026-Q3
scope: sales
"<<": {owner: Ann}
`, []string{`3:1 unknown key "<<" in plan`}},
	}
	for _, tt := range tests {
		p, diags := Parse("p.yaml", []byte(tt.text))
		var got []string
		for _, d := range diags {
			got = append(got, fmt.Sprintf("%d:%d %s", d.Pos.Line, d.Pos.Col, d.Message))
		}
		if len(got) != len(tt.want) {
			t.Errorf("%s: got %q, want %q", tt.name, got, tt.want)
			continue
		}
		for i := range got {
			if !strings.HasPrefix(got[i], tt.want[i]) {
				t.Errorf("%s: got %q, want it to start with %q", tt.name, got[i], tt.want[i])
			}
		}
		if tt.want == nil && (p == nil || p.Period.Value.String() != "2026-Q3" || p.Scope.Value != "sales") {
			t.Errorf("%s: plan %+v, want period and scope merged in", tt.name, p)
		}
	}
	p, _ := Parse("p.yaml", []byte(tests[6].text))
	if o := p.Objectives[0]; o.ID.Value != "first" || o.Title.Value != "Written" || o.Owner.Value != "Bo" {
		t.Errorf("merged objective %q %q %q, want first, Written, Bo", o.ID.Value, o.Title.Value, o.Owner.Value)
	}
}

func TestWalkFindsAPlanWhosePeriodIsMerged(t *testing.T) {
	_, diags, isPlan := ParseCandidate("p.yaml", []byte("<<: {period: 2026-Q3, scope: sales}\nobjectives: []\n"))
	if !isPlan || len(diags) != 0 {
		t.Errorf("plan %v, %v; want a plan without findings", isPlan, diags)
	}
}

func TestMergeCyclesAndChainsAreBounded(t *testing.T) {
	// A mapping that merges itself, and a chain of merges deeper than the limit.
	_, diags := Parse("p.yaml", []byte("period: 2026-Q3\nscope: sales\nobjectives:\n  - &o\n    id: a\n    title: A\n    <<: *o\n"))
	if len(diags) != 1 || !strings.Contains(diags[0].Message, "or a mapping merges itself") {
		t.Errorf("a mapping that merges itself: %v", diags)
	}
	var b strings.Builder
	b.WriteString("period: 2026-Q3\nscope: sales\n")
	for range 100 {
		b.WriteString("<<: {")
	}
	b.WriteString("owner: x")
	for range 100 {
		b.WriteString("}")
	}
	_, diags = Parse("p.yaml", []byte(b.String()+"\n"))
	if len(diags) == 0 {
		t.Error("a chain of 100 merges was accepted")
	}
}

// mergeBomb is a plan whose merge keys, followed naively, expand to 2^n mappings.
func mergeBomb(n int) []byte {
	var b strings.Builder
	b.WriteString("period: 2026-Q3\nscope: sales\nkpis:\n  - &m0 {id: k, name: K}\n")
	for i := 1; i <= n; i++ {
		fmt.Fprintf(&b, "  - &m%d {<<: [*m%d, *m%d]}\n", i, i-1, i-1)
	}
	return []byte(b.String())
}

func TestMergeBombIsBounded(t *testing.T) {
	before := time.Now()
	_, diags := Parse("p.yaml", mergeBomb(40))
	if d := time.Since(before); d > 5*time.Second {
		t.Errorf("a merge bomb took %v", d)
	}
	if len(diags) == 0 || !strings.Contains(diags[0].Message+diags[len(diags)-1].Message, "expands to more than") {
		t.Errorf("diagnostics %v, want the node budget reported", diags)
	}
}
