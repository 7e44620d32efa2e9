package plan

import (
	"bytes"
	"strings"
)

const ignoreDirective = "okr:ignore"

// scanSuppressions finds the "# okr:ignore RULE[,RULE] reason" comments of a file. It reads the
// raw text line by line, treating "#" as a comment only outside quotes and at the start of a line
// or after a blank, as YAML does; a directive inside a block scalar's text would be taken too.
func scanSuppressions(data []byte) []Suppression {
	if !bytes.Contains(data, []byte(ignoreDirective)) {
		return nil
	}
	var out []Suppression
	line := 0
	for len(data) > 0 {
		line++
		var text []byte
		if i := bytes.IndexByte(data, '\n'); i >= 0 {
			text, data = data[:i], data[i+1:]
		} else {
			text, data = data, nil
		}
		col := commentStart(text)
		if col < 0 {
			continue
		}
		comment := strings.TrimSpace(strings.TrimLeft(string(text[col+1:]), "#"))
		rest, ok := strings.CutPrefix(comment, ignoreDirective)
		if !ok || (rest != "" && rest[0] != ' ' && rest[0] != '\t' && rest[0] != '=' && rest[0] != ':') {
			continue
		}
		rules, reason := splitRules(strings.TrimLeft(rest, "=: \t"))
		out = append(out, Suppression{
			Pos:     At(line, col+1),
			Rules:   rules,
			Reason:  strings.TrimSpace(strings.TrimLeft(reason, "-—:")),
			OwnLine: len(bytes.TrimSpace(text[:col])) == 0,
		})
	}
	return out
}

// commentStart returns the byte index of the "#" that starts a comment on the line, or -1.
func commentStart(line []byte) int {
	var quote byte
	for i := 0; i < len(line); i++ {
		c := line[i]
		switch {
		case quote == '"' && c == '\\':
			i++
		case quote != 0:
			if c == quote {
				if quote == '\'' && i+1 < len(line) && line[i+1] == '\'' {
					i++ // '' is an escaped quote inside single quotes
				} else {
					quote = 0
				}
			}
		case c == '"' || c == '\'':
			// A quote opens a string only where a value can start.
			if i == 0 || line[i-1] == ' ' || line[i-1] == '\t' || line[i-1] == '[' || line[i-1] == '{' || line[i-1] == ',' || line[i-1] == ':' {
				quote = c
			}
		case c == '#':
			if i == 0 || line[i-1] == ' ' || line[i-1] == '\t' {
				return i
			}
		}
	}
	return -1
}

// splitRules reads the comma-separated rule list at the start of s — "kr-count,kpi-count" or
// "kr-count, kpi-count" — and returns it with the rest of s, the reason.
func splitRules(s string) (rules []string, reason string) {
	for {
		s = strings.TrimLeft(s, " \t")
		end := strings.IndexAny(s, ", \t")
		if end < 0 {
			end = len(s)
		}
		if end > 0 {
			rules = append(rules, s[:end])
		}
		s = s[end:]
		rest := strings.TrimLeft(s, " \t")
		if !strings.HasPrefix(rest, ",") {
			return rules, strings.TrimSpace(rest)
		}
		s = rest[1:]
	}
}
