package gitplan

import (
	"bytes"
	"context"
	"errors"
	"runtime"
	"slices"
	"time"

	"github.com/okr-tool/okr/history"
	"github.com/okr-tool/okr/plan"
	"github.com/okr-tool/okr/vcs"
	"golang.org/x/sync/errgroup"
)

// HistoryOptions say whose history to read.
type HistoryOptions struct {
	// Rev is the revision the plans were loaded at; "" means the work tree: HEAD and the
	// uncommitted changes on top of it.
	Rev string
	// Plans are the plans as loaded at Rev or from the work tree: the newest version of each.
	Plans *plan.Repository
	// Files limits the history to these plan files (relative to the plan root); nil means every
	// plan of Plans.
	Files map[string]bool
	// Base, when set, is the commit a pull request is compared with: the commits after it, and
	// uncommitted changes, are Pending, and the plans as they were at Base fill History.AtBase.
	Base string
	// Globs limit which paths hold plans at Base (the paths: setting); nil means every path.
	Globs []string
	// Today dates uncommitted changes.
	Today time.Time
	// Workers is the number of files parsed at once; 0 means GOMAXPROCS.
	Workers int
	// Since, when set, cuts the history at the last commit dated before it: each file's
	// history starts with the version that commit's tree holds (named by that commit, which may
	// not have changed the file), then every commit from Since on. It is the plan as it stood on
	// the eve of a period and what happened to it since, all the eased goalposts of the period
	// need (history.KeyResultEasings), for a walk of the period's commits only.
	Since time.Time
	// GoalpostsOnly skips the versions whose start, target, annual_target, threshold and
	// direction values read the same as those of the version before them: the history then
	// holds every change of a goalpost, for history.KeyResultEasings and KPIEasings, but not
	// every check-in, and most versions need no parsing.
	GoalpostsOnly bool
}

// History reads the history of the plans' files: every commit on the first-parent line (the
// commits as they landed on the branch) that changed one of them, following renames, plus the
// uncommitted changes in the work tree. Only the blobs of the files asked for are read and
// parsed, and the log stops once every file's creation has been seen. In a shallow clone the
// history ends at the clone's boundary, and History.Shallow says so.
func (r *Repo) History(ctx context.Context, opts HistoryOptions) (*history.History, error) {
	h := history.New()
	h.Base = opts.Base
	newest := map[string]*plan.Plan{} // plan file → the loaded plan
	for _, p := range opts.Plans.Plans {
		if opts.Files == nil || opts.Files[p.File] {
			newest[p.File] = p
		}
	}
	if len(newest) == 0 {
		return h, nil
	}
	if opts.Base != "" {
		if err := r.readBase(ctx, h, newest, opts); err != nil {
			return nil, err
		}
	}

	head := ""
	if opts.Rev != "" {
		c, err := r.Resolve(ctx, opts.Rev)
		if err != nil {
			return nil, err
		}
		head = c
	} else if ok, err := r.Git.HasCommits(ctx); err != nil {
		return nil, err
	} else if ok {
		head = "HEAD"
	}

	// Where each file was at the head commit, and which files have uncommitted changes.
	atHead := map[string]string{} // plan file → its path at head, relative to the top level
	dirty := map[string]bool{}
	for f := range newest {
		atHead[f] = r.gitPath(f)
	}
	if opts.Rev == "" {
		if head == "" {
			for f := range newest {
				dirty[f] = true
				delete(atHead, f)
			}
		} else {
			changes, err := r.Git.Diff(ctx, head, "", r.Prefix)
			if err != nil {
				return nil, err
			}
			for _, c := range changes {
				f, ok := r.planPath(c.Path)
				if !ok || newest[f] == nil || c.Status == vcs.Deleted {
					continue
				}
				dirty[f] = true
				switch c.Status {
				case vcs.Added, vcs.Copied:
					delete(atHead, f)
				case vcs.Renamed:
					atHead[f] = c.OldPath
				}
			}
		}
	}

	var pending map[string]bool
	if opts.Base != "" && head != "" {
		set, err := r.Git.Ancestry(ctx, opts.Base, head)
		if err != nil {
			return nil, err
		}
		pending = set
	}

	commits, err := r.follow(ctx, head, atHead, opts.Since)
	if err != nil {
		return nil, err
	}
	if err := r.markShallow(ctx, h, commits); err != nil {
		return nil, err
	}

	// Read every committed version but the newest when the loaded plan is that version. With
	// GoalpostsOnly, each file's versions are read oldest first, the newest too, and only those
	// whose goalposts differ from the version before are kept (the others are in same), so that
	// the blobs of check-ins are neither kept nor parsed; a file whose goalposts never moved
	// (moved[f] false) needs no parsing at all: its loaded plan is its history.
	var names []string
	var fileOf []string // with GoalpostsOnly, the file of each name
	seen := map[string]bool{}
	for f, vs := range commits.versions {
		for i := len(vs) - 1; i >= 0; i-- {
			v := vs[i]
			switch {
			case opts.GoalpostsOnly:
				names, fileOf = append(names, v.blob), append(fileOf, f)
			case i == 0 && !dirty[f]:
				// the loaded plan is this version
			case !seen[v.blob]:
				seen[v.blob] = true
				names = append(names, v.blob)
			}
		}
	}
	blobs := make(map[string][]byte, len(names))
	same := map[string]bool{}
	moved := map[string]bool{}
	last := map[string][]byte{} // with GoalpostsOnly, the goalposts of each file's version read last
	err = r.Git.ReadBlobs(ctx, names, plan.MaxFileSize, func(i int, data []byte, found bool) error {
		switch {
		case !found && opts.GoalpostsOnly:
			delete(last, fileOf[i])
			moved[fileOf[i]] = true
		case !found:
		case opts.GoalpostsOnly:
			g, prev := goalposts(data), last[fileOf[i]]
			last[fileOf[i]] = g
			if prev != nil && bytes.Equal(g, prev) {
				same[names[i]] = true
				return nil
			}
			if prev != nil {
				moved[fileOf[i]] = true
			}
			blobs[names[i]] = data
		default:
			blobs[names[i]] = data
		}
		return nil
	})
	if err != nil {
		return nil, err
	}

	files := make([]string, 0, len(newest))
	for f := range newest {
		files = append(files, f)
	}
	slices.Sort(files)
	plans := make([]*history.Plan, len(files))
	workers := opts.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	var g errgroup.Group
	g.SetLimit(workers)
	for i, f := range files {
		g.Go(func() error {
			ph := history.NewPlan(f)
			vs := commits.versions[f]
			if opts.GoalpostsOnly && !moved[f] && !dirty[f] {
				vs = vs[:min(len(vs), 1)] // no goalpost moved: the loaded plan is all there is
			}
			for j := len(vs) - 1; j >= 0; j-- {
				v := vs[j]
				rev := history.Revision{Commit: v.commit, Date: v.date, Pending: pending[v.commit]}
				if j == 0 && !dirty[f] {
					ph.Add(rev, newest[f])
					continue
				}
				data, ok := blobs[v.blob]
				switch {
				case !ok && same[v.blob]:
					continue // no goalpost moved (GoalpostsOnly)
				case !ok:
					ph.Add(rev, nil)
					continue
				}
				p, _ := plan.Parse(f, data)
				ph.Add(rev, p)
			}
			if dirty[f] {
				ph.Add(history.Revision{Date: opts.Today, Pending: opts.Base != ""}, newest[f])
			}
			plans[i] = ph
			return nil
		})
	}
	g.Wait() // the tasks cannot fail
	for i, f := range files {
		h.Plans[f] = plans[i]
	}
	return h, nil
}

