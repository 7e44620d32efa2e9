package plan

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
)

func TestMatchGlob(t *testing.T) {
	tests := []struct {
		pattern, name string
		want          bool
	}{
		{"plans/**/*.yaml", "plans/2026-Q3/sales.yaml", true},
		{"plans/**/*.yaml", "plans/sales.yaml", true},
		{"plans/**", "plans/a/b/c.yml", true},
		{"plans", "plans/2026/company.yaml", true},
		{"./plans/", "plans/2026/company.yaml", true},
		{"plans/*.yaml", "plans/2026/company.yaml", false},
		{"**/company.yaml", "a/b/company.yaml", true},
		{"**/company.yaml", "company.yaml", true},
		{"other/**", "plans/x.yaml", false},
		{"plans/2026-Q?/*.yaml", "plans/2026-Q3/x.yaml", true},
		{"[", "x.yaml", false},
	}
	for _, tt := range tests {
		if got := MatchGlob(tt.pattern, tt.name); got != tt.want {
			t.Errorf("MatchGlob(%q, %q) = %v, want %v", tt.pattern, tt.name, got, tt.want)
		}
	}
	if ValidGlob("plans/[") == nil || ValidGlob("plans/**/*.yaml") != nil {
		t.Error("ValidGlob does not tell malformed globs from good ones")
	}
}

// TestWalk pins discovery's rules on an in-memory file system: the work tree and a git tree are
// walked by the same code.
func TestWalk(t *testing.T) {
	fsys := fstest.MapFS{}
	for _, name := range []string{
		"plans/2026-Q3/sales.yaml", "plans/2026-Q3/sales.YML", "plans/2026-Q3/sales.json",
		".github/workflows/ci.yaml", "vendor/x/plan.yaml", "web/node_modules/x/plan.yaml", ".okr.yaml",
		"other/a.yaml", "nested/.okr.yaml", "nested/plan.yaml", "sub/.git", "sub/plan.yaml",
	} {
		fsys[name] = &fstest.MapFile{Data: []byte("period: 2026-Q3\n")}
	}
	fsys["plans/link.yaml"] = &fstest.MapFile{Data: []byte("2026-Q3/sales.yaml"), Mode: fs.ModeSymlink}
	fsys["plans/dangling.yaml"] = &fstest.MapFile{Data: []byte("missing.yaml"), Mode: fs.ModeSymlink}
	fsys["plans/out.yaml"] = &fstest.MapFile{Data: []byte("../../outside.yaml"), Mode: fs.ModeSymlink}
	fsys["plans/abs.yaml"] = &fstest.MapFile{Data: []byte("/etc/passwd"), Mode: fs.ModeSymlink}
	fsys["plans/hop.yaml"] = &fstest.MapFile{Data: []byte("out.yaml"), Mode: fs.ModeSymlink}
	const out = " plans/abs.yaml plans/hop.yaml plans/out.yaml"
	tests := []struct {
		dir   string
		globs []string
		want  string
	}{
		{".", nil, "[other/a.yaml plans/2026-Q3/sales.YML plans/2026-Q3/sales.yaml plans/link.yaml]" + out},
		{".", []string{"plans/**"}, "[plans/2026-Q3/sales.YML plans/2026-Q3/sales.yaml plans/link.yaml]" + out},
		{".", []string{"other/**"}, "[other/a.yaml]"},
		{".github", nil, "[.github/workflows/ci.yaml]"}, // a hidden directory the user named
		{"nested", nil, "[nested/plan.yaml]"},
	}
	for _, tt := range tests {
		got, problems, err := walk(&tree{fsys: fsys}, tt.dir, tt.globs)
		res := fmt.Sprint(got)
		for _, p := range problems {
			res += " " + p.name
			if _, ok := p.err.(*errLinkOut); !ok {
				t.Errorf("%s: %v, want a link out of the repository", p.name, p.err)
			}
		}
		if err != nil || res != tt.want {
			t.Errorf("walk(%s, %q) = %s, %v; want %s", tt.dir, tt.globs, res, err, tt.want)
		}
	}
}

