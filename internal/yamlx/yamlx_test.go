package yamlx

import (
	"testing"

	"go.yaml.in/yaml/v3"
)

func TestSyntaxError(t *testing.T) {
	cases := []struct {
		doc       string
		line, col int
		msg       string
	}{
		{"a: 1\n  b: [1,\n", 2, 3, "invalid YAML: mapping values are not allowed in this context; fix the YAML syntax there"},
		{"a: 1\r\n\tb: [1, 2\r\n", 2, 2, "invalid YAML: found a tab character that violates indentation; fix the YAML syntax there"},
		{"a: [\n\n", 2, 1, "invalid YAML: did not find expected node content; fix the YAML syntax there"},
	}
	for _, c := range cases {
		var n yaml.Node
		err := yaml.Unmarshal([]byte(c.doc), &n)
		if err == nil {
			t.Fatalf("%q parsed", c.doc)
		}
		line, col, msg := SyntaxError(err, []byte(c.doc))
		if line != c.line || col != c.col || msg != c.msg {
			t.Errorf("SyntaxError(%q) = %d:%d %q; want %d:%d %q", c.doc, line, col, msg, c.line, c.col, c.msg)
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
	}
	for _, c := range cases {
		line, col, found, err := SecondDocument([]byte(c.doc))
		if line != c.line || col != c.col || found != c.found || (err != nil) != c.err {
			t.Errorf("SecondDocument(%q) = %d:%d %v %v; want %d:%d %v, error %v", c.doc, line, col, found, err, c.line, c.col, c.found, c.err)
		}
	}
}
