package lint

import (
	"strconv"
	"strings"

	"github.com/okr-tool/okr/plan"
)

// Param is a number or setting of a rule that .okr.yaml can change. It points at the rule's own
// field, so setting it configures that rule instance; exactly one of Int, Frequency and Levels is
// set.
type Param struct {
	Name string // the key under the rule in .okr.yaml, e.g. "min"
	Doc  string // one line for the catalogue

	Int       *int
	Frequency *plan.Frequency
	Levels    *[]plan.Level
}

// Value renders the parameter's current value the way .okr.yaml spells it.
func (p Param) Value() string {
	switch {
	case p.Int != nil:
		return strconv.Itoa(*p.Int)
	case p.Frequency != nil:
		return string(*p.Frequency)
	case p.Levels != nil:
		names := make([]string, len(*p.Levels))
		for i, l := range *p.Levels {
			names[i] = string(l)
		}
		return "[" + strings.Join(names, ", ") + "]"
	}
	return ""
}

// Configurable is implemented by rules that have numbers or settings .okr.yaml can change.
type Configurable interface {
	Rule
	// Params returns the rule's parameters, pointing at its fields.
	Params() []Param
	// Validate checks the parameters together (e.g. min <= max) after they were set; the error
	// says what to change.
	Validate() error
}
