package reportfmt

import (
	"fmt"
	"html/template"
	"io"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/okr-tool/okr/plan"
	"github.com/okr-tool/okr/report"
)

// The history of check-ins (okr report --history): a compact trend per key result in the table
// and Markdown formats, a progress line against the expected-progress line of the period in
// HTML, and the freshness of every KPI's reading. Each format calls one function of this file;
// they print nothing for a report built without history.

// sparks are the eight heights of a sparkline, from a score of 0 to a score of 1.
var sparks = []rune("▁▂▃▄▅▆▇█")

// maxSparks is how many of the latest check-ins a sparkline shows.
const maxSparks = 16

// sparkline draws a trend's scores, one character per check-in; "·" stands for a check-in
// without a measurement.
func sparkline(t report.Trend) string {
	if len(t) > maxSparks {
		t = t[len(t)-maxSparks:]
	}
	var b strings.Builder
	for _, pt := range t {
		if pt.Score == nil {
			b.WriteRune('·')
			continue
		}
		i := int(math.Round(math.Min(math.Max(*pt.Score, 0), 1) * float64(len(sparks)-1)))
		b.WriteRune(sparks[i])
	}
	return b.String()
}

// trendRange is where a trend went: "0.20 → 0.60", or one score when it never moved.
func trendRange(t report.Trend) string {
	first, last := "no data", "no data"
	for _, pt := range t {
		if pt.Score != nil {
			if first == "no data" {
				first = report.FormatScore(*pt.Score)
			}
			last = report.FormatScore(*pt.Score)
		}
	}
	if first == last {
		return last
	}
	return first + " → " + last
}

// revisionText names where a point comes from: "2026-07-20 a1b2c3d" or "2026-08-05
// uncommitted".
func revisionText(date time.Time, commit string) string {
	if commit == "" {
		return date.Format(time.DateOnly) + " uncommitted"
	}
	if len(commit) > 7 {
		commit = commit[:7]
	}
	return date.Format(time.DateOnly) + " " + commit
}

func checkIns(n int) string {
	if n == 1 {
		return "1 check-in"
	}
	return strconv.Itoa(n) + " check-ins"
}

// historyHeading introduces the history of a plan, saying when a shallow clone cut it short.
func historyHeading(r *report.HistoryNote) string {
	return "Check-ins (the score after each commit that changed it; ▁ is 0, █ is 1)" + shallowText(r)
}

func shallowText(r *report.HistoryNote) string {
	if r != nil && r.Shallow {
		return "; the history of this shallow clone starts " + r.Since.Format(time.DateOnly)
	}
	return ""
}

// freshnessText says how recent a KPI's reading is: "stale: read 2026-06-20 a1b2c3d, 51 days
// old (monthly: at most 31)".
func freshnessText(k *report.KPIReport) string {
	f := k.Freshness
	if f == nil {
		return ""
	}
	state := "fresh"
	if f.Stale {
		state = "stale"
	}
	if f.Last.IsZero() {
		return fmt.Sprintf("%s: no reading for %d days (%s: at most %d)", state, f.Age, k.Frequency, f.Allowed)
	}
	return fmt.Sprintf("%s: read %s, %d days old (%s: at most %d)", state,
		revisionText(f.Last, f.Commit), f.Age, k.Frequency, f.Allowed)
}

// readingsText is a KPI's readings in short: "72 → 75".
func readingsText(k *report.KPIReport) string {
	var first, last *float64
	for _, pt := range k.Trend {
		if pt.Value != nil {
			if first == nil {
				first = pt.Value
			}
			last = pt.Value
		}
	}
	switch {
	case last == nil:
		return "no readings"
	case *first == *last:
		return withUnit(report.FormatNumber(*last), k.Unit)
	}
	return withUnit(report.FormatNumber(*first)+" → "+report.FormatNumber(*last), k.Unit)
}

func lastPoint(t report.Trend) report.TrendPoint { return t[len(t)-1] }

// writeHistory writes a plan's check-ins for the table format.
func writeHistory(w io.Writer, p palette, r *report.HistoryNote, pr *report.PlanReport) {
	if r == nil {
		return
	}
	fmt.Fprintf(w, "%s\n", p.faint.Sprint(historyHeading(r)))
	width, spark := 0, 0
	for _, o := range pr.Objectives {
		for _, kr := range o.KeyResults {
			width = max(width, len(o.ID)+1+len(kr.ID))
			spark = max(spark, min(len(kr.Trend), maxSparks))
		}
	}
	for _, k := range pr.KPIs {
		width = max(width, len("KPI ")+len(k.ID))
	}
	for _, o := range pr.Objectives {
		for _, kr := range o.KeyResults {
			name := o.ID + "/" + kr.ID
			if len(kr.Trend) == 0 {
				fmt.Fprintf(w, "  %-*s  no committed history\n", width, name)
				continue
			}
			last := lastPoint(kr.Trend)
			fmt.Fprintf(w, "  %-*s  %-*s  %s  %s, last %s\n", width, name, spark, sparkline(kr.Trend),
				trendRange(kr.Trend), checkIns(len(kr.Trend)), revisionText(last.Date, last.Commit))
		}
	}
	for _, k := range pr.KPIs {
		if len(k.Trend) == 0 && k.Freshness == nil {
			continue
		}
		line := fmt.Sprintf("  %-*s  %s", width, "KPI "+k.ID, readingsText(k))
		if f := freshnessText(k); f != "" {
			if k.Freshness.Stale {
				f = p.red.Sprint(f)
			}
			line += "  " + f
		}
		fmt.Fprintln(w, line)
	}
}

