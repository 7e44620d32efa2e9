package plandiff_test

import (
	"testing"
	"time"

	"github.com/okr-tool/okr/plan"
	"github.com/okr-tool/okr/plan/plantest"
	"github.com/okr-tool/okr/plandiff"
)

// BenchmarkCompare compares two loads of the generated repository (2,008 plans) that differ in
// nothing: what okr diff does on top of loading both sides when a change touches few plans.
func BenchmarkCompare(b *testing.B) {
	var sources []plan.Source
	for _, f := range plantest.Large.Files() {
		sources = append(sources, plan.Source{File: f.Path, Data: f.Data})
	}
	base, head := plan.LoadSources("", sources, 0), plan.LoadSources("", sources, 0)
	asOf := time.Date(2026, 8, 15, 0, 0, 0, 0, time.UTC)
	for b.Loop() {
		if d := plandiff.Compare(base, head, plandiff.Options{AsOf: asOf}); len(d.Plans) != 0 {
			b.Fatalf("%d plans differ", len(d.Plans))
		}
	}
}
