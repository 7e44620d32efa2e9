package checkin

import (
	"strings"
	"testing"
)

func TestParseArg(t *testing.T) {
	for arg, want := range map[string]Change{
		"pipeline=9.8":  {ID: "pipeline", Value: "9.8"},
		"kpi:arr=24":    {Kind: "kpi", ID: "arr", Value: "24"},
		"kr:plans=done": {Kind: "kr", ID: "plans", Value: "done"},
		"plans = 60%":   {ID: "plans", Value: "60%"},
		"pipeline":      {ID: "pipeline"},
	} {
		got, err := ParseArg(arg)
		if err != nil || got.ID != want.ID || got.Kind != want.Kind || got.Value != want.Value {
			t.Errorf("ParseArg(%q) = %+v, %v", arg, got, err)
		}
	}
	for _, arg := range []string{"pipeline=", "=3", "okr:x=1"} {
		if _, err := ParseArg(arg); err == nil {
			t.Errorf("ParseArg(%q): no error", arg)
		}
	}
}

func TestReadCSV(t *testing.T) {
	changes, err := ReadCSV("v.csv", strings.NewReader("\ufeffID,Value,note\npipeline,9.8,\"slipped, again\"\n\nplans,,done soon\n"))
	if err != nil {
		t.Fatal(err)
	}
	if len(changes) != 2 || changes[0].Value != "9.8" || *changes[0].Note != "slipped, again" || changes[1].Source != "v.csv:4:1" || changes[1].valueSource != "v.csv:4:7" {
		t.Errorf("changes: %+v", changes)
	}
	for text, want := range map[string]string{
		"":                            "v.csv is empty",
		"id,valeu\n":                  `unknown column "valeu" (did you mean "value"?)`,
		"value\n3\n":                  "has no id column",
		"id,value\na,1\nb,,\nc,2,x\n": "v.csv:3:1: b has no value, confidence or note",
		"id,confidence\na,3\n":        `v.csv:2:3: confidence must be a number from 0 to 1 (or a percentage, e.g. 60%), not 3`,
		// A comma in a value makes one cell more than the columns; empty cells at the end do not.
		"id,value\na,1,\nb,1,5\n": "v.csv:3:5: the row has 3 cells, but the first row names 2 columns; quote a value that holds a comma",
		"id,value\na,\"1\n":       `v.csv:2:6: extraneous or missing " in quoted-field; a quoted value starts and ends with "`,
		"id,valeu\na,1\n":         `v.csv:1:4: unknown column "valeu"`,
		"id,value\n":              "has no rows",
	} {
		_, err := ReadCSV("v.csv", strings.NewReader(text))
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%q: error %v, want %q", text, err, want)
		}
	}
}

func TestHead(t *testing.T) {
	for text, want := range map[string]string{
		"# c\nperiod: 2026-Q3   # the quarter\nscope: \"sales\"\n": "sales 2026-Q3",
		"period: 2026\r\nscope: company\r\n":                       "company 2026",
		"{period: 2026-Q3, scope: flow}\n":                         "flow 2026-Q3", // parsed to be sure
		"scope: x\nkey_results:\n  period: 2026-Q3\n":              "",             // no top-level period: not a plan
		"name: not a plan\n":                                       "",
	} {
		f := &file{rel: "p.yaml", data: []byte(text)}
		got := ""
		if head(f) {
			got = f.scope + " " + f.period.String()
		}
		if got != want {
			t.Errorf("%q: %q, want %q", text, got, want)
		}
	}
}

// A CSV file from a spreadsheet set to a language with decimal commas: semicolons between the
// columns, CRLF line ends, a byte-order mark, and 9,8 for 9.8.
func TestReadCSVWithSemicolons(t *testing.T) {
	changes, err := ReadCSV("v.csv", strings.NewReader("\ufeffscope;id;value;confidence\r\nsales;pipeline;9,8;0,6\r\nsales;deals;3;\r\nsales;note;\"a; b\";60%\r\n"))
	if err != nil {
		t.Fatal(err)
	}
	if len(changes) != 3 || changes[0].Scope != "sales" || changes[0].Value != "9.8" || *changes[0].Confidence != 0.6 ||
		changes[1].Value != "3" || changes[2].Value != "a; b" || *changes[2].Confidence != 0.6 {
		t.Errorf("changes: %+v", changes)
	}
	// With commas between the columns, a decimal comma stays a mistake to point out.
	changes, err = ReadCSV("v.csv", strings.NewReader("id,value\npipeline,\"9,8\"\n"))
	if err != nil || changes[0].Value != "9,8" {
		t.Errorf("changes %+v, error %v", changes, err)
	}
}
