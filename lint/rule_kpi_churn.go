package lint

import (
	"fmt"
	"strings"

	"github.com/okr-tool/okr/plan"
)

// kpiChurn checks that a scope does not keep replacing its KPIs: within any run of quarters
// consecutive quarters, at most maxReplaced KPIs may be dropped and replaced by others.
type kpiChurn struct {
	base
	maxReplaced, quarters int
}

func newKPIChurn() *kpiChurn {
	return &kpiChurn{maxReplaced: 1, quarters: 4, base: base{
		ID:       "kpi-churn",
		Aliases:  []string{"kpi-new-midyear"},
		Severity: Warning,
		Summary:  "A scope does not keep replacing its KPIs from one quarter to the next.",
		Rationale: "The OnStrategy article warns against changing KPIs every quarter (its Mistake #3): objectives and key " +
			"results are reset each quarter, but KPIs should be measured for at least a year, so that their " +
			"numbers can be compared over time. Adding a KPI is not the problem: the Craze article describes a " +
			"key result that has become stable turning into a KPI, whatever the quarter. Churn is: a KPI " +
			"dropped (left out or retired) while another one is added in its place. Between two consecutive " +
			"quarter plans of a scope, the smaller of the number of KPIs dropped and the number added counts " +
			"as replaced; the rule fires when a scope replaces more than max_replaced KPIs within quarters " +
			"consecutive quarters (by default more than one a year). Barring a real change of strategy, keep " +
			"the KPIs and change the key results that drive them; when the strategy did change, say so with " +
			"# okr:ignore kpi-churn <reason>. This rule was called kpi-new-midyear, and .okr.yaml and " +
			"# okr:ignore still accept that ID.",
		Sources: []Source{onStrategy, craze},
		Bad: Example{
			{Path: "plans/2026-Q1/sales.yaml", Text: `period: 2026-Q1
scope: sales
kpis:
  - {id: client-retention, name: Client retention rate, source: CRM, frequency: monthly, target: 73}
  - {id: nps, name: Net promoter score, source: Survey tool, frequency: monthly, target: 38}
objectives: []
`},
			{Path: "plans/2026-Q2/sales.yaml", Text: `period: 2026-Q2
scope: sales
kpis:
  - {id: client-retention, name: Client retention rate, source: CRM, frequency: monthly, target: 75}
  - {id: nps, name: Net promoter score, retired: replaced by customer effort score}
  - {id: effort-score, name: Customer effort score, source: Survey tool, frequency: monthly, target: 4}
objectives: []
`},
			{Path: "plans/2026-Q3/sales.yaml", Text: `period: 2026-Q3
scope: sales
kpis:
  - {id: client-retention, name: Client retention rate, source: CRM, frequency: monthly, target: 77}
  - {id: effort-score, name: Customer effort score, retired: replaced by healthy clients}
  - {id: healthy-clients, name: Clients rated healthy, source: CRM, frequency: monthly, target: 20}
objectives: []
`},
		},
		BadFindings: []string{
			`plans/2026-Q3/sales.yaml:6:5: warning: scope "sales" has replaced 2 KPIs within 4 quarters, more than 1 (2026-Q2: "nps" dropped, "effort-score" added; 2026-Q3: "effort-score" dropped, "healthy-clients" added); keep KPIs for at least a year and change the key results that drive them instead [kpi-churn]`,
		},
		Good: Example{
			{Path: "plans/2026-Q1/sales.yaml", Text: `period: 2026-Q1
scope: sales
kpis:
  - {id: client-retention, name: Client retention rate, source: CRM, frequency: monthly, target: 73}
objectives: []
`},
			{Path: "plans/2026-Q2/sales.yaml", Text: `period: 2026-Q2
scope: sales
kpis:
  - {id: client-retention, name: Client retention rate, source: CRM, frequency: monthly, target: 75}
objectives: []
`},
			{Path: "plans/2026-Q3/sales.yaml", Text: `period: 2026-Q3
scope: sales
kpis:
  - {id: client-retention, name: Client retention rate, source: CRM, frequency: monthly, target: 77}
  # a stable key result of the first half, promoted to a KPI
  - {id: healthy-clients, name: Clients rated healthy, source: CRM, frequency: monthly, target: 20}
objectives: []
`},
		},
	}}
}

func (r *kpiChurn) Params() []Param {
	return []Param{
		{Name: "max_replaced", Doc: "most KPIs a scope may replace within the window", Int: &r.maxReplaced},
		{Name: "quarters", Doc: "consecutive quarters the window spans", Int: &r.quarters},
	}
}

func (r *kpiChurn) Validate() error {
	switch {
	case r.maxReplaced < 0:
		return fmt.Errorf("max_replaced is %d; it must be 0 or more", r.maxReplaced)
	case r.quarters < 1:
		return fmt.Errorf("quarters is %d; it must be at least 1", r.quarters)
	}
	return nil
}

// replacement is what changed in a scope's KPIs from one quarter plan to the next.
type replacement struct {
	plan           *plan.Plan
	dropped, added []*plan.KPI
}

// n is the number of KPIs replaced: dropped ones that others took the place of.
func (x replacement) n() int { return min(len(x.dropped), len(x.added)) }

func (x replacement) String() string {
	ids := func(ks []*plan.KPI) string {
		q := make([]string, len(ks))
		for i, k := range ks {
			q[i] = quote(k.ID.Value)
		}
		return strings.Join(q, ", ")
	}
	return fmt.Sprintf("%s: %s dropped, %s added", x.plan.Period.Value, ids(x.dropped), ids(x.added))
}

func (r *kpiChurn) VisitRepository(c *Context, repo *plan.Repository) {
	for _, scope := range repo.Scopes() {
		var prev *plan.Plan
		var recent []replacement // replacements within the window, oldest first
		for _, p := range repo.Quarters(scope) {
			if prev != nil {
				x := replaced(prev, p)
				for len(recent) > 0 && recent[0].plan.Period.Value.QuarterIndex() <= p.Period.Value.QuarterIndex()-r.quarters {
					recent = recent[1:]
				}
				if x.n() > 0 {
					recent = append(recent, x)
					total := 0
					var what []string
					for _, y := range recent {
						total += y.n()
						what = append(what, y.String())
					}
					if total > r.maxReplaced {
						c.ReportKPI(x.added[0], x.added[0].Pos, "scope %s has replaced %s within %d quarters, more than %d (%s); keep KPIs for at least a year and change the key results that drive them instead",
							quote(scope), plural(total, "KPI", "KPIs"), r.quarters, r.maxReplaced, strings.Join(what, "; "))
					}
				}
			}
			prev = p
		}
	}
}

// replaced compares the live KPIs of two quarter plans of a scope: the ones that p no longer
// tracks (left out or retired) and the ones it tracks that prev did not.
func replaced(prev, p *plan.Plan) replacement {
	x := replacement{plan: p}
	for _, k := range prev.KPIs {
		if k.Live() && k.ID.Set {
			if now := p.KPI(k.ID.Value); now == nil || !now.Live() {
				x.dropped = append(x.dropped, k)
			}
		}
	}
	for _, k := range p.KPIs {
		if k.Live() && k.ID.Set {
			if before := prev.KPI(k.ID.Value); before == nil || !before.Live() {
				x.added = append(x.added, k)
			}
		}
	}
	return x
}
