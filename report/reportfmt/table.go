package reportfmt

import (
	"bytes"
	"fmt"
	"io"
	"strings"

	"github.com/okr-tool/okr/internal/format"
	"github.com/okr-tool/okr/report"
)

// Table writes the report as terminal tables, one per plan, then the alignment, the KPIs and
// what was skipped. With Color set, grades and statuses are colored.
type Table struct {
	Color bool
}

// titleWidth is where long objective and key result titles wrap, not counting their indentation.
const titleWidth = 50

// Render implements Renderer.
func (t *Table) Render(w io.Writer, r *report.Report) error {
	p := newPalette(t.Color)
	var head, align, tail bytes.Buffer
	fmt.Fprintf(&head, "%s\n%s\n", p.bold.Sprint(heading(r)), asOfSentence(r))
	writeSourceLine(&head, r)
	fmt.Fprintf(&head, "%s\n", summaryText(r.Summary))
	// Each plan's tables are laid out in parallel, its KPI table apart to follow the alignment.
	type parts struct{ plan, kpis []byte }
	ps, err := eachPlan(len(r.Plans), func(i int) (parts, error) {
		pr := r.Plans[i]
		var plan, kpis bytes.Buffer
		plan.Grow(4096)
		t.plan(&plan, p, pr)
		writeHistory(&plan, p, r.History, pr)
		if len(pr.KPIs) > 0 {
			fmt.Fprintf(&kpis, "\n%s\n", p.bold.Sprint("KPIs of "+planTitle(pr)))
			t.kpiTable(&kpis, p, pr)
		}
		return parts{plan.Bytes(), kpis.Bytes()}, nil
	})
	if err != nil {
		return err
	}
	if len(r.Alignment) > 0 || len(r.Unaligned) > 0 {
		fmt.Fprintf(&align, "\n%s\n", p.bold.Sprint("Alignment"))
		t.alignTable(&align, p, r)
	}
	if len(r.Skipped) > 0 {
		fmt.Fprintf(&tail, "\n%s\n", p.bold.Sprint("Skipped"))
		for _, s := range r.Skipped {
			fmt.Fprintf(&tail, "  %s: %s\n", s.File, s.Reason)
		}
	}
	writeReview(&tail, p, r)
	// A report of hundreds of plans runs to megabytes: a writer that can grow (a bytes.Buffer)
	// grows once to the size of the whole, rather than doubling its way there, and each part is
	// let go once written.
	if g, ok := w.(interface{ Grow(int) }); ok {
		total := head.Len() + align.Len() + tail.Len()
		for _, part := range ps {
			total += len(part.plan) + len(part.kpis)
		}
		g.Grow(total)
	}
	ew := &errWriter{w: w}
	ew.Write(head.Bytes())
	for i := range ps {
		ew.Write(ps[i].plan)
		ps[i].plan = nil
	}
	ew.Write(align.Bytes())
	for i := range ps {
		ew.Write(ps[i].kpis)
		ps[i].kpis = nil
	}
	ew.Write(tail.Bytes())
	return ew.err
}

// writeReview closes the report of a finished period with what its review discusses.
func writeReview(w io.Writer, p palette, r *report.Report) {
	rv := r.Review
	if rv == nil {
		return
	}
	fmt.Fprintf(w, "\n%s\n", p.bold.Sprint(reviewHeading(r)))
	fmt.Fprintln(w, "Final grades:")
	for _, pr := range rv.Plans {
		fmt.Fprintf(w, "  %s  %s\n", planTitle(pr), p.of(pr.Status.Tone()).Sprint(gradesText(pr)))
	}
	if len(rv.NotAmbitious) > 0 {
		fmt.Fprintf(w, "%s:\n", reviewAmbitious)
		for _, o := range rv.NotAmbitious {
			fmt.Fprintf(w, "  %s %s (%s)\n", p.yellow.Sprint("!"), o.Title, planTitle(o.Plan))
		}
	}
	if len(rv.Missed) > 0 {
		fmt.Fprintf(w, "%s:\n", reviewMissed)
		for _, m := range rv.Missed {
			fmt.Fprintf(w, "  %s %s (%s): %s\n", p.red.Sprint("✗"), m.KPI.Name, planTitle(m.Plan), missedText(m.KPI))
		}
	}
	if len(rv.Unmeasured) > 0 {
		fmt.Fprintf(w, "%s:\n", reviewUnmeasured)
		for _, m := range rv.Unmeasured {
			fmt.Fprintf(w, "  %s %s (%s)\n", p.blue.Sprint("?"), m.KPI.Name, planTitle(m.Plan))
		}
	}
	if len(rv.NotAmbitious)+len(rv.Missed)+len(rv.Unmeasured) == 0 {
		fmt.Fprintln(w, reviewNothing)
	}
}

// plan writes one plan: its title line, its table, its summary and notes.
func (t *Table) plan(w *bytes.Buffer, p palette, pr *report.PlanReport) {
	owner := ""
	if pr.Owner != "" {
		owner = "  " + ownerText(pr.Owner)
	}
	fmt.Fprintf(w, "\n%s  score %s %s%s  %s\n", p.bold.Sprint(planTitle(pr)), p.of(pr.Status.Tone()).Sprint(scoreText(pr.Score, pr.NoData)),
		p.of(pr.Status.Tone()).Sprint(pr.Status.Label()), owner, p.faint.Sprint(pr.File))
	t.planTable(w, p, pr)
	fmt.Fprintln(w, summaryText(pr.Summary))
	for _, o := range pr.Objectives {
		if o.NotAmbitious {
			fmt.Fprintf(w, "%s %s %s\n", p.yellow.Sprint("!"), o.ID, notAmbitious)
		}
		for _, kr := range o.KeyResults {
			for _, n := range kr.Notes {
				fmt.Fprintf(w, "%s %s/%s: %s\n", p.yellow.Sprint("!"), o.ID, kr.ID, n)
			}
		}
	}
	tableEased(w, p, pr)
	if s := problemsText(pr); s != "" {
		fmt.Fprintf(w, "%s %s\n", p.yellow.Sprint("!"), s)
	}
}

