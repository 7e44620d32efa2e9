package scaffold

import (
	"bytes"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"go.yaml.in/yaml/v3"

	"github.com/okr-tool/okr/internal/golden"
	"github.com/okr-tool/okr/lint"
	"github.com/okr-tool/okr/lint/config"
	"github.com/okr-tool/okr/plan"
)

func day(s string) time.Time {
	d, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return d
}

// Every setting .okr.yaml can hold appears in the generated configuration: each rule and each
// of its numbers.
func TestConfigListsEverySetting(t *testing.T) {
	text := Config(nil)
	for _, key := range []string{"paths:", "rules:"} {
		if !strings.Contains(text, key) {
			t.Errorf("the configuration does not mention %s", key)
		}
	}
	for _, r := range lint.Registry() {
		id := r.Info().ID
		if !regexp.MustCompile(`(?m)^  # ` + regexp.QuoteMeta(id) + `:`).MatchString(text) {
			t.Errorf("rule %s is missing", id)
		}
		if c, ok := r.(lint.Configurable); ok {
			for _, p := range c.Params() {
				if !strings.Contains(text, "  #   "+p.Name+": "+p.Value()) {
					t.Errorf("setting %s of %s is missing", p.Name, id)
				}
			}
		}
	}
}

// Uncommenting every rule setting gives a valid configuration that changes nothing: the
// commented values are the defaults.
func TestConfigShowsTheDefaults(t *testing.T) {
	var b strings.Builder
	for _, line := range strings.SplitAfter(Config(nil), "\n") {
		if strings.HasPrefix(line, "  # ") {
			line = "  " + strings.TrimPrefix(line, "  # ")
		}
		b.WriteString(line)
	}
	cfg, err := config.Parse(".okr.yaml", []byte(b.String()))
	if err != nil {
		t.Fatalf("the uncommented configuration does not parse: %v\n%s", err, b.String())
	}
	defaults := config.Default()
	for i, r := range cfg.Rules {
		info := r.Info()
		if s, ok := cfg.Severity[info.ID]; !ok || s != info.Severity {
			t.Errorf("rule %s: severity %v, want the default %v", info.ID, s, info.Severity)
		}
		c, ok := r.(lint.Configurable)
		if !ok {
			continue
		}
		want := defaults.Rules[i].(lint.Configurable).Params()
		for j, p := range c.Params() {
			if p.Value() != want[j].Value() {
				t.Errorf("rule %s: %s is %s, want the default %s", info.ID, p.Name, p.Value(), want[j].Value())
			}
		}
	}
}

// The new repository lints clean, with no finding at all, whatever the quarter.
func TestInitLintsClean(t *testing.T) {
	for _, asOf := range []string{"2026-02-10", "2026-05-31", "2026-08-01", "2026-11-10"} {
		t.Run(asOf, func(t *testing.T) {
			dir := t.TempDir()
			res, err := Init(dir, Options{AsOf: day(asOf), Schema: []byte("{}\n")})
			if err != nil {
				t.Fatal(err)
			}
			if len(res.Skipped) > 0 || len(res.Notes) > 0 {
				t.Errorf("skipped %v, notes %v in an empty directory", res.Skipped, res.Notes)
			}
			data, err := os.ReadFile(filepath.Join(dir, ".okr.yaml"))
			if err != nil {
				t.Fatal(err)
			}
			cfg, err := config.Parse(".okr.yaml", data)
			if err != nil {
				t.Fatal(err)
			}
			repo, _, err := plan.Load(plan.LoadOptions{Root: dir, Globs: cfg.Paths})
			if err != nil {
				t.Fatal(err)
			}
			if len(repo.Plans) != 2 {
				t.Fatalf("loaded %d plans, want the annual and the quarter plan", len(repo.Plans))
			}
			q := plan.QuarterOf(day(asOf))
			if repo.Plan("company", q) == nil || repo.Plan("company", q.YearPeriod()) == nil {
				t.Errorf("no company plans for %s and %d", q, q.Year)
			}
			opts := cfg.Options()
			opts.AsOf = day(asOf)
			for _, f := range lint.Run(repo, opts).Findings {
				t.Errorf("%s:%d:%d: %s [%s]", f.File, f.Pos.Line, f.Pos.Col, f.Message, f.Rule)
			}
		})
	}
}

func TestInitFiles(t *testing.T) {
	// Two rules, one with settings: the golden .okr.yaml shows the layout without changing with
	// every new rule (TestConfigListsEverySetting covers the whole registry).
	rules := []lint.Rule{lint.Lookup(lint.Registry(), "kpi-source"), lint.Lookup(lint.Registry(), "kr-count")}
	for _, f := range Files(Options{AsOf: day("2026-11-10"), Schema: []byte("{}\n"), ConfigSchema: []byte("{}\n"), Rules: rules}) {
		golden.Check(t, filepath.Join("testdata", "init", filepath.FromSlash(f.Path)), f.Data)
	}
}