// readBase fills h.AtBase with the plans as they were at opts.Base, matched to the newest plans
// by scope and period rather than by file, so that a plan moved to another file, with git mv
// or not, is still matched; and with the history of their files up to Base.
func (r *Repo) readBase(ctx context.Context, h *history.History, newest map[string]*plan.Plan, opts HistoryOptions) error {
	baseRepo, _, err := r.Load(ctx, opts.Base, LoadOptions{Globs: opts.Globs, Workers: opts.Workers})
	if err != nil {
		return err
	}
	files := map[string]bool{}
	for _, p := range newest {
		if !p.Scope.Set || !p.Period.Set {
			continue
		}
		if bp := baseRepo.Plan(p.Scope.Value, p.Period.Value); bp != nil {
			h.AtBase[p.Key()] = &history.BasePlan{Plan: bp}
			files[bp.File] = true
		}
	}
	if len(files) == 0 {
		return nil
	}
	bh, err := r.History(ctx, HistoryOptions{Rev: opts.Base, Plans: baseRepo, Files: files, Workers: opts.Workers})
	if err != nil {
		return err
	}
	for _, bp := range h.AtBase {
		bp.History = bh.Plan(bp.Plan.File)
	}
	return nil
}

// version is one committed content of a followed file.
type version struct {
	commit string
	date   time.Time
	blob   string // the blob's hash, or "<commit>:<path>"
	// path is the file's path in the commit, relative to the top level; merged is the commit's
	// second parent when the commit is a merge.
	path, merged string
}

