package report

import (
	"time"

	"github.com/okr-tool/okr/history"
	"github.com/okr-tool/okr/plan"
)

// TrendPoint is a key result's or KPI's value after one commit that changed it.
type TrendPoint struct {
	Date   time.Time
	Commit string // full hash; "" for uncommitted changes
	// Value is a key result's current (outcome) or progress (effort, 1 when done), or a KPI's
	// reading; nil when it had none.
	Value *float64
	// Score is a key result's score then; nil for a KPI, or without a measurement.
	Score *float64
	// Created is true for the commit that created the plan: its values were planned, not
	// checked in.
	Created bool
}

// Trend is the history of a key result or KPI, oldest first: one point per commit that changed
// its value or score.
type Trend []TrendPoint

// CheckIns counts the points of the trend that are check-ins: every one but the commit that
// created the plan.
func (t Trend) CheckIns() int {
	n := 0
	for _, pt := range t {
		if !pt.Created {
			n++
		}
	}
	return n
}

// Freshness says whether a KPI's latest reading is as recent as its reporting frequency asks,
// by the date of the last commit that changed it, as of the report's day.
type Freshness struct {
	Stale bool
	// Last is the date of the last change of the reading and Commit the commit that made it
	// ("" when uncommitted); both are zero when the KPI never had a reading.
	Last   time.Time
	Commit string
	// Age is the reading's age in days on the day judged (the report's day, or the period's
	// last day when it ended before); Allowed is the most the frequency allows.
	Age, Allowed int
}

// HistoryNote says how far the history behind a report goes.
type HistoryNote struct {
	// Shallow is true when a shallow clone cut the history short; Since is then the date of the
	// oldest commit it reaches.
	Shallow bool
	Since   time.Time
}

// addHistory gives every key result and KPI of the report its trend, and every live KPI its
// freshness.
func addHistory(r *Report, h *history.History, repo *plan.Repository) {
	r.History = &HistoryNote{Shallow: h.Shallow, Since: h.Since}
	for _, pr := range r.Plans {
		for _, o := range pr.Objectives {
			for _, kr := range o.KeyResults {
				kr.Trend = keyResultTrend(h.KeyResult(kr.KeyResult), linkedDirection(pr.Plan, kr.KeyResult))
				markCreated(kr.Trend, h, pr.File)
				kr.Eased = easings(h.KeyResultEasings(kr.KeyResult))
			}
		}
		for _, k := range pr.KPIs {
			k.Trend = kpiTrend(h.KPI(k.KPI))
			markCreated(k.Trend, h, pr.File)
			k.Eased = easings(h.KPIEasings(k.KPI))
			if _, from, _ := repo.AnnualReading(k.KPI, r.AsOf); from != nil {
				continue // an annual KPI read from the quarter plans: its freshness is theirs
			}
			if f, ok := h.Freshness(k.KPI, r.AsOf); ok {
				k.Freshness = &Freshness{Stale: f.Stale, Age: f.Age, Allowed: f.Allowed}
				if f.HasReading {
					k.Freshness.Last, k.Freshness.Commit = f.Last.Date, f.Last.Commit
				}
			}
		}
	}
}

// markCreated marks the point of the revision that created the plan's file: the oldest the
// history reaches, unless a shallow clone's history was cut there.
func markCreated(t Trend, h *history.History, file string) {
	ph := h.Plan(file)
	if ph == nil || len(ph.Revisions) == 0 {
		return
	}
	first := ph.Revisions[0]
	if h.Shallow && first.Date.Equal(h.Since) {
		return // the clone's boundary, not the plan's creation
	}
	for i := range t {
		if t[i].Commit == first.Commit && t[i].Date.Equal(first.Date) {
			t[i].Created = true
		}
	}
}

// keyResultTrend is never nil, so that renderers can tell "no check-ins" from "no history".
func keyResultTrend(versions []history.KeyResultVersion, dir plan.Direction) Trend {
	t := Trend{}
	for _, v := range versions {
		kr := v.KeyResult
		if kr == nil {
			continue
		}
		pt := TrendPoint{Date: v.Date, Commit: v.Commit}
		switch {
		case kr.Type.Value == plan.Effort && kr.Done.Set && kr.Done.Value:
			one := 1.0
			pt.Value = &one
		case kr.Type.Value == plan.Effort:
			pt.Value = progressShare(kr)
		default:
			pt.Value = optional(kr.Current)
		}
		if s := ScoreKeyResult(kr, dir); !s.NoData() {
			pt.Score = &s.Value
		}
		if n := len(t); n > 0 && sameFloat(t[n-1].Value, pt.Value) && sameFloat(t[n-1].Score, pt.Score) {
			continue
		}
		t = append(t, pt)
	}
	return t
}

func kpiTrend(versions []history.KPIVersion) Trend {
	t := Trend{}
	for _, v := range versions {
		if v.KPI == nil {
			continue
		}
		if n := len(t); n > 0 && sameFloat(t[n-1].Value, v.Value) {
			continue
		}
		t = append(t, TrendPoint{Date: v.Date, Commit: v.Commit, Value: v.Value})
	}
	return t
}

func sameFloat(a, b *float64) bool {
	if a == nil || b == nil {
		return a == b
	}
	return *a == *b
}
