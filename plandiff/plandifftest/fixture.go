// Package plandifftest holds the fixture that plandiff's and its formats' tests compare: a sales
// plan changed in every way a diff shows, so that both packages test the same change.
package plandifftest

import (
	"testing"

	"github.com/okr-tool/okr/plan"
)

// Load reads files (name → text) as a plan repository and fails the test on a fixture that is
// not a valid plan.
func Load(t testing.TB, files map[string]string) *plan.Repository {
	t.Helper()
	var sources []plan.Source
	for name, text := range files {
		sources = append(sources, plan.Source{File: name, Data: []byte(text)})
	}
	repo := plan.LoadSources("", sources, 1)
	for _, d := range repo.Diagnostics {
		if d.Rule == plan.RuleYAMLSyntax || d.Rule == plan.RuleSchema {
			t.Fatalf("fixture problem: %s", d)
		}
	}
	return repo
}

// The fixture: a sales plan changed in every way a diff shows (a KPI added and its target moved,
// an objective retitled and one added, key results added, removed and moved), moved to another
// file; a new plan for Q4; a Q2 plan removed; an unchanged company plan.

// Company is a plan that is the same on both sides.
const Company = `period: 2026-Q3
scope: company
objectives:
  - id: grow
    title: Grow
    key_results:
      - {id: revenue, title: Revenue from 10 to 20, start: 10, target: 20, current: 12}
`

// Base is the repository before the change.
var Base = map[string]string{
	"plans/company.yaml": Company,
	"plans/q3/sales.yaml": `period: 2026-Q3
scope: sales
owner: Dana Ruiz
kpis:
  - {id: retention, name: Client retention, source: CRM, frequency: monthly, target: 80}
objectives:
  - id: loyal
    title: Create loyal customers
    key_results:
      - {id: keep, title: Retention from 70 to 80, start: 70, target: 80, current: 72, kpi: retention}
      - {id: nps, title: NPS from 20 to 30, start: 20, target: 30, current: 25}
      - {id: plans, title: Success plans, type: effort, due: 2026-09-30, progress: 0.5}
`,
	"plans/q2/sales.yaml": `period: 2026-Q2
scope: sales
objectives: []
`,
}

// Head is the repository after the change.
var Head = map[string]string{
	"plans/company.yaml": Company,
	"plans/2026-Q3/sales.yaml": `period: 2026-Q3
scope: sales
owner: Dana Ruiz
kpis:
  - {id: retention, name: Client retention, source: CRM, frequency: monthly, target: 78}
  - {id: pipeline, name: Qualified pipeline, source: CRM, frequency: weekly, target: 40, actual: 31.5}
objectives:
  - id: loyal
    title: Create wildly loyal customers
    key_results:
      - {id: keep, title: Retention from 70 to 78, start: 70, target: 78, current: 75, kpi: retention}
      - {id: churn, title: Churn from 8 to 5, start: 8, target: 5}
  - id: onboarding
    title: Onboard every client well
    key_results:
      - {id: plans, title: Success plans, type: effort, due: 2026-09-30, progress: 0.8}
`,
	"plans/2026-Q4/sales.yaml": `period: 2026-Q4
scope: sales
objectives:
  - id: loyal
    title: Keep them loyal
    key_results:
      - {id: keep, title: Retention from 75 to 80, start: 75, target: 80}
`,
}