// goalposts returns the values of a plan file's start, target, annual_target, threshold and
// direction keys (the goalposts history.Eases knows), without parsing it: the text after each
// "start:", "target:" (also "annual_target:"), "threshold:" or "direction:"
// that follows a space, "{", "," or a line's start, up to the next ",", "}" or line end. Two
// versions whose goalposts read the same set the same goalposts; the converse need not hold (a
// comment may mention one), which costs a parse, never a missed change.
func goalposts(data []byte) []byte {
	var out []byte
	for _, key := range [...][]byte{[]byte("start:"), []byte("target:"), []byte("threshold:"), []byte("direction:")} {
		rest := data
		for {
			i := bytes.Index(rest, key)
			if i < 0 {
				break
			}
			at := len(data) - len(rest) + i
			rest = rest[i+len(key):]
			if at > 0 && !bytes.ContainsRune([]byte(" \t{,\n_"), rune(data[at-1])) {
				continue // part of another word
			}
			end := bytes.IndexAny(rest, ",}\n")
			if end < 0 {
				end = len(rest)
			}
			out = append(out, key[0])
			out = append(out, bytes.TrimSpace(rest[:end])...)
			out = append(out, 0)
		}
	}
	return out
}

// followed is what walking the log found: each file's versions, newest first.
type followed struct {
	versions map[string][]version
}

// markShallow sets h.Shallow when a followed file's history begins at a commit where a shallow
// clone is cut: the file is older than the history goes back.
func (r *Repo) markShallow(ctx context.Context, h *history.History, f followed) error {
	cut, err := r.Git.ShallowCommits(ctx)
	if err != nil || len(cut) == 0 {
		return err
	}
	for _, vs := range f.versions {
		if oldest := vs[len(vs)-1]; cut[oldest.commit] {
			h.Shallow, h.Since = true, oldest.date
		}
	}
	return nil
}

var errAllFound = errors.New("every file's creation was found")

// follow walks the first-parent log from head and collects the versions of the files whose
// paths at head are given, following renames back. It stops once every file's creation has
// been seen, or at the first commit dated before since (when set), whose tree gives each file
// still followed its oldest version.
func (r *Repo) follow(ctx context.Context, head string, atHead map[string]string, since time.Time) (followed, error) {
	out := followed{versions: map[string][]version{}}
	if head == "" || len(atHead) == 0 {
		return out, nil
	}
	alias := make(map[string]string, len(atHead)) // path in the commit being read → plan file
	for f, p := range atHead {
		alias[p] = f
	}
	record := func(f string, c *vcs.Commit, blob, path string) {
		v := version{commit: c.Hash, date: c.Time, blob: blob, path: path}
		if len(c.Parents) > 1 {
			v.merged = c.Parents[1]
		}
		vs := out.versions[f]
		if n := len(vs); n > 0 && vs[n-1].blob == blob {
			// The newer commit only renamed the file: the content dates from this one.
			vs[n-1] = v
			return
		}
		out.versions[f] = append(vs, v)
	}
	err := r.Git.Log(ctx, vcs.LogOptions{Rev: head, Dir: r.Prefix, FirstParent: true}, func(c *vcs.Commit) error {
		if !since.IsZero() && c.Time.Before(since) {
			for p, f := range alias {
				record(f, c, c.Hash+":"+p, p)
			}
			return errAllFound
		}
		for _, ch := range c.Changes {
			f, ok := alias[ch.Path]
			if !ok {
				continue
			}
			switch ch.Status {
			case vcs.Modified, vcs.TypeChg:
				record(f, c, ch.NewID, ch.Path)
			case vcs.Added, vcs.Copied:
				record(f, c, ch.NewID, ch.Path)
				delete(alias, ch.Path)
			case vcs.Renamed:
				record(f, c, ch.NewID, ch.Path)
				delete(alias, ch.Path)
				alias[ch.OldPath] = f
			}
		}
		if len(alias) == 0 {
			return errAllFound
		}
		return nil
	})
	if errors.Is(err, errAllFound) {
		err = nil
	}
	if err != nil {
		return out, err
	}
	for _, vs := range out.versions {
		for i, v := range vs {
			if v.merged == "" || v.blob == v.commit+":"+v.path {
				continue
			}
			if a, ok, err := r.authored(ctx, v); err != nil {
				return out, err
			} else if ok {
				vs[i].commit, vs[i].date = a.Hash, a.Time
			}
		}
	}
	return out, nil
}

// authored finds the commit that wrote a merged version of a file: the newest commit on the
// merged branch's first-parent line, among those the merge brought in, that changed the file,
// when it left the very content the merge has. A pull request's change is then named by the
// same commit before and after it is merged, in lint and in the report alike. ok is false when
// the merge itself made the content (a conflict resolved, a file changed on both sides) or no
// such commit is found: the merge then stands for the change.
func (r *Repo) authored(ctx context.Context, v version) (found *vcs.Commit, ok bool, err error) {
	path := v.path
	err = r.Git.Log(ctx, vcs.LogOptions{Rev: v.commit + "^1.." + v.merged, Dir: r.Prefix, FirstParent: true}, func(c *vcs.Commit) error {
		for _, ch := range c.Changes {
			if ch.Path != path {
				continue
			}
			if ch.NewID == v.blob && ch.Status != vcs.Deleted {
				found, ok = c, true
			}
			return errAllFound
		}
		return nil
	})
	if errors.Is(err, errAllFound) {
		err = nil
	}
	return found, ok, err
}
