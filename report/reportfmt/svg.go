package reportfmt

import (
	"fmt"
	"math"
	"strings"
	"unicode/utf8"

	"github.com/okr-tool/okr/report"
)

// The geometry of the HTML report's inline SVG charts, computed here so the template only
// places what it is given. Coordinates are in SVG user units; the charts scale to their box.

// barChart draws one horizontal bar per objective: its score against the grade thresholds and,
// during the period, the score expected by now.
type barChart struct {
	Width, Height  int
	BarX, BarWidth float64
	Rows           []barRow
	Ticks          []barTick
	Expected       *barTick // nil unless the period is in progress
	Label          string   // what the chart shows, for screen readers
}

type barRow struct {
	Y, TextY, Width float64
	Label, Title    string // Label is the title shortened to fit
	Class           string // the grade, or "nodata"
	Score           string
	ScoreX          float64
}

type barTick struct {
	X     float64
	Label string
}

const (
	barRowHeight = 30
	barTop       = 8
	barLabelW    = 380
	barAreaW     = 360
	barScoreW    = 90
	scoreLabelW  = 30 // the width of a score such as "0.56" at the chart's font size
)

func newBarChart(p *report.PlanReport) barChart {
	top := barTop
	if p.Phase == report.InProgress {
		top += 14 // room for the label of the expected score above the bars
	}
	c := barChart{
		Width:    barLabelW + barAreaW + barScoreW,
		Height:   top + barRowHeight*len(p.Objectives) + 26,
		BarX:     barLabelW,
		BarWidth: barAreaW,
		Label:    "Objective scores of " + planTitle(p),
	}
	x := func(score float64) float64 { return round1(barLabelW + score*barAreaW) }
	for i, o := range p.Objectives {
		y := float64(top + i*barRowHeight)
		row := barRow{
			Y: y + 6, TextY: y + 20, Width: round1(math.Max(o.Score*barAreaW, 0)),
			Label: shorten(o.Title, 56), Title: o.Title,
			Class: string(o.Status.Tone()), Score: scoreText(o.Score, o.NoData),
		}
		if o.NoData {
			row.Class, row.Width = "nodata", 0
		}
		row.ScoreX = x(o.Score) + 6
		if o.NoData {
			row.ScoreX = barLabelW + 6
		}
		// A score written across the dashed line of the expected score is hard to read: it
		// moves just past the line.
		if ex := x(p.Expected); p.Phase == report.InProgress && row.ScoreX-4 < ex && ex < row.ScoreX+scoreLabelW {
			row.ScoreX = ex + 5
		}
		c.Rows = append(c.Rows, row)
	}
	// Once the period is over a bar's colour is its grade, so the ticks mark where the grades
	// start; during the period it is the status, measured from the expected score instead.
	ticks := []float64{0, report.YellowFrom, report.GreenFrom, 1}
	if p.Phase != report.Finished {
		ticks = []float64{0, 0.25, 0.5, 0.75, 1}
	}
	for _, v := range ticks {
		c.Ticks = append(c.Ticks, barTick{X: x(v), Label: trimZero(v)})
	}
	if p.Phase == report.InProgress {
		c.Expected = &barTick{X: x(p.Expected), Label: "expected " + report.FormatScore(p.Expected)}
	}
	return c
}

// trendChart draws a KPI's values quarter by quarter, its quarterly targets, and its annual
// target as a horizontal line.
type trendChart struct {
	Width, Height int
	Left, Right   float64
	Top, Bottom   float64
	Lines         []string // polyline points of consecutive readings
	Points        []trendPoint
	Targets       string // polyline points of the quarterly targets
	TargetPoints  []trendPoint
	Annual        *trendPoint // Y and Label of the annual target line
	XLabels       []trendPoint
	YLabels       []trendPoint
	Label         string
	Empty         bool // nothing to draw
}

type trendPoint struct {
	X, Y   float64
	Label  string
	Strong bool    // the reported quarter
	DY     float64 // where the label goes: above the point, or below when the target is above
}

const (
	trendW      = 300
	trendH      = 170
	trendLeft   = 40
	trendRight  = 52 // room for the annual target's label, right of its line
	trendInset  = 16 // the first and last quarter sit this far inside the axes, clear of their labels
	trendTop    = 20
	trendBottom = 26
)

