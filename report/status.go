package report

import (
	"time"

	"github.com/okr-tool/okr/plan"
)

// How far behind the expected score a key result may fall before its status changes. The
// expected score is the share of the period elapsed at the as-of date.
const (
	// AtRiskBehind: more than this far behind is at risk.
	AtRiskBehind = 0.10
	// OffTrackBehind: more than this far behind is off track.
	OffTrackBehind = 0.25
)

// Phase is where the as-of date falls relative to a period.
type Phase string

// Phases of a period.
const (
	Upcoming   Phase = "upcoming"    // the as-of date is before the period starts
	InProgress Phase = "in_progress" // the as-of date is inside the period
	Finished   Phase = "finished"    // the as-of date is after the period's last day
)

// PhaseOf returns the phase of period p on the day asOf.
func PhaseOf(p plan.Period, asOf time.Time) Phase {
	day := time.Date(asOf.Year(), asOf.Month(), asOf.Day(), 0, 0, 0, 0, time.UTC)
	switch {
	case day.Before(p.Start()):
		return Upcoming
	case !day.Before(p.End()):
		return Finished
	}
	return InProgress
}

// Status is where a key result or objective stands. During a period it compares the score with
// the expected score; once the period is over it is the grade.
type Status string

// Statuses. StatusGreen, StatusYellow and StatusRed are used for finished periods only.
const (
	StatusOnTrack    Status = "on_track"
	StatusAtRisk     Status = "at_risk"
	StatusOffTrack   Status = "off_track"
	StatusNoData     Status = "no_data"
	StatusNotStarted Status = "not_started"
	StatusGreen      Status = Status(Green)
	StatusYellow     Status = Status(Yellow)
	StatusRed        Status = Status(Red)
)

// Label is the status as a person reads it: "on track", "no data".
func (s Status) Label() string {
	switch s {
	case StatusOnTrack:
		return "on track"
	case StatusAtRisk:
		return "at risk"
	case StatusOffTrack:
		return "off track"
	case StatusNoData:
		return "no data"
	case StatusNotStarted:
		return "not started"
	}
	return string(s)
}

// rank orders statuses from weakest to strongest, to name an objective's weakest key result.
func (s Status) rank() int {
	switch s {
	case StatusOffTrack, StatusRed:
		return 0
	case StatusAtRisk, StatusYellow:
		return 1
	case StatusNoData:
		return 2
	case StatusOnTrack, StatusGreen:
		return 3
	}
	return 4 // not started
}

// KRStatus is the status of a key result with the given score in a period of the given phase,
// where expected is the share of the period elapsed.
func KRStatus(score KRScore, phase Phase, expected float64) Status {
	switch {
	case phase == Upcoming:
		return StatusNotStarted
	case score.NoData():
		return StatusNoData
	case phase == Finished:
		return Status(GradeOf(score.Value))
	}
	behind := expected - score.Value
	switch {
	case behind > OffTrackBehind+epsilon:
		return StatusOffTrack
	case behind > AtRiskBehind+epsilon:
		return StatusAtRisk
	}
	return StatusOnTrack
}

// ObjectiveStatus is the status of an objective (or a plan) by the one rule a reader can infer
// from the page: its own score judged as a key result's is. During the period that is the score
// against the expected score, with the same margins (more than AtRiskBehind behind is at risk,
// more than OffTrackBehind off track); once the period is over it is the grade; before it starts,
// not started. An objective whose key results all lack a measurement has no data. The colour of
// the objective's score and status is the colour of this status (Status.Tone), so a green score
// never stands next to "at risk". Weakest names the key result that pulls it down.
func ObjectiveStatus(score float64, noData bool, phase Phase, expected float64) Status {
	s := KRScore{Value: score, Basis: BasisOutcome}
	if noData {
		s.Basis = BasisNoData
	}
	return KRStatus(s, phase, expected)
}

// Weakest is the key result with the weakest status when that status is a concern — at risk or
// off track during the period, red once it is over — the lowest score among equals, the first
// among those; nil when no key result is a concern.
func Weakest(krs []*KRReport) *KRReport {
	var weakest *KRReport
	for _, kr := range krs {
		if !kr.Status.Concern() {
			continue
		}
		if weakest == nil || kr.Status.rank() < weakest.Status.rank() ||
			(kr.Status.rank() == weakest.Status.rank() && kr.Value < weakest.Value) {
			weakest = kr
		}
	}
	return weakest
}

// Concern reports whether a status calls for attention: at risk, off track, or red.
func (s Status) Concern() bool {
	return s == StatusAtRisk || s == StatusOffTrack || s == StatusRed
}
