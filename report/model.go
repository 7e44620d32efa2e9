package report

import (
	"time"

	"github.com/okr-tool/okr/plan"
)

// Report is everything a review of one period shows: the selected plans scored, the alignment
// of their objectives, and what could not be reported.
type Report struct {
	AsOf   time.Time   // the day statuses are computed for
	Period plan.Period // the period selected
	Scopes []string    // the scopes selected; empty means all

	Plans     []*PlanReport
	Alignment []*AlignNode // objectives that others align to, each with what aligns to it
	Unaligned []*ObjectiveReport
	Summary   Summary // over every key result of Plans
	Skipped   []Skip  // files and plans left out, with why
	// History is set when the report shows the history of check-ins (okr report --history).
	History *HistoryNote
	// Review is what a quarter-end review discusses; set when the period is over (ReviewOf).
	Review *Review
}

// PlanReport is one plan scored.
type PlanReport struct {
	Plan   *plan.Plan
	File   string
	Scope  string
	Period plan.Period
	Level  plan.Level
	Owner  string

	Score    float64 // the mean of the objectives' scores
	NoData   bool    // no objective has a measured key result
	Grade    Grade   // "" when NoData
	Status   Status  // the plan's score judged as an objective's (ObjectiveStatus)
	Phase    Phase
	Expected float64 // the share of the period elapsed at AsOf: the score expected by now

	Objectives []*ObjectiveReport
	KPIs       []*KPIReport
	Summary    Summary
	Problems   int // diagnostics found while loading the plan's file; okr lint lists them
}

// ObjectiveReport is one objective scored.
type ObjectiveReport struct {
	Objective *plan.Objective
	Plan      *PlanReport
	ID        string
	Title     string
	Owner     string
	AlignsTo  string

	Score        float64   // the weighted mean of the key results' scores
	NoData       bool      // no key result has a measurement (or there are none)
	Grade        Grade     // "" when NoData
	Status       Status    // its score against the expected score, its grade once over (ObjectiveStatus)
	Weakest      *KRReport // the key result that pulls it down, when one is a concern (Weakest)
	NotAmbitious bool      // it scores 1.0: possibly not ambitious enough

	KeyResults []*KRReport
}

// KRReport is one key result scored.
type KRReport struct {
	KeyResult *plan.KeyResult
	ID        string
	Title     string
	Type      plan.KRType
	KPI       string // the KPI this key result also is, or ""
	Unit      string
	Weight    float64

	Start, Target, Current *float64 // outcome key results; nil when absent
	Progress               *float64 // effort key results, as a share in 0..1; nil when absent or invalid
	Done                   bool
	Due                    time.Time // zero when absent

	// Confidence and CheckInNote are the owner's confidence (0..1) of reaching the target and
	// the remark of the latest check-in; nil and "" when the plan gives none.
	Confidence  *float64
	CheckInNote string

	KRScore
	Grade  Grade // "" when the score is "no data"
	Status Status
	Notes  []string
	Trend  Trend // with --history: its value and score after each commit that changed them
}

// KPIReport is one KPI of a plan with its values through the plan's year.
type KPIReport struct {
	KPI          *plan.KPI
	ID           string
	Name         string
	Unit         string
	Direction    plan.Direction
	Source       string
	Frequency    plan.Frequency
	Retired      string   // the reason it was retired in this plan, or ""
	AnnualTarget *float64 // nil when no plan of the year gives one
	Target       *float64 // the period's target: the KPI's own, else its linked KR's
	Value        *float64 // the latest reading: the linked KR's current, else the KPI's actual
	OnTarget     *bool    // Value against Target in Direction; nil when either is missing
	// SoFar is true while the plan's period is in progress: a reading short of the target is
	// then "not yet" rather than missed.
	SoFar bool
	// Series holds the KPI's quarters of the plan's year from the first one the scope's plans
	// track it in (none when no quarter does) to the fourth.
	Series []Point
	// Trend and Freshness come with --history: the reading after each commit that changed it,
	// and whether it is as recent as the frequency asks (nil when that does not apply).
	Trend     Trend
	Freshness *Freshness
}

// Point is a KPI's reading and target in one quarter.
type Point struct {
	Period plan.Period
	Value  *float64 // nil when the quarter has no plan listing the KPI, or no reading
	Target *float64
	// Tracked is true when the scope's plan for the quarter lists the KPI (retired or not).
	Tracked bool
}

// AlignNode is an objective together with the objectives that align to it.
type AlignNode struct {
	Objective *ObjectiveReport
	Children  []*AlignNode
}

// Summary counts key results by status.
type Summary struct {
	Objectives int
	KeyResults int
	ByStatus   map[Status]int
}

// Skip is a file or plan the report left out, or reported only in part.
type Skip struct {
	File   string
	Reason string
}
