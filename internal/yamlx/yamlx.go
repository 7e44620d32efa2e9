// Package yamlx holds the small helpers over go.yaml.in/yaml/v3 nodes and errors that the plan
// decoder and the configuration decoder share, so that both read YAML the same way and word its
// syntax errors the same way.
package yamlx

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

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

// SyntaxError turns an error of the YAML parser over data into the position of the problem (1-based
// line and column, in characters) and the message to show for it.
//
// The library's error names only a line, and the line of the wrong mark: that of the context (the
// start of the scalar, mapping or flow collection being read), one too low for parser errors. The
// problem is where the parser stops, so it is found as the end of the shortest prefix of data that
// fails with the same error. An unclosed flow collection is reported at its "[" or "{", and an
// unclosed quoted value at its quote: those are what to fix.
func SyntaxError(err error, data []byte) (line, col int, message string) {
	full := err.Error()
	msg, reported := full, 0
	if m := lineInError.FindStringSubmatch(msg); m != nil {
		msg = msg[len(m[0]):]
		reported, _ = strconv.Atoi(m[1])
	}
	msg = strings.TrimPrefix(msg, "yaml: ")
	at := lineStart(data, reported)
	if len(data) <= maxSearched {
		at = problemOffset(data, full)
	}
	switch {
	case strings.HasPrefix(msg, "did not find expected ',' or "):
		at = flowOpener(data, at, reported)
	case msg == "did not find expected node content" && len(bytes.TrimSpace(data[at:])) == 0:
		// The file ends in a flow collection: the "[" or "{" is what to fix.
		if open := scanText(data).open; len(open) > 0 {
			at = open[len(open)-1]
		}
	case msg == "found unexpected end of stream" || msg == "found unexpected document indicator":
		if quote := scanText(data[:min(at+1, len(data))]).quote; quote >= 0 {
			at = quote
		}
	case msg == "could not find expected ':'", strings.HasPrefix(msg, "unknown anchor"):
		// The problem is the key that has no ":", or the alias; go back to where it starts.
		for at > 0 && !bytes.ContainsAny(data[at-1:at], " \t\r\n[{,") {
			at--
		}
	}
	line, col = position(data, at)
	hint := syntaxHint(msg, data, at)
	// A quote too many or too few earlier makes a quoted value run on over lines and end where
	// another quote was meant to open one: the problem shows right after it.
	if t := scanText(data[:at]); t.lastQuote >= 0 && len(bytes.TrimRight(data[t.lastQuoteAt+1:at], " \t")) == 0 {
		if from, _ := position(data, t.lastQuote); from < line {
			hint += fmt.Sprintf("; the quoted value before it starts on line %d: is a quote missing or extra there?", from)
		}
	}
	return line, col, "invalid YAML: " + msg + "; " + hint
}

// maxSearched is the size of the largest file whose syntax error is looked for by parsing its
// prefixes (a bisection costs about twenty parses). Plans and configurations are a few kilobytes;
// in a larger file the error is placed at the start of the line the parser names.
const maxSearched = 256 << 10

// lineStart is the offset of the start of the 1-based line in data, 0 for line 0 or 1, and the
// end of data past its last line.
func lineStart(data []byte, line int) int {
	at := 0
	for l := 1; l < line; l++ {
		i := bytes.IndexAny(data[at:], "\r\n")
		if i < 0 {
			return len(data)
		}
		at += i + 1
		if data[at-1] == '\r' && at < len(data) && data[at] == '\n' {
			at++
		}
	}
	return at
}

// problemOffset is the byte offset of the character at which parsing data fails with the error
// message full: the last byte of the shortest prefix of data that fails the same way, found by
// bisection (a handful of parses, on files that fail only).
func problemOffset(data []byte, full string) int {
	same := func(n int) bool {
		// Every document is read: the error may come from one after the first.
		dec := yaml.NewDecoder(bytes.NewReader(data[:n]))
		for {
			var doc yaml.Node
			if err := dec.Decode(&doc); err != nil {
				return err.Error() == full
			}
		}
	}
	lo, hi := 0, len(data) // same(hi) holds (the whole of data), same(lo) does not.
	if same(lo) {
		return 0
	}
	for hi-lo > 1 {
		mid := lo + (hi-lo)/2
		if same(mid) {
			hi = mid
		} else {
			lo = mid
		}
	}
	// hi is the shortest failing prefix; its last byte is where the problem starts, moved back to
	// the start of its character.
	at := hi - 1
	for at > 0 && !utf8.RuneStart(data[at]) {
		at--
	}
	return max(at, 0)
}

// position is the 1-based line and column (in characters) of the byte at offset in data, counting
// "\r\n", "\r" and "\n" as line breaks as YAML does. A line break itself counts as the column after
// the line's last character.
func position(data []byte, offset int) (line, col int) {
	line, col = 1, 1
	offset = min(offset, len(data))
	for i := 0; i < offset; {
		switch b := data[i]; {
		case b == '\r' && i+1 < len(data) && data[i+1] == '\n':
			if i+1 == offset {
				return line, col
			}
			line, col, i = line+1, 1, i+2
		case b == '\r' || b == '\n':
			line, col, i = line+1, 1, i+1
		default:
			_, size := utf8.DecodeRune(data[i:])
			col, i = col+1, i+size
		}
	}
	return line, col
}