// Every plan points at the schema file that init writes, by a path that resolves from the plan.
func TestPlansPointAtTheSchema(t *testing.T) {
	dir := t.TempDir()
	if _, err := Init(dir, Options{AsOf: day("2026-11-10"), Schema: []byte("{}\n")}); err != nil {
		t.Fatal(err)
	}
	for _, f := range Files(Options{AsOf: day("2026-11-10")}) {
		if !strings.HasPrefix(f.Path, "plans/") {
			continue
		}
		first, _, _ := strings.Cut(string(f.Data), "\n")
		ref, ok := strings.CutPrefix(first, "# yaml-language-server: $schema=")
		if !ok {
			t.Errorf("%s starts with %q, not the schema line", f.Path, first)
			continue
		}
		if _, err := os.Stat(filepath.Join(dir, filepath.FromSlash(path.Join(path.Dir(f.Path), ref)))); err != nil {
			t.Errorf("%s: the schema %s does not resolve: %v", f.Path, ref, err)
		}
	}
}

// The CI workflow runs okr through the repository's own GitHub Action, as the README shows, with
// inputs the action has: a module path that is not published cannot be installed.
func TestWorkflowUsesTheAction(t *testing.T) {
	wf := string(read("workflow.yaml"))
	if strings.Contains(wf, "go install") || !strings.Contains(wf, "uses: okr-tool/okr@main") {
		t.Errorf("the workflow does not run okr's action:\n%s", wf)
	}
	action, err := os.ReadFile(filepath.Join("..", "action.yml"))
	if err != nil {
		t.Fatal(err)
	}
	var spec struct {
		Inputs map[string]any `yaml:"inputs"`
	}
	if err := yaml.Unmarshal(action, &spec); err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Jobs map[string]struct {
			Steps []struct {
				Uses string         `yaml:"uses"`
				With map[string]any `yaml:"with"`
			} `yaml:"steps"`
		} `yaml:"jobs"`
	}
	if err := yaml.Unmarshal([]byte(wf), &doc); err != nil {
		t.Fatal(err)
	}
	used := map[string]bool{}
	for _, job := range doc.Jobs {
		for _, st := range job.Steps {
			if !strings.HasPrefix(st.Uses, "okr-tool/okr@") {
				continue
			}
			for in := range st.With {
				used[in] = true
				if _, ok := spec.Inputs[in]; !ok {
					t.Errorf("the workflow gives the action an input it does not have: %s", in)
				}
			}
		}
	}
	if !used["new-from-rev"] || !used["max-warnings"] {
		t.Errorf("the workflow does not use new-from-rev and max-warnings: %v", used)
	}
}

func TestInitNeverOverwrites(t *testing.T) {
	dir := t.TempDir()
	mine := []byte("rules:\n  kr-count: off\n")
	if err := os.WriteFile(filepath.Join(dir, ".okr.yaml"), mine, 0o644); err != nil {
		t.Fatal(err)
	}
	res, err := Init(dir, Options{AsOf: day("2026-11-10")})
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(res.Skipped, []string{".okr.yaml"}) {
		t.Errorf("skipped %v, want only .okr.yaml", res.Skipped)
	}
	if got, _ := os.ReadFile(filepath.Join(dir, ".okr.yaml")); !bytes.Equal(got, mine) {
		t.Errorf(".okr.yaml was overwritten:\n%s", got)
	}
	if len(res.Notes) != 1 || !strings.Contains(res.Notes[0], plan.SchemaFile+" was not written") {
		t.Errorf("notes %v, want one about the schema file that was not written", res.Notes)
	}
	// A second run writes nothing.
	plansBefore, _ := os.ReadFile(filepath.Join(dir, "plans", "2026-Q4", "company.yaml"))
	os.WriteFile(filepath.Join(dir, "plans", "2026-Q4", "company.yaml"), append(plansBefore, "# edited\n"...), 0o644)
	res, err = Init(dir, Options{AsOf: day("2026-11-10")})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Created) != 0 {
		t.Errorf("the second run created %v", res.Created)
	}
	// The settings init wrote already name the schema: no note about them.
	if len(res.Notes) != 1 || strings.Contains(res.Notes[0], "yaml.schemas") {
		t.Errorf("notes %v, want only the one about the schema file", res.Notes)
	}
	// Settings of the team's own are left alone, with a note saying what to add.
	os.WriteFile(filepath.Join(dir, ".vscode", "settings.json"), []byte("{\"editor.tabSize\": 2}\n"), 0o644)
	res, _ = Init(dir, Options{AsOf: day("2026-11-10")})
	if len(res.Notes) != 2 || !strings.Contains(res.Notes[0], "add the yaml.schemas setting") {
		t.Errorf("notes %v, want one about the editor settings left alone", res.Notes)
	}
	if got, _ := os.ReadFile(filepath.Join(dir, "plans", "2026-Q4", "company.yaml")); !bytes.HasSuffix(got, []byte("# edited\n")) {
		t.Error("the edited plan was overwritten")
	}
}
