package lint

import (
	"cmp"
	"slices"
	"strings"

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

// SortFindings orders findings by file, line, column and rule.
func SortFindings(fs []Finding) {
	slices.SortStableFunc(fs, func(a, b Finding) int {
		return cmp.Or(
			strings.Compare(a.File, b.File),
			cmp.Compare(a.Pos.Line, b.Pos.Line),
			cmp.Compare(a.Pos.Col, b.Pos.Col),
			strings.Compare(a.Rule, b.Rule),
			strings.Compare(a.Message, b.Message),
		)
	})
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
}
