package checkin

import (
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/okr-tool/okr/report"
)

// Print writes each update (old → new, with the key result's new score) and the findings the
// check-in created. path shows a repository-relative file the way the user sees it.
func (r *Result) Print(w io.Writer, path func(string) string) error {
	var table strings.Builder
	tw := tabwriter.NewWriter(&table, 0, 0, 2, ' ', 0)
	file := ""
	for _, u := range r.Updates {
		if u.File != file {
			file = u.File
			fmt.Fprintf(tw, "%s (%s, %s)\n", path(u.File), u.Scope, u.Period)
		}
		fmt.Fprintf(tw, "  %s\t%s\t%s\n", u.label(), u.change(), u.score())
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	// A line without a score would end in the padding of its last column.
	if table.Len() > 0 {
		for _, line := range strings.Split(strings.TrimSuffix(table.String(), "\n"), "\n") {
			if _, err := fmt.Fprintln(w, strings.TrimRight(line, " ")); err != nil {
				return err
			}
		}
	}
	if len(r.Files) == 0 {
		fmt.Fprintln(w, "nothing changed: every value already was as given")
	}
	if len(r.Findings) > 0 {
		fmt.Fprintf(w, "\nthe check-in creates %s:\n", plural(len(r.Findings), "finding"))
		for _, f := range r.Findings {
			fmt.Fprintf(w, "  %s:%d:%d: %s: %s [%s]\n", path(f.File), f.Pos.Line, f.Pos.Col, f.Severity, f.Message, f.Rule)
		}
	}
	return nil
}

func (u Update) label() string {
	if u.KPI {
		return "KPI " + u.ID
	}
	return u.ID
}

func (u Update) change() string {
	old := u.Old
	if old == "" {
		old = "(none)"
	}
	return fmt.Sprintf("%s %s → %s", u.Field, old, u.New)
}

func (u Update) score() string {
	if u.ScoreNew == nil {
		return ""
	}
	return "score " + scoreText(*u.ScoreOld) + " → " + scoreText(*u.ScoreNew)
}

func scoreText(s report.KRScore) string {
	if s.NoData() {
		return "no data"
	}
	return report.FormatScore(s.Value)
}

func plural(n int, what string) string {
	if n == 1 {
		return "1 " + what
	}
	return fmt.Sprintf("%d %ss", n, what)
}

// CommitMessage is the message of a commit that records the check-in: a subject naming the
// plans, and one line per change.
func (r *Result) CommitMessage() string {
	var plans []string
	for _, u := range r.Updates {
		p := u.Scope + " " + u.Period.String()
		if len(plans) == 0 || plans[len(plans)-1] != p {
			plans = append(plans, p)
		}
	}
	var b strings.Builder
	fmt.Fprintf(&b, "check-in: %s\n\n", strings.Join(plans, ", "))
	for _, u := range r.Updates {
		fmt.Fprintf(&b, "%s %s: %s\n", u.Scope, u.label(), u.change())
	}
	return b.String()
}
