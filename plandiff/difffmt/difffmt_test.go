package difffmt_test

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/okr-tool/okr/internal/golden"
	"github.com/okr-tool/okr/plan"
	"github.com/okr-tool/okr/plandiff"
	"github.com/okr-tool/okr/plandiff/difffmt"
	"github.com/okr-tool/okr/plandiff/plandifftest"
)

func fixture(t *testing.T) *plandiff.Diff {
	t.Helper()
	d := plandiff.Compare(plandifftest.Load(t, plandifftest.Base), plandifftest.Load(t, plandifftest.Head), plandiff.Options{AsOf: time.Date(2026, 8, 15, 0, 0, 0, 0, time.UTC)})
	d.Base, d.Head = "1a2b3c4", "work tree"
	return d
}

func render(t *testing.T, d *plandiff.Diff, format string, opts difffmt.Options) string {
	t.Helper()
	r, err := difffmt.New(format, opts)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := r.Render(&buf, d); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

// TestFormats pins every format's output for the fixture in testdata/sales.*; the text format
// also colored. Only the text format colors: Markdown and JSON are the same with Color set.
func TestFormats(t *testing.T) {
	d := fixture(t)
	ext := map[string]string{"text": "txt", "markdown": "md", "json": "json"}
	for _, format := range difffmt.Formats.Names() {
		got := render(t, d, format, difffmt.Options{})
		golden.CheckString(t, filepath.Join("testdata", "sales."+ext[format]), got)
		if format != "text" {
			if colored := render(t, d, format, difffmt.Options{Color: true}); colored != got {
				t.Errorf("%s with Color differs from without:\n%s", format, golden.Diff(got, colored))
			}
		}
	}
	golden.CheckString(t, filepath.Join("testdata", "sales-color.txt"), render(t, d, "text", difffmt.Options{Color: true}))
	if md := render(t, d, "md", difffmt.Options{}); md != render(t, d, "markdown", difffmt.Options{}) {
		t.Error("md is not markdown")
	}
}

func TestNoChange(t *testing.T) {
	d := plandiff.Compare(plandifftest.Load(t, plandifftest.Base), plandifftest.Load(t, plandifftest.Base), plandiff.Options{AsOf: time.Date(2026, 8, 15, 0, 0, 0, 0, time.UTC)})
	d.Base, d.Head = "main", "HEAD"
	if got := render(t, d, "text", difffmt.Options{}); got != "okr diff main..HEAD: no plan changed\n" {
		t.Errorf("text of an empty diff = %q", got)
	}
}

func TestUnknownFormat(t *testing.T) {
	_, err := difffmt.New("html", difffmt.Options{})
	if err == nil || err.Error() != `--format "html" must be one of text, markdown, json` {
		t.Errorf("New(html) error = %v", err)
	}
	if r, err := difffmt.New("", difffmt.Options{}); err != nil || !strings.Contains(render(t, fixture(t), "", difffmt.Options{}), "okr diff 1a2b3c4..work tree") {
		t.Errorf("New(\"\") = %T, %v; want text", r, err)
	}
}

// TestInvalidValueEveryFormat: a value that became unreadable is shown as invalid, with the
// problem, in every format.
func TestInvalidValueEveryFormat(t *testing.T) {
	problem := `current must be a number, not the text "62%"; write 62 and put "%" in unit`
	d := &plandiff.Diff{Base: "HEAD", Head: "work tree", Plans: []*plandiff.Plan{{
		Kind: plandiff.Changed, Scope: "company", Period: plan.Period{Year: 2026, Quarter: 3}, File: "plans/company.yaml",
		Objectives: []*plandiff.Objective{{Kind: plandiff.Changed, ID: "grow", Title: "Grow",
			KeyResults: []*plandiff.KeyResult{{Kind: plandiff.Changed, ID: "revenue", Title: "Revenue",
				Fields: []plandiff.Field{{Name: "current", Old: "12", NewProblem: problem}}}}}},
	}}}
	for format, want := range map[string]string{
		"text":     `current 12 → invalid (current must be a number, not the text "62%"`,
		"markdown": `current 12 → invalid (current must be a number, not the text "62%"`,
		"json":     `"new_problem": "current must be a number, not the text \"62%\"`,
	} {
		r, err := difffmt.New(format, difffmt.Options{})
		if err != nil {
			t.Fatal(err)
		}
		var out bytes.Buffer
		if err := r.Render(&out, d); err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(out.String(), want) {
			t.Errorf("%s lacks %s:\n%s", format, want, out.String())
		}
		if strings.Contains(out.String(), "current removed") {
			t.Errorf("%s reads as removed", format)
		}
	}
}
