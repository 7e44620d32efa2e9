package plan

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"

	"github.com/okr-tool/okr/internal/yamlx"
)

// decoder turns the yaml.Node tree of one file into a Plan, collecting a diagnostic for every
// problem instead of stopping at the first.
type decoder struct {
	file  string
	diags []Diagnostic
	nodes int  // values visited, counting alias expansions
	over  bool // the node budget is spent; stop descending
	// pairs is a stack of mapping entries shared by the nested mappings being decoded, so that
	// decoding a plan does not allocate a slice for each of its mappings.
	pairs []pair
}

func (d *decoder) addf(pos Pos, rule, format string, args ...any) {
	d.diags = append(d.diags, newDiagnostic(d.file, pos, rule, format, args...))
}

func posOf(n *yaml.Node) Pos { return At(n.Line, n.Column) }

// resolve follows an alias to the node it names and charges the node budget.
func (d *decoder) resolve(n *yaml.Node) *yaml.Node {
	n = yamlx.Resolve(n)
	d.nodes++
	if d.nodes > MaxNodes && !d.over {
		d.over = true
		d.addf(posOf(n), RuleYAMLSyntax,
			"the document expands to more than %d values (through aliases?); plans are far smaller, so split or simplify the file", MaxNodes)
	}
	return n
}

// pair is one key/value entry of a mapping.
type pair struct {
	key   string
	keyN  *yaml.Node
	value *yaml.Node
	via   *yaml.Node // for a merged entry, the value of the "<<" that merged it in
}

// entries lists a mapping's key/value pairs, expanding "<<" merge keys, and reports duplicate
// keys and keys that are not in known (suggesting the nearest known key). what names the mapping
// in messages, e.g. "key result". typos holds the known keys that were suggested for unknown ones,
// so that a misspelt required key is reported once, not also as missing. The entries live on the
// decoder's stack until the caller calls release.
func (d *decoder) entries(m *yaml.Node, what string, known []string) (out []pair, typos map[string]bool) {
	start := len(d.pairs)
	var merged []pair
	// Mappings in plans have a dozen keys at most, so a linear search beats a map.
	firstLine := func(key string) int {
		for _, p := range d.pairs[start:] {
			if p.key == key {
				return p.keyN.Line
			}
		}
		return 0
	}
	for i := 0; i+1 < len(m.Content); i += 2 {
		k, v := d.resolve(m.Content[i]), m.Content[i+1]
		if k.Kind != yaml.ScalarNode {
			d.addf(posOf(k), RuleSchema, "a %s's keys must be plain names, not a %s", what, kindName(k))
			continue
		}
		if isMergeKey(k) {
			merged = append(merged, d.mergeEntries(v)...)
			continue
		}
		if !contains(known, k.Value) {
			if typos == nil {
				typos = map[string]bool{}
			}
			if near := Nearest(k.Value, known); near != "" {
				typos[near] = true
				d.addf(posOf(k), RuleSchema, "unknown key %s in %s; did you mean %q?", quote(k.Value), what, near)
			} else {
				d.addf(posOf(k), RuleSchema, "unknown key %s in %s; allowed keys are %s",
					quote(k.Value), what, strings.Join(known, ", "))
			}
			continue
		}
		if line := firstLine(k.Value); line > 0 {
			d.addf(posOf(k), RuleSchema, "key %s appears twice in this %s (first on line %d); keep one",
				quote(k.Value), what, line)
			continue
		}
		d.pairs = append(d.pairs, pair{key: k.Value, keyN: k, value: v})
	}
	// Keys written in the mapping win over merged ones, and the first merged one over later ones.
	for _, p := range merged {
		if !contains(known, p.key) {
			hint := "allowed keys are " + strings.Join(known, ", ")
			if near := Nearest(p.key, known); near != "" {
				hint = fmt.Sprintf("did you mean %q?", near)
			}
			d.addf(posOf(p.keyN), RuleSchema, "unknown key %s in %s, merged by \"<<\" on line %d; %s",
				quote(p.key), what, p.via.Line, hint)
			continue
		}
		if firstLine(p.key) == 0 {
			d.pairs = append(d.pairs, p)
		}
	}
	return d.pairs[start:len(d.pairs):len(d.pairs)], typos
}

