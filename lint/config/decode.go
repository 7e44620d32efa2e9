package config

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/okr-tool/okr/internal/yamlx"
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
	if len(data) > MaxSize {
		d.problem(1, 1, "the configuration is larger than %d KiB, the most it may have", MaxSize>>10)
		return nil, &Error{Problems: d.problems}
	}
	var doc yaml.Node
	err := yaml.Unmarshal(data, &doc)
	if err == nil {
		var line, col int
		var found bool
		if line, col, found, err = yamlx.SecondDocument(data); found {
			d.problem(line, col, "the configuration is one YAML document; remove the second one (and its ---)")
			return nil, &Error{Problems: d.problems}
		}
	}
	if err != nil {
		line, col, msg := yamlx.SyntaxError(err, data)
		d.problem(line, col, "%s", msg)
		return nil, &Error{Problems: d.problems}
	}
	if len(doc.Content) > 0 {
		d.top(yamlx.Resolve(doc.Content[0]))
	}
	if len(d.problems) > 0 {
		return nil, &Error{Problems: d.problems}
	}
	return d.cfg, nil
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
	if yamlx.IsNull(n) {
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
			d.problemAt(key, "unknown key %s%s; the configuration has paths: and rules:", strconv.Quote(key.Value), plan.Suggest(key.Value, topKeys))
		}
	})
}

// eachPair calls f for each key and value of a mapping, reporting duplicate and non-text keys.
func (d *decoder) eachPair(n *yaml.Node, f func(key, value *yaml.Node)) {
	seen := map[string]int{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		key, value := yamlx.Resolve(n.Content[i]), yamlx.Resolve(n.Content[i+1])
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
	seen := map[string]bool{}
	for _, item := range n.Content {
		item = yamlx.Resolve(item)
		if item.Kind != yaml.ScalarNode || item.Tag == "!!null" {
			d.problemAt(item, "each path must be a glob such as plans/**")
			continue
		}
		if msg := checkGlob(item.Value); msg != "" {
			d.problemAt(item, "path %s %s", strconv.Quote(item.Value), msg)
			continue
		}
		if seen[item.Value] {
			continue // a repeated glob adds nothing
		}
		seen[item.Value] = true
		if len(d.cfg.Paths) == MaxPaths {
			d.problemAt(n, "paths has more than %d different globs, the most okr accepts (every plan is "+
				"matched against each of them); a plan repository needs a handful: name the directories "+
				"that hold plans, e.g. plans/**", MaxPaths)
			d.cfg.Paths = nil
			return
		}
		d.cfg.Paths = append(d.cfg.Paths, item.Value)
	}
}

// MaxPaths is the most globs paths: may list. Every file discovery finds is matched against each
// glob, so the cap keeps the cost of a walk linear in the repository's files.
const MaxPaths = 256

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
	if yamlx.IsNull(n) {
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
			hint := plan.Suggest(key.Value, ids)
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
	case n.Kind == yaml.ScalarNode && !yamlx.IsNull(n):
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
				plan.Suggest(k.Value, names), strings.Join(names, ", "))
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
		d.problemAt(n, "severity of %s must be error, warning or off, not %s%s", id, describe(n), plan.Suggest(n.Value, lint.Severities))
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
			d.problemAt(n, "%s of %s must be one of %s, not %s%s", p.Name, id, strings.Join(plan.Names(plan.Frequencies), ", "),
				describe(n), plan.Suggest(n.Value, plan.Names(plan.Frequencies)))
			return
		}
		*p.Frequency = f
	case p.Levels != nil:
		d.levels(id, p, n)
	}
}

func (d *decoder) levels(id string, p lint.Param, n *yaml.Node) {
	items := []*yaml.Node{n}
	if n.Kind == yaml.SequenceNode {
		items = n.Content
	}
	if n.Kind == yaml.SequenceNode && len(n.Content) == 0 {
		d.problemAt(n, "%s of %s lists no level; list some of %s, or turn the rule off with %s: off",
			p.Name, id, strings.Join(plan.Names(plan.Levels), ", "), id)
		return
	}
	var levels []plan.Level
	for _, item := range items {
		item = yamlx.Resolve(item)
		if item.Kind != yaml.ScalarNode || plan.Level(item.Value).Rank() < 0 {
			d.problemAt(item, "%s of %s must list levels among %s, not %s%s",
				p.Name, id, strings.Join(plan.Names(plan.Levels), ", "), describe(item), plan.Suggest(item.Value, plan.Names(plan.Levels)))
			continue
		}
		if !slices.Contains(levels, plan.Level(item.Value)) {
			levels = append(levels, plan.Level(item.Value))
		}
	}
	*p.Levels = levels
}

// describe renders a node's value for a message.
func describe(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	}
	if yamlx.IsNull(n) {
		return "nothing"
	}
	return strconv.Quote(n.Value)
}
