package plan

import "testing"

// TestKeyResultOwner: a key result may name its owner, as plans and objectives do; one without
// has none.
func TestKeyResultOwner(t *testing.T) {
	p, diags := Parse("plan.yaml", []byte(`period: 2026-Q3
scope: care
objectives:
  - id: keep
    title: Keep clients
    key_results:
      - id: retain
        title: Raise retention from 73 to 75
        owner: Lee
        start: 73
        target: 75
      - id: other
        title: Publish 10 articles
        start: 0
        target: 10
`))
	if len(diags) != 0 {
		t.Fatalf("diagnostics: %v", diags)
	}
	krs := p.Objectives[0].KeyResults
	if got := krs[0].OwnerName(); got != "Lee" {
		t.Errorf("owner %q, want Lee", got)
	}
	if krs[0].Owner.Pos.Line != 9 {
		t.Errorf("owner at line %d, want 9", krs[0].Owner.Pos.Line)
	}
	if krs[1].Owner != nil || krs[1].OwnerName() != "" {
		t.Errorf("a key result without owner has %+v", krs[1].Owner)
	}
}
