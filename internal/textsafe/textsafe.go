// Package textsafe makes text from plan files safe to print. A plan, a file name or a revision
// is written by whoever opens a pull request, and okr prints it to terminals and CI logs: a raw
// newline could start a forged line (a GitHub workflow command such as "::error …"), an escape
// sequence could recolor, hide or link text, and a bidi control could reorder what a reader
// sees. Escape turns every such character into a visible escape; Clean does it to every string
// of a value, so that each output format sanitises its whole input at one place.
package textsafe

import (
	"reflect"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"
)

// Escape returns s with every control character written as a Go-style escape: C0 controls and
// DEL ("\n", "\t", "\x1b"), C1 controls ("\u009b"), the bidi controls (U+061C, U+200E, U+200F,
// U+202A to U+202E, U+2066 to U+2069), the line and paragraph separators (U+2028, U+2029), and
// each byte that is not valid UTF-8 ("\xff"). Other text, backslashes included, is unchanged,
// and s itself is returned when it has nothing to escape. Escape(Escape(s)) == Escape(s).
func Escape(s string) string {
	i := firstUnsafe(s)
	if i < 0 {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	b.WriteString(s[:i])
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			b.WriteString(`\x`)
			b.WriteString(hex2(s[i]))
		case unsafeRune(r):
			b.WriteString(escapeRune(r))
		default:
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}

// Lines is Escape for text of several lines, such as an error that lists problems one a line:
// it keeps each "\n" and escapes everything else Escape does.
func Lines(s string) string {
	if Safe(s) {
		return s
	}
	parts := strings.Split(s, "\n")
	for i, p := range parts {
		parts[i] = Escape(p)
	}
	return strings.Join(parts, "\n")
}

// Safe reports whether s has nothing Escape would change.
func Safe(s string) bool { return firstUnsafe(s) < 0 }

// Path is Escape for a file name that may start a line of output: a relative name that would
// begin the line with "::" or with a space (which CI runners trim before they look for a
// workflow command) is shown as "./name", the same file.
func Path(s string) string {
	s = Escape(s)
	if s != "" && (s[0] == ':' || s[0] == ' ') {
		return "./" + s
	}
	return s
}

// firstUnsafe returns the index of the first byte of s that Escape changes, or -1.
func firstUnsafe(s string) int {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c < 0x20 || c == 0x7f {
				return i
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if (r == utf8.RuneError && size == 1) || unsafeRune(r) {
			return i
		}
		i += size
	}
	return -1
}

// unsafeRune reports whether Escape writes r as an escape.
func unsafeRune(r rune) bool {
	switch {
	case r < 0x20, r >= 0x7f && r <= 0x9f:
		return true
	case r == 0x061c, r == 0x200e, r == 0x200f, r == 0x2028, r == 0x2029:
		return true
	case r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069:
		return true
	}
	return false
}

func escapeRune(r rune) string {
	switch r {
	case '\n':
		return `\n`
	case '\r':
		return `\r`
	case '\t':
		return `\t`
	}
	if r < 0x80 {
		return `\x` + hex2(byte(r))
	}
	s := strconv.FormatInt(int64(r), 16)
	return `\u` + strings.Repeat("0", 4-len(s)) + s
}

func hex2(c byte) string {
	const digits = "0123456789abcdef"
	return string([]byte{digits[c>>4], digits[c&0xf]})
}

// Clean returns v with every string it holds escaped with Escape: the strings of its structs
// (exported fields), slices, arrays, maps (keys and values) and pointers. Structs are copied,
// never changed in place, and two pointers to the same value still point to one copy. Pointers
// to types of another package than v's are shared, not followed: a view model that keeps a
// pointer to its source (a report's *plan.Plan) is cleaned, its source is not. Interfaces are
// not followed either. Cycles through pointers are fine; a cycle made of slices alone is not
// supported. When nothing in v needs escaping, Clean returns v itself without copying.
func Clean[T any](v T) T {
	rv := reflect.ValueOf(&v).Elem()
	l := layoutFor(rv.Type())
	if !l.strings {
		return v
	}
	c := cleaner{seen: map[any]bool{}}
	if !c.dirty(rv, l) {
		return v
	}
	c.copies = map[any]reflect.Value{}
	return c.clean(rv, l).Interface().(T)
}

// layout is what Clean needs to know of a type: whether a value of it may hold a string that
// Clean reaches, the exported fields of a struct that may, and the layouts of what it holds.
type layout struct {
	strings   bool
	fields    []field
	elem, key *layout // of what a pointer, slice, array or map holds, and of a map's keys
	// cyclic marks a pointer type that what it points to may lead back to: such pointers are
	// remembered as they are walked, so that the walk ends. Other pointers are walked wherever
	// they are met, which is cheaper.
	cyclic bool
}

type field struct {
	index int
	*layout
}

// layouts caches the layout of the types Clean was called with.
var layouts sync.Map // reflect.Type → *layout

// layoutFor returns the layout of a root type: pointers are followed into the root's package.
func layoutFor(t reflect.Type) *layout {
	if l, ok := layouts.Load(t); ok {
		return l.(*layout)
	}
	memo := map[reflect.Type]*layout{}
	l := buildLayout(t, pkgOf(t), memo)
	for t, pl := range memo {
		if t.Kind() == reflect.Pointer && pl.elem != nil {
			pl.cyclic = reaches(pl.elem, pl, map[*layout]bool{})
		}
	}
	layouts.Store(t, l)
	return l
}

// reaches reports whether the layout to is reachable from from.
func reaches(from, to *layout, seen map[*layout]bool) bool {
	if from == to {
		return true
	}
	if from == nil || seen[from] {
		return false
	}
	seen[from] = true
	for _, f := range from.fields {
		if reaches(f.layout, to, seen) {
			return true
		}
	}
	return reaches(from.elem, to, seen) || reaches(from.key, to, seen)
}

// buildLayout works out the layout of t. A type that holds itself is taken to hold strings.
func buildLayout(t reflect.Type, pkg string, memo map[reflect.Type]*layout) *layout {
	if l, ok := memo[t]; ok {
		return l
	}
	l := &layout{strings: true}
	memo[t] = l
	switch t.Kind() {
	case reflect.String:
		return l
	case reflect.Pointer:
		if e := t.Elem(); e.PkgPath() == "" || e.PkgPath() == pkg {
			l.elem = buildLayout(e, pkg, memo)
		}
		l.strings = l.elem != nil && l.elem.strings
	case reflect.Slice, reflect.Array:
		l.elem = buildLayout(t.Elem(), pkg, memo)
		l.strings = l.elem.strings
	case reflect.Map:
		l.key, l.elem = buildLayout(t.Key(), pkg, memo), buildLayout(t.Elem(), pkg, memo)
		l.strings = l.key.strings || l.elem.strings
	case reflect.Struct:
		for i := range t.NumField() {
			if f := t.Field(i); f.IsExported() {
				if fl := buildLayout(f.Type, pkg, memo); fl.strings {
					l.fields = append(l.fields, field{i, fl})
				}
			}
		}
		l.strings = len(l.fields) > 0
	default:
		l.strings = false
	}
	return l
}

// pkgOf is the package of t, or of what t points to or holds.
func pkgOf(t reflect.Type) string {
	for t.PkgPath() == "" {
		switch t.Kind() {
		case reflect.Pointer, reflect.Slice, reflect.Array, reflect.Map:
			t = t.Elem()
		default:
			return ""
		}
	}
	return t.PkgPath()
}

type cleaner struct {
	seen   map[any]bool          // pointers dirty has visited
	copies map[any]reflect.Value // pointers clean has copied, to their copy
}

// dirty reports whether v, of layout l, holds a string that Escape would change.
func (c *cleaner) dirty(v reflect.Value, l *layout) bool {
	if !l.strings {
		return false
	}
	switch v.Kind() {
	case reflect.String:
		return !Safe(v.String())
	case reflect.Pointer:
		if v.IsNil() {
			return false
		}
		if !l.cyclic { // nothing below leads back here: walk it wherever it is met
			return c.dirty(v.Elem(), l.elem)
		}
		key := v.Interface()
		if c.seen[key] {
			return false
		}
		c.seen[key] = true
		return c.dirty(v.Elem(), l.elem)
	case reflect.Struct:
		for _, f := range l.fields {
			if c.dirty(v.Field(f.index), f.layout) {
				return true
			}
		}
	case reflect.Slice, reflect.Array:
		for i := range v.Len() {
			if c.dirty(v.Index(i), l.elem) {
				return true
			}
		}
	case reflect.Map:
		it := v.MapRange()
		for it.Next() {
			if c.dirty(it.Key(), l.key) || c.dirty(it.Value(), l.elem) {
				return true
			}
		}
	}
	return false
}

// clean returns a cleaned copy of v, of layout l (v itself when it holds no string).
func (c *cleaner) clean(v reflect.Value, l *layout) reflect.Value {
	if !l.strings {
		return v
	}
	t := v.Type()
	switch v.Kind() {
	case reflect.String:
		out := reflect.New(t).Elem()
		out.SetString(Escape(v.String()))
		return out
	case reflect.Pointer:
		if v.IsNil() {
			return v
		}
		key := v.Interface()
		if p, ok := c.copies[key]; ok {
			return p
		}
		p := reflect.New(t.Elem())
		c.copies[key] = p
		p.Elem().Set(c.clean(v.Elem(), l.elem))
		return p
	case reflect.Struct:
		out := reflect.New(t).Elem()
		out.Set(v) // unexported fields, and fields without strings, are kept as they are
		for _, f := range l.fields {
			out.Field(f.index).Set(c.clean(v.Field(f.index), f.layout))
		}
		return out
	case reflect.Slice:
		if v.IsNil() {
			return v
		}
		out := reflect.MakeSlice(t, v.Len(), v.Len())
		for i := range v.Len() {
			out.Index(i).Set(c.clean(v.Index(i), l.elem))
		}
		return out
	case reflect.Array:
		out := reflect.New(t).Elem()
		for i := range v.Len() {
			out.Index(i).Set(c.clean(v.Index(i), l.elem))
		}
		return out
	case reflect.Map:
		if v.IsNil() {
			return v
		}
		out := reflect.MakeMapWithSize(t, v.Len())
		it := v.MapRange()
		for it.Next() {
			out.SetMapIndex(c.clean(it.Key(), l.key), c.clean(it.Value(), l.elem))
		}
		return out
	}
	return v
}
