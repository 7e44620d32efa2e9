package schema_test

import (
	"bytes"
	"encoding/json"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"go.yaml.in/yaml/v3"

	"github.com/okr-tool/okr/internal/golden"
	"github.com/okr-tool/okr/lint"
	"github.com/okr-tool/okr/lint/config"
	"github.com/okr-tool/okr/plan"
	"github.com/okr-tool/okr/rollover"
	"github.com/okr-tool/okr/scaffold"
	"github.com/okr-tool/okr/schema"
)

// TestDocsCopies keeps the copies in docs/ current: go test ./schema -update rewrites them.
func TestDocsCopies(t *testing.T) {
	golden.Check(t, "../docs/plan.schema.json", schema.Plan())
	golden.Check(t, "../docs/okr-config.schema.json", schema.Config())
}

func compile(t *testing.T, name string, data []byte) *jsonschema.Schema {
	t.Helper()
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	if err := c.AddResource(name, doc); err != nil {
		t.Fatal(err)
	}
	s, err := c.Compile(name)
	if err != nil {
		t.Fatalf("the schema does not compile: %v", err)
	}
	return s
}

// instance reads YAML into the JSON value an editor's YAML support validates: aliases and merge
// keys resolved, dates as strings.
func instance(t *testing.T, data []byte) any {
	t.Helper()
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		t.Fatal(err)
	}
	var conv func(n *yaml.Node) any
	conv = func(n *yaml.Node) any {
		for n.Kind == yaml.AliasNode {
			n = n.Alias
		}
		switch n.Kind {
		case 0: // an empty document, or one of comments only
			return nil
		case yaml.DocumentNode:
			if len(n.Content) == 0 {
				return nil
			}
			return conv(n.Content[0])
		case yaml.SequenceNode:
			out := []any{}
			for _, c := range n.Content {
				out = append(out, conv(c))
			}
			return out
		case yaml.MappingNode:
			out := map[string]any{}
			var merged []map[string]any
			for i := 0; i+1 < len(n.Content); i += 2 {
				k, v := n.Content[i], n.Content[i+1]
				if k.Tag == "!!merge" {
					switch m := conv(v).(type) {
					case map[string]any:
						merged = append(merged, m)
					case []any:
						for _, x := range m {
							if mm, ok := x.(map[string]any); ok {
								merged = append(merged, mm)
							}
						}
					}
					continue
				}
				out[k.Value] = conv(v)
			}
			for _, m := range merged {
				for k, v := range m {
					if _, ok := out[k]; !ok {
						out[k] = v
					}
				}
			}
			return out
		}
		switch n.Tag {
		case "!!null":
			return nil
		case "!!bool":
			return strings.EqualFold(n.Value, "true")
		case "!!int", "!!float":
			return json.Number(strings.ReplaceAll(n.Value, "_", ""))
		}
		return n.Value
	}
	return conv(&doc)
}

// plansUnder returns the plan files under dir that load without any finding of the plan format
// (schema, yaml-syntax, duplicate-id), and those that have one.
func plansUnder(t *testing.T, dir string) (clean, broken []string) {
	t.Helper()
	filepath.WalkDir(dir, func(p string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() || !plan.IsYAMLFile(p) {
			return nil
		}
		data, _ := os.ReadFile(p)
		pl, diags, isPlan := plan.ParseCandidate(p, data)
		if !isPlan {
			return nil
		}
		if pl != nil && len(diags) == 0 {
			clean = append(clean, p)
		} else {
			broken = append(broken, p)
		}
		return nil
	})
	return clean, broken
}

