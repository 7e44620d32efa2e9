package output

import (
	"encoding/json"
	"io"

	"github.com/okr-tool/okr/lint"
)

// jsonWriter writes the result as the JSON document of the plan format's output contract.
type jsonWriter struct{ w io.Writer }

type jsonFinding struct {
	File     string `json:"file"`
	Line     int    `json:"line"`
	Column   int    `json:"column"`
	Severity string `json:"severity"`
	Rule     string `json:"rule"`
	Message  string `json:"message"`
}

type jsonResult struct {
	Findings []jsonFinding `json:"findings"`
	Summary  lint.Summary  `json:"summary"`
}

func (j *jsonWriter) Write(res *lint.Result) error {
	out := jsonResult{Findings: make([]jsonFinding, 0, len(res.Findings)), Summary: res.Summary}
	for _, f := range res.Findings {
		out.Findings = append(out.Findings, jsonFinding{
			File: f.DisplayPath(), Line: int(f.Pos.Line), Column: int(f.Pos.Col),
			Severity: f.Severity.String(), Rule: f.Rule, Message: f.Message,
		})
	}
	enc := json.NewEncoder(j.w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}
