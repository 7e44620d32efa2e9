package checkin

import (
	"bytes"
	"fmt"
	"io/fs"
	"slices"
	"strings"

	"github.com/okr-tool/okr/plan"
)

// file is a plan candidate of the repository with the scope and period its text names. A
// check-in reads every candidate's text, which is cheap, but parses only the plans it needs.
type file struct {
	rel    string // repository-relative, forward slashes
	data   []byte
	scope  string
	period plan.Period
}

// index is what a check-in knows about the repository before parsing any plan.
type index struct {
	root  string
	files []*file
}

// scan reads the plan candidates under root and notes the scope and period of each, from the
// top-level "scope:" and "period:" lines; a file whose lines cannot be read that simply is parsed.
// The candidates are the files plan.Load would read: the same walk picks them.
func scan(root string, globs []string) (*index, error) {
	ix := &index{root: root}
	fsys := plan.DirFS(root) // judges links and reads files as okr lint does
	rels, err := plan.Walk(fsys, ".", globs)
	if err != nil {
		return nil, fmt.Errorf("cannot read %s: %w", root, plan.UnwrapPathError(err))
	}
	for _, rel := range rels {
		data, err := fs.ReadFile(fsys, rel)
		if err != nil {
			continue // lint reports unreadable files; a check-in cannot use them
		}
		f := &file{rel: rel, data: data}
		if head(f) {
			ix.files = append(ix.files, f)
		}
	}
	return ix, nil
}

// topLevel returns the values of the lines that start with "key:" (at column 1) in data.
func topLevel(data []byte, key string) [][]byte {
	var out [][]byte
	for len(data) > 0 {
		line := data
		if i := bytes.IndexByte(data, '\n'); i >= 0 {
			line, data = data[:i], data[i+1:]
		} else {
			data = nil
		}
		if len(line) <= len(key) || line[0] != key[0] || string(line[:len(key)]) != key {
			continue
		}
		rest := bytes.TrimLeft(line[len(key):], " \t")
		if len(rest) > 0 && rest[0] == ':' {
			out = append(out, bytes.TrimSpace(rest[1:]))
		}
	}
	return out
}

// head fills in the scope and period of a candidate and reports whether it is a plan. When the
// top-level lines are not plain "key: value" lines, the file is parsed to be sure.
func head(f *file) bool {
	pm, sm := topLevel(f.data, "period"), topLevel(f.data, "scope")
	if len(pm) == 1 && len(sm) == 1 {
		period, perr := plan.ParsePeriod(plainValue(pm[0]))
		scope := plainValue(sm[0])
		if perr == nil && plan.IsSlug(scope) {
			f.scope, f.period = scope, period
			return true
		}
	}
	if len(pm) == 0 && !bytes.Contains(f.data, []byte("period")) {
		return false
	}
	p, _, isPlan := plan.ParseCandidate(f.rel, f.data)
	if p != nil {
		f.scope, f.period = p.Scope.Value, p.Period.Value
	}
	return isPlan
}

// plainValue strips a trailing comment and quotes from a one-line value.
func plainValue(b []byte) string {
	s := string(b)
	if i := strings.Index(s, " #"); i >= 0 {
		s = s[:i]
	}
	s = strings.TrimSpace(s)
	if len(s) >= 2 && (s[0] == '"' || s[0] == '\'') && s[len(s)-1] == s[0] {
		s = s[1 : len(s)-1]
	}
	return s
}

// scopes returns every scope with a plan, sorted.
func (ix *index) scopes() []string {
	var out []string
	for _, f := range ix.files {
		if f.scope != "" && !slices.Contains(out, f.scope) {
			out = append(out, f.scope)
		}
	}
	slices.Sort(out)
	return out
}

// periods returns the periods a scope has plans for, in order.
func (ix *index) periods(scope string) []plan.Period {
	var out []plan.Period
	for _, f := range ix.files {
		if f.scope == scope && !slices.Contains(out, f.period) {
			out = append(out, f.period)
		}
	}
	slices.SortFunc(out, plan.Period.Compare)
	return out
}

// find returns the files that hold the plan of a scope for a period.
func (ix *index) find(scope string, period plan.Period) []*file {
	var out []*file
	for _, f := range ix.files {
		if f.scope == scope && f.period == period {
			out = append(out, f)
		}
	}
	return out
}

// sources returns the files of the given scopes as sources to load, with data replaced by
// edited content where given.
func (ix *index) sources(scopes map[string]bool, edited map[string][]byte) []plan.Source {
	var out []plan.Source
	for _, f := range ix.files {
		if !scopes[f.scope] {
			continue
		}
		data := f.data
		if d, ok := edited[f.rel]; ok {
			data = d
		}
		out = append(out, plan.Source{File: f.rel, Data: data})
	}
	return out
}