// mdHistory writes a plan's check-ins for the Markdown format.
func mdHistory(w io.Writer, r *report.HistoryNote, pr *report.PlanReport) {
	if r == nil {
		return
	}
	fmt.Fprintf(w, "\n%s.\n\n| Key result | Trend | Score | Check-ins | Last |\n| --- | --- | --- | --: | --- |\n", mdEscape(historyHeading(r)))
	for _, o := range pr.Objectives {
		for _, kr := range o.KeyResults {
			if len(kr.Trend) == 0 {
				fmt.Fprintf(w, "| %s | | | 0 | |\n", mdEscape(kr.Title))
				continue
			}
			last := lastPoint(kr.Trend)
			fmt.Fprintf(w, "| %s | %s | %s | %d | %s |\n", mdEscape(kr.Title), sparkline(kr.Trend),
				trendRange(kr.Trend), len(kr.Trend), mdEscape(revisionText(last.Date, last.Commit)))
		}
	}
	first := true
	for _, k := range pr.KPIs {
		if len(k.Trend) == 0 && k.Freshness == nil {
			continue
		}
		if first {
			fmt.Fprintf(w, "\n| KPI | Readings | Reading |\n| --- | --- | --- |\n")
			first = false
		}
		mark := ""
		if k.Freshness != nil {
			mark = "🟢 "
			if k.Freshness.Stale {
				mark = "⚠️ "
			}
		}
		fmt.Fprintf(w, "| %s | %s | %s%s |\n", mdEscape(k.Name), mdEscape(readingsText(k)), mark, mdEscape(freshnessText(k)))
	}
}

// Geometry of the HTML progress charts: one small chart per key result.
const (
	progW, progH                  = 320, 120
	progLeft, progRight           = 34, 312
	progTop, progBottom           = 12, 96
	progExpected, progActual      = "#8a8f98", "#1f6feb"
	progStaleColor, progGridColor = "#b42318", "#e3e5e8"
)

// htmlHistory is a plan's check-ins as HTML: per key result, its score after each check-in as a
// step line against the dashed line of the score expected by each day of the period, then the
// freshness of the KPIs' readings.
func htmlHistory(r *report.HistoryNote, pr *report.PlanReport) template.HTML {
	if r == nil {
		return ""
	}
	esc := template.HTMLEscapeString
	var b strings.Builder
	b.WriteString(`<div class="history"><h3 style="margin-top:18px">Check-ins` + esc(shallowText(r)) + "</h3>\n")
	b.WriteString(`<div style="display:grid;grid-template-columns:repeat(auto-fill,minmax(260px,1fr));gap:12px">`)
	for _, o := range pr.Objectives {
		for _, kr := range o.KeyResults {
			b.WriteString(`<figure style="margin:0">`)
			progressChart(&b, pr.Period, pr.Expected, kr)
			fmt.Fprintf(&b, `<figcaption>%s<br><small>%s · %s</small></figcaption></figure>`+"\n",
				esc(kr.Title), esc(trendRange(kr.Trend)), esc(checkIns(len(kr.Trend))))
		}
	}
	b.WriteString("</div>\n")
	var kpis []string
	for _, k := range pr.KPIs {
		if f := freshnessText(k); f != "" {
			style := ""
			if k.Freshness.Stale {
				style = ` style="color:` + progStaleColor + `"`
			}
			kpis = append(kpis, "<li"+style+">"+esc(k.Name)+": "+esc(readingsText(k))+"; "+esc(f)+"</li>")
		}
	}
	if len(kpis) > 0 {
		b.WriteString("<ul class=\"notes\">" + strings.Join(kpis, "\n") + "</ul>\n")
	}
	b.WriteString("<p class=\"meta\">Solid line and dots: the score after each commit, up to the report's day; dashed line: the score expected by each day, the share of the period elapsed.</p></div>\n")
	// Safe: every text from a plan went through HTMLEscapeString; the rest are numbers.
	return template.HTML(b.String())
}