// release pops a mapping's entries off the decoder's stack; mappings are released in the reverse
// order of their entries calls.
func (d *decoder) release(entries []pair) { d.pairs = d.pairs[:len(d.pairs)-len(entries)] }

// isMergeKey reports whether a key is YAML's merge key: a plain "<<" ("<<" in quotes is a
// key like any other).
func isMergeKey(k *yaml.Node) bool {
	return k.Kind == yaml.ScalarNode && k.Value == "<<" && k.Tag == "!!merge"
}

// mergeEntries returns the entries a merge key brings into a mapping, as YAML defines them: the
// value is a mapping or a list of mappings, the first mapping that has a key wins, and a merged
// mapping's own "<<" keys are merged in turn. A value of any other kind is reported, not
// ignored.
func (d *decoder) mergeEntries(v *yaml.Node) []pair {
	var out []pair
	d.mergeInto(&out, v, 0)
	return out
}

// mergeInto appends to out the entries that via, the value of a "<<", merges in; depth counts
// the merges within merges that led to it.
func (d *decoder) mergeInto(out *[]pair, via *yaml.Node, depth int) {
	if depth > MaxDepth {
		d.addf(posOf(via), RuleYAMLSyntax, "merge keys (<<) nest deeper than %d levels, or a mapping merges itself; merge fewer levels", MaxDepth)
		return
	}
	v := d.resolve(via)
	var sources []*yaml.Node
	switch v.Kind {
	case yaml.MappingNode:
		sources = []*yaml.Node{v}
	case yaml.SequenceNode:
		for _, s := range v.Content {
			sources = append(sources, d.resolve(s))
		}
	default:
		d.addf(posOf(via), RuleSchema, "a merge key (<<) takes a mapping or a list of mappings, not a %s; "+
			"write <<: *anchor, or remove it", kindName(v))
		return
	}
	for _, s := range sources {
		if s.Kind != yaml.MappingNode {
			d.addf(posOf(s), RuleSchema, "a merge key (<<) takes a mapping or a list of mappings, not a %s", kindName(s))
			continue
		}
		var nested []*yaml.Node
		for i := 0; i+1 < len(s.Content) && !d.over; i += 2 {
			k := d.resolve(s.Content[i])
			switch {
			case isMergeKey(k):
				nested = append(nested, s.Content[i+1])
			case k.Kind == yaml.ScalarNode:
				*out = append(*out, pair{key: k.Value, keyN: k, value: s.Content[i+1], via: via})
			default:
				d.addf(posOf(k), RuleSchema, "a merged mapping's keys must be plain names, not a %s", kindName(k))
			}
		}
		// A mapping's own keys win over what it merges, so its merges come after them.
		for _, n := range nested {
			d.mergeInto(out, n, depth+1)
		}
	}
}

// hasKeyWithMerges reports whether a mapping has key, itself or through its merge keys ("<<"),
// looking at each merged mapping once.
func hasKeyWithMerges(m *yaml.Node, key string) bool {
	seen := map[*yaml.Node]bool{}
	var has func(m *yaml.Node, depth int) bool
	has = func(m *yaml.Node, depth int) bool {
		for m != nil && m.Kind == yaml.AliasNode {
			m = m.Alias
		}
		if m == nil || seen[m] || depth > MaxDepth {
			return false
		}
		seen[m] = true
		switch m.Kind {
		case yaml.SequenceNode:
			for _, s := range m.Content {
				if has(s, depth+1) {
					return true
				}
			}
		case yaml.MappingNode:
			for i := 0; i+1 < len(m.Content); i += 2 {
				k := m.Content[i]
				if k.Kind == yaml.ScalarNode && k.Value == key && !isMergeKey(k) {
					return true
				}
				if isMergeKey(k) && has(m.Content[i+1], depth+1) {
					return true
				}
			}
		}
		return false
	}
	return has(m, 0)
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func kindName(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "mapping"
	case yaml.SequenceNode:
		return "list"
	case yaml.ScalarNode:
		switch n.Tag {
		case "!!null":
			return "null"
		case "!!int", "!!float":
			return "number"
		case "!!bool":
			return "boolean"
		case "!!timestamp":
			return "date"
		}
		return "string"
	}
	return "value"
}

