// Package edit changes plan files without disturbing them: it sets a value where the YAML parser
// found it, splicing only that value's bytes, and inserts a missing key in the style of the
// mapping it goes into, so that comments, order, quoting, blank lines and line endings stay as
// the author wrote them. WriteFile is the one safe way okr writes any file.
package edit

import (
	"bytes"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// Doc is one YAML file being edited. Edits are recorded against the original text and applied
// together by Bytes, so the positions the parser reported stay valid for every edit.
type Doc struct {
	data    []byte
	root    *yaml.Node
	lines   []int // byte offset where each line starts; lines[0] is line 1
	eol     string
	splices []splice
	// inserted maps a key inserted into a mapping to its splice, so that setting it again
	// replaces the insertion instead of adding the key twice.
	inserted map[insertion]int
}

type insertion struct {
	m   *yaml.Node
	key string
}

// splice replaces data[start:end] with text; an insertion has start == end.
type splice struct {
	start, end int
	text       string
	seq        int
}

// Parse reads a YAML document for editing. A file with a syntax error cannot be edited.
func Parse(data []byte) (*Doc, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, err
	}
	root := &doc
	if root.Kind == yaml.DocumentNode && len(root.Content) == 1 {
		root = root.Content[0]
	}
	d := &Doc{data: data, root: root, eol: "\n"}
	if bytes.Contains(data, []byte("\r\n")) {
		d.eol = "\r\n"
	}
	d.lines = append(d.lines, 0)
	for i := 0; i < len(data); i++ {
		switch data[i] {
		case '\r':
			if i+1 < len(data) && data[i+1] == '\n' {
				i++
			}
			d.lines = append(d.lines, i+1)
		case '\n':
			d.lines = append(d.lines, i+1)
		}
	}
	return d, nil
}

// Root returns the document's top-level node, usually a mapping.
func (d *Doc) Root() *yaml.Node { return d.root }

// Value is a scalar to write: a number, a boolean or a string.
type Value struct {
	text string // the value as a string (a number or boolean already formatted)
	str  bool   // a string, which may need quotes
}

// MappingAt returns the mapping of the document that starts at line and column (1-based, as
// yaml.Node and plan.Pos count them), or nil: the node to Set a plan element's fields in.
func (d *Doc) MappingAt(line, col int) *yaml.Node { return mappingAt(d.root, line, col) }

func mappingAt(n *yaml.Node, line, col int) *yaml.Node {
	if n.Kind == yaml.MappingNode && n.Line == line && n.Column == col {
		return n
	}
	for _, c := range n.Content {
		if m := mappingAt(c, line, col); m != nil {
			return m
		}
	}
	return nil
}

// Number is a number value, written the way a person would type it: 9.8, 25, 0.6.
func Number(x float64) Value { return Value{text: strconv.FormatFloat(x, 'f', -1, 64)} }

// Bool is a true or false value.
func Bool(b bool) Value { return Value{text: strconv.FormatBool(b)} }

// String is a text value; it is quoted only when it would not read back as the same text.
func String(s string) Value { return Value{text: s, str: true} }

// Set sets key in mapping m to v. When the key is there, only its value's bytes change; when it
// is missing, it is inserted in the mapping's own style: a line of its own with the siblings'
// indentation in a block mapping, ", key: value" in a flow mapping. order is the documented
// order of the mapping's keys: a new key goes after the last present key that comes before it
// there (else after the last key).
func (d *Doc) Set(m *yaml.Node, key string, v Value, order []string) error {
	if m == nil || m.Kind != yaml.MappingNode {
		return errors.New("can only set a key in a mapping")
	}
	flow := m.Style&yaml.FlowStyle != 0
	for i := 0; i+1 < len(m.Content); i += 2 {
		k, val := m.Content[i], m.Content[i+1]
		if k.Kind != yaml.ScalarNode || k.Value != key {
			continue
		}
		return d.replace(k, val, v, flow)
	}
	return d.insert(m, key, v, order, flow)
}

