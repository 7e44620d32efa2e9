package reportfmt

// Goalposts eased after the period started (report.Easing), in every format: a mark in the key
// result's start → target cell ("0 → 10, was 12"), and a note with the date, the commit and the
// reason.

import (
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/okr-tool/okr/report"
)

// easedMark is what the start → target cell adds for eased goalposts: ", was 12" for each
// value moved, the oldest value first.
func easedMark(kr *report.KRReport) string {
	if len(kr.Eased) == 0 {
		return ""
	}
	var parts []string
	seen := map[string]bool{}
	for _, e := range kr.Eased {
		if !seen[e.Field] {
			seen[e.Field] = true
			parts = append(parts, fmt.Sprintf("%s was %s", e.Field, e.OldText()))
		}
	}
	return " (" + strings.Join(parts, ", ") + ")"
}

// easedNotes are the sentences that explain each easing of a key result or KPI.
func easedNotes(es []report.Easing) []string {
	out := make([]string, len(es))
	for i, e := range es {
		out[i] = e.Text()
	}
	return out
}

// tableEased writes a plan's eased goalposts under its table, one line each.
func tableEased(w io.Writer, p palette, pr *report.PlanReport) {
	for _, o := range pr.Objectives {
		for _, kr := range o.KeyResults {
			for _, n := range easedNotes(kr.Eased) {
				fmt.Fprintf(w, "%s %s/%s: %s\n", p.yellow.Sprint("↘"), o.ID, kr.ID, n)
			}
		}
	}
	for _, k := range pr.KPIs {
		for _, n := range easedNotes(k.Eased) {
			fmt.Fprintf(w, "%s KPI %s: %s\n", p.yellow.Sprint("↘"), k.ID, n)
		}
	}
}

// mdEased returns a plan's eased goalposts as Markdown notes.
func mdEased(pr *report.PlanReport) []string {
	var out []string
	for _, o := range pr.Objectives {
		for _, kr := range o.KeyResults {
			for _, n := range easedNotes(kr.Eased) {
				out = append(out, fmt.Sprintf("↘ %s: %s.", mdEscape(kr.Title), mdEscape(n)))
			}
		}
	}
	for _, k := range pr.KPIs {
		for _, n := range easedNotes(k.Eased) {
			out = append(out, fmt.Sprintf("↘ KPI %s: %s.", mdEscape(k.Name), mdEscape(n)))
		}
	}
	return out
}

// easedBadges are the badges the HTML report shows beside a key result whose goalposts were
// eased, so that a room sees it on the screen: "target eased 12 → 10 on 3 Aug 2026 (commit
// 1a2b3c4): two reps left in July".
func easedBadges(es []report.Easing) []string {
	out := make([]string, len(es))
	for i, e := range es {
		where := "uncommitted"
		if e.Commit != "" {
			where = "commit " + shortHash(e.Commit)
		}
		s := fmt.Sprintf("%s eased %s → %s on %s (%s)", e.Field, e.OldText(), e.NewText(), e.Date.Format("2 Jan 2006"), where)
		if e.Reason == "" {
			s += ": no reason recorded"
		} else {
			s += ": " + e.Reason
		}
		out[i] = s
	}
	return out
}

func shortHash(h string) string {
	if len(h) > 7 {
		return h[:7]
	}
	return h
}

// htmlEased returns a plan's eased KPI targets as HTML notes (plain text; the template escapes);
// a key result's show as badges beside it (easedBadges).
func htmlEased(pr *report.PlanReport) []string {
	var out []string
	for _, k := range pr.KPIs {
		for _, n := range easedNotes(k.Eased) {
			out = append(out, "KPI "+k.Name+": "+n+".")
		}
	}
	return out
}

// jsonEasing is report.Easing in JSON.
type jsonEasing struct {
	Field  string  `json:"field"`
	From   float64 `json:"from"`
	To     float64 `json:"to"`
	Date   string  `json:"date"`
	Commit *string `json:"commit"` // null for uncommitted changes
	Reason string  `json:"reason"`
}

func toJSONEased(es []report.Easing) []jsonEasing {
	if len(es) == 0 {
		return nil
	}
	out := make([]jsonEasing, len(es))
	for i, e := range es {
		out[i] = jsonEasing{Field: e.Field, From: e.Old, To: e.New, Date: e.Date.Format(time.DateOnly), Reason: e.Reason}
		if e.Commit != "" {
			c := e.Commit
			out[i].Commit = &c
		}
	}
	return out
}

// csvEased is the CSV cell of a key result's eased goalposts: each easing's sentence, joined by
// "; ".
func csvEased(es []report.Easing) string {
	return csvText(strings.Join(easedNotes(es), "; "))
}
