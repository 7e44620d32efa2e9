package plan

import (
	"reflect"
	"testing"
)

func TestScanSuppressions(t *testing.T) {
	tests := []struct {
		line   string
		rules  []string
		reason string
		own    bool
	}{
		{"# okr:ignore kr-count pilot team", []string{"kr-count"}, "pilot team", true},
		{"  - id: a  # okr:ignore kr-count,kpi-count two reasons", []string{"kr-count", "kpi-count"}, "two reasons", false},
		{"# okr:ignore kr-count, kpi-every-kr pilot objective", []string{"kr-count", "kpi-every-kr"}, "pilot objective", true},
		{"# okr:ignore kr-count ,kpi-every-kr\tpilot", []string{"kr-count", "kpi-every-kr"}, "pilot", true},
		{"# okr:ignore kr-count\tagreed with the COO", []string{"kr-count"}, "agreed with the COO", true},
		{"# okr:ignore kr-count", []string{"kr-count"}, "", true},
		{"# okr:ignore kr-count — because", []string{"kr-count"}, "because", true},
		{"# okr:ignore", nil, "", true},
	}
	for _, tt := range tests {
		got := scanSuppressions([]byte("period: 2026-Q3\n" + tt.line + "\n"))
		if len(got) != 1 {
			t.Errorf("%q: %d suppressions, want 1", tt.line, len(got))
			continue
		}
		s := got[0]
		if !reflect.DeepEqual(s.Rules, tt.rules) || s.Reason != tt.reason || s.OwnLine != tt.own || s.Pos.Line != 2 {
			t.Errorf("%q: got %+v, want rules %q reason %q own line %v", tt.line, s, tt.rules, tt.reason, tt.own)
		}
	}
	for _, quiet := range []string{
		`title: "a # okr:ignore kr-count in a string"`,
		"title: a#okr:ignore kr-count",
		"# okr:ignored kr-count not the directive",
	} {
		if got := scanSuppressions([]byte(quiet + "\n")); len(got) != 0 {
			t.Errorf("%q: found %+v, want none", quiet, got)
		}
	}
}
