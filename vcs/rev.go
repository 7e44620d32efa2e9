package vcs

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"
)

// FetchAdvice says how to get the history a shallow clone lacks, in CI and on a laptop.
const FetchAdvice = "fetch more history (in GitHub Actions, actions/checkout with fetch-depth: 0; locally, git fetch --unshallow)"

// ErrShallow is matched (with errors.Is) by errors caused by a shallow clone's missing history.
var ErrShallow = errors.New("shallow clone")

// RevisionError says that a revision names no commit.
type RevisionError struct {
	Rev     string
	Shallow bool // the clone is shallow, which may be why
}

// Error names the revision and says how to get it. A revision comes from a command line or a
// CI variable that a pull request may set, so the message shows it quoted and cut short, and
// gives a command to run only for a revision that a shell reads as the one word it is.
func (e *RevisionError) Error() string {
	if e.Rev == "HEAD" {
		return "the git repository has no commit yet; commit the plans first"
	}
	rev := quoteRev(e.Rev)
	if strings.HasPrefix(e.Rev, "-") {
		return fmt.Sprintf("%s is not a revision: it starts with \"-\" as an option does; name a branch, tag or commit", rev)
	}
	msg := fmt.Sprintf("unknown revision %s: no branch, tag or commit has that name", rev)
	if e.Shallow {
		return msg + "; this clone is shallow, so it may not have been fetched: " + FetchAdvice
	}
	if remote, branch, ok := strings.Cut(e.Rev, "/"); ok && fetchable(remote) && fetchable(branch) {
		return msg + fmt.Sprintf("; if it is a remote branch, fetch it first (git fetch %s %s)", shellQuote(remote), shellQuote(branch))
	}
	return msg
}

// maxRevShown is how much of a revision messages show.
const maxRevShown = 80

// quoteRev shows a revision in a message: quoted with its control characters escaped, and cut to
// maxRevShown characters.
func quoteRev(rev string) string {
	if r := []rune(rev); len(r) > maxRevShown {
		rev = string(r[:maxRevShown]) + "…"
	}
	return fmt.Sprintf("%q", rev)
}

// fetchable reports whether s may appear in the git fetch advice: not empty, not read by git as
// an option, short, and printable ASCII without spaces, which a terminal shows as it is.
func fetchable(s string) bool {
	if s == "" || strings.HasPrefix(s, "-") || len(s) > maxRevShown {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] <= ' ' || s[i] >= 0x7f {
			return false
		}
	}
	return true
}

// shellQuote writes s as one word of a POSIX shell command: as it is when it holds only
// characters no shell treats specially, else in single quotes.
func shellQuote(s string) string {
	plain := s != ""
	for _, r := range s {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || strings.ContainsRune("-_./@+:,%=", r)) {
			plain = false
			break
		}
	}
	if plain {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}

// Is makes errors.Is(err, ErrShallow) true when the clone is shallow.
func (e *RevisionError) Is(target error) bool { return target == ErrShallow && e.Shallow }

// ShallowError says that a shallow clone does not reach back far enough.
type ShallowError struct{ What string }

// Error says what the clone is too shallow for and how to fetch more.
func (e *ShallowError) Error() string {
	return fmt.Sprintf("this clone is too shallow to %s: %s", e.What, FetchAdvice)
}

// Is makes errors.Is(err, ErrShallow) true.
func (e *ShallowError) Is(target error) bool { return target == ErrShallow }

// checkRevs refuses a revision that git would read as an option (such as --output=FILE), before
// it reaches a git command line.
func (r *Repo) checkRevs(revs ...string) error {
	for _, rev := range revs {
		if strings.HasPrefix(rev, "-") {
			return &RevisionError{Rev: rev, Shallow: r.Shallow}
		}
	}
	return nil
}

// Resolve returns the full hash of the commit a revision names.
func (r *Repo) Resolve(ctx context.Context, rev string) (string, error) {
	if rev == "" {
		return "", &RevisionError{Rev: rev, Shallow: r.Shallow}
	}
	if err := r.checkRevs(rev); err != nil {
		return "", err
	}
	out, err := r.output(ctx, "rev-parse", "--verify", "--quiet", rev+"^{commit}")
	if err != nil {
		var ee *exec.ExitError
		var ge *Error
		if errors.As(err, &ge) && errors.As(ge.Err, &ee) && ee.ExitCode() == 1 {
			return "", &RevisionError{Rev: rev, Shallow: r.Shallow}
		}
		return "", err
	}
	return strings.TrimSpace(string(out)), nil
}

