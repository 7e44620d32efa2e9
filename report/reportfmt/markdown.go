package reportfmt

import (
	"fmt"
	"io"
	"strings"

	"github.com/okr-tool/okr/report"
)

// Markdown writes the report as GitHub-flavoured Markdown, ready to paste into a review document
// or a pull request. Grades are shown with colored circles, since Markdown has no color.
type Markdown struct{}

// Render implements Renderer.
func (Markdown) Render(w io.Writer, r *report.Report) error {
	ew := &errWriter{w: w}
	fmt.Fprintf(ew, "# %s\n\n", mdEscape(heading(r)))
	fmt.Fprintf(ew, "%s.  \n%s.\n\n", upperFirst(asOfText(r)), upperFirst(summaryText(r.Summary)))
	mdSource(ew, r)
	fmt.Fprintf(ew, "Grades: 🟢 %.1f and above · 🟡 %.1f to below %.1f · 🔴 below %.1f · ⚪ no data yet.\n",
		report.GreenFrom, report.YellowFrom, report.GreenFrom, report.YellowFrom)
	for _, p := range r.Plans {
		mdPlan(ew, p)
		mdHistory(ew, r.History, p)
	}
	if len(r.Alignment) > 0 || len(r.Unaligned) > 0 {
		fmt.Fprintf(ew, "\n## Alignment\n\n")
		aligned(r.Alignment, 0, func(o *report.ObjectiveReport, depth int) {
			fmt.Fprintf(ew, "%s- %s %s\n", strings.Repeat("  ", depth), mdScore(o.Grade, o.Score, o.NoData), mdAligned(o))
		})
		if len(r.Unaligned) > 0 {
			fmt.Fprintf(ew, "\nAligned to nothing:\n\n")
			for _, o := range r.Unaligned {
				fmt.Fprintf(ew, "- %s %s\n", mdScore(o.Grade, o.Score, o.NoData), mdAligned(o))
			}
		}
	}
	kpis := false
	for _, p := range r.Plans {
		if len(p.KPIs) == 0 {
			continue
		}
		if !kpis {
			fmt.Fprintf(ew, "\n## KPIs\n")
			kpis = true
		}
		mdKPIs(ew, p)
	}
	if len(r.Skipped) > 0 {
		fmt.Fprintf(ew, "\n## Skipped\n\n")
		for _, s := range r.Skipped {
			fmt.Fprintf(ew, "- `%s`: %s\n", s.File, mdEscape(s.Reason))
		}
	}
	return ew.err
}

func mdPlan(w io.Writer, p *report.PlanReport) {
	fmt.Fprintf(w, "\n## %s — %s\n\n", mdEscape(planTitle(p)), mdScore(p.Grade, p.Score, p.NoData))
	meta := []string{"`" + p.File + "`", string(p.Level) + " plan"}
	if p.Owner != "" {
		meta = append(meta, "owner "+mdEscape(p.Owner))
	}
	fmt.Fprintf(w, "%s  \n%s.\n\n", strings.Join(meta, " · "), upperFirst(summaryText(p.Summary)))
	fmt.Fprintf(w, "| Objective / key result | Type | KPI | Start → target | Current | Score | Status |\n")
	fmt.Fprintf(w, "| --- | --- | :-: | --- | --- | --: | --- |\n")
	var notes []string
	for _, o := range p.Objectives {
		score := mdScore(o.Grade, o.Score, o.NoData)
		if o.NotAmbitious {
			score += " ⚠️"
			notes = append(notes, fmt.Sprintf("**%s** %s.", mdEscape(o.Title), notAmbitious))
		}
		fmt.Fprintf(w, "| **%s** | | | | | **%s** | **%s** |\n", mdEscape(o.Title), score, o.Status.Label())
		for _, kr := range o.KeyResults {
			typ := string(kr.Type)
			if wt := weightText(kr.Weight); wt != "" {
				typ += " " + wt
			}
			score := mdScore(kr.Grade, kr.Value, kr.NoData())
			if len(kr.Notes) > 0 {
				score += " ⚠️"
				for _, n := range kr.Notes {
					notes = append(notes, fmt.Sprintf("%s: %s.", mdEscape(kr.Title), mdEscape(n)))
				}
			}
			fmt.Fprintf(w, "| ↳ %s | %s | %s | %s | %s | %s | %s |\n", mdEscape(kr.Title), typ, kpiMark(kr),
				mdEscape(rangeText(kr)+easedMark(kr)), mdEscape(currentText(kr)), score, kr.Status.Label())
		}
	}
	notes = append(notes, mdEased(p)...)
	if s := problemsText(p); s != "" {
		notes = append(notes, upperFirst(s)+".")
	}
	if len(notes) > 0 {
		fmt.Fprintln(w)
		for _, n := range notes {
			fmt.Fprintf(w, "> ⚠️ %s\n", n)
		}
	}
}

