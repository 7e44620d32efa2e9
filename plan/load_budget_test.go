package plan

import (
	"fmt"
	"strings"
	"testing"
	"testing/fstest"
)

// However many workers there are, at most maxLargeAtOnce files of the largest size are held and
// parsed at once, so memory has a bound whatever the core count; files read by the workers (from
// a file system) and files read beforehand (Data) share the budget.
func TestLoadBoundsBytesInFlight(t *testing.T) {
	var budget *byteBudget
	orig := newLoadBudget
	defer func() { newLoadBudget = orig }()
	newLoadBudget = func(workers int) *byteBudget {
		if workers != 8 {
			t.Errorf("workers = %d, want 8", workers)
		}
		budget = orig(workers)
		return budget
	}
	// A binary file is refused without being parsed, so the test is quick even with -race; what
	// it holds of the budget is its size all the same.
	big := []byte("period: 2026-Q3\nscope: big\n" + strings.Repeat("\x00", MaxFileSize-40))
	fsys := fstest.MapFS{}
	var sources []Source
	for i := range 8 {
		name := fmt.Sprintf("plans/p%02d.yaml", i)
		if i%2 == 0 {
			sources = append(sources, Source{File: name, Data: big, Named: true})
			continue
		}
		fsys[name] = &fstest.MapFile{Data: big}
		sources = append(sources, Source{File: name, fsys: fsys, Named: true})
	}
	repo := LoadSources("", sources, 8)
	if len(repo.Files) != 8 {
		t.Fatalf("%d files loaded, want 8: %v", len(repo.Files), repo.Diagnostics)
	}
	if limit := int64(maxLargeAtOnce) * (MaxFileSize + 1); budget.peak.Load() > limit || budget.peak.Load() < int64(len(big)) {
		t.Errorf("at most %d bytes were held at once, want between %d and %d", budget.peak.Load(), len(big), limit)
	}
	if budget.held.Load() != 0 {
		t.Errorf("%d bytes still held after the load", budget.held.Load())
	}
}
