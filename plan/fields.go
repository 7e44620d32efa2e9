package plan

// The field table of the plan format: every key the decoder accepts, with its type and what it
// means. The JSON Schema (okr schema) is generated from it, and a test checks that the decoder
// and the table agree, so neither can gain a key the other does not know.

// FieldType is the kind of value a key holds.
type FieldType string

// Field types.
const (
	TypeText    FieldType = "text"    // any string
	TypeSlug    FieldType = "slug"    // an id: lowercase letters and digits joined by - or _
	TypeNumber  FieldType = "number"  // a finite number
	TypeBoolean FieldType = "boolean" // true or false
	TypeDate    FieldType = "date"    // YYYY-MM-DD
	TypePeriod  FieldType = "period"  // YYYY-Qn or YYYY
	TypeEnum    FieldType = "enum"    // one of Enum
	TypeList    FieldType = "list"    // a list of the mappings named by Items
)

// Section names a kind of mapping in a plan file.
type Section string

// The mappings of a plan file.
const (
	SectionPlan      Section = "plan"
	SectionKPI       Section = "kpi"
	SectionObjective Section = "objective"
	SectionKeyResult Section = "key_result"
)

// FieldSpec describes one key of a section.
type FieldSpec struct {
	Key      string
	Type     FieldType
	Enum     []string // the allowed values of a TypeEnum
	Items    Section  // the items of a TypeList
	Required bool
	Min, Max *float64 // bounds of a TypeNumber, when it has any
	// ExclusiveMin is true when Min itself is not allowed (weight must be above 0).
	ExclusiveMin bool
	// Only lists the key result types the key belongs to (nil for all): on a key result of
	// another type the key is an error.
	Only []KRType
	Doc  string
}

func bound(v float64) *float64 { return &v }