// TestPlanSchemaAcceptsGoodPlans validates every example plan, every plan of a rule's good
// example, and every other plan under testdata/ the decoder reads without a finding.
func TestPlanSchemaAcceptsGoodPlans(t *testing.T) {
	s := compile(t, "plan.schema.json", schema.Plan())
	var files []string
	for _, dir := range []string{"../examples", "../testdata"} {
		clean, _ := plansUnder(t, dir)
		files = append(files, clean...)
	}
	for _, f := range files {
		data, _ := os.ReadFile(f)
		if err := s.Validate(instance(t, data)); err != nil {
			t.Errorf("%s: %v", f, err)
		}
	}
	good := 0
	for _, r := range lint.Registry() {
		for _, f := range r.Info().Good {
			pl, diags, isPlan := plan.ParseCandidate(f.Path, []byte(f.Text))
			if !isPlan || pl == nil || len(diags) > 0 {
				continue
			}
			good++
			if err := s.Validate(instance(t, []byte(f.Text))); err != nil {
				t.Errorf("good example of %s, %s: %v", r.Info().ID, f.Path, err)
			}
		}
	}
	if len(files) < 30 || good < 15 {
		t.Errorf("validated %d plans and %d good examples; the walk missed some", len(files), good)
	}
}

// TestPlanSchemaRejects checks that the schema refuses the mistakes of the schema rule's bad
// fixture and others it can express.
func TestPlanSchemaRejects(t *testing.T) {
	s := compile(t, "plan.schema.json", schema.Plan())
	cases := map[string]string{
		"schema rule's bad example":  lint.Lookup(lint.Registry(), plan.RuleSchema).Info().Bad[0].Text,
		"missing scope":              "period: 2026-Q3\n",
		"bad period":                 "period: Q3-2026\nscope: s\n",
		"unknown key":                "period: 2026-Q3\nscope: s\nobjectivs: []\n",
		"bad slug":                   "period: 2026-Q3\nscope: Sales Team\n",
		"bad enum":                   "period: 2026-Q3\nscope: s\nlevel: department\n",
		"number as text":             "period: 2026-Q3\nscope: s\nkpis:\n  - {id: k, name: K, target: \"75%\"}\n",
		"effort key on outcome":      "period: 2026-Q3\nscope: s\nobjectives:\n  - id: o\n    title: O\n    key_results:\n      - {id: k, title: K, start: 1, target: 2, done: true}\n",
		"outcome key on effort":      "period: 2026-Q3\nscope: s\nobjectives:\n  - id: o\n    title: O\n    key_results:\n      - {id: k, title: K, type: effort, current: 2}\n",
		"confidence above 1":         "period: 2026-Q3\nscope: s\nobjectives:\n  - id: o\n    title: O\n    key_results:\n      - {id: k, title: K, start: 1, target: 2, confidence: 1.5}\n",
		"zero weight":                "period: 2026-Q3\nscope: s\nobjectives:\n  - id: o\n    title: O\n    key_results:\n      - {id: k, title: K, start: 1, target: 2, weight: 0}\n",
		"key result without a title": "period: 2026-Q3\nscope: s\nobjectives:\n  - id: o\n    title: O\n    key_results:\n      - {id: k, start: 1, target: 2}\n",
	}
	for name, text := range cases {
		// The decoder must refuse each case too, or the schema would be stricter than okr.
		if _, diags := plan.Parse("p.yaml", []byte(text)); len(diags) == 0 {
			t.Errorf("%s: the decoder accepts it", name)
		}
		if err := s.Validate(instance(t, []byte(text))); err == nil {
			t.Errorf("%s: the schema accepts it", name)
		}
	}
}

