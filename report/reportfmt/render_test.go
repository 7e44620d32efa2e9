package reportfmt

import (
	"testing"
)

func TestNew(t *testing.T) {
	for _, f := range append(Formats.Names(), "md", "") {
		if _, err := New(f, Options{}); err != nil {
			t.Errorf("New(%q): %v", f, err)
		}
	}
	if _, err := New("pdf", Options{}); err == nil || err.Error() != `--format "pdf" must be one of table, markdown, html, json, csv` {
		t.Errorf("New(pdf) error %v, want the list of formats", err)
	}
}

func TestMarkdownEscape(t *testing.T) {
	tests := map[string]string{
		"Grow ARR from $21.9M to $25M": `Grow ARR from \$21.9M to \$25M`,
		"a | b":                        `a \| b`,
		"<script>":                     "&lt;script&gt;",
		"two\nlines":                   "two lines",
		"*bold* _em_ `code`":           "\\*bold\\* \\_em\\_ \\`code\\`",
		`Grow \| revenue`:              `Grow \\\| revenue`,
		"R&amp;D":                      "R&amp;amp;D",
		"[link](x) ~~gone~~":           `\[link\](x) \~\~gone\~\~`,
	}
	for in, want := range tests {
		if got := mdEscape(in); got != want {
			t.Errorf("mdEscape(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestCSVText(t *testing.T) {
	for in, want := range map[string]string{
		"Grow ARR":          "Grow ARR",
		"+20% ARR":          "'+20% ARR",
		"-10% cost":         "'-10% cost",
		"=HYPERLINK(\"x\")": "'=HYPERLINK(\"x\")",
		"@risk accounts":    "'@risk accounts",
		"":                  "",
	} {
		if got := csvText(in); got != want {
			t.Errorf("csvText(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestNiceRange(t *testing.T) {
	tests := []struct {
		in     []float64
		lo, hi float64
	}{
		{nil, 0, 1},
		{[]float64{73, 80}, 71, 82},
		{[]float64{5, 5}, 4.5, 5.5},
		{[]float64{0, 4}, 0, 5},
		{[]float64{-3, 2}, -4, 3},
		{[]float64{99.86, 99.97}, 99.8, 100},
	}
	for _, tt := range tests {
		lo, hi := niceRange(tt.in)
		if lo != tt.lo || hi != tt.hi {
			t.Errorf("niceRange(%v) = %v..%v, want %v..%v", tt.in, lo, hi, tt.lo, tt.hi)
		}
		for _, v := range tt.in {
			if v < lo || v > hi {
				t.Errorf("niceRange(%v) = %v..%v leaves out %v", tt.in, lo, hi, v)
			}
		}
	}
}

func TestShorten(t *testing.T) {
	if got := shorten("Keep the team energised", 10); got != "Keep the…" {
		t.Errorf("shorten = %q", got)
	}
	if got := shorten("short", 10); got != "short" {
		t.Errorf("shorten = %q", got)
	}
}
