package reportfmt

import (
	"bytes"
	_ "embed"
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

// HTML writes the report as one self-contained HTML page: inline CSS, inline SVG charts (a score
// bar per objective, a trend line per KPI against its annual target), no scripts and nothing
// fetched from the network. It reads on screen and prints on A4 or Letter.
type HTML struct{}

//go:embed html.tmpl
var htmlTemplate string

//go:embed html.css
var htmlCSS string

// Stylesheet is the CSS every HTML report embeds. Golden tests put a placeholder in its place
// (WithoutStylesheet), so that a change of style touches html.css alone, not every golden page.
func Stylesheet() string { return htmlCSS }

// StylesheetPlaceholder stands in a golden HTML page where the page embeds Stylesheet.
const StylesheetPlaceholder = "/* html.css */"

// WithoutStylesheet returns page with its embedded stylesheet replaced by StylesheetPlaceholder,
// for golden files; a page that does not embed it is returned unchanged, and the golden test
// then fails on the difference.
func WithoutStylesheet(page []byte) []byte {
	return bytes.Replace(page, []byte(htmlCSS), []byte(StylesheetPlaceholder), 1)
}

var htmlPage = template.Must(template.New("report").Parse(htmlTemplate))

type htmlView struct {
	Title, AsOf, Summary string
	Source               string // which version of the plans was read (report.Source)
	CSS                  template.CSS
	Legend               []htmlChip
	Plans                []htmlPlan
	Alignment            []htmlAligned
	Unaligned            []htmlAligned
	KPIs                 []htmlKPISection // of the plans that have KPIs
	Skipped              []report.Skip
	Thresholds           string
	Review               *htmlReview // for a finished period
}

type htmlReview struct {
	Title                            string
	Grades                           []htmlGrade
	Ambitious, Missed, Unmeasured    string // the headings of the lists
	NotAmbitious, MissedKPIs, Absent []htmlReviewItem
	NeverMeasured                    string // the heading of Unmeasured key results
	UnmeasuredKRs                    []htmlReviewItem
	Nothing                          string
}

type htmlGrade struct {
	Plan, Anchor, Text string
	Score              htmlChip
}

type htmlReviewItem struct{ Title, Plan, Anchor, Detail string }

type htmlChip struct{ Class, Text string }

type htmlPlan struct {
	Anchor, Title, File, Level, Owner, Summary string
	Score, Status                              htmlChip
	Chart                                      barChart
	Objectives                                 []htmlObjective
	Notes                                      []string
	History                                    template.HTML // the check-ins, with --history
}

type htmlObjective struct {
	Title, Owner string
	Weakest      string // how many key results are measured and the one that pulls it down (objectiveNote)
	Score        htmlChip
	Status       htmlChip
	NotAmbitious bool
	KeyResults   []htmlKR
}

type htmlKR struct {
	Title, Type, KPI, Range, Current string
	CheckIn                          string   // its owner, the latest check-in's confidence and note
	Eased                            []string // badges for its eased goalposts
	Score, Status                    htmlChip
	Flagged                          bool
}

type htmlAligned struct {
	Title, Plan, Anchor string
	Score, Status       htmlChip
	Children            []htmlAligned
}

type htmlKPISection struct {
	Title, Anchor string
	KPIs          []htmlKPI
}

type htmlKPI struct {
	Name, Unit, Direction, Source, Frequency, Retired, Annual, Now string
	OnTarget                                                       htmlChip
	Chart                                                          trendChart
	Cells                                                          []htmlCell
}

type htmlCell struct {
	Quarter, Value, Target string
	Current                bool
}

// Render implements Renderer.
func (HTML) Render(w io.Writer, r *report.Report) error {
	v := htmlView{
		Title:      heading(r),
		AsOf:       asOfSentence(r),
		Source:     sourceText(r),
		Summary:    upperFirst(summaryText(r.Summary)) + ".",
		CSS:        template.CSS(htmlCSS),
		Legend:     htmlLegend(r),
		Skipped:    r.Skipped,
		Thresholds: statusRule(r),
		Review:     htmlReviewOf(r),
	}
	type parts struct {
		plan htmlPlan
		kpis htmlKPISection
	}
	ps, err := eachPlan(len(r.Plans), func(i int) (parts, error) {
		p := r.Plans[i]
		hp := htmlPlanOf(p)
		hp.History = htmlHistory(r.History, p)
		return parts{hp, htmlKPIsOf(p)}, nil
	})
	if err != nil {
		return err
	}
	for _, p := range ps {
		v.Plans = append(v.Plans, p.plan)
		if len(p.kpis.KPIs) > 0 {
			v.KPIs = append(v.KPIs, p.kpis)
		}
	}
	v.Alignment = htmlTree(r.Alignment)
	for _, o := range r.Unaligned {
		v.Unaligned = append(v.Unaligned, htmlAlignedOf(o))
	}
	return htmlPage.Execute(w, v)
}

// htmlLegend says what the colours mean: statuses during the period, grades after it.
func htmlLegend(r *report.Report) []htmlChip {
	if report.PhaseOf(r.Period, r.AsOf) == report.Finished {
		return []htmlChip{
			{"green", "green: " + report.FormatScore(report.GreenFrom) + " and above"},
			{"yellow", "yellow: " + report.FormatScore(report.YellowFrom) + " to " + report.FormatScore(report.GreenFrom-0.01)},
			{"red", "red: below " + report.FormatScore(report.YellowFrom)},
			{"nodata", "no data: not measured"},
		}
	}
	return []htmlChip{
		{"green", "on track"},
		{"yellow", "at risk: more than " + report.FormatScore(report.AtRiskBehind) + " behind"},
		{"red", "off track: more than " + report.FormatScore(report.OffTrackBehind) + " behind"},
		{"nodata", "no data or not started"},
	}
}

// htmlReviewOf is the quarter-end review of a finished period, nil otherwise.
func htmlReviewOf(r *report.Report) *htmlReview {
	rv := r.Review
	if rv == nil {
		return nil
	}
	h := &htmlReview{Title: reviewHeading(r), Ambitious: reviewAmbitious, Missed: reviewMissed, Unmeasured: reviewUnmeasured,
		NeverMeasured: reviewNeverMeasured}
	for _, p := range rv.Plans {
		h.Grades = append(h.Grades, htmlGrade{Plan: planTitle(p), Anchor: anchor(p), Text: objectiveGradesText(p),
			Score: htmlChip{string(p.Status.Tone()), scoreText(p.Score, p.NoData)}})
	}
	for _, o := range rv.NotAmbitious {
		h.NotAmbitious = append(h.NotAmbitious, htmlReviewItem{Title: o.Title, Plan: planTitle(o.Plan), Anchor: anchor(o.Plan)})
	}
	for _, m := range rv.Missed {
		h.MissedKPIs = append(h.MissedKPIs, htmlReviewItem{Title: m.KPI.Name, Plan: planTitle(m.Plan),
			Anchor: "kpis-" + anchor(m.Plan), Detail: missedText(m.KPI)})
	}
	for _, m := range rv.Unmeasured {
		h.Absent = append(h.Absent, htmlReviewItem{Title: m.KPI.Name, Plan: planTitle(m.Plan), Anchor: "kpis-" + anchor(m.Plan)})
	}
	for _, m := range rv.NeverMeasured {
		h.UnmeasuredKRs = append(h.UnmeasuredKRs, htmlReviewItem{Title: m.KR.Title, Plan: planTitle(m.Objective.Plan),
			Anchor: anchor(m.Objective.Plan), Detail: m.Objective.Title})
	}
	if len(rv.NotAmbitious)+len(rv.Missed)+len(rv.Unmeasured)+len(rv.NeverMeasured) == 0 {
		h.Nothing = reviewNothing
	}
	return h
}

func htmlPlanOf(p *report.PlanReport) htmlPlan {
	hp := htmlPlan{
		Anchor: anchor(p), Title: planTitle(p), File: p.File, Level: string(p.Level), Owner: p.Owner,
		Summary: upperFirst(summaryText(p.Summary)) + ".",
		Score:   scoreChip(p.Status, p.Score, p.NoData),
		Status:  statusChip(p.Status),
		Chart:   newBarChart(p),
	}
	for _, o := range p.Objectives {
		ho := htmlObjective{
			Title: o.Title, Owner: o.Owner, Weakest: objectiveNote(o),
			Score: scoreChip(o.Status, o.Score, o.NoData), Status: statusChip(o.Status),
			NotAmbitious: o.NotAmbitious,
		}
		if o.NotAmbitious {
			hp.Notes = append(hp.Notes, o.Title+" "+notAmbitious+".")
		}
		for _, kr := range o.KeyResults {
			typ := string(kr.Type)
			if wt := weightText(kr.Weight); wt != "" {
				typ += " " + wt
			}
			ho.KeyResults = append(ho.KeyResults, htmlKR{
				Title: kr.Title, CheckIn: checkInText(kr), Type: typ, KPI: kpiMark(kr), Range: rangeText(kr) + easedMark(kr), Current: currentText(kr),
				Score: scoreChip(kr.Status, kr.Value, kr.NoData()), Status: htmlChip{string(kr.Status.Tone()), kr.StatusText()},
				Flagged: len(kr.Notes) > 0, Eased: easedBadges(kr.Eased),
			})
			for _, n := range kr.Notes {
				hp.Notes = append(hp.Notes, kr.Title+": "+n+".")
			}
		}
		hp.Objectives = append(hp.Objectives, ho)
	}
	hp.Notes = append(hp.Notes, htmlEased(p)...)
	if s := problemsText(p); s != "" {
		hp.Notes = append(hp.Notes, upperFirst(s)+".")
	}
	return hp
}

func htmlKPIsOf(p *report.PlanReport) htmlKPISection {
	s := htmlKPISection{Title: planTitle(p), Anchor: "kpis-" + anchor(p)}
	for _, k := range p.KPIs {
		hk := htmlKPI{
			Name: k.Name, Unit: k.Unit, Direction: directionText(k.Direction), Source: k.Source,
			Frequency: string(k.Frequency), Retired: k.Retired,
			Annual: number(k.AnnualTarget, ""), Now: number(k.Value, ""),
			OnTarget: kpiChip(k),
			Chart:    newTrendChart(k, p.Period.String()),
		}
		for _, pt := range k.Series {
			cell := htmlCell{Quarter: fmt.Sprintf("Q%d", pt.Period.Quarter), Current: pt.Period == p.Period}
			if pt.Tracked {
				cell.Value, cell.Target = number(pt.Value, ""), number(pt.Target, "")
			}
			hk.Cells = append(hk.Cells, cell)
		}
		s.KPIs = append(s.KPIs, hk)
	}
	return s
}

func htmlTree(nodes []*report.AlignNode) []htmlAligned {
	var out []htmlAligned
	for _, n := range nodes {
		a := htmlAlignedOf(n.Objective)
		a.Children = htmlTree(n.Children)
		out = append(out, a)
	}
	return out
}

func htmlAlignedOf(o *report.ObjectiveReport) htmlAligned {
	return htmlAligned{
		Title: o.Title, Plan: planTitle(o.Plan), Anchor: anchor(o.Plan),
		Score: scoreChip(o.Status, o.Score, o.NoData), Status: statusChip(o.Status),
	}
}

// scoreChip shows a score in the colour of its status.
func scoreChip(st report.Status, score float64, noData bool) htmlChip {
	return htmlChip{string(st.Tone()), scoreText(score, noData)}
}

func statusChip(s report.Status) htmlChip { return htmlChip{string(s.Tone()), s.Label()} }

func kpiChip(k *report.KPIReport) htmlChip { return htmlChip{string(k.Tone()), onTargetText(k)} }

// anchor is a plan's fragment identifier: "plan-sales-2026-Q3".
func anchor(p *report.PlanReport) string {
	return "plan-" + strings.Map(func(r rune) rune {
		if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-' {
			return r
		}
		return '-'
	}, p.Scope+"-"+p.Period.String())
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
				esc(kr.Title), esc(trendRange(kr.Trend)), esc(checkIns(kr.Trend)))
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
