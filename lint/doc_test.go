package lint

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"testing"
)

var update = flag.Bool("update", false, "rewrite golden files and docs/rules.md")

// TestRulesDoc fails when docs/rules.md is not what the registry generates; run it with -update
// to regenerate the file.
func TestRulesDoc(t *testing.T) {
	path := filepath.Join("..", "docs", "rules.md")
	want := append(Catalogue(Registry()), '\n')
	if *update {
		if err := os.WriteFile(path, want, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	got, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v; run go test ./lint -run TestRulesDoc -update", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("docs/rules.md is stale; run go test ./lint -run TestRulesDoc -update")
	}
}
