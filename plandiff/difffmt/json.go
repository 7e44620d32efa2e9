package difffmt

import (
	"encoding/json"
	"io"

	"github.com/okr-tool/okr/plandiff"
)

// JSON writes the diff as one JSON document: "base", "head", a "summary" of plans added,
// removed, changed and unreadable, and "plans" with their objectives, key results and KPIs.
// Every item has "kind" (added, removed or changed; for a plan also unreadable, when one version
// could not be read: its "problem" has the "version" (base or head), "line" and "message"); scores and KPI values have "old", "new" and "delta"
// (null when missing); changed fields have "field", "old", "new" (as written, "" when absent), and "old_problem" or "new_problem" when a value written there could not be read
// and, for numbers, "delta".
type JSON struct{}

type jsonDiff struct {
	Base    string      `json:"base"`
	Head    string      `json:"head"`
	Summary jsonSummary `json:"summary"`
	Plans   []jsonPlan  `json:"plans"`
}

type jsonSummary struct {
	Added      int `json:"added"`
	Removed    int `json:"removed"`
	Changed    int `json:"changed"`
	Unreadable int `json:"unreadable"`
}

type jsonPlan struct {
	Kind       string          `json:"kind"`
	Scope      string          `json:"scope"`
	Period     string          `json:"period"`
	File       string          `json:"file"`
	OldFile    string          `json:"old_file,omitempty"`
	Score      jsonScore       `json:"score"`
	Fields     []jsonField     `json:"fields"`
	Objectives []jsonObjective `json:"objectives"`
	KPIs       []jsonKPI       `json:"kpis"`
	Problem    *jsonProblem    `json:"problem,omitempty"`
}

type jsonProblem struct {
	Version string `json:"version"`
	Line    int    `json:"line"`
	Message string `json:"message"`
}

type jsonObjective struct {
	Kind       string      `json:"kind"`
	ID         string      `json:"id"`
	Title      string      `json:"title"`
	Score      jsonScore   `json:"score"`
	Fields     []jsonField `json:"fields"`
	KeyResults []jsonKR    `json:"key_results"`
}

type jsonKR struct {
	Kind   string      `json:"kind"`
	ID     string      `json:"id"`
	Title  string      `json:"title"`
	Score  jsonScore   `json:"score"`
	Fields []jsonField `json:"fields"`
}

type jsonKPI struct {
	Kind  string    `json:"kind"`
	ID    string    `json:"id"`
	Name  string    `json:"name"`
	Value jsonScore `json:"value"`
	// OldProblem and NewProblem say why a reading written in that version could not be read.
	OldProblem string      `json:"old_problem,omitempty"`
	NewProblem string      `json:"new_problem,omitempty"`
	Fields     []jsonField `json:"fields"`
}

type jsonScore struct {
	Old   *float64 `json:"old"`
	New   *float64 `json:"new"`
	Delta *float64 `json:"delta"`
}

type jsonField struct {
	Field string   `json:"field"`
	Old   string   `json:"old"`
	New   string   `json:"new"`
	Delta *float64 `json:"delta,omitempty"`
	// OldProblem and NewProblem say why a value written in that version could not be read.
	OldProblem string `json:"old_problem,omitempty"`
	NewProblem string `json:"new_problem,omitempty"`
}

// Render writes the diff.
func (JSON) Render(w io.Writer, d *plandiff.Diff) error {
	out := jsonDiff{Base: d.Base, Head: d.Head, Plans: []jsonPlan{}}
	out.Summary.Added, out.Summary.Removed, out.Summary.Changed = d.Count()
	out.Summary.Unreadable = d.Unreadable()
	for _, p := range d.Plans {
		jp := jsonPlan{
			Kind: string(p.Kind), Scope: p.Scope, Period: p.Period.String(), File: p.File, OldFile: p.OldFile,
			Score: score(p.Score), Fields: fields(p.Fields), Objectives: []jsonObjective{}, KPIs: []jsonKPI{},
		}
		if pr := p.Problem; pr != nil {
			jp.Problem = &jsonProblem{Version: map[bool]string{true: "head", false: "base"}[pr.InHead], Line: pr.Line, Message: pr.Message}
		}
		for _, o := range p.Objectives {
			jo := jsonObjective{Kind: string(o.Kind), ID: o.ID, Title: o.Title, Score: score(o.Score),
				Fields: fields(o.Fields), KeyResults: []jsonKR{}}
			for _, kr := range o.KeyResults {
				jo.KeyResults = append(jo.KeyResults, jsonKR{Kind: string(kr.Kind), ID: kr.ID, Title: kr.Title,
					Score: score(kr.Score), Fields: fields(kr.Fields)})
			}
			jp.Objectives = append(jp.Objectives, jo)
		}
		for _, k := range p.KPIs {
			jp.KPIs = append(jp.KPIs, jsonKPI{Kind: string(k.Kind), ID: k.ID, Name: k.Name, Value: score(k.Value), OldProblem: k.OldProblem, NewProblem: k.NewProblem, Fields: fields(k.Fields)})
		}
		out.Plans = append(out.Plans, jp)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}

func score(s plandiff.Score) jsonScore { return jsonScore{Old: s.Old, New: s.New, Delta: s.Delta()} }

func fields(fs []plandiff.Field) []jsonField {
	out := make([]jsonField, 0, len(fs))
	for _, f := range fs {
		out = append(out, jsonField{Field: f.Name, Old: f.Old, New: f.New, Delta: f.Delta, OldProblem: f.OldProblem, NewProblem: f.NewProblem})
	}
	return out
}
