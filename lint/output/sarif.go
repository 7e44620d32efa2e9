package output

import (
	"encoding/json"
	"io"
	"net/url"
	"strings"

	"github.com/okr-tool/okr/lint"
)

// sarifWriter writes SARIF 2.1.0, the format GitHub code scanning and other tools ingest. Rules
// go into tool.driver.rules with their documentation; locations are URI references relative to
// %SRCROOT%: a finding's Path when set (okr lint sets it relative to the top of the git work
// tree, where code scanning resolves it), else its File.
type sarifWriter struct {
	w    io.Writer
	opts Options
}

const sarifSchema = "https://json.schemastore.org/sarif-2.1.0.json"

type sarifLog struct {
	Schema  string     `json:"$schema"`
	Version string     `json:"version"`
	Runs    []sarifRun `json:"runs"`
}

type sarifRun struct {
	Tool    sarifTool     `json:"tool"`
	Results []sarifResult `json:"results"`
}

type sarifTool struct {
	Driver sarifDriver `json:"driver"`
}

type sarifDriver struct {
	Name           string      `json:"name"`
	Version        string      `json:"version,omitempty"`
	InformationURI string      `json:"informationUri,omitempty"`
	Rules          []sarifRule `json:"rules"`
}

type sarifText struct {
	Text     string `json:"text"`
	Markdown string `json:"markdown,omitempty"`
}

type sarifRule struct {
	ID                   string      `json:"id"`
	Name                 string      `json:"name"`
	ShortDescription     sarifText   `json:"shortDescription"`
	FullDescription      sarifText   `json:"fullDescription"`
	Help                 sarifText   `json:"help"`
	DefaultConfiguration sarifConfig `json:"defaultConfiguration"`
}

type sarifConfig struct {
	Level string `json:"level"`
}

type sarifResult struct {
	RuleID    string          `json:"ruleId"`
	RuleIndex int             `json:"ruleIndex"`
	Level     string          `json:"level"`
	Message   sarifText       `json:"message"`
	Locations []sarifLocation `json:"locations"`
}

type sarifLocation struct {
	PhysicalLocation sarifPhysical `json:"physicalLocation"`
}

type sarifPhysical struct {
	ArtifactLocation sarifArtifact `json:"artifactLocation"`
	Region           sarifRegion   `json:"region"`
}

// sarifArtifact is where a file is: a URI reference relative to the root of the sources.
type sarifArtifact struct {
	URI       string `json:"uri"`
	URIBaseID string `json:"uriBaseId"`
}

type sarifRegion struct {
	StartLine   int `json:"startLine"`
	StartColumn int `json:"startColumn"`
}

func (s *sarifWriter) Write(res *lint.Result) error {
	rules := s.opts.Rules
	if rules == nil {
		rules = lint.Registry()
	}
	driver := sarifDriver{Name: "okr", Version: s.opts.Version, Rules: make([]sarifRule, 0, len(rules))}
	index := map[string]int{}
	for i, r := range rules {
		info := r.Info()
		index[info.ID] = i
		severity := info.Severity
		if sev, ok := s.opts.Severity[info.ID]; ok {
			severity = sev
		}
		driver.Rules = append(driver.Rules, sarifRule{
			ID:                   info.ID,
			Name:                 info.ID,
			ShortDescription:     sarifText{Text: info.Summary},
			FullDescription:      sarifText{Text: info.Rationale},
			Help:                 sarifText{Text: lint.HelpText(r), Markdown: lint.HelpMarkdown(r)},
			DefaultConfiguration: sarifConfig{Level: sarifLevel(severity)},
		})
	}
	run := sarifRun{Tool: sarifTool{Driver: driver}, Results: make([]sarifResult, 0, len(res.Findings))}
	for _, f := range res.Findings {
		run.Results = append(run.Results, sarifResult{
			RuleID:    f.Rule,
			RuleIndex: index[f.Rule],
			Level:     sarifLevel(f.Severity),
			Message:   sarifText{Text: f.Message},
			Locations: []sarifLocation{{PhysicalLocation: sarifPhysical{
				ArtifactLocation: sarifArtifact{URI: relativeURI(f.DisplayPath()), URIBaseID: "%SRCROOT%"},
				Region:           sarifRegion{StartLine: int(f.Pos.Line), StartColumn: int(f.Pos.Col)},
			}}},
		})
	}
	enc := json.NewEncoder(s.w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(sarifLog{Schema: sarifSchema, Version: "2.1.0", Runs: []sarifRun{run}})
}

// relativeURI renders a repository-relative path as a relative URI reference: escaped, and
// with "./" before a first segment that holds a colon, which would otherwise read as a scheme.
func relativeURI(file string) string {
	uri := (&url.URL{Path: file}).EscapedPath()
	if first, _, _ := strings.Cut(uri, "/"); strings.Contains(first, ":") {
		uri = "./" + uri
	}
	return uri
}

func sarifLevel(s lint.Severity) string {
	switch s {
	case lint.Error:
		return "error"
	case lint.Warning:
		return "warning"
	}
	return "none"
}
