package checkin

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/okr-tool/okr/edit"
	"github.com/okr-tool/okr/plan"
)

const planText = `period: 2026-Q3
scope: %s
objectives:
  - id: o
    title: T
    key_results:
      - {id: k, title: K, start: 1, target: 10, current: 2}
`

func writePlans(t *testing.T, scopes ...string) string {
	t.Helper()
	dir := t.TempDir()
	for _, s := range scopes {
		p := filepath.Join(dir, "plans", s+".yaml")
		os.MkdirAll(filepath.Dir(p), 0o755)
		os.WriteFile(p, []byte(fmt.Sprintf(planText, s)), 0o644)
	}
	return dir
}

// TestWriteRefusesAChangedFile: a file edited by someone else between reading and writing is
// not overwritten, and neither is any other file of the check-in.
func TestWriteRefusesAChangedFile(t *testing.T) {
	dir := writePlans(t, "a", "b")
	q3 := plan.Period{Year: 2026, Quarter: 3}
	res, err := Prepare(Options{Root: dir, Period: q3}, []Change{
		{Scope: "a", ID: "k", Value: "5", Source: "a"},
		{Scope: "b", ID: "k", Value: "6", Source: "b"},
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Files) != 2 {
		t.Fatalf("files %v", res.Files)
	}
	b := filepath.Join(dir, "plans", "b.yaml")
	os.WriteFile(b, []byte(fmt.Sprintf(planText, "b")+"# someone else's edit\n"), 0o644)
	if err := res.Write(); !errors.Is(err, edit.ErrChanged) {
		t.Fatalf("Write: %v, want ErrChanged", err)
	}
	if got, _ := os.ReadFile(filepath.Join(dir, "plans", "a.yaml")); string(got) != fmt.Sprintf(planText, "a") {
		t.Errorf("a.yaml was written although b.yaml had changed:\n%s", got)
	}
}

func TestPrepareKeepsFlowStyle(t *testing.T) {
	dir := writePlans(t, "a")
	res, err := Prepare(Options{Root: dir, Period: plan.Period{Year: 2026, Quarter: 3}, Note: ptr("on, track")},
		[]Change{{Scope: "a", ID: "k", Value: "7", Source: "arg"}})
	if err != nil {
		t.Fatal(err)
	}
	if err := res.Write(); err != nil {
		t.Fatal(err)
	}
	got, _ := os.ReadFile(filepath.Join(dir, "plans", "a.yaml"))
	want := strings.Replace(fmt.Sprintf(planText, "a"), "current: 2}", `current: 7, note: "on, track"}`, 1)
	if string(got) != want {
		t.Errorf("got:\n%s", got)
	}
}

func ptr[T any](v T) *T { return &v }

// TestScanFindsWhatLoadFinds: a check-in finds plans by the rules okr lint loads them by —
// hidden directories, vendor/ and nested repositories are skipped, a link to a plan is read.
func TestScanFindsWhatLoadFinds(t *testing.T) {
	dir := writePlans(t, "a")
	for _, rel := range []string{".hidden/h.yaml", "vendor/v.yaml", "nested/n.yaml"} {
		p := filepath.Join(dir, rel)
		os.MkdirAll(filepath.Dir(p), 0o755)
		os.WriteFile(p, []byte(fmt.Sprintf(planText, strings.TrimSuffix(filepath.Base(rel), ".yaml"))), 0o644)
	}
	os.WriteFile(filepath.Join(dir, "nested", ".okr.yaml"), nil, 0o644)
	if err := os.Symlink(filepath.Join(dir, "plans", "a.yaml"), filepath.Join(dir, "plans", "link.yaml")); err != nil {
		t.Skip("no symbolic links:", err)
	}
	ix, err := scan(dir, nil)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range ix.files {
		got = append(got, f.rel)
	}
	repo, _, err := plan.Load(plan.LoadOptions{Root: dir})
	if err != nil {
		t.Fatal(err)
	}
	var want []string
	for _, p := range repo.Plans {
		want = append(want, p.File)
	}
	slices.Sort(got)
	slices.Sort(want)
	if !slices.Equal(got, want) || len(got) != 2 {
		t.Errorf("check-in candidates %v, lint plans %v; want plans/a.yaml and plans/link.yaml in both", got, want)
	}
}

// TestInsertedLinesCreateNoFinding: a finding that names a line is not new because a check-in
// inserted a line above the line it names.
func TestInsertedLinesCreateNoFinding(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "p.yaml"), []byte(`period: 2026-Q3
scope: a
objectives:
  - id: o
    title: T
    key_results:
      - id: x
        title: X
        start: 1
        target: 2
      - id: k
        title: K
        start: 1
        target: 2
      - id: k
        title: Again
        start: 1
        target: 3
`), 0o644)
	res, err := Prepare(Options{Root: dir, Period: plan.Period{Year: 2026, Quarter: 3}}, []Change{{Scope: "a", ID: "x", Value: "1.5", Source: "arg"}})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Files) != 1 || len(res.Findings) != 0 {
		t.Errorf("files %v, findings %v; want one file and no finding", res.Files, res.Findings)
	}
}

