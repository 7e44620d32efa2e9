// Package schema writes JSON Schemas (draft 2020-12) for plan files and for .okr.yaml, so that
// editors complete and check them as people type. The plan schema is generated from the plan
// decoder's field table and the configuration schema from the rule registry, so neither can
// drift from what okr accepts.
package schema

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"

	"github.com/okr-tool/okr/lint"
	"github.com/okr-tool/okr/plan"
)

// Draft is the JSON Schema dialect of the schemas.
const Draft = "https://json-schema.org/draft/2020-12/schema"

// node is one JSON Schema object; its fields marshal in this order.
type node struct {
	Schema           string   `json:"$schema,omitempty"`
	Title            string   `json:"title,omitempty"`
	Description      string   `json:"description,omitempty"`
	Ref              string   `json:"$ref,omitempty"`
	Type             any      `json:"type,omitempty"`
	Enum             []string `json:"enum,omitempty"`
	Const            string   `json:"const,omitempty"`
	Pattern          string   `json:"pattern,omitempty"`
	Format           string   `json:"format,omitempty"`
	MaxLength        int      `json:"maxLength,omitempty"`
	Minimum          *float64 `json:"minimum,omitempty"`
	ExclusiveMinimum *float64 `json:"exclusiveMinimum,omitempty"`
	Maximum          *float64 `json:"maximum,omitempty"`
	MinItems         int      `json:"minItems,omitempty"`
	Items            *node    `json:"items,omitempty"`
	Properties       props    `json:"properties,omitempty"`
	Required         []string `json:"required,omitempty"`
	// AdditionalProperties is false for closed mappings, or a schema for the values of an open one.
	AdditionalProperties any     `json:"additionalProperties,omitempty"`
	AnyOf                []*node `json:"anyOf,omitempty"`
	AllOf                []*node `json:"allOf,omitempty"`
	Not                  *node   `json:"not,omitempty"`
	If                   *node   `json:"if,omitempty"`
	Then                 *node   `json:"then,omitempty"`
	Else                 *node   `json:"else,omitempty"`
	Defs                 props   `json:"$defs,omitempty"`
}

// prop is one named property; props keep their order in the output.
type prop struct {
	name string
	n    any // *node, or false for "not allowed here"
}

type props []prop

func (ps props) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	b.WriteByte('{')
	for i, p := range ps {
		if i > 0 {
			b.WriteByte(',')
		}
		k, _ := json.Marshal(p.name)
		v, err := json.Marshal(p.n)
		if err != nil {
			return nil, err
		}
		b.Write(k)
		b.WriteByte(':')
		b.Write(v)
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}

// Slug is the pattern of ids: lowercase letters and digits in words joined by "-" or "_".
const Slug = `^[a-z0-9]+([-_][a-z0-9]+)*$`

// Plan returns the JSON Schema of plan files.
func Plan() []byte {
	root := section(plan.SectionPlan)
	root.Schema = Draft
	root.Title = "okr plan"
	root.Description = "One plan file: the objectives, key results and KPIs of one scope for one period. " +
		"See docs/plan-format.md; okr lint checks what a schema cannot (carry-forward, alignment, dates)."
	for _, s := range []plan.Section{plan.SectionKPI, plan.SectionObjective, plan.SectionKeyResult} {
		root.Defs = append(root.Defs, prop{string(s), section(s)})
	}
	return marshal(root)
}

// section is the schema of one kind of mapping, from the field table.
func section(s plan.Section) *node {
	n := &node{Type: "object", AdditionalProperties: false}
	// notFor[t] lists the keys a key result of type t must not have.
	notFor := map[plan.KRType]props{}
	for _, f := range plan.FieldTable[s] {
		n.Properties = append(n.Properties, prop{f.Key, field(f)})
		if f.Required {
			n.Required = append(n.Required, f.Key)
		}
		if f.Only == nil {
			continue
		}
		for _, t := range plan.KRTypes {
			if !slices.Contains(f.Only, t) {
				notFor[t] = append(notFor[t], prop{f.Key, false})
			}
		}
	}
	// A key result must not have the keys of another type; one if/then per type, the type
	// outcome also when it is not written.
	for _, t := range plan.KRTypes {
		if len(notFor[t]) == 0 {
			continue
		}
		cond := &node{Properties: props{{"type", &node{Const: string(t)}}}, Required: []string{"type"}}
		if t == plan.Outcome {
			cond = &node{AnyOf: []*node{cond, {Not: &node{Required: []string{"type"}}}}}
		}
		n.AllOf = append(n.AllOf, &node{If: cond, Then: &node{Properties: notFor[t]}})
	}
	return n
}

