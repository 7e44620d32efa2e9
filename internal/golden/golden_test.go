package golden

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestCheckEqualAndDiffer(t *testing.T) {
	path := filepath.Join(t.TempDir(), "out.txt")
	if err := os.WriteFile(path, []byte("a\nb\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	Check(t, path, []byte("a\nb\n"))

	d := Diff("a\nb\nc\n", "a\nx\nc\n")
	if !strings.Contains(d, "line 2") || !strings.Contains(d, "- b") || !strings.Contains(d, "+ x") {
		t.Errorf("Diff = %q", d)
	}
}
