// Package format holds what the output formats of okr lint, okr report and okr diff share: the
// table of a command's formats (a name, the other names it answers to and a constructor each),
// the lookup of --format in it with one error message, and the decision of --color with the
// styles that honour it.
package format

import (
	"fmt"
	"slices"
	"strings"
)

// Format is one output format of a command: T is what the command writes with (a writer or a
// renderer), O the options every constructor of the command takes.
type Format[T, O any] struct {
	Name    string
	Aliases []string // other names --format accepts, not listed in help
	New     func(O) T
}

// Table is a command's formats, the default first.
type Table[T, O any] []Format[T, O]

// Names are the formats' names in order, the default first, for help texts and messages.
func (t Table[T, O]) Names() []string {
	names := make([]string, len(t))
	for i, f := range t {
		names[i] = f.Name
	}
	return names
}

// Lookup returns the format called name or one of its aliases; "" is the default, the first.
func (t Table[T, O]) Lookup(name string) (Format[T, O], error) {
	if name == "" && len(t) > 0 {
		return t[0], nil
	}
	for _, f := range t {
		if f.Name == name || slices.Contains(f.Aliases, name) {
			return f, nil
		}
	}
	return Format[T, O]{}, &UnknownError{Name: name, Known: t.Names()}
}

// New looks name up and constructs its format with opts.
func (t Table[T, O]) New(name string, opts O) (T, error) {
	f, err := t.Lookup(name)
	if err != nil {
		var zero T
		return zero, err
	}
	return f.New(opts), nil
}

// UnknownError is a --format that names no format of the command.
type UnknownError struct {
	Name  string
	Known []string
}

func (e *UnknownError) Error() string {
	return fmt.Sprintf("--format %q must be one of %s", e.Name, strings.Join(e.Known, ", "))
}