func (d *Doc) replace(k, val *yaml.Node, v Value, flow bool) error {
	if val.Kind != yaml.ScalarNode && val.Kind != yaml.AliasNode {
		return fmt.Errorf("line %d: %s holds a %s, not a single value; edit it by hand", k.Line, k.Value, kindName(val))
	}
	text, err := render(v, val, flow)
	if err != nil {
		return err
	}
	if val.Kind == yaml.ScalarNode && val.Value == "" && val.Tag == "!!null" {
		// "key:" with nothing after it: write the value after the colon.
		_, keyEnd, err := d.span(k, 0)
		if err != nil {
			return err
		}
		colon := keyEnd
		for colon < len(d.data) && (d.data[colon] == ' ' || d.data[colon] == '\t') {
			colon++
		}
		if colon >= len(d.data) || d.data[colon] != ':' {
			return fmt.Errorf("line %d: cannot find the colon after %s", k.Line, k.Value)
		}
		d.add(colon+1, colon+1, " "+text)
		return nil
	}
	start, end, err := d.span(val, k.Column)
	if err != nil {
		return err
	}
	d.add(start, end, text)
	return nil
}

func (d *Doc) insert(m *yaml.Node, key string, v Value, order []string, flow bool) error {
	text, err := render(v, nil, flow)
	if err != nil {
		return err
	}
	if i, ok := d.inserted[insertion{m, key}]; ok {
		// Set twice: the second value replaces the first in the inserted text.
		old := d.splices[i].text
		at := strings.Index(old, key+": ")
		end := len(old)
		if flow {
			end = len(old)
		} else if e := strings.Index(old[at:], "\n"); e >= 0 {
			end = at + e
			if strings.HasSuffix(old[:end], "\r") {
				end--
			}
		}
		d.splices[i].text = old[:at+len(key)+2] + text + old[end:]
		return nil
	}
	n := len(d.splices)
	if err := d.insertNew(m, key, text, order, flow); err != nil {
		return err
	}
	if len(d.splices) == n+1 {
		if d.inserted == nil {
			d.inserted = map[insertion]int{}
		}
		d.inserted[insertion{m, key}] = n
	}
	return nil
}

// insertNew adds a key that is not in the mapping yet.
func (d *Doc) insertNew(m *yaml.Node, key, text string, order []string, flow bool) error {
	if len(m.Content) < 2 {
		if !flow {
			return fmt.Errorf("line %d: cannot add %s to an empty mapping", m.Line, key)
		}
		open, err := d.offset(m.Line, m.Column)
		if err != nil {
			return err
		}
		d.add(open+1, open+1, key+": "+text)
		return nil
	}
	after := len(m.Content) - 2
	if want := slices.Index(order, key); want >= 0 {
		best := -1
		for i := 0; i+1 < len(m.Content); i += 2 {
			if at := slices.Index(order, m.Content[i].Value); at >= 0 && at < want {
				best = i
			}
		}
		if best >= 0 {
			after = best
		}
	}
	end, err := d.end(m.Content[after+1], m.Content[after].Column)
	if err != nil {
		return err
	}
	if flow {
		d.add(end, end, ", "+key+": "+text)
		return nil
	}
	line := d.lineOf(end)
	indent := strings.Repeat(" ", m.Content[0].Column-1)
	if line+1 < len(d.lines) {
		at := d.lines[line+1]
		d.add(at, at, indent+key+": "+text+d.eol)
		return nil
	}
	// The value is on the last line, which has no line break.
	d.add(len(d.data), len(d.data), d.eol+indent+key+": "+text)
	return nil
}

// add records a splice; a second edit of the same bytes replaces the first.
func (d *Doc) add(start, end int, text string) {
	for i, s := range d.splices {
		if s.start == start && s.end == end && start != end {
			d.splices[i].text = text
			return
		}
	}
	d.splices = append(d.splices, splice{start: start, end: end, text: text, seq: len(d.splices)})
}

// Changed reports whether any edit was recorded.
func (d *Doc) Changed() bool { return len(d.splices) > 0 }

// Bytes returns the file with every edit applied.
func (d *Doc) Bytes() []byte {
	ss := slices.Clone(d.splices)
	slices.SortFunc(ss, func(a, b splice) int {
		if a.start != b.start {
			return a.start - b.start
		}
		return a.seq - b.seq
	})
	var out bytes.Buffer
	out.Grow(len(d.data) + 64)
	at := 0
	for _, s := range ss {
		if s.start < at {
			continue // overlapping edits cannot happen through Set; keep the first
		}
		out.Write(d.data[at:s.start])
		out.WriteString(s.text)
		at = s.end
	}
	out.Write(d.data[at:])
	return out.Bytes()
}

