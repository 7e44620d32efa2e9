package lint_test

import (
	"io"
	"os"
	"path/filepath"
	"runtime"
	"runtime/metrics"
	"sync/atomic"
	"testing"
	"time"

	"github.com/okr-tool/okr/lint"
	"github.com/okr-tool/okr/lint/config"
	"github.com/okr-tool/okr/lint/output"
	"github.com/okr-tool/okr/plan"
	"github.com/okr-tool/okr/plan/plantest"
)

// BenchmarkLint lints the generated 250-team × 8-quarter repository (about 2,000 plans) end to end
// — configuration, discovery, parsing, linking, every rule, text output — and, side by side, parses
// the same files with the YAML library alone into yaml.Node on as many goroutines. The ratio of
// the two is what linting costs beyond reading YAML; peak-MiB is the most heap in use during a run.
func BenchmarkLint(b *testing.B) {
	dir := b.TempDir()
	if err := plantest.Large.Write(dir); err != nil {
		b.Fatal(err)
	}
	const plans = 2008

	b.Run("yaml-parse-only", func(b *testing.B) {
		b.ReportAllocs()
		peak := watchHeap()
		for b.Loop() {
			if n, err := plantest.ParseOnly(dir); err != nil || n != plans {
				b.Fatalf("parsed %d files, want %d: %v", n, plans, err)
			}
		}
		b.ReportMetric(peak(), "peak-MiB")
	})
	b.Run("lint", func(b *testing.B) {
		b.ReportAllocs()
		peak := watchHeap()
		for b.Loop() {
			res := lintRepo(b, dir)
			if res.Summary.Plans != plans || len(res.Findings) != 0 {
				b.Fatalf("linted %d plans with %d findings, want %d clean plans", res.Summary.Plans, len(res.Findings), plans)
			}
		}
		b.ReportMetric(peak(), "peak-MiB")
	})
}

// lintRepo is okr lint on the whole repository at dir.
func lintRepo(b *testing.B, dir string) *lint.Result {
	cfg := config.Default()
	if data, err := os.ReadFile(filepath.Join(dir, config.FileName)); err == nil {
		if cfg, err = config.Parse(config.FileName, data); err != nil {
			b.Fatal(err)
		}
	}
	repo, _, err := plan.Load(plan.LoadOptions{Root: dir, Globs: cfg.Paths})
	if err != nil {
		b.Fatal(err)
	}
	res := lint.Run(repo, cfg.Options())
	w, _ := output.New("text", io.Discard, output.Options{})
	if err := w.Write(res); err != nil {
		b.Fatal(err)
	}
	return res
}

// watchHeap samples the heap in use every millisecond until the returned function is called; that
// function stops sampling and returns the peak in MiB.
func watchHeap() func() float64 {
	runtime.GC()
	sample := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	var peak atomic.Uint64
	done := make(chan struct{})
	stopped := make(chan struct{})
	go func() {
		defer close(stopped)
		tick := time.NewTicker(time.Millisecond)
		defer tick.Stop()
		for {
			metrics.Read(sample)
			if v := sample[0].Value.Uint64(); v > peak.Load() {
				peak.Store(v)
			}
			select {
			case <-done:
				return
			case <-tick.C:
			}
		}
	}()
	return func() float64 {
		close(done)
		<-stopped
		return float64(peak.Load()) / (1 << 20)
	}
}
