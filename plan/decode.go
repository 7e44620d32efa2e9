package plan

import (
	"errors"
	"fmt"
	"math"
	"regexp"
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
	// unit is the unit of the KPI or key result being decoded, for the hint on a number written
	// with a unit or a magnitude ("$25M" with unit "$M" is 25).
	unit string
	// alias is the outermost alias the node being decoded was reached through (nil for none),
	// and aliasOf the alias of each KPI, objective and key result that was so repeated, or
	// whose id a "<<: *anchor" merged in, so that a repeated id is reported at the alias.
	alias   *yaml.Node
	aliasOf map[any]aliasUse
}

// aliasUse is the alias that repeated an item, and whether a "<<" merged it in.
type aliasUse struct {
	node   *yaml.Node
	merged bool
}

// through marks n, when it is an alias and no outer alias is, as the alias the nodes decoded
// next are reached through; the returned func restores the one before.
func (d *decoder) through(n *yaml.Node) func() {
	outer := d.alias
	if outer == nil && n != nil && n.Kind == yaml.AliasNode {
		d.alias = n
	}
	return func() { d.alias = outer }
}

// noteAlias records the alias through which item (a KPI, objective or key result) was reached,
// or, failing that, the "<<: *anchor" alias that merged its id in.
func (d *decoder) noteAlias(item any, id *pair) {
	a := aliasUse{node: d.alias}
	if a.node == nil && id != nil && id.via != nil && id.via.Kind == yaml.AliasNode {
		a = aliasUse{node: id.via, merged: true}
	}
	if a.node == nil {
		return
	}
	if d.aliasOf == nil {
		d.aliasOf = map[any]aliasUse{}
	}
	d.aliasOf[item] = a
}

