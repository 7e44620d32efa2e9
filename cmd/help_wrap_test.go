package cmd

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/spf13/cobra"
)

// helpWidth is the width every command's long help is wrapped to.
const helpWidth = 92

// Every command's long help is wrapped the same way: no line is wider than helpWidth, and no line
// breaks early, where the next line's first word would still have fit.
func TestLongHelpIsWrapped(t *testing.T) {
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		lines := strings.Split(c.Long, "\n")
		for i, line := range lines {
			if n := utf8.RuneCountInString(line); n > helpWidth {
				t.Errorf("okr %s: help line %d is %d characters wide, more than %d:\n%s", c.Name(), i+1, n, helpWidth, line)
			}
			if i+1 == len(lines) || line == "" || lines[i+1] == "" || strings.HasPrefix(line, " ") ||
				strings.HasPrefix(lines[i+1], " ") || strings.HasPrefix(lines[i+1], "-") || strings.HasSuffix(line, ".") || strings.HasSuffix(line, ":") {
				continue // the end of a paragraph, or a list
			}
			next, _, _ := strings.Cut(lines[i+1], " ")
			if utf8.RuneCountInString(line)+1+utf8.RuneCountInString(next) <= helpWidth-12 {
				t.Errorf("okr %s: help line %d breaks early, before %q:\n%s", c.Name(), i+1, next, line)
			}
		}
		for _, sub := range c.Commands() {
			walk(sub)
		}
	}
	walk(NewRootCmd(&Env{}))
}
