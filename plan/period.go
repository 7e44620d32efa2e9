package plan

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Period is the time span of a plan: a quarter (Quarter 1–4) or a whole year (Quarter 0).
type Period struct {
	Year    int
	Quarter int
}

// ParsePeriod parses "YYYY-Qn" (a quarter) or "YYYY" (a year). Lower-case "q" is accepted.
func ParsePeriod(s string) (Period, error) {
	s = strings.TrimSpace(s)
	yearPart, quarterPart, isQuarter := strings.Cut(s, "-")
	if len(yearPart) != 4 {
		return Period{}, fmt.Errorf("period %q must be YYYY-Qn (a quarter, e.g. 2026-Q3) or YYYY (a year)", s)
	}
	year, err := strconv.Atoi(yearPart)
	if err != nil || year < 1000 {
		return Period{}, fmt.Errorf("period %q must start with a four-digit year, e.g. 2026-Q3", s)
	}
	if !isQuarter {
		return Period{Year: year}, nil
	}
	if len(quarterPart) != 2 || (quarterPart[0] != 'Q' && quarterPart[0] != 'q') ||
		quarterPart[1] < '1' || quarterPart[1] > '4' {
		return Period{}, fmt.Errorf("period %q has no valid quarter; write Q1, Q2, Q3 or Q4, e.g. %d-Q3", s, year)
	}
	return Period{Year: year, Quarter: int(quarterPart[1] - '0')}, nil
}

// String returns the canonical form, "2026-Q3" or "2026".
func (p Period) String() string {
	if p.IsZero() {
		return ""
	}
	if p.Quarter == 0 {
		return strconv.Itoa(p.Year)
	}
	return fmt.Sprintf("%d-Q%d", p.Year, p.Quarter)
}

// IsZero reports whether p is unset.
func (p Period) IsZero() bool { return p.Year == 0 }

// IsQuarter reports whether p is a quarter rather than a year.
func (p Period) IsQuarter() bool { return p.Quarter != 0 }

// IsYear reports whether p is a whole year.
func (p Period) IsYear() bool { return p.Year != 0 && p.Quarter == 0 }

// Start is the first day of the period, at midnight UTC.
func (p Period) Start() time.Time {
	month := time.January
	if p.Quarter > 0 {
		month = time.Month(3*(p.Quarter-1) + 1)
	}
	return time.Date(p.Year, month, 1, 0, 0, 0, 0, time.UTC)
}

// End is the first instant after the period (exclusive), at midnight UTC.
func (p Period) End() time.Time {
	if p.Quarter == 0 {
		return p.Start().AddDate(1, 0, 0)
	}
	return p.Start().AddDate(0, 3, 0)
}

// LastDay is the last calendar day inside the period.
func (p Period) LastDay() time.Time { return p.End().AddDate(0, 0, -1) }

// Contains reports whether the calendar day of t lies inside the period.
func (p Period) Contains(t time.Time) bool {
	d := Day(t)
	return !d.Before(p.Start()) && d.Before(p.End())
}

// Elapsed is the share of the period that has passed at the end of the day asOf, in 0..1.
func (p Period) Elapsed(asOf time.Time) float64 {
	day := Day(asOf).AddDate(0, 0, 1)
	start, end := p.Start(), p.End()
	switch {
	case !day.After(start):
		return 0
	case !day.Before(end):
		return 1
	}
	return float64(day.Sub(start)) / float64(end.Sub(start))
}

// Prev returns the quarter before a quarter (2027-Q1 → 2026-Q4), or the year before a year.
func (p Period) Prev() Period {
	switch {
	case p.Quarter == 0:
		return Period{Year: p.Year - 1}
	case p.Quarter == 1:
		return Period{Year: p.Year - 1, Quarter: 4}
	}
	return Period{Year: p.Year, Quarter: p.Quarter - 1}
}

// Next returns the quarter after a quarter (2026-Q4 → 2027-Q1), or the year after a year.
func (p Period) Next() Period {
	switch {
	case p.Quarter == 0:
		return Period{Year: p.Year + 1}
	case p.Quarter == 4:
		return Period{Year: p.Year + 1, Quarter: 1}
	}
	return Period{Year: p.Year, Quarter: p.Quarter + 1}
}

// YearPeriod returns the annual period that contains p.
func (p Period) YearPeriod() Period { return Period{Year: p.Year} }

// QuarterIndex numbers quarters consecutively across years, so that the distance between two
// quarters is a subtraction. It is meaningless for a year.
func (p Period) QuarterIndex() int { return p.Year*4 + p.Quarter - 1 }

// Compare orders periods by start date; a year sorts before its first quarter.
func (p Period) Compare(q Period) int {
	switch {
	case p.Year != q.Year:
		return cmpInt(p.Year, q.Year)
	default:
		return cmpInt(p.Quarter, q.Quarter)
	}
}

// Before reports whether p sorts before q.
func (p Period) Before(q Period) bool { return p.Compare(q) < 0 }

func cmpInt(a, b int) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// Today is the day okr runs on, by the local calendar, as midnight UTC: the day plans are judged
// as of when no other is given, and the date of uncommitted changes.
func Today() time.Time { return Day(time.Now()) }

// Day is the calendar day of t, in t's own location, as midnight UTC: the form okr compares days
// in.
func Day(t time.Time) time.Time {
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
}
