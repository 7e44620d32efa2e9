package reportfmt

import (
	"encoding/json"
	"io"
	"time"

	"github.com/okr-tool/okr/plan"
	"github.com/okr-tool/okr/report"
)

// JSON writes the report as one JSON document: the fields the plan format fixes ("plans" with
// "file", "period", "scope", "score", "objectives" and their "key_results", "kpis") plus grades,
// statuses, KPI series, the alignment tree and what was skipped. Scores are exact. A key result
// without a measurement has "score": 0 and "no_data": true; optional numbers are null or absent.
type JSON struct{}

type jsonPlan struct {
	File       string          `json:"file"`
	Period     string          `json:"period"`
	Scope      string          `json:"scope"`
	Level      string          `json:"level"`
	Owner      string          `json:"owner,omitempty"`
	Score      float64         `json:"score"`
	NoData     bool            `json:"no_data"`
	Grade      *string         `json:"grade"`
	Status     string          `json:"status"`
	Phase      string          `json:"phase"`
	Expected   float64         `json:"expected"`
	Objectives []jsonObjective `json:"objectives"`
	KPIs       []jsonKPI       `json:"kpis"`
	Summary    jsonSummary     `json:"summary"`
	Problems   int             `json:"problems"`
}

type jsonObjective struct {
	ID           string   `json:"id"`
	Title        string   `json:"title"`
	Owner        string   `json:"owner,omitempty"`
	AlignsTo     string   `json:"aligns_to,omitempty"`
	Score        float64  `json:"score"`
	NoData       bool     `json:"no_data"`
	Grade        *string  `json:"grade"`
	Status       string   `json:"status"`
	Measured     int      `json:"measured"` // how many of its key results have a measurement
	Weakest      *string  `json:"weakest"`  // the id of the key result that pulls it down, or null
	NotAmbitious bool     `json:"not_ambitious"`
	KeyResults   []jsonKR `json:"key_results"`
}

type jsonKR struct {
	ID     string   `json:"id"`
	Title  string   `json:"title"`
	Owner  string   `json:"owner,omitempty"`
	Type   string   `json:"type"`
	KPI    *string  `json:"kpi"`
	Score  float64  `json:"score"`
	NoData bool     `json:"no_data"`
	Basis  string   `json:"basis"`
	Grade  *string  `json:"grade"`
	Status string   `json:"status"`
	Weight float64  `json:"weight"`
	Unit   string   `json:"unit,omitempty"`
	Start  *float64 `json:"start,omitempty"`
	Target *float64 `json:"target,omitempty"`
	// Threshold and Holds are a maintain key result's line and the side of it it holds:
	// "at_or_above" or "at_or_below".
	Threshold *float64 `json:"threshold,omitempty"`
	Holds     string   `json:"holds,omitempty"`
	// Problem says why an invalid key result is not scored ("not scored: …"); "" otherwise.
	Problem    string         `json:"problem,omitempty"`
	Current    *float64       `json:"current,omitempty"`
	Due        string         `json:"due,omitempty"`
	Progress   *float64       `json:"progress,omitempty"`
	Done       bool           `json:"done,omitempty"`
	Confidence *float64       `json:"confidence,omitempty"` // from the latest check-in, 0..1
	Note       string         `json:"note,omitempty"`       // the latest check-in's remark
	Notes      []string       `json:"notes,omitempty"`
	History    *[]jsonCheckIn `json:"history,omitempty"` // with --history
	// CurrentFrom is the quarter whose KPI reading an annual key result's current is.
	CurrentFrom string       `json:"current_from,omitempty"`
	Eased       []jsonEasing `json:"eased,omitempty"` // with --history
}

type jsonKPI struct {
	ID           string         `json:"id"`
	Name         string         `json:"name"`
	Unit         string         `json:"unit,omitempty"`
	Direction    string         `json:"direction"`
	Source       string         `json:"source,omitempty"`
	Frequency    string         `json:"frequency,omitempty"`
	Retired      string         `json:"retired,omitempty"`
	AnnualTarget *float64       `json:"annual_target"`
	Target       *float64       `json:"target"`
	Value        *float64       `json:"value"`
	OnTarget     *bool          `json:"on_target"`
	Status       string         `json:"status"`            // report.KPIStatus
	Problem      string         `json:"problem,omitempty"` // why it is not scored
	Series       []jsonPoint    `json:"series"`
	History      *[]jsonCheckIn `json:"history,omitempty"`   // with --history
	Freshness    *jsonFreshness `json:"freshness,omitempty"` // with --history, for live KPIs
	Eased        []jsonEasing   `json:"eased,omitempty"`     // with --history
}

