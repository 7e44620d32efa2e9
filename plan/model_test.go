package plan_test

import (
	"slices"
	"testing"

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
