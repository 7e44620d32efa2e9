package reportfmt

import (
	"bytes"
	"fmt"
	"io"
	"reflect"
	"strings"
	"sync"

	"github.com/olekukonko/tablewriter"
	"github.com/olekukonko/tablewriter/pkg/twcache"
	"github.com/olekukonko/tablewriter/pkg/twwarp"
	"github.com/olekukonko/tablewriter/pkg/twwidth"
	"github.com/olekukonko/tablewriter/tw"

	"github.com/okr-tool/okr/internal/format"
	"github.com/okr-tool/okr/report"
)

// Table writes the report as terminal tables, one per plan, then the alignment, the KPIs and
// what was skipped. With Color set, grades and statuses are colored.
type Table struct {
	Color bool
}

// titleWidth is where long objective and key result titles wrap.
const titleWidth = 52

// noWidthCache turns off tablewriter's process-wide cache of text widths once: every lookup
// takes one global mutex, so goroutines rendering plans in parallel queue on it, and measuring
// the short cells of a report directly is faster than the cache (about 25% on 250 plans).
// okr's tables are the only ones in the process.
var noWidthCache sync.Once

// Render implements Renderer.
func (t *Table) Render(w io.Writer, r *report.Report) error {
	noWidthCache.Do(func() { twwidth.SetCacheCapacity(0) })
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
		if err := t.plan(&plan, p, pr); err != nil {
			return parts{}, err
		}
		writeHistory(&plan, p, r.History, pr)
		if len(pr.KPIs) > 0 {
			fmt.Fprintf(&kpis, "\n%s\n", p.bold.Sprint("KPIs of "+planTitle(pr)))
			if err := t.kpiTable(&kpis, p, pr); err != nil {
				return parts{}, err
			}
		}
		return parts{plan.Bytes(), kpis.Bytes()}, nil
	})
	if err != nil {
		return err
	}
	if len(r.Alignment) > 0 || len(r.Unaligned) > 0 {
		fmt.Fprintf(&align, "\n%s\n", p.bold.Sprint("Alignment"))
		if err := t.alignTable(&align, p, r); err != nil {
			return err
		}
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
	if len(rv.NeverMeasured) > 0 {
		fmt.Fprintf(w, "%s:\n", reviewNeverMeasured)
		for _, m := range rv.NeverMeasured {
			fmt.Fprintf(w, "  %s %s (%s, %s)\n", p.blue.Sprint("?"), m.KR.Title, m.Objective.Title, planTitle(m.Objective.Plan))
		}
	}
	if len(rv.NotAmbitious)+len(rv.Missed)+len(rv.Unmeasured)+len(rv.NeverMeasured) == 0 {
		fmt.Fprintln(w, reviewNothing)
	}
}

// plan writes one plan: its title line, its table, its summary and notes.
func (t *Table) plan(w *bytes.Buffer, p palette, pr *report.PlanReport) error {
	owner := ""
	if pr.Owner != "" {
		owner = "  " + ownerText(pr.Owner)
	}
	// "score no data no data" says nothing twice: a plan with nothing measured reads "no data" once.
	status := " " + p.of(pr.Status.Tone()).Sprint(pr.Status.Label())
	if pr.NoData && pr.Status.Label() == scoreText(pr.Score, pr.NoData) {
		status = ""
	}
	fmt.Fprintf(w, "\n%s  score %s%s%s  %s\n", p.bold.Sprint(planTitle(pr)), p.of(pr.Status.Tone()).Sprint(scoreText(pr.Score, pr.NoData)),
		status, owner, p.faint.Sprint(pr.File))
	if err := t.planTable(w, p, pr); err != nil {
		return err
	}
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
	return nil
}

// tablePool reuses terminal tables of one layout. tablewriter allocates a large cache with
// every new table but not when a table is Reset, which matters for reports of hundreds of plans:
// each table is configured once, and each goroutine rendering plans takes its own from the pool.
type tablePool struct {
	maxWidths map[int]int // the widest each column may get before its text wraps
	pool      sync.Pool
}

// pooledTable is a table that writes wherever out points.
type pooledTable struct {
	*tablewriter.Table
	out redirect
}

type redirect struct{ w io.Writer }

func (r *redirect) Write(b []byte) (int, error) { return r.w.Write(b) }

var (
	planTables  = &tablePool{maxWidths: map[int]int{0: titleWidth}}
	alignTables = &tablePool{maxWidths: map[int]int{0: titleWidth + 8}}
	kpiTables   = &tablePool{maxWidths: map[int]int{0: 32}}
)

// get returns an empty table writing to w; put it back when it has rendered.
func (tp *tablePool) get(w io.Writer) *pooledTable {
	if t, ok := tp.pool.Get().(*pooledTable); ok {
		t.out.w = w
		return t
	}
	t := &pooledTable{out: redirect{w: w}}
	cfg := tablewriter.Config{
		Row: tw.CellConfig{
			Formatting:   tw.CellFormatting{AutoWrap: tw.WrapNormal},
			ColMaxWidths: tw.CellWidth{PerColumn: tp.maxWidths},
		},
		Behavior: tw.Behavior{TrimSpace: tw.Off},
	}
	t.Table = tablewriter.NewTable(&t.out, tablewriter.WithConfig(cfg), tablewriter.WithTrimSpace(tw.Off),
		tablewriter.WithHeaderAutoFormat(tw.Off),
		// Rows are plain strings: a one-entry cache keeps Reset from allocating a large one.
		tablewriter.WithStringerCacheCustom(twcache.NewLRU[reflect.Type, reflect.Value](1)))
	return t
}

