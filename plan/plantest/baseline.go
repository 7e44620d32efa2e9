package plantest

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"sync"

	"go.yaml.in/yaml/v3"

	"github.com/okr-tool/okr/plan"
)

// ParseOnly is the baseline the load, lint and report benchmarks are measured against: walk dir,
// read every YAML file and parse it into a yaml.Node with the YAML library alone, on GOMAXPROCS
// goroutines — what reading the repository costs before okr does anything of its own. It
// returns the number of files parsed.
func ParseOnly(dir string) (int, error) {
	var files []string
	err := filepath.WalkDir(dir, func(p string, e fs.DirEntry, err error) error {
		if err == nil && !e.IsDir() && plan.IsYAMLFile(p) {
			files = append(files, p)
		}
		return err
	})
	if err != nil {
		return 0, err
	}
	ch := make(chan string)
	var (
		wg   sync.WaitGroup
		mu   sync.Mutex
		n    int
		errs []error
	)
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for f := range ch {
				data, err := os.ReadFile(f)
				var node yaml.Node
				if err == nil {
					err = yaml.Unmarshal(data, &node)
				}
				mu.Lock()
				if err != nil {
					errs = append(errs, err)
				} else {
					n++
				}
				mu.Unlock()
			}
		}()
	}
	for _, f := range files {
		ch <- f
	}
	close(ch)
	wg.Wait()
	return n, errors.Join(errs...)
}
