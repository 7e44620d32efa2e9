package plan_test

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/okr-tool/okr/plan"
)

func TestNamesAndRanks(t *testing.T) {
	if got, want := plan.Names(plan.Levels), []string{"company", "team", "individual"}; !slices.Equal(got, want) {
		t.Errorf("Names(Levels) = %v, want %v", got, want)
	}
	if got, want := plan.Names(plan.Frequencies), []string{"daily", "weekly", "monthly", "quarterly", "yearly"}; !slices.Equal(got, want) {
		t.Errorf("Names(Frequencies) = %v, want %v", got, want)
	}
	for l, want := range map[plan.Level]int{plan.LevelCompany: 0, plan.LevelTeam: 1, plan.LevelIndividual: 2, "teams": -1, "": -1} {
		if got := l.Rank(); got != want {
			t.Errorf("Level(%q).Rank() = %d, want %d", l, got, want)
		}
	}
	for f, want := range map[plan.Frequency]int{plan.Daily: 0, plan.Yearly: 4, "montly": -1} {
		if got := f.Rank(); got != want {
			t.Errorf("Frequency(%q).Rank() = %d, want %d", f, got, want)
		}
	}
}

func TestDiagnosticOrder(t *testing.T) {
	at := func(file string, line, col int32, rule, msg string) plan.Diagnostic {
		return plan.Diagnostic{File: file, Pos: plan.Pos{Line: line, Col: col}, Rule: rule, Message: msg}
	}
	ds := []plan.Diagnostic{
		at("b.yaml", 1, 1, "schema", "x"),
		at("a.yaml", 10, 1, "schema", "x"),
		at("a.yaml", 2, 5, "schema", "x"),
		at("a.yaml", 2, 3, "schema", "y"),
		at("a.yaml", 2, 3, "reference", "z"),
		at("a.yaml", 2, 3, "reference", "a"),
	}
	plan.SortDiagnostics(ds)
	want := []plan.Diagnostic{
		at("a.yaml", 2, 3, "reference", "a"),
		at("a.yaml", 2, 3, "reference", "z"),
		at("a.yaml", 2, 3, "schema", "y"),
		at("a.yaml", 2, 5, "schema", "x"),
		at("a.yaml", 10, 1, "schema", "x"),
		at("b.yaml", 1, 1, "schema", "x"),
	}
	if !slices.Equal(ds, want) {
		t.Errorf("SortDiagnostics:\n got %v\nwant %v", ds, want)
	}
	if c := want[0].Compare(want[0]); c != 0 {
		t.Errorf("Compare of equal diagnostics = %d", c)
	}
}

func TestUnwrapPathError(t *testing.T) {
	_, err := os.Open(filepath.Join(t.TempDir(), "missing.yaml"))
	if got := plan.UnwrapPathError(err); !errors.Is(got, fs.ErrNotExist) || strings.Contains(got.Error(), "missing.yaml") {
		t.Errorf("UnwrapPathError(%v) = %v; want the cause without the path", err, got)
	}
	other := errors.New("other")
	if got := plan.UnwrapPathError(other); got != other {
		t.Errorf("UnwrapPathError(other) = %v", got)
	}
}

func TestToday(t *testing.T) {
	before := time.Now()
	got := plan.Today()
	after := time.Now()
	if got.Location() != time.UTC || got.Hour() != 0 || got.Minute() != 0 || got.Second() != 0 || got.Nanosecond() != 0 {
		t.Errorf("Today() = %v; want midnight UTC", got)
	}
	day := func(t time.Time) string { return t.Format(time.DateOnly) }
	if d := day(got); d != day(before) && d != day(after) {
		t.Errorf("Today() = %s; want the local date %s", d, day(before))
	}
}

func TestDay(t *testing.T) {
	late := time.Date(2026, 9, 30, 23, 30, 0, 0, time.FixedZone("west", -5*3600))
	if got, want := plan.Day(late), time.Date(2026, 9, 30, 0, 0, 0, 0, time.UTC); !got.Equal(want) || got.Location() != time.UTC {
		t.Errorf("Day(%v) = %v, want %v", late, got, want)
	}
	// The calendar day counts in the time's own location, not in UTC (where it is already October).
	if q3 := (plan.Period{Year: 2026, Quarter: 3}); !q3.Contains(late) {
		t.Errorf("%v is not in %v", late, q3)
	}
}

func TestLevelBelow(t *testing.T) {
	for _, c := range []struct {
		l, other plan.Level
		below    bool
	}{
		{plan.LevelTeam, plan.LevelCompany, true},
		{plan.LevelIndividual, plan.LevelTeam, true},
		{plan.LevelCompany, plan.LevelTeam, false},
		{plan.LevelTeam, plan.LevelTeam, false},
		{"squad", plan.LevelIndividual, true}, // unknown levels sort last
		{plan.LevelIndividual, "squad", false},
	} {
		if got := c.l.Below(c.other); got != c.below {
			t.Errorf("%q.Below(%q) = %v, want %v", c.l, c.other, got, c.below)
		}
		if got := plan.CompareLevels(c.l, c.other) > 0; got != c.below {
			t.Errorf("plan.CompareLevels(%q, %q) > 0 = %v, want %v", c.l, c.other, got, c.below)
		}
	}
}
