package plan

import (
	"slices"
	"strconv"

	"go.yaml.in/yaml/v3"
)

func (d *decoder) plan(root *yaml.Node) *Plan {
	p := &Plan{File: d.file}
	entries, typos := d.entries(root, "plan", planKeys)
	defer d.release(entries)
	for _, e := range entries {
		switch e.key {
		case "period":
			p.Period = d.period(e)
		case "scope":
			p.Scope = d.slug(e)
		case "level":
			p.Level = choice(d, e, Levels...)
		case "parent":
			p.Parent = d.slug(e)
		case "owner":
			p.Owner = d.text(e)
		case "grade_scale":
			p.GradeScale = d.number(e)
			if p.GradeScale.Set && p.GradeScale.Value != 1 && p.GradeScale.Value != 100 {
				d.addf(p.GradeScale.Pos, RuleSchema, "grade_scale %s is not valid; use 1 (grades from 0 to 1) or 100 (grades from 0 to 100)",
					strconv.FormatFloat(p.GradeScale.Value, 'f', -1, 64))
				p.GradeScale.Set = false
			}
		case "kpis":
			p.KPIsKey = posOf(e.keyN)
			restore := d.through(e.value)
			for _, item := range d.list(e, "KPIs") {
				if m := d.mapping(item, "kpis"); m != nil && !d.over {
					back := d.through(item)
					p.KPIs = append(p.KPIs, d.kpi(p, m))
					back()
				}
			}
			restore()
		case "objectives":
			p.ObjectivesKey = posOf(e.keyN)
			restore := d.through(e.value)
			for _, item := range d.list(e, "objectives") {
				if m := d.mapping(item, "objectives"); m != nil && !d.over {
					back := d.through(item)
					p.Objectives = append(p.Objectives, d.objective(p, m))
					back()
				}
			}
			restore()
		}
	}
	d.need(Pos{Line: 1, Col: 1}, "the plan", typos, req{"period", p.Period.Key}, req{"scope", p.Scope.Key})
	if !p.Level.Set {
		p.Level.Value = DefaultLevel(p.Scope.Value)
	}
	d.checkIDs(p)
	d.linkKPIs(p)
	return p
}

func (d *decoder) period(e pair) Field[Period] {
	f := d.text(e)
	out := Field[Period]{Key: f.Key, Pos: f.Pos}
	if !f.Set {
		return out
	}
	period, err := ParsePeriod(f.Value)
	if err != nil {
		d.addf(f.Pos, RuleSchema, "%v", err)
		return out
	}
	out.Value, out.Set = period, true
	return out
}

func (d *decoder) kpi(p *Plan, m *yaml.Node) *KPI {
	k := &KPI{Plan: p, Pos: posOf(m)}
	entries, typos := d.entries(m, "KPI", kpiKeys)
	defer d.release(entries)
	d.noteAlias(k, idPair(entries))
	d.unit = unitOf(entries)
	defer func() { d.unit = "" }()
	for _, e := range entries {
		switch e.key {
		case "id":
			k.ID = d.slug(e)
		case "name":
			k.Name = d.label(e, "KPI")
		case "unit":
			k.Unit = d.text(e)
		case "direction":
			k.Direction = choice(d, e, Up, Down)
		case "source":
			k.Source = d.text(e)
		case "frequency":
			k.Frequency = choice(d, e, Frequencies...)
		case "annual_target":
			k.AnnualTarget = d.number(e)
		case "target":
			k.Target = d.number(e)
		case "actual":
			k.Actual = d.number(e)
		case "retired":
			k.Retired = d.text(e)
		}
	}
	d.need(k.Pos, "this KPI", typos, req{"id", k.ID.Key}, req{"name", k.Name.Key})
	return k
}

func (d *decoder) objective(p *Plan, m *yaml.Node) *Objective {
	o := &Objective{Plan: p, Pos: posOf(m)}
	entries, typos := d.entries(m, "objective", objectiveKeys)
	defer d.release(entries)
	d.noteAlias(o, idPair(entries))
	for _, e := range entries {
		switch e.key {
		case "id":
			o.ID = d.slug(e)
		case "title":
			o.Title = d.label(e, "objective")
		case "owner":
			o.Owner = d.text(e)
		case "aligns_to":
			o.AlignsTo = d.text(e)
		case "key_results":
			o.KeyResultsKey = posOf(e.keyN)
			restore := d.through(e.value)
			for _, item := range d.list(e, "key results") {
				if km := d.mapping(item, "key_results"); km != nil && !d.over {
					back := d.through(item)
					o.KeyResults = append(o.KeyResults, d.keyResult(o, km))
					back()
				}
			}
			restore()
		}
	}
	d.need(o.Pos, "this objective", typos, req{"id", o.ID.Key}, req{"title", o.Title.Key})
	return o
}