// TestConfigSchema validates every .okr.yaml the configuration decoder accepts and refuses a few
// it does not.
func TestConfigSchema(t *testing.T) {
	s := compile(t, "okr-config.schema.json", schema.Config())
	var n int
	for _, dir := range []string{"..", "../testdata", "../examples"} {
		filepath.WalkDir(dir, func(p string, e fs.DirEntry, err error) error {
			if err != nil || e.IsDir() || e.Name() != config.FileName {
				return nil
			}
			data, _ := os.ReadFile(p)
			if _, err := config.Parse(p, data); err != nil {
				return nil
			}
			n++
			if err := s.Validate(instance(t, data)); err != nil {
				t.Errorf("%s: %v", p, err)
			}
			return nil
		})
	}
	if n < 10 {
		t.Errorf("validated %d configurations; the walk missed some", n)
	}
	// A rule's former ID is accepted by both.
	for _, r := range lint.Registry() {
		for _, alias := range r.Info().Aliases {
			text := "rules:\n  " + alias + ": warning\n"
			if _, err := config.Parse(".okr.yaml", []byte(text)); err != nil {
				t.Errorf("former id %s: %v", alias, err)
			}
			if err := s.Validate(instance(t, []byte(text))); err != nil {
				t.Errorf("former id %s: the schema refuses it: %v", alias, err)
			}
		}
	}
	for name, text := range map[string]string{
		"unknown key":      "pathz: [plans]\n",
		"unknown rule":     "rules:\n  kr-cuont: off\n",
		"bad severity":     "rules:\n  kr-count: fatal\n",
		"unknown setting":  "rules:\n  kr-count: {minimum: 2}\n",
		"setting not int":  "rules:\n  kr-count: {min: two}\n",
		"paths not a list": "paths: plans\n",
	} {
		if _, err := config.Parse(".okr.yaml", []byte(text)); err == nil {
			t.Errorf("%s: the configuration decoder accepts it", name)
		}
		if err := s.Validate(instance(t, []byte(text))); err == nil {
			t.Errorf("%s: the schema accepts it", name)
		}
	}
}

// TestSchemaValidatesWhatInitAndNextWrite: the schemas okr init writes to .okr/ accept the
// .okr.yaml and the plans okr init writes beside them and the drafts okr next writes from them,
// which point at them.
func TestSchemaValidatesWhatInitAndNextWrite(t *testing.T) {
	root := t.TempDir()
	asOf := time.Date(2026, time.December, 10, 0, 0, 0, 0, time.UTC)
	if _, err := scaffold.Init(root, scaffold.Options{AsOf: asOf, Schema: schema.Plan(), ConfigSchema: schema.Config()}); err != nil {
		t.Fatal(err)
	}
	// .okr.yaml, every setting commented out, and the schema of .okr.yaml it points at.
	config, _ := os.ReadFile(filepath.Join(root, ".okr.yaml"))
	configSchema, _ := os.ReadFile(filepath.Join(root, filepath.FromSlash(scaffold.ConfigSchemaFile)))
	if !bytes.HasPrefix(config, []byte("# yaml-language-server: $schema="+scaffold.ConfigSchemaFile+"\n")) {
		t.Errorf(".okr.yaml does not point at %s", scaffold.ConfigSchemaFile)
	}
	if err := compile(t, scaffold.ConfigSchemaFile, configSchema).Validate(instance(t, config)); err != nil {
		t.Errorf(".okr.yaml: %v", err)
	}
	written, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(plan.SchemaFile)))
	if err != nil {
		t.Fatal(err)
	}
	s := compile(t, plan.SchemaFile, written)
	repo, _, err := plan.Load(plan.LoadOptions{Root: root})
	if err != nil {
		t.Fatal(err)
	}
	res, err := rollover.Next(repo, rollover.Options{From: plan.QuarterOf(asOf), AsOf: asOf})
	if err != nil {
		t.Fatal(err)
	}
	if err := rollover.Write(root, res); err != nil {
		t.Fatal(err)
	}
	files, _ := filepath.Glob(filepath.Join(root, "plans", "*", "*.yaml"))
	if len(files) != 4 { // 2026, 2026-Q4, and across the year end 2027 and 2027-Q1
		t.Fatalf("init and next wrote %v", files)
	}
	for _, f := range files {
		data, _ := os.ReadFile(f)
		if !bytes.HasPrefix(data, []byte("# yaml-language-server: $schema=../../"+plan.SchemaFile+"\n")) {
			t.Errorf("%s does not point at %s", f, plan.SchemaFile)
		}
		if err := s.Validate(instance(t, data)); err != nil {
			t.Errorf("%s: %v", f, err)
		}
	}
}
