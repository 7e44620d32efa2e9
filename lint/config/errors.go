package config

import (
	"fmt"
	"strings"
)

// Problem is one mistake in a configuration file. Line and Col are 1-based.
type Problem struct {
	File      string
	Line, Col int
	Message   string
}

func (p Problem) String() string {
	return fmt.Sprintf("%s:%d:%d: %s", p.File, p.Line, p.Col, p.Message)
}

// Error is every mistake found in a configuration file, in file order.
type Error struct {
	Problems []Problem
}

func (e *Error) Error() string {
	lines := make([]string, len(e.Problems))
	for i, p := range e.Problems {
		lines[i] = p.String()
	}
	return "invalid configuration:\n" + strings.Join(lines, "\n")
}
