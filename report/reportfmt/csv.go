package reportfmt

import (
	"encoding/csv"
	"io"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/okr-tool/okr/plan"
	"github.com/okr-tool/okr/report"
)

// CSV writes one row per key result, with its plan and objective, then one row per KPI of each
// plan, for spreadsheets; "row_type" says which a row is: key_result, kpi, or review. Scores are
// exact; a key result without a measurement has score 0 and no_data true, and one that cannot be
// scored says why in "problem". A maintain key result's line is in "threshold" (and "target"),
// its side in "holds" (at_or_above or at_or_below). A KPI's row has its id in "kpi", its reading
// in "current", its target in "target", its status in "status" and its eased targets in
// "eased". For a finished period the rows of the quarter-end review follow (row_type review),
// with "review" saying what each is: final_grade (one per objective), not_ambitious,
// kpi_missed_target, kpi_never_measured.
type CSV struct{}

var csvHeader = []string{
	"row_type", "file", "period", "scope", "plan_owner", "plan_score",
	"objective_id", "objective_title", "objective_owner", "objective_score", "objective_status", "objective_weakest",
	"kr_id", "kr_title", "kr_owner", "type", "kpi", "kpi_name", "weight", "unit", "start", "target", "threshold", "holds", "current", "due", "progress", "done",
	"score", "no_data", "grade", "status", "problem", "expected", "eased", "confidence", "note", "review",
	"commit", "may_be_newer",
}

// csvCol is the index of each column of csvHeader.
var csvCol = func() map[string]int {
	m := make(map[string]int, len(csvHeader))
	for i, c := range csvHeader {
		m[c] = i
	}
	return m
}()

// The columns that the source fills from, by position.
var csvCommitCol = slices.Index(csvHeader, "commit")

// The rows' types, in "row_type", and the review rows' kinds, in "review".
const (
	csvKeyResult     = "key_result"
	csvKPI           = "kpi"
	csvReviewRow     = "review"
	csvFinalGrade    = "final_grade"
	csvNotAmbitious  = "not_ambitious"
	csvMissed        = "kpi_missed_target"
	csvUnmeasured    = "kpi_never_measured"
	csvNeverMeasured = "key_result_never_measured"
)

// csvRow is one row being filled by column name.
type csvRow []string

func (r csvRow) set(col, v string) {
	i, ok := csvCol[col]
	if !ok {
		panic("csv: no column " + col)
	}
	r[i] = v
}

// newCSVRow starts a row of the given type naming a plan and, unless nil, an objective.
func newCSVRow(r *report.Report, typ string, p *report.PlanReport, o *report.ObjectiveReport) csvRow {
	row := make(csvRow, len(csvHeader))
	row.set("row_type", typ)
	row.set("file", p.File)
	row.set("period", p.Period.String())
	row.set("scope", p.Scope)
	row.set("plan_owner", csvText(p.Owner))
	row.set("plan_score", exact(p.Score))
	copy(row[csvCommitCol:], csvSource(r))
	if o == nil {
		return row
	}
	weakest := ""
	if o.Weakest != nil {
		weakest = o.Weakest.ID
	}
	row.set("objective_id", o.ID)
	row.set("objective_title", csvText(o.Title))
	row.set("objective_owner", csvText(o.Owner))
	row.set("objective_score", exact(o.Score))
	row.set("objective_status", string(o.Status))
	row.set("objective_weakest", weakest)
	return row
}

// csvReview writes the review rows of a finished period.
func csvReview(cw *csv.Writer, r *report.Report) error {
	rv := r.Review
	if rv == nil {
		return nil
	}
	var rows [][]string
	add := func(p *report.PlanReport, o *report.ObjectiveReport, kind string) csvRow {
		row := newCSVRow(r, csvReviewRow, p, o)
		row.set("review", kind)
		rows = append(rows, row)
		return row
	}
	for _, p := range rv.Plans {
		for _, o := range p.Objectives {
			row := add(p, o, csvFinalGrade)
			row.set("score", exact(o.Score))
			row.set("no_data", strconv.FormatBool(o.NoData))
			row.set("grade", string(o.Grade))
			row.set("status", string(o.Status))
		}
	}
	for _, o := range rv.NotAmbitious {
		row := add(o.Plan, o, csvNotAmbitious)
		row.set("score", exact(o.Score))
		row.set("no_data", "false")
		row.set("grade", string(o.Grade))
	}
	kpi := func(m report.ReviewKPI, kind string) {
		row := add(m.Plan, nil, kind)
		row.set("kpi", m.KPI.ID)
		row.set("unit", csvText(m.KPI.Unit))
		row.set("target", optional(m.KPI.Target))
		row.set("current", optional(m.KPI.Value))
	}
	for _, m := range rv.Missed {
		kpi(m, csvMissed)
	}
	for _, m := range rv.Unmeasured {
		kpi(m, csvUnmeasured)
	}
	for _, m := range rv.NeverMeasured {
		row := add(m.Objective.Plan, m.Objective, csvNeverMeasured)
		row.set("kr_id", m.KR.ID)
		row.set("kr_title", csvText(m.KR.Title))
		row.set("score", "0")
		row.set("no_data", "true")
	}
	return cw.WriteAll(rows)
}

