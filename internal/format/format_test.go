package format

import (
	"strings"
	"testing"
)

func TestTable(t *testing.T) {
	tab := Table[string, int]{
		{Name: "text", New: func(n int) string { return strings.Repeat("t", n) }},
		{Name: "markdown", Aliases: []string{"md"}, New: func(n int) string { return strings.Repeat("m", n) }},
	}
	if got := strings.Join(tab.Names(), ","); got != "text,markdown" {
		t.Errorf("Names = %s", got)
	}
	for name, want := range map[string]string{"": "tt", "text": "tt", "markdown": "mm", "md": "mm"} {
		if got, err := tab.New(name, 2); err != nil || got != want {
			t.Errorf("New(%q) = %q, %v; want %q", name, got, err, want)
		}
	}
	_, err := tab.New("Text", 1)
	if err == nil || err.Error() != `--format "Text" must be one of text, markdown` {
		t.Errorf("New(Text) error = %v", err)
	}
}

func TestUseColor(t *testing.T) {
	env := func(kv ...string) func(string) string {
		return func(k string) string {
			for i := 0; i < len(kv); i += 2 {
				if kv[i] == k {
					return kv[i+1]
				}
			}
			return ""
		}
	}
	tests := []struct {
		mode     string
		getenv   func(string) string
		terminal bool
		want     bool
	}{
		{"auto", env(), true, true},
		{"", env(), true, true},
		{"auto", env(), false, false},
		{"auto", nil, true, true},
		{"auto", env("NO_COLOR", "1"), true, false},
		{"auto", env("TERM", "dumb"), true, false},
		{"auto", env("TERM", "xterm"), true, true},
		{"always", env("NO_COLOR", "1", "TERM", "dumb"), false, true},
		{"never", env(), true, false},
	}
	for _, tt := range tests {
		if got, err := UseColor(tt.mode, tt.getenv, tt.terminal); err != nil || got != tt.want {
			t.Errorf("UseColor(%q, terminal %v) = %v, %v; want %v", tt.mode, tt.terminal, got, err, tt.want)
		}
	}
	if _, err := UseColor("sometimes", nil, true); err == nil || err.Error() != `--color "sometimes" must be auto, always or never` {
		t.Errorf("UseColor(sometimes) error = %v", err)
	}
}

// TestStyle: a style paints only when on, whatever NO_COLOR says when it is made.
func TestStyle(t *testing.T) {
	t.Setenv("NO_COLOR", "1")
	if got := NewStyle(true, Red, Bold).Sprint("x"); got != "\x1b[31;1mx\x1b[0;22m" {
		t.Errorf("on: %q", got)
	}
	t.Setenv("NO_COLOR", "")
	if got := NewStyle(false, Red).Sprint("x", 1); got != "x1" {
		t.Errorf("off: %q", got)
	}
	if got := (Style{}).Sprint("x"); got != "x" {
		t.Errorf("zero: %q", got)
	}
}
