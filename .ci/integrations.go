// Command integrations runs the command lines that okr's GitHub Action (action.yml) and pre-commit
// hook (.pre-commit-hooks.yaml) declare, the way the Actions runner and pre-commit run them, against
// small plan repositories made from examples/ and testdata/, and fails when one does not do what
// it should. .ci/run runs it from the repository root: go run .ci/integrations.go
//
// It understands only what the two files use: composite steps with shell: bash, expressions that
// name an input or github.action_path, and if: conditions joined with &&.
package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"
)

type action struct {
	Name        string         `yaml:"name"`
	Description string         `yaml:"description"`
	Author      string         `yaml:"author"`
	Branding    map[string]any `yaml:"branding"`
	Inputs      map[string]struct {
		Description string `yaml:"description"`
		Required    bool   `yaml:"required"`
		Default     string `yaml:"default"`
	} `yaml:"inputs"`
	Runs struct {
		Using string `yaml:"using"`
		Steps []step `yaml:"steps"`
	} `yaml:"runs"`
}

type step struct {
	ID               string            `yaml:"id"`
	Name             string            `yaml:"name"`
	Uses             string            `yaml:"uses"`
	With             map[string]string `yaml:"with"`
	If               string            `yaml:"if"`
	Shell            string            `yaml:"shell"`
	Run              string            `yaml:"run"`
	WorkingDirectory string            `yaml:"working-directory"`
	Env              map[string]string `yaml:"env"`
}

type hook struct {
	ID            string   `yaml:"id"`
	Name          string   `yaml:"name"`
	Description   string   `yaml:"description"`
	RequireSerial bool     `yaml:"require_serial"`
	MinVersion    string   `yaml:"minimum_pre_commit_version"`
	Entry         string   `yaml:"entry"`
	Language      string   `yaml:"language"`
	Files         string   `yaml:"files"`
	Exclude       string   `yaml:"exclude"`
	Args          []string `yaml:"args"`
	PassFilenames *bool    `yaml:"pass_filenames"`
}

var root, tmp string

// builtDir is where the action's build step put okr; the machine is slow enough that the later
// runs reuse it rather than build again.
var builtDir string
var failures int

func main() {
	var err error
	if root, err = os.Getwd(); err == nil {
		tmp, err = os.MkdirTemp("", "okr-integrations-")
	}
	if err != nil {
		fatal(err)
	}
	defer os.RemoveAll(tmp)
	checkAction()
	checkPreCommit()
	if failures > 0 {
		os.RemoveAll(tmp)
		fmt.Printf("%d integration checks failed\n", failures)
		os.Exit(1)
	}
	fmt.Println("action.yml and .pre-commit-hooks.yaml: every check passed")
}

func fatal(err error) {
	fmt.Fprintln(os.Stderr, "integrations:", err)
	os.RemoveAll(tmp)
	os.Exit(1)
}

func failf(format string, args ...any) {
	failures++
	fmt.Printf("FAIL: "+format+"\n", args...)
}

func decode(path string, v any) {
	data, err := os.ReadFile(path)
	if err != nil {
		fatal(err)
	}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(v); err != nil {
		fatal(fmt.Errorf("%s: %w", path, err))
	}
}

// planRepo makes a git repository under tmp from copies of the given directories of this
// repository (source directory → directory in the new repository), committed, and returns its path.
func planRepo(name string, copies ...[2]string) string {
	dir := filepath.Join(tmp, name)
	for _, c := range copies {
		from := filepath.Join(root, c[0])
		err := filepath.WalkDir(from, func(path string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			rel, _ := filepath.Rel(from, path)
			if c[1] != "." && strings.HasPrefix(d.Name(), ".") {
				return nil // a .okr.yaml below the root would make a repository of its own
			}
			data, err := os.ReadFile(path)
			if err != nil {
				return err
			}
			return write(filepath.Join(dir, c[1], rel), string(data))
		})
		if err != nil {
			fatal(err)
		}
	}
	// A YAML file that is not a plan, which the pre-commit hook must not pass to okr.
	if err := write(filepath.Join(dir, ".github", "workflows", "ci.yaml"), "on: push\njobs: {}\n"); err != nil {
		fatal(err)
	}
	for _, args := range [][]string{{"init", "-q"}, {"add", "."}, {"-c", "user.name=ci", "-c", "user.email=ci@example.com", "commit", "-qm", "plans"}} {
		if out, err := exec.Command("git", append([]string{"-C", dir}, args...)...).CombinedOutput(); err != nil {
			fatal(fmt.Errorf("git %s: %v\n%s", strings.Join(args, " "), err, out))
		}
	}
	return dir
}