// idPair is the id entry among entries, nil when there is none.
func idPair(entries []pair) *pair {
	for i := range entries {
		if entries[i].key == "id" {
			return &entries[i]
		}
	}
	return nil
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
			if prev, whole, ok := splitByComma(m, i); ok {
				d.addf(posOf(k), RuleSchema, "unknown key %s in %s: %s: %s,%s was read as %s: %s and a key %s; "+
					"decimal comma? write %s: %s.%s", quote(k.Value), what, prev, whole, k.Value, prev, whole, quote(k.Value),
					prev, whole, k.Value)
				continue
			}
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

// splitByComma reports whether the key at m.Content[i] is the digits after a decimal comma that a
// flow mapping split off a number, as {start: 12,5} is read as start: 12 and a key 5 with no
// value; prev is the key of the number, and whole the number.
func splitByComma(m *yaml.Node, i int) (prev, whole string, ok bool) {
	if m.Style&yaml.FlowStyle == 0 || i < 2 {
		return "", "", false
	}
	k, v, number := m.Content[i], m.Content[i+1], m.Content[i-1]
	if k.Kind != yaml.ScalarNode || k.Style != 0 || strings.Trim(k.Value, "0123456789") != "" ||
		!yamlx.IsNull(v) || v.Value != "" || number.Kind != yaml.ScalarNode || number.Tag != "!!int" ||
		number.Style != 0 || number.Line != k.Line || k.Column <= number.Column {
		return "", "", false
	}
	return m.Content[i-2].Value, number.Value, true
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
	x, err := parseNumberIn(v, d.unit)
	if err != nil {
		d.addf(f.Pos, RuleSchema, "%s %s", p.key, err)
		return f
	}
	f.Value, f.Set = x, true
	return f
}

// parseNumber reads an int or float scalar. A value that is not a number gets the one message of
// notNumber, with a hint for the usual slips: a number in quotes, in hexadecimal, with a decimal
// comma or a thousands separator, with a unit or a currency, or with k, M or bn for thousands.
func parseNumber(v *yaml.Node) (float64, error) { return parseNumberIn(v, "") }

// parseNumberIn is parseNumber for a value of an item whose unit is unit ("" for none), so
// that the hint for "$25M" speaks in that unit.
func parseNumberIn(v *yaml.Node, unit string) (float64, error) {
	switch v.Tag {
	case "!!int":
		s := strings.ReplaceAll(v.Value, "_", "")
		if base := intBase(s); base != "" {
			// The YAML library reads 0x, 0o and 0b numbers; a plan's figures are decimal, so
			// such a number is more likely a slip than meant, and is refused with its value.
			if i, err := strconv.ParseInt(s, 0, 64); err == nil {
				return 0, notNumber(v.Value, fmt.Sprintf("it is written in %s; plans use decimal numbers, so write %d", base, i))
			}
			return 0, notNumber(v.Value, fmt.Sprintf("it is written in %s and is out of range; plans use decimal numbers", base))
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
		return 0, notNumber(v.Value, "it is out of range; use a smaller number")
	case "!!float":
		f, err := strconv.ParseFloat(strings.ReplaceAll(v.Value, "_", ""), 64)
		if err != nil || math.IsInf(f, 0) || math.IsNaN(f) {
			return 0, notNumber(v.Value, "write a finite number")
		}
		return f, nil
	}
	return 0, notNumber(v.Value, numberSlip(v.Value, unit))
}

// notNumber is the error for a value that should be a number and is not, with a hint on what to
// write instead ("" for none). Every such message of a plan is worded by it.
func notNumber(value, hint string) error {
	if hint == "" {
		return fmt.Errorf("must be a number, not %s", quote(value))
	}
	return fmt.Errorf("must be a number, not %s; %s", quote(value), hint)
}

// slipNumber matches text that is a number but for a sign, currency or unit around it, or
// separators in it: "12,5", "1.234,5", "$1.5M", "3 h", "15 %", "€12", "12k".
var slipNumber = regexp.MustCompile(`^([+-]?)\s*([$€£¥]?)\s*([+-]?[0-9][0-9.,']*)\s*(%|[$€£¥]|\pL+)?$`)

// multipliers are the suffixes people write for thousands, millions and billions, as powers of ten.
var multipliers = map[string]int{"k": 3, "K": 3, "M": 6, "mn": 6, "bn": 9, "B": 9}

// numberSlip says what to write for text s that should be a number of an item whose unit is
// unit ("" for none); "" when s is no number at all. A magnitude (k, M, bn) stays with the unit,
// as plans write it ("$25M" is 25 in unit "$M"); when the item has a unit already, the number is
// given in that unit ("$25M" is 25000000 in unit "$").
func numberSlip(s, unit string) string {
	t := strings.TrimSpace(s)
	if f, err := strconv.ParseFloat(strings.ReplaceAll(t, "_", ""), 64); err == nil {
		if math.IsInf(f, 0) || math.IsNaN(f) {
			return "write a finite number"
		}
		return "write the number without quotes: " + strconv.FormatFloat(f, 'f', -1, 64)
	} else if errors.Is(err, strconv.ErrRange) {
		return "it is out of range; use a smaller number"
	}
	m := slipNumber.FindStringSubmatch(t)
	if m == nil {
		return ""
	}
	sign, currency, digits, suffix := m[1], m[2], m[3], m[4]
	if digits[0] == '-' || digits[0] == '+' {
		sign, digits = digits[:1], digits[1:]
	}
	number, why, ok := readSeparators(digits)
	if !ok {
		return ""
	}
	shift, isMultiplier := multipliers[suffix]
	written := currency + suffix // the unit as the value writes it: "$M", "%", "k"
	if !isMultiplier && suffix != "" && currency != "" {
		return "" // two units, as in "$12 h"
	}
	if sign == "-" {
		number = "-" + number
	}
	if have := strings.TrimSpace(unit); have != "" {
		if have == written {
			return join2("write "+number+" (the unit is already "+strconv.Quote(have)+")", why)
		}
		if cur, mag, ok := scaleOf(have); ok && (cur == currency || currency == "") && (isMultiplier || suffix == "") {
			if shift != mag && isMultiplier {
				why = join(why, fmt.Sprintf("%q means ×1%s", suffix, strings.Repeat("0", shift)))
			}
			n := number
			if shift != mag {
				n = shiftPoint(number, shift-mag)
			}
			return join2("write "+n+" in its unit "+strconv.Quote(have), why)
		}
		if _, _, isScale := scaleOf(have); !isScale && currency == "" && isMultiplier {
			// A count with a magnitude in a unit of its own, as 12k in unit "users": 12000 users.
			why = join(why, fmt.Sprintf("%q means ×1%s", suffix, strings.Repeat("0", shift)))
			return join2("write "+shiftPoint(number, shift)+" in its unit "+strconv.Quote(have), why)
		}
	}
	hint := "write " + number
	if written != "" {
		hint += fmt.Sprintf(" and put %q in unit", written)
	}
	return join2(hint, why)
}

// unitOf is the unit an item's entries give, "" for none, for the hints of its numbers.
func unitOf(entries []pair) string {
	for _, e := range entries {
		if e.key == "unit" {
			if v := yamlx.Resolve(e.value); v != nil && v.Kind == yaml.ScalarNode {
				return v.Value
			}
		}
	}
	return ""
}

// join2 adds why, when there is one, to a hint in parentheses.
func join2(hint, why string) string {
	if why == "" {
		return hint
	}
	return hint + " (" + why + ")"
}

// scaleOf reads a unit that is a currency, a magnitude or both, as "$", "$M", "M€" or "k", into
// its currency ("" for none) and the power of ten of its magnitude.
func scaleOf(unit string) (currency string, shift int, ok bool) {
	rest := unit
	for _, c := range []string{"$", "€", "£", "¥"} {
		if r, found := strings.CutPrefix(rest, c); found {
			currency, rest = c, r
			break
		}
		if r, found := strings.CutSuffix(rest, c); found {
			currency, rest = c, r
			break
		}
	}
	rest = strings.TrimSpace(rest)
	if rest == "" {
		return currency, 0, currency != ""
	}
	shift, ok = multipliers[rest]
	return currency, shift, ok
}

// readSeparators reads digits with "." and "," (and "'") in them, as they are written in one
// country or another, into a plain decimal number, and says why it reads them so: "12,5" is 12.5
// with a decimal comma, "1.234,5" is 1234.5 and "1,200" is 1200 with a thousands separator.
func readSeparators(digits string) (number, why string, ok bool) {
	lastDot, lastComma := strings.LastIndex(digits, "."), strings.LastIndex(digits, ",")
	decimal := byte('.')
	switch {
	case lastComma < 0 && strings.Count(digits, ".") > 1, lastDot < 0 && strings.Count(digits, ",") > 1:
		decimal = 0 // only thousands separators, as in 1.234.567 or 1,234,567
	case lastComma > lastDot && lastDot >= 0,
		lastDot < 0 && lastComma >= 0 && (len(digits)-lastComma-1 != 3 || digits[:lastComma] == "0"):
		decimal = ','
	case lastDot < 0 && lastComma >= 0 && !strings.Contains(digits, "'"):
		// One comma before three digits: a thousands separator, or a decimal comma.
		return strings.Replace(digits, ",", "", 1),
			"without the thousands separator; or " + strings.Replace(digits, ",", ".", 1) + " if the comma is a decimal point",
			true
	}
	whole, fraction := digits, ""
	if i := strings.LastIndexByte(digits, decimal); decimal != 0 && i >= 0 {
		whole, fraction = digits[:i], digits[i+1:]
		if fraction == "" || strings.ContainsAny(fraction, ".,'") {
			return "", "", false
		}
	}
	groups := strings.FieldsFunc(whole, func(r rune) bool { return r == '.' || r == ',' || r == '\'' })
	if len(groups) == 0 || strings.Count(whole, ".")+strings.Count(whole, ",")+strings.Count(whole, "'") != len(groups)-1 {
		return "", "", false
	}
	for _, g := range groups[1:] {
		if len(g) != 3 {
			return "", "", false
		}
	}
	number = strings.Join(groups, "")
	if fraction != "" {
		number += "." + fraction
	}
	switch {
	case len(groups) > 1 && decimal == ',':
		why = "with a decimal point and no thousands separator"
	case len(groups) > 1:
		why = "without the thousands separator"
	case decimal == ',':
		why = "with a decimal point, not a comma"
	}
	return number, why, true
}

// shiftPoint multiplies the plain decimal number (with an optional "-") by 10 to the power
// shift, moving its point right, or left for a negative shift.
func shiftPoint(number string, shift int) string {
	sign, number := "", number
	if strings.HasPrefix(number, "-") {
		sign, number = "-", number[1:]
	}
	whole, fraction, _ := strings.Cut(number, ".")
	for ; shift > 0; shift-- {
		if fraction != "" {
			whole, fraction = whole+fraction[:1], fraction[1:]
		} else {
			whole += "0"
		}
	}
	for ; shift < 0; shift++ {
		if whole == "" {
			whole = "0"
		}
		whole, fraction = whole[:len(whole)-1], whole[len(whole)-1:]+fraction
	}
	whole = strings.TrimLeft(whole, "0")
	fraction = strings.TrimRight(fraction, "0")
	if whole == "" {
		whole = "0"
	}
	if fraction != "" {
		return sign + whole + "." + fraction
	}
	return sign + whole
}

// join joins two parts of a hint that may be empty with "; ".
func join(a, b string) string {
	if a == "" {
		return b
	}
	return a + "; " + b
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
