// Package yamlx holds the small helpers over go.yaml.in/yaml/v3 nodes and errors that the plan
// decoder and the configuration decoder share, so that both read YAML the same way and word its
// syntax errors the same way.
package yamlx

import (
	"bytes"
	"errors"
	"io"
	"regexp"
	"strconv"

	"go.yaml.in/yaml/v3"
)

// maxAliasHops bounds how many aliases Resolve follows in a row.
const maxAliasHops = 16

// Resolve follows an alias to the node it names (an alias of an alias too, up to a bound), and
// returns any other node as it is.
func Resolve(n *yaml.Node) *yaml.Node {
	for hops := 0; n != nil && n.Kind == yaml.AliasNode && n.Alias != nil && hops < maxAliasHops; hops++ {
		n = n.Alias
	}
	return n
}

// IsNull reports whether n is a null scalar: "~", "null" or nothing at all.
func IsNull(n *yaml.Node) bool { return n.Kind == yaml.ScalarNode && n.Tag == "!!null" }

var lineInError = regexp.MustCompile(`^yaml: line (\d+): `)

// SyntaxError turns an error of the YAML parser over data into the position it points at (1-based
// line and column) and the message to show for it. The parser names a line but no column, so the
// column is that of the line's first non-blank character; without a line it is 1:1.
func SyntaxError(err error, data []byte) (line, col int, message string) {
	msg := err.Error()
	line, col = 1, 1
	if m := lineInError.FindStringSubmatch(msg); m != nil {
		line, _ = strconv.Atoi(m[1])
		col = firstNonBlank(data, line)
		msg = msg[len(m[0]):]
	}
	if len(msg) > 5 && msg[:6] == "yaml: " {
		msg = msg[6:]
	}
	return line, col, "invalid YAML: " + msg + "; fix the YAML syntax there"
}

// firstNonBlank is the 1-based column of the first character of a line that is not a space or a
// tab; 1 for a blank line or one past the end.
func firstNonBlank(data []byte, line int) int {
	// Find the start of the line, counting "\r\n", "\r" and "\n" as line breaks as YAML does.
	for l := 1; l < line && len(data) > 0; {
		i := bytes.IndexAny(data, "\r\n")
		if i < 0 {
			return 1
		}
		if data[i] == '\r' && i+1 < len(data) && data[i+1] == '\n' {
			i++
		}
		data = data[i+1:]
		l++
	}
	for col, b := range data {
		if b != ' ' && b != '\t' {
			if b == '\n' || b == '\r' {
				return 1
			}
			return col + 1
		}
	}
	return 1
}

// SecondDocument looks for a second YAML document in data, which is read as one document: ok is
// true when there is one, and line and col (1-based) are where it starts, at its "---". err is a
// syntax error met on the way, for SyntaxError. The rest of data is parsed only when a document
// marker ("---" or "...") starts a line at all.
func SecondDocument(data []byte) (line, col int, ok bool, err error) {
	if !hasDocumentMarker(data) {
		return 0, 0, false, nil
	}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var first, extra yaml.Node
	if err := dec.Decode(&first); err != nil {
		if errors.Is(err, io.EOF) {
			err = nil
		}
		return 0, 0, false, err
	}
	switch err := dec.Decode(&extra); {
	case err == nil:
		return max(extra.Line, 1), max(extra.Column, 1), true, nil
	case errors.Is(err, io.EOF):
		return 0, 0, false, nil
	default:
		return 0, 0, false, err
	}
}

// hasDocumentMarker reports whether a line starts with "---" or "...", the YAML document markers.
func hasDocumentMarker(data []byte) bool {
	for _, marker := range [][]byte{[]byte("---"), []byte("...")} {
		if bytes.HasPrefix(data, marker) || bytes.Contains(data, append([]byte("\n"), marker...)) {
			return true
		}
	}
	return false
}