func write(path, data string) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	return os.WriteFile(path, []byte(data), 0o644)
}

// expr evaluates the expressions action.yml uses: ${{ inputs.NAME }} and ${{ github.action_path }}.
var expr = regexp.MustCompile(`\$\{\{\s*([^}]*?)\s*\}\}`)

func eval(s string, inputs map[string]string) string {
	return expr.ReplaceAllStringFunc(s, func(m string) string {
		name := expr.FindStringSubmatch(m)[1]
		if name == "github.action_path" {
			return root
		}
		if in, ok := strings.CutPrefix(name, "inputs."); ok {
			if v, ok := inputs[in]; ok {
				return v
			}
		}
		fatal(fmt.Errorf("action.yml: unsupported expression %s", m))
		return ""
	})
}

// condition evaluates an if: made of always(), success(), inputs.NAME == 'v' and != 'v', joined by &&.
var comparison = regexp.MustCompile(`^inputs\.([a-z-]+)\s*(==|!=)\s*'([^']*)'$`)

func condition(cond string, inputs map[string]string, failed bool) bool {
	cond = strings.TrimSpace(strings.TrimSuffix(strings.TrimPrefix(strings.TrimSpace(cond), "${{"), "}}"))
	if cond == "" {
		return !failed
	}
	ok, always := true, false
	for _, term := range strings.Split(cond, "&&") {
		term = strings.TrimSpace(term)
		switch {
		case term == "always()":
			always = true
		case term == "success()":
			ok = ok && !failed
		case comparison.MatchString(term):
			m := comparison.FindStringSubmatch(term)
			ok = ok && (inputs[m[1]] == m[3]) == (m[2] == "==")
		default:
			fatal(fmt.Errorf("action.yml: unsupported condition %q", cond))
		}
	}
	return ok && (always || !failed)
}

type stepResult struct {
	ran            bool
	code           int
	stdout, stderr string
}

// runAction runs action.yml's steps in workspace with the given inputs, the way the runner would.
func runAction(a *action, workspace string, given map[string]string) map[string]stepResult {
	inputs := map[string]string{}
	for name, in := range a.Inputs {
		inputs[name] = in.Default
	}
	for name, v := range given {
		if _, ok := a.Inputs[name]; !ok {
			fatal(fmt.Errorf("action.yml has no input %q", name))
		}
		inputs[name] = v
	}
	runnerTemp, err := os.MkdirTemp(tmp, "runner-")
	if err != nil {
		fatal(err)
	}
	githubPath := filepath.Join(runnerTemp, "github_path")
	path := os.Getenv("PATH")
	if builtDir != "" {
		path = builtDir + string(os.PathListSeparator) + path
	}
	results := map[string]stepResult{}
	failed := false
	for i, s := range a.Runs.Steps {
		if s.Run == "" || !condition(s.If, inputs, failed) || s.ID == "build" && builtDir != "" {
			continue
		}
		script := filepath.Join(runnerTemp, fmt.Sprintf("step%d.sh", i))
		if err := os.WriteFile(script, []byte(s.Run), 0o644); err != nil {
			fatal(err)
		}
		// The runner's command line for shell: bash.
		cmd := exec.Command("bash", "--noprofile", "--norc", "-eo", "pipefail", script)
		cmd.Dir = workspace
		if s.WorkingDirectory != "" {
			cmd.Dir = filepath.Join(workspace, eval(s.WorkingDirectory, inputs))
		}
		cmd.Env = append(os.Environ(), "PATH="+path, "GITHUB_WORKSPACE="+workspace, "GITHUB_ACTION_PATH="+root,
			"RUNNER_TEMP="+runnerTemp, "GITHUB_PATH="+githubPath, "GITHUB_ACTIONS=true")
		for k, v := range s.Env {
			cmd.Env = append(cmd.Env, k+"="+eval(v, inputs))
		}
		var stdout, stderr bytes.Buffer
		cmd.Stdout, cmd.Stderr = &stdout, &stderr
		err := cmd.Run()
		r := stepResult{ran: true, stdout: stdout.String(), stderr: stderr.String()}
		var exit *exec.ExitError
		if errors.As(err, &exit) {
			r.code = exit.ExitCode()
		} else if err != nil {
			fatal(err)
		}
		failed = failed || r.code != 0
		results[s.ID] = r
		if data, err := os.ReadFile(githubPath); err == nil {
			for _, dir := range strings.Fields(string(data)) {
				path = dir + string(os.PathListSeparator) + path
				if s.ID == "build" && r.code == 0 {
					builtDir = dir
				}
			}
		}
	}
	return results
}

