// Package scaffold creates a new plan repository: the configuration with every setting at its
// default, an annual and a quarter company plan that show the format and lint clean, the CI
// workflow (okr's GitHub Action, which turns findings into annotations), and the editor settings that validate plans as they are
// typed.
package scaffold

import (
	"bytes"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"text/template"
	"time"

	"github.com/okr-tool/okr/edit"
	"github.com/okr-tool/okr/lint"
	"github.com/okr-tool/okr/plan"
)

//go:embed templates
var templates embed.FS

// Options say what Init writes.
type Options struct {
	// AsOf is today: the plans are for its year and its quarter.
	AsOf time.Time
	// Schema is the JSON Schema of plan files, written to plan.SchemaFile; nil leaves that file
	// out (with a note).
	Schema []byte
	// ConfigSchema is the JSON Schema of .okr.yaml, written to ConfigSchemaFile; nil leaves it
	// out.
	ConfigSchema []byte
	// Rules are the rules .okr.yaml lists at their defaults; nil means lint.Registry(). Tests
	// pass a few, so that a new rule does not change their golden files.
	Rules []lint.Rule
}

// ConfigSchemaFile is where a plan repository keeps the JSON Schema of .okr.yaml, relative to
// its root; the .okr.yaml that Init writes points at it.
const ConfigSchemaFile = ".okr/okr-config.schema.json"

// File is one file of a new repository.
type File struct {
	Path string // relative to the repository root, with forward slashes
	Data []byte
	Perm os.FileMode
}

// Result is what Init did.
type Result struct {
	// Created and Skipped are the paths (relative to the directory) written and left alone
	// because something was already there.
	Created, Skipped []string
	// Notes are things the user should know, e.g. a file that was not written and why.
	Notes []string
	// Quarter and Year are the periods of the plans.
	Quarter, Year plan.Period
}

// Files returns the files of a new plan repository as of opts.AsOf, in the order they are
// created.
func Files(opts Options) []File {
	quarter := plan.QuarterOf(opts.AsOf)
	year := quarter.YearPeriod()
	annualPath := path.Join("plans", year.String(), "company.yaml")
	quarterPath := path.Join("plans", quarter.String(), "company.yaml")
	files := []File{
		{Path: ".okr.yaml", Data: []byte(plan.SchemaComment(ConfigSchemaFile) + "\n" + Config(opts.Rules)), Perm: 0o666},
		{Path: annualPath, Data: render("annual.yaml", quarter, annualPath), Perm: 0o666},
		{Path: quarterPath, Data: render("quarter.yaml", quarter, quarterPath), Perm: 0o666},
		{Path: ".github/workflows/okr.yaml", Data: read("workflow.yaml"), Perm: 0o666},
		{Path: ".vscode/settings.json", Data: read("vscode-settings.json"), Perm: 0o666},
	}
	if opts.Schema != nil {
		files = append(files, File{Path: plan.SchemaFile, Data: opts.Schema, Perm: 0o666})
	}
	if opts.ConfigSchema != nil {
		files = append(files, File{Path: ConfigSchemaFile, Data: opts.ConfigSchema, Perm: 0o666})
	}
	return files
}

// Init creates a plan repository in dir (created when missing). It never overwrites a file:
// one that exists is skipped and listed in the result.
func Init(dir string, opts Options) (*Result, error) {
	quarter := plan.QuarterOf(opts.AsOf)
	res := &Result{Quarter: quarter, Year: quarter.YearPeriod()}
	for _, f := range Files(opts) {
		name := filepath.Join(dir, filepath.FromSlash(f.Path))
		if err := os.MkdirAll(filepath.Dir(name), 0o777); err != nil {
			return res, err
		}
		err := edit.CreateNew(name, f.Data, f.Perm)
		switch {
		case errors.Is(err, fs.ErrExist):
			res.Skipped = append(res.Skipped, f.Path)
		case err != nil:
			return res, err
		default:
			res.Created = append(res.Created, f.Path)
		}
	}
	if slices.Contains(res.Skipped, ".vscode/settings.json") && !pointsAtSchema(filepath.Join(dir, ".vscode", "settings.json")) {
		res.Notes = append(res.Notes, "the existing .vscode/settings.json was left alone; for the editor to validate plans, add the yaml.schemas setting from okr's docs/authoring.md to it")
	}
	if opts.Schema == nil {
		res.Notes = append(res.Notes, fmt.Sprintf("%s was not written (no schema was given); the plans and .vscode/settings.json point at it: write it with okr schema plan > %s", plan.SchemaFile, plan.SchemaFile))
	}
	return res, nil
}