// offset turns a parser position (1-based line, 1-based column counted in characters) into a
// byte offset.
func (d *Doc) offset(line, col int) (int, error) {
	if line < 1 || line > len(d.lines) {
		return 0, fmt.Errorf("line %d is outside the file", line)
	}
	at := d.lines[line-1]
	for c := 1; c < col; c++ {
		if at >= len(d.data) {
			return 0, fmt.Errorf("line %d has no column %d", line, col)
		}
		_, size := utf8.DecodeRune(d.data[at:])
		at += size
	}
	return at, nil
}

// lineOf returns the 0-based line that holds byte offset at.
func (d *Doc) lineOf(at int) int {
	i, found := slices.BinarySearch(d.lines, at)
	if found {
		return i
	}
	return i - 1
}

// span returns the bytes of a scalar or alias node: from its first character (after any anchor
// or tag) to its last. keyCol is the column of the key it belongs to, which bounds a block
// scalar; 0 when unknown.
func (d *Doc) span(n *yaml.Node, keyCol int) (int, int, error) {
	start, err := d.offset(n.Line, n.Column)
	if err != nil {
		return 0, 0, err
	}
	if n.Kind == yaml.AliasNode {
		end := start + 1 + len(n.Value)
		if end > len(d.data) || d.data[start] != '*' {
			return 0, 0, fmt.Errorf("line %d: cannot find the alias *%s", n.Line, n.Value)
		}
		return start, end, nil
	}
	// Skip an anchor (&a) and a tag (!!str) in front of the value.
	for start < len(d.data) && (d.data[start] == '&' || d.data[start] == '!') {
		for start < len(d.data) && !isSpace(d.data[start]) {
			start++
		}
		for start < len(d.data) && (d.data[start] == ' ' || d.data[start] == '\t') {
			start++
		}
	}
	switch {
	case n.Style&yaml.DoubleQuotedStyle != 0:
		for i := start + 1; i < len(d.data); i++ {
			switch d.data[i] {
			case '\\':
				i++
			case '"':
				return start, i + 1, nil
			}
		}
	case n.Style&yaml.SingleQuotedStyle != 0:
		for i := start + 1; i < len(d.data); i++ {
			if d.data[i] == '\'' {
				if i+1 < len(d.data) && d.data[i+1] == '\'' {
					i++
					continue
				}
				return start, i + 1, nil
			}
		}
	case n.Style&(yaml.LiteralStyle|yaml.FoldedStyle) != 0:
		return start, d.blockEnd(start, keyCol), nil
	default:
		end := start + len(n.Value)
		if end <= len(d.data) && string(d.data[start:end]) == n.Value {
			return start, end, nil
		}
		return 0, 0, fmt.Errorf("line %d: the value spans several lines; edit it by hand", n.Line)
	}
	return 0, 0, fmt.Errorf("line %d: cannot find the end of the quoted value", n.Line)
}

// blockEnd finds the end of a literal or folded block scalar whose indicator is at start: the
// end of its last non-blank line indented deeper than the key at keyCol.
func (d *Doc) blockEnd(start, keyCol int) int {
	line := d.lineOf(start)
	end := d.lineEnd(line)
	for l := line + 1; l < len(d.lines); l++ {
		text := d.data[d.lines[l]:d.lineEnd(l)]
		trimmed := bytes.TrimLeft(text, " ")
		if len(bytes.TrimSpace(text)) == 0 {
			continue
		}
		if len(text)-len(trimmed) < keyCol { // indentation of keyCol-1 or less ends the block
			break
		}
		end = d.lineEnd(l)
	}
	return end
}

// lineEnd returns the offset of the line break that ends 0-based line l (or the end of data).
func (d *Doc) lineEnd(l int) int {
	end := len(d.data)
	if l+1 < len(d.lines) {
		end = d.lines[l+1]
	}
	for end > d.lines[l] && (d.data[end-1] == '\n' || d.data[end-1] == '\r') {
		end--
	}
	return end
}

