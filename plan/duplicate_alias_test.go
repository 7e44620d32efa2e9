package plan

import (
	"strings"
	"testing"
)

// TestDuplicateIDOfAnAlias checks that an id repeated by an alias is reported once, at the
// alias, naming the line where the repeated item is defined: not at the anchor's own id, where
// "already used on line 6" would point at itself.
func TestDuplicateIDOfAnAlias(t *testing.T) {
	cases := []struct{ name, body, want string }{
		{"a KPI anchor repeated", "kpis:\n  - &k\n    id: k1\n    name: K1\n  - *k\nobjectives: []\n",
			`plan.yaml:7:5: *k repeats KPI "k1", defined on line 5; remove the alias or give it its own id (write <<: *k with an id: of its own) [duplicate-id]`},
		{"a merge without an id of its own", "kpis:\n  - &k {id: k1, name: K1}\n  - <<: *k\n    name: K2\nobjectives: []\n",
			`plan.yaml:5:9: *k repeats KPI "k1", defined on line 4; remove the alias or give it its own id (add an id: of its own next to <<: *k) [duplicate-id]`},
		{"a list of key results repeated", "objectives:\n  - id: a\n    title: A\n    key_results: &krs\n" +
			"      - {id: x, title: X, start: 1, target: 2}\n      - {id: y, title: Y, start: 1, target: 2}\n" +
			"  - id: b\n    title: B\n    key_results: *krs\n",
			`plan.yaml:11:18: *krs repeats key result "x", defined on line 7; remove the alias or give it its own id (write <<: *krs with an id: of its own) [duplicate-id]`},
		{"an id written twice", "kpis:\n  - {id: k1, name: K1}\n  - {id: k1, name: K2}\nobjectives: []\n",
			`plan.yaml:5:10: KPI id "k1" is already used on line 4 of this plan; ids must be unique in a plan [duplicate-id]`},
	}
	for _, c := range cases {
		_, diags := Parse("plan.yaml", []byte("period: 2026-Q3\nscope: sales\n"+c.body))
		var got []string
		for _, d := range diags {
			got = append(got, d.String())
		}
		if len(got) != 1 || got[0] != c.want {
			t.Errorf("%s:\n got %s\nwant %s", c.name, strings.Join(got, "\n     "), c.want)
		}
	}
}
