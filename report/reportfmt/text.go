package reportfmt

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/okr-tool/okr/plan"
	"github.com/okr-tool/okr/report"
)

// The words and figures the human-readable formats share, so that the table, markdown and HTML
// reports say the same thing the same way.

// notAmbitious explains the flag on an objective that scores 1.0.
const notAmbitious = "scores 1.00: possibly not ambitious enough — objectives should be hard to fully achieve"

// scoreText is a score rounded to two decimals, or "no data".
func scoreText(score float64, noData bool) string {
	if noData {
		return "no data"
	}
	return report.FormatScore(score)
}

// number is an optional plan value with its unit: "74", "74 %", "—" when absent.
func number(v *float64, unit string) string {
	if v == nil {
		return "—"
	}
	return withUnit(report.FormatNumber(*v), unit)
}

func withUnit(s, unit string) string {
	switch {
	case unit == "":
		return s
	case unit == "%":
		return s + "%"
	}
	return s + " " + unit
}

// rangeText is what a key result moves: "73 → 75%" for an outcome, "due 2026-09-30" for an
// effort.
func rangeText(kr *report.KRReport) string {
	if kr.Type == plan.Effort {
		if kr.Due.IsZero() {
			return ""
		}
		return "due " + kr.Due.Format(time.DateOnly)
	}
	start, target := "?", "?"
	if kr.Type == plan.Maintain {
		if kr.Target != nil {
			target = report.FormatNumber(*kr.Target)
		}
		side := "≥ "
		if kr.Holds == plan.Down {
			side = "≤ "
		}
		return side + withUnit(target, kr.Unit)
	}
	if kr.Start != nil {
		start = report.FormatNumber(*kr.Start)
	}
	if kr.Target != nil {
		target = report.FormatNumber(*kr.Target)
	}
	return withUnit(start+" → "+target, kr.Unit)
}

// currentText is where a key result stands: its current value, its progress or "done". A key
// result that cannot be scored still shows a valid current (its status says "not scored: …");
// "invalid" when the value itself is what cannot be read (its note says why).
func currentText(kr *report.KRReport) string {
	switch {
	case kr.Basis == report.BasisInvalid && (kr.Reason == report.ReasonCurrent || kr.Reason == report.ReasonProgress):
		return "invalid"
	case kr.Type != plan.Effort:
		return number(kr.Current, kr.Unit)
	case kr.Done:
		return "done"
	case kr.Progress != nil:
		return fmt.Sprintf("%.0f%% done", *kr.Progress*100)
	case kr.Basis == report.BasisManual:
		return "graded"
	}
	return "not started"
}

// checkInText is who owns a key result and what the latest check-in said of it: "owner Lee ·
// confidence 0.6 · two deals slipped", "" when there is nothing to say.
func checkInText(kr *report.KRReport) string {
	var parts []string
	if kr.Owner != "" {
		parts = append(parts, ownerText(kr.Owner))
	}
	if kr.Confidence != nil {
		parts = append(parts, "confidence "+report.FormatNumber(*kr.Confidence))
	}
	if kr.CheckInNote != "" {
		parts = append(parts, kr.CheckInNote)
	}
	return strings.Join(parts, " · ")
}

// kpiMark marks a key result that is also a KPI.
func kpiMark(kr *report.KRReport) string {
	if kr.KPI == "" {
		return ""
	}
	return "KPI"
}

// weightText shows a weight other than 1.
func weightText(w float64) string {
	if w == 1 {
		return ""
	}
	return "×" + report.FormatNumber(w)
}

// heading is the report's title line.
func heading(r *report.Report) string {
	s := "OKR report " + r.Period.String()
	if len(r.Scopes) > 0 {
		s += " · " + strings.Join(r.Scopes, ", ")
	}
	return s
}

// asOfText says when the report stands and how far into the period that is.
func asOfText(r *report.Report) string {
	s := "as of " + r.AsOf.Format(time.DateOnly)
	kind := "quarter"
	if r.Period.IsYear() {
		kind = "year"
	}
	switch report.PhaseOf(r.Period, r.AsOf) {
	case report.Upcoming:
		return s + ": the " + kind + " has not started"
	case report.Finished:
		return s + ": the " + kind + " is over, statuses are final grades"
	}
	return fmt.Sprintf("%s: %.0f%% of the %s elapsed, the score expected by now", s, r.Period.Elapsed(r.AsOf)*100, kind)
}

// asOfSentence is the as-of line as a sentence a room reads: "Checked on 15 August 2026,
// half-way through the quarter: a key result on track should score about 0.50 by now."
func asOfSentence(r *report.Report) string {
	s := "Checked on " + r.AsOf.Format("2 January 2006") + ", "
	kind := "quarter"
	if r.Period.IsYear() {
		kind = "year"
	}
	switch report.PhaseOf(r.Period, r.AsOf) {
	case report.Upcoming:
		return s + "before the " + kind + " starts: every key result is not started yet."
	case report.Finished:
		return s + "after the " + kind + " ended: scores are final and statuses are the grades."
	}
	e := r.Period.Elapsed(r.AsOf)
	return s + throughText(e, kind) + ": a key result on track should score about " + report.FormatScore(e) + " by now."
}

