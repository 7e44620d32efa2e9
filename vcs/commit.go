package vcs

import (
	"context"
	"strings"
)

// Commit records exactly the given files (absolute, or relative to Top) in a new commit with
// message, and returns the commit's hash. Changes staged for other files stay staged and out of
// the commit.
func (r *Repo) Commit(ctx context.Context, message string, files []string) (string, error) {
	if _, err := r.output(ctx, append([]string{"add", "--"}, files...)...); err != nil {
		return "", err
	}
	args := append([]string{"commit", "--quiet", "--only", "-m", message, "--"}, files...)
	if _, err := r.output(ctx, args...); err != nil {
		return "", err
	}
	out, err := r.output(ctx, "rev-parse", "HEAD")
	return strings.TrimSpace(string(out)), err
}
