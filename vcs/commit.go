package vcs

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
)

// Commit records exactly the given files (absolute, or relative to Top) in a new commit with
// message, and returns the commit's hash. Changes staged for other files stay staged and out of
// the commit. Each file is committed whole, as it is on disk: a caller that must commit only
// its own change checks first, with Uncommitted, that the files held nothing else.
func (r *Repo) Commit(ctx context.Context, message string, files []string) (string, error) {
	if _, err := r.output(ctx, append([]string{"add", "--"}, files...)...); err != nil {
		return "", cleanError(err)
	}
	args := append([]string{"commit", "--quiet", "--only", "-m", message, "--"}, files...)
	if _, err := r.output(ctx, args...); err != nil {
		return "", cleanError(err)
	}
	out, err := r.output(ctx, "rev-parse", "HEAD")
	return strings.TrimSpace(string(out)), err
}

// FileState is a file that does not match the last commit.
type FileState struct {
	Path string // as given to Uncommitted
	// Untracked is true when git does not track the file (it is new, or ignored); otherwise
	// the file differs from HEAD in the index or the work tree.
	Untracked bool
}

// Uncommitted returns the files among files (absolute, or relative to Top) that are untracked
// or differ from HEAD, in the order given. In a repository without commits every file is
// uncommitted.
func (r *Repo) Uncommitted(ctx context.Context, files []string) ([]FileState, error) {
	if len(files) == 0 {
		return nil, nil
	}
	rels := make([]string, len(files))
	for i, f := range files {
		rel := f
		if filepath.IsAbs(f) {
			var err error
			if rel, err = r.rel(f); err != nil {
				return nil, err
			}
		}
		rels[i] = filepath.ToSlash(rel)
	}
	args := append([]string{"status", "--porcelain=v1", "-z", "--untracked-files=all", "--ignored=matching", "--"}, rels...)
	out, err := r.output(ctx, args...)
	if err != nil {
		return nil, cleanError(err)
	}
	state := map[string]string{}
	entries := strings.Split(string(out), "\x00")
	for i := 0; i < len(entries); i++ {
		e := entries[i]
		if len(e) < 4 {
			continue
		}
		xy, path := e[:2], e[3:]
		state[path] = xy
		if xy[0] == 'R' || xy[0] == 'C' {
			i++ // the source path of a rename or copy follows
		}
	}
	var res []FileState
	for i, rel := range rels {
		if xy, ok := state[rel]; ok {
			res = append(res, FileState{Path: files[i], Untracked: xy == "??" || xy == "!!"})
		}
	}
	return res, nil
}

// rel returns the path of file (absolute) relative to Top, also when one of them is reached
// through a symbolic link (a temporary directory, a home directory on another volume).
func (r *Repo) rel(file string) (string, error) {
	inside := func(rel string) bool {
		return rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
	}
	if rel, err := filepath.Rel(r.Top, file); err == nil && inside(rel) {
		return rel, nil
	}
	top, err := filepath.EvalSymlinks(r.Top)
	if err != nil {
		return "", err
	}
	dir, err := filepath.EvalSymlinks(filepath.Dir(file))
	if err != nil {
		return "", err
	}
	rel, err := filepath.Rel(top, filepath.Join(dir, filepath.Base(file)))
	if err != nil || !inside(rel) {
		return "", fmt.Errorf("%s is outside the git work tree %s", file, r.Top)
	}
	return rel, nil
}

// ErrNoIdentity is matched (with errors.Is) by the error CheckIdentity returns when git does not
// know the author's or committer's name and email.
var ErrNoIdentity = errors.New("git does not know who you are")

// CheckIdentity checks that git can name the author and committer of a commit, so that a
// commit does not fail after its files were written.
func (r *Repo) CheckIdentity(ctx context.Context) error {
	for _, v := range []string{"GIT_AUTHOR_IDENT", "GIT_COMMITTER_IDENT"} {
		if _, err := r.output(ctx, "var", v); err != nil {
			var ge *Error
			if errors.As(err, &ge) {
				return fmt.Errorf("%w: set your name and email with git config user.name \"Your Name\" and git config user.email you@example.com (git says: %s)",
					ErrNoIdentity, firstLines(cleanText(ge.Stderr), 2))
			}
			return err
		}
	}
	return nil
}

// cleanError turns git's multi-line message into one readable line: blank lines and the
// "***" framing dropped.
func cleanError(err error) error {
	var ge *Error
	if !errors.As(err, &ge) {
		return err
	}
	msg := cleanText(ge.Stderr)
	if msg == "" {
		return err
	}
	return fmt.Errorf("git %s: %s", ge.Args[0], firstLines(msg, 4))
}

func cleanText(s string) string {
	var lines []string
	for _, l := range strings.Split(s, "\n") {
		l = strings.TrimSpace(strings.Trim(strings.TrimSpace(l), "*"))
		if l != "" {
			lines = append(lines, l)
		}
	}
	return strings.Join(lines, "\n")
}
