package plan

import "fmt"

// Rule IDs of the problems found while loading and linking plans. Their severities and
// documentation live with the other rules in package lint.
const (
	RuleYAMLSyntax  = "yaml-syntax"
	RuleSchema      = "schema"
	RuleDuplicateID = "duplicate-id"
	RuleReference   = "reference"
)

// Diagnostic is a problem found while loading or linking plans.
type Diagnostic struct {
	File    string // path relative to the repository root, with forward slashes
	Pos     Pos    // 1:1 when the problem concerns the whole file
	Rule    string
	Message string
}

func (d Diagnostic) String() string {
	return fmt.Sprintf("%s:%d:%d: %s [%s]", d.File, d.Pos.Line, d.Pos.Col, d.Message, d.Rule)
}
