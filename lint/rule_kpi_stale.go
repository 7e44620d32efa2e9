package lint

import (
	"time"

	"github.com/okr-tool/okr/plan"
)

// kpiStale checks that a live KPI's value is updated as often as its frequency says. The date
// of the last change comes from the plans' git history, so it runs only in a git repository.
type kpiStale struct{ base }

func newKPIStale() *kpiStale {
	return &kpiStale{base: base{
		ID:       "kpi-stale",
		Severity: Off,
		Summary:  "A live KPI's value was changed within its reporting frequency (needs git; off by default).",
		Rationale: "The OnStrategy article gives every KPI a reporting frequency, and the Craze article describes KPIs as tracked " +
			"continuously. In the plans whose period contains the day okr runs for (--as-of, default " +
			"today), okr looks up in git when a live KPI's actual (or its linked key result's current) " +
			"last changed and reports it when that is longer ago than the frequency allows (daily 1 day, " +
			"weekly 7, monthly 31, quarterly 92, yearly 366); uncommitted changes count as of that day. A " +
			"KPI of an annual plan takes its reading from the year's quarter plans once one of them has " +
			"a reading, so it is judged there, not in the annual plan: nobody has to copy the number. It " +
			"is off by default because plan repositories are often updated in batches; turn it on in " +
			".okr.yaml. Without git the rule does not run.",
		Sources:  []Source{onStrategy, craze},
		Requires: RequiresGit,
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

// HistoryFiles are the plans whose period contains the day of the run.
func (r *kpiStale) HistoryFiles(c *Context) []string {
	var files []string
	for _, p := range c.Repo.Plans {
		if p.Period.Set && p.Period.Value.Contains(c.AsOf) {
			files = append(files, p.File)
		}
	}
	return files
}

// VisitKPI judges the live KPIs of the plans whose period contains the day of the run.
func (r *kpiStale) VisitKPI(c *Context, k *plan.KPI) {
	if c.History == nil || !k.Plan.Period.Set || !k.Plan.Period.Value.Contains(c.AsOf) {
		return
	}
	if _, from, _ := c.Repo.AnnualReading(k, c.AsOf); from != nil {
		return // an annual KPI read from the quarter plans, whose KPIs are judged on their own
	}
	f, ok := c.History.Freshness(k, c.AsOf)
	if !ok || !f.Stale {
		return
	}
	// The field the reading comes from (plan.KPI.Reading): the current of the outcome key result
	// that measures the KPI, else the KPI's actual; with neither, the key result's current is
	// where a reading belongs.
	where, pos := "its actual", k.Actual.Pos
	if kr := k.ReadingKeyResult(); kr != nil && (kr.Current.Set || !k.Actual.Set) {
		where = "current of key result " + quote(kr.ID.Value)
		if !k.Actual.Set {
			pos = k.ID.Pos
		}
	}
	freq := k.Frequency.Value
	if !f.HasReading {
		c.ReportKPI(k, pos, "KPI %s is reported %s but has had no reading in the %d days since %s; set %s to the latest reading",
			quote(k.ID.Value), freq, f.Age, f.Day.AddDate(0, 0, -f.Age).Format(time.DateOnly), where)
		return
	}
	c.ReportKPI(k, pos, "KPI %s is reported %s but its reading last changed %d days before %s, in commit %s on %s; update %s at least every %d days",
		quote(k.ID.Value), freq, f.Age, f.Day.Format(time.DateOnly), f.Last.Short(), f.Last.Date.Format(time.DateOnly), where, f.Allowed)
}