// HasCommits reports whether HEAD names a commit; it does not in a repository before its first
// commit.
func (r *Repo) HasCommits(ctx context.Context) (bool, error) {
	_, err := r.Resolve(ctx, "HEAD")
	var re *RevisionError
	if errors.As(err, &re) {
		return false, nil
	}
	return err == nil, err
}

// MergeBase returns the best common ancestor of two commits. In a shallow clone that does not
// reach it, the error matches ErrShallow and says how to fetch more.
func (r *Repo) MergeBase(ctx context.Context, a, b string) (string, error) {
	if err := r.checkRevs(a, b); err != nil {
		return "", err
	}
	out, err := r.output(ctx, "merge-base", a, b)
	if err == nil {
		return strings.TrimSpace(string(out)), nil
	}
	var ee *exec.ExitError
	var ge *Error
	if errors.As(err, &ge) && errors.As(ge.Err, &ee) && ee.ExitCode() == 1 && strings.TrimSpace(ge.Stderr) == "" {
		if r.Shallow {
			return "", &ShallowError{What: fmt.Sprintf("find where %s and %s branched", Short(a), Short(b))}
		}
		return "", fmt.Errorf("%s and %s have no common history", Short(a), Short(b))
	}
	return "", err
}

// DefaultBranch names the repository's default branch: what origin/HEAD points to, else main or
// master (local, then on origin).
func (r *Repo) DefaultBranch(ctx context.Context) (string, error) {
	if out, err := r.output(ctx, "symbolic-ref", "--quiet", "--short", "refs/remotes/origin/HEAD"); err == nil {
		if name := strings.TrimSpace(string(out)); name != "" {
			return name, nil
		}
	}
	for _, ref := range []string{"refs/heads/main", "refs/heads/master", "refs/remotes/origin/main", "refs/remotes/origin/master"} {
		if _, err := r.output(ctx, "rev-parse", "--verify", "--quiet", ref); err == nil {
			name := strings.TrimPrefix(strings.TrimPrefix(ref, "refs/heads/"), "refs/remotes/")
			return name, nil
		}
	}
	return "", errors.New("cannot tell the default branch: there is no origin/HEAD, main or master; name the base revision")
}

// Ancestry returns the commits reachable from head but not from base, as a set of full hashes.
func (r *Repo) Ancestry(ctx context.Context, base, head string) (map[string]bool, error) {
	if err := r.checkRevs(base, head); err != nil {
		return nil, err
	}
	out, err := r.output(ctx, "rev-list", head, "^"+base)
	if err != nil {
		return nil, err
	}
	set := map[string]bool{}
	for _, line := range strings.Fields(string(out)) {
		set[line] = true
	}
	return set, nil
}

// Short abbreviates a full commit hash to seven characters for messages; other revisions are
// returned as they are.
func Short(rev string) string {
	if (len(rev) == 40 || len(rev) == 64) && strings.Trim(rev, "0123456789abcdef") == "" {
		return rev[:7]
	}
	return rev
}

// ShallowCommits returns the commits where a shallow clone's history is cut: git knows them
// without their parents. It is empty in a complete clone.
func (r *Repo) ShallowCommits(ctx context.Context) (map[string]bool, error) {
	if !r.Shallow {
		return nil, nil
	}
	out, err := r.output(ctx, "rev-parse", "--git-path", "shallow")
	if err != nil {
		return nil, err
	}
	name := strings.TrimSpace(string(out))
	if !filepath.IsAbs(name) {
		name = filepath.Join(r.Top, name)
	}
	data, err := os.ReadFile(name)
	if err != nil {
		return nil, fmt.Errorf("cannot read the list of shallow commits: %w", err)
	}
	set := map[string]bool{}
	for _, c := range strings.Fields(string(data)) {
		set[c] = true
	}
	return set, nil
}

// ResolveDated returns the full hash of the commit a revision names and its committer date, in
// one git process; the errors are Resolve's.
func (r *Repo) ResolveDated(ctx context.Context, rev string) (string, time.Time, error) {
	if rev == "" || strings.HasPrefix(rev, "-") {
		_, err := r.Resolve(ctx, rev)
		return "", time.Time{}, err
	}
	out, err := r.output(ctx, "log", "-1", "--no-walk", "--no-color", "--format=%H %ct", rev+"^{commit}", "--")
	if err != nil {
		if _, rerr := r.Resolve(ctx, rev); rerr != nil {
			return "", time.Time{}, rerr
		}
		return "", time.Time{}, err
	}
	c, err := parseHeader(bytes.TrimSpace(out))
	if err != nil {
		return "", time.Time{}, err
	}
	return c.Hash, c.Time, nil
}
