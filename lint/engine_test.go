package lint

import (
	"testing"

	"github.com/okr-tool/okr/plan"
)

// TestNamedFiles pins that cross-plan rules see the whole repository while only the named
// files' findings are reported.
func TestNamedFiles(t *testing.T) {
	k := liveKPI("nps")
	repo := plan.LoadSources("", []plan.Source{
		{File: "2026-Q4.yaml", Data: []byte(quarter("2026-Q4", k))},
		{File: "2027-Q1.yaml", Data: []byte(quarter("2027-Q1", k))},
		{File: "2027-Q2.yaml", Data: []byte(quarter("2027-Q2") + "\n")},
	}, 2)
	off := map[string]Severity{"kpi-count": Off, "empty-plan": Off}
	all := Run(repo, Options{Severity: off})
	if len(all.Findings) != 1 || all.Findings[0].File != "2027-Q2.yaml" {
		t.Fatalf("findings = %+v, want one in 2027-Q2.yaml", all.Findings)
	}
	named := Run(repo, Options{Severity: off, Files: map[string]bool{"2027-Q2.yaml": true}})
	if len(named.Findings) != 1 || named.Summary.Files != 1 || named.Summary.Plans != 1 || named.Summary.Errors != 1 {
		t.Errorf("naming 2027-Q2.yaml: %+v", named)
	}
	other := Run(repo, Options{Severity: off, Files: map[string]bool{"2026-Q4.yaml": true}})
	if len(other.Findings) != 0 || other.Findings == nil {
		t.Errorf("naming 2026-Q4.yaml: findings = %#v, want an empty list", other.Findings)
	}
}

func TestSeverityOverride(t *testing.T) {
	repo := plan.LoadSources("", []plan.Source{{File: "p.yaml", Data: []byte(quarter("2026-Q3", "id: a, name: A, source: S, frequency: yearly, target: 1, actual: 1"))}}, 1)
	res := Run(repo, Options{Severity: map[string]Severity{"kpi-cadence": Error, "kpi-count": Off}})
	if len(res.Findings) != 1 || res.Findings[0].Severity != Error || res.Summary.Errors != 1 || res.Summary.Warnings != 0 {
		t.Errorf("result = %+v", res)
	}
	res = Run(repo, Options{Severity: map[string]Severity{"kpi-cadence": Off, "kpi-count": Off}})
	if len(res.Findings) != 0 {
		t.Errorf("a rule that is off reported %+v", res.Findings)
	}
}
