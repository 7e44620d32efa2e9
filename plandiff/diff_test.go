package plandiff_test

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/okr-tool/okr/plan"
	"github.com/okr-tool/okr/plandiff"
	"github.com/okr-tool/okr/plandiff/difffmt"
	"github.com/okr-tool/okr/plandiff/plandifftest"
)

func TestCompare(t *testing.T) {
	d := plandiff.Compare(plandifftest.Load(t, plandifftest.Base), plandifftest.Load(t, plandifftest.Head), plandiff.Options{AsOf: time.Date(2026, 8, 15, 0, 0, 0, 0, time.UTC)})
	d.Base, d.Head = "1a2b3c4", "work tree"
	if added, removed, changed := d.Count(); added != 1 || removed != 1 || changed != 1 {
		t.Errorf("Count = %d added, %d removed, %d changed; want 1, 1, 1", added, removed, changed)
	}
	if d.Unreadable() != 0 {
		t.Errorf("Unreadable = %d, want 0", d.Unreadable())
	}
}

// The rendering of this diff in every format is pinned by plandiff/difffmt's tests.

func TestCompareUnchanged(t *testing.T) {
	repo := plandifftest.Load(t, plandifftest.Base)
	d := plandiff.Compare(repo, plandifftest.Load(t, plandifftest.Base), plandiff.Options{AsOf: time.Date(2026, 8, 15, 0, 0, 0, 0, time.UTC)})
	if len(d.Plans) != 0 {
		t.Errorf("identical repositories differ: %+v", d.Plans)
	}
}

// TestCompareInvalidValue: a current that became unreadable ("62%") is a changed field with the
// problem, not "current removed"; one that became readable says what it was.
func TestCompareInvalidValue(t *testing.T) {
	valid := map[string]string{"plans/company.yaml": plandifftest.Company}
	broken := map[string]string{"plans/company.yaml": strings.Replace(plandifftest.Company, "current: 12", `current: "62%"`, 1)}
	loadAny := func(files map[string]string) *plan.Repository {
		var sources []plan.Source
		for name, text := range files {
			sources = append(sources, plan.Source{File: name, Data: []byte(text)})
		}
		return plan.LoadSources("", sources, 1)
	}
	asOf := plandiff.Options{AsOf: time.Date(2026, 8, 15, 0, 0, 0, 0, time.UTC)}
	for _, tt := range []struct {
		name       string
		base, head map[string]string
		want       string
	}{
		{"became invalid", valid, broken, `current 12 → invalid`},
		{"became valid", broken, valid, `current 12, was invalid`},
	} {
		d := plandiff.Compare(loadAny(tt.base), loadAny(tt.head), asOf)
		if len(d.Plans) != 1 || len(d.Plans[0].Objectives) != 1 || len(d.Plans[0].Objectives[0].KeyResults) != 1 {
			t.Fatalf("%s: want one changed key result, got %+v", tt.name, d.Plans)
		}
		fs := d.Plans[0].Objectives[0].KeyResults[0].Fields
		if len(fs) != 1 || fs[0].Name != "current" {
			t.Fatalf("%s: fields %+v, want current", tt.name, fs)
		}
		problem := fs[0].NewProblem + fs[0].OldProblem
		if !strings.Contains(problem, `"62%"`) {
			t.Errorf("%s: problem %q does not name the value", tt.name, problem)
		}
		var out bytes.Buffer
		r, _ := difffmt.New("text", difffmt.Options{})
		if err := r.Render(&out, d); err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(out.String(), tt.want+` (current must be a number, not "62%"`) {
			t.Errorf("%s: the text diff does not say %q:\n%s", tt.name, tt.want, out.String())
		}
		if strings.Contains(out.String(), "current removed") {
			t.Errorf("%s: reads as removed:\n%s", tt.name, out.String())
		}
	}
}

// TestCompareInvalidKPIReading: when the current of a KPI's key result becomes unreadable, the
// KPI's reading is shown as invalid with the problem, not as "none".
func TestCompareInvalidKPIReading(t *testing.T) {
	const linked = `period: 2026-Q3
scope: care
kpis:
  - {id: retention, name: Retention, source: CRM, frequency: monthly}
objectives:
  - id: keep
    title: Keep clients
    key_results:
      - {id: ret, title: Retention from 20 to 30, start: 20, target: 30, current: 25.5, kpi: retention}
`
	loadAny := func(text string) *plan.Repository {
		return plan.LoadSources("", []plan.Source{{File: "plans/care.yaml", Data: []byte(text)}}, 1)
	}
	broken := strings.Replace(linked, "current: 25.5", `current: "25.5%"`, 1)
	d := plandiff.Compare(loadAny(linked), loadAny(broken), plandiff.Options{AsOf: time.Date(2026, 8, 15, 0, 0, 0, 0, time.UTC)})
	if len(d.Plans) != 1 || len(d.Plans[0].KPIs) != 1 {
		t.Fatalf("want one changed KPI, got %+v", d.Plans)
	}
	k := d.Plans[0].KPIs[0]
	if k.Value.New != nil || !strings.Contains(k.NewProblem, "key result ret") || !strings.Contains(k.NewProblem, `"25.5%"`) {
		t.Errorf("KPI value %v, problem %q; want none, with the key result's problem", k.Value.New, k.NewProblem)
	}
	var out bytes.Buffer
	r, _ := difffmt.New("text", difffmt.Options{})
	if err := r.Render(&out, d); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "value 25.5 → invalid (current of key result ret: ") || strings.Contains(out.String(), "→ none") {
		t.Errorf("the text diff does not carry the problem to the KPI:\n%s", out.String())
	}
}