// field is the schema of one key's value.
func field(f plan.FieldSpec) *node {
	n := &node{Description: f.Doc}
	switch f.Type {
	case plan.TypeText:
		// YAML reads owner: 2026 as a number; okr takes any single value as text.
		n.Type = []string{"string", "number", "boolean"}
	case plan.TypeSlug:
		n.Type, n.Pattern, n.MaxLength = "string", Slug, 64
	case plan.TypeNumber:
		n.Type, n.Minimum, n.Maximum = "number", f.Min, f.Max
		if f.ExclusiveMin {
			n.Minimum, n.ExclusiveMinimum = nil, f.Min
		}
	case plan.TypeBoolean:
		n.Type = "boolean"
	case plan.TypeDate:
		n.Type, n.Format, n.Pattern = "string", "date", `^[0-9]{4}-[0-9]{2}-[0-9]{2}$`
	case plan.TypePeriod:
		// A year is a YAML number (period: 2026), a quarter a string (period: 2026-Q3).
		n.AnyOf = []*node{
			{Type: "string", Pattern: `^[0-9]{4}(-[Qq][1-4])?$`},
			{Type: "integer", Minimum: ptr(1000), Maximum: ptr(9999)},
		}
	case plan.TypeEnum:
		n.Type, n.Enum = "string", f.Enum
	case plan.TypeList:
		n.Type = []string{"array", "null"}
		n.Items = &node{Ref: "#/$defs/" + string(f.Items)}
	default:
		panic(fmt.Sprintf("schema: field %s has type %q, which the schema does not know", f.Key, f.Type))
	}
	return n
}

func ptr(v float64) *float64 { return &v }

// Config returns the JSON Schema of .okr.yaml, from the rule registry: every rule with its
// severity and settings.
func Config() []byte {
	severity := &node{Description: "error fails the build, warning is reported, off turns the rule off.",
		Type: "string", Enum: lint.Severities}
	rules := &node{Type: []string{"object", "null"}, AdditionalProperties: false,
		Description: "Rule settings by rule id (okr rules lists them): a severity, or a mapping of severity and settings."}
	for _, r := range lint.Registry() {
		info := r.Info()
		settings := &node{Type: "object", AdditionalProperties: false,
			Properties: props{{"severity", severity}}}
		if c, ok := r.(lint.Configurable); ok {
			for _, p := range c.Params() {
				settings.Properties = append(settings.Properties, prop{p.Name, param(p)})
			}
		}
		rules.Properties = append(rules.Properties, prop{info.ID, &node{
			Description: fmt.Sprintf("%s (default: %s)", info.Summary, info.Severity),
			AnyOf:       []*node{{Ref: "#/$defs/severity"}, settings},
		}})
		// A former ID still works in .okr.yaml, so the schema accepts it too, and says what it
		// became.
		for _, alias := range info.Aliases {
			rules.Properties = append(rules.Properties, prop{alias, &node{
				Description: fmt.Sprintf("Former name of %s: %s (default: %s)", info.ID, info.Summary, info.Severity),
				AnyOf:       []*node{{Ref: "#/$defs/severity"}, settings},
			}})
		}
	}
	root := &node{
		Schema:      Draft,
		Title:       "okr configuration (.okr.yaml)",
		Description: "The configuration of a plan repository: which paths hold plans, and each lint rule's severity and settings.",
		Type:        []string{"object", "null"},
		Properties: props{
			{"paths", &node{Type: "array", Items: &node{Type: "string"},
				Description: "Globs of repository-relative paths that hold plans (** matches any number of directories); default: every YAML file."}},
			{"rules", rules},
		},
		AdditionalProperties: false,
		Defs:                 props{{"severity", severity}},
	}
	return marshal(root)
}

// param is the schema of one rule setting.
func param(p lint.Param) *node {
	n := &node{Description: p.Doc + " (default: " + p.Value() + ")"}
	switch {
	case p.Int != nil:
		n.Type = "integer"
	case p.Frequency != nil:
		n.Type = "string"
		for _, f := range plan.Frequencies {
			n.Enum = append(n.Enum, string(f))
		}
	case p.Levels != nil:
		levels := []string{string(plan.LevelCompany), string(plan.LevelTeam), string(plan.LevelIndividual)}
		n.AnyOf = []*node{
			{Type: "string", Enum: levels},
			{Type: "array", MinItems: 1, Items: &node{Type: "string", Enum: levels}},
		}
	}
	return n
}

func marshal(n *node) []byte {
	data, err := json.MarshalIndent(n, "", "  ")
	if err != nil {
		panic(err) // the schema is built from constants; this cannot fail
	}
	return append(data, '\n')
}