// The widest the text of the first column of each table may get before it wraps.
var (
	planLimits  = []int{titleWidth}
	alignLimits = []int{titleWidth + 8}
	kpiLimits   = []int{30}
)

func (t *Table) planTable(w *bytes.Buffer, p palette, pr *report.PlanReport) {
	g := newGrid(planLimits, "Objective / key result", "Type", "KPI", "Start → target", "Current", "Score", "Status")
	for _, o := range pr.Objectives {
		score := p.score(o.Status, o.Score, o.NoData)
		if o.NotAmbitious {
			score[0] = append(score[0], span{text: " !"})
		}
		title := p.cell(o.Title, p.bold)
		if o.Owner != "" {
			title = append(title, p.cell(ownerText(o.Owner), p.faint)...)
		}
		g.add(title, nil, nil, nil, nil, score, p.cell(objectiveStatusText(o), p.of(o.Status.Tone())))
		for _, kr := range o.KeyResults {
			typ := string(kr.Type)
			if wt := weightText(kr.Weight); wt != "" {
				typ += " " + wt
			}
			score := p.score(kr.Status, kr.Value, kr.NoData())
			if len(kr.Notes) > 0 {
				score[0] = append(score[0], span{text: " !"})
			}
			title := text("  " + kr.Title)
			if c := checkInText(kr); c != "" {
				title = append(title, p.cell("    "+c, p.faint)...)
			}
			g.add(title, text(typ), text(kpiMark(kr)), text(rangeText(kr)+easedMark(kr)), text(currentText(kr)), score, p.status(kr.Status))
		}
	}
	g.render(w)
}

func (t *Table) alignTable(w *bytes.Buffer, p palette, r *report.Report) {
	g := newGrid(alignLimits, "Objective", "Plan", "Score", "Status")
	aligned(r.Alignment, 0, func(o *report.ObjectiveReport, depth int) {
		g.add(text(strings.Repeat("  ", depth)+o.Title), text(planTitle(o.Plan)),
			p.score(o.Status, o.Score, o.NoData), p.status(o.Status))
	})
	for _, o := range r.Unaligned {
		title := cell{line{{text: o.Title}}}
		title[0] = append(title[0], p.cell(" (aligned to nothing)", p.faint)[0]...)
		g.add(title, text(planTitle(o.Plan)), p.score(o.Status, o.Score, o.NoData), p.status(o.Status))
	}
	g.render(w)
}

func (t *Table) kpiTable(w *bytes.Buffer, p palette, pr *report.PlanReport) {
	names := []string{"KPI", "Better"}
	quarters := pr.KPIQuarters()
	for _, q := range quarters {
		names = append(names, q.String())
	}
	g := newGrid(kpiLimits, append(names, "Annual target", "Status")...)
	for _, k := range pr.KPIs {
		row := []cell{text(k.Name), text(directionWord(k.Direction))}
		for _, q := range quarters {
			c := pointText(k.At(q), k.Unit)
			if q == pr.Period {
				row = append(row, p.cell(c, p.bold))
			} else {
				row = append(row, text(c))
			}
		}
		row = append(row, text(number(k.AnnualTarget, k.Unit)), p.onTarget(k))
		g.add(row...)
	}
	g.render(w)
}

// palette colors text for a terminal, or leaves it alone.
type palette struct {
	on                                    bool
	bold, faint, green, yellow, red, blue format.Style
}

func newPalette(on bool) palette {
	return palette{
		on:   on,
		bold: format.NewStyle(on, format.Bold), faint: format.NewStyle(on, format.Faint),
		green: format.NewStyle(on, format.Green), yellow: format.NewStyle(on, format.Yellow),
		red: format.NewStyle(on, format.Red), blue: format.NewStyle(on, format.Blue),
	}
}

// cell is a table cell of s in style st, plain when colors are off.
func (p palette) cell(s string, st format.Style) cell {
	if !p.on || s == "" {
		return text(s)
	}
	return styled(s, st)
}

// score colors a score by its status, the one rule every format follows; "no data" has no
// colour of its own.
func (p palette) score(st report.Status, score float64, noData bool) cell {
	return p.cell(scoreText(score, noData), p.of(st.Tone()))
}

func (p palette) status(s report.Status) cell { return p.cell(s.Label(), p.of(s.Tone())) }

func (p palette) onTarget(k *report.KPIReport) cell {
	return p.cell(onTargetText(k), p.of(k.Tone()))
}

func (p palette) of(t report.Tone) format.Style {
	switch t {
	case report.ToneGreen:
		return p.green
	case report.ToneYellow:
		return p.yellow
	case report.ToneRed:
		return p.red
	}
	return p.blue
}

// errWriter remembers the first write error so that a sequence of prints checks it once.
type errWriter struct {
	w   io.Writer
	err error
}

func (e *errWriter) Write(b []byte) (int, error) {
	if e.err != nil {
		return 0, e.err
	}
	n, err := e.w.Write(b)
	e.err = err
	return n, err
}

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
			last, since := lastPoint(kr.Trend), "last"
			if kr.Trend.CheckIns() == 0 {
				since = "planned" // the only point is the commit that created the plan
			}
			fmt.Fprintf(w, "  %-*s  %-*s  %s  %s, %s %s\n", width, name, spark, sparkline(kr.Trend),
				trendRange(kr.Trend), checkIns(kr.Trend), since, revisionText(last.Date, last.Commit))
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