func writeTree(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, content := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestFindRoot(t *testing.T) {
	dir := writeTree(t, map[string]string{
		"repo/.okr.yaml":            "",
		"repo/plans/2026-Q3/a.yaml": "period: 2026-Q3\n",
		"gitrepo/.git/HEAD":         "ref: refs/heads/main\n",
		"gitrepo/deep/er/plan.yaml": "period: 2026\n",
		"loose/plans/x.yaml":        "period: 2026\n",
	})
	tests := []struct{ from, want string }{
		{"repo/plans/2026-Q3/a.yaml", "repo"},
		{"repo/plans", "repo"},
		{"repo", "repo"},
		{"gitrepo/deep/er/plan.yaml", "gitrepo"},
		{"loose/plans/x.yaml", "loose/plans"},
	}
	for _, tt := range tests {
		got, err := FindRoot(filepath.Join(dir, tt.from))
		if err != nil {
			t.Fatal(err)
		}
		want := filepath.Join(dir, tt.want)
		if tt.want == "loose/plans" && markerAbove(dir) {
			continue // the temporary directory itself sits inside a repository
		}
		if got != want {
			t.Errorf("FindRoot(%s) = %s, want %s", tt.from, got, want)
		}
	}
	if _, err := FindRoot(filepath.Join(dir, "missing")); err == nil {
		t.Error("FindRoot of a missing path succeeded")
	}
}

// markerAbove reports whether a directory above dir marks a repository root.
func markerAbove(dir string) bool {
	for d := filepath.Dir(dir); ; d = filepath.Dir(d) {
		if isRoot(d) {
			return true
		}
		if filepath.Dir(d) == d {
			return false
		}
	}
}

func TestLoadDiscovery(t *testing.T) {
	dir := writeTree(t, map[string]string{
		".okr.yaml":                    "",
		"plans/2026-Q3/company.yaml":   "period: 2026-Q3\nscope: company\n",
		"plans/2026-Q3/sales.yml":      "period: 2026-Q3\nscope: sales\nparent: company\n",
		"plans/2026-Q4/company.yaml":   "period: 2026-Q4\nscope: company\n",
		"plans/notes.yaml":             "title: not a plan\n",
		"plans/broken.yaml":            "period: 2026-Q3\nscope: [\n",
		"plans/empty.yaml":             "",
		".github/workflows/ci.yaml":    "period: 2026-Q3\nscope: hidden\n",
		"vendor/lib/plan.yaml":         "period: 2026-Q3\nscope: vendored\n",
		"node_modules/x/plan.yaml":     "period: 2026-Q3\nscope: npm\n",
		"other/2026-Q3/marketing.yaml": "period: 2026-Q3\nscope: marketing\n",
		"README.md":                    "period: 2026\n",
	})
	tests := []struct {
		name      string
		args      []string
		globs     []string
		plans     []string
		selected  []string
		diagFiles []string
	}{
		{
			name:      "whole repository",
			plans:     []string{"other/2026-Q3/marketing.yaml", "plans/2026-Q3/company.yaml", "plans/2026-Q3/sales.yml", "plans/2026-Q4/company.yaml"},
			diagFiles: []string{"plans/broken.yaml"},
		},
		{
			name:      "named file still sees every plan",
			args:      []string{"plans/2026-Q3/sales.yml"},
			plans:     []string{"other/2026-Q3/marketing.yaml", "plans/2026-Q3/company.yaml", "plans/2026-Q3/sales.yml", "plans/2026-Q4/company.yaml"},
			selected:  []string{"plans/2026-Q3/sales.yml"},
			diagFiles: []string{"plans/broken.yaml"},
		},
		{
			name:      "named non-plan files are reported",
			args:      []string{"plans/notes.yaml", "plans/empty.yaml"},
			plans:     []string{"other/2026-Q3/marketing.yaml", "plans/2026-Q3/company.yaml", "plans/2026-Q3/sales.yml", "plans/2026-Q4/company.yaml"},
			selected:  []string{"plans/empty.yaml", "plans/notes.yaml"},
			diagFiles: []string{"plans/broken.yaml", "plans/empty.yaml", "plans/notes.yaml"},
		},
		{
			name:      "named directory",
			args:      []string{"plans/2026-Q3"},
			plans:     []string{"other/2026-Q3/marketing.yaml", "plans/2026-Q3/company.yaml", "plans/2026-Q3/sales.yml", "plans/2026-Q4/company.yaml"},
			selected:  []string{"plans/2026-Q3/company.yaml", "plans/2026-Q3/sales.yml"},
			diagFiles: []string{"plans/broken.yaml"},
		},
		{
			name:      "globs narrow the search",
			globs:     []string{"plans/2026-*/**"},
			plans:     []string{"plans/2026-Q3/company.yaml", "plans/2026-Q3/sales.yml", "plans/2026-Q4/company.yaml"},
			diagFiles: nil,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var args []string
			for _, a := range tt.args {
				args = append(args, filepath.Join(dir, a))
			}
			repo, selected, err := Load(LoadOptions{Root: dir, Args: args, Globs: tt.globs})
			if err != nil {
				t.Fatal(err)
			}
			var plans, sel, diagFiles []string
			for _, p := range repo.Plans {
				plans = append(plans, p.File)
			}
			slices.Sort(plans)
			for f := range selected {
				sel = append(sel, f)
			}
			slices.Sort(sel)
			for _, d := range repo.Diagnostics {
				diagFiles = append(diagFiles, d.File)
			}
			diagFiles = slices.Compact(diagFiles)
			if !slices.Equal(plans, tt.plans) {
				t.Errorf("plans = %q, want %q", plans, tt.plans)
			}
			if !slices.Equal(sel, tt.selected) {
				t.Errorf("selected = %q, want %q", sel, tt.selected)
			}
			if !slices.Equal(diagFiles, tt.diagFiles) {
				t.Errorf("diagnostics in %q, want %q: %v", diagFiles, tt.diagFiles, repo.Diagnostics)
			}
		})
	}

	if _, _, err := Load(LoadOptions{Root: dir, Args: []string{filepath.Join(dir, "missing.yaml")}}); err == nil {
		t.Error("a missing named path did not fail")
	}
	if _, _, err := Load(LoadOptions{Root: filepath.Join(dir, "plans"), Args: []string{filepath.Join(dir, "other")}}); err == nil {
		t.Error("a named path outside the root did not fail")
	}
}

