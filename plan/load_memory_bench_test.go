package plan_test

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"runtime/metrics"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/okr-tool/okr/plan"
)

// writeLargeFiles writes n plan files of almost MaxFileSize each whose kpis: is one flow list of
// items, each item the given text: "1" makes the list of small numbers (refused by the
// node cap before it is parsed), a longer text a file just under the node cap that is parsed.
func writeLargeFiles(b *testing.B, dir string, n int, item string) {
	b.Helper()
	if err := os.MkdirAll(filepath.Join(dir, "plans"), 0o755); err != nil {
		b.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, ".okr.yaml"), nil, 0o644); err != nil {
		b.Fatal(err)
	}
	for i := range n {
		head := fmt.Sprintf("period: 2026-Q3\nscope: s%d\nnotes: [", i)
		count := (plan.MaxFileSize - len(head) - 16) / (len(item) + 2)
		text := head + strings.Repeat(item+", ", count-1) + item + "]\n"
		if err := os.WriteFile(filepath.Join(dir, "plans", fmt.Sprintf("p%02d.yaml", i)), []byte(text), 0o644); err != nil {
			b.Fatal(err)
		}
	}
}

// peakHeap samples the heap while f runs and returns its largest size in MB, garbage not yet
// collected included (so it varies with when the collector runs).
func peakHeap(f func()) float64 {
	sample := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	var peak atomic.Uint64
	done := make(chan struct{})
	go func() {
		t := time.NewTicker(time.Millisecond)
		defer t.Stop()
		for {
			metrics.Read(sample)
			if v := sample[0].Value.Uint64(); v > peak.Load() {
				peak.Store(v)
			}
			select {
			case <-done:
				return
			case <-t.C:
			}
		}
	}()
	f()
	close(done)
	return float64(peak.Load()) / 1e6
}

// BenchmarkLoadLargeFiles loads 16 files at the size limit, and reports the peak heap: it stays
// within the documented bound (about 250 MB) whatever GOMAXPROCS is, since the workers share one
// budget of bytes. Run it with -cpu 2,16.
func BenchmarkLoadLargeFiles(b *testing.B) {
	for _, tt := range []struct{ name, item string }{
		{"small-numbers", "1"},                   // refused before parsing
		{"at-node-cap", strings.Repeat("x", 41)}, // about 97,000 values, parsed
	} {
		b.Run(tt.name, func(b *testing.B) {
			dir := b.TempDir()
			writeLargeFiles(b, dir, 16, tt.item)
			var peak float64
			for b.Loop() {
				runtime.GC()
				peak = max(peak, peakHeap(func() {
					if _, _, err := plan.Load(plan.LoadOptions{Root: dir}); err != nil {
						b.Fatal(err)
					}
				}))
			}
			b.ReportMetric(peak, "peak-heap-MB")
		})
	}
}
