package reportfmt

import (
	"testing"
	"time"

	"github.com/okr-tool/okr/plan"
	"github.com/okr-tool/okr/report"
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

// TestMarkdownEscape: text renders as itself — escaped only where Markdown would otherwise change
// it, so "$25M" stays "$25M" — and can neither break a table cell nor turn into markup.
func TestMarkdownEscape(t *testing.T) {
	tests := []struct{ in, want, why string }{
		{"Grow ARR from $21.9M to $25M", "Grow ARR from $21.9M to $25M", "dollars that cannot pair stay as they are"},
		{"Cost $5 and $10 today", "Cost $5 and $10 today", "a space before the second dollar: no formula"},
		{"between $x$ and $$", `between \$x\$ and \$\$`, "dollars that could be a formula"},
		{"a | b", `a \| b`, "a pipe would end the cell"},
		{"<script>alert(1)</script>", "&lt;script>alert(1)&lt;/script>", "an HTML tag"},
		{"growth < 5% and > 2%", "growth < 5% and > 2%", "comparisons are not tags"},
		{"two\nlines", "two lines", "a line break"},
		{"*bold* _em_ `code`", "\\*bold\\* \\_em\\_ \\`code\\`", "emphasis and code"},
		{"5 * 3 and a _ b", "5 * 3 and a _ b", "a lone star or underscore between spaces"},
		{"snake_case_name", "snake_case_name", "underscores inside a word"},
		{"**not bold**", `\*\*not bold\*\*`, "a run of stars"},
		{`Grow \| revenue`, `Grow \\\| revenue`, "a backslash before punctuation"},
		{`C:\path\to`, `C:\path\to`, "a backslash before a letter"},
		{"R&amp;D", "R&amp;amp;D", "an entity would show as its character"},
		{"R&D", "R&D", "a plain ampersand"},
		{"[link](x) ~~gone~~", `\[link\](x) \~\~gone\~\~`, "link and strikethrough syntax"},
		{"[draft] plan, ~5%", "[draft] plan, ~5%", "brackets without a link and one tilde"},
		{"# Revenue", `\# Revenue`, "a heading at the start"},
		{"#1 priority", "#1 priority", "a hash without a space is no heading"},
		{"- not a list", `\- not a list`, "a list item at the start"},
		{"1. First", `1\. First`, "an ordered list at the start"},
		{"> quoted", `\> quoted`, "a quote at the start"},
		{"Q3 - Q4", "Q3 - Q4", "a dash inside the text"},
	}
	for _, tt := range tests {
		if got := mdEscape(tt.in); got != tt.want {
			t.Errorf("%s: mdEscape(%q) = %q, want %q", tt.why, tt.in, got, tt.want)
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

// TestAsOfSentence: the as-of line reads as a sentence in each phase of the quarter.
func TestAsOfSentence(t *testing.T) {
	q3 := plan.Period{Year: 2026, Quarter: 3}
	for asOf, want := range map[string]string{
		"2026-08-15": "Checked on 15 August 2026, half-way through the quarter: a key result on track should score about 0.50 by now.",
		"2026-07-31": "Checked on 31 July 2026, a third of the way through the quarter: a key result on track should score about 0.34 by now.",
		"2026-09-05": "Checked on 5 September 2026, 73% of the way through the quarter: a key result on track should score about 0.73 by now.",
		"2026-09-30": "Checked on 30 September 2026, on the last day of the quarter: a key result on track should score about 1.00 by now.",
		"2026-06-20": "Checked on 20 June 2026, before the quarter starts: every key result is not started yet.",
		"2026-10-02": "Checked on 2 October 2026, after the quarter ended: scores are final and statuses are the grades.",
	} {
		d, _ := time.Parse(time.DateOnly, asOf)
		if got := asOfSentence(&report.Report{Period: q3, AsOf: d}); got != want {
			t.Errorf("as of %s:\n got %s\nwant %s", asOf, got, want)
		}
	}
}

// TestOnTargetText: the words hold for both directions; a lower-is-better KPI above its target
// is worse than it.
func TestOnTargetText(t *testing.T) {
	f := func(v float64) *float64 { return &v }
	kpi := func(dir plan.Direction, value, target float64, soFar bool) *report.KPIReport {
		k := &report.KPIReport{Direction: dir, Value: f(value), Target: f(target), SoFar: soFar}
		on := value >= target
		if dir == plan.Down {
			on = value <= target
		}
		k.OnTarget = &on
		return k
	}
	for _, tt := range []struct {
		k    *report.KPIReport
		want string
	}{
		{kpi(plan.Down, 2.1, 1.8, true), "worse than target so far"},
		{kpi(plan.Down, 2.1, 1.8, false), "worse than target"},
		{kpi(plan.Down, 1.5, 1.8, false), "better than target"},
		{kpi(plan.Up, 70, 75, true), "worse than target so far"},
		{kpi(plan.Up, 80, 75, false), "better than target"},
		{kpi(plan.Up, 75, 75, false), "on target"},
		{&report.KPIReport{Retired: "replaced"}, "retired"},
		{&report.KPIReport{}, "no data"},
	} {
		if got := onTargetText(tt.k); got != tt.want {
			t.Errorf("%s %v against %v: %q, want %q", tt.k.Direction, tt.k.Value, tt.k.Target, got, tt.want)
		}
	}
}
