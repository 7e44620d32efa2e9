package plan_test

import (
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"sync"
	"testing"

	"go.yaml.in/yaml/v3"

	"github.com/okr-tool/okr/plan"
	"github.com/okr-tool/okr/plan/plantest"
)

// BenchmarkLoad loads the generated 250-team × 8-quarter repository and, side by side, parses the
// same files with the YAML library alone (walk, read, yaml.Node) on as many goroutines, so the
// ratio of the two is the loader's own cost.
func BenchmarkLoad(b *testing.B) {
	dir := b.TempDir()
	if err := plantest.Large.Write(dir); err != nil {
		b.Fatal(err)
	}
	var size int64
	filepath.WalkDir(dir, func(p string, e fs.DirEntry, err error) error {
		if info, err := e.Info(); err == nil && !e.IsDir() {
			size += info.Size()
		}
		return nil
	})

	b.Run("yaml-parse-only", func(b *testing.B) {
		b.SetBytes(size)
		b.ReportAllocs()
		for b.Loop() {
			if n := parseOnly(b, dir); n != 2008 {
				b.Fatalf("parsed %d files, want 2008", n)
			}
		}
	})
	b.Run("load", func(b *testing.B) {
		b.SetBytes(size)
		b.ReportAllocs()
		for b.Loop() {
			repo, _, err := plan.Load(plan.LoadOptions{Root: dir})
			if err != nil {
				b.Fatal(err)
			}
			if len(repo.Plans) != 2008 || len(repo.Diagnostics) != 0 {
				b.Fatalf("loaded %d plans with %d diagnostics", len(repo.Plans), len(repo.Diagnostics))
			}
		}
	})
}

// parseOnly is the baseline: what reading every YAML file into a yaml.Node costs.
func parseOnly(b *testing.B, dir string) int {
	var files []string
	filepath.WalkDir(dir, func(p string, e fs.DirEntry, err error) error {
		if !e.IsDir() && plan.IsYAMLFile(p) {
			files = append(files, p)
		}
		return nil
	})
	ch := make(chan string)
	var wg sync.WaitGroup
	var mu sync.Mutex
	n := 0
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for f := range ch {
				data, err := os.ReadFile(f)
				if err != nil {
					b.Error(err)
					continue
				}
				var node yaml.Node
				if err := yaml.Unmarshal(data, &node); err != nil {
					b.Error(err)
				}
				mu.Lock()
				n++
				mu.Unlock()
			}
		}()
	}
	for _, f := range files {
		ch <- f
	}
	close(ch)
	wg.Wait()
	return n
}
