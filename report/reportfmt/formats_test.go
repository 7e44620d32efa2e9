package reportfmt_test

import (
	"bytes"
	"os"
	"path/filepath"
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
	r, err := report.Build(plan.LoadSources("", sources, 1), report.Options{AsOf: day("2026-08-15")})
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
			golden.Check(t, filepath.Join("testdata", "golden", format+suffix+"."+ext[format]), got)
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