// FieldTable lists every key of every section, in the order the format documents them.
var FieldTable = map[Section][]FieldSpec{
	SectionPlan: {
		{Key: "period", Type: TypePeriod, Required: true, Doc: "The period of the plan: YYYY-Qn for a quarter (2026-Q3) or YYYY for a year (2026)."},
		{Key: "scope", Type: TypeSlug, Required: true, Doc: "Whose plan it is, as a slug (company, sales); scope and period are unique in the repository."},
		{Key: "level", Type: TypeEnum, Enum: levels(), Doc: "The organisational level; default company when the scope is company, else team."},
		{Key: "parent", Type: TypeSlug, Doc: "The scope this plan rolls up to; it must be the scope of some plan."},
		{Key: "owner", Type: TypeText, Doc: "Who owns the plan."},
		{Key: "grade_scale", Type: TypeNumber, Min: bound(1), Max: bound(100), Doc: "The scale of the plan's hand-written score and progress values: 1 (default, 0..1) or 100 (0..100)."},
		{Key: "kpis", Type: TypeList, Items: SectionKPI, Doc: "The KPIs tracked in this period."},
		{Key: "objectives", Type: TypeList, Items: SectionObjective, Doc: "The objectives of the period, each with its key results."},
	},
	SectionKPI: {
		{Key: "id", Type: TypeSlug, Required: true, Doc: "The KPI's id, stable across periods: carry-forward follows it."},
		{Key: "name", Type: TypeText, Required: true, Doc: "The measure, in words."},
		{Key: "unit", Type: TypeText, Doc: "The unit of the numbers (\"%\", h, M€)."},
		{Key: "direction", Type: TypeEnum, Enum: []string{string(Up), string(Down)}, Doc: "Whether the metric should go up or down; default: the direction of the key result that links it, else up."},
		{Key: "source", Type: TypeText, Doc: "Where the number comes from; required for a live KPI (rule kpi-source)."},
		{Key: "frequency", Type: TypeEnum, Enum: frequencyNames(), Doc: "How often the KPI is reported; required for a live KPI."},
		{Key: "annual_target", Type: TypeNumber, Doc: "The year's target; keep it steady within a year."},
		{Key: "target", Type: TypeNumber, Doc: "The period's target; may be left out when an outcome key result links the KPI."},
		{Key: "actual", Type: TypeNumber, Doc: "The latest reading, for a KPI no key result links (okr checkin sets it)."},
		{Key: "retired", Type: TypeText, Doc: "Why the KPI stops being tracked; a retired KPI needs no target."},
	},
	SectionObjective: {
		{Key: "id", Type: TypeSlug, Required: true, Doc: "The objective's id, unique among the plan's objectives."},
		{Key: "title", Type: TypeText, Required: true, Doc: "The outcome, in words."},
		{Key: "owner", Type: TypeText, Doc: "Who owns the objective."},
		{Key: "aligns_to", Type: TypeText, Doc: "<scope>/<objective id> of an objective in a plan of the same period, or of the annual plan of the same year."},
		{Key: "key_results", Type: TypeList, Items: SectionKeyResult, Doc: "The key results that measure the objective (3 to 5)."},
	},
	SectionKeyResult: {
		{Key: "id", Type: TypeSlug, Required: true, Doc: "The key result's id, unique among all key results of the plan."},
		{Key: "title", Type: TypeText, Required: true, Doc: "The result, in words."},
		{Key: "owner", Type: TypeText, Doc: "Who owns the key result."},
		{Key: "type", Type: TypeEnum, Enum: Names(KRTypes), Doc: "outcome (default): a number moved from start to target; maintain: a level held at a threshold; effort: a deliverable tracked by due, progress and done."},
		{Key: "start", Type: TypeNumber, Only: []KRType{Outcome}, Doc: "Outcome key results: the baseline."},
		{Key: "target", Type: TypeNumber, Only: []KRType{Outcome}, Doc: "Outcome key results: the number to reach, different from start."},
		{Key: "threshold", Type: TypeNumber, Only: []KRType{Maintain}, Doc: "Maintain key results: the level to hold."},
		{Key: "direction", Type: TypeEnum, Enum: []string{string(Up), string(Down)}, Only: []KRType{Maintain}, Doc: "Maintain key results: up holds current at or above the threshold, down at or below; default: the linked KPI's direction, else up."},
		{Key: "current", Type: TypeNumber, Only: []KRType{Outcome, Maintain}, Doc: "Outcome and maintain key results: the latest value (okr checkin sets it); leave it out until there is a measurement."},
		{Key: "unit", Type: TypeText, Doc: "The unit of start, target and current."},
		{Key: "kpi", Type: TypeSlug, Doc: "Outcome and maintain key results: the id of a KPI of the same plan that this key result measures."},
		{Key: "weight", Type: TypeNumber, Min: bound(0), ExclusiveMin: true, Doc: "A positive number, default 1: the key result's share in the objective's score."},
		{Key: "score", Type: TypeNumber, Doc: "A manual grade in 0..1 (0..100 with grade_scale: 100) that replaces the computed score."},
		{Key: "due", Type: TypeDate, Only: []KRType{Effort}, Doc: "Effort key results: the date it is due, YYYY-MM-DD: inside the period, or shortly after it ends (kr-due grace_days)."},
		{Key: "progress", Type: TypeNumber, Only: []KRType{Effort}, Doc: "Effort key results: how far along it is, 0..1 (0..100 with grade_scale: 100; okr checkin ID=60% sets it)."},
		{Key: "done", Type: TypeBoolean, Only: []KRType{Effort}, Doc: "Effort key results: true when delivered (okr checkin ID=done sets it)."},
		{Key: "confidence", Type: TypeNumber, Min: bound(0), Max: bound(1), Doc: "The owner's confidence, 0..1, of reaching the target, from the latest check-in."},
		{Key: "note", Type: TypeText, Doc: "A short remark from the latest check-in (okr checkin --note)."},
	},
}

// FieldKeys returns the keys of a section in documented order.
func FieldKeys(s Section) []string {
	keys := make([]string, len(FieldTable[s]))
	for i, f := range FieldTable[s] {
		keys[i] = f.Key
	}
	return keys
}

func levels() []string {
	return []string{string(LevelCompany), string(LevelTeam), string(LevelIndividual)}
}

func frequencyNames() []string {
	names := make([]string, len(Frequencies))
	for i, f := range Frequencies {
		names[i] = string(f)
	}
	return names
}
