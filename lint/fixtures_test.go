package lint_test

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/okr-tool/okr/lint"
	"github.com/okr-tool/okr/lint/config"
	"github.com/okr-tool/okr/lint/output"
	"github.com/okr-tool/okr/plan"
)

// lintDir lints the plan repository at dir the way okr lint does, with its .okr.yaml, and returns
// the text output.
func lintDir(t *testing.T, dir string) string {
	t.Helper()
	cfg := config.Default()
	if data, err := os.ReadFile(filepath.Join(dir, config.FileName)); err == nil {
		if cfg, err = config.Parse(config.FileName, data); err != nil {
			t.Fatal(err)
		}
	}
	repo, _, err := plan.Load(plan.LoadOptions{Root: dir, Globs: cfg.Paths})
	if err != nil {
		t.Fatal(err)
	}
	res := lint.Run(repo, cfg.Options())
	var out bytes.Buffer
	w, _ := output.New("text", &out, output.Options{})
	if err := w.Write(res); err != nil {
		t.Fatal(err)
	}
	return out.String()
}

// golden compares got with the file at path, or rewrites the file when the tests run with -update.
func golden(t *testing.T, path, got string) {
	t.Helper()
	if f := flag.Lookup("update"); f != nil && f.Value.String() == "true" {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./lint -update)", err)
	}
	if got != string(want) {
		t.Errorf("output differs from %s (run go test ./lint -update to accept):\n--- got\n%s--- want\n%s", path, got, want)
	}
}

var ruleTag = regexp.MustCompile(`(?m) \[([a-z-]+)\]$`)

// TestFixtures lints each plan repository under testdata/lint/<rule>/: bad/ must make the rule
// fire, good/ must be free of findings, and every output must match the expected.txt beside it.
func TestFixtures(t *testing.T) {
	dirs, err := filepath.Glob(filepath.Join("..", "testdata", "lint", "*", "*", config.FileName))
	if err != nil {
		t.Fatal(err)
	}
	covered := map[string]bool{}
	for _, marker := range dirs {
		dir := filepath.Dir(marker)
		rule, kind := filepath.Base(filepath.Dir(dir)), filepath.Base(dir)
		if lint.Lookup(lint.Registry(), rule) == nil {
			continue // not a rule's fixture (e.g. the format fixture)
		}
		t.Run(rule+"/"+kind, func(t *testing.T) {
			got := lintDir(t, dir)
			fired := false
			for _, m := range ruleTag.FindAllStringSubmatch(got, -1) {
				fired = fired || m[1] == rule
			}
			switch kind {
			case "bad":
				covered[rule] = true
				if !fired {
					t.Errorf("%s does not fire %s:\n%s", dir, rule, got)
				}
			case "good":
				if strings.Contains(got, ": error: ") || strings.Contains(got, ": warning: ") {
					t.Errorf("%s is not clean:\n%s", dir, got)
				}
			}
			golden(t, filepath.Join(dir, "expected.txt"), got)
		})
	}
	for _, r := range lint.Registry() {
		if info := r.Info(); info.Requires == "" && !covered[info.ID] {
			t.Errorf("rule %s has no fixture under testdata/lint/%s/bad", info.ID, info.ID)
		}
	}
}