func mdKPIs(w io.Writer, p *report.PlanReport) {
	fmt.Fprintf(w, "\n### %s\n\n| KPI | Direction |", mdEscape(planTitle(p)))
	for _, pt := range p.KPIs[0].Series {
		fmt.Fprintf(w, " %s |", pt.Period)
	}
	fmt.Fprintf(w, " Annual target | Status |\n| --- | --- |%s --: | --- |\n", strings.Repeat(" --: |", len(p.KPIs[0].Series)))
	for _, k := range p.KPIs {
		fmt.Fprintf(w, "| %s | %s |", mdEscape(k.Name), directionText(k.Direction))
		for _, pt := range k.Series {
			cell := mdEscape(pointText(pt, k.Unit))
			if pt.Period == p.Period && cell != "" {
				cell = "**" + cell + "**"
			}
			fmt.Fprintf(w, " %s |", cell)
		}
		fmt.Fprintf(w, " %s | %s %s |\n", mdEscape(number(k.AnnualTarget, k.Unit)), mdOnTarget(k), onTargetText(k))
	}
	fmt.Fprintf(w, "\nEach quarter shows value / target; the reported quarter is in bold.\n")
}

func mdAligned(o *report.ObjectiveReport) string {
	return fmt.Sprintf("**%s** (%s) — %s", mdEscape(o.Title), mdEscape(planTitle(o.Plan)), o.Status.Label())
}

// mdScore is a score with a coloured circle for its grade.
func mdScore(g report.Grade, score float64, noData bool) string {
	return mdCircle[report.ScoreTone(g, noData)] + " " + scoreText(score, noData)
}

func mdOnTarget(k *report.KPIReport) string { return mdCircle[k.Tone()] }

var mdCircle = map[report.Tone]string{report.ToneGreen: "🟢", report.ToneYellow: "🟡", report.ToneRed: "🔴", report.ToneNone: "⚪"}

var mdReplacer = strings.NewReplacer(`\`, `\\`, "|", `\|`, "&", "&amp;", "<", "&lt;", ">", "&gt;", "\n", " ", "\r", "",
	"*", `\*`, "_", `\_`, "`", "\\`", "$", `\$`, "[", `\[`, "]", `\]`, "~", `\~`)

// mdEscape keeps text from breaking a table cell or turning into markup.
func mdEscape(s string) string { return mdReplacer.Replace(s) }

func upperFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
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
				trendRange(kr.Trend), kr.Trend.CheckIns(), mdEscape(revisionText(last.Date, last.Commit)))
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
			switch {
			case k.Freshness.Stale:
				mark = "⚠️ "
			case k.Freshness.Last.IsZero():
				mark = "⚪ " // not read yet
			default:
				mark = "🟢 "
			}
		}
		fmt.Fprintf(w, "| %s | %s | %s%s |\n", mdEscape(k.Name), mdEscape(readingsText(k)), mark, mdEscape(freshnessText(k)))
	}
}
