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

// CSV writes one row per key result, with its plan and objective, for spreadsheets. Scores are
// exact; a key result without a measurement has score 0 and no_data true. For a finished period
// the rows of the quarter-end review follow, with the same columns and "review" saying what each
// is: final_grade (one per objective), not_ambitious, kpi_missed_target, kpi_never_measured. A
// KPI's row has its id in "kpi", its reading in "current" and its target in "target".
type CSV struct{}

var csvHeader = []string{
	"file", "period", "scope", "plan_owner", "plan_score",
	"objective_id", "objective_title", "objective_owner", "objective_score", "objective_status", "objective_weakest",
	"kr_id", "kr_title", "type", "kpi", "weight", "unit", "start", "target", "current", "due", "progress", "done",
	"score", "no_data", "grade", "status", "expected", "eased", "confidence", "note", "review",
	"commit", "may_be_newer",
}

// The columns that the review rows and the source fill by position.
var (
	csvReviewCol = slices.Index(csvHeader, "review")
	csvCommitCol = slices.Index(csvHeader, "commit")
)

// The review rows' kinds, in the "review" column.
const (
	csvFinalGrade   = "final_grade"
	csvNotAmbitious = "not_ambitious"
	csvMissed       = "kpi_missed_target"
	csvUnmeasured   = "kpi_never_measured"
)

// csvObjective is the part of a row that names a plan and an objective.
func csvObjective(row []string, p *report.PlanReport, o *report.ObjectiveReport) {
	row[0], row[1], row[2], row[3], row[4] = p.File, p.Period.String(), p.Scope, csvText(p.Owner), exact(p.Score)
	if o == nil {
		return
	}
	weakest := ""
	if o.Weakest != nil {
		weakest = o.Weakest.ID
	}
	row[5], row[6], row[7], row[8], row[9], row[10] = o.ID, csvText(o.Title), csvText(o.Owner), exact(o.Score), string(o.Status), weakest
}

// csvReview writes the review rows of a finished period.
func csvReview(cw *csv.Writer, r *report.Report) error {
	rv := r.Review
	if rv == nil {
		return nil
	}
	var rows [][]string
	add := func(p *report.PlanReport, o *report.ObjectiveReport, kind string) []string {
		row := make([]string, len(csvHeader))
		csvObjective(row, p, o)
		row[csvReviewCol] = kind
		copy(row[csvCommitCol:], csvSource(r))
		rows = append(rows, row)
		return row
	}
	for _, p := range rv.Plans {
		for _, o := range p.Objectives {
			row := add(p, o, csvFinalGrade)
			row[23], row[24], row[25], row[26] = exact(o.Score), strconv.FormatBool(o.NoData), string(o.Grade), string(o.Status)
		}
	}
	for _, o := range rv.NotAmbitious {
		row := add(o.Plan, o, csvNotAmbitious)
		row[23], row[24], row[25] = exact(o.Score), "false", string(o.Grade)
	}
	kpi := func(m report.ReviewKPI, kind string) {
		row := add(m.Plan, nil, kind)
		row[14], row[16], row[18], row[19] = m.KPI.ID, csvText(m.KPI.Unit), optional(m.KPI.Target), optional(m.KPI.Value)
	}
	for _, m := range rv.Missed {
		kpi(m, csvMissed)
	}
	for _, m := range rv.Unmeasured {
		kpi(m, csvUnmeasured)
	}
	return cw.WriteAll(rows)
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
				due := ""
				if !kr.Due.IsZero() {
					due = kr.Due.Format(time.DateOnly)
				}
				done := ""
				if kr.Type == plan.Effort {
					done = strconv.FormatBool(kr.Done)
				}
				row := make([]string, 0, len(csvHeader))
				row = append(row, make([]string, 11)...)
				csvObjective(row, p, o)
				row = append(row,
					kr.ID, csvText(kr.Title), string(kr.Type), kr.KPI, exact(kr.Weight), csvText(kr.Unit),
					optional(kr.Start), optional(kr.Target), optional(kr.Current), due, optional(kr.Progress), done,
					exact(kr.Value), strconv.FormatBool(kr.NoData()), string(kr.Grade), string(kr.Status), exact(p.Expected), csvEased(kr),
					optional(kr.Confidence), csvText(kr.CheckInNote), "",
				)
				if err := cw.Write(append(row, csvSource(r)...)); err != nil {
					return err
				}
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
