package reportfmt

import (
	"fmt"
	"io"
	"regexp"
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
	fmt.Fprintf(ew, "%s  \n%s.\n\n", asOfSentence(r), upperFirst(summaryText(r.Summary)))
	mdSource(ew, r)
	fmt.Fprintf(ew, "%s\n", mdLegend(r))
	for _, p := range r.Plans {
		mdPlan(ew, p)
		mdHistory(ew, r.History, p)
	}
	if len(r.Alignment) > 0 || len(r.Unaligned) > 0 {
		fmt.Fprintf(ew, "\n## Alignment\n\n")
		aligned(r.Alignment, 0, func(o *report.ObjectiveReport, depth int) {
			fmt.Fprintf(ew, "%s- %s %s\n", strings.Repeat("  ", depth), mdScore(o.Status, o.Score, o.NoData), mdAligned(o))
		})
		if len(r.Unaligned) > 0 {
			fmt.Fprintf(ew, "\nAligned to nothing:\n\n")
			for _, o := range r.Unaligned {
				fmt.Fprintf(ew, "- %s %s\n", mdScore(o.Status, o.Score, o.NoData), mdAligned(o))
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
	mdReview(ew, r)
	return ew.err
}

// mdLegend says what the circles mean: the colour of a status, during the period and after it.
func mdLegend(r *report.Report) string {
	if report.PhaseOf(r.Period, r.AsOf) == report.Finished {
		return fmt.Sprintf("Final grades: 🟢 %s and above · 🟡 %s to below %s · 🔴 below %s · ⚪ no data.",
			report.FormatScore(report.GreenFrom), report.FormatScore(report.YellowFrom), report.FormatScore(report.GreenFrom), report.FormatScore(report.YellowFrom))
	}
	return "Each score has the colour of its status, the score against the one expected by now: " +
		"🟢 on track · 🟡 at risk (more than " + report.FormatScore(report.AtRiskBehind) + " behind) · 🔴 off track (more than " +
		report.FormatScore(report.OffTrackBehind) + " behind) · ⚪ no data or not started."
}

// mdReview closes the report of a finished period with what its review discusses.
func mdReview(w io.Writer, r *report.Report) {
	rv := r.Review
	if rv == nil {
		return
	}
	fmt.Fprintf(w, "\n## %s\n\n### Final grades\n\n", reviewHeading(r))
	for _, p := range rv.Plans {
		fmt.Fprintf(w, "- %s **%s**: %s\n", mdCircle[p.Status.Tone()], mdEscape(planTitle(p)), gradesText(p))
	}
	if len(rv.NotAmbitious) > 0 {
		fmt.Fprintf(w, "\n### %s\n\n", reviewAmbitious)
		for _, o := range rv.NotAmbitious {
			fmt.Fprintf(w, "- ⚠️ **%s** (%s)\n", mdEscape(o.Title), mdEscape(planTitle(o.Plan)))
		}
	}
	if len(rv.Missed) > 0 {
		fmt.Fprintf(w, "\n### %s\n\n", reviewMissed)
		for _, m := range rv.Missed {
			fmt.Fprintf(w, "- 🔴 **%s** (%s): %s\n", mdEscape(m.KPI.Name), mdEscape(planTitle(m.Plan)), mdEscape(missedText(m.KPI)))
		}
	}
	if len(rv.Unmeasured) > 0 {
		fmt.Fprintf(w, "\n### %s\n\n", reviewUnmeasured)
		for _, m := range rv.Unmeasured {
			fmt.Fprintf(w, "- ⚪ **%s** (%s)\n", mdEscape(m.KPI.Name), mdEscape(planTitle(m.Plan)))
		}
	}
	if len(rv.NeverMeasured) > 0 {
		fmt.Fprintf(w, "\n### %s\n\n", reviewNeverMeasured)
		for _, m := range rv.NeverMeasured {
			fmt.Fprintf(w, "- ⚪ **%s** (%s, %s)\n", mdEscape(m.KR.Title), mdEscape(m.Objective.Title), mdEscape(planTitle(m.Objective.Plan)))
		}
	}
	if len(rv.NotAmbitious)+len(rv.Missed)+len(rv.Unmeasured)+len(rv.NeverMeasured) == 0 {
		fmt.Fprintf(w, "\n%s\n", reviewNothing)
	}
}

func mdPlan(w io.Writer, p *report.PlanReport) {
	fmt.Fprintf(w, "\n## %s — %s %s\n\n", mdEscape(planTitle(p)), mdScore(p.Status, p.Score, p.NoData), p.Status.Label())
	meta := []string{"`" + p.File + "`", string(p.Level) + " plan"}
	if p.Owner != "" {
		meta = append(meta, "owner "+mdEscape(p.Owner))
	}
	fmt.Fprintf(w, "%s  \n%s.\n\n", strings.Join(meta, " · "), upperFirst(summaryText(p.Summary)))
	fmt.Fprintf(w, "| Objective / key result | Type | KPI | Start → target | Current | Score | Status |\n")
	fmt.Fprintf(w, "| --- | --- | :-: | --- | --- | --: | --- |\n")
	var notes []string
	for _, o := range p.Objectives {
		score := mdScore(o.Status, o.Score, o.NoData)
		if o.NotAmbitious {
			score += " ⚠️"
			notes = append(notes, fmt.Sprintf("**%s** %s.", mdEscape(o.Title), notAmbitious))
		}
		title := "**" + mdEscape(o.Title) + "**"
		if o.Owner != "" {
			title += " · " + mdEscape(ownerText(o.Owner))
		}
		status := "**" + o.Status.Label() + "**"
		if n := objectiveNote(o); n != "" {
			status += " · " + mdEscape(n)
		}
		fmt.Fprintf(w, "| %s | | | | | **%s** | %s |\n", title, score, status)
		for _, kr := range o.KeyResults {
			typ := string(kr.Type)
			if wt := weightText(kr.Weight); wt != "" {
				typ += " " + wt
			}
			score := mdScore(kr.Status, kr.Value, kr.NoData())
			if len(kr.Notes) > 0 {
				score += " ⚠️"
				for _, n := range kr.Notes {
					notes = append(notes, fmt.Sprintf("%s: %s.", mdEscape(kr.Title), mdEscape(n)))
				}
			}
			title := mdEscape(kr.Title)
			if c := checkInText(kr); c != "" {
				title += " — *" + mdEscape(c) + "*"
			}
			fmt.Fprintf(w, "| ↳ %s | %s | %s | %s | %s | %s | %s |\n", title, typ, kpiMark(kr),
				mdEscape(rangeText(kr)+easedMark(kr)), mdEscape(currentText(kr)), score, mdEscape(kr.StatusText()))
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
	quarters := p.KPIQuarters()
	for _, q := range quarters {
		fmt.Fprintf(w, " %s |", q)
	}
	fmt.Fprintf(w, " Annual target | Status |\n| --- | --- |%s --: | --- |\n", strings.Repeat(" --: |", len(quarters)))
	for _, k := range p.KPIs {
		fmt.Fprintf(w, "| %s | %s |", mdEscape(k.Name), directionText(k.Direction))
		for _, q := range quarters {
			pt := k.At(q)
			cell := mdEscape(pointText(pt, k.Unit))
			if pt.Period == p.Period && cell != "" {
				cell = "**" + cell + "**"
			}
			fmt.Fprintf(w, " %s |", cell)
		}
		fmt.Fprintf(w, " %s | %s %s |\n", mdEscape(number(k.AnnualTarget, k.Unit)), mdOnTarget(k), mdEscape(onTargetText(k)))
	}
	fmt.Fprintf(w, "\nEach quarter shows value / target; the reported quarter is in bold.\n")
}

func mdAligned(o *report.ObjectiveReport) string {
	return fmt.Sprintf("**%s** (%s) — %s", mdEscape(o.Title), mdEscape(planTitle(o.Plan)), o.Status.Label())
}

// mdScore is a score with a coloured circle for its status.
func mdScore(st report.Status, score float64, noData bool) string {
	return mdCircle[st.Tone()] + " " + scoreText(score, noData)
}

func mdOnTarget(k *report.KPIReport) string { return mdCircle[k.Tone()] }

var mdCircle = map[report.Tone]string{report.ToneGreen: "🟢", report.ToneYellow: "🟡", report.ToneRed: "🔴", report.ToneNone: "⚪"}

// mdEscape keeps text from breaking a table cell or turning into markup, and leaves alone what
// renders as itself, so that "$25M" does not show as "\$25M" in viewers that keep the backslash.
// It escapes: every pipe (a table cell would end there); a backslash before punctuation or at the
// end; "&" that would read as an entity; "<" that would open an HTML tag; "*", "_" and "~" that
// could open or close emphasis or strikethrough; backticks when two could make a code span;
// brackets only around link syntax ("](", "]["); "$" only where two could make inline math; and
// at the start, what would begin a heading, list, quote or ordered list. Line breaks become
// spaces.
func mdEscape(s string) string {
	if !strings.ContainsAny(s, "\\|&<*_~`[]$#>+-0123456789\n\r") {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	links := strings.Contains(s, "](") || strings.Contains(s, "][")
	ticks := strings.Count(s, "`") >= 2
	tildes := strings.Count(s, "~") >= 2
	math := mdMath.MatchString(s)
	at := func(i int) byte {
		if i < 0 || i >= len(s) {
			return ' '
		}
		return s[i]
	}
	start := 0
	if prefix := mdBlockStart(s); prefix != "" {
		b.WriteString(prefix)
		start = mdBlockStartLen(s)
	}
	for i := start; i < len(s); i++ {
		c := s[i]
		switch c {
		case '\n':
			b.WriteByte(' ')
			continue
		case '\r':
			continue
		case '|':
			b.WriteString(`\|`)
			continue
		case '\\':
			if next := at(i + 1); i == len(s)-1 || isASCIIPunct(next) {
				b.WriteString(`\\`)
				continue
			}
		case '&':
			if mdEntity.MatchString(s[i:]) {
				b.WriteString("&amp;")
				continue
			}
		case '<':
			if n := at(i + 1); n == '/' || n == '!' || n == '?' || isLetter(n) {
				b.WriteString("&lt;")
				continue
			}
		case '*', '_':
			prev, next := at(i-1), at(i+1)
			spaced := isSpace(prev) && isSpace(next)
			intraword := c == '_' && isAlnum(prev) && isAlnum(next)
			if !spaced && !intraword {
				b.WriteByte('\\')
			}
		case '~':
			if tildes {
				b.WriteByte('\\')
			}
		case '`':
			if ticks {
				b.WriteByte('\\')
			}
		case '[', ']':
			if links {
				b.WriteByte('\\')
			}
		case '$':
			if math {
				b.WriteByte('\\')
			}
		}
		b.WriteByte(c)
	}
	return b.String()
}

var (
	// mdEntity is an HTML character reference, which Markdown would show as the character.
	mdEntity = regexp.MustCompile(`^&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});`)
	// mdMath is text that a viewer with inline math (GitHub's) could read as a formula: two
	// dollar signs with no space inside either, or "$$".
	mdMath = regexp.MustCompile(`\$\$|\$[^\s$]([^$]*[^\s$])?\$`)
	// mdBlock is the start of a line that would begin a heading, list item, quote or ordered
	// list.
	mdBlock = regexp.MustCompile(`^(#{1,6}(\s|$)|[-+*](\s|$)|>|[0-9]{1,9}[.)](\s|$))`)
)

// mdBlockStart escapes what would begin a block at the start of s ("# ", "- ", "> ", "1. "):
// it returns the escaped prefix, and mdBlockStartLen how much of s it covers.
func mdBlockStart(s string) string {
	m := mdBlock.FindString(s)
	if m == "" {
		return ""
	}
	m = strings.TrimRight(m, " \t")
	if m[0] >= '0' && m[0] <= '9' {
		return m[:len(m)-1] + `\` + m[len(m)-1:]
	}
	return `\` + m
}

func mdBlockStartLen(s string) int { return len(strings.TrimRight(mdBlock.FindString(s), " \t")) }

func isASCIIPunct(c byte) bool {
	return c >= '!' && c <= '/' || c >= ':' && c <= '@' || c >= '[' && c <= '`' || c >= '{' && c <= '~'
}

func isSpace(c byte) bool  { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }
func isLetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }
func isAlnum(c byte) bool  { return isLetter(c) || c >= '0' && c <= '9' || c >= 0x80 }

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