// csvKeyResultRow is the row of one key result.
func csvKeyResultRow(r *report.Report, p *report.PlanReport, o *report.ObjectiveReport, kr *report.KRReport) csvRow {
	row := newCSVRow(r, csvKeyResult, p, o)
	row.set("kr_id", kr.ID)
	row.set("kr_title", csvText(kr.Title))
	row.set("kr_owner", csvText(kr.Owner))
	row.set("type", string(kr.Type))
	row.set("kpi", kr.KPI)
	row.set("weight", exact(kr.Weight))
	row.set("unit", csvText(kr.Unit))
	row.set("start", optional(kr.Start))
	row.set("target", optional(kr.Target))
	if kr.Type == plan.Maintain {
		row.set("threshold", optional(kr.Target))
		row.set("holds", kr.HoldsText())
	}
	row.set("current", optional(kr.Current))
	if !kr.Due.IsZero() {
		row.set("due", kr.Due.Format(time.DateOnly))
	}
	row.set("progress", optional(kr.Progress))
	if kr.Type == plan.Effort {
		row.set("done", strconv.FormatBool(kr.Done))
	}
	row.set("score", exact(kr.Value))
	row.set("no_data", strconv.FormatBool(kr.NoData()))
	row.set("grade", string(kr.Grade))
	row.set("status", string(kr.Status))
	if kr.Basis == report.BasisInvalid {
		row.set("problem", csvText(strings.TrimPrefix(kr.Note, "not scored: ")))
	}
	row.set("expected", exact(p.Expected))
	row.set("eased", csvEased(kr.Eased))
	row.set("confidence", optional(kr.Confidence))
	row.set("note", csvText(kr.CheckInNote))
	return row
}

// csvKPIRow is the row of one KPI of a plan.
func csvKPIRow(r *report.Report, p *report.PlanReport, k *report.KPIReport) csvRow {
	row := newCSVRow(r, csvKPI, p, nil)
	row.set("kpi", k.ID)
	row.set("kpi_name", csvText(k.Name))
	row.set("unit", csvText(k.Unit))
	row.set("target", optional(k.Target))
	row.set("current", optional(k.Value))
	row.set("no_data", strconv.FormatBool(k.Value == nil))
	row.set("status", string(k.Status))
	switch {
	case k.Retired != "":
		row.set("problem", csvText("retired: "+k.Retired))
	case k.Problem != "":
		row.set("problem", csvText(strings.TrimPrefix(k.Problem, "not scored: ")))
	}
	row.set("expected", exact(p.Expected))
	row.set("eased", csvEased(k.Eased))
	return row
}

// Render implements Renderer.
func (CSV) Render(w io.Writer, r *report.Report) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(csvHeader); err != nil {
		return err
	}
	for _, p := range r.Plans {
		for _, o := range p.Objectives {
			for _, kr := range o.KeyResults {
				if err := cw.Write(csvKeyResultRow(r, p, o, kr)); err != nil {
					return err
				}
			}
		}
	}
	for _, p := range r.Plans {
		for _, k := range p.KPIs {
			if err := cw.Write(csvKPIRow(r, p, k)); err != nil {
				return err
			}
		}
	}
	if err := csvReview(cw, r); err != nil {
		return err
	}
	cw.Flush()
	return cw.Error()
}

func exact(v float64) string { return report.FormatNumber(v) }

// csvText keeps a title from being run as a formula: spreadsheets evaluate a cell that starts
// with =, +, - or @ ("+20% ARR", "=HYPERLINK(…)"), so such text gets a leading apostrophe, which
// spreadsheets read as "this is text" and do not show.
func csvText(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}

func optional(v *float64) string {
	if v == nil {
		return ""
	}
	return exact(*v)
}