func newTrendChart(k *report.KPIReport, current string) trendChart {
	c := trendChart{
		Width: trendW, Height: trendH,
		Left: trendLeft, Right: trendW - trendRight, Top: trendTop, Bottom: trendH - trendBottom,
		Label: fmt.Sprintf("%s quarter by quarter against its targets", k.Name),
	}
	var all []float64
	for _, pt := range k.Series {
		for _, v := range []*float64{pt.Value, pt.Target} {
			if v != nil {
				all = append(all, *v)
			}
		}
	}
	if k.AnnualTarget != nil {
		all = append(all, *k.AnnualTarget)
	}
	if len(all) == 0 {
		c.Empty = true
	}
	lo, hi := niceRange(all)
	y := func(v float64) float64 { return round1(c.Bottom - (v-lo)/(hi-lo)*(c.Bottom-c.Top)) }
	step := (c.Right - c.Left - 2*trendInset) / float64(max(len(k.Series)-1, 1))
	var line, targets []string
	for i, pt := range k.Series {
		x := round1(c.Left + trendInset + float64(i)*step)
		strong := pt.Period.String() == current
		c.XLabels = append(c.XLabels, trendPoint{X: x, Y: c.Bottom + 18, Label: fmt.Sprintf("Q%d", pt.Period.Quarter), Strong: strong})
		if pt.Value != nil {
			line = append(line, fmt.Sprintf("%.1f,%.1f", x, y(*pt.Value)))
			dy := -9.0
			if pt.Target != nil && *pt.Target > *pt.Value {
				dy = 17
			}
			if py := y(*pt.Value); py+dy > c.Bottom-2 {
				dy = -9 // no room below: above the point
			} else if py+dy < 10 {
				dy = 17
			}
			c.Points = append(c.Points, trendPoint{X: x, Y: y(*pt.Value), Label: report.FormatNumber(*pt.Value), Strong: strong, DY: dy})
		} else if len(line) > 0 {
			c.Lines = append(c.Lines, strings.Join(line, " "))
			line = nil
		}
		if pt.Target != nil {
			targets = append(targets, fmt.Sprintf("%.1f,%.1f", x, y(*pt.Target)))
			tp := trendPoint{X: x, Y: y(*pt.Target), Label: report.FormatNumber(*pt.Target), DY: targetLabelDY(pt, y)}
			c.TargetPoints = append(c.TargetPoints, tp)
		}
	}
	if len(line) > 0 {
		c.Lines = append(c.Lines, strings.Join(line, " "))
	}
	c.Targets = strings.Join(targets, " ")
	if k.AnnualTarget != nil {
		// Right of the plot, where no point is: "annual" over the line, the value under it.
		c.Annual = &trendPoint{X: c.Right + 4, Y: y(*k.AnnualTarget), Label: report.FormatNumber(*k.AnnualTarget)}
	}
	for _, v := range []float64{lo, hi} {
		c.YLabels = append(c.YLabels, trendPoint{X: c.Left - 6, Y: y(v) + 4, Label: trimZero(v)})
	}
	return c
}

// targetLabelDY is where a target ring's value label goes: on the side of the ring away from
// the quarter's reading (whose label is on the reading's far side), inside the plot; 0 when the
// reading equals the target, whose label then says both.
func targetLabelDY(pt report.Point, y func(float64) float64) float64 {
	ty := y(*pt.Target)
	above := pt.Value == nil || *pt.Target > *pt.Value
	if pt.Value != nil && *pt.Value == *pt.Target {
		return 0
	}
	dy := 14.0
	if above {
		dy = -7
	}
	if ty+dy > trendH-trendBottom-3 {
		dy = -7
	} else if ty+dy < 10 {
		dy = 14
	}
	return dy
}

// niceRange pads the range of values so points do not sit on the chart's edges, and rounds it
// outwards to a step that suits its span (99.8..100 for an uptime, 70..82 for a retention rate).
func niceRange(vs []float64) (lo, hi float64) {
	if len(vs) == 0 {
		return 0, 1
	}
	lo, hi = vs[0], vs[0]
	for _, v := range vs {
		lo, hi = math.Min(lo, v), math.Max(hi, v)
	}
	nonNegative := lo >= 0
	pad := (hi - lo) * 0.15
	if pad == 0 {
		pad = math.Max(math.Abs(hi)*0.1, 0.5)
	}
	lo, hi = lo-pad, hi+pad
	if nonNegative && lo < 0 {
		lo = 0 // a metric that does not go negative gets no negative axis
	}
	step := math.Pow(10, math.Floor(math.Log10(hi-lo)))
	if (hi-lo)/step < 3 {
		step /= 2
	}
	return round6(math.Floor(lo/step) * step), round6(math.Ceil(hi/step) * step)
}

// round6 drops the floating-point dust of a multiplication (99.80000000000001).
func round6(v float64) float64 { return math.Round(v*1e6) / 1e6 }

// round1 rounds a coordinate to a tenth of a unit, finer than any screen or printer shows.
func round1(v float64) float64 { return math.Round(v*10) / 10 }

func trimZero(v float64) string { return report.FormatNumber(math.Round(v*1e6) / 1e6) }

// shorten cuts s to at most n characters, ending with an ellipsis when it had to.
func shorten(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return strings.TrimSpace(string(r[:n-1])) + "…"
}
