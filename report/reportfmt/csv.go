package reportfmt

import (
	"encoding/csv"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/okr-tool/okr/plan"
	"github.com/okr-tool/okr/report"
)

// CSV writes one row per key result, with its plan and objective, for spreadsheets. Scores are
// exact; a key result without a measurement has score 0 and no_data true.
type CSV struct{}

var csvHeader = []string{
	"file", "period", "scope", "plan_score",
	"objective_id", "objective_title", "objective_score", "objective_status",
	"kr_id", "kr_title", "type", "kpi", "weight", "unit", "start", "target", "current", "due", "progress", "done",
	"score", "no_data", "grade", "status", "expected", "eased",
}

// Render implements Renderer.
func (CSV) Render(w io.Writer, r *report.Report) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(append(csvHeader[:len(csvHeader):len(csvHeader)], csvSourceHeader...)); err != nil {
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
				row := []string{
					p.File, p.Period.String(), p.Scope, exact(p.Score),
					o.ID, csvText(o.Title), exact(o.Score), string(o.Status),
					kr.ID, csvText(kr.Title), string(kr.Type), kr.KPI, exact(kr.Weight), csvText(kr.Unit),
					optional(kr.Start), optional(kr.Target), optional(kr.Current), due, optional(kr.Progress), done,
					exact(kr.Value), strconv.FormatBool(kr.NoData()), string(kr.Grade), string(kr.Status), exact(p.Expected), csvEased(kr),
				}
				if err := cw.Write(append(row, csvSource(r)...)); err != nil {
					return err
				}
			}
		}
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