// flowOpener is the offset of the "[" or "{" that a flow collection not closed starts at, for a
// parser error reported on line reported and found at offset at. The parser names the line of the
// collection it was reading, less one (its lines count from 0 there), or, when that is the first
// line, the line before the problem's: so the innermost collection left open in the file that
// starts on the line after reported is the one, or else the innermost one open at the problem.
func flowOpener(data []byte, at, reported int) int {
	open := scanText(data).open
	for i := len(open) - 1; i >= 0; i-- {
		if line, _ := position(data, open[i]); line == reported+1 {
			return open[i]
		}
	}
	if open := scanText(data[:at]).open; len(open) > 0 {
		return open[len(open)-1]
	}
	return at
}

// text is what scanText finds in YAML text: the "[" and "{" still open at its end, outermost
// first; the quote that opens a quoted value not closed by then, or -1; and the offsets of the
// quotes that open and close the last quoted value that is closed, or -1.
type text struct {
	open                   []int
	quote                  int
	lastQuote, lastQuoteAt int
}

// scanText reads data as YAML does enough to skip comments, quoted values and brackets inside
// plain text. Outside brackets, a bracket or a quote opens a value only where a value starts.
func scanText(data []byte) text {
	t := text{quote: -1, lastQuote: -1, lastQuoteAt: -1}
	valueStart := true // at a place where a value may start (outside brackets)
	for i := 0; i < len(data); i++ {
		b := data[i]
		switch {
		case b == '\n' || b == '\r':
			valueStart = true
		case b == ' ' || b == '\t':
		case b == '#' && (i == 0 || bytes.ContainsAny(data[i-1:i], " \t\r\n")):
			for i+1 < len(data) && data[i+1] != '\n' && data[i+1] != '\r' {
				i++
			}
		case (b == '"' || b == '\'') && (valueStart || len(t.open) > 0):
			end := quotedEnd(data, i)
			if end < 0 {
				t.quote = i // not closed
				return t
			}
			t.lastQuote, t.lastQuoteAt = i, end
			i, valueStart = end, false
		case (b == '[' || b == '{') && (valueStart || len(t.open) > 0):
			t.open = append(t.open, i)
		case (b == ']' || b == '}') && len(t.open) > 0:
			t.open = t.open[:len(t.open)-1]
		case len(t.open) > 0:
		default:
			// Outside brackets, a value may start after "key: ", "- " or "? ".
			blank := i+1 >= len(data) || bytes.ContainsAny(data[i+1:i+2], " \t\r\n")
			valueStart = (b == ':' || b == '-' || b == '?') && blank
		}
	}
	return t
}

// quotedEnd is the offset of the quote that closes the quoted value opening at data[i], or -1 when
// it is not closed.
func quotedEnd(data []byte, i int) int {
	q := data[i]
	for j := i + 1; j < len(data); j++ {
		switch {
		case q == '"' && data[j] == '\\':
			j++
		case data[j] == q && q == '\'' && j+1 < len(data) && data[j+1] == '\'':
			j++
		case data[j] == q:
			return j
		}
	}
	return -1
}

// syntaxHint says what to do about the parser's problem msg found at offset at of data.
func syntaxHint(msg string, data []byte, at int) string {
	var c byte
	if at < len(data) {
		c = data[at]
	}
	switch {
	case strings.Contains(msg, "tab character"), msg == "found character that cannot start any token" && c == '\t':
		return "YAML indents with spaces only: replace the tab with spaces"
	case msg == "found character that cannot start any token":
		return fmt.Sprintf("a value cannot start with %q: put the value in quotes", rune(c))
	case strings.HasPrefix(msg, "did not find expected ',' or "),
		msg == "did not find expected node content" && (c == '[' || c == '{'):
		closer := "]"
		if c == '{' {
			closer = "}"
		}
		return fmt.Sprintf("this %q is not closed: close it with %q, or put the whole value in quotes if the %q is part of the text",
			rune(c), closer, rune(c))
	case (msg == "found unexpected end of stream" || msg == "found unexpected document indicator") && (c == '"' || c == '\''):
		return fmt.Sprintf("this quote is not closed: end the value with %c", c)
	case msg == "mapping values are not allowed in this context":
		return "a value that contains \": \" must be put in quotes; otherwise this line is indented deeper than its key"
	case msg == "block sequence entries are not allowed in this context":
		return "a list item (\"- \") starts a line of its own, under its key and indented deeper than it"
	case msg == "did not find expected key", msg == "did not find expected '-' indicator":
		return "this line is not indented like the lines it belongs to: line it up with the keys or list items above"
	case msg == "did not find expected alphabetic or numeric character" && (c == '&' || c == '*'):
		return "\"&\" starts an anchor and \"*\" an alias, each followed by a name: put a value that starts with " +
			string(c) + " in quotes"
	case strings.HasPrefix(msg, "unknown anchor"):
		return "an alias (*name) needs an anchor (&name) above it in the file: add the anchor or fix the name"
	case msg == "could not find expected ':'":
		return "a key needs \":\" after it, or text that goes on from the line above must be indented deeper than its key"
	}
	return "fix the YAML syntax there"
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
