// Package vcs talks to git by running the git binary: it resolves revisions, finds merge bases
// and the default branch, lists trees, reads blobs in one batch, and walks the log. Every
// command runs under a timeout, and git's failures become errors that say what to do.
package vcs

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"
)

// DefaultTimeout bounds one git command when Repo.Timeout is zero.
const DefaultTimeout = 2 * time.Minute

// Repo is a git work tree seen from a directory inside it.
type Repo struct {
	// Top is the absolute path of the work tree's top-level directory.
	Top string
	// Prefix is the directory Open was given, relative to Top, with forward slashes and a
	// trailing slash; "" when it is Top itself.
	Prefix string
	// Shallow is true in a shallow clone: history ends where the clone was cut.
	Shallow bool
	// Timeout bounds each git command; zero means DefaultTimeout.
	Timeout time.Duration
}

// Open finds the git work tree that contains dir. It fails with an error matching
// ErrNotRepository when there is none, and with ErrNoGit when git is not installed.
func Open(ctx context.Context, dir string) (*Repo, error) {
	r := &Repo{Top: dir}
	out, err := r.output(ctx, "rev-parse", "--show-toplevel", "--show-prefix", "--is-shallow-repository")
	if err != nil {
		var ge *Error
		if errors.As(err, &ge) && (strings.Contains(ge.Stderr, "not a git repository") ||
			strings.Contains(ge.Stderr, "must be run in a work tree")) {
			return nil, &NotRepositoryError{Dir: dir}
		}
		return nil, err
	}
	lines := strings.Split(strings.TrimSuffix(string(out), "\n"), "\n")
	if len(lines) != 3 {
		return nil, fmt.Errorf("git rev-parse in %s printed %q; expected the top level, prefix and shallow state", dir, out)
	}
	r.Top = filepath.FromSlash(lines[0])
	r.Prefix = lines[1]
	r.Shallow = lines[2] == "true"
	return r, nil
}

// ErrNotRepository is matched (with errors.Is) by the error Open returns outside a git work
// tree.
var ErrNotRepository = errors.New("not a git repository")

// NotRepositoryError says that a directory is not inside a git work tree.
type NotRepositoryError struct{ Dir string }

// Error says which directory is outside git.
func (e *NotRepositoryError) Error() string {
	return fmt.Sprintf("%s is not inside a git repository", e.Dir)
}

// Is makes errors.Is(err, ErrNotRepository) true.
func (e *NotRepositoryError) Is(target error) bool { return target == ErrNotRepository }

// ErrNoGit is returned when the git binary cannot be found.
var ErrNoGit = errors.New("git is not installed or not on PATH; install git to use okr's git features")

// Error is a git command that failed: its arguments, exit status and what it printed on
// standard error.
type Error struct {
	Args   []string
	Stderr string
	Err    error
}

// Error shows the command and the first lines git printed on standard error.
func (e *Error) Error() string {
	msg := strings.TrimSpace(e.Stderr)
	if msg == "" {
		msg = e.Err.Error()
	}
	return fmt.Sprintf("git %s: %s", strings.Join(e.Args, " "), firstLines(msg, 3))
}

// Unwrap returns the error of running the command, such as an *exec.ExitError.
func (e *Error) Unwrap() error { return e.Err }

func firstLines(s string, n int) string {
	lines := strings.SplitN(s, "\n", n+1)
	if len(lines) > n {
		lines = lines[:n]
	}
	return strings.Join(lines, "; ")
}

// command prepares a git command run in the repository's top level (or the directory Open was
// given, before Top is known), with output that does not depend on the user's configuration.
func (r *Repo) command(ctx context.Context, args ...string) *exec.Cmd {
	full := append([]string{
		"-C", r.Top,
		"-c", "core.quotePath=false",
		"-c", "log.showSignature=false",
		"-c", "diff.noprefix=false",
		"-c", "color.ui=false",
	}, args...)
	cmd := exec.CommandContext(ctx, "git", full...)
	cmd.Env = append(os.Environ(),
		"LC_ALL=C",
		"GIT_OPTIONAL_LOCKS=0", // reading must never take the index lock from a running editor
		"GIT_TERMINAL_PROMPT=0",
		"GIT_PAGER=cat",
	)
	cmd.WaitDelay = time.Second
	return cmd
}

// withTimeout returns a context bounded by the repository's timeout.
func (r *Repo) withTimeout(ctx context.Context) (context.Context, context.CancelFunc) {
	t := r.Timeout
	if t <= 0 {
		t = DefaultTimeout
	}
	return context.WithTimeout(ctx, t)
}

// output runs git and returns its standard output.
func (r *Repo) output(ctx context.Context, args ...string) ([]byte, error) {
	ctx, cancel := r.withTimeout(ctx)
	defer cancel()
	cmd := r.command(ctx, args...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		return stdout.Bytes(), r.wrap(ctx, args, stderr.String(), err)
	}
	return stdout.Bytes(), nil
}

// stream runs git and hands its standard output to read as it comes.
func (r *Repo) stream(ctx context.Context, stdin io.Reader, read func(io.Reader) error, args ...string) error {
	ctx, cancel := r.withTimeout(ctx)
	defer cancel()
	cmd := r.command(ctx, args...)
	var stderr bytes.Buffer
	cmd.Stdin, cmd.Stderr = stdin, &stderr
	out, err := cmd.StdoutPipe()
	if err != nil {
		return err
	}
	if err := cmd.Start(); err != nil {
		return r.wrap(ctx, args, "", err)
	}
	readErr := read(out)
	if readErr != nil {
		cancel() // stop git; its own error is of no interest then
		io.Copy(io.Discard, out)
	}
	waitErr := cmd.Wait()
	if readErr != nil {
		if ctx.Err() == context.DeadlineExceeded {
			return r.wrap(ctx, args, stderr.String(), ctx.Err())
		}
		return readErr
	}
	if waitErr != nil {
		return r.wrap(ctx, args, stderr.String(), waitErr)
	}
	return nil
}

// wrap turns a failed git run into an error that says what happened.
func (r *Repo) wrap(ctx context.Context, args []string, stderr string, err error) error {
	switch {
	case errors.Is(err, exec.ErrNotFound):
		return ErrNoGit
	case ctx.Err() == context.DeadlineExceeded:
		t := r.Timeout
		if t <= 0 {
			t = DefaultTimeout
		}
		return fmt.Errorf("git %s took longer than %s and was stopped", strings.Join(args, " "), t)
	}
	return &Error{Args: args, Stderr: stderr, Err: err}
}
