package yamlx

import (
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// plan is the head of a plan that the syntax error cases below go on from.
const plan = "period: 2026-Q3\nscope: sales\nobjectives:\n  - id: a\n"

func TestSyntaxError(t *testing.T) {
	const fix = "; fix the YAML syntax there"
	const tab = "invalid YAML: found a tab character that violates indentation; YAML indents with spaces only: replace the tab with spaces"
	const indent = "this line is not indented like the lines it belongs to: line it up with the keys or list items above"
	cases := []struct {
		name      string
		doc       string
		line, col int
		msg       string
	}{
		{"tab after a scalar", plan + "    title: A\n    key_results:\n      - id: k\n        title: K\n\tstart: 1\n", 9, 1, tab},
		{"tab after spaces", plan + "    title: A\n  \t  owner: b\n", 6, 3, tab},
		{"tab on the second line", "a: 1\r\n\tb: [1, 2\r\n", 2, 1, tab},
		{"tab starting a value", "a:\n\tb: 1\n", 2, 1,
			"invalid YAML: found character that cannot start any token; YAML indents with spaces only: replace the tab with spaces"},
		{"unclosed [", plan + "    title: [A\n    key_results:\n      - id: k\n", 5, 12,
			"invalid YAML: did not find expected ',' or ']'; this '[' is not closed: close it with \"]\", or put the whole value in quotes if the '[' is part of the text"},
		{"unclosed [ on line 1", "a: [1, 2\n", 1, 4,
			"invalid YAML: did not find expected ',' or ']'; this '[' is not closed: close it with \"]\", or put the whole value in quotes if the '[' is part of the text"},
		{"unclosed inner [", "a: x\nb: [1, [2, \"]\", 3\nc: d\n", 2, 8,
			"invalid YAML: did not find expected ',' or ']'; this '[' is not closed: close it with \"]\", or put the whole value in quotes if the '[' is part of the text"},
		{"unclosed {", plan + "    title: {A: 1\n    key_results:\n      - id: k\n", 5, 12,
			"invalid YAML: did not find expected ',' or '}'; this '{' is not closed: close it with \"}\", or put the whole value in quotes if the '{' is part of the text"},
		{"unclosed double quote", plan + "    title: \"A\n    key_results:\n      - id: k\n", 5, 12,
			"invalid YAML: found unexpected end of stream; this quote is not closed: end the value with \""},
		{"unclosed single quote", plan + "    title: 'it''s\n    owner: b\n", 5, 12,
			"invalid YAML: found unexpected end of stream; this quote is not closed: end the value with '"},
		{"key indented less than its mapping", plan + "    title: A\n   key_results:\n      - id: k\n", 6, 4,
			"invalid YAML: did not find expected '-' indicator; " + indent},
		{"list item at its key's mapping", plan[:len(plan)-len("objectives:\n  - id: a\n")] + "- id: a\n", 3, 1,
			"invalid YAML: did not find expected key; " + indent},
		{"list item deep in a mapping", "a:\n  b:\n    c: 1\n    d: 2\n    - e\n", 5, 5,
			"invalid YAML: did not find expected key; " + indent},
		{"text after a flow value", "a: x\nkey: [a, b] x\n", 2, 13,
			"invalid YAML: did not find expected key; " + indent},
		{"colon in a value", plan + "    title: Grow: fast\n", 5, 16,
			"invalid YAML: mapping values are not allowed in this context; a value that contains \": \" must be put in quotes; otherwise this line is indented deeper than its key"},
		{"key indented under a value", "a: 1\n  b: [1,\n", 2, 4,
			"invalid YAML: mapping values are not allowed in this context; a value that contains \": \" must be put in quotes; otherwise this line is indented deeper than its key"},
		{"list item after a key", plan + "    title: A\n    tags: - y\n", 6, 11,
			"invalid YAML: block sequence entries are not allowed in this context; a list item (\"- \") starts a line of its own, under its key and indented deeper than it"},
		{"missing colon", "a: 1\nb\nc: 2\n", 2, 1,
			"invalid YAML: could not find expected ':'; a key needs \":\" after it, or text that goes on from the line above must be indented deeper than its key"},
		{"anchor with no name", "a: x\nb: & x\n", 2, 4,
			"invalid YAML: did not find expected alphabetic or numeric character; \"&\" starts an anchor and \"*\" an alias, each followed by a name: put a value that starts with & in quotes"},
		{"alias with no name", "a: x\nb: *\n", 2, 4,
			"invalid YAML: did not find expected alphabetic or numeric character; \"&\" starts an anchor and \"*\" an alias, each followed by a name: put a value that starts with * in quotes"},
		{"quote too many", plan + "    title: \"Grow\n    unit: \"%\"\n", 6, 12,
			"invalid YAML: found character that cannot start any token; a value cannot start with '%': put the value in quotes; " +
				"the quoted value before it starts on line 5: is a quote missing or extra there?"},
		{"unknown anchor", "a: &base x\nb: [*bsae]\n", 2, 5,
			"invalid YAML: unknown anchor 'bsae' referenced; an alias (*name) needs an anchor (&name) above it in the file: add the anchor or fix the name"},
		{"reserved character", "a: x\nb: @x\n", 2, 4,
			"invalid YAML: found character that cannot start any token; a value cannot start with '@': put the value in quotes"},
		{"CRLF unclosed [", "period: 2026-Q3\r\nscope: sales\r\nobjectives:\r\n  - id: a\r\n    title: [A\r\n    key_results:\r\n", 5, 12,
			"invalid YAML: did not find expected ',' or ']'; this '[' is not closed: close it with \"]\", or put the whole value in quotes if the '[' is part of the text"},
		{"CRLF tab", "period: 2026-Q3\r\nscope: sales\r\nobjectives:\r\n  - id: a\r\n    title: A\r\n\towner: b\r\n", 6, 1, tab},
		{"non-ASCII before the problem", "a: x\nb: [\"é, [ü\", [1\n", 2, 14,
			"invalid YAML: did not find expected ',' or ']'; this '[' is not closed: close it with \"]\", or put the whole value in quotes if the '[' is part of the text"},
		{"missing colon after a list item", "a:\n  - x\n  -b\n", 3, 3,
			"invalid YAML: could not find expected ':'; a key needs \":\" after it, or text that goes on from the line above must be indented deeper than its key"},
		{"nothing after [", "a: [\n\n", 1, 4,
			"invalid YAML: did not find expected node content; this '[' is not closed: close it with \"]\", or put the whole value in quotes if the '[' is part of the text"},
		{"two commas", "a: [1, , 2]\n", 1, 8, "invalid YAML: did not find expected node content" + fix},
	}
	for _, c := range cases {
		var n yaml.Node
		err := yaml.Unmarshal([]byte(c.doc), &n)
		if err == nil {
			t.Errorf("%s: %q parsed", c.name, c.doc)
			continue
		}
		line, col, msg := SyntaxError(err, []byte(c.doc))
		if line != c.line || col != c.col || msg != c.msg {
			t.Errorf("%s: SyntaxError(%q) (from %q)\n = %d:%d %q\nwant %d:%d %q", c.name, c.doc, err, line, col, msg, c.line, c.col, c.msg)
		}
	}
}

func TestSyntaxErrorInALargeFile(t *testing.T) {
	doc := plan + strings.Repeat("    title: A long title that makes the file large\n", maxSearched/48) + "  - id: b\n    title: [A\n"
	var n yaml.Node
	err := yaml.Unmarshal([]byte(doc), &n)
	if err == nil {
		t.Fatal("the document parsed")
	}
	line, col, msg := SyntaxError(err, []byte(doc))
	want := strings.Count(doc, "\n")
	if line != want || col != 12 || !strings.HasPrefix(msg, "invalid YAML: did not find expected ',' or ']'; this '[' is not closed") {
		t.Errorf("SyntaxError = %d:%d %q; want %d:12 and the unclosed '['", line, col, msg, want)
	}
}

func TestLineStart(t *testing.T) {
	data := []byte("a\r\nb\rc\nd")
	for line, want := range []int{0, 0, 3, 5, 7, 8} {
		if got := lineStart(data, line); got != want {
			t.Errorf("lineStart(%d) = %d; want %d", line, got, want)
		}
	}
}

func TestResolve(t *testing.T) {
	var doc yaml.Node
	if err := yaml.Unmarshal([]byte("a: &x ~\nb: *x\n"), &doc); err != nil {
		t.Fatal(err)
	}
	alias := doc.Content[0].Content[3]
	if alias.Kind != yaml.AliasNode || !IsNull(Resolve(alias)) || IsNull(alias) {
		t.Errorf("Resolve did not follow the alias to the null it names")
	}
}

func TestSecondDocument(t *testing.T) {
	cases := []struct {
		doc       string
		line, col int
		found     bool
		err       bool
	}{
		{"a: 1\nb: 2\n", 0, 0, false, false},
		{"--- \na: 1\n", 0, 0, false, false},
		{"a: 1\n---\n", 2, 1, true, false},
		{"a: 1\n---\n\n# note\nb: 2\n", 2, 1, true, false},
		{"a: 1\n...\n", 0, 0, false, false},
		{"a: 1\n---\nb: [\n", 0, 0, false, true},
		{"a: 1\n---\nb: 2\nc: [x\n", 0, 0, false, true},
	}
	for _, c := range cases {
		line, col, found, err := SecondDocument([]byte(c.doc))
		if line != c.line || col != c.col || found != c.found || (err != nil) != c.err {
			t.Errorf("SecondDocument(%q) = %d:%d %v %v; want %d:%d %v, error %v", c.doc, line, col, found, err, c.line, c.col, c.found, c.err)
		}
		if err != nil {
			// The syntax error of a later document is placed in the whole file, at its last line's "[".
			wantLine := strings.Count(c.doc, "\n")
			if line, col, _ := SyntaxError(err, []byte(c.doc)); line != wantLine || col != 4 {
				t.Errorf("SyntaxError(%q) at %d:%d; want %d:4", c.doc, line, col, wantLine)
			}
		}
	}
}