// throughText says how far into a period a share of it is, in the words people use: "half-way
// through the quarter", "a third of the way through the year", "60% of the way through the
// quarter".
func throughText(e float64, kind string) string {
	near := func(x float64) bool { return math.Abs(e-x) < 0.02 }
	switch {
	case e >= 1-1e-9:
		return "on the last day of the " + kind
	case e < 0.04:
		return "at the start of the " + kind
	case near(0.25):
		return "a quarter of the way through the " + kind
	case near(1.0 / 3):
		return "a third of the way through the " + kind
	case near(0.5):
		return "half-way through the " + kind
	case near(2.0 / 3):
		return "two-thirds of the way through the " + kind
	case near(0.75):
		return "three-quarters of the way through the " + kind
	}
	return fmt.Sprintf("%.0f%% of the way through the %s", e*100, kind)
}

// ownerText names an owner for a line of details: "owner Dana Lee", "" when there is none.
func ownerText(owner string) string {
	if owner == "" {
		return ""
	}
	return "owner " + owner
}

// weakestText names the key result that pulls an objective down: "weakest: Launch the add-on
// (off track)", "" when no key result is a concern.
func weakestText(o *report.ObjectiveReport, name func(*report.KRReport) string) string {
	if o.Weakest == nil {
		return ""
	}
	return "weakest: " + name(o.Weakest) + " (" + o.Weakest.Status.Label() + ")"
}

func krTitle(kr *report.KRReport) string { return kr.Title }

// objectiveNote is what follows an objective's status, in every format: how many of its key
// results are measured when not all are, and its weakest key result by title: "2 of 3 measured,
// weakest: Launch the add-on (off track)"; "" when neither applies.
func objectiveNote(o *report.ObjectiveReport) string {
	var parts []string
	if m := o.MeasuredText(); m != "" {
		parts = append(parts, m)
	}
	if w := weakestText(o, krTitle); w != "" {
		parts = append(parts, w)
	}
	return strings.Join(parts, ", ")
}

// objectiveStatusText is an objective's status with objectiveNote: "on track, 2 of 3 measured,
// weakest: Launch the add-on (off track)".
func objectiveStatusText(o *report.ObjectiveReport) string {
	if n := objectiveNote(o); n != "" {
		return o.Status.Label() + ", " + n
	}
	return o.Status.Label()
}

// statusRule explains the statuses and colours in one paragraph, for the formats with a legend.
func statusRule(r *report.Report) string {
	return "During a period a score is compared with the score expected by now, the share of the period elapsed: " +
		report.BehindText() + ". Key results, objectives and plans follow this one rule, and a score is shown " +
		"in the colour of its status: green on track, yellow at risk, red off track. An objective scores over its " +
		"measured key results and names its weakest key result when one is at risk or off track. Once the period " +
		"is over, a key result never measured counts as 0 and the status is the grade: " +
		report.GradesText() + "."
}

// The quarter-end review (report.Review) in words.

// reviewHeading introduces the review.
func reviewHeading(r *report.Report) string {
	kind := "Quarter"
	if r.Period.IsYear() {
		kind = "Year"
	}
	return kind + "-end review of " + r.Period.String()
}

// gradesText is a plan's final grade with its objectives counted by grade: "0.72 green; 3
// objectives: 2 green, 1 red".
func gradesText(p *report.PlanReport) string {
	return scoreText(p.Score, p.NoData) + " " + objectiveGradesText(p)
}

// objectiveGradesText is a plan's grade with its objectives counted by grade: "green; 3
// objectives: 2 green, 1 red".
func objectiveGradesText(p *report.PlanReport) string {
	g, y, red := p.Grades()
	var parts []string
	for _, c := range []struct {
		n    int
		what string
	}{{g, "green"}, {y, "yellow"}, {red, "red"}} {
		if c.n > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", c.n, c.what))
		}
	}
	s := string(p.Grade)
	if p.Grade == "" {
		s = "no data"
	}
	s += fmt.Sprintf("; %d %s", len(p.Objectives), plural(len(p.Objectives), "objective"))
	if len(parts) > 0 {
		s += ": " + strings.Join(parts, ", ")
	}
	return s
}

// The review's sections, each with what a review does with it.
const (
	reviewAmbitious     = "Met in full: possibly not ambitious enough — an objective met with ease was set too low, raise the bar next period"
	reviewMissed        = "KPIs worse than target: each is a starting point for an objective next period"
	reviewUnmeasured    = "KPIs never measured this period: agree who reads them, or retire them"
	reviewNeverMeasured = "Key results never measured this period, graded 0: agree who measures them, or drop them"
	reviewNothing       = "No objective was met in full, every KPI with a target reached it, and every KPI was measured."
)