func TestLoadHostileFiles(t *testing.T) {
	dir := writeTree(t, map[string]string{
		".okr.yaml":          "",
		"plans/company.yaml": "period: 2026-Q3\nscope: company\n",
	})
	big := "period: 2026-Q3\nscope: big\nowner: " + strings.Repeat("x", MaxFileSize) + "\n"
	if err := os.WriteFile(filepath.Join(dir, "plans/big.yaml"), []byte(big), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("company.yaml", filepath.Join(dir, "plans/linked.yaml")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(".", filepath.Join(dir, "plans/loop")); err != nil {
		t.Fatal(err)
	}
	repo, _, err := Load(LoadOptions{Root: dir})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, d := range repo.Diagnostics {
		got = append(got, d.String())
	}
	want := []string{
		`plans/big.yaml:1:1: the file is larger than the 4 MiB a plan may have; keep one scope and period per file [yaml-syntax]`,
		`plans/linked.yaml:2:1: plan "company" for 2026-Q3 is already defined in plans/company.yaml; merge the two files or change the scope or period of one [duplicate-id]`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("diagnostics:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// A link that leads out of the repository is not followed, in the work tree as at a revision:
// a pull request must not make okr read (and print the keys of) a file of the machine. The
// link is reported where it is.
func TestLoadLinksOutOfTheRepository(t *testing.T) {
	dir := writeTree(t, map[string]string{
		".okr.yaml":          "",
		"plans/company.yaml": "period: 2026-Q3\nscope: company\n",
		"plans/inside.yaml":  "",
	})
	outside := filepath.Join(t.TempDir(), "secret.yaml")
	if err := os.WriteFile(outside, []byte("period: 2026-Q3\nscope: company\nsecret_key: hunter2\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Remove(filepath.Join(dir, "plans/inside.yaml")); err != nil {
		t.Fatal(err)
	}
	rel, err := filepath.Rel(filepath.Join(dir, "plans"), outside)
	if err != nil {
		t.Fatal(err)
	}
	for link, target := range map[string]string{
		"plans/abs.yaml":    outside,
		"plans/rel.yaml":    rel,
		"plans/hop.yaml":    "rel.yaml",                               // through another link
		"plans/inside.yaml": "../plans/company.yaml",                  // leaves the directory, not the repository
		"plans/absin.yaml":  filepath.Join(dir, "plans/company.yaml"), // absolute, inside
	} {
		if err := os.Symlink(target, filepath.Join(dir, link)); err != nil {
			t.Fatal(err)
		}
	}
	// A link through a linked directory that leads outside: only the operating system sees it.
	if err := os.Symlink(filepath.Dir(outside), filepath.Join(dir, "out")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("../out/secret.yaml", filepath.Join(dir, "plans/via.yaml")); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{nil, {filepath.Join(dir, "plans")}, {filepath.Join(dir, "plans/abs.yaml")}} {
		repo, _, err := Load(LoadOptions{Root: dir, Args: args})
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, d := range repo.Diagnostics {
			if strings.Contains(d.Message, "secret_key") || strings.Contains(d.Message, "hunter2") {
				t.Errorf("a file outside was read: %s", d)
			}
			if d.Rule != RuleDuplicateID {
				got = append(got, d.File)
			}
			if !strings.Contains(d.Message, "outside the repository, and okr does not follow links out of the repository") &&
				d.Rule != RuleDuplicateID {
				t.Errorf("finding %s", d)
			}
		}
		want := []string{"plans/abs.yaml", "plans/hop.yaml", "plans/rel.yaml", "plans/via.yaml"}
		if slices.Sort(got); !slices.Equal(got, want) {
			t.Errorf("args %q: findings at %q, want %q", args, got, want)
		}
		if args == nil && len(repo.Plans) != 3 { // company.yaml and its duplicates inside.yaml and absin.yaml
			t.Errorf("args %q: %d plans, want 3", args, len(repo.Plans))
		}
	}
	d := Diagnostic{}
	repo, _, _ := Load(LoadOptions{Root: dir})
	for _, x := range repo.Diagnostics {
		if x.File == "plans/rel.yaml" {
			d = x
		}
	}
	want := "plans/rel.yaml:1:1: the file is a symbolic link to " + Quote(rel) + ", outside the repository, and okr does not follow links " +
		"out of the repository (a change could make it read any file of the machine); commit the plan itself, " +
		"or point the link at a file inside the repository [yaml-syntax]"
	if d.String() != want {
		t.Errorf("finding:\n%s\nwant:\n%s", d, want)
	}
}

// denyFS is a file system in which one directory cannot be listed, as a directory without read
// permission in the work tree (which a test running as root cannot make).
type denyFS struct {
	fstest.MapFS
	deny string
}

func (d denyFS) ReadDir(name string) ([]fs.DirEntry, error) {
	if name == d.deny {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrPermission}
	}
	return d.MapFS.ReadDir(name)
}

// A directory that cannot be listed is reported at the directory, not skipped in silence: its
// plans were not checked. A directory no glob reaches is not reported.
func TestLoadUnreadableDirectory(t *testing.T) {
	plan := &fstest.MapFile{Data: []byte("period: 2026-Q3\nscope: company\n")}
	fsys := denyFS{fstest.MapFS{
		"plans/company.yaml":       plan,
		"plans/secret/hidden.yaml": plan,
		"other/x.yaml":             plan,
	}, "plans/secret"}
	root := t.TempDir()
	for _, tt := range []struct {
		globs, args []string
		want        string
	}{
		{want: "[plans/secret:1:1: cannot read the directory (permission denied), so the plans in it were not checked; make it readable, or leave it out with paths: in .okr.yaml [yaml-syntax]]"},
		{globs: []string{"plans/**"}, want: "[plans/secret:1:1: cannot read the directory (permission denied), so the plans in it were not checked; make it readable, or leave it out with paths: in .okr.yaml [yaml-syntax]]"},
		{args: []string{"plans"}, want: "[plans/secret:1:1: cannot read the directory (permission denied), so the plans in it were not checked; make it readable, or leave it out with paths: in .okr.yaml [yaml-syntax]]"},
		{globs: []string{"other/*.yaml"}, want: "[]"},
		{globs: []string{"plans/*.yaml"}, want: "[]"}, // reaches files right under plans/, none under plans/secret
	} {
		var args []string
		for _, a := range tt.args {
			args = append(args, filepath.Join(root, a))
		}
		repo, sel, err := Load(LoadOptions{Root: root, FS: fsys, Globs: tt.globs, Args: args})
		if err != nil {
			t.Fatal(err)
		}
		var ds []string
		for _, d := range repo.Diagnostics {
			if d.Rule != RuleDuplicateID {
				ds = append(ds, d.String())
			}
		}
		if got := fmt.Sprint(ds); got != tt.want {
			t.Errorf("globs %q, args %q: %s, want %s", tt.globs, tt.args, got, tt.want)
		}
		if tt.args != nil && !sel["plans/secret"] {
			t.Errorf("the finding is not among the selected files %v", sel)
		}
	}
}
