package plan

import (
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

func TestNumbersAreDecimal(t *testing.T) {
	tests := []struct {
		text string
		want float64
		err  string // a part of the message when the number is refused
	}{
		{"017", 17, ""}, // YAML 1.1 and the YAML library read 15
		{"010", 10, ""},
		{"08", 8, ""},
		{"-017", -17, ""},
		{"+017", 17, ""},
		{"0_17", 17, ""},
		{"00", 0, ""},
		{"0017.5", 17.5, ""},
		{"1_000", 1000, ""},
		{"12", 12, ""},
		{"18446744073709551615", 18446744073709551615, ""},
		{"0o17", 0, `must be a number, not "0o17"; it is written in octal; plans use decimal numbers, so write 15`},
		{"0x1F", 0, `must be a number, not "0x1F"; it is written in hexadecimal; plans use decimal numbers, so write 31`},
		{"-0b101", 0, `must be a number, not "-0b101"; it is written in binary; plans use decimal numbers, so write -5`},
		{"0xFFFFFFFFFFFFFFFF", 0, "is written in hexadecimal and is out of range"},
	}
	for _, tt := range tests {
		var doc yaml.Node
		if err := yaml.Unmarshal([]byte("v: "+tt.text), &doc); err != nil {
			t.Fatal(err)
		}
		got, err := parseNumber(doc.Content[0].Content[1])
		switch {
		case tt.err == "" && (err != nil || got != tt.want):
			t.Errorf("%s: read %v (%v), want %v", tt.text, got, err, tt.want)
		case tt.err != "" && (err == nil || !strings.Contains(err.Error(), tt.err)):
			t.Errorf("%s: error %v, want one saying %q", tt.text, err, tt.err)
		}
	}
}

func TestLeadingZeroInAPlan(t *testing.T) {
	p, diags := Parse("p.yaml", []byte(`period: 2026-Q3
scope: sales
objectives:
  - id: grow
    title: Grow
    key_results:
      - id: deals
        title: Close deals
        start: 010
        target: 017
        current: 0x10
`))
	if p == nil {
		t.Fatalf("no plan: %v", diags)
	}
	kr := p.Objectives[0].KeyResults[0]
	if kr.Start.Value != 10 || kr.Target.Value != 17 {
		t.Errorf("start %v, target %v; want 10 and 17", kr.Start.Value, kr.Target.Value)
	}
	if len(diags) != 1 || !strings.Contains(diags[0].Message, `current must be a number, not "0x10"; it is written in hexadecimal`) || diags[0].Pos.Line != 11 {
		t.Errorf("diagnostics %v, want one for current on line 11", diags)
	}
}