// missedText is a KPI that missed its target: "Churn: 8% against a target of 4% (↓ lower is
// better)".
func missedText(k *report.KPIReport) string {
	return fmt.Sprintf("%s against a target of %s (%s)", number(k.Value, k.Unit), number(k.Target, k.Unit), directionText(k.Direction))
}

// planTitle names a plan: "sales · 2026-Q3".
func planTitle(p *report.PlanReport) string {
	return p.Scope + " · " + p.Period.String()
}

// statusOrder lists the statuses in the order summaries count them.
var statusOrder = []report.Status{
	report.StatusOnTrack, report.StatusAtRisk, report.StatusOffTrack,
	report.StatusGreen, report.StatusYellow, report.StatusRed,
	report.StatusNoData, report.StatusNotStarted,
}

// summaryText counts key results by status: "9 key results: 5 on track, 2 at risk, 2 no data".
func summaryText(s report.Summary) string {
	var parts []string
	for _, st := range statusOrder {
		if n := s.ByStatus[st]; n > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", n, st.Label()))
		}
	}
	text := fmt.Sprintf("%d %s, %d %s", s.Objectives, plural(s.Objectives, "objective"), s.KeyResults, plural(s.KeyResults, "key result"))
	if len(parts) > 0 {
		text += ": " + strings.Join(parts, ", ")
	}
	return text
}

func plural(n int, word string) string {
	if n == 1 {
		return word
	}
	return word + "s"
}

// problemsText points at okr lint when a plan had problems while loading.
func problemsText(p *report.PlanReport) string {
	if p.Problems == 0 {
		return ""
	}
	return fmt.Sprintf("%d %s found while reading this plan; it is reported as far as it goes — run okr lint %s",
		p.Problems, plural(p.Problems, "problem"), p.File)
}

// directionText is how a KPI should move.
func directionText(d plan.Direction) string {
	if d == plan.Down {
		return "↓ lower is better"
	}
	return "↑ higher is better"
}

// directionWord is a KPI's direction in a narrow column.
func directionWord(d plan.Direction) string {
	if d == plan.Down {
		return "↓ lower"
	}
	return "↑ higher"
}

// onTargetText says how a KPI's reading compares with its target, in words that hold for both
// directions: "better than target", "on target", "worse than target" (with "so far" while the
// period runs). A lower-is-better KPI above its target is worse than it, never "below".
func onTargetText(k *report.KPIReport) string {
	// While the period runs, a reading short of its target also says its status (report.KPIStatus),
	// whose colour the reading is shown in: "worse than target so far, off track".
	switch {
	case k.Retired != "":
		return "retired"
	case k.Problem != "":
		return k.Problem
	case k.OnTarget == nil:
		return "no data"
	case *k.OnTarget && *k.Value == *k.Target:
		return "on target"
	case *k.OnTarget:
		return "better than target"
	case k.SoFar && (k.Status == report.StatusOnTrack || k.Status == report.StatusAtRisk || k.Status == report.StatusOffTrack):
		return "worse than target so far, " + k.Status.Label()
	case k.SoFar:
		return "worse than target so far"
	}
	return "worse than target"
}

// pointText is a KPI's value against its target in one quarter: "74 / 75".
func pointText(pt report.Point, unit string) string {
	switch {
	case !pt.Tracked:
		return ""
	case pt.Value == nil && pt.Target == nil:
		return "—"
	}
	v, t := "—", "—"
	if pt.Value != nil {
		v = report.FormatNumber(*pt.Value)
	}
	if pt.Target != nil {
		t = report.FormatNumber(*pt.Target)
	}
	return withUnit(v+" / "+t, unit)
}

// aligned walks an alignment tree depth-first, calling fn with each objective and its depth.
func aligned(nodes []*report.AlignNode, depth int, fn func(o *report.ObjectiveReport, depth int)) {
	for _, n := range nodes {
		fn(n.Objective, depth)
		aligned(n.Children, depth+1, fn)
	}
}

// The history of check-ins (okr report --history) in words: the table, Markdown and HTML
// formats show it with these; each writes it in its own file, and nothing for a report built
// without history.

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

// checkIns counts a trend's check-ins; the commit that created the plan is not one.
func checkIns(t report.Trend) string {
	switch n := t.CheckIns(); n {
	case 0:
		return "no check-ins"
	case 1:
		return "1 check-in"
	default:
		return strconv.Itoa(n) + " check-ins"
	}
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
		// Never read: not "fresh", however young the period is.
		if f.Stale {
			return fmt.Sprintf("stale: no reading for %d days (%s: at most %d)", f.Age, k.Frequency, f.Allowed)
		}
		return fmt.Sprintf("no reading yet, %d days in (%s: due within %d)", f.Age, k.Frequency, f.Allowed)
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
