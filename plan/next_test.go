package plan

import (
	"testing"
	"time"
)

func TestQuarterOf(t *testing.T) {
	tests := map[string]string{
		"2026-01-01": "2026-Q1",
		"2026-03-31": "2026-Q1",
		"2026-04-01": "2026-Q2",
		"2026-09-30": "2026-Q3",
		"2026-12-31": "2026-Q4",
	}
	for day, want := range tests {
		d, _ := time.Parse(time.DateOnly, day)
		if got := QuarterOf(d).String(); got != want {
			t.Errorf("QuarterOf(%s) = %s, want %s", day, got, want)
		}
		if !QuarterOf(d).Contains(d) {
			t.Errorf("QuarterOf(%s) does not contain the day", day)
		}
	}
}