// writePlansApart writes plans of scopes a and b in directories of their own.
func writePlansApart(t *testing.T) (dir string, q3 plan.Period) {
	t.Helper()
	dir = t.TempDir()
	for _, s := range []string{"a", "b"} {
		p := filepath.Join(dir, s, s+".yaml")
		os.MkdirAll(filepath.Dir(p), 0o755)
		os.WriteFile(p, []byte(fmt.Sprintf(planText, s)), 0o644)
	}
	return dir, plan.Period{Year: 2026, Quarter: 3}
}

// TestWriteChecksEveryDirectoryFirst: a directory that cannot be written stops the check-in
// before any file changed, not after the first file was rewritten.
func TestWriteChecksEveryDirectoryFirst(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root can write to any directory")
	}
	dir, q3 := writePlansApart(t)
	res, err := Prepare(Options{Root: dir, Period: q3}, []Change{
		{Scope: "a", ID: "k", Value: "5", Source: "a"},
		{Scope: "b", ID: "k", Value: "6", Source: "b"},
	})
	if err != nil {
		t.Fatal(err)
	}
	os.Chmod(filepath.Join(dir, "b"), 0o555)
	t.Cleanup(func() { os.Chmod(filepath.Join(dir, "b"), 0o755) })
	err = res.Write()
	if err == nil || !strings.Contains(err.Error(), "cannot write b/b.yaml") || !strings.Contains(err.Error(), "nothing was written") {
		t.Fatalf("Write: %v", err)
	}
	if got, _ := os.ReadFile(filepath.Join(dir, "a", "a.yaml")); string(got) != fmt.Sprintf(planText, "a") {
		t.Errorf("a/a.yaml was written although b/ cannot be:\n%s", got)
	}
}

// TestWriteChecksBeforeWriting: whatever the reason a file cannot be written, it is found
// before any file changed (here as root, who can write to a read-only directory).
func TestWriteChecksBeforeWriting(t *testing.T) {
	dir, q3 := writePlansApart(t)
	res, err := Prepare(Options{Root: dir, Period: q3}, []Change{
		{Scope: "a", ID: "k", Value: "5", Source: "a"},
		{Scope: "b", ID: "k", Value: "6", Source: "b"},
	})
	if err != nil {
		t.Fatal(err)
	}
	defer func(f func(string) error) { checkWritable = f }(checkWritable)
	checkWritable = func(path string) error {
		if filepath.Base(path) == "b.yaml" {
			return errors.New("permission denied")
		}
		return nil
	}
	err = res.Write()
	if err == nil || err.Error() != "cannot write b/b.yaml: permission denied; nothing was written" {
		t.Fatalf("Write: %v", err)
	}
	if got, _ := os.ReadFile(filepath.Join(dir, "a", "a.yaml")); string(got) != fmt.Sprintf(planText, "a") {
		t.Errorf("a/a.yaml was written:\n%s", got)
	}
}

