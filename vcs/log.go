package vcs

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"
)

// Change statuses of a FileChange, as git prints them.
const (
	Added    = 'A'
	Modified = 'M'
	Deleted  = 'D'
	Renamed  = 'R'
	Copied   = 'C'
	TypeChg  = 'T'
)

// FileChange is one file a commit (or a diff) changed.
type FileChange struct {
	Status  byte   // Added, Modified, Deleted, Renamed, Copied or TypeChg
	OldPath string // the path before; the same as Path unless renamed or copied
	Path    string // the path after (for a deletion, the deleted path)
	OldID   string // blob before; "" when added
	NewID   string // blob after; "" when deleted, or when the work tree holds the new content
}

// Commit is one commit of the log with the files it changed against its first parent.
type Commit struct {
	Hash    string
	Time    time.Time // committer date, UTC
	Parents []string  // the parents' hashes, the first parent first (Log only)
	Changes []FileChange
}

// LogOptions select the commits Log walks.
type LogOptions struct {
	// Rev is the newest commit; "" means HEAD.
	Rev string
	// Dir limits the log to changes under this directory (relative to the top level).
	Dir string
	// FirstParent follows only the first parent of merges, so the log is the line of commits
	// as they landed on the branch, each diffed against the one before.
	FirstParent bool
}

// Log walks the history from opts.Rev back, newest first, calling fn with each commit that
// changed something under opts.Dir. Renames are detected. A shallow clone's log ends at the
// boundary, whose commit lists every file as added.
func (r *Repo) Log(ctx context.Context, opts LogOptions, fn func(*Commit) error) error {
	rev := opts.Rev
	if rev == "" {
		rev = "HEAD"
	}
	if err := r.checkRevs(rev); err != nil {
		return err
	}
	args := []string{"log", "--raw", "-z", "--no-abbrev", "-M", "--no-color", "--format=%H %ct %P"}
	if opts.FirstParent {
		args = append(args, "--first-parent", "-m") // -m: merges diffed against the first parent, as older gits need
	}
	args = append(args, rev, "--")
	if dir := strings.TrimSuffix(opts.Dir, "/"); dir != "" {
		args = append(args, dir+"/")
	}
	return r.stream(ctx, nil, func(out io.Reader) error {
		p := rawParser{r: bufio.NewReaderSize(out, 1<<16)}
		var cur *Commit
		for {
			tok, err := p.token()
			if err == io.EOF {
				break
			}
			if err != nil {
				return err
			}
			if len(tok) > 0 && tok[0] == ':' {
				if cur == nil {
					return fmt.Errorf("git log printed a change before any commit: %q", tok)
				}
				fc, err := p.change(tok)
				if err != nil {
					return err
				}
				cur.Changes = append(cur.Changes, fc)
				continue
			}
			if cur != nil {
				if err := fn(cur); err != nil {
					return err
				}
			}
			if cur, err = parseHeader(tok); err != nil {
				return err
			}
		}
		if cur != nil {
			return fn(cur)
		}
		return nil
	}, args...)
}

func parseHeader(tok []byte) (*Commit, error) {
	f := strings.Fields(string(tok))
	if len(f) < 2 {
		return nil, fmt.Errorf("git log printed a commit header okr cannot read: %q", tok)
	}
	hash, ts := f[0], f[1]
	sec, err := strconv.ParseInt(ts, 10, 64)
	if err != nil || len(hash) < 40 {
		return nil, fmt.Errorf("git log printed a commit header okr cannot read: %q", tok)
	}
	c := &Commit{Hash: hash, Time: time.Unix(sec, 0).UTC()}
	if len(f) > 2 {
		c.Parents = f[2:]
	}
	return c, nil
}

// Diff lists the files under dir that differ between commit from and commit to, or the work
// tree when to is "" (then untracked files that git does not ignore count as added). Renames
// are detected.
func (r *Repo) Diff(ctx context.Context, from, to, dir string) ([]FileChange, error) {
	if err := r.checkRevs(from, to); err != nil {
		return nil, err
	}
	args := []string{"diff", "--raw", "-z", "--no-abbrev", "-M", "--no-color", "--no-ext-diff", from}
	if to != "" {
		args = append(args, to)
	}
	args = append(args, "--")
	dir = strings.TrimSuffix(dir, "/")
	if dir != "" {
		args = append(args, dir+"/")
	}
	out, err := r.output(ctx, args...)
	if err != nil {
		return nil, err
	}
	p := rawParser{r: bufio.NewReader(bytes.NewReader(out))}
	var changes []FileChange
	for {
		tok, err := p.token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		fc, err := p.change(tok)
		if err != nil {
			return nil, err
		}
		if to == "" && isZeroID(fc.NewID) {
			fc.NewID = ""
		}
		changes = append(changes, fc)
	}
	if to == "" {
		untracked, err := r.Untracked(ctx, dir)
		if err != nil {
			return nil, err
		}
		for _, path := range untracked {
			changes = append(changes, FileChange{Status: Added, OldPath: path, Path: path})
		}
	}
	return changes, nil
}

