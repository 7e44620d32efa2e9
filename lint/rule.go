// Package lint checks plans against the rules of good OKR practice. Each rule is a small type
// that visits the parts of a plan it cares about; the engine walks every plan once and hands each
// part to the rules that want it.
//
// A rule is one file, rule_<id>.go: a type that embeds base, a constructor that fills in its
// Info (ID, default severity, summary, rationale, the articles it cites, a Bad example with the
// BadFindings okr reports for it, and a Good example), and its visit methods. The examples are
// its tests (TestExamples runs every registered rule's). Adding a rule touches that file, one
// line in Registry, and docs/rules.md, which go test ./lint -update regenerates.
package lint

import (
	"fmt"
	"strings"

	"github.com/okr-tool/okr/plan"
)

// Severity is how serious a finding is. Off disables a rule.
type Severity int

// Severities, from "not reported" to "fails the build".
const (
	Off Severity = iota
	Warning
	Error
)

func (s Severity) String() string {
	switch s {
	case Warning:
		return "warning"
	case Error:
		return "error"
	}
	return "off"
}

// Severities are the names ParseSeverity accepts, for messages and suggestions.
var Severities = []string{"error", "warning", "off"}

// ParseSeverity parses "error", "warning" or "off".
func ParseSeverity(s string) (Severity, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "error":
		return Error, nil
	case "warning", "warn":
		return Warning, nil
	case "off":
		return Off, nil
	}
	return Off, fmt.Errorf("severity %q must be error, warning or off", s)
}

// Info documents a rule. The catalogue in docs/rules.md is generated from it.
type Info struct {
	ID string
	// Aliases are former IDs of the rule: .okr.yaml (rules:), # okr:ignore and okr rules still
	// accept them and mean the rule.
	Aliases  []string
	Severity Severity // default severity
	// Summary is one line: what the rule checks.
	Summary string
	// Rationale explains why, naming the article it comes from and the idea of the passage.
	Rationale string
	// Sources are the articles the rule comes from (see sources.go).
	Sources []Source
	// Requires names what the rule needs beyond the plan files (RequiresGit or
	// RequiresPullRequest); the engine runs such a rule only when Options.History provides it,
	// and its examples are documentation rather than tests.
	Requires string
	// Bad makes the rule fire; Good keeps it quiet. Each is a small plan repository. They are the
	// rule's tests: TestExamples runs every registered rule's examples.
	Bad, Good Example
	// BadFindings is what okr lint reports for Bad, one "path:line:col: severity: message [rule]"
	// line each (RunExample), for the findings of this rule. A rule that Requires something has
	// none: its examples are described rather than run.
	BadFindings []string
}

// What a rule may require beyond the plan files (Info.Requires).
const (
	// RequiresGit: the plans' git history (Options.History).
	RequiresGit = "git"
	// RequiresPullRequest: the plans' git history compared with a base revision
	// (okr lint --new-from-rev; Options.History with a Base).
	RequiresPullRequest = "pull-request"
)

// RunsOnly says when a rule that requires something (Info.Requires) runs, to complete "This
// rule runs only …".
func RunsOnly(requires string) string {
	if requires == RequiresPullRequest {
		return "in pull-request mode, okr lint --new-from-rev REV, which compares the plans with their git history"
	}
	return "on plans in a git repository, whose history it reads"
}

// Example is a small plan repository used to document and test a rule: one or more files.
type Example []ExampleFile

// ExampleFile is one file of an Example.
type ExampleFile struct {
	Path string // repository-relative, with forward slashes
	Text string
}

// onePlan is an Example made of a single file, plan.yaml.
func onePlan(text string) Example { return Example{{Path: "plan.yaml", Text: text}} }

// Rule is a lint rule. Besides Info, a rule implements one or more of the visitor interfaces
// below; rules whose findings come from loading (yaml-syntax, schema, …) implement none.
type Rule interface {
	Info() *Info
}

// PlanVisitor is implemented by rules that check a plan as a whole.
type PlanVisitor interface {
	VisitPlan(c *Context, p *plan.Plan)
}

// KPIVisitor is implemented by rules that check each KPI of a plan.
type KPIVisitor interface {
	VisitKPI(c *Context, k *plan.KPI)
}

// ObjectiveVisitor is implemented by rules that check each objective.
type ObjectiveVisitor interface {
	VisitObjective(c *Context, o *plan.Objective)
}

// KeyResultVisitor is implemented by rules that check each key result.
type KeyResultVisitor interface {
	VisitKeyResult(c *Context, kr *plan.KeyResult)
}

// RepositoryVisitor is implemented by cross-plan rules; it is called once, after the plans.
type RepositoryVisitor interface {
	VisitRepository(c *Context, r *plan.Repository)
}

// loadRule documents a rule whose findings are the diagnostics of loading and linking.
type loadRule struct{ base }

// base is embedded in every rule: it holds the rule's ID, default severity, documentation and
// examples, and gives the rule its Info method. A rule's constructor fills it in:
//
//	return &myRule{base: base{ID: "my-rule", Severity: Warning, …}}
type base Info

// Info returns the rule's documentation; the engine and configuration may change its Severity.
func (b *base) Info() *Info { return (*Info)(b) }
