package plan_test

import (
	"io/fs"
	"path/filepath"
	"testing"

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
			if n, err := plantest.ParseOnly(dir); err != nil || n != 2008 {
				b.Fatalf("parsed %d files, want 2008: %v", n, err)
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
