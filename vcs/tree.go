package vcs

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// File modes of tree entries.
const (
	ModeFile       = "100644"
	ModeExecutable = "100755"
	ModeSymlink    = "120000"
	ModeSubmodule  = "160000"
)

// TreeEntry is one entry of a tree listed recursively.
type TreeEntry struct {
	Path string // relative to the top level, forward slashes
	Mode string // one of the Mode constants
	Type string // "blob", or "commit" for a submodule
	ID   string // object hash
	Size int64  // the blob's size in bytes; 0 for a submodule
}

// IsFile reports whether the entry is a regular file (executable or not).
func (e TreeEntry) IsFile() bool { return e.Mode == ModeFile || e.Mode == ModeExecutable }

// ListTree lists every file of a commit's tree under dir (relative to the top level, "" for
// all), recursively.
func (r *Repo) ListTree(ctx context.Context, commit, dir string) ([]TreeEntry, error) {
	if err := r.checkRevs(commit); err != nil {
		return nil, err
	}
	args := []string{"ls-tree", "-r", "-z", "--long", "--full-tree", commit}
	if dir = strings.TrimSuffix(dir, "/"); dir != "" {
		args = append(args, "--", dir+"/")
	}
	out, err := r.output(ctx, args...)
	if err != nil {
		return nil, err
	}
	var entries []TreeEntry
	for _, rec := range bytes.Split(out, []byte{0}) {
		if len(rec) == 0 {
			continue
		}
		// <mode> SP <type> SP <object> SP+ <size> TAB <path>; the size is "-" for a submodule
		meta, path, ok := bytes.Cut(rec, []byte{'\t'})
		fields := strings.Fields(string(meta))
		if !ok || len(fields) != 4 {
			return nil, fmt.Errorf("git ls-tree printed an entry okr cannot read: %q", rec)
		}
		size, _ := strconv.ParseInt(fields[3], 10, 64)
		entries = append(entries, TreeEntry{Path: string(path), Mode: fields[0], Type: fields[1], ID: fields[2], Size: size})
	}
	return entries, nil
}

// ReadBlobs reads objects in one "git cat-file --batch" run and calls fn for each, in the order
// of names. A name is an object hash or "<revision>:<path>". found is false when there is no
// such object. Content beyond maxSize bytes is dropped, keeping one byte more so that the caller
// sees the object was too big; maxSize <= 0 means no limit.
func (r *Repo) ReadBlobs(ctx context.Context, names []string, maxSize int, fn func(i int, data []byte, found bool) error) error {
	if len(names) == 0 {
		return nil
	}
	for _, n := range names {
		if strings.ContainsAny(n, "\n\r") {
			return fmt.Errorf("cannot read %q from git: the name has a line break", n)
		}
	}
	in, feed := io.Pipe()
	go func() {
		w := bufio.NewWriter(feed)
		for _, n := range names {
			w.WriteString(n)
			w.WriteByte('\n')
		}
		feed.CloseWithError(w.Flush())
	}()
	defer in.Close()
	return r.stream(ctx, in, func(out io.Reader) error {
		br := bufio.NewReaderSize(out, 1<<16)
		for i := range names {
			header, err := br.ReadString('\n')
			if err != nil {
				return fmt.Errorf("git cat-file stopped early: %w", err)
			}
			// "<name> missing" and "<name> ambiguous" repeat the name asked for, which may hold
			// spaces ("<commit>:my plans/.okr.yaml"); a found object's header never ends so.
			if strings.HasSuffix(header, " missing\n") || strings.HasSuffix(header, " ambiguous\n") {
				if err := fn(i, nil, false); err != nil {
					return err
				}
				continue
			}
			fields := strings.Fields(header) // <object> <type> <size>
			if len(fields) != 3 {
				return fmt.Errorf("git cat-file printed a header okr cannot read: %q", header)
			}
			size, err := strconv.Atoi(fields[2])
			if err != nil || size < 0 {
				return fmt.Errorf("git cat-file printed a header okr cannot read: %q", header)
			}
			keep := size
			if maxSize > 0 && keep > maxSize+1 {
				keep = maxSize + 1
			}
			data := make([]byte, keep)
			if _, err := io.ReadFull(br, data); err != nil {
				return fmt.Errorf("git cat-file stopped early: %w", err)
			}
			if _, err := br.Discard(size - keep + 1); err != nil { // the rest and the newline
				return fmt.Errorf("git cat-file stopped early: %w", err)
			}
			if err := fn(i, data, true); err != nil {
				return err
			}
		}
		return nil
	}, "cat-file", "--batch")
}
