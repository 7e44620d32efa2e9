package lint

import (
	"slices"

	"github.com/okr-tool/okr/plan"
)

// Finding is one problem reported by a rule.
type Finding struct {
	// File is the path relative to the repository root, with forward slashes.
	File string
	// Path is the path as shown to the user (relative to the working directory); set by the
	// caller, File when empty.
	Path     string
	Pos      plan.Pos
	Severity Severity
	Rule     string
	Message  string

	owners owners // the objects the finding belongs to, for suppressions
}

// DisplayPath returns Path, or File when Path is not set.
func (f Finding) DisplayPath() string {
	if f.Path != "" {
		return f.Path
	}
	return f.File
}

// SortFindings orders findings the way plan diagnostics are ordered: by file, line, column,
// rule and message.
func SortFindings(fs []Finding) {
	place := func(f Finding) plan.Diagnostic {
		return plan.Diagnostic{File: f.File, Pos: f.Pos, Rule: f.Rule, Message: f.Message}
	}
	slices.SortStableFunc(fs, func(a, b Finding) int { return place(a).Compare(place(b)) })
}

// sameFinding reports whether two findings say the same thing at the same place.
func sameFinding(a, b Finding) bool {
	return a.File == b.File && a.Pos == b.Pos && a.Rule == b.Rule && a.Message == b.Message
}

// Summary counts what a lint run looked at and found.
type Summary struct {
	Files    int `json:"files"`
	Plans    int `json:"plans"`
	Errors   int `json:"errors"`
	Warnings int `json:"warnings"`
}

// Result is the outcome of a lint run.
type Result struct {
	Findings []Finding
	Summary  Summary
	// Skipped are the rules that were on but did not run, because the history they require
	// could not be read (Options.HistoryProvider failed).
	Skipped []Skipped
}
