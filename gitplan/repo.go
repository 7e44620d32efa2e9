// Package gitplan reads a plan repository from git: its plans as they were at any revision,
// the plan files a change touched, and the history of every key result and KPI. It talks to git
// through package vcs and never touches the work tree.
package gitplan

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"time"

	"github.com/okr-tool/okr/vcs"
)

// Repo is a plan repository inside a git work tree.
type Repo struct {
	// Git is the git work tree.
	Git *vcs.Repo
	// Root is the absolute path of the plan repository root, as okr found it.
	Root string
	// Prefix is Root relative to the top of the work tree: "" or a path ending in "/".
	Prefix string

	mu       sync.Mutex
	resolved map[string]string // revisions resolved so far, and the commits found, to their hashes
}

// Open finds the git work tree around the plan repository root. Outside git the error matches
// vcs.ErrNotRepository and explains that the feature needs one.
func Open(ctx context.Context, root string) (*Repo, error) {
	g, err := vcs.Open(ctx, root)
	if err != nil {
		if errors.Is(err, vcs.ErrNotRepository) {
			return nil, fmt.Errorf("%w; this needs the plans in a git repository (git init, then commit them)", err)
		}
		return nil, err
	}
	return &Repo{Git: g, Root: root, Prefix: g.Prefix}, nil
}

// gitPath turns a path relative to the plan root into one relative to the top of the work
// tree.
func (r *Repo) gitPath(rel string) string { return r.Prefix + rel }

// planPath turns a path relative to the top of the work tree into one relative to the plan
// root; ok is false when it lies outside the plan root.
func (r *Repo) planPath(gitPath string) (string, bool) {
	if !strings.HasPrefix(gitPath, r.Prefix) {
		return "", false
	}
	return gitPath[len(r.Prefix):], true
}

// Resolve returns the full hash of the commit a revision names, with errors that say how to fix
// a missing revision or a shallow clone. A revision is resolved once (a branch that moves while
// okr runs keeps the commit first found), and a commit okr found itself (ResolveDated,
// CommitAt) is known without asking git.
func (r *Repo) Resolve(ctx context.Context, rev string) (string, error) {
	r.mu.Lock()
	hash, ok := r.resolved[rev]
	r.mu.Unlock()
	if ok {
		return hash, nil
	}
	hash, err := r.Git.Resolve(ctx, rev)
	if err == nil {
		r.remember(rev, hash)
	}
	return hash, err
}

// ResolveDated resolves a revision (as Resolve) and returns its commit's date too, in one git
// process.
func (r *Repo) ResolveDated(ctx context.Context, rev string) (string, time.Time, error) {
	hash, date, err := r.Git.ResolveDated(ctx, rev)
	if err == nil {
		r.remember(rev, hash)
	}
	return hash, date, err
}

func (r *Repo) remember(rev, hash string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.resolved == nil {
		r.resolved = map[string]string{}
	}
	r.resolved[rev], r.resolved[hash] = hash, hash
}
