// Package gitplantest builds git repositories of plans with a history of check-ins, for
// benchmarks and tests. It writes the whole history with one "git fast-import" run, so that a
// repository of thousands of commits takes seconds to build.
package gitplantest

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"strconv"
	"time"

	"github.com/okr-tool/okr/plan/plantest"
)

// History describes a generated history: the plans of Repo, each quarter's plans committed at
// the start of the quarter, then Commits check-ins spread evenly over the quarters, each
// updating the current and actual values of PerCommit plans of its quarter.
type History struct {
	Repo      plantest.Repo
	Commits   int
	PerCommit int
}

// Large is the benchmark history: 1,000 commits of check-ins, ten plans each, across the 2,008
// plans of plantest.Large.
var Large = History{Repo: plantest.Large, Commits: 1000, PerCommit: 10}

// Build creates a git repository in dir (which must be empty or absent) holding the history,
// with branch main checked out.
func (h History) Build(dir string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	if err := git(dir, nil, "init", "-q", "-b", "main"); err != nil {
		return err
	}
	// fast-import reads a file far faster than a pipe.
	stream, err := os.CreateTemp("", "okr-history-*.fi")
	if err != nil {
		return err
	}
	defer os.Remove(stream.Name())
	defer stream.Close()
	var buf bytes.Buffer
	h.write(&buf)
	if _, err := buf.WriteTo(stream); err != nil {
		return err
	}
	if _, err := stream.Seek(0, 0); err != nil {
		return err
	}
	if err := git(dir, stream, "fast-import", "--quiet", "--done"); err != nil {
		return err
	}
	return git(dir, nil, "checkout", "-q", "-f", "main")
}

// write produces the fast-import stream.
func (h History) write(out *bytes.Buffer) {
	w := bufio.NewWriter(out)
	defer w.Flush()
	byQuarter := map[string][]plantest.File{}
	var quarters []string
	for _, f := range h.Repo.Files() {
		q := f.Path[len("plans/"):]
		q = q[:len(h.Repo.First.String())]
		if _, ok := byQuarter[q]; !ok {
			quarters = append(quarters, q)
		}
		byQuarter[q] = append(byQuarter[q], f)
	}
	content := map[string][]byte{}
	mark := 0
	commit := func(when time.Time, msg string, files []plantest.File) {
		mark++
		fmt.Fprintf(w, "commit refs/heads/main\nmark :%d\ncommitter Plan Bot <plans@example.com> %d +0000\n", mark, when.Unix())
		fmt.Fprintf(w, "data %d\n%s\n", len(msg), msg)
		if mark > 1 {
			fmt.Fprintf(w, "from :%d\n", mark-1)
		}
		for _, f := range files {
			fmt.Fprintf(w, "M 100644 inline %s\ndata %d\n", f.Path, len(f.Data))
			w.Write(f.Data)
			w.WriteByte('\n')
		}
	}

	perQuarter := h.Commits / max(len(quarters), 1)
	n := 0
	for qi, q := range quarters {
		period := h.Repo.First
		for range qi {
			period = period.Next()
		}
		start := period.Start().Add(-24 * time.Hour)
		files := byQuarter[q]
		if qi == 0 {
			files = append([]plantest.File{{Path: ".okr.yaml", Data: []byte("# generated plan repository\n")}}, files...)
		}
		for _, f := range files {
			content[f.Path] = f.Data
		}
		commit(start, "Plans for "+q, files)
		count := perQuarter
		if qi == len(quarters)-1 {
			count = h.Commits - n
		}
		span := period.End().Sub(period.Start())
		plans := byQuarter[q]
		for c := range count {
			when := period.Start().Add(span * time.Duration(c) / time.Duration(count+1)).Add(9 * time.Hour)
			var changed []plantest.File
			for k := range h.PerCommit {
				f := plans[(c*h.PerCommit+k)%len(plans)]
				data := checkIn(content[f.Path], c+1)
				content[f.Path] = data
				changed = append(changed, plantest.File{Path: f.Path, Data: data})
			}
			commit(when, fmt.Sprintf("Check-in %d of %s", c+1, q), changed)
			n++
		}
	}
	w.WriteString("done\n")
}

// checkIn raises every current and actual value of a plan a little.
func checkIn(data []byte, step int) []byte {
	out := make([]byte, 0, len(data)+64)
	for len(data) > 0 {
		line := data
		if i := bytes.IndexByte(data, '\n'); i >= 0 {
			line = data[:i+1]
		}
		data = data[len(line):]
		body := bytes.TrimLeft(line, " ")
		key := ""
		for _, k := range []string{"current: ", "actual: "} {
			if bytes.HasPrefix(body, []byte(k)) {
				key = k
			}
		}
		if key == "" {
			out = append(out, line...)
			continue
		}
		v, err := strconv.ParseFloat(string(bytes.TrimSpace(body[len(key):])), 64)
		if err != nil {
			out = append(out, line...)
			continue
		}
		v += 0.25 * float64(1+step%3)
		out = append(out, line[:len(line)-len(body)+len(key)]...)
		out = strconv.AppendFloat(out, v, 'f', -1, 64)
		out = append(out, '\n')
	}
	return out
}

func git(dir string, stdin *os.File, args ...string) error {
	cmd := exec.Command("git", append([]string{"-C", dir}, args...)...)
	if stdin != nil {
		cmd.Stdin = stdin
	}
	if out, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("git %s: %v\n%s", args[0], err, out)
	}
	return nil
}
