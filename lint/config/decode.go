package config

import (
	"bytes"
	"fmt"
	"io"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/okr-tool/okr/lint"
	"github.com/okr-tool/okr/plan"
)

// topKeys are the keys a configuration file may have.
var topKeys = []string{"paths", "rules"}

// Parse reads a configuration from data; file names it in messages. The error is an *Error
// listing every mistake.
func Parse(file string, data []byte) (*Config, error) {
	d := &decoder{file: file, cfg: Default()}
	d.cfg.File = file
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var doc, next yaml.Node
	err := dec.Decode(&doc)
	if err == nil {
		err = dec.Decode(&next)
		if err == nil {
			d.problem(documentLine(data, &next), 1, "the configuration is one YAML document; remove the second one (and its ---)")
			return nil, &Error{Problems: d.problems}
		}
	}
	if err != nil && err != io.EOF {
		line, msg := syntaxError(err)
		d.problem(line, 1, "%s", msg)
		return nil, &Error{Problems: d.problems}
	}
	if len(doc.Content) > 0 {
		d.top(resolve(doc.Content[0]))
	}
	if len(d.problems) > 0 {
		return nil, &Error{Problems: d.problems}
	}
	return d.cfg, nil
}

// documentLine returns the line a YAML document of data starts on: the line of the --- marker
// before its first node, else that node's line.
func documentLine(data []byte, doc *yaml.Node) int {
	line := max(doc.Line, 1)
	if len(doc.Content) > 0 && doc.Content[0].Line > 0 {
		line = doc.Content[0].Line
	}
	lines := strings.Split(string(data), "\n")
	for l := min(line, len(lines)); l >= 1; l-- {
		if strings.HasPrefix(lines[l-1], "---") {
			return l
		}
	}
	return line
}

// decoder walks the YAML nodes of a configuration and collects its problems.
type decoder struct {
	file     string
	cfg      *Config
	problems []Problem
}

func (d *decoder) problem(line, col int, format string, args ...any) {
	d.problems = append(d.problems, Problem{File: d.file, Line: line, Col: col, Message: fmt.Sprintf(format, args...)})
}

func (d *decoder) problemAt(n *yaml.Node, format string, args ...any) {
	d.problem(n.Line, n.Column, format, args...)
}

func (d *decoder) top(n *yaml.Node) {
	if isNull(n) {
		return
	}
	if n.Kind != yaml.MappingNode {
		d.problemAt(n, "the configuration must be a mapping with the keys paths: and rules:")
		return
	}
	d.eachPair(n, func(key, value *yaml.Node) {
		switch key.Value {
		case "paths":
			d.paths(value)
		case "rules":
			d.rules(value)
		default:
			d.problemAt(key, "unknown key %s%s; the configuration has paths: and rules:", strconv.Quote(key.Value), aside(key.Value, topKeys))
		}
	})
}

// eachPair calls f for each key and value of a mapping, reporting duplicate and non-text keys.
func (d *decoder) eachPair(n *yaml.Node, f func(key, value *yaml.Node)) {
	seen := map[string]int{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		key, value := resolve(n.Content[i]), resolve(n.Content[i+1])
		if key.Kind != yaml.ScalarNode {
			d.problemAt(key, "a key must be plain text")
			continue
		}
		if line, dup := seen[key.Value]; dup {
			d.problemAt(key, "%s is already set on line %d; remove one of them", strconv.Quote(key.Value), line)
			continue
		}
		seen[key.Value] = key.Line
		f(key, value)
	}
}

func (d *decoder) paths(n *yaml.Node) {
	if n.Kind != yaml.SequenceNode {
		d.problemAt(n, "paths must be a list of globs, e.g. [\"plans/**\"]")
		return
	}
	for _, item := range n.Content {
		item = resolve(item)
		if item.Kind != yaml.ScalarNode || item.Tag == "!!null" {
			d.problemAt(item, "each path must be a glob such as plans/**")
			continue
		}
		if msg := checkGlob(item.Value); msg != "" {
			d.problemAt(item, "path %s %s", strconv.Quote(item.Value), msg)
			continue
		}
		d.cfg.Paths = append(d.cfg.Paths, item.Value)
	}
}

