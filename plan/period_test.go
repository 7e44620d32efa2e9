package plan

import (
	"testing"
	"time"
)

func TestParsePeriod(t *testing.T) {
	tests := []struct {
		in      string
		want    Period
		wantErr bool
	}{
		{"2026-Q3", Period{2026, 3}, false},
		{"2026-q1", Period{2026, 1}, false},
		{" 2027-Q4 ", Period{2027, 4}, false},
		{"2026", Period{2026, 0}, false},
		{"2026-Q5", Period{}, true},
		{"2026-Q0", Period{}, true},
		{"2026-03", Period{}, true},
		{"26-Q1", Period{}, true},
		{"Q3-2026", Period{}, true},
		{"abcd", Period{}, true},
		{"", Period{}, true},
		{"2026-Q33", Period{}, true},
	}
	for _, tt := range tests {
		got, err := ParsePeriod(tt.in)
		if (err != nil) != tt.wantErr || got != tt.want {
			t.Errorf("ParsePeriod(%q) = %v, %v; want %v, error %v", tt.in, got, err, tt.want, tt.wantErr)
		}
		if err == nil && got.String() != trimmedUpper(tt.in) {
			t.Errorf("ParsePeriod(%q).String() = %q", tt.in, got.String())
		}
	}
}

func trimmedUpper(s string) string {
	b := []byte{}
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == ' ':
		case c == 'q':
			b = append(b, 'Q')
		default:
			b = append(b, c)
		}
	}
	return string(b)
}

func date(s string) time.Time {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return t
}

func TestPeriodDates(t *testing.T) {
	tests := []struct {
		p                   Period
		start, lastDay, end string
		prev, next, yearOfP string
	}{
		{Period{2026, 1}, "2026-01-01", "2026-03-31", "2026-04-01", "2025-Q4", "2026-Q2", "2026"},
		{Period{2026, 3}, "2026-07-01", "2026-09-30", "2026-10-01", "2026-Q2", "2026-Q4", "2026"},
		{Period{2026, 4}, "2026-10-01", "2026-12-31", "2027-01-01", "2026-Q3", "2027-Q1", "2026"},
		{Period{2028, 1}, "2028-01-01", "2028-03-31", "2028-04-01", "2027-Q4", "2028-Q2", "2028"},
		{Period{2026, 0}, "2026-01-01", "2026-12-31", "2027-01-01", "2025", "2027", "2026"},
	}
	for _, tt := range tests {
		if got := tt.p.Start().Format("2006-01-02"); got != tt.start {
			t.Errorf("%v.Start() = %s, want %s", tt.p, got, tt.start)
		}
		if got := tt.p.LastDay().Format("2006-01-02"); got != tt.lastDay {
			t.Errorf("%v.LastDay() = %s, want %s", tt.p, got, tt.lastDay)
		}
		if got := tt.p.End().Format("2006-01-02"); got != tt.end {
			t.Errorf("%v.End() = %s, want %s", tt.p, got, tt.end)
		}
		if got := tt.p.Prev().String(); got != tt.prev {
			t.Errorf("%v.Prev() = %s, want %s", tt.p, got, tt.prev)
		}
		if got := tt.p.Next().String(); got != tt.next {
			t.Errorf("%v.Next() = %s, want %s", tt.p, got, tt.next)
		}
		if got := tt.p.YearPeriod().String(); got != tt.yearOfP {
			t.Errorf("%v.YearPeriod() = %s, want %s", tt.p, got, tt.yearOfP)
		}
		if !tt.p.Contains(date(tt.start)) || !tt.p.Contains(date(tt.lastDay)) || tt.p.Contains(date(tt.end)) {
			t.Errorf("%v.Contains is wrong at its edges", tt.p)
		}
	}
}

func TestPeriodOrder(t *testing.T) {
	ordered := []Period{{2025, 4}, {2026, 0}, {2026, 1}, {2026, 2}, {2026, 4}, {2027, 0}, {2027, 1}}
	for i := range ordered {
		for j := range ordered {
			want := 0
			if i < j {
				want = -1
			} else if i > j {
				want = 1
			}
			if got := ordered[i].Compare(ordered[j]); got != want {
				t.Errorf("%v.Compare(%v) = %d, want %d", ordered[i], ordered[j], got, want)
			}
		}
	}
	if d := (Period{2027, 1}).QuarterIndex() - (Period{2026, 3}).QuarterIndex(); d != 2 {
		t.Errorf("quarters from 2026-Q3 to 2027-Q1 = %d, want 2", d)
	}
}

func TestPeriodElapsed(t *testing.T) {
	q3 := Period{2026, 3} // 92 days
	tests := []struct {
		asOf string
		want float64
	}{
		{"2026-06-30", 0},
		{"2026-07-01", 1.0 / 92},
		{"2026-08-15", 46.0 / 92},
		{"2026-09-30", 1},
		{"2027-01-01", 1},
	}
	for _, tt := range tests {
		if got := q3.Elapsed(date(tt.asOf)); got < tt.want-1e-9 || got > tt.want+1e-9 {
			t.Errorf("Elapsed(%s) = %v, want %v", tt.asOf, got, tt.want)
		}
	}
}

func TestSlug(t *testing.T) {
	for s, want := range map[string]bool{
		"client-retention": true, "kr1": true, "a_b": true, "2026-plan": true,
		"": false, "Client": false, "-a": false, "a-": false, "a--b": false, "a b": false, "é": false,
	} {
		if got := IsSlug(s); got != want {
			t.Errorf("IsSlug(%q) = %v, want %v", s, got, want)
		}
	}
	for in, want := range map[string]string{
		"Client Retention %": "client-retention",
		"  NPS (Q3) ":        "nps-q3",
		"%%%":                "my-id",
	} {
		if got := Slugify(in); got != want || !IsSlug(got) {
			t.Errorf("Slugify(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestNearest(t *testing.T) {
	keys := []string{"period", "scope", "level", "parent", "owner", "kpis", "objectives"}
	for in, want := range map[string]string{
		"objective": "objectives", "peroid": "period", "scpoe": "scope", "kpi": "kpis",
		"description": "", "x": "",
	} {
		if got := Nearest(in, keys); got != want {
			t.Errorf("Nearest(%q) = %q, want %q", in, got, want)
		}
	}
}
