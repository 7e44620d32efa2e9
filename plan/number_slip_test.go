package plan

import (
	"strconv"
	"strings"
	"testing"
)

// TestNumberMessages pins the one wording of a value that should be a number, and the hint for
// each slip people make in numbers.
func TestNumberMessages(t *testing.T) {
	cases := []struct{ value, want string }{
		{"12,5", `start must be a number, not "12,5"; write 12.5 (with a decimal point, not a comma)`},
		{"0,500", `start must be a number, not "0,500"; write 0.500 (with a decimal point, not a comma)`},
		{"1.234,5", `start must be a number, not "1.234,5"; write 1234.5 (with a decimal point and no thousands separator)`},
		{"1,234.5", `start must be a number, not "1,234.5"; write 1234.5 (without the thousands separator)`},
		{"1,200", `start must be a number, not "1,200"; write 1200 (without the thousands separator; or 1.200 if the comma is a decimal point)`},
		{"1.234.567", `start must be a number, not "1.234.567"; write 1234567 (without the thousands separator)`},
		{"15%", `start must be a number, not "15%"; write 15 and put "%" in unit`},
		{`"15 %"`, `start must be a number, not "15 %"; write 15 and put "%" in unit`},
		{"12,5 %", `start must be a number, not "12,5 %"; write 12.5 and put "%" in unit (with a decimal point, not a comma)`},
		{"3 h", `start must be a number, not "3 h"; write 3 and put "h" in unit`},
		{"€12", `start must be a number, not "€12"; write 12 and put "€" in unit`},
		{"-$3", `start must be a number, not "-$3"; write -3 and put "$" in unit`},
		{"$1.5M", `start must be a number, not "$1.5M"; write 1.5 and put "$M" in unit`},
		{"12k", `start must be a number, not "12k"; write 12 and put "k" in unit`},
		{"1,5k", `start must be a number, not "1,5k"; write 1.5 and put "k" in unit (with a decimal point, not a comma)`},
		{`"40"`, `start must be a number, not "40"; write the number without quotes: 40`},
		{"0x1F", `start must be a number, not "0x1F"; it is written in hexadecimal; plans use decimal numbers, so write 31`},
		{".inf", `start must be a number, not ".inf"; write a finite number`},
		{"1e400", `start must be a number, not "1e400"; it is out of range; use a smaller number`},
		{"half", `start must be a number, not "half"`},
		{"1,2,3", `start must be a number, not "1,2,3"`},
		{"$12 h", `start must be a number, not "$12 h"`},
	}
	for _, c := range cases {
		doc := "period: 2026-Q3\nscope: sales\nobjectives:\n  - id: a\n    title: A\n    key_results:\n" +
			"      - id: k\n        title: K\n        start: " + c.value + "\n        target: 2\n"
		_, diags := Parse("plan.yaml", []byte(doc))
		var got []string
		for _, d := range diags {
			got = append(got, d.Message)
		}
		if len(got) != 1 || got[0] != c.want {
			t.Errorf("start: %s\n got %s\nwant %s", c.value, strings.Join(got, "\n     "), c.want)
		}
	}
}

// TestNumberHintInTheItemsUnit pins the hint for a number written with a currency or a
// magnitude: the magnitude stays in the unit, as the examples write it (unit "$M", target 25),
// and when the key result or KPI has a unit already, the number is given in that unit.
func TestNumberHintInTheItemsUnit(t *testing.T) {
	cases := []struct{ unit, value, want string }{
		{"", "$25M", `target must be a number, not "$25M"; write 25 and put "$M" in unit`},
		{"$M", "$25M", `target must be a number, not "$25M"; write 25 (the unit is already "$M")`},
		{"$", "$25M", `target must be a number, not "$25M"; write 25000000 in its unit "$" ("M" means ×1000000)`},
		{"$k", "$25M", `target must be a number, not "$25M"; write 25000 in its unit "$k" ("M" means ×1000000)`},
		{"$M", "$250k", `target must be a number, not "$250k"; write 0.25 in its unit "$M" ("k" means ×1000)`},
		{"$M", "$1200", `target must be a number, not "$1200"; write 0.0012 in its unit "$M"`},
		{"M€", "€3.5M", `target must be a number, not "€3.5M"; write 3.5 in its unit "M€"`},
		{"%", "15%", `target must be a number, not "15%"; write 15 (the unit is already "%")`},
		{"h", "$25M", `target must be a number, not "$25M"; write 25 and put "$M" in unit`},
		{"$M", "25M", `target must be a number, not "25M"; write 25 in its unit "$M"`},
		{"users", "12k", `target must be a number, not "12k"; write 12000 in its unit "users" ("k" means ×1000)`},
		{"users", "1.5k", `target must be a number, not "1.5k"; write 1500 in its unit "users" ("k" means ×1000)`},
	}
	for _, c := range cases {
		for _, kpi := range []bool{false, true} {
			unit := ""
			if c.unit != "" {
				unit = "unit: " + strconv.Quote(c.unit) + ", "
			}
			var doc string
			if kpi {
				doc = "period: 2026-Q3\nscope: sales\nkpis:\n  - {id: k, name: K, target: " + c.value + ", " + unit + "}\n"
			} else {
				doc = "period: 2026-Q3\nscope: sales\nobjectives:\n  - id: a\n    title: A\n    key_results:\n" +
					"      - {id: k, title: K, start: 1, target: " + c.value + ", " + unit + "}\n"
			}
			_, diags := Parse("plan.yaml", []byte(doc))
			var got []string
			for _, d := range diags {
				got = append(got, d.Message)
			}
			if len(got) != 1 || got[0] != c.want {
				t.Errorf("unit %q, target %s (kpi %v):\n got %s\nwant %s", c.unit, c.value, kpi, strings.Join(got, "\n     "), c.want)
			}
		}
	}
}

// TestDecimalCommaInAFlowMapping pins the hint for a decimal comma that YAML reads as the end of
// a number and a key of its own.
func TestDecimalCommaInAFlowMapping(t *testing.T) {
	cases := []struct{ kr, want string }{
		{"{id: k, title: K, start: 12,5, target: 20}",
			`plan.yaml:7:37: unknown key "5" in key result: start: 12,5 was read as start: 12 and a key "5"; decimal comma? write start: 12.5 [schema]`},
		{"{id: k, title: K, start: 12, target: 20,25}",
			`plan.yaml:7:49: unknown key "25" in key result: target: 20,25 was read as target: 20 and a key "25"; decimal comma? write target: 20.25 [schema]`},
		{"{id: k, title: K, start: 12, 5: x, target: 20}",
			`plan.yaml:7:38: unknown key "5" in key result; allowed keys are `}, // "5: x" is a key written so
	}
	for _, c := range cases {
		doc := "period: 2026-Q3\nscope: sales\nobjectives:\n  - id: a\n    title: A\n    key_results:\n      - " + c.kr + "\n"
		_, diags := Parse("plan.yaml", []byte(doc))
		if len(diags) != 1 || !strings.HasPrefix(diags[0].String(), c.want) {
			t.Errorf("%s:\n got %v\nwant %s", c.kr, diags, c.want)
		}
	}
}