func checkAction() {
	var a action
	decode(filepath.Join(root, "action.yml"), &a)
	if a.Runs.Using != "composite" {
		failf("action.yml: runs.using is %q, want composite", a.Runs.Using)
	}
	ids := map[string]bool{}
	setupGo := false
	for _, s := range a.Runs.Steps {
		ids[s.ID] = true
		if s.Run != "" && s.Shell != "bash" {
			failf("action.yml: step %q: shell is %q; the checks run bash", s.ID, s.Shell)
		}
		if strings.Contains(s.Run, "${{") {
			failf("action.yml: step %q splices an expression into its script; pass it through env:", s.ID)
		}
		if strings.HasPrefix(s.Uses, "actions/setup-go@") {
			setupGo = true
			if f := eval(s.With["go-version-file"], nil); f != filepath.Join(root, "go.mod") {
				failf("action.yml: actions/setup-go reads go-version-file %q, want the action's own go.mod", f)
			}
		}
	}
	if !setupGo {
		failf("action.yml: no actions/setup-go step")
	}
	for _, id := range []string{"build", "matcher", "lint"} {
		if !ids[id] {
			failf("action.yml: no step with id %q", id)
		}
	}

	matcher := problemMatcher()
	examplePlans := countYAML("examples/plans")
	examples := planRepo("examples", [2]string{"examples", "."})
	errorsRepo := planRepo("errors", [2]string{"testdata/lint/cli/errors/plans", "plans"})
	// Plans in a subdirectory with a .okr.yaml of their own, which the action reaches through
	// working-directory: annotations must still name files from the top of the repository.
	nested := planRepo("nested", [2]string{"testdata/lint/cli/errors/plans", "okrs/plans"})
	if err := write(filepath.Join(nested, "okrs", ".okr.yaml"), ""); err != nil {
		fatal(err)
	}
	warnings := planRepo("warnings", [2]string{"testdata/lint/cli/clean/plans", "plans"})
	clean, _ := os.ReadFile(filepath.Join(warnings, "plans", "2026-Q3", "sales.yaml"))
	// A KPI reported quarterly is a kpi-cadence warning.
	if err := write(filepath.Join(warnings, "plans", "2026-Q3", "sales.yaml"), strings.Replace(string(clean), "frequency: monthly", "frequency: quarterly", 1)); err != nil {
		fatal(err)
	}

	cases := []struct {
		name      string
		workspace string
		inputs    map[string]string
		code      int
		stdout    string // a regular expression
		stderr    string
		matcher   bool // the problem matcher is registered, and matches a finding
	}{
		{"the whole repository", examples, nil, 0, fmt.Sprintf(`0 errors, 0 warnings in %d files`, examplePlans), `^$`, false},
		{"paths", examples, map[string]string{"paths": "plans/2026-Q3\nplans/2026-Q4/company.yaml"}, 0, `0 errors, 0 warnings in \d+ files`, `^$`, false},
		{"working-directory", examples, map[string]string{"working-directory": "plans/2026"}, 0, `0 errors, 0 warnings in [1-9]\d* files?`, `^$`, false},
		{"working-directory annotations", nested, map[string]string{"working-directory": "okrs", "format": "github"}, 1, `(?m)^::error file=okrs/plans/2026-Q3/sales.yaml,`, `^$`, false},
		{"findings", errorsRepo, nil, 1, `(?m)^plans/2026-Q3/sales.yaml:\d+:\d+: error: `, `^$`, true},
		{"format json", errorsRepo, map[string]string{"format": "json"}, 1, `^\{`, `^$`, false},
		{"format github", errorsRepo, map[string]string{"format": "github"}, 1, `(?m)^::error file=plans/2026-Q3/sales.yaml,`, `^$`, false},
		{"warnings within max-warnings", warnings, nil, 0, `0 errors, 1 warning`, `^$`, false},
		{"max-warnings", warnings, map[string]string{"max-warnings": "0"}, 1, `0 errors, 1 warning`, ``, false},
		{"new-from-rev", examples, map[string]string{"new-from-rev": "HEAD"}, 0, `0 errors, 0 warnings`, `^$`, false},
		{"new-from-rev names the revision", examples, map[string]string{"new-from-rev": "no-such-rev"}, 2, `^$`, `no-such-rev`, false},
		{"inputs are not code", examples, map[string]string{"paths": "$(touch injected) `touch injected`"}, 2, ``, `cannot read`, false},
		{"paths are not patterns", examples, map[string]string{"paths": "plans/*"}, 2, ``, `cannot read plans/\*`, false},
	}
	for _, c := range cases {
		results := runAction(&a, c.workspace, c.inputs)
		build, lint := results["build"], results["lint"]
		if build.code != 0 || builtDir == "" {
			failf("action %s: the build step failed (%d):\n%s%s", c.name, build.code, build.stdout, build.stderr)
			continue
		}
		if !lint.ran {
			failf("action %s: the lint step did not run", c.name)
			continue
		}
		show := fmt.Sprintf("\nstdout:\n%s\nstderr:\n%s", lint.stdout, lint.stderr)
		if lint.code != c.code {
			failf("action %s: okr lint exited %d, want %d%s", c.name, lint.code, c.code, show)
		}
		if !regexp.MustCompile(c.stdout).MatchString(lint.stdout) {
			failf("action %s: stdout does not match %q%s", c.name, c.stdout, show)
		}
		if !regexp.MustCompile(c.stderr).MatchString(lint.stderr) {
			failf("action %s: stderr does not match %q%s", c.name, c.stderr, show)
		}
		if _, err := os.Stat(filepath.Join(c.workspace, "injected")); err == nil {
			failf("action %s: an input ran as a command", c.name)
		}
		add := results["matcher"]
		if registered := add.ran && strings.Contains(add.stdout, "::add-matcher::"); registered != (c.inputs["format"] == "" || c.inputs["format"] == "text") {
			failf("action %s: problem matcher registered: %v, want it only for the text format:\n%s", c.name, registered, add.stdout)
		} else if registered {
			file := strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(add.stdout), "::add-matcher::"))
			if _, err := os.Stat(file); err != nil {
				failf("action %s: the problem matcher it registers: %v", c.name, err)
			}
			if !strings.Contains(results["unmatcher"].stdout, "::remove-matcher owner=okr::") {
				failf("action %s: the problem matcher is not removed at the end", c.name)
			}
		}
		if c.matcher {
			matched := false
			for _, line := range strings.Split(lint.stdout, "\n") {
				matched = matched || matcher.MatchString(line)
			}
			if !matched {
				failf("action %s: no line of okr's output matches the problem matcher%s", c.name, show)
			}
		}
	}
}

