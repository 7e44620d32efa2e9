package cmd

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/okr-tool/okr/vcs/vcstest"
)

// The lint engine reads history only for a rule that is on and needs it, so a shallow clone is
// noted when kpi-stale is on, and not when it is off.
func TestLintHistoryOnlyWhenARuleNeedsIt(t *testing.T) {
	g := vcstest.At(t, checkInRepo(t))
	g.Commit("2026-08-02T10:00:00Z", "check-in")
	dir := filepath.Join(t.TempDir(), "clone")
	g.Git("clone", "-q", "--depth", "2", "--branch", "topic", "file://"+g.Dir, dir)

	code, stdout, stderr := runIn(t, dir, "lint", "--as-of", "2026-08-20")
	if code != 0 || stderr != "" {
		t.Errorf("kpi-stale off: exit %d, stderr %q:\n%s", code, stderr, stdout)
	}
	if err := os.WriteFile(filepath.Join(dir, ".okr.yaml"), []byte("rules:\n  kpi-stale: warning\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, _, stderr = runIn(t, dir, "lint", "--as-of", "2026-08-20")
	match(t, "stderr", `^okr: this clone is shallow: the plans' history goes back to 2026-08-01 only; fetch more history \(in GitHub Actions, actions/checkout with fetch-depth: 0`, stderr)
}