func (tp *tablePool) put(t *pooledTable) {
	t.Reset()
	t.out.w = nil
	tp.pool.Put(t)
}

// header sets upper-case column names, written as they are (tablewriter's own formatting
// would split "2026-Q3" into words).
func header(t *pooledTable, names ...string) {
	cells := make([]any, len(names))
	for i, n := range names {
		cells[i] = strings.ToUpper(n)
	}
	t.Header(cells...)
}

// add appends a row. tablewriter keeps the slice it is given until it renders: each row needs
// its own.
func (t *pooledTable) add(cells ...string) error { return t.Append(cells) }

// wrapStyled is indent and s in style st, wrapped as tablewriter wraps the first column of a
// plan's table (its width less the padding), each line styled on its own: a style tablewriter
// wrapped would run on across the table's borders.
func wrapStyled(st format.Style, indent, s string) string {
	lines, _ := twwarp.WrapStringWithSpaces(indent+s, titleWidth-2)
	var b strings.Builder
	for i, l := range lines {
		if i > 0 {
			b.WriteByte('\n')
		}
		words := strings.TrimLeft(l, " ")
		b.WriteString(l[:len(l)-len(words)])
		b.WriteString(st.Sprint(words))
	}
	return b.String()
}

func (t *Table) planTable(w io.Writer, p palette, pr *report.PlanReport) error {
	table := planTables.get(w)
	defer planTables.put(table)
	header(table, "Objective / key result", "Type", "KPI", "Start → target", "Current", "Score", "Status")
	for _, o := range pr.Objectives {
		score := p.score(o.Status, o.Score, o.NoData)
		if o.NotAmbitious {
			score += " !"
		}
		title := wrapStyled(p.bold, "", o.Title)
		if o.Owner != "" {
			title += "\n" + wrapStyled(p.faint, "", ownerText(o.Owner))
		}
		if err := table.add(title, "", "", "", "", score, p.of(o.Status.Tone()).Sprint(objectiveStatusText(o))); err != nil {
			return err
		}
		for _, kr := range o.KeyResults {
			typ := string(kr.Type)
			if wt := weightText(kr.Weight); wt != "" {
				typ += " " + wt
			}
			score := p.score(kr.Status, kr.Value, kr.NoData())
			if len(kr.Notes) > 0 {
				score += " !"
			}
			title := "  " + kr.Title
			if c := checkInText(kr); c != "" {
				title += "\n" + wrapStyled(p.faint, "    ", c)
			}
			if err := table.add(title, typ, kpiMark(kr), rangeText(kr)+easedMark(kr), currentText(kr), score, p.of(kr.Status.Tone()).Sprint(kr.StatusText())); err != nil {
				return err
			}
		}
	}
	return table.Render()
}

func (t *Table) alignTable(w io.Writer, p palette, r *report.Report) error {
	table := alignTables.get(w)
	defer alignTables.put(table)
	header(table, "Objective", "Plan", "Score", "Status")
	var err error
	aligned(r.Alignment, 0, func(o *report.ObjectiveReport, depth int) {
		if err == nil {
			err = table.add(strings.Repeat("  ", depth)+o.Title, planTitle(o.Plan),
				p.score(o.Status, o.Score, o.NoData), p.status(o.Status))
		}
	})
	for _, o := range r.Unaligned {
		if err == nil {
			err = table.add(o.Title+p.faint.Sprint(" (aligned to nothing)"), planTitle(o.Plan),
				p.score(o.Status, o.Score, o.NoData), p.status(o.Status))
		}
	}
	if err != nil {
		return err
	}
	return table.Render()
}

func (t *Table) kpiTable(w io.Writer, p palette, pr *report.PlanReport) error {
	table := kpiTables.get(w)
	defer kpiTables.put(table)
	names := []string{"KPI", "Better"}
	quarters := pr.KPIQuarters()
	for _, q := range quarters {
		names = append(names, q.String())
	}
	header(table, append(names, "Annual target", "Status")...)
	for _, k := range pr.KPIs {
		row := make([]string, 0, len(names)+2)
		row = append(row, k.Name, directionWord(k.Direction))
		for _, q := range quarters {
			c := pointText(k.At(q), k.Unit)
			if q == pr.Period {
				c = p.bold.Sprint(c)
			}
			row = append(row, c)
		}
		row = append(row, number(k.AnnualTarget, k.Unit), p.onTarget(k))
		if err := table.add(row...); err != nil {
			return err
		}
	}
	return table.Render()
}

// palette colors text for a terminal, or leaves it alone.
type palette struct {
	bold, faint, green, yellow, red, blue format.Style
}

func newPalette(on bool) palette {
	return palette{
		bold: format.NewStyle(on, format.Bold), faint: format.NewStyle(on, format.Faint),
		green: format.NewStyle(on, format.Green), yellow: format.NewStyle(on, format.Yellow),
		red: format.NewStyle(on, format.Red), blue: format.NewStyle(on, format.Blue),
	}
}

// score colors a score by its status, the one rule every format follows; "no data" has no
// colour of its own.
func (p palette) score(st report.Status, score float64, noData bool) string {
	return p.of(st.Tone()).Sprint(scoreText(score, noData))
}

func (p palette) status(s report.Status) string { return p.of(s.Tone()).Sprint(s.Label()) }

func (p palette) onTarget(k *report.KPIReport) string {
	return p.of(k.Tone()).Sprint(onTargetText(k))
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