// progressChart draws one key result's score over its period; the line runs on to the report's
// day, elapsed (the share of the period elapsed).
func progressChart(b *strings.Builder, period plan.Period, elapsed float64, kr *report.KRReport) {
	start, end := period.Start(), period.End()
	span := end.Sub(start).Seconds()
	x := func(t time.Time) float64 {
		f := t.Sub(start).Seconds() / span
		return round1(progLeft + math.Min(math.Max(f, 0), 1)*(progRight-progLeft))
	}
	y := func(s float64) float64 { return round1(progBottom - math.Min(math.Max(s, 0), 1)*(progBottom-progTop)) }
	label := "Score of " + kr.Title + " over " + period.String()
	fmt.Fprintf(b, `<svg viewBox="0 0 %d %d" role="img" aria-label="%s" xmlns="http://www.w3.org/2000/svg" style="width:100%%;height:auto">`,
		progW, progH, template.HTMLEscapeString(label))
	for _, s := range []float64{0, 0.5, 1} {
		fmt.Fprintf(b, `<line x1="%d" y1="%g" x2="%d" y2="%g" stroke="%s"/>`, progLeft, y(s), progRight, y(s), progGridColor)
		fmt.Fprintf(b, `<text x="%d" y="%g" font-size="10" text-anchor="end" fill="#57606a">%s</text>`, progLeft-4, y(s)+3, strconv.FormatFloat(s, 'f', 1, 64))
	}
	fmt.Fprintf(b, `<text x="%d" y="%d" font-size="10" fill="#57606a">%s</text>`, progLeft, progH-8, start.Format("Jan 2"))
	fmt.Fprintf(b, `<text x="%d" y="%d" font-size="10" text-anchor="end" fill="#57606a">%s</text>`, progRight, progH-8,
		period.LastDay().Format("Jan 2"))
	fmt.Fprintf(b, `<line x1="%g" y1="%g" x2="%g" y2="%g" stroke="%s" stroke-width="1.5" stroke-dasharray="5 4"/>`,
		x(start), y(0), x(end), y(1), progExpected)
	var pts []string
	prev := 0.0
	have := false
	for _, pt := range kr.Trend {
		if pt.Score == nil {
			continue
		}
		px := x(pt.Date)
		if have {
			pts = append(pts, fmt.Sprintf("%g,%g", px, y(prev)))
		}
		pts = append(pts, fmt.Sprintf("%g,%g", px, y(*pt.Score)))
		prev, have = *pt.Score, true
	}
	if now := round1(progLeft + elapsed*(progRight-progLeft)); have && len(pts) > 0 {
		if last := x(lastPoint(kr.Trend).Date); now > last {
			pts = append(pts, fmt.Sprintf("%g,%g", now, y(prev)))
		}
	}
	if len(pts) > 0 {
		fmt.Fprintf(b, `<polyline points="%s" fill="none" stroke="%s" stroke-width="2"/>`, strings.Join(pts, " "), progActual)
		for _, pt := range kr.Trend {
			if pt.Score != nil {
				fmt.Fprintf(b, `<circle cx="%g" cy="%g" r="3" fill="%s"><title>%s: %s</title></circle>`, x(pt.Date), y(*pt.Score),
					progActual, template.HTMLEscapeString(revisionText(pt.Date, pt.Commit)), report.FormatScore(*pt.Score))
			}
		}
	} else {
		fmt.Fprintf(b, `<text x="%d" y="%d" font-size="11" fill="#57606a">no measurement yet</text>`, progLeft+8, progTop+30)
	}
	b.WriteString("</svg>")
}

// jsonCheckIn is one point of a trend in the JSON report.
type jsonCheckIn struct {
	Date   string   `json:"date"`
	Commit string   `json:"commit"` // "" for uncommitted changes
	Value  *float64 `json:"value"`
	Score  *float64 `json:"score,omitempty"`
}

// jsonFreshness is whether a KPI's reading is as recent as its frequency asks.
type jsonFreshness struct {
	Stale       bool   `json:"stale"`
	LastReading string `json:"last_reading,omitempty"` // the date of the commit that last changed it
	Commit      string `json:"commit,omitempty"`
	AgeDays     int    `json:"age_days"`
	AllowedDays int    `json:"allowed_days"`
}

// checkInsJSON is a trend for the JSON report; nil (and left out) without --history.
func checkInsJSON(t report.Trend) *[]jsonCheckIn {
	if t == nil {
		return nil
	}
	out := make([]jsonCheckIn, 0, len(t))
	for _, pt := range t {
		out = append(out, jsonCheckIn{Date: pt.Date.Format(time.DateOnly), Commit: pt.Commit, Value: pt.Value, Score: pt.Score})
	}
	return &out
}

func freshnessJSON(f *report.Freshness) *jsonFreshness {
	if f == nil {
		return nil
	}
	j := &jsonFreshness{Stale: f.Stale, Commit: f.Commit, AgeDays: f.Age, AllowedDays: f.Allowed}
	if !f.Last.IsZero() {
		j.LastReading = f.Last.Format(time.DateOnly)
	}
	return j
}