// pointsAtSchema reports whether an editor settings file already names the plan schema, as the
// one Init writes does.
func pointsAtSchema(name string) bool {
	data, err := plan.ReadFile(name) // regular files only: a pipe there must not stall init
	return err == nil && bytes.Contains(data, []byte(plan.SchemaFile))
}

func read(name string) []byte {
	data, err := templates.ReadFile("templates/" + name)
	if err != nil {
		panic(err) // embedded: cannot happen
	}
	return data
}

// render fills in a plan template for the quarter; file is where the plan goes.
func render(name string, quarter plan.Period, file string) []byte {
	t := template.Must(template.New(name).Parse(string(read(name))))
	year := quarter.YearPeriod()
	var b bytes.Buffer
	err := t.Execute(&b, map[string]string{
		"Period":     quarter.String(),
		"Year":       year.String(),
		"SchemaRef":  SchemaRef(file),
		"QuarterDue": quarter.LastDay().AddDate(0, 0, -14).Format(time.DateOnly),
		"AnnualDue":  time.Date(year.Year, time.September, 30, 0, 0, 0, 0, time.UTC).Format(time.DateOnly),
	})
	if err != nil {
		panic(err) // the templates are fixed: cannot happen
	}
	return b.Bytes()
}

// SchemaRef is the path from a plan file (repository-relative) to the repository's copy of the
// plan schema, for the file's # yaml-language-server line.
func SchemaRef(file string) string {
	depth := strings.Count(path.Clean(file), "/")
	return strings.Repeat("../", depth) + plan.SchemaFile
}

// Config returns the text of a .okr.yaml that shows every setting at its default, commented
// out: the paths, and every rule's severity and numbers, from the rules given (nil: the rule
// registry itself).
func Config(rules []lint.Rule) string {
	if rules == nil {
		rules = lint.Registry()
	}
	var b strings.Builder
	b.WriteString(`# okr configuration. Every setting is shown at its default, commented out: uncomment a
# line to change it. okr rules lists the rules; okr rules RULE explains one.

# Where the plans live, as globs relative to this directory (** matches any number of
# directories). Default: every *.yaml and *.yml file with a top-level period key.
# paths:
#   - plans/**

# Each rule's severity (error, warning or off), and its numbers where it has any.
rules:
`)
	for _, r := range rules {
		info := r.Info()
		var params []lint.Param
		if c, ok := r.(lint.Configurable); ok {
			params = c.Params()
		}
		if len(params) == 0 {
			setting(&b, "  # "+info.ID+": "+info.Severity.String(), info.Summary)
			continue
		}
		setting(&b, "  # "+info.ID+":", info.Summary)
		setting(&b, "  #   severity: "+info.Severity.String(), "")
		for _, p := range params {
			setting(&b, "  #   "+p.Name+": "+p.Value(), p.Doc)
		}
	}
	return b.String()
}

// setting writes a commented setting with its explanation aligned to the right of it.
func setting(b *strings.Builder, line, doc string) {
	b.WriteString(line)
	if doc != "" {
		b.WriteString(strings.Repeat(" ", max(1, 34-len(line))))
		b.WriteString("# ")
		b.WriteString(doc)
	}
	b.WriteByte('\n')
}