// end returns the offset just after the last character of a value, however deeply nested.
func (d *Doc) end(n *yaml.Node, keyCol int) (int, error) {
	switch n.Kind {
	case yaml.ScalarNode, yaml.AliasNode:
		if n.Kind == yaml.ScalarNode && n.Value == "" && n.Tag == "!!null" {
			// An empty value: the key's line ends it.
			at, err := d.offset(n.Line, n.Column)
			if err != nil {
				return 0, err
			}
			return min(at, d.lineEnd(d.lineOf(at))), nil
		}
		_, end, err := d.span(n, keyCol)
		return end, err
	case yaml.MappingNode, yaml.SequenceNode:
		if n.Style&yaml.FlowStyle != 0 {
			return d.flowEnd(n)
		}
		if len(n.Content) == 0 {
			return 0, fmt.Errorf("line %d: an empty block collection", n.Line)
		}
		last := n.Content[len(n.Content)-1]
		col := last.Column
		if n.Kind == yaml.MappingNode && len(n.Content) >= 2 {
			col = n.Content[len(n.Content)-2].Column
		}
		return d.end(last, col)
	}
	return 0, fmt.Errorf("line %d: cannot find the end of the value", n.Line)
}

// flowEnd finds the bracket that closes a flow collection.
func (d *Doc) flowEnd(n *yaml.Node) (int, error) {
	start, err := d.offset(n.Line, n.Column)
	if err != nil {
		return 0, err
	}
	for start < len(d.data) && d.data[start] != '{' && d.data[start] != '[' {
		start++ // past an anchor or tag
	}
	depth := 0
	for i := start; i < len(d.data); i++ {
		switch c := d.data[i]; c {
		case '{', '[':
			depth++
		case '}', ']':
			depth--
			if depth == 0 {
				return i + 1, nil
			}
		case '"', '\'':
			for i++; i < len(d.data) && d.data[i] != c; i++ {
				if c == '"' && d.data[i] == '\\' {
					i++
				}
			}
		case '#':
			if i > 0 && isSpace(d.data[i-1]) {
				for i < len(d.data) && d.data[i] != '\n' {
					i++
				}
			}
		}
	}
	return 0, fmt.Errorf("line %d: the flow collection is not closed", n.Line)
}

func isSpace(b byte) bool { return b == ' ' || b == '\t' || b == '\n' || b == '\r' }

// Text returns a string as a YAML value for a new block mapping entry: plain when YAML reads it
// back as the same string, double-quoted otherwise. It is how check-ins write strings, for tools
// that write new plan text.
func Text(s string) string {
	if t, err := render(String(s), nil, false); err == nil {
		return t
	}
	return strconv.Quote(s)
}

// render writes v as YAML text for a value in a block or flow context. A string keeps the
// quoting of the value it replaces (old) when that quoting can hold it, is written plain when it
// reads back as the same string, and is double-quoted otherwise.
func render(v Value, old *yaml.Node, flow bool) (string, error) {
	if !v.str {
		return v.text, nil
	}
	var candidates []string
	if old != nil && old.Kind == yaml.ScalarNode {
		switch {
		case old.Style&yaml.SingleQuotedStyle != 0:
			candidates = append(candidates, "'"+strings.ReplaceAll(v.text, "'", "''")+"'")
		case old.Style&yaml.DoubleQuotedStyle != 0:
			candidates = append(candidates, strconv.Quote(v.text))
		}
	}
	candidates = append(candidates, v.text, strconv.Quote(v.text))
	for _, c := range candidates {
		if readsAs(c, v.text, flow) {
			return c, nil
		}
	}
	return "", fmt.Errorf("cannot write %q as a YAML value", v.text)
}

// readsAs reports whether text, written as a mapping value, parses to the string s.
func readsAs(text, s string, flow bool) bool {
	if strings.ContainsAny(text, "\n\r") {
		return false
	}
	doc := "k: " + text
	if flow {
		doc = "{k: " + text + "}"
	}
	var n yaml.Node
	if yaml.Unmarshal([]byte(doc), &n) != nil || len(n.Content) != 1 {
		return false
	}
	m := n.Content[0]
	if m.Kind != yaml.MappingNode || len(m.Content) != 2 {
		return false
	}
	v := m.Content[1]
	return v.Kind == yaml.ScalarNode && v.Tag == "!!str" && v.Value == s
}

func kindName(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "mapping"
	case yaml.SequenceNode:
		return "list"
	}
	return "value"
}
