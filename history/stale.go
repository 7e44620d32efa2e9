package history

import (
	"time"

	"github.com/okr-tool/okr/plan"
)

// LastReading returns the revision that last changed a KPI's reading (set it or changed its
// value) on or before the day until (any day when until is zero), and false when the KPI had no
// reading by then in its plan's history.
func (h *History) LastReading(k *plan.KPI, until time.Time) (Revision, bool) {
	versions := h.KPI(k)
	var last Revision
	found := false
	var prev *float64
	for _, v := range versions {
		if !until.IsZero() && dayOf(v.Date).After(dayOf(until)) {
			break
		}
		if v.KPI == nil {
			prev = nil
			continue
		}
		if v.Value != nil && !sameValue(prev, v.Value) {
			last, found = v.Revision, true
		}
		prev = v.Value
	}
	return last, found
}

// Freshness says how old a live KPI's reading is on a day, against its reporting frequency.
type Freshness struct {
	// Stale is true when the reading is older than the frequency allows.
	Stale bool
	// Last is the revision that last changed the reading; zero when it never had one.
	Last Revision
	// HasReading is false when the KPI never had a reading; its age then counts from the start
	// of the period, or from when the plan was first committed if that is later.
	HasReading bool
	// Age is the number of days from the reading (or that start) to the day judged.
	Age int
	// Allowed is the longest gap the frequency allows, in days.
	Allowed int
	// Day is the day judged: the day asked about, or the period's last day when it ended
	// before.
	Day time.Time
}

// Freshness judges a KPI's latest reading as of a day. ok is false when the question does not
// apply: the KPI is retired or has no valid frequency, its period had not started on that day,
// or its plan has no history.
func (h *History) Freshness(k *plan.KPI, asOf time.Time) (f Freshness, ok bool) {
	if k == nil || k.Plan == nil || !k.Live() || k.Frequency.Value.Days() == 0 {
		return f, false
	}
	ph := h.Plan(k.Plan.File)
	period := k.Plan.Period.Value
	if ph == nil || len(ph.Revisions) == 0 || !k.Plan.Period.Set {
		return f, false
	}
	day := dayOf(asOf)
	if day.Before(period.Start()) {
		return f, false
	}
	if last := period.LastDay(); day.After(last) {
		day = last
	}
	f.Day, f.Allowed = day, k.Frequency.Value.Days()
	from := period.Start()
	if first := dayOf(ph.Revisions[0].Date); first.After(from) {
		from = first
	}
	if f.Last, f.HasReading = h.LastReading(k, day); f.HasReading {
		from = dayOf(f.Last.Date)
	}
	f.Age = int(day.Sub(from).Hours() / 24)
	f.Stale = f.Age > f.Allowed
	return f, true
}

// dayOf is the UTC calendar day of an instant.
func dayOf(t time.Time) time.Time { return plan.Day(t.UTC()) }