// problemMatcher is the first pattern of .github/okr-problem-matcher.json.
func problemMatcher() *regexp.Regexp {
	data, err := os.ReadFile(filepath.Join(root, ".github", "okr-problem-matcher.json"))
	if err != nil {
		fatal(err)
	}
	var m struct {
		ProblemMatcher []struct {
			Pattern []struct{ Regexp string } `json:"pattern"`
		} `json:"problemMatcher"`
	}
	if err := json.Unmarshal(data, &m); err != nil || len(m.ProblemMatcher) == 0 || len(m.ProblemMatcher[0].Pattern) == 0 {
		fatal(fmt.Errorf("okr-problem-matcher.json: %v", err))
	}
	return regexp.MustCompile(m.ProblemMatcher[0].Pattern[0].Regexp)
}

// checkPreCommit installs the hooks as pre-commit does for language: golang (go install ./... in
// the hook repository, with GOBIN on PATH), then runs each hook's entry with the files of a plan
// repository that its files/exclude patterns select.
func checkPreCommit() {
	var hooks []hook
	decode(filepath.Join(root, ".pre-commit-hooks.yaml"), &hooks)
	if len(hooks) == 0 {
		failf(".pre-commit-hooks.yaml declares no hook")
		return
	}
	gobin := filepath.Join(tmp, "pre-commit-bin")
	install := exec.Command("go", "install", "./...")
	install.Env = append(os.Environ(), "GOBIN="+gobin)
	if out, err := install.CombinedOutput(); err != nil {
		failf("pre-commit's install, go install ./...: %v\n%s", err, out)
		return
	}
	examplePlans := countYAML("examples/plans")
	examples := planRepo("pre-commit-examples", [2]string{"examples", "."})
	errorsRepo := planRepo("pre-commit-errors", [2]string{"examples", "."}, [2]string{"testdata/lint/cli/errors/plans", "plans/errors"})
	for _, h := range hooks {
		if h.Language != "golang" {
			failf("hook %s: language is %q, want golang", h.ID, h.Language)
			continue
		}
		entry := strings.Fields(h.Entry)
		if len(entry) == 0 {
			failf("hook %s: no entry", h.ID)
			continue
		}
		if _, err := os.Stat(filepath.Join(gobin, entry[0])); err != nil {
			failf("hook %s: entry %q is not a command go install ./... installs", h.ID, entry[0])
			continue
		}
		for _, c := range []struct {
			repo  string
			code  int
			files int
		}{{examples, 0, examplePlans}, {errorsRepo, 1, examplePlans + 1}} {
			files := selected(h, c.repo)
			if len(files) != c.files {
				failf("hook %s: files/exclude select %d files of %s, want its %d plans: %v", h.ID, len(files), filepath.Base(c.repo), c.files, files)
			}
			args := append(slices.Clip(entry[1:]), h.Args...)
			if h.PassFilenames == nil || *h.PassFilenames {
				args = append(args, files...)
			}
			cmd := exec.Command(filepath.Join(gobin, entry[0]), args...)
			cmd.Dir = c.repo
			cmd.Env = append(os.Environ(), "PATH="+gobin+string(os.PathListSeparator)+os.Getenv("PATH"))
			out, err := cmd.CombinedOutput()
			code := 0
			var exit *exec.ExitError
			if errors.As(err, &exit) {
				code = exit.ExitCode()
			} else if err != nil {
				fatal(err)
			}
			if code != c.code {
				failf("hook %s in %s: %s exited %d, want %d:\n%s", h.ID, filepath.Base(c.repo), h.Entry, code, c.code, out)
			}
		}
	}
}

// selected lists the files of repo that pre-commit passes to h: git's files matching files:
// and not exclude: (Python's re.search, which Go's regexp agrees with on these patterns).
func selected(h hook, repo string) []string {
	out, err := exec.Command("git", "-C", repo, "ls-files").Output()
	if err != nil {
		fatal(err)
	}
	include := regexp.MustCompile(h.Files)
	exclude := regexp.MustCompile("^$")
	if h.Exclude != "" {
		exclude = regexp.MustCompile(h.Exclude)
	}
	var files []string
	for _, f := range strings.Fields(string(out)) {
		if include.MatchString(f) && !exclude.MatchString(f) {
			files = append(files, f)
		}
	}
	slices.Sort(files)
	return files
}

// countYAML counts the YAML files under dir, the plans of the bundled examples, so that the
// checks follow the examples as they grow.
func countYAML(dir string) int {
	n := 0
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && (strings.HasSuffix(p, ".yaml") || strings.HasSuffix(p, ".yml")) {
			n++
		}
		return err
	})
	if err != nil {
		fatal(err)
	}
	return n
}
