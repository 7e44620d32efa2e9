package plandiff_test

import (
	"testing"
	"time"

	"github.com/okr-tool/okr/plandiff"
	"github.com/okr-tool/okr/plandiff/plandifftest"
)

// A maintain key result's threshold and direction are what it holds: a change to either is a
// change of the key result.
func TestCompareMaintainThreshold(t *testing.T) {
	plan := func(threshold string) map[string]string {
		return map[string]string{"sales.yaml": "period: 2026-Q3\nscope: sales\nobjectives:\n  - id: keep\n    title: Keep\n    key_results:\n" +
			"      - {id: healthy, title: Keep clients healthy, type: maintain, threshold: " + threshold + ", current: 19}\n"}
	}
	d := plandiff.Compare(plandifftest.Load(t, plan("20")), plandifftest.Load(t, plan("18, direction: up")), plandiff.Options{AsOf: time.Date(2026, 8, 15, 0, 0, 0, 0, time.UTC)})
	if len(d.Plans) != 1 || len(d.Plans[0].Objectives) != 1 || len(d.Plans[0].Objectives[0].KeyResults) != 1 {
		t.Fatalf("diff: %+v", d)
	}
	got := map[string]string{}
	for _, f := range d.Plans[0].Objectives[0].KeyResults[0].Fields {
		got[f.Name] = f.Old + " → " + f.New
	}
	if got["threshold"] != "20 → 18" || got["direction"] != " → up" {
		t.Errorf("fields %v; want threshold 20 → 18 and direction → up", got)
	}
}
