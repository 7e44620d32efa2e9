package report

import (
	"testing"
	"time"

	"github.com/okr-tool/okr/history"
	"github.com/okr-tool/okr/plan"
)

// TestEasingTextDirection: a maintain key result's flipped direction reads as directions, not
// as the numbers history keeps them as.
func TestEasingTextDirection(t *testing.T) {
	e := Easing{Field: history.FieldDirection, Old: history.DirectionValue(plan.Up), New: history.DirectionValue(plan.Down),
		Date: time.Date(2026, 8, 20, 0, 0, 0, 0, time.UTC)}
	if got, want := e.Text(), "direction flipped from up to down on 2026-08-20 in uncommitted changes, no reason recorded"; got != want {
		t.Errorf("Text() = %q, want %q", got, want)
	}
}

// TestEasingValueText: the before and after values every format shows beside a key result.
func TestEasingValueText(t *testing.T) {
	dir := Easing{Field: history.FieldDirection, Old: history.DirectionValue(plan.Up), New: history.DirectionValue(plan.Down)}
	if dir.OldText() != "up" || dir.NewText() != "down" {
		t.Errorf("direction: %q → %q, want up → down", dir.OldText(), dir.NewText())
	}
	target := Easing{Field: history.FieldTarget, Old: 12, New: 9.5}
	if target.OldText() != "12" || target.NewText() != "9.5" {
		t.Errorf("target: %q → %q, want 12 → 9.5", target.OldText(), target.NewText())
	}
}
