package lint

import (
	"errors"
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/okr-tool/okr/history"
	"github.com/okr-tool/okr/plan"
)

// fakeHistory records what the engine asks of the plans' history.
type fakeHistory struct {
	pullRequest bool
	err         error
	asked       [][]string
}

func (f *fakeHistory) PullRequest() bool { return f.pullRequest }

func (f *fakeHistory) History(_ *plan.Repository, files map[string]bool) (*history.History, error) {
	var list []string
	for file := range files {
		list = append(list, file)
	}
	slices.Sort(list)
	f.asked = append(f.asked, list)
	if f.err != nil {
		return nil, f.err
	}
	h := history.New()
	if f.pullRequest {
		h.Base = "base"
	}
	return h, nil
}

// The engine reads history only when a rule that is on needs it, once, for the files those
// rules read: kpi-stale the plans under way on the day of the run, moved-goalposts (in
// pull-request mode only) the reported files.
func TestHistoryIsReadOnlyForTheRulesThatNeedIt(t *testing.T) {
	repo := plan.LoadSources("", []plan.Source{
		{File: "q2.yaml", Data: []byte(quarter("2026-Q2"))},
		{File: "q3.yaml", Data: []byte(quarter("2026-Q3"))},
		{File: "q4.yaml", Data: []byte(quarter("2026-Q4"))},
	}, 1)
	day := time.Date(2026, 8, 10, 0, 0, 0, 0, time.UTC)
	stale := map[string]Severity{"kpi-stale": Warning}
	for _, tt := range []struct {
		name        string
		pullRequest bool
		severity    map[string]Severity
		files       map[string]bool
		want        string
	}{
		{name: "defaults", want: "[]"},
		{name: "kpi-stale on", severity: stale, want: "[[q3.yaml]]"},
		{name: "pull request", pullRequest: true, files: map[string]bool{"q4.yaml": true}, want: "[[q4.yaml]]"},
		{name: "pull request and kpi-stale", pullRequest: true, severity: stale, files: map[string]bool{"q4.yaml": true}, want: "[[q3.yaml q4.yaml]]"},
		{name: "pull request, moved-goalposts off", pullRequest: true, severity: map[string]Severity{"moved-goalposts": Off}, want: "[]"},
	} {
		hp := &fakeHistory{pullRequest: tt.pullRequest}
		Run(repo, Options{Severity: tt.severity, Files: tt.files, AsOf: day, HistoryProvider: hp})
		if got := fmt.Sprint(hp.asked); got != tt.want {
			t.Errorf("%s: asked for %s, want %s", tt.name, got, tt.want)
		}
	}
}

func TestHistoryThatCannotBeReadSkipsTheRules(t *testing.T) {
	repo := plan.LoadSources("", []plan.Source{{File: "q3.yaml", Data: []byte(quarter("2026-Q3"))}}, 1)
	failed := errors.New("no git here")
	res := Run(repo, Options{
		Severity:        map[string]Severity{"kpi-stale": Warning},
		AsOf:            time.Date(2026, 8, 10, 0, 0, 0, 0, time.UTC),
		HistoryProvider: &fakeHistory{err: failed},
	})
	if len(res.Skipped) != 1 || res.Skipped[0].Rule != "kpi-stale" || res.Skipped[0].Err != failed {
		t.Errorf("skipped = %+v, want kpi-stale with the error", res.Skipped)
	}
}
