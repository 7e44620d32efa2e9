package plan

import (
	"cmp"
	"slices"
	"strings"
)

// Repository holds every plan of a plan repository, linked: plans can be looked up by scope and
// period, and cross-plan references have been resolved.
type Repository struct {
	// Root is the absolute path of the repository root (or "" for plans read from elsewhere).
	Root string
	// Plans are the loaded plans, ordered by scope, then period, then file.
	Plans []*Plan
	// Diagnostics are the problems found while loading and linking, ordered by file and position.
	Diagnostics []Diagnostic
	// Files are every file that was read as a plan candidate (relative to Root), including those
	// that failed to load, sorted.
	Files []string

	byKey   map[PlanKey]*Plan
	byScope map[string][]*Plan
}

// NewRepository links loaded plans: it orders them, indexes them by scope and period, and adds
// diagnostics for duplicate (scope, period) pairs and for "parent" and "aligns_to" references
// that do not resolve. diags are the diagnostics of loading; files are the files that were read.
func NewRepository(root string, plans []*Plan, diags []Diagnostic, files []string) *Repository {
	r := &Repository{
		Root:        root,
		Plans:       slices.Clone(plans),
		Diagnostics: slices.Clone(diags),
		Files:       slices.Clone(files),
		byKey:       make(map[PlanKey]*Plan, len(plans)),
		byScope:     make(map[string][]*Plan),
	}
	slices.SortFunc(r.Plans, func(a, b *Plan) int {
		return cmp.Or(
			strings.Compare(a.Scope.Value, b.Scope.Value),
			a.Period.Value.Compare(b.Period.Value),
			strings.Compare(a.File, b.File),
		)
	})
	slices.Sort(r.Files)
	r.Files = slices.Compact(r.Files)
	for _, p := range r.Plans {
		if !p.Scope.Set || !p.Period.Set {
			continue
		}
		if first, dup := r.byKey[p.Key()]; dup {
			r.addf(p.File, p.Scope.Key, RuleDuplicateID,
				"plan %s for %s is already defined in %s; merge the two files or change the scope or period of one",
				quote(p.Scope.Value), p.Period.Value, first.File)
			continue
		}
		r.byKey[p.Key()] = p
		r.byScope[p.Scope.Value] = append(r.byScope[p.Scope.Value], p)
	}
	for _, p := range r.Plans {
		r.checkReferences(p)
	}
	SortDiagnostics(r.Diagnostics)
	return r
}

func (r *Repository) addf(file string, pos Pos, rule, format string, args ...any) {
	r.Diagnostics = append(r.Diagnostics, newDiagnostic(file, pos, rule, format, args...))
}

func (r *Repository) checkReferences(p *Plan) {
	// Suggestions are charged to the plan's budget and their candidates listed once, so that a
	// file of many wrong references costs a small factor of loading it.
	budget := planSuggestBudget(p)
	var scopes []string
	suggestScope := func(got string) string {
		if !budget.left() {
			return ""
		}
		if scopes == nil {
			scopes = r.Scopes()
		}
		return budget.suggestion(got, scopes)
	}
	objectivesOf := map[string][]string{}
	if p.Parent.Set && p.Parent.Value != "" {
		if len(r.byScope[p.Parent.Value]) == 0 {
			r.addf(p.File, p.Parent.Pos, RuleReference,
				"parent %s is not the scope of any plan%s; name an existing scope or remove \"parent\"",
				quote(p.Parent.Value), suggestScope(p.Parent.Value))
		} else if p.Parent.Value == p.Scope.Value {
			r.addf(p.File, p.Parent.Pos, RuleReference,
				"plan %s names itself as its parent; name the scope it rolls up to, or remove \"parent\"",
				quote(p.Scope.Value))
		}
	}
	for _, o := range p.Objectives {
		if !o.AlignsTo.Set {
			continue
		}
		ref := o.AlignsTo.Value
		scope, id, ok := strings.Cut(ref, "/")
		if !ok || scope == "" || id == "" {
			r.addf(p.File, o.AlignsTo.Pos, RuleReference,
				"aligns_to %s must be \"<scope>/<objective id>\", e.g. %s", quote(ref), quote("company/"+o.ID.Value))
			continue
		}
		if scope == p.Scope.Value && r.Plan(scope, p.Period.Value) == p && id == o.ID.Value {
			r.addf(p.File, o.AlignsTo.Pos, RuleReference,
				"objective %s aligns to itself; name an objective of a parent plan", quote(id))
			continue
		}
		if r.AlignmentTarget(p, ref) != nil {
			continue
		}
		where := p.Period.Value.String()
		if p.Period.Value.IsQuarter() {
			where += " or " + p.Period.Value.YearPeriod().String()
		}
		if len(r.byScope[scope]) == 0 {
			r.addf(p.File, o.AlignsTo.Pos, RuleReference,
				"aligns_to %s: no plan has scope %s%s; use \"<scope>/<objective id>\" of an existing plan",
				quote(ref), quote(scope), suggestScope(scope))
			continue
		}
		hint := ""
		if budget.left() {
			candidates, listed := objectivesOf[scope]
			if !listed {
				for _, period := range []Period{p.Period.Value, p.Period.Value.YearPeriod()} {
					if target := r.Plan(scope, period); target != nil {
						for _, to := range target.Objectives {
							candidates = append(candidates, scope+"/"+to.ID.Value)
						}
					}
				}
				objectivesOf[scope] = candidates
			}
			hint = budget.suggestion(ref, candidates)
		}
		r.addf(p.File, o.AlignsTo.Pos, RuleReference,
			"aligns_to %s: no objective %s in a %s plan for %s%s; name an objective of that plan",
			quote(ref), quote(id), quote(scope), where, hint)
	}
}

