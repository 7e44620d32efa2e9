package plan

import (
	"bytes"
	"fmt"
	"regexp"
	"unicode/utf16"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"

	"github.com/okr-tool/okr/internal/yamlx"
)

// Keys allowed in each part of a plan, in the order the format documents them.
var (
	planKeys      = []string{"period", "scope", "level", "parent", "owner", "grade_scale", "kpis", "objectives"}
	kpiKeys       = []string{"id", "name", "unit", "direction", "source", "frequency", "annual_target", "target", "actual", "retired"}
	objectiveKeys = []string{"id", "title", "owner", "aligns_to", "key_results"}
	keyResultKeys = []string{"id", "title", "owner", "type", "start", "target", "threshold", "direction", "current", "unit", "kpi", "weight", "score", "due", "progress", "done", "confidence", "note"}
)

// Parse decodes one file the user expects to be a plan. file is the path reported in
// diagnostics (relative to the repository root). It returns the plan — possibly incomplete
// when the file has problems — or nil when nothing usable could be read, and a diagnostic for
// every problem found. It never panics.
func Parse(file string, data []byte) (*Plan, []Diagnostic) {
	p, diags, _ := parse(file, data, true)
	return p, diags
}

// ParseCandidate decodes a file found by walking the repository. Files that are not plans —
// YAML without a top-level "period" key — are skipped silently: isPlan is false and there are
// no diagnostics. Broken files that look like plans are reported.
func ParseCandidate(file string, data []byte) (p *Plan, diags []Diagnostic, isPlan bool) {
	return parse(file, data, false)
}

var periodLine = regexp.MustCompile(`(?m)^(\x{FEFF})?period[ \t]*:`)

// looksLikePlan guesses from the raw text whether a file that cannot be parsed was meant as a
// plan: it has a "period:" key at the start of a line (or after the byte-order mark some
// editors write at the start of UTF-8 files).
func looksLikePlan(data []byte) bool { return periodLine.Match(data) }

func parse(file string, data []byte, named bool) (p *Plan, diags []Diagnostic, isPlan bool) {
	d := &decoder{file: file, pairs: make([]pair, 0, 32)} // deep enough for a plan's nested mappings
	defer func() {
		// The YAML library is not supposed to panic, but a plan linter must never crash on input.
		if r := recover(); r != nil {
			p, isPlan = nil, named || looksLikePlan(data)
			diags = []Diagnostic{newDiagnostic(file, Pos{}, RuleYAMLSyntax,
				"the YAML parser failed on this file (%v); simplify the construct it stopped at", r)}
		}
	}()

	fail := func(pos Pos, rule, format string, args ...any) (*Plan, []Diagnostic, bool) {
		if !named && !looksLikePlan(data) {
			return nil, nil, false
		}
		d.addf(pos, rule, format, args...)
		return nil, d.diags, true
	}
	if len(data) > MaxFileSize {
		return fail(Pos{}, RuleYAMLSyntax, "the file is larger than the %s a plan may have; keep one scope and period per file",
			byteSize(MaxFileSize))
	}
	if n, over := overNodes(data); over {
		// Refused before parsing, so that the tree of a file of tiny values is never built.
		return fail(Pos{}, RuleYAMLSyntax, "the file has about %d YAML values, more than the %d a plan may have; "+
			"plans are far smaller, so split or simplify the file", n, MaxYAMLNodes)
	}
	if enc, text := wideEncoding(data); enc != "" {
		// Walking, the text is looked at in its own encoding: a plan is reported, and other
		// YAML files are skipped as they are in UTF-8. Text that does not decode is reported.
		if !named && text != nil && !looksLikePlan(text) {
			return nil, nil, false
		}
		d.addf(Pos{}, RuleYAMLSyntax, "the file is encoded as %s; plans are UTF-8 text: save it with UTF-8 encoding", enc)
		return nil, d.diags, true
	}
	switch {
	case bytes.IndexByte(data, 0) >= 0:
		return fail(Pos{}, RuleYAMLSyntax, "this is a binary file, not YAML text; plans are UTF-8 text files")
	case !utf8.Valid(data):
		return fail(invalidUTF8Pos(data), RuleYAMLSyntax, "the file is not valid UTF-8 text; save it with UTF-8 encoding")
	}

	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		line, col, msg := yamlx.SyntaxError(err, data)
		return fail(At(line, col), RuleYAMLSyntax, "%s", msg)
	}
	if doc.Kind == 0 {
		return fail(Pos{}, RuleSchema, "the file is empty; a plan needs at least \"period\" and \"scope\"")
	}
	root := &doc
	if root.Kind == yaml.DocumentNode && len(root.Content) == 1 {
		root = root.Content[0]
	}
	if yamlx.IsNull(root) {
		return fail(Pos{}, RuleSchema, "the file has no content; a plan needs at least \"period\" and \"scope\"")
	}
	if root.Kind != yaml.MappingNode {
		return fail(posOf(root), RuleSchema, "a plan must be a mapping with keys period, scope and objectives, not a %s", kindName(root))
	}
	if !hasKey(root, "period") && !hasKeyWithMerges(root, "period") {
		return fail(Pos{}, RuleSchema, "this YAML file is not a plan: it has no top-level \"period\" key; add period: YYYY-Qn, or don't name it")
	}
	if depth := maxDepth(root, 0); depth > MaxDepth {
		return fail(posOf(root), RuleYAMLSyntax, "the document nests deeper than %d levels; plans need 5", MaxDepth)
	}

	p = d.plan(root)
	if d.over {
		// Whatever was decoded before the budget ran out is not worth reporting on.
		for _, diag := range d.diags {
			if diag.Rule == RuleYAMLSyntax {
				return nil, []Diagnostic{diag}, true
			}
		}
	}
	d.checkSingleDocument(data)
	p.Suppressions = scanSuppressions(data)
	SortDiagnostics(d.diags)
	return p, d.diags, true
}

