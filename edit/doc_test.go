package edit

import (
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

var krOrder = []string{"id", "title", "type", "start", "target", "current", "unit", "kpi", "weight", "score", "due", "progress", "done", "confidence", "note"}

// firstKR returns the first key result mapping of a plan document.
func firstKR(t *testing.T, d *Doc) *yaml.Node {
	t.Helper()
	objs := lookup(d.Root(), "objectives")
	if objs == nil || len(objs.Content) == 0 {
		t.Fatal("no objectives")
	}
	krs := lookup(objs.Content[0], "key_results")
	if krs == nil || len(krs.Content) == 0 {
		t.Fatal("no key results")
	}
	return krs.Content[0]
}

func lookup(m *yaml.Node, key string) *yaml.Node {
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			return m.Content[i+1]
		}
	}
	return nil
}

func TestSet(t *testing.T) {
	const head = "period: 2026-Q3\nscope: sales\nobjectives:\n  - id: o\n    title: T\n    key_results:\n"
	tests := []struct {
		name, in string
		key      string
		value    Value
		want     string
	}{
		{"replace a number, keep the comment", "      - id: k\n        current: 5   # last week\n        target: 10\n",
			"current", Number(9.8), "      - id: k\n        current: 9.8   # last week\n        target: 10\n"},
		{"insert after the last key before it in the order", "      - id: k\n        start: 1\n        target: 10\n        unit: \"%\"\n",
			"current", Number(7), "      - id: k\n        start: 1\n        target: 10\n        current: 7\n        unit: \"%\"\n"},
		{"insert at the end without a final newline", "      - id: k\n        target: 10",
			"current", Number(7), "      - id: k\n        target: 10\n        current: 7"},
		{"flow mapping", "      - {id: k, start: 1, target: 10, unit: x}\n",
			"current", Number(4), "      - {id: k, start: 1, target: 10, current: 4, unit: x}\n"},
		{"flow mapping replace", "      - {id: k, current: 2}\n",
			"current", Number(4), "      - {id: k, current: 4}\n"},
		{"crlf line endings", "      - id: k\r\n        target: 10\r\n        unit: x\r\n",
			"current", Number(3), "      - id: k\r\n        target: 10\r\n        current: 3\r\n        unit: x\r\n"},
		{"empty value", "      - id: k\n        current:\n        target: 10\n",
			"current", Number(3), "      - id: k\n        current: 3\n        target: 10\n"},
		{"anchor kept", "      - id: k\n        current: &c 5\n",
			"current", Number(6), "      - id: k\n        current: &c 6\n"},
		{"single quotes kept", "      - id: k\n        note: 'old'\n",
			"note", String("it's new"), "      - id: k\n        note: 'it''s new'\n"},
		{"plain string that needs quotes", "      - id: k\n        note: old\n",
			"note", String("two: deals # slipped"), "      - id: k\n        note: \"two: deals # slipped\"\n"},
		{"string that looks like a number is quoted", "      - id: k\n        type: effort\n",
			"note", String("12"), "      - id: k\n        type: effort\n        note: \"12\"\n"},
		{"flow string with a comma", "      - {id: k}\n",
			"note", String("a, b"), "      - {id: k, note: \"a, b\"}\n"},
		{"block scalar replaced", "      - id: k\n        note: >\n          long\n          text\n        done: true\n",
			"note", String("short"), "      - id: k\n        note: short\n        done: true\n"},
		{"nested value before the insert point", "      - id: k\n        title: t\n        type: effort\n        done: false\n      - id: j\n",
			"done", Bool(true), "      - id: k\n        title: t\n        type: effort\n        done: true\n      - id: j\n"},
		{"insert after a key with a comment block below", "      - id: k\n        target: 3\n        # about the next\n      - id: j\n",
			"current", Number(1), "      - id: k\n        target: 3\n        current: 1\n        # about the next\n      - id: j\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := Parse([]byte(head + tt.in))
			if err != nil {
				t.Fatal(err)
			}
			if err := d.Set(firstKR(t, d), tt.key, tt.value, krOrder); err != nil {
				t.Fatal(err)
			}
			got := string(d.Bytes())
			if got != head+tt.want {
				t.Errorf("got:\n%s\nwant:\n%s", got, head+tt.want)
			}
		})
	}
}

func TestSetSeveralEdits(t *testing.T) {
	in := "kpis: [{id: a, actual: 1}]\nx: {p: 1}\n"
	d, err := Parse([]byte(in))
	if err != nil {
		t.Fatal(err)
	}
	kpi := lookup(d.Root(), "kpis").Content[0]
	x := lookup(d.Root(), "x")
	for _, err := range []error{
		d.Set(kpi, "actual", Number(2), nil),
		d.Set(x, "q", String("w"), nil),
		d.Set(x, "r", Bool(false), nil),
		d.Set(kpi, "actual", Number(3), nil), // the later edit of the same value wins
	} {
		if err != nil {
			t.Fatal(err)
		}
	}
	want := "kpis: [{id: a, actual: 3}]\nx: {p: 1, q: w, r: false}\n"
	if got := string(d.Bytes()); got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestSetRefuses(t *testing.T) {
	d, err := Parse([]byte("a:\n  b: 1\nc: plain\n  text\n"))
	if err != nil {
		t.Fatal(err)
	}
	if err := d.Set(d.Root(), "a", Number(1), nil); err == nil {
		t.Error("replacing a mapping with a number: no error")
	}
	if err := d.Set(d.Root(), "c", String("x"), nil); err == nil {
		t.Error("replacing a multi-line plain scalar: no error")
	}
	if _, err := Parse([]byte("a: [\n")); err == nil {
		t.Error("a syntax error parsed")
	}
}

func TestInsertTwice(t *testing.T) {
	for _, in := range []string{"a:\n  b: 1\n", "a:\r\n  b: 1\r\n", "a:\n  b: 1", "a: {b: 1}\n"} {
		d, err := Parse([]byte(in))
		if err != nil {
			t.Fatal(err)
		}
		a := lookup(d.Root(), "a")
		d.Set(a, "c", Number(1), nil)
		d.Set(a, "c", Number(22), nil)
		want := strings.Replace(strings.Replace(in, "b: 1", "b: 1, c: 22", 1), "  b: 1, c: 22", "  b: 1\n  c: 22", 1)
		if strings.Contains(in, "\r\n") {
			want = "a:\r\n  b: 1\r\n  c: 22\r\n"
		}
		if got := string(d.Bytes()); got != want {
			t.Errorf("%q: got %q, want %q", in, got, want)
		}
	}
}

func TestText(t *testing.T) {
	tests := map[string]string{
		"Open pipeline":        "Open pipeline",
		"%":                    `"%"`,
		"75":                   `"75"`,
		"a: b":                 `"a: b"`,
		"true":                 `"true"`,
		"CRM # report":         `"CRM # report"`,
		"line\nbreak":          `"line\nbreak"`,
		"":                     `""`,
		`say "healthy" please`: `say "healthy" please`,
	}
	for in, want := range tests {
		if got := Text(in); got != want {
			t.Errorf("Text(%q) = %s, want %s", in, got, want)
		}
	}
}