func (d *decoder) keyResult(o *Objective, m *yaml.Node) *KeyResult {
	kr := &KeyResult{Objective: o, Pos: posOf(m), Weight: Field[float64]{Value: 1}}
	// The keys that belong to one type only, at most three of each: kept on the stack, as the
	// slices are read only when a key result mixes types.
	var outcomeBuf, maintainBuf [2]pair
	var measuredBuf [1]pair
	var effortBuf [3]pair
	outcomeOnly, effortOnly, maintainOnly, measuredOnly := outcomeBuf[:0], effortBuf[:0], maintainBuf[:0], measuredBuf[:0]
	entries, typos := d.entries(m, "key result", keyResultKeys)
	defer d.release(entries)
	d.noteAlias(kr, idPair(entries))
	d.unit = unitOf(entries)
	defer func() { d.unit = "" }()
	for _, e := range entries {
		switch e.key {
		case "id":
			kr.ID = d.slug(e)
		case "title":
			kr.Title = d.label(e, "key result")
		case "owner":
			owner := d.text(e)
			kr.Owner = &owner
		case "type":
			kr.Type = choice(d, e, KRTypes...)
		case "unit":
			kr.Unit = d.text(e)
		case "weight":
			kr.Weight = d.number(e)
			if kr.Weight.Set && kr.Weight.Value <= 0 {
				d.addf(kr.Weight.Pos, RuleSchema, "weight must be a positive number; use 1 for an ordinary key result")
				kr.Weight.Set = false
			}
			if !kr.Weight.Set {
				kr.Weight.Value = 1
			}
		case "score":
			kr.Score = d.number(e)
		case "start":
			kr.Start = d.number(e)
			outcomeOnly = append(outcomeOnly, e)
		case "target":
			kr.Target = d.number(e)
			outcomeOnly = append(outcomeOnly, e)
		case "threshold":
			kr.hold().Threshold = d.number(e)
			maintainOnly = append(maintainOnly, e)
		case "direction":
			kr.hold().Direction = choice(d, e, Up, Down)
			maintainOnly = append(maintainOnly, e)
		case "current":
			kr.Current = d.number(e)
			measuredOnly = append(measuredOnly, e)
		case "kpi":
			kr.KPI = d.slug(e)
		case "due":
			kr.Due = d.date(e)
			effortOnly = append(effortOnly, e)
		case "progress":
			kr.Progress = d.number(e)
			effortOnly = append(effortOnly, e)
		case "done":
			kr.Done = d.boolean(e)
			effortOnly = append(effortOnly, e)
		case "confidence":
			kr.Confidence = d.number(e)
			if kr.Confidence.Set && (kr.Confidence.Value < 0 || kr.Confidence.Value > 1) {
				d.addf(kr.Confidence.Pos, RuleSchema, "confidence must be between 0 and 1, e.g. 0.6 for 60%%")
				kr.Confidence.Set = false
			}
		case "note":
			kr.Note = d.text(e)
		}
	}
	if !kr.Type.Set {
		kr.Type.Value = Outcome
	}
	d.need(kr.Pos, "this key result", typos, req{"id", kr.ID.Key}, req{"title", kr.Title.Key})
	// Fields of another type would be ignored by scoring, which hides a mistake.
	switch {
	case !kr.Type.Set && !kr.Type.Key.IsZero():
		// The type did not decode and was reported; what it implies is unknown, so nothing is
		// judged by it.
	case kr.Type.Value == Effort:
		for _, e := range slices.Concat(outcomeOnly, measuredOnly) {
			d.addf(posOf(e.keyN), RuleSchema,
				"%s is for outcome key results, but this one is type: effort; track it with progress or done:, or make it an outcome", e.key)
		}
		for _, e := range maintainOnly {
			d.addf(posOf(e.keyN), RuleSchema,
				"%s is for maintain key results, but this one is type: effort; track it with progress or done:, or make it type: maintain", e.key)
		}
	case kr.Type.Value == Outcome:
		for _, e := range effortOnly {
			d.addf(posOf(e.keyN), RuleSchema,
				"%s is for effort key results, but this one is an outcome; measure it with start, target and current, or add type: effort", e.key)
		}
		for _, e := range maintainOnly {
			d.addf(posOf(e.keyN), RuleSchema,
				"%s is for maintain key results, but this one is an outcome; add type: maintain to hold a level, or remove it (an outcome's direction follows from start and target)", e.key)
		}
	case kr.Type.Value == Maintain:
		for _, e := range slices.Concat(outcomeOnly, effortOnly) {
			d.addf(posOf(e.keyN), RuleSchema,
				"%s is not used by a maintain key result, which holds current at its threshold; write threshold: and direction:, or make it an outcome", e.key)
		}
	}
	return kr
}