// TestWriteRollsBack: when a write fails midway, the files already written get their bytes
// back, and the error says so.
func TestWriteRollsBack(t *testing.T) {
	dir, q3 := writePlansApart(t)
	res, err := Prepare(Options{Root: dir, Period: q3}, []Change{
		{Scope: "a", ID: "k", Value: "5", Source: "a"},
		{Scope: "b", ID: "k", Value: "6", Source: "b"},
	})
	if err != nil {
		t.Fatal(err)
	}
	defer func(f func(string, []byte, ...edit.Option) error) { writeFile = f }(writeFile)
	var wrote []string
	writeFile = func(path string, data []byte, opts ...edit.Option) error {
		if filepath.Base(path) == "b.yaml" {
			return errors.New("no space left on device")
		}
		wrote = append(wrote, string(data))
		return edit.WriteFile(path, data, opts...)
	}
	err = res.Write()
	want := "cannot write b/b.yaml: no space left on device; the files already written were put back as they were (a/a.yaml), so nothing changed"
	if err == nil || err.Error() != want {
		t.Fatalf("Write: %v\nwant %s", err, want)
	}
	if len(wrote) != 2 || !strings.Contains(wrote[0], "current: 5}") {
		t.Errorf("writes: %q; want a's check-in, then a's old bytes", wrote)
	}
	if got, _ := os.ReadFile(filepath.Join(dir, "a", "a.yaml")); string(got) != fmt.Sprintf(planText, "a") {
		t.Errorf("a/a.yaml was not put back:\n%s", got)
	}
}

// TestDuplicateIDIsRefused: an id that two key results (or two KPIs) of a plan share is not
// checked in on the first of them; the error names both.
func TestDuplicateIDIsRefused(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "p.yaml"), []byte(`period: 2026-Q3
scope: a
kpis:
  - {id: nps, name: NPS, source: survey, frequency: monthly}
  - {id: nps, name: NPS again, source: survey, frequency: monthly}
objectives:
  - id: o
    title: T
    key_results:
      - {id: k, title: K, start: 1, target: 2}
  - id: o2
    title: T2
    key_results:
      - {id: k, title: Again, start: 1, target: 3}
`), 0o644)
	q3 := plan.Period{Year: 2026, Quarter: 3}
	for _, tt := range []struct{ id, want string }{
		{"k", "arg: k is the id of 2 key results of p.yaml (p.yaml:10:9 and p.yaml:14:9); give each its own id"},
		{"kr:k", "arg: k is the id of 2 key results of p.yaml (p.yaml:10:9 and p.yaml:14:9)"},
		{"nps", "arg: nps is the id of 2 KPIs of p.yaml (p.yaml:4:5 and p.yaml:5:5)"},
	} {
		c, err := ParseArg(tt.id + "=1.5")
		if err != nil {
			t.Fatal(err)
		}
		c.Scope, c.Source = "a", "arg"
		_, err = Prepare(Options{Root: dir, Period: q3}, []Change{c})
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: got %v, want %q", tt.id, err, tt.want)
		}
	}
}

// TestNegativeZeroIsZero: -0 is checked in as 0, not refused because it reads back as 0.
func TestNegativeZeroIsZero(t *testing.T) {
	dir := writePlans(t, "a")
	res, err := Prepare(Options{Root: dir, Period: plan.Period{Year: 2026, Quarter: 3}}, []Change{{Scope: "a", ID: "k", Value: "-0", Source: "arg"}})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Updates) != 1 || res.Updates[0].New != "0" {
		t.Fatalf("updates %+v", res.Updates)
	}
	if err := res.Write(); err != nil {
		t.Fatal(err)
	}
	if got, _ := os.ReadFile(filepath.Join(dir, "plans", "a.yaml")); !strings.Contains(string(got), "current: 0}") {
		t.Errorf("got:\n%s", got)
	}
}
