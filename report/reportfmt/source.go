package reportfmt

// Which version of the plans a report read (report.Source), in every format: one sentence
// under the heading, and fields in JSON and CSV.

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/okr-tool/okr/report"
)

// sourceText is the sentence that names the version of the plans read, "" when the report is
// of today's files.
func sourceText(r *report.Report) string {
	if r.Source == nil {
		return ""
	}
	return r.Source.Text(r.AsOf)
}

// writeSourceLine writes the sentence on a line of its own, for the table format, whose
// heading lines start in lower case and end without a period.
func writeSourceLine(w io.Writer, r *report.Report) {
	if s := sourceText(r); s != "" {
		fmt.Fprintln(w, strings.ToLower(s[:1])+strings.TrimSuffix(s[1:], "."))
	}
}

// mdSource writes the sentence as a paragraph of its own, for the Markdown format.
func mdSource(w io.Writer, r *report.Report) {
	if s := sourceText(r); s != "" {
		fmt.Fprintf(w, "%s\n\n", mdEscape(s))
	}
}

// jsonSource is report.Source in JSON.
type jsonSource struct {
	Commit     *string `json:"commit"`      // the full hash of the commit read; null when files were read
	Date       *string `json:"commit_date"` // its date
	Rev        string  `json:"rev,omitempty"`
	WorkTree   bool    `json:"work_tree"`    // the files of a git work tree were read
	MayBeNewer bool    `json:"may_be_newer"` // the files may hold values entered after as_of
	Text       string  `json:"text"`
}

func toJSONSource(r *report.Report) *jsonSource {
	s := r.Source
	if s == nil {
		return nil
	}
	j := &jsonSource{Rev: s.Rev, WorkTree: s.WorkTree, MayBeNewer: s.MayBeNewer, Text: s.Text(r.AsOf)}
	if s.Commit != "" {
		date := s.Date.Format(time.DateOnly)
		j.Commit, j.Date = &s.Commit, &date
	}
	return j
}

// csvSourceHeader are the CSV columns that say which version of the plans was read.
var csvSourceHeader = []string{"commit", "may_be_newer"}

func csvSource(r *report.Report) []string {
	if r.Source == nil {
		return []string{"", "false"}
	}
	return []string{r.Source.Commit, strconv.FormatBool(r.Source.MayBeNewer)}
}