// checkIDs reports ids used twice within the plan: objectives, key results (across all
// objectives) and KPIs each have their own namespace. An id repeated by an alias (*anchor, or
// "<<: *anchor" without an id of its own) is reported once at the alias, which is what to fix;
// the ids within what the alias repeats are the same slip, not more findings.
func (d *decoder) checkIDs(p *Plan) {
	var reported map[*yaml.Node]bool // made at the first id an alias repeats
	dup := func(what string, seen *idSet, id Field[string], item any) {
		if !id.Set {
			return
		}
		first, ok := seen.first(id.Value, id.Pos)
		if !ok {
			return
		}
		alias, how := d.aliasOf[item], ""
		switch {
		case alias.node == nil:
			d.addf(id.Pos, RuleDuplicateID, "%s id %s is already used on line %d of this plan; ids must be unique in a plan",
				what, quote(id.Value), first.Line)
			return
		case reported[alias.node]:
			return
		case alias.merged:
			how = "add an id: of its own next to <<: *" + alias.node.Value
		default:
			how = "write <<: *" + alias.node.Value + " with an id: of its own"
		}
		if reported == nil {
			reported = map[*yaml.Node]bool{}
		}
		reported[alias.node] = true
		d.addf(posOf(alias.node), RuleDuplicateID, "*%s repeats %s %s, defined on line %d; remove the alias or give it its own id (%s)",
			alias.node.Value, what, quote(id.Value), first.Line, how)
	}
	var kpis, objectives, krs idSet
	for _, k := range p.KPIs {
		dup("KPI", &kpis, k.ID, k)
	}
	for _, o := range p.Objectives {
		dup("objective", &objectives, o.ID, o)
		for _, kr := range o.KeyResults {
			dup("key result", &krs, kr.ID, kr)
		}
	}
}

// idSet is the ids seen so far in one namespace of a plan and where each was first written. Most
// plans have a dozen or two ids, which an array on the stack holds and searches faster than a map
// is built; a map takes over past that, so that a huge plan is not checked in quadratic time.
type idSet struct {
	n     int
	small [smallIDSet]idAt
	m     map[string]Pos
}

type idAt struct {
	id  string
	pos Pos
}

const smallIDSet = 24

// first returns where id was first seen and true, or adds it at pos and returns false.
func (s *idSet) first(id string, pos Pos) (Pos, bool) {
	if s.m != nil {
		if p, ok := s.m[id]; ok {
			return p, true
		}
		s.m[id] = pos
		return Pos{}, false
	}
	for _, e := range s.small[:s.n] {
		if e.id == id {
			return e.pos, true
		}
	}
	if s.n < smallIDSet {
		s.small[s.n] = idAt{id, pos}
		s.n++
		return Pos{}, false
	}
	s.m = make(map[string]Pos, 2*smallIDSet)
	for _, e := range s.small {
		s.m[e.id] = e.pos
	}
	s.m[id] = pos
	return Pos{}, false
}

// linkKPIs checks that each key result's kpi names a KPI of the plan, and infers the direction
// of KPIs that do not state one from the key result that measures them.
func (d *decoder) linkKPIs(p *Plan) {
	// Indexes instead of p.KPI and p.LinkedKeyResult, which search the whole plan: a plan of
	// thousands of KPIs and key results costs linear time, not their product.
	var ids []string
	isKPI := make(map[string]bool, len(p.KPIs))
	for _, k := range p.KPIs {
		ids = append(ids, k.ID.Value)
		isKPI[k.ID.Value] = true
	}
	linked := map[string]*KeyResult{}
	budget := planSuggestBudget(p)
	for _, kr := range p.KeyResults() {
		if kr.KPI.Set && linked[kr.KPI.Value] == nil {
			linked[kr.KPI.Value] = kr
		}
		if !kr.KPI.Set || isKPI[kr.KPI.Value] {
			continue
		}
		d.addf(kr.KPI.Pos, RuleReference, "kpi %s is not a KPI of this plan%s; add it under kpis: or fix the id",
			quote(kr.KPI.Value), budget.suggestion(kr.KPI.Value, ids))
	}
	for _, k := range p.KPIs {
		if k.Direction.Set {
			continue
		}
		k.Direction.Value = k.EffectiveDirection()
	}
}

// hold returns the key result's Hold, adding it on first use.
func (kr *KeyResult) hold() *Hold {
	if kr.Hold == nil {
		kr.Hold = &Hold{}
	}
	return kr.Hold
}
