package lint

// kpiStale documents the check that a live KPI's value is updated as often as its frequency
// says. The date of the last change comes from git history, so it runs only in git mode.
type kpiStale struct{ info Info }

func newKPIStale() *kpiStale {
	return &kpiStale{info: Info{
		ID:       "kpi-stale",
		Severity: Off,
		Summary:  "A live KPI's value was changed within its reporting frequency (needs git; off by default).",
		Rationale: "Seed 000 gives every KPI a reporting frequency, and seed 001 describes KPIs as tracked " +
			"continuously. In git mode okr looks up when a live KPI's actual (or its linked key result's " +
			"current) last changed and reports it when that is longer ago than the frequency allows. It " +
			"is off by default because plan repositories are often updated in batches; turn it on in " +
			".okr.yaml. Without git the rule does not run.",
		Source:   "000, 001",
		Requires: "git",
		Bad: onePlan(`# The actual below was last changed 70 days ago.
period: 2026-Q3
scope: sales
kpis:
  - {id: client-retention, name: Client retention rate, source: CRM, frequency: monthly, target: 75, actual: 74}
objectives: []
`),
		Good: onePlan(`# The actual below was changed 12 days ago.
period: 2026-Q3
scope: sales
kpis:
  - {id: client-retention, name: Client retention rate, source: CRM, frequency: monthly, target: 75, actual: 74}
objectives: []
`),
	}}
}

func (r *kpiStale) Info() *Info { return &r.info }
