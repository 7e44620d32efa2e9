package reportfmt

import (
	"strings"
	"testing"

	"github.com/okr-tool/okr/plan"
	"github.com/okr-tool/okr/report"
)

// TestTrendChartLabelsDoNotCollide: the annual target is labelled right of the plot, where no
// point is; the first quarter sits inside the axis, clear of its labels; target rings carry
// their values, except where the reading equals the target.
func TestTrendChartLabelsDoNotCollide(t *testing.T) {
	f := func(v float64) *float64 { return &v }
	k := &report.KPIReport{Name: "Retention", Unit: "%", AnnualTarget: f(80), Series: []report.Point{
		{Period: plan.Period{Year: 2026, Quarter: 1}, Tracked: true, Value: f(9), Target: f(8)},
		{Period: plan.Period{Year: 2026, Quarter: 2}, Tracked: true, Value: f(75), Target: f(75)},
		{Period: plan.Period{Year: 2026, Quarter: 3}, Tracked: true, Target: f(80)},
	}}
	c := newTrendChart(k, "2026-Q2")
	if c.Annual == nil || c.Annual.X <= c.Right {
		t.Fatalf("annual label at %+v, want right of the plot (%v)", c.Annual, c.Right)
	}
	for _, p := range append(append([]trendPoint{}, c.Points...), c.TargetPoints...) {
		if p.X >= c.Annual.X || p.X < c.Left+trendInset {
			t.Errorf("point at x=%v: want inside %v..%v", p.X, c.Left+trendInset, c.Annual.X)
		}
	}
	markup := string(c.Markup())
	for _, want := range []string{`class="target-label"`, `>8</text>`, `>80</text>`, `>annual</text>`} {
		if !strings.Contains(markup, want) {
			t.Errorf("chart lacks %s:\n%s", want, markup)
		}
	}
	if strings.Count(markup, `class="target-label"`) != 2 {
		t.Errorf("want labels on the two targets the readings do not equal:\n%s", markup)
	}
}

// TestHTMLScreenStyles: values in key result tables do not break mid-token, the annual target
// line is neutral, and each KPI card's chart sits at its bottom so charts in a row line up.
func TestHTMLScreenStyles(t *testing.T) {
	for _, want := range []string{
		"table.okrs thead th, table.okrs tr.kr td:not(.kr-title) { white-space: nowrap; }",
		".trend-chart .annual { stroke: var(--ink);",
		".trend-chart { margin: auto 0 8px; }",
		".kpi { display: flex; flex-direction: column; }",
		".eased-badge {",
	} {
		if !strings.Contains(htmlCSS, want) {
			t.Errorf("html.css lacks %q", want)
		}
	}
}