// checkGlob says what is wrong with a paths: glob, or returns "".
func checkGlob(glob string) string {
	switch {
	case strings.TrimSpace(glob) == "":
		return "is empty; write a glob such as plans/**"
	case strings.HasPrefix(glob, "/") || strings.Contains(glob, `\`):
		return "must be relative to the repository root and use forward slashes, e.g. plans/**"
	}
	if slices.Contains(strings.Split(glob, "/"), "..") {
		return "must stay inside the repository; remove \"..\""
	}
	if plan.ValidGlob(glob) != nil {
		return "is not a valid glob (check its brackets)"
	}
	return ""
}

func (d *decoder) rules(n *yaml.Node) {
	if isNull(n) {
		return
	}
	if n.Kind != yaml.MappingNode {
		d.problemAt(n, "rules must map rule IDs to a severity or to settings, e.g. kpi-count: off")
		return
	}
	ids := lint.IDs(d.cfg.Rules)
	set := map[string]*yaml.Node{} // by rule ID, the key that configured the rule
	d.eachPair(n, func(key, value *yaml.Node) {
		r := lint.Lookup(d.cfg.Rules, key.Value)
		if r == nil {
			hint := suggest(key.Value, ids)
			if hint == "" {
				hint = "; run okr rules for the list"
			}
			d.problemAt(key, "unknown rule %s%s", strconv.Quote(key.Value), hint)
			return
		}
		if first := set[r.Info().ID]; first != nil {
			// The same rule under its ID and a former ID (Info.Aliases).
			d.problemAt(key, "%s and %s (line %d) are the same rule, %s; keep one of them",
				strconv.Quote(key.Value), strconv.Quote(first.Value), first.Line, r.Info().ID)
			return
		}
		set[r.Info().ID] = key
		d.rule(r, key, value)
	})
}

func (d *decoder) rule(r lint.Rule, key, n *yaml.Node) {
	id := r.Info().ID
	switch {
	case n.Kind == yaml.ScalarNode && !isNull(n):
		d.severity(id, n)
		return
	case n.Kind != yaml.MappingNode:
		d.problemAt(n, "rule %s needs a severity (error, warning or off) or a mapping of settings", id)
		return
	}
	var params []lint.Param
	if c, ok := r.(lint.Configurable); ok {
		params = c.Params()
	}
	names := []string{"severity"}
	for _, p := range params {
		names = append(names, p.Name)
	}
	before := len(d.problems)
	d.eachPair(n, func(k, v *yaml.Node) {
		if k.Value == "severity" {
			d.severity(id, v)
			return
		}
		i := slices.IndexFunc(params, func(p lint.Param) bool { return p.Name == k.Value })
		if i < 0 {
			d.problemAt(k, "rule %s has no setting %s%s; it has %s", id, strconv.Quote(k.Value),
				aside(k.Value, names), strings.Join(names, ", "))
			return
		}
		d.param(id, params[i], v)
	})
	if c, ok := r.(lint.Configurable); ok && len(d.problems) == before {
		if err := c.Validate(); err != nil {
			d.problemAt(key, "rule %s: %v", id, err)
		}
	}
}

func (d *decoder) severity(id string, n *yaml.Node) {
	s, err := lint.ParseSeverity(n.Value)
	if n.Kind != yaml.ScalarNode || err != nil {
		d.problemAt(n, "severity of %s must be error, warning or off, not %s%s", id, describe(n), suggest(n.Value, lint.Severities))
		return
	}
	d.cfg.Severity[id] = s
}

func (d *decoder) param(id string, p lint.Param, n *yaml.Node) {
	switch {
	case p.Int != nil:
		v, err := strconv.Atoi(n.Value)
		if n.Kind != yaml.ScalarNode || n.Tag != "!!int" || err != nil {
			d.problemAt(n, "%s of %s must be a whole number, not %s", p.Name, id, describe(n))
			return
		}
		*p.Int = v
	case p.Frequency != nil:
		f := plan.Frequency(n.Value)
		if n.Kind != yaml.ScalarNode || f.Rank() < 0 {
			d.problemAt(n, "%s of %s must be one of %s, not %s%s", p.Name, id, strings.Join(frequencies(), ", "),
				describe(n), suggest(n.Value, frequencies()))
			return
		}
		*p.Frequency = f
	case p.Levels != nil:
		d.levels(id, p, n)
	}
}

var levelNames = []string{string(plan.LevelCompany), string(plan.LevelTeam), string(plan.LevelIndividual)}

func (d *decoder) levels(id string, p lint.Param, n *yaml.Node) {
	items := []*yaml.Node{n}
	if n.Kind == yaml.SequenceNode {
		items = n.Content
	}
	if n.Kind == yaml.SequenceNode && len(n.Content) == 0 {
		d.problemAt(n, "%s of %s lists no level; list some of company, team, individual, or turn the rule off with %s: off",
			p.Name, id, id)
		return
	}
	var levels []plan.Level
	for _, item := range items {
		item = resolve(item)
		if item.Kind != yaml.ScalarNode || !slices.Contains(levelNames, item.Value) {
			d.problemAt(item, "%s of %s must list levels among company, team, individual, not %s%s",
				p.Name, id, describe(item), suggest(item.Value, levelNames))
			continue
		}
		if !slices.Contains(levels, plan.Level(item.Value)) {
			levels = append(levels, plan.Level(item.Value))
		}
	}
	*p.Levels = levels
}

func frequencies() []string {
	names := make([]string, len(plan.Frequencies))
	for i, f := range plan.Frequencies {
		names[i] = string(f)
	}
	return names
}

// describe renders a node's value for a message.
func describe(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	}
	if isNull(n) {
		return "nothing"
	}
	return strconv.Quote(n.Value)
}

// suggest returns `; did you mean "x"?` when a candidate is close to got.
func suggest(got string, candidates []string) string {
	if best := plan.Nearest(got, candidates); best != "" {
		return fmt.Sprintf("; did you mean %q?", best)
	}
	return ""
}

// aside returns ` (did you mean "x"?)` when a candidate is close to got, for the middle of a
// message.
func aside(got string, candidates []string) string {
	if best := plan.Nearest(got, candidates); best != "" {
		return fmt.Sprintf(" (did you mean %q?)", best)
	}
	return ""
}

func resolve(n *yaml.Node) *yaml.Node {
	for n.Kind == yaml.AliasNode && n.Alias != nil {
		n = n.Alias
	}
	return n
}

func isNull(n *yaml.Node) bool {
	return n.Kind == yaml.ScalarNode && n.Tag == "!!null"
}

var syntaxLine = regexp.MustCompile(`^yaml: line (\d+): `)

// syntaxError returns the line and message of a YAML parse error.
func syntaxError(err error) (int, string) {
	msg := err.Error()
	if m := syntaxLine.FindStringSubmatch(msg); m != nil {
		line, _ := strconv.Atoi(m[1])
		return line, "YAML syntax: " + msg[len(m[0]):]
	}
	return 1, "YAML syntax: " + strings.TrimPrefix(msg, "yaml: ")
}