// scalar checks that a value is a single non-null scalar and returns it resolved.
func (d *decoder) scalar(p pair, what string) (*yaml.Node, bool) {
	v := d.resolve(p.value)
	switch {
	case v.Kind != yaml.ScalarNode:
		d.addf(posOf(v), RuleSchema, "%s must be %s, not a %s", p.key, what, kindName(v))
		return nil, false
	case yamlx.IsNull(v):
		d.addf(posOf(p.keyN), RuleSchema, "%s has no value; give it %s or remove the key", p.key, what)
		return nil, false
	}
	return v, true
}

func (d *decoder) text(p pair) Field[string] {
	v, ok := d.scalar(p, "text")
	if !ok {
		return Field[string]{Key: posOf(p.keyN)}
	}
	return Field[string]{Value: v.Value, Set: true, Key: posOf(p.keyN), Pos: posOf(v)}
}

// slug decodes an id-like value: lowercase letters and digits in words joined by "-" or "_".
func (d *decoder) slug(p pair) Field[string] {
	f := d.text(p)
	if f.Set && !IsSlug(f.Value) {
		d.addf(f.Pos, RuleSchema, "%s %s may only use lowercase letters, digits and hyphens; write %s",
			p.key, quote(f.Value), quote(Slugify(f.Value)))
		f.Set = false
	}
	return f
}

func (d *decoder) number(p pair) Field[float64] {
	f := Field[float64]{Key: posOf(p.keyN)}
	v, ok := d.scalar(p, "a number")
	if !ok {
		return f
	}
	f.Pos = posOf(v)
	x, err := parseNumber(v)
	if err != nil {
		d.addf(f.Pos, RuleSchema, "%s %s", p.key, err)
		return f
	}
	f.Value, f.Set = x, true
	return f
}

// parseNumber reads an int or float scalar; text that looks like a number with a unit gets a hint.
func parseNumber(v *yaml.Node) (float64, error) {
	switch v.Tag {
	case "!!int":
		s := strings.ReplaceAll(v.Value, "_", "")
		if base := intBase(s); base != "" {
			// The YAML library reads 0x, 0o and 0b numbers; a plan's figures are decimal, so
			// such a number is more likely a slip than meant, and is refused with its value.
			if i, err := strconv.ParseInt(s, 0, 64); err == nil {
				return 0, fmt.Errorf("%s is written in %s; plans use decimal numbers, so write %d", quote(v.Value), base, i)
			}
			return 0, fmt.Errorf("%s is written in %s and is out of range; plans use decimal numbers", quote(v.Value), base)
		}
		// Base 10 always: YAML 1.2 reads 017 as 17, where the YAML library (and base 0) would
		// read it as the octal 15.
		if i, err := strconv.ParseInt(s, 10, 64); err == nil {
			return float64(i), nil
		}
		if u, err := strconv.ParseUint(s, 10, 64); err == nil {
			return float64(u), nil
		}
		if f, err := strconv.ParseFloat(s, 64); err == nil && !math.IsInf(f, 0) {
			return f, nil
		}
		return 0, fmt.Errorf("%s is out of range; use a smaller number", quote(v.Value))
	case "!!float":
		f, err := strconv.ParseFloat(strings.ReplaceAll(v.Value, "_", ""), 64)
		if err != nil || math.IsInf(f, 0) || math.IsNaN(f) {
			return 0, fmt.Errorf("must be a finite number, not %s", quote(v.Value))
		}
		return f, nil
	}
	s := strings.TrimSpace(v.Value)
	for _, unit := range []string{"%", "$", "€", "£", "h", "d", "k"} {
		trimmed := strings.TrimSpace(strings.TrimSuffix(strings.TrimPrefix(s, unit), unit))
		if trimmed == s {
			continue
		}
		if f, err := strconv.ParseFloat(trimmed, 64); err == nil && !math.IsInf(f, 0) && !math.IsNaN(f) {
			return 0, fmt.Errorf("must be a number, not the text %s; write %s and put %s in unit", quote(s), trimmed, quote(unit))
		}
	}
	return 0, fmt.Errorf("must be a number, not %s %s", kindName(v), quote(v.Value))
}