type jsonPoint struct {
	Period  string   `json:"period"`
	Tracked bool     `json:"tracked"`
	Value   *float64 `json:"value"`
	Target  *float64 `json:"target"`
}

type jsonAligned struct {
	Scope    string        `json:"scope"`
	Period   string        `json:"period"`
	ID       string        `json:"id"`
	Title    string        `json:"title"`
	Score    float64       `json:"score"`
	NoData   bool          `json:"no_data"`
	Status   string        `json:"status"`
	Children []jsonAligned `json:"children,omitempty"`
}

type jsonSummary struct {
	Objectives int `json:"objectives"`
	KeyResults int `json:"key_results"`
	OnTrack    int `json:"on_track"`
	AtRisk     int `json:"at_risk"`
	OffTrack   int `json:"off_track"`
	NoData     int `json:"no_data"`
	NotStarted int `json:"not_started"`
	Green      int `json:"green"`
	Yellow     int `json:"yellow"`
	Red        int `json:"red"`
}

type jsonSkip struct {
	File   string `json:"file"`
	Reason string `json:"reason"`
}

type jsonReport struct {
	AsOf      string        `json:"as_of"`
	Period    string        `json:"period"`
	Scopes    []string      `json:"scopes"`
	Plans     []jsonPlan    `json:"plans"`
	Alignment []jsonAligned `json:"alignment"`
	Unaligned []jsonAligned `json:"unaligned"`
	Summary   jsonSummary   `json:"summary"`
	Skipped   []jsonSkip    `json:"skipped"`
	Review    *jsonReview   `json:"review"` // null unless the period is over
	Source    *jsonSource   `json:"source,omitempty"`
}

// jsonReview is the quarter-end review of a finished period.
type jsonReview struct {
	Grades       []jsonGrade     `json:"grades"`
	NotAmbitious []jsonItem      `json:"not_ambitious"`
	MissedKPIs   []jsonReviewKPI `json:"missed_kpis"`
	Unmeasured   []jsonReviewKPI `json:"unmeasured_kpis"`
	// NeverMeasured are the key results without a measurement, each graded 0 in its objective.
	NeverMeasured []jsonItem `json:"never_measured_key_results"`
}

type jsonGrade struct {
	Scope  string  `json:"scope"`
	Period string  `json:"period"`
	Score  float64 `json:"score"`
	NoData bool    `json:"no_data"`
	Grade  *string `json:"grade"`
	Green  int     `json:"green"`
	Yellow int     `json:"yellow"`
	Red    int     `json:"red"`
}

type jsonItem struct {
	Scope  string `json:"scope"`
	Period string `json:"period"`
	ID     string `json:"id"`
	Title  string `json:"title"`
}

type jsonReviewKPI struct {
	Scope     string   `json:"scope"`
	Period    string   `json:"period"`
	ID        string   `json:"id"`
	Name      string   `json:"name"`
	Direction string   `json:"direction"`
	Value     *float64 `json:"value"`
	Target    *float64 `json:"target"`
}

func toJSONReview(rv *report.Review) *jsonReview {
	if rv == nil {
		return nil
	}
	j := &jsonReview{Grades: []jsonGrade{}, NotAmbitious: []jsonItem{}, MissedKPIs: []jsonReviewKPI{}, Unmeasured: []jsonReviewKPI{}, NeverMeasured: []jsonItem{}}
	for _, p := range rv.Plans {
		g, y, r := p.Grades()
		j.Grades = append(j.Grades, jsonGrade{Scope: p.Scope, Period: p.Period.String(), Score: p.Score, NoData: p.NoData,
			Grade: gradeJSON(p.Grade), Green: g, Yellow: y, Red: r})
	}
	for _, o := range rv.NotAmbitious {
		j.NotAmbitious = append(j.NotAmbitious, jsonItem{Scope: o.Plan.Scope, Period: o.Plan.Period.String(), ID: o.ID, Title: o.Title})
	}
	kpi := func(m report.ReviewKPI) jsonReviewKPI {
		return jsonReviewKPI{Scope: m.Plan.Scope, Period: m.Plan.Period.String(), ID: m.KPI.ID, Name: m.KPI.Name,
			Direction: string(m.KPI.Direction), Value: m.KPI.Value, Target: m.KPI.Target}
	}
	for _, m := range rv.Missed {
		j.MissedKPIs = append(j.MissedKPIs, kpi(m))
	}
	for _, m := range rv.Unmeasured {
		j.Unmeasured = append(j.Unmeasured, kpi(m))
	}
	for _, m := range rv.NeverMeasured {
		p := m.Objective.Plan
		j.NeverMeasured = append(j.NeverMeasured, jsonItem{Scope: p.Scope, Period: p.Period.String(), ID: m.KR.ID, Title: m.KR.Title})
	}
	return j
}

