package report

import (
	"slices"
	"strings"
	"testing"

	"github.com/okr-tool/okr/plan"
)

func TestBuildSelection(t *testing.T) {
	plans := []*plan.Plan{
		newPlan("2026-Q2/company.yaml", "company", "2026-Q2", objective("a", outcomeKR("x", 0, 1, 1))),
		newPlan("2026-Q3/company.yaml", "company", "2026-Q3", objective("a", outcomeKR("x", 0, 1, 1))),
		newPlan("2026-Q3/sales.yaml", "sales", "2026-Q3", objective("b", outcomeKR("x", 0, 1, 1))),
		newPlan("2026-Q2/ops.yaml", "ops", "2026-Q2", objective("c", outcomeKR("x", 0, 1, 1))),
	}
	tests := []struct {
		name    string
		opts    Options
		want    []string
		wantErr string
	}{
		{"latest period, all scopes", Options{}, []string{"2026-Q3/company.yaml", "2026-Q3/sales.yaml"}, ""},
		{"period", Options{Period: plan.Period{Year: 2026, Quarter: 2}}, []string{"2026-Q2/company.yaml", "2026-Q2/ops.yaml"}, ""},
		{"scope: its latest period", Options{Scopes: []string{"ops"}}, []string{"2026-Q2/ops.yaml"}, ""},
		{"the quarter under way, not the one drafted after it", Options{AsOf: day("2026-05-20")}, []string{"2026-Q2/company.yaml", "2026-Q2/ops.yaml"}, ""},
		{"as of a day no plan covers: the latest period", Options{AsOf: day("2027-05-20")}, []string{"2026-Q3/company.yaml", "2026-Q3/sales.yaml"}, ""},
		{"files", Options{Files: map[string]bool{"2026-Q2/company.yaml": true}}, []string{"2026-Q2/company.yaml"}, ""},
		{"unknown scope", Options{Scopes: []string{"sale"}}, nil, `no plan has scope "sale"; did you mean "sales"?`},
		{"no plan for period", Options{Period: plan.Period{Year: 2025, Quarter: 1}}, nil, "no plan for 2025-Q1; periods with plans: 2026-Q2, 2026-Q3"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := Build(repoOf(plans...), tt.opts)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("error %v, want %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			var got, selected []string
			for _, p := range r.Plans {
				got = append(got, p.File)
			}
			if strings.Join(got, " ") != strings.Join(tt.want, " ") {
				t.Errorf("plans %v, want %v", got, tt.want)
			}
			// Selected, which --history uses, must pick the same files.
			for _, p := range Selected(repoOf(plans...), tt.opts) {
				selected = append(selected, p.File)
			}
			slices.Sort(selected)
			slices.Sort(got)
			if strings.Join(selected, " ") != strings.Join(got, " ") {
				t.Errorf("Selected %v, Build reported %v", selected, got)
			}
		})
	}
}

func TestBuildSkipped(t *testing.T) {
	good := newPlan("q3/company.yaml", "company", "2026-Q3", objective("a", outcomeKR("x", 0, 1, 1)))
	dup := newPlan("q3/other.yaml", "company", "2026-Q3", objective("a"))
	diags := []plan.Diagnostic{{File: "q3/broken.yaml", Pos: plan.Pos{Line: 3, Col: 1}, Rule: plan.RuleYAMLSyntax, Message: "did not find expected key"}}
	repo := plan.NewRepository("/repo", []*plan.Plan{good, dup}, diags, []string{"q3/company.yaml", "q3/other.yaml", "q3/broken.yaml"})
	r, err := Build(repo, Options{AsOf: day("2026-08-01")})
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Plans) != 1 || r.Plans[0].File != "q3/company.yaml" {
		t.Fatalf("plans %v, want only q3/company.yaml", r.Plans)
	}
	var got []string
	for _, s := range r.Skipped {
		got = append(got, s.File+": "+s.Reason)
	}
	want := []string{
		"q3/broken.yaml: line 3: did not find expected key",
		"q3/other.yaml: plan company for 2026-Q3 is already defined in q3/company.yaml",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("skipped:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestAlignment(t *testing.T) {
	annual := newPlan("2026/company.yaml", "company", "2026", objective("win", outcomeKR("x", 0, 1, 1)))
	company := newPlan("q3/company.yaml", "company", "2026-Q3",
		objective("grow", outcomeKR("x", 0, 1, 1)), objective("lead", outcomeKR("y", 0, 1, 0)))
	company.Objectives[0].AlignsTo = set("company/win")
	sales := newPlan("q3/sales.yaml", "sales", "2026-Q3",
		objective("deals", outcomeKR("x", 0, 1, 1)), objective("lonely", outcomeKR("y", 0, 1, 1)), objective("lost", outcomeKR("z", 0, 1, 1)))
	sales.Objectives[0].AlignsTo = set("company/grow")
	sales.Objectives[2].AlignsTo = set("company/nowhere")
	people := newPlan("q3/dana.yaml", "dana", "2026-Q3", objective("coach", outcomeKR("x", 0, 1, 1)))
	people.Level = set(plan.LevelIndividual)
	people.Objectives[0].AlignsTo = set("sales/deals")

	r, err := Build(repoOf(annual, company, sales, people), Options{AsOf: day("2026-08-01")})
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	var walk func(n *AlignNode, depth int)
	walk = func(n *AlignNode, depth int) {
		o := n.Objective
		b.WriteString(strings.Repeat("  ", depth) + o.Plan.Scope + "/" + o.ID + " " + o.Plan.Period.String() + "\n")
		for _, c := range n.Children {
			walk(c, depth+1)
		}
	}
	for _, n := range r.Alignment {
		walk(n, 0)
	}
	want := `company/win 2026
  company/grow 2026-Q3
    sales/deals 2026-Q3
      dana/coach 2026-Q3
company/lead 2026-Q3
`
	if b.String() != want {
		t.Errorf("alignment:\n%s\nwant:\n%s", b.String(), want)
	}
	var unaligned []string
	for _, o := range r.Unaligned {
		unaligned = append(unaligned, o.Plan.Scope+"/"+o.ID)
	}
	if got := strings.Join(unaligned, " "); got != "sales/lonely sales/lost" {
		t.Errorf("unaligned %s, want sales/lonely sales/lost", got)
	}
}

func TestAlignmentCycle(t *testing.T) {
	a := newPlan("a.yaml", "alpha", "2026-Q3", objective("x", outcomeKR("k", 0, 1, 1)))
	b := newPlan("b.yaml", "beta", "2026-Q3", objective("y", outcomeKR("k", 0, 1, 1)))
	a.Objectives[0].AlignsTo = set("beta/y")
	b.Objectives[0].AlignsTo = set("alpha/x")
	r, err := Build(repoOf(a, b), Options{AsOf: day("2026-08-01")})
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Alignment) != 1 || len(r.Alignment[0].Children) != 1 || len(r.Alignment[0].Children[0].Children) != 0 {
		t.Errorf("a cycle must be cut once: %+v", r.Alignment)
	}
	if len(r.Unaligned) != 0 {
		t.Errorf("objectives in a loop align to something, yet %d are listed as aligned to nothing", len(r.Unaligned))
	}
}