// Plan returns the plan of a scope in a period, or nil.
func (r *Repository) Plan(scope string, period Period) *Plan {
	return r.byKey[PlanKey{Scope: scope, Period: period}]
}

// ScopePlans returns the plans of a scope ordered by period (a year before its first quarter).
func (r *Repository) ScopePlans(scope string) []*Plan { return r.byScope[scope] }

// Quarters returns the quarter plans of a scope ordered by period.
func (r *Repository) Quarters(scope string) []*Plan {
	var qs []*Plan
	for _, p := range r.byScope[scope] {
		if p.Period.Value.IsQuarter() {
			qs = append(qs, p)
		}
	}
	return qs
}

// PrevQuarter returns the plan of the same scope for the quarter just before p's, or nil when
// there is none or p is an annual plan.
func (r *Repository) PrevQuarter(p *Plan) *Plan {
	if !p.Period.Value.IsQuarter() {
		return nil
	}
	return r.Plan(p.Scope.Value, p.Period.Value.Prev())
}

// NextQuarter returns the plan of the same scope for the quarter just after p's, or nil.
func (r *Repository) NextQuarter(p *Plan) *Plan {
	if !p.Period.Value.IsQuarter() {
		return nil
	}
	return r.Plan(p.Scope.Value, p.Period.Value.Next())
}

// AnnualPlan returns the plan of p's scope for the year that contains p's period, or nil.
func (r *Repository) AnnualPlan(p *Plan) *Plan {
	if !p.Period.Value.IsQuarter() {
		return nil
	}
	return r.Plan(p.Scope.Value, p.Period.Value.YearPeriod())
}

// Objective returns the objective named by "scope/id" in the plan of that scope for period, or
// nil.
func (r *Repository) Objective(ref string, period Period) *Objective {
	scope, id, ok := strings.Cut(ref, "/")
	if !ok {
		return nil
	}
	if p := r.Plan(scope, period); p != nil {
		return p.Objective(id)
	}
	return nil
}

// AlignmentTarget resolves an "aligns_to" reference made from plan p: an objective of the named
// scope in p's period, or else in the annual plan of p's year. It returns nil when neither has it.
func (r *Repository) AlignmentTarget(p *Plan, ref string) *Objective {
	if o := r.Objective(ref, p.Period.Value); o != nil {
		return o
	}
	if p.Period.Value.IsQuarter() {
		return r.Objective(ref, p.Period.Value.YearPeriod())
	}
	return nil
}

// Scopes returns every scope that has a plan, sorted.
func (r *Repository) Scopes() []string {
	scopes := make([]string, 0, len(r.byScope))
	for s := range r.byScope {
		scopes = append(scopes, s)
	}
	slices.Sort(scopes)
	return scopes
}

// Periods returns every period that has a plan, in order.
func (r *Repository) Periods() []Period {
	seen := map[Period]bool{}
	var periods []Period
	for _, p := range r.Plans {
		if pp := p.Period.Value; p.Period.Set && !seen[pp] {
			seen[pp] = true
			periods = append(periods, pp)
		}
	}
	slices.SortFunc(periods, Period.Compare)
	return periods
}

// PlanOf returns the plan loaded from the given repository-relative file, or nil.
func (r *Repository) PlanOf(file string) *Plan {
	for _, p := range r.Plans {
		if p.File == file {
			return p
		}
	}
	return nil
}

// SortDiagnostics orders diagnostics by file, line, column, rule and message (Diagnostic.Compare).
func SortDiagnostics(ds []Diagnostic) {
	slices.SortStableFunc(ds, Diagnostic.Compare)
}

// Compare orders two problems the way okr lists them: by file, line, column, rule and message.
// It returns -1, 0 or +1 like cmp.Compare.
func (d Diagnostic) Compare(e Diagnostic) int {
	return cmp.Or(
		strings.Compare(d.File, e.File),
		cmp.Compare(d.Pos.Line, e.Pos.Line),
		cmp.Compare(d.Pos.Col, e.Pos.Col),
		strings.Compare(d.Rule, e.Rule),
		strings.Compare(d.Message, e.Message),
	)
}