// Render implements Renderer. The plans' JSON models are built in parallel, then the document
// is encoded once.
func (JSON) Render(w io.Writer, r *report.Report) error {
	plans, err := eachPlan(len(r.Plans), func(i int) (jsonPlan, error) { return toJSONPlan(r.Plans[i]), nil })
	if err != nil {
		return err
	}
	doc := jsonReport{
		AsOf: r.AsOf.Format(time.DateOnly), Period: r.Period.String(), Scopes: nonNil(r.Scopes),
		Plans: plans, Alignment: jsonTree(r.Alignment), Summary: toJSONSummary(r.Summary),
		Unaligned: make([]jsonAligned, 0, len(r.Unaligned)), Skipped: make([]jsonSkip, 0, len(r.Skipped)),
		Review: toJSONReview(r.Review),
		Source: toJSONSource(r),
	}
	for _, o := range r.Unaligned {
		doc.Unaligned = append(doc.Unaligned, toJSONAligned(o))
	}
	for _, s := range r.Skipped {
		doc.Skipped = append(doc.Skipped, jsonSkip(s))
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(doc)
}

func toJSONPlan(p *report.PlanReport) jsonPlan {
	jp := jsonPlan{
		File: p.File, Period: p.Period.String(), Scope: p.Scope, Level: string(p.Level), Owner: p.Owner,
		Score: p.Score, NoData: p.NoData, Grade: gradeJSON(p.Grade), Status: string(p.Status), Phase: string(p.Phase), Expected: p.Expected,
		Objectives: make([]jsonObjective, 0, len(p.Objectives)),
		KPIs:       make([]jsonKPI, 0, len(p.KPIs)),
		Summary:    toJSONSummary(p.Summary),
		Problems:   p.Problems,
	}
	for _, o := range p.Objectives {
		jo := jsonObjective{
			ID: o.ID, Title: o.Title, Owner: o.Owner, AlignsTo: o.AlignsTo,
			Score: o.Score, NoData: o.NoData, Grade: gradeJSON(o.Grade), Status: string(o.Status),
			Measured: o.Measured, NotAmbitious: o.NotAmbitious,
			KeyResults: make([]jsonKR, 0, len(o.KeyResults)),
		}
		if o.Weakest != nil {
			jo.Weakest = &o.Weakest.ID
		}
		for _, kr := range o.KeyResults {
			jo.KeyResults = append(jo.KeyResults, toJSONKR(kr))
		}
		jp.Objectives = append(jp.Objectives, jo)
	}
	for _, k := range p.KPIs {
		jk := jsonKPI{
			ID: k.ID, Name: k.Name, Unit: k.Unit, Direction: string(k.Direction), Source: k.Source,
			Frequency: string(k.Frequency), Retired: k.Retired,
			AnnualTarget: k.AnnualTarget, Target: k.Target, Value: k.Value, OnTarget: k.OnTarget,
			Status: string(k.Status), Problem: k.Problem,
			Series:  make([]jsonPoint, 0, len(k.Series)),
			History: checkInsJSON(k.Trend), Freshness: freshnessJSON(k.Freshness), Eased: toJSONEased(k.Eased),
		}
		for _, pt := range k.Series {
			jk.Series = append(jk.Series, jsonPoint{Period: pt.Period.String(), Tracked: pt.Tracked, Value: pt.Value, Target: pt.Target})
		}
		jp.KPIs = append(jp.KPIs, jk)
	}
	return jp
}

func toJSONKR(kr *report.KRReport) jsonKR {
	jk := jsonKR{
		ID: kr.ID, Title: kr.Title, Type: string(kr.Type),
		Score: kr.Value, NoData: kr.NoData(), Basis: string(kr.Basis), Grade: gradeJSON(kr.Grade), Status: string(kr.Status),
		Weight: kr.Weight, Unit: kr.Unit, Start: kr.Start, Target: kr.Target, Current: kr.Current,
		Progress: kr.Progress, Done: kr.Done, Notes: kr.Notes, History: checkInsJSON(kr.Trend),
		Confidence: kr.Confidence, Note: kr.CheckInNote,
		Eased: toJSONEased(kr.Eased),
	}
	if kr.KPI != "" {
		jk.KPI = &kr.KPI
	}
	jk.Owner = kr.Owner
	if kr.Type == plan.Maintain {
		jk.Threshold, jk.Holds = kr.Target, kr.HoldsText() // target stays, for readers of earlier reports
	}
	if kr.Basis == report.BasisInvalid {
		jk.Problem = kr.StatusText()
	}
	if !kr.Due.IsZero() {
		jk.Due = kr.Due.Format(time.DateOnly)
	}
	if !kr.CurrentFrom.IsZero() {
		jk.CurrentFrom = kr.CurrentFrom.String()
	}
	return jk
}

func jsonTree(nodes []*report.AlignNode) []jsonAligned {
	out := make([]jsonAligned, 0, len(nodes))
	for _, n := range nodes {
		ja := toJSONAligned(n.Objective)
		if len(n.Children) > 0 {
			ja.Children = jsonTree(n.Children)
		}
		out = append(out, ja)
	}
	return out
}

func toJSONAligned(o *report.ObjectiveReport) jsonAligned {
	return jsonAligned{
		Scope: o.Plan.Scope, Period: o.Plan.Period.String(), ID: o.ID, Title: o.Title,
		Score: o.Score, NoData: o.NoData, Status: string(o.Status),
	}
}

func toJSONSummary(s report.Summary) jsonSummary {
	return jsonSummary{
		Objectives: s.Objectives,
		KeyResults: s.KeyResults,
		OnTrack:    s.ByStatus[report.StatusOnTrack],
		AtRisk:     s.ByStatus[report.StatusAtRisk],
		OffTrack:   s.ByStatus[report.StatusOffTrack],
		NoData:     s.ByStatus[report.StatusNoData],
		NotStarted: s.ByStatus[report.StatusNotStarted],
		Green:      s.ByStatus[report.StatusGreen],
		Yellow:     s.ByStatus[report.StatusYellow],
		Red:        s.ByStatus[report.StatusRed],
	}
}

// gradeJSON is a grade, or null for a score that only stands for missing data.
func gradeJSON(g report.Grade) *string {
	if g == "" {
		return nil
	}
	s := string(g)
	return &s
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// jsonCheckIn is one point of a trend in the JSON report.
type jsonCheckIn struct {
	Date   string   `json:"date"`
	Commit string   `json:"commit"` // "" for uncommitted changes
	Value  *float64 `json:"value"`
	Score  *float64 `json:"score,omitempty"`
}

// jsonFreshness is whether a KPI's reading is as recent as its frequency asks.
type jsonFreshness struct {
	Stale       bool   `json:"stale"`
	LastReading string `json:"last_reading,omitempty"` // the date of the commit that last changed it
	Commit      string `json:"commit,omitempty"`
	AgeDays     int    `json:"age_days"`
	AllowedDays int    `json:"allowed_days"`
}

// checkInsJSON is a trend for the JSON report; nil (and left out) without --history.
func checkInsJSON(t report.Trend) *[]jsonCheckIn {
	if t == nil {
		return nil
	}
	out := make([]jsonCheckIn, 0, len(t))
	for _, pt := range t {
		out = append(out, jsonCheckIn{Date: pt.Date.Format(time.DateOnly), Commit: pt.Commit, Value: pt.Value, Score: pt.Score})
	}
	return &out
}

func freshnessJSON(f *report.Freshness) *jsonFreshness {
	if f == nil {
		return nil
	}
	j := &jsonFreshness{Stale: f.Stale, Commit: f.Commit, AgeDays: f.Age, AllowedDays: f.Allowed}
	if !f.Last.IsZero() {
		j.LastReading = f.Last.Format(time.DateOnly)
	}
	return j
}
