package textsafe

import (
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

func TestEscape(t *testing.T) {
	cases := []struct{ in, want string }{
		{"", ""},
		{"plain text, ünïcode 🟢 and a \\ backslash", "plain text, ünïcode 🟢 and a \\ backslash"},
		{"id\n::error file=README.md,line=1::forged", `id\n::error file=README.md,line=1::forged`},
		{"a\r\nb\tc", `a\r\nb\tc`},
		{"\x1b[31mred\x1b[0m", `\x1b[31mred\x1b[0m`},
		{"\x1b]8;;https://example.com\x07link\x1b]8;;\x07", `\x1b]8;;https://example.com\x07link\x1b]8;;\x07`},
		{"bell\a", `bell\x07`},
		{"nul\x00del\x7f", `nul\x00del\x7f`},
		{"c1 \u0085 csi \u009b", `c1 \u0085 csi \u009b`},
		{"gpj.\u202eexe", `gpj.\u202eexe`},
		{"\u202a\u202b\u202c\u202d\u2066\u2067\u2068\u2069\u200e\u200f\u061c", `\u202a\u202b\u202c\u202d\u2066\u2067\u2068\u2069\u200e\u200f\u061c`},
		{"line\u2028para\u2029", `line\u2028para\u2029`},
		{"raw csi \x9b31m and \xff", `raw csi \x9b31m and \xff`},
		{"truncated \xe2\x80", `truncated \xe2\x80`},
	}
	for _, c := range cases {
		got := Escape(c.in)
		if got != c.want {
			t.Errorf("Escape(%q) = %q, want %q", c.in, got, c.want)
		}
		if again := Escape(got); again != got {
			t.Errorf("Escape is not idempotent on %q: %q", got, again)
		}
		if Safe(c.in) != (c.in == c.want) {
			t.Errorf("Safe(%q) = %v", c.in, Safe(c.in))
		}
	}
}

// TestEscapeLeavesNoControl checks every rune and byte: what Escape returns is valid UTF-8 with
// no control character.
func TestEscapeLeavesNoControl(t *testing.T) {
	var b strings.Builder
	for r := rune(0); r < 0x3000; r++ {
		b.WriteRune(r)
	}
	for c := 0x80; c < 0x100; c++ {
		b.WriteByte(byte(c))
	}
	got := Escape(b.String())
	if !utf8.ValidString(got) {
		t.Fatal("Escape returned invalid UTF-8")
	}
	for _, r := range got {
		if unsafeRune(r) {
			t.Fatalf("Escape left %U", r)
		}
	}
}

func TestLines(t *testing.T) {
	in := "invalid configuration:\n.okr.yaml:1:1: \x1b[31mred\r\u202e"
	if got, want := Lines(in), "invalid configuration:\n.okr.yaml:1:1: \\x1b[31mred\\r\\u202e"; got != want {
		t.Errorf("Lines = %q, want %q", got, want)
	}
}

func TestPath(t *testing.T) {
	cases := map[string]string{
		"plans/sales.yaml":                      "plans/sales.yaml",
		"::error file=README.md,line=1::x.yaml": "./::error file=README.md,line=1::x.yaml",
		" ::warning::x.yaml":                    "./ ::warning::x.yaml",
		"a\nb.yaml":                             `a\nb.yaml`,
		"/abs/x.yaml":                           "/abs/x.yaml",
	}
	for in, want := range cases {
		if got := Path(in); got != want {
			t.Errorf("Path(%q) = %q, want %q", in, got, want)
		}
	}
}

type node struct {
	Name     string
	Tags     []string
	Counts   map[string]int
	Parent   *node
	Children []*node
	When     time.Time
	Foreign  *strings.Builder // another package's type: shared, not followed
	hidden   string
}

func TestClean(t *testing.T) {
	root := &node{Name: "root\x1b[31m", Tags: []string{"ok", "bell\a"}, Counts: map[string]int{"k\n": 1}, hidden: "\x1b"}
	child := &node{Name: "child", Parent: root, When: time.Date(2026, 1, 2, 0, 0, 0, 0, time.UTC), Foreign: &strings.Builder{}}
	root.Children = []*node{child, child}

	got := Clean(root)
	if got == root {
		t.Fatal("Clean returned the dirty value itself")
	}
	if root.Name != "root\x1b[31m" || root.Tags[1] != "bell\a" {
		t.Fatal("Clean changed its input")
	}
	if got.Name != `root\x1b[31m` || got.Tags[0] != "ok" || got.Tags[1] != `bell\x07` || got.Counts[`k\n`] != 1 {
		t.Errorf("not cleaned: %+v", got)
	}
	if got.hidden != "\x1b" {
		t.Error("an unexported field was not kept")
	}
	c := got.Children[0]
	if c == child || c != got.Children[1] || c.Parent != got {
		t.Error("pointers to one value must point to one copy, the cycle kept")
	}
	if !c.When.Equal(child.When) || c.Foreign != child.Foreign {
		t.Error("values of other packages must be kept")
	}

	clean := &node{Name: "fine", Children: []*node{{Name: "also fine"}}}
	clean.Children[0].Parent = clean
	if Clean(clean) != clean {
		t.Error("a value with nothing to escape must be returned as it is")
	}
	if got := Clean([]string{"a\tb"}); got[0] != `a\tb` {
		t.Errorf("Clean of a slice: %q", got)
	}
}

type leaf struct{ S string }

type pair struct{ A, B *leaf }

// TestCleanSharedWithoutCycle checks a pointer no cycle passes through, met twice: both places
// get the one copy.
func TestCleanSharedWithoutCycle(t *testing.T) {
	l := &leaf{S: "\a"}
	got := Clean(pair{A: l, B: l})
	if got.A == l || got.A != got.B || got.A.S != `\x07` {
		t.Errorf("got %+v", got)
	}
	if clean := (pair{A: &leaf{S: "ok"}}); Clean(clean).A != clean.A {
		t.Error("a clean value must be returned as it is")
	}
}

func FuzzEscape(f *testing.F) {
	for _, s := range []string{"", "x\n::error::y", "\x1b]8;;u\a", "\u202e", "\xff\xfe"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := Escape(s)
		if !utf8.ValidString(got) || !Safe(got) || Escape(got) != got {
			t.Fatalf("Escape(%q) = %q is not safe and stable", s, got)
		}
		if Safe(s) != (got == s) {
			t.Fatalf("Safe(%q) disagrees with Escape", s)
		}
	})
}
