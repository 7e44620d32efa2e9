package reportfmt

import (
	_ "embed"
	"fmt"
	"html/template"
	"io"
	"strings"

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

var htmlPage = template.Must(template.New("report").Parse(htmlTemplate))

type htmlView struct {
	Title, AsOf, Summary string
	CSS                  template.CSS
	Legend               []htmlChip
	Plans                []htmlPlan
	Alignment            []htmlAligned
	Unaligned            []htmlAligned
	KPIs                 []htmlKPISection // of the plans that have KPIs
	Skipped              []report.Skip
	Thresholds           string
}

type htmlChip struct{ Class, Text string }

type htmlPlan struct {
	Anchor, Title, File, Level, Owner, Summary string
	Score                                      htmlChip
	Chart                                      barChart
	Objectives                                 []htmlObjective
	Notes                                      []string
	History                                    template.HTML // the check-ins, with --history
}

type htmlObjective struct {
	Title        string
	Score        htmlChip
	Status       htmlChip
	NotAmbitious bool
	KeyResults   []htmlKR
}

type htmlKR struct {
	Title, Type, KPI, Range, Current string
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
		Title:   heading(r),
		AsOf:    upperFirst(asOfText(r)) + ".",
		Summary: upperFirst(summaryText(r.Summary)) + ".",
		CSS:     template.CSS(htmlCSS),
		Legend: []htmlChip{
			{"green", "green: " + report.FormatScore(report.GreenFrom) + " and above"},
			{"yellow", "yellow: " + report.FormatScore(report.YellowFrom) + " to " + report.FormatScore(report.GreenFrom-0.01)},
			{"red", "red: below " + report.FormatScore(report.YellowFrom)},
			{"nodata", "no data: not measured yet"},
		},
		Skipped: r.Skipped,
		Thresholds: "During a period each key result is compared with the score expected by now, the share of the period elapsed: " +
			report.BehindText() + ". An objective takes the status of its weakest key result. " +
			"Once the period is over, the status is the grade.",
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

func htmlPlanOf(p *report.PlanReport) htmlPlan {
	hp := htmlPlan{
		Anchor: anchor(p), Title: planTitle(p), File: p.File, Level: string(p.Level), Owner: p.Owner,
		Summary: upperFirst(summaryText(p.Summary)) + ".",
		Score:   scoreChip(p.Grade, p.Score, p.NoData),
		Chart:   newBarChart(p),
	}
	for _, o := range p.Objectives {
		ho := htmlObjective{
			Title: o.Title, Score: scoreChip(o.Grade, o.Score, o.NoData), Status: statusChip(o.Status),
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
				Title: kr.Title, Type: typ, KPI: kpiMark(kr), Range: rangeText(kr), Current: currentText(kr),
				Score: scoreChip(kr.Grade, kr.Value, kr.NoData()), Status: statusChip(kr.Status),
				Flagged: len(kr.Notes) > 0,
			})
			for _, n := range kr.Notes {
				hp.Notes = append(hp.Notes, kr.Title+": "+n+".")
			}
		}
		hp.Objectives = append(hp.Objectives, ho)
	}
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
		Score: scoreChip(o.Grade, o.Score, o.NoData), Status: statusChip(o.Status),
	}
}

func scoreChip(g report.Grade, score float64, noData bool) htmlChip {
	return htmlChip{string(report.ScoreTone(g, noData)), scoreText(score, noData)}
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
