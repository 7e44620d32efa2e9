package plan

import (
	"fmt"
	"strings"
	"testing"
)

// TestDuplicateIDsPastTheSmallSet checks that repeated ids are found, with the line each was
// first written on, both among the first ids of a plan (kept in an array) and after a map has
// taken over from it.
func TestDuplicateIDsPastTheSmallSet(t *testing.T) {
	var b strings.Builder
	b.WriteString("period: 2026-Q3\nscope: sales\nobjectives:\n  - id: o\n    title: O\n    key_results:\n")
	n := smallIDSet + 10
	for i := range n {
		fmt.Fprintf(&b, "      - {id: k%d, title: K, start: 0, target: 1}\n", i)
	}
	// Line 7 holds k0; k(smallIDSet+5) is on line 7+smallIDSet+5.
	for _, id := range []string{"k0", "k3", fmt.Sprintf("k%d", smallIDSet-1), fmt.Sprintf("k%d", smallIDSet+5)} {
		fmt.Fprintf(&b, "      - {id: %s, title: K, start: 0, target: 1}\n", id)
	}
	_, diags := Parse("plan.yaml", []byte(b.String()))
	var got []string
	for _, d := range diags {
		got = append(got, d.String())
	}
	var want []string
	for i, first := range []int{0, 3, smallIDSet - 1, smallIDSet + 5} {
		want = append(want, fmt.Sprintf("plan.yaml:%d:14: key result id \"k%d\" is already used on line %d of this plan; "+
			"ids must be unique in a plan [duplicate-id]", 7+n+i, first, 7+first))
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestIDSet checks the set on its own across the change from array to map.
func TestIDSet(t *testing.T) {
	var s idSet
	for i := range 3 * smallIDSet {
		if _, ok := s.first(fmt.Sprint(i), At(i+1, 1)); ok {
			t.Fatalf("id %d seen before it was added", i)
		}
	}
	for i := range 3 * smallIDSet {
		if p, ok := s.first(fmt.Sprint(i), At(999, 1)); !ok || p != At(i+1, 1) {
			t.Errorf("id %d: got %v %v, want %v true", i, p, ok, At(i+1, 1))
		}
	}
}
