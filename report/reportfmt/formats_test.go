package reportfmt_test

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/okr-tool/okr/internal/golden"
	"github.com/okr-tool/okr/plan"
	"github.com/okr-tool/okr/report"
	"github.com/okr-tool/okr/report/reportfmt"
)

// fixture is the report of testdata/plans (two plans of 2026-Q3 and one that cannot be read)
// on 15 August 2026, halfway through the quarter.
func fixture(t *testing.T) *report.Report {
	t.Helper()
	return fixtureAsOf(t, "2026-08-15")
}

// fixtureAsOf is the report of testdata/plans on the given day.
func fixtureAsOf(t *testing.T, asOf string) *report.Report {
	t.Helper()
	names, err := filepath.Glob(filepath.Join("testdata", "plans", "*.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	var sources []plan.Source
	for _, name := range names {
		data, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		sources = append(sources, plan.Source{File: filepath.ToSlash(filepath.Join("plans", filepath.Base(name))), Data: data})
	}
	r, err := report.Build(plan.LoadSources("", sources, 1), report.Options{AsOf: day(asOf)})
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// withHistory gives the fixture a history of check-ins, as okr report --history would, from a
// shallow clone: the first key result has three check-ins, the KPI's reading is stale.
func withHistory(t *testing.T) *report.Report {
	r := fixture(t)
	r.History = &report.HistoryNote{Shallow: true, Since: day("2026-07-01")}
	f := func(v float64) *float64 { return &v }
	for _, p := range r.Plans {
		if p.Scope != "company" {
			continue
		}
		kr := p.Objectives[0].KeyResults[0]
		kr.Trend = report.Trend{
			{Date: day("2026-07-03"), Commit: "a1b2c3d4e5f6", Value: f(2.4), Score: f(0)},
			{Date: day("2026-07-20"), Commit: "b2c3d4e5f6a1"},
			{Date: day("2026-08-10"), Value: f(2.1), Score: f(0.5)},
		}
		k := p.KPIs[0]
		k.Trend = report.Trend{{Date: day("2026-06-20"), Commit: "c3d4e5f6a1b2", Value: f(1.9)}}
		k.Freshness = &report.Freshness{Stale: true, Last: day("2026-06-20"), Commit: "c3d4e5f6a1b2", Age: 56, Allowed: 31}
	}
	return r
}

func day(s string) time.Time {
	d, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return d
}

func render(t *testing.T, r *report.Report, format string, opts reportfmt.Options) []byte {
	t.Helper()
	rr, err := reportfmt.New(format, opts)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := rr.Render(&buf, r); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

var ext = map[string]string{"table": "txt", "markdown": "md", "html": "html", "json": "json", "csv": "csv"}

// TestFormats pins every format's output for the fixture, with and without history, in
// testdata/golden. Only the table colors: the other formats are the same with Color set.
func TestFormats(t *testing.T) {
	for _, history := range []bool{false, true} {
		r, suffix := fixture(t), ""
		if history {
			r, suffix = withHistory(t), "-history"
		}
		for _, format := range reportfmt.Formats.Names() {
			got := render(t, r, format, reportfmt.Options{})
			golden.Check(t, filepath.Join("testdata", "golden", format+suffix+"."+ext[format]), reportfmt.WithoutStylesheet(got))
			colored := render(t, r, format, reportfmt.Options{Color: true})
			if format == "table" {
				golden.Check(t, filepath.Join("testdata", "golden", format+suffix+"-color.txt"), colored)
			} else if !bytes.Equal(colored, got) {
				t.Errorf("%s with Color differs from without:\n%s", format, golden.Diff(string(got), string(colored)))
			}
		}
	}
}

// TestFormatsRepeat: the parts built in parallel come out in plan order every time.
func TestFormatsRepeat(t *testing.T) {
	r := withHistory(t)
	for _, format := range []string{"table", "html", "json"} {
		first := render(t, r, format, reportfmt.Options{})
		for range 20 {
			if got := render(t, r, format, reportfmt.Options{}); !bytes.Equal(got, first) {
				t.Fatalf("%s differs between runs:\n%s", format, golden.Diff(string(first), string(got)))
			}
		}
	}
}

// TestFormatsReview pins every format's report of the fixture once the quarter is over: it closes
// with the review (final grades, the objective met in full, the KPI worse than its target).
func TestFormatsReview(t *testing.T) {
	r := fixtureAsOf(t, "2026-10-05")
	if r.Review == nil {
		t.Fatal("no review after the quarter")
	}
	for _, format := range reportfmt.Formats.Names() {
		got := render(t, r, format, reportfmt.Options{})
		golden.Check(t, filepath.Join("testdata", "golden", "review."+ext[format]), reportfmt.WithoutStylesheet(got))
		for _, want := range reviewMarks[format] {
			if !bytes.Contains(got, []byte(want)) {
				t.Errorf("%s review lacks %q", format, want)
			}
		}
	}
}

// reviewMarks are what each format's review must say of the fixture.
var reviewMarks = map[string][]string{
	"table":    {"Quarter-end review of 2026-Q3", "Final grades:", "Answer every customer within a day (support · 2026-Q3)", "Monthly logo churn (company · 2026-Q3): 2.1% against a target of 1.8% (↓ lower is better)"},
	"markdown": {"## Quarter-end review of 2026-Q3", "### Final grades", "- ⚠️ **Answer every customer within a day**", "- 🔴 **Monthly logo churn**"},
	"html":     {`<section class="review" id="review">`, "Final grades", "Answer every customer within a day", "2.1% against a target of 1.8%"},
	"json":     {`"review": {`, `"not_ambitious": [`, `"id": "answer"`, `"missed_kpis": [`, `"id": "churn"`},
	"csv":      {",final_grade", ",not_ambitious", ",kpi_missed_target"},
}

// TestEveryFormatSays checks what every format must show of the fixture mid-quarter: the owners
// of plans and objectives, a key result's check-in note and confidence, a lower-is-better KPI above its target as worse than it (never
// "below"), the weakest key result of an objective, and no green score beside "at risk".
func TestEveryFormatSays(t *testing.T) {
	r := fixture(t)
	says := map[string][]string{
		"owners":  {"Dana Ruiz", "Sam Okafor"},
		"wording": {"worse than target so far"},
		"weakest": {"cycle"},
		"note":    {"review queue is the"},
	}
	confidence := map[string]string{"table": "confidence 0.4", "markdown": "confidence 0.4", "html": "confidence 0.4",
		"json": `"confidence": 0.4`, "csv": ",0.4,review queue"}
	for _, format := range reportfmt.Formats.Names() {
		got := string(render(t, r, format, reportfmt.Options{}))
		for what, wants := range says {
			for _, want := range wants {
				if (format == "csv" || format == "json") && what == "wording" {
					continue // machine formats carry on_target and direction, not words
				}
				if !strings.Contains(got, want) {
					t.Errorf("%s: %s: %q missing", format, what, want)
				}
			}
		}
		if !strings.Contains(got, confidence[format]) {
			t.Errorf("%s: the key result's confidence: %q missing", format, confidence[format])
		}
		if strings.Contains(got, "below target") {
			t.Errorf("%s says \"below target\"", format)
		}
	}
	// The colour of a score is the colour of its status: a green chip or circle never sits
	// beside "at risk" (the HTML's objective rows, the Markdown's tables).
	html := string(render(t, r, "html", reportfmt.Options{}))
	if regexp.MustCompile(`chip green">[^<]*</span></td><td><span class="status yellow">at risk`).MatchString(html) {
		t.Error("html: a green score beside at risk")
	}
	md := string(render(t, r, "markdown", reportfmt.Options{}))
	if regexp.MustCompile(`🟢 [0-9.]+\**? \| \**at risk`).MatchString(md) {
		t.Error("markdown: a green score beside at risk")
	}
}

// TestTableColorStaysInItsCell: colors are the only difference between the colored and the plain
// table, and no style runs on across a border, not even where a styled title or check-in note
// wraps.
func TestTableColorStaysInItsCell(t *testing.T) {
	ansi := regexp.MustCompile("\x1b\\[[0-9;]*m")
	for _, r := range []*report.Report{fixture(t), withHistory(t)} {
		plain := render(t, r, "table", reportfmt.Options{})
		colored := render(t, r, "table", reportfmt.Options{Color: true})
		if stripped := ansi.ReplaceAll(colored, nil); !bytes.Equal(stripped, plain) {
			t.Errorf("colored table without its colors differs from the plain one:\n%s", golden.Diff(string(plain), string(stripped)))
		}
		for n, line := range strings.Split(string(colored), "\n") {
			open := false
			for i := 0; i < len(line); {
				if loc := ansi.FindStringIndex(line[i:]); loc != nil && loc[0] == 0 {
					code := line[i : i+loc[1]]
					open = code != "\x1b[0m" && code != "\x1b[22m" && code != "\x1b[39m"
					i += loc[1]
					continue
				}
				if strings.HasPrefix(line[i:], "│") && open {
					t.Errorf("line %d: a style runs across a border: %q", n+1, line)
					break
				}
				i++
			}
		}
	}
}

// The goldens hold a placeholder for the stylesheet; this checks that every page embeds the
// real one exactly once, which the goldens alone no longer show.
func TestHTMLEmbedsTheStylesheet(t *testing.T) {
	page := string(render(t, fixture(t), "html", reportfmt.Options{}))
	if n := strings.Count(page, reportfmt.Stylesheet()); n != 1 || len(reportfmt.Stylesheet()) < 100 {
		t.Errorf("the page embeds the stylesheet %d times", n)
	}
	if strings.Contains(page, reportfmt.StylesheetPlaceholder) {
		t.Error("the page holds the golden files' placeholder")
	}
}
