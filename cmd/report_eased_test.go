package cmd

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/okr-tool/okr/vcs/vcstest"
)

// TestReportShowsEasedTargetsByDefault: in git, every report shows a target cut after the
// quarter started beside its key result, without --history, in every format; check-ins after
// the cut change nothing. Outside git the same plan runs no git at all.
func TestReportShowsEasedTargetsByDefault(t *testing.T) {
	g := vcstest.New(t)
	g.Write("plans/2026-Q2/sales.yaml", strings.Replace(dealsPlan("12", ""), "2026-Q3", "2026-Q2", 1))
	g.Commit("2026-03-25T10:00:00Z", "Q2 plan")
	g.Write("plans/2026-Q3/sales.yaml", dealsPlan("12", ""))
	g.Commit("2026-06-25T10:00:00Z", "Q3 plan")
	g.Write("plans/2026-Q3/sales.yaml", dealsPlan("10", " # okr:ignore moved-goalposts two reps left in July"))
	cut := g.Commit("2026-08-03T10:00:00Z", "cut the deals target")
	for _, current := range []string{"11", "12"} {
		g.Write("plans/2026-Q3/sales.yaml", strings.Replace(dealsPlan("10", " # okr:ignore moved-goalposts two reps left in July"), "current: 10}", "current: "+current+"}", 1))
		g.Commit("2026-08-1"+current[1:]+"T10:00:00Z", "check-in")
	}
	sentence := `target eased from 12 to 10 on 2026-08-03 in commit ` + cut[:7] + `: two reps left in July`
	for format, want := range map[string]string{
		"table":    `(?m)^↘ grow/deals: ` + sentence + `\n`,
		"markdown": `(?m)^> ⚠️ ↘ Close new deals: ` + sentence + `\.$`,
		// Beside the key result, as a badge a room sees on the screen.
		"html": `<td class="kr-title">Close new deals(<br>[^<]*)*<br><span class="eased-badge">↘ target eased 12 → 10 on 3 Aug 2026 \(commit ` + cut[:7] + `\): two reps left in July</span></td>`,
		"json": `"eased": \[\n\s+\{\n\s+"field": "target",\n\s+"from": 12,\n\s+"to": 10,\n\s+"date": "2026-08-03",\n\s+"commit": "` + cut + `",\n\s+"reason": "two reps left in July"\n`,
		"csv":  `(?m),deals,Close new deals,.*,` + sentence + `,`,
		// A KPI target raised against its direction is eased too.
		"table ": `(?m)^↘ KPI churn: target eased from 5 to 6 on 2026-08-03 in commit ` + cut[:7] + `, no reason recorded$`,
	} {
		code, stdout, stderr := runIn(t, g.Dir, "report", "--as-of", "2026-08-20", "-f", strings.TrimSpace(format))
		if code != 0 {
			t.Fatalf("okr report -f %s exited %d: %s", format, code, stderr)
		}
		match(t, "okr report -f "+format, want, stdout)
		if stderr != "" {
			t.Errorf("okr report -f %s wrote to stderr: %s", format, stderr)
		}
	}
	// Uncommitted, and with the plans read at a commit.
	g.Write("plans/2026-Q3/sales.yaml", strings.Replace(dealsPlan("10", " # okr:ignore moved-goalposts two reps left in July"), "target: 10,", "target: 9,", 1))
	code, stdout, _ := runIn(t, g.Dir, "report", "--as-of", "2026-08-20")
	// One easing per goalpost, as lint reports it: the target on the eve of the quarter against
	// the target now, named by the revision that gave the value it has now.
	match(t, "okr report with an uncommitted cut", `(?m)^↘ grow/deals: target eased from 12 to 9 on 2026-08-20 in uncommitted changes: two reps left in July$`, stdout)
	if strings.Contains(stdout, sentence) {
		t.Errorf("okr report with an uncommitted cut still shows the earlier step:\n%s", stdout)
	}
	if code != 0 {
		t.Errorf("exit %d", code)
	}
	code, stdout, _ = runIn(t, g.Dir, "report", "--as-of", "2026-07-27", "-f", "json")
	if code != 0 || strings.Contains(stdout, `"eased"`) {
		t.Errorf("okr report --as-of 2026-07-27 (exit %d) shows an easing that had not happened:\n%s", code, stdout)
	}
	// Q2's plan is not Q3's: reporting Q2 reads no Q3 history.
	code, stdout, _ = runIn(t, g.Dir, "report", "--period", "2026-Q2", "--as-of", "2026-08-20", "-f", "json")
	if code != 0 || strings.Contains(stdout, `"eased"`) {
		t.Errorf("okr report --period 2026-Q2 (exit %d) shows an easing:\n%s", code, stdout)
	}

	// Outside git: the same plan, no easing, no git process (--as-of would look for git to say
	// that the values may be newer than the day).
	dir := t.TempDir()
	copyFile(t, g.Path("plans/2026-Q3/sales.yaml"), filepath.Join(dir, "plans/2026-Q3/sales.yaml"))
	if err := os.WriteFile(filepath.Join(dir, ".okr.yaml"), []byte("# plans\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	log := countGit(t)
	code, stdout, stderr := runIn(t, dir, "report", "--period", "2026-Q3")
	if code != 0 || strings.Contains(stdout, "eased") || stderr != "" {
		t.Errorf("outside git: exit %d:\n%s%s", code, stdout, stderr)
	}
	if data, _ := os.ReadFile(log); len(data) != 0 {
		t.Errorf("okr report outside git ran git:\n%s", data)
	}
}

// TestReportRefreshedBaselineIsNotEased: a Q4 plan drafted in September from Q3's numbers so
// far has its start set to Q3's final reading once Q3 closed. The report shows no easing.
func TestReportRefreshedBaselineIsNotEased(t *testing.T) {
	g := vcstest.New(t)
	g.Write(".okr.yaml", "# plans\n")
	g.Write("plans/2026-Q3/sales.yaml", salesPlan("2026-Q3", 80, 74))
	g.Commit("2026-06-20T10:00:00Z", "Q3 plan")
	g.Write("plans/2026-Q4/sales.yaml", q4Plan("76", "80"))
	g.Commit("2026-09-15T10:00:00Z", "draft Q4 from Q3 so far")
	g.Write("plans/2026-Q3/sales.yaml", salesPlan("2026-Q3", 80, 75))
	g.Write("plans/2026-Q4/sales.yaml", q4Plan("75", "80"))
	g.Commit("2026-10-02T10:00:00Z", "Q3 closed at 75: Q4 starts there")

	code, stdout, stderr := runIn(t, g.Dir, "report", "--as-of", "2026-10-06", "-f", "json")
	if code != 0 || strings.Contains(stdout, `"eased"`) {
		t.Errorf("a refreshed baseline is shown as eased (exit %d):\n%s%s", code, stdout, stderr)
	}
	// Lowered past the final reading, the start is eased.
	g.Write("plans/2026-Q4/sales.yaml", q4Plan("74", "80"))
	code, stdout, _ = runIn(t, g.Dir, "report", "--as-of", "2026-10-06")
	match(t, "okr report", `(?m)^↘ loyal/keep: start eased from 76 to 74 on 2026-10-06 in uncommitted changes, no reason recorded$`, stdout)
	if code != 0 {
		t.Errorf("exit %d", code)
	}
}
