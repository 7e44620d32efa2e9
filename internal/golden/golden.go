// Package golden compares test output with golden files, and rewrites them on request: the
// -update flag of a package's tests (go test ./lint -update), or UPDATE_GOLDEN=1 for the whole
// module at once (UPDATE_GOLDEN=1 go test ./...), since packages without golden files have no
// -update flag and go test ./... -update would fail in them.
package golden

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite golden files instead of comparing with them (UPDATE_GOLDEN=1 does it for every package)")

// Updating reports whether the tests run with -update or UPDATE_GOLDEN=1, for tests that
// regenerate something other than a single file (docs, a directory of goldens).
func Updating() bool { return *update || os.Getenv("UPDATE_GOLDEN") == "1" }

// Check compares got with the file at path. With -update it writes got to path instead, creating
// its directory. A missing file fails the test with the command that creates it.
func Check(t testing.TB, path string, got []byte) {
	t.Helper()
	if Updating() {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (go test -update, or UPDATE_GOLDEN=1 go test ./..., writes it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("output differs from %s (go test -update accepts it):\n%s", path, Diff(string(want), string(got)))
	}
}

// CheckString is Check for text.
func CheckString(t testing.TB, path, got string) {
	t.Helper()
	Check(t, path, []byte(got))
}

// Diff is a short line diff of want and got: the first differing line with a little context,
// enough to see what changed without dumping two whole files.
func Diff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	i := 0
	for i < len(w) && i < len(g) && w[i] == g[i] {
		i++
	}
	var b strings.Builder
	from := max(0, i-2)
	b.WriteString("first difference at line ")
	b.WriteString(strconv.Itoa(i + 1))
	b.WriteString(":\n")
	for j := from; j < i; j++ {
		b.WriteString("  " + w[j] + "\n")
	}
	for j := i; j < min(len(w), i+5); j++ {
		b.WriteString("- " + w[j] + "\n")
	}
	for j := i; j < min(len(g), i+5); j++ {
		b.WriteString("+ " + g[j] + "\n")
	}
	return b.String()
}
