// Package vcstest builds temporary git repositories with dated commits for tests.
package vcstest

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// Repo is a temporary git work tree. Its commits have the dates the test gives, and its
// configuration is local, so the tests do not depend on the machine's git setup.
type Repo struct {
	t   testing.TB
	Dir string
}

// New creates an empty repository with a main branch in a temporary directory. The test is
// skipped when git is not installed.
func New(t testing.TB) *Repo {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	r := &Repo{t: t, Dir: t.TempDir()}
	r.Git("init", "-q", "-b", "main")
	r.Git("config", "user.name", "Test Author")
	r.Git("config", "user.email", "author@example.com")
	r.Git("config", "commit.gpgsign", "false")
	return r
}

// At wraps an existing repository, such as a clone a test made.
func At(t testing.TB, dir string) *Repo { return &Repo{t: t, Dir: dir} }

// Git runs git in the repository and returns its standard output; a failure ends the test.
func (r *Repo) Git(args ...string) string {
	r.t.Helper()
	return r.GitEnv(nil, args...)
}

// GitEnv runs git with extra environment variables.
func (r *Repo) GitEnv(env []string, args ...string) string {
	r.t.Helper()
	cmd := exec.Command("git", append([]string{"-C", r.Dir}, args...)...)
	cmd.Env = append(os.Environ(),
		"GIT_CONFIG_GLOBAL="+os.DevNull, "GIT_CONFIG_NOSYSTEM=1", "LC_ALL=C", "GIT_TERMINAL_PROMPT=0")
	cmd.Env = append(cmd.Env, env...)
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	if err := cmd.Run(); err != nil {
		r.t.Fatalf("git %s: %v\n%s", strings.Join(args, " "), err, errOut.String())
	}
	return out.String()
}

// Write writes a file (a slash-separated path relative to the repository), creating its
// directories.
func (r *Repo) Write(path, text string) {
	r.t.Helper()
	name := filepath.Join(r.Dir, filepath.FromSlash(path))
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		r.t.Fatal(err)
	}
	if err := os.WriteFile(name, []byte(text), 0o644); err != nil {
		r.t.Fatal(err)
	}
}

// Remove deletes a file from the work tree.
func (r *Repo) Remove(path string) {
	r.t.Helper()
	if err := os.Remove(filepath.Join(r.Dir, filepath.FromSlash(path))); err != nil {
		r.t.Fatal(err)
	}
}

// Move renames a file with git mv, creating the target's directory.
func (r *Repo) Move(from, to string) {
	r.t.Helper()
	if err := os.MkdirAll(filepath.Dir(r.Path(to)), 0o755); err != nil {
		r.t.Fatal(err)
	}
	r.Git("mv", from, to)
}

// Commit stages every change and commits it with author and committer date date (RFC 3339,
// e.g. "2026-07-15T10:00:00Z"). It returns the commit's full hash.
func (r *Repo) Commit(date, message string) string {
	r.t.Helper()
	r.Git("add", "-A")
	r.GitEnv([]string{"GIT_AUTHOR_DATE=" + date, "GIT_COMMITTER_DATE=" + date},
		"commit", "-q", "--allow-empty", "--no-verify", "-m", message)
	return strings.TrimSpace(r.Git("rev-parse", "HEAD"))
}

// Path returns the absolute path of a file of the repository.
func (r *Repo) Path(path string) string {
	return filepath.Join(r.Dir, filepath.FromSlash(path))
}
