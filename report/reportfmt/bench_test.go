package reportfmt_test

import (
	"io"
	"testing"

	"github.com/okr-tool/okr/plan"
	"github.com/okr-tool/okr/plan/plantest"
	"github.com/okr-tool/okr/report"
	"github.com/okr-tool/okr/report/reportfmt"
)

// BenchmarkRender writes the report of one quarter of the generated repository (251 plans) in
// every format: the rendering alone, the report built once.
func BenchmarkRender(b *testing.B) {
	var sources []plan.Source
	for _, f := range plantest.Large.Files() {
		sources = append(sources, plan.Source{File: f.Path, Data: f.Data})
	}
	r, err := report.Build(plan.LoadSources("", sources, 0), report.Options{
		Period: plan.Period{Year: 2026, Quarter: 3}, AsOf: day("2026-08-15"),
	})
	if err != nil {
		b.Fatal(err)
	}
	for _, format := range reportfmt.Formats.Names() {
		b.Run(format, func(b *testing.B) {
			rr, _ := reportfmt.New(format, reportfmt.Options{})
			b.ReportAllocs()
			for b.Loop() {
				if err := rr.Render(io.Discard, r); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