// intBase names the base of an integer written with a 0x, 0o or 0b prefix (after an optional
// sign), or returns "" for a decimal integer, leading zeros and all.
func intBase(s string) string {
	s = strings.TrimLeft(s, "+-")
	if len(s) < 2 || s[0] != '0' {
		return ""
	}
	switch s[1] {
	case 'x', 'X':
		return "hexadecimal"
	case 'o', 'O':
		return "octal"
	case 'b', 'B':
		return "binary"
	}
	return ""
}

func (d *decoder) boolean(p pair) Field[bool] {
	f := Field[bool]{Key: posOf(p.keyN)}
	v, ok := d.scalar(p, "true or false")
	if !ok {
		return f
	}
	f.Pos = posOf(v)
	if v.Tag != "!!bool" {
		d.addf(f.Pos, RuleSchema, "%s must be true or false, not %s", p.key, quote(v.Value))
		return f
	}
	f.Value, f.Set = strings.EqualFold(v.Value, "true"), true
	return f
}

func (d *decoder) date(p pair) Field[time.Time] {
	f := Field[time.Time]{Key: posOf(p.keyN)}
	v, ok := d.scalar(p, "a date (YYYY-MM-DD)")
	if !ok {
		return f
	}
	f.Pos = posOf(v)
	t, err := time.Parse("2006-01-02", v.Value)
	if err != nil {
		if len(v.Value) == 10 && v.Value[4] == '-' && v.Value[7] == '-' {
			d.addf(f.Pos, RuleSchema, "%s %s is not a real date; check the month and day", p.key, quote(v.Value))
		} else {
			d.addf(f.Pos, RuleSchema, "%s %s must be a date written YYYY-MM-DD, e.g. 2026-09-30", p.key, quote(v.Value))
		}
		return f
	}
	f.Value, f.Set = t, true
	return f
}

// choice decodes a value that must be one of allowed.
func choice[T ~string](d *decoder, p pair, allowed ...T) Field[T] {
	f := d.text(p)
	out := Field[T]{Value: T(f.Value), Set: f.Set, Key: f.Key, Pos: f.Pos}
	if !f.Set {
		return out
	}
	if slices.Contains(allowed, T(f.Value)) {
		return out
	}
	names := Names(allowed)
	d.addf(f.Pos, RuleSchema, "%s %s is not valid%s; use one of %s",
		p.key, quote(f.Value), Suggest(f.Value, names), strings.Join(names, ", "))
	out.Set, out.Value = false, ""
	return out
}

// list returns the items of a sequence value, or reports that it is not a list.
func (d *decoder) list(p pair, what string) []*yaml.Node {
	v := d.resolve(p.value)
	if yamlx.IsNull(v) {
		return nil
	}
	if v.Kind != yaml.SequenceNode {
		d.addf(posOf(v), RuleSchema, "%s must be a list of %s (items starting with \"- \"), not a %s", p.key, what, kindName(v))
		return nil
	}
	return v.Content
}

// mapping resolves a list item that must be a mapping.
func (d *decoder) mapping(n *yaml.Node, what string) *yaml.Node {
	n = d.resolve(n)
	if n.Kind != yaml.MappingNode {
		d.addf(posOf(n), RuleSchema, "each item of %s must be a mapping with keys like id and title, not a %s", what, kindName(n))
		return nil
	}
	return n
}

// need reports each required field whose key is missing. A key that is present but has a bad
// value was reported where it stands.
func (d *decoder) need(pos Pos, what string, typos map[string]bool, fields ...req) {
	for _, f := range fields {
		if f.key.IsZero() && !typos[f.name] {
			d.addf(pos, RuleSchema, "%s has no %s; add \"%s: …\"", what, f.name, f.name)
		}
	}
}

// req names a required field and where its key was found (zero when absent).
type req struct {
	name string
	key  Pos
}