// Untracked lists the files under dir that git neither tracks nor ignores.
func (r *Repo) Untracked(ctx context.Context, dir string) ([]string, error) {
	args := []string{"ls-files", "--others", "--exclude-standard", "-z", "--full-name"}
	if dir = strings.TrimSuffix(dir, "/"); dir != "" {
		args = append(args, "--", dir+"/")
	}
	out, err := r.output(ctx, args...)
	if err != nil {
		return nil, err
	}
	var paths []string
	for _, p := range bytes.Split(out, []byte{0}) {
		if len(p) > 0 {
			paths = append(paths, string(p))
		}
	}
	return paths, nil
}

// rawParser reads git's "--raw -z" output: NUL-terminated tokens, where a change is a
// ":<modes> <ids> <status>" token followed by one path, or two for renames and copies.
type rawParser struct{ r *bufio.Reader }

func (p *rawParser) token() ([]byte, error) {
	for {
		tok, err := p.r.ReadBytes(0)
		if err == io.EOF && len(tok) == 0 {
			return nil, io.EOF
		}
		if err != nil && err != io.EOF {
			return nil, err
		}
		tok = bytes.TrimSuffix(tok, []byte{0})
		tok = bytes.TrimLeft(tok, "\n")
		if len(tok) > 0 {
			return tok, nil
		}
		if err == io.EOF {
			return nil, io.EOF
		}
	}
}

func (p *rawParser) change(meta []byte) (FileChange, error) {
	// :<old mode> <new mode> <old id> <new id> <status>[<score>]
	fields := strings.Fields(string(meta))
	if len(fields) != 5 || len(fields[4]) == 0 {
		return FileChange{}, fmt.Errorf("git printed a change okr cannot read: %q", meta)
	}
	fc := FileChange{Status: fields[4][0], OldID: fields[2], NewID: fields[3]}
	path, err := p.path()
	if err != nil {
		return fc, err
	}
	fc.OldPath, fc.Path = path, path
	if fc.Status == Renamed || fc.Status == Copied {
		if fc.Path, err = p.path(); err != nil {
			return fc, err
		}
	}
	if isZeroID(fc.OldID) {
		fc.OldID = ""
	}
	if isZeroID(fc.NewID) && fc.Status == Deleted {
		fc.NewID = ""
	}
	return fc, nil
}

func (p *rawParser) path() (string, error) {
	tok, err := p.r.ReadBytes(0)
	if err != nil {
		return "", fmt.Errorf("git output ended inside a change: %w", err)
	}
	return string(bytes.TrimSuffix(tok, []byte{0})), nil
}

func isZeroID(id string) bool { return strings.Trim(id, "0") == "" }

// LastCommit is what CommitAt found: the newest commit of a first-parent line dated on or before
// a moment, and the line's tip.
type LastCommit struct {
	// Hash and Time are the commit found; Hash is "" when no commit of the line is that old (the
	// history, or a shallow clone of it, starts later).
	Hash string
	Time time.Time
	// Tip is the newest commit of the line (what rev names) and TipTime its date; Oldest is the
	// date of the oldest commit the walk reached.
	Tip     string
	TipTime time.Time
	Oldest  time.Time
}

// CommitAt walks the first-parent line from rev ("" means HEAD) back, newest first, and returns
// the first commit whose committer date is not after until: the commit the branch was at then.
// Only commit headers are read, in one git process that stops at the commit found. A repository
// without commits yields a zero LastCommit.
func (r *Repo) CommitAt(ctx context.Context, rev string, until time.Time) (LastCommit, error) {
	var out LastCommit
	head := rev == ""
	if head {
		rev = "HEAD"
	}
	if err := r.checkRevs(rev); err != nil {
		return out, err
	}
	errFound := fmt.Errorf("found")
	err := r.stream(ctx, nil, func(stdout io.Reader) error {
		sc := bufio.NewScanner(stdout)
		for sc.Scan() {
			c, err := parseHeader(sc.Bytes())
			if err != nil {
				return err
			}
			if out.Tip == "" {
				out.Tip, out.TipTime = c.Hash, c.Time
			}
			out.Oldest = c.Time
			if !c.Time.After(until) {
				out.Hash, out.Time = c.Hash, c.Time
				return errFound
			}
		}
		return sc.Err()
	}, "log", "--first-parent", "--no-color", "--format=%H %ct", rev, "--")
	if err == errFound {
		err = nil
	}
	if err != nil && head && out.Tip == "" {
		if ok, herr := r.HasCommits(ctx); herr == nil && !ok {
			return LastCommit{}, nil // no commit yet
		}
	}
	return out, err
}
