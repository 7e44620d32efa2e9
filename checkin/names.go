package checkin

import (
	"slices"

	"github.com/okr-tool/okr/plan"
)

// Names is what shell completion offers for a check-in: the scopes with a plan, the periods
// of a scope, and the ids of the key results and KPIs of one plan. It reads the repository the
// way a check-in does, parsing only the one plan whose ids are asked for.
type Names struct{ ix *index }

// ReadNames scans the plan repository at root (limited to globs when set).
func ReadNames(root string, globs []string) (*Names, error) {
	ix, err := scan(root, globs)
	if err != nil {
		return nil, err
	}
	return &Names{ix: ix}, nil
}

// Scopes returns every scope that has a plan, sorted.
func (n *Names) Scopes() []string { return n.ix.scopes() }

// Periods returns the periods the scope has plans for, in order; every period when scope is "".
func (n *Names) Periods(scope string) []string {
	var periods []plan.Period
	scopes := []string{scope}
	if scope == "" {
		scopes = n.ix.scopes()
	}
	for _, s := range scopes {
		for _, p := range n.ix.periods(s) {
			if !slices.Contains(periods, p) {
				periods = append(periods, p)
			}
		}
	}
	slices.SortFunc(periods, plan.Period.Compare)
	out := make([]string, len(periods))
	for i, p := range periods {
		out[i] = p.String()
	}
	return out
}

// IDs returns the ids of the key results and of the KPIs of the scope's plan for a period.
func (n *Names) IDs(scope string, period plan.Period) (krs, kpis []string) {
	files := n.ix.find(scope, period)
	if len(files) != 1 {
		return nil, nil
	}
	p, _ := plan.Parse(files[0].rel, files[0].data)
	if p == nil {
		return nil, nil
	}
	for _, kr := range p.KeyResults() {
		krs = append(krs, kr.ID.Value)
	}
	for _, k := range p.KPIs {
		kpis = append(kpis, k.ID.Value)
	}
	return krs, kpis
}
