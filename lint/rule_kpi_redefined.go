package lint

import (
	"strings"

	"github.com/okr-tool/okr/plan"
)

// kpiRedefined checks that a KPI keeps its name, unit and direction from one plan of a scope to
// the next.
type kpiRedefined struct{ base }

func newKPIRedefined() *kpiRedefined {
	return &kpiRedefined{base: base{
		ID:       "kpi-redefined",
		Severity: Warning,
		Summary:  "A KPI keeps its name, unit and direction from one plan of its scope to the next.",
		Rationale: "The OnStrategy article carries a KPI forward for at least a year, setting each quarter's target from " +
			"the previous quarter's actual, and Craze's describes KPIs as ongoing measures of steady " +
			"performance. That comparison only means something while the id names the same measure: a KPI " +
			"whose unit changes from percent to points, whose direction flips, or whose name now describes " +
			"another number is a new KPI under an old id. Keep the definition, or retire the KPI and track " +
			"the new measure under a new id. The rule compares each plan of a scope, in period order, with " +
			"the last one that tracked the KPI; a unit or direction is compared only where both plans give one.",
		Sources: []Source{onStrategy, craze},
		Bad: Example{
			{Path: "plans/2026-Q3/sales.yaml", Text: `period: 2026-Q3
scope: sales
kpis:
  - {id: client-retention, name: Client retention rate, unit: "%", source: CRM, frequency: monthly, target: 75}
objectives: []
`},
			{Path: "plans/2026-Q4/sales.yaml", Text: `period: 2026-Q4
scope: sales
kpis:
  - {id: client-retention, name: Clients lost, unit: clients, direction: down, source: CRM, frequency: monthly, target: 12}
objectives: []
`},
		},
		BadFindings: []string{
			`plans/2026-Q4/sales.yaml:4:5: warning: KPI "client-retention" is not the measure it was in 2026-Q3 (plans/2026-Q3/sales.yaml): name "Client retention rate" → "Clients lost", unit "%" → "clients"; one id is one measure: keep its definition, or retire it with retired: <reason> and track the new measure under a new id [kpi-redefined]`,
		},
		Good: Example{
			{Path: "plans/2026-Q3/sales.yaml", Text: `period: 2026-Q3
scope: sales
kpis:
  - {id: client-retention, name: Client retention rate, unit: "%", source: CRM, frequency: monthly, target: 75}
objectives: []
`},
			{Path: "plans/2026-Q4/sales.yaml", Text: `period: 2026-Q4
scope: sales
kpis:
  - {id: client-retention, name: Client retention rate, unit: "%", source: CRM, frequency: monthly, target: 80}
objectives: []
`},
		},
	}}
}

func (r *kpiRedefined) VisitRepository(c *Context, repo *plan.Repository) {
	for _, scope := range repo.Scopes() {
		last := map[string]*plan.KPI{} // the latest live definition of each KPI id
		for _, p := range repo.ScopePlans(scope) {
			for _, k := range p.KPIs {
				if !k.Live() || !k.ID.Set {
					continue
				}
				if old := last[k.ID.Value]; old != nil {
					if changes := redefinition(old, k); len(changes) > 0 {
						c.ReportKPI(k, k.Pos, "KPI %s is not the measure it was in %s (%s): %s; one id is one measure: keep its definition, or retire it with retired: <reason> and track the new measure under a new id",
							quote(k.ID.Value), old.Plan.Period.Value, old.Plan.File, strings.Join(changes, ", "))
					}
				}
				last[k.ID.Value] = k
			}
		}
	}
}

// redefinition lists what changed from old to k: `name "A" → "B"`, `unit …`, `direction …`.
func redefinition(old, k *plan.KPI) []string {
	var changes []string
	if old.Name.Set && k.Name.Set && strings.TrimSpace(old.Name.Value) != strings.TrimSpace(k.Name.Value) {
		changes = append(changes, "name "+quote(old.Name.Value)+" → "+quote(k.Name.Value))
	}
	if old.Unit.Set && k.Unit.Set && strings.TrimSpace(old.Unit.Value) != strings.TrimSpace(k.Unit.Value) {
		changes = append(changes, "unit "+quote(old.Unit.Value)+" → "+quote(k.Unit.Value))
	}
	if d0, ok0 := knownDirection(old); ok0 {
		if d1, ok1 := knownDirection(k); ok1 && d0 != d1 {
			changes = append(changes, "direction "+string(d0)+" → "+string(d1))
		}
	}
	return changes
}

// knownDirection is a KPI's direction when its plan gives one: stated, or implied by the key
// results linked to it; ok is false when it would only be the default.
func knownDirection(k *plan.KPI) (plan.Direction, bool) {
	if k.Direction.Set {
		return k.Direction.Value, true
	}
	return k.ImpliedDirection()
}
