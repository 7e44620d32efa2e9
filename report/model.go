package report

import (
	"fmt"
	"time"

	"github.com/okr-tool/okr/history"
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
	// Source says which version of the plans was read; nil when the plans were read from the
	// files for today (no --as-of, no --rev).
	Source *Source
}

// PlanReport is one plan scored.
type PlanReport struct {
	Plan   *plan.Plan
	File   string
	Scope  string
	Period plan.Period
	Level  plan.Level
	Owner  string

	Score    float64 // the mean of the scores of the objectives that count (KRScore.CountsIn)
	NoData   bool    // no objective has a score
	Grade    Grade   // "" when NoData
	Status   Status  // the plan's score judged as an objective's (ObjectiveStatus)
	Phase    Phase
	Expected float64 // the share of the period elapsed at AsOf: the score expected by now

	Objectives []*ObjectiveReport
	KPIs       []*KPIReport
	Summary    Summary
	Problems   int // diagnostics found while loading the plan's file; okr lint lists them

	// fromQuarters, set for an annual plan, gives a key result linked to a KPI the KPI's latest
	// quarterly reading as of the report's day.
	fromQuarters func(kr *plan.KeyResult) (float64, *plan.KPI, bool)
}

// ObjectiveReport is one objective scored.
type ObjectiveReport struct {
	Objective *plan.Objective
	Plan      *PlanReport
	ID        string
	Title     string
	Owner     string
	AlignsTo  string

	Score        float64   // the weighted mean of the key results' scores that count (KRScore.CountsIn)
	NoData       bool      // no key result has a measurement (or there are none), and the period runs
	Measured     int       // how many of KeyResults have a measurement (MeasuredText)
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
	Owner     string // who owns the key result, or ""
	KPI       string // the KPI this key result also is, or ""
	Unit      string
	Weight    float64

	Start, Target, Current *float64 // outcome key results; nil when absent
	// Holds is the side of Target (its threshold) a maintain key result holds: up for at or
	// above, down for at or below; its own direction, else its KPI's, else up. "" for the others.
	Holds    plan.Direction
	Progress *float64 // effort key results, as a share in 0..1; nil when absent or invalid
	Done     bool
	Due      time.Time // zero when absent

	// Confidence and CheckInNote are the owner's confidence (0..1) of reaching the target and
	// the remark of the latest check-in; nil and "" when the plan gives none.
	Confidence  *float64
	CheckInNote string

	KRScore
	Grade  Grade // "" when the score is "no data"
	Status Status
	Notes  []string
	Trend  Trend // with --history: its value and score after each commit that changed them
	// CurrentFrom is the quarter whose plan gave Current: an annual key result linked to a KPI
	// takes the KPI's latest quarterly reading (plan.Repository.QuarterReading). Zero when
	// Current is the key result's own.
	CurrentFrom plan.Period
	// Eased lists the goalposts of the key result (target, start) eased after its period
	// started, oldest first, when the plans are in git (Options.Eased or History).
	Eased []Easing
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
	OnTarget     *bool    // Value against Target in Direction; nil when either is missing or Problem is set
	// Status is the KPI's status by the one rule of KPIStatus, and its colour (Tone); Baseline
	// is the reading its pace is judged from (the previous quarter's, else the annual key
	// result's start), nil when there is none.
	Status   Status
	Baseline *float64
	// Problem says why the KPI is not scored: "not scored: …" when its own target and the
	// target of the key result that measures it disagree (lint's kpi-target-agree); "" otherwise.
	Problem string
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
	// Eased lists the KPI's target and annual target eased after the period started, oldest
	// first, when the plans are in git (Options.Eased or History).
	Eased []Easing
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

// Source says which version of the plans a report read: a commit (chosen with --rev, or by
// the as-of day in a git repository), or the files as they are.
type Source struct {
	// Commit is the full hash of the commit the plans were read at and Date its committer
	// date; Commit is "" when the files were read.
	Commit string
	Date   time.Time
	// Rev is the revision named with --rev; "" when the as-of day chose the commit.
	Rev string
	// WorkTree is true when the files of the git work tree were read because the as-of day is
	// not before the newest commit, Head of HeadDate.
	WorkTree bool
	Head     string
	HeadDate time.Time
	// MayBeNewer is true when the files were read although they may hold values entered after
	// the as-of day: outside git (Outside), or when the git history starts after the day (on
	// Since; Shallow when a shallow clone cut it there).
	MayBeNewer bool
	Outside    bool
	Since      time.Time
	Shallow    bool
}

// Text says in one sentence which version of the plans the report shows, for every format.
func (s *Source) Text(asOf time.Time) string {
	day := asOf.Format(time.DateOnly)
	switch {
	case s.Commit != "" && s.Rev != "":
		return fmt.Sprintf("Plans as committed at %s: commit %s of %s.", s.Rev, short(s.Commit), s.Date.Format(time.DateOnly))
	case s.Commit != "":
		return fmt.Sprintf("Plans as committed by the end of %s: commit %s of %s.", day, short(s.Commit), s.Date.Format(time.DateOnly))
	case s.WorkTree:
		return fmt.Sprintf("Plans from the work tree: the newest commit, %s of %s, is not after %s.", short(s.Head), s.HeadDate.Format(time.DateOnly), day)
	case s.Outside:
		return fmt.Sprintf("Plans as the files are now, outside git: values may be newer than %s.", day)
	case s.Shallow:
		return fmt.Sprintf("Plans as the files are now: this shallow clone's history starts on %s, after %s, so values may be newer than %s.", s.Since.Format(time.DateOnly), day, day)
	case s.MayBeNewer && !s.Since.IsZero():
		return fmt.Sprintf("Plans as the files are now: the git history starts on %s, after %s, so values may be newer than %s.", s.Since.Format(time.DateOnly), day, day)
	case s.MayBeNewer:
		return fmt.Sprintf("Plans as the files are now, not yet committed: values may be newer than %s.", day)
	}
	return ""
}

func short(hash string) string {
	if len(hash) > 7 {
		return hash[:7]
	}
	return hash
}

// Easing is a goalpost easier now than when its period started (history.Easing; history.Eases
// says which moves ease one): the same reading now earns a better grade.
type Easing struct {
	Field    string // "target", "start", "threshold", "direction" or "annual target"
	Old, New float64
	Date     time.Time
	Commit   string // the full hash of the commit that eased it; "" for uncommitted changes
	Reason   string // the reason of its "# okr:ignore moved-goalposts" comment; "" when none
}

// OldText and NewText are the values before and after, as a reader writes them: a number, or
// up/down for a direction.
func (e Easing) OldText() string { return e.valueText(e.Old) }

// NewText is the value after the easing; see OldText.
func (e Easing) NewText() string { return e.valueText(e.New) }

func (e Easing) valueText(v float64) string {
	if e.Field == history.FieldDirection {
		return string(history.DirectionOf(v))
	}
	return FormatNumber(v)
}

// Text says what moved, when and why, for every format: "target eased from 12 to 10 on
// 2026-08-03 in commit 1a2b3c4: two reps left in July".
func (e Easing) Text() string {
	where := "in uncommitted changes"
	if e.Commit != "" {
		where = "in commit " + short(e.Commit)
	}
	moved := fmt.Sprintf("eased from %s to %s", e.OldText(), e.NewText())
	if e.Field == history.FieldDirection {
		moved = fmt.Sprintf("flipped from %s to %s", e.OldText(), e.NewText())
	}
	s := fmt.Sprintf("%s %s on %s %s", e.Field, moved, e.Date.Format(time.DateOnly), where)
	if e.Reason == "" {
		return s + ", no reason recorded"
	}
	return s + ": " + e.Reason
}

func easings(es []history.Easing) []Easing {
	var out []Easing
	for _, e := range es {
		out = append(out, Easing{Field: e.Field, Old: e.Old, New: e.New, Date: e.By.Date, Commit: e.By.Commit, Reason: e.Reason})
	}
	return out
}