// wideEncoding recognises text in UTF-16 or UTF-32, which editors on Windows may save: by its
// byte-order mark, or without one by its first 16 characters being ASCII, each followed (or
// preceded) by NUL bytes. It names the encoding and returns the text decoded to UTF-8, or nil
// when it does not decode; enc is "" for any other data.
func wideEncoding(data []byte) (enc string, text []byte) {
	type wide struct {
		name  string
		bom   []byte
		width int
		big   bool
	}
	// UTF-32 first: its little-endian mark starts with UTF-16's.
	encodings := []wide{
		{"UTF-32 (little-endian)", []byte{0xFF, 0xFE, 0, 0}, 4, false},
		{"UTF-32 (big-endian)", []byte{0, 0, 0xFE, 0xFF}, 4, true},
		{"UTF-16 (little-endian)", []byte{0xFF, 0xFE}, 2, false},
		{"UTF-16 (big-endian)", []byte{0xFE, 0xFF}, 2, true},
	}
	for _, w := range encodings {
		if bytes.HasPrefix(data, w.bom) {
			return w.name, decodeWide(data[len(w.bom):], w.width, w.big)
		}
	}
	for _, w := range encodings {
		if interleaved(data, w.width, w.big) {
			return w.name, decodeWide(data, w.width, w.big)
		}
	}
	return "", nil
}

// interleaved reports whether the start of data is ASCII text in code units of width bytes: in
// each unit, only the low byte (the last one when big-endian) is not NUL.
func interleaved(data []byte, width int, big bool) bool {
	n := min(len(data), 16*width) / width * width
	if n < 2*width {
		return false
	}
	for i := 0; i < n; i += width {
		unit := data[i : i+width]
		low, rest := unit[0], unit[1:]
		if big {
			low, rest = unit[width-1], unit[:width-1]
		}
		if low == 0 || low >= 0x80 || bytes.Count(rest, []byte{0}) != len(rest) {
			return false
		}
	}
	return true
}

// decodeWide decodes UTF-16 (width 2) or UTF-32 (width 4) to UTF-8, or returns nil when data is
// not whole code units of valid characters.
func decodeWide(data []byte, width int, big bool) []byte {
	if len(data)%width != 0 {
		return nil
	}
	out := make([]byte, 0, len(data))
	unit := func(i int) rune {
		var r rune
		for b := range width {
			shift := 8 * b
			if big {
				shift = 8 * (width - 1 - b)
			}
			r |= rune(data[i+b]) << shift
		}
		return r
	}
	for i := 0; i < len(data); i += width {
		r := unit(i)
		if width == 2 && utf16.IsSurrogate(r) {
			if i+2 >= len(data) {
				return nil
			}
			if r = utf16.DecodeRune(r, unit(i+2)); r == utf8.RuneError {
				return nil
			}
			i += 2
		}
		if !utf8.ValidRune(r) {
			return nil
		}
		out = utf8.AppendRune(out, r)
	}
	return out
}

func hasKey(m *yaml.Node, key string) bool {
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Kind == yaml.ScalarNode && m.Content[i].Value == key {
			return true
		}
	}
	return false
}

// maxDepth measures nesting without following aliases (an anchor's depth is measured where it
// is defined).
func maxDepth(n *yaml.Node, depth int) int {
	if depth > MaxDepth || n.Kind == yaml.ScalarNode || n.Kind == yaml.AliasNode {
		return depth
	}
	deepest := depth
	for _, c := range n.Content {
		deepest = max(deepest, maxDepth(c, depth+1))
		if deepest > MaxDepth {
			break
		}
	}
	return deepest
}

// syntaxError is the diagnostic for a parse error of the YAML library.
func (d *decoder) syntaxError(err error, data []byte) {
	line, col, msg := yamlx.SyntaxError(err, data)
	d.addf(At(line, col), RuleYAMLSyntax, "%s", msg)
}

func invalidUTF8Pos(data []byte) Pos {
	pos := Pos{Line: 1, Col: 1}
	for len(data) > 0 {
		r, size := utf8.DecodeRune(data)
		if r == utf8.RuneError && size <= 1 {
			return pos
		}
		if r == '\n' {
			pos.Line++
			pos.Col = 1
		} else {
			pos.Col++
		}
		data = data[size:]
	}
	return pos
}

func byteSize(n int) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%g MiB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%g KiB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d bytes", n)
}

// checkSingleDocument reports a second YAML document in the file: Unmarshal reads only the first.
func (d *decoder) checkSingleDocument(data []byte) {
	line, col, found, err := yamlx.SecondDocument(data)
	switch {
	case err != nil:
		d.syntaxError(err, data)
	case found:
		d.addf(At(line, col), RuleSchema,
			"a plan file holds one YAML document; move the document after \"---\" into a file of its own")
	}
}
