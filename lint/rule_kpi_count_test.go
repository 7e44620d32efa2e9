package lint

import (
	"fmt"
	"strings"
	"testing"

	"github.com/okr-tool/okr/plan"
)

func TestKPICount(t *testing.T) {
	company := func(scope string, n int, extra ...string) Example {
		kpis := extra
		for i := range n {
			kpis = append(kpis, liveKPI(fmt.Sprintf("k%d", i)))
		}
		return onePlan(strings.Replace(quarter("2026-Q3", kpis...), "scope: sales", "scope: "+scope, 1))
	}
	checkRule(t, "kpi-count", []ruleCase{
		{"five", company("company", 5), nil},
		{"seven", company("company", 7), nil},
		{"teams are not counted", company("sales", 1), nil},
		{"retired KPIs do not count", company("company", 4, "id: old, name: Old, retired: replaced"),
			[]string{`plan.yaml:3:1: company plan "company" for 2026-Q3 has 4 live KPIs; choose 5 to 7 KPIs that best show how the company performs (add them under kpis:)`}},
		{"eight", company("company", 8),
			[]string{`plan.yaml:3:1: company plan "company" for 2026-Q3 has 8 live KPIs; keep 5 to 7 KPIs, the essential measures, and track the rest as key results or retire them`}},
		{"no kpis key points at the first key", onePlan("# The company's plan.\n\nperiod: 2026\nscope: company\nobjectives: []\n"),
			[]string{`plan.yaml:3:1: company plan "company" for 2026 has 0 live KPIs; choose 5 to 7 KPIs that best show how the company performs (add them under kpis:)`}},
	})
}

func TestKPICountLevels(t *testing.T) {
	r := newKPICount()
	r.levels = []plan.Level{plan.LevelTeam}
	r.min, r.max = 1, 2
	repo := plan.LoadSources("", []plan.Source{{File: "p.yaml", Named: true, Data: []byte(quarter("2026-Q3"))}}, 1)
	res := Run(repo, Options{Rules: []Rule{r}})
	if len(res.Findings) != 1 || !strings.Contains(res.Findings[0].Message, `team plan "sales" for 2026-Q3 has 0 live KPIs; choose 1 to 2 KPIs`) {
		t.Errorf("findings = %+v", res.Findings)
	}
	r.levels = []plan.Level{"division"}
	if r.Validate() == nil {
		t.Error("Validate accepts an unknown level")
	}
}
