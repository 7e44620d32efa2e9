package plan_test

import (
	"strings"
	"testing"

	"github.com/okr-tool/okr/plan"
)

func TestMaintainKeyResult(t *testing.T) {
	head := "period: 2026-Q3\nscope: cs\nkpis:\n  - {id: healthy, name: Healthy clients, direction: up}\nobjectives:\n  - id: keep\n    title: Keep\n    key_results:\n"
	p := parseOne(t, head+"      - {id: hold, title: Keep clients rated healthy at or above 20%, type: maintain, threshold: 20, direction: up, current: 21, kpi: healthy}\n")
	kr := p.Objectives[0].KeyResults[0]
	if kr.Type.Value != plan.Maintain || !kr.Threshold().Set || kr.Threshold().Value != 20 || kr.HoldDirection().Value != plan.Up || !kr.HoldDirection().Set {
		t.Errorf("decoded %+v", kr)
	}
	if g := kr.Goal(); !g.Set || g.Value != 20 {
		t.Errorf("Goal() = %+v; want the threshold", g)
	}
	if got, ok := p.KPI("healthy").Reading(); !ok || got != 21 {
		t.Errorf("a maintain key result's current is the KPI's reading: got %v, %v", got, ok)
	}

	// Without a direction, a maintain key result holds the side its KPI states.
	p = parseOne(t, strings.Replace(head, "direction: up", "direction: down", 1)+"      - {id: hold, title: t, type: maintain, threshold: 20, kpi: healthy}\n")
	if d := p.Objectives[0].KeyResults[0].Direction(); d != plan.Down {
		t.Errorf("Direction() = %q; want the KPI's down", d)
	}
}

func TestKeyResultFieldsOfAnotherType(t *testing.T) {
	head := "period: 2026-Q3\nscope: cs\nobjectives:\n  - id: keep\n    title: Keep\n    key_results:\n"
	cases := []struct{ name, kr, want string }{
		{"start on maintain", "{id: a, title: a, type: maintain, threshold: 20, start: 20}",
			"p.yaml:7:58: start is not used by a maintain key result, which holds current at its threshold; write threshold: and direction:, or make it an outcome [schema]"},
		{"threshold on an outcome", "{id: a, title: a, start: 1, target: 2, threshold: 2}",
			"p.yaml:7:48: threshold is for maintain key results, but this one is an outcome; add type: maintain to hold a level, or remove it (an outcome's direction follows from start and target) [schema]"},
		{"direction on effort", "{id: a, title: a, type: effort, done: true, direction: up}",
			"p.yaml:7:53: direction is for maintain key results, but this one is type: effort; track it with progress or done:, or make it type: maintain [schema]"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, diags := plan.Parse("p.yaml", []byte(head+"      - "+c.kr+"\n"))
			var got []string
			for _, d := range diags {
				got = append(got, d.String())
			}
			if strings.Join(got, "\n") != c.want {
				t.Errorf("got:\n%s\nwant:\n%s", strings.Join(got, "\n"), c.want)
			}
		})
	}
}

func TestGradeScale(t *testing.T) {
	if p := parseOne(t, "period: 2026-Q3\nscope: cs\ngrade_scale: 100\n"); p.GradeMax() != 100 {
		t.Errorf("GradeMax() = %v; want 100", p.GradeMax())
	}
	if p := parseOne(t, "period: 2026-Q3\nscope: cs\n"); p.GradeMax() != 1 {
		t.Errorf("GradeMax() = %v; want 1", p.GradeMax())
	}
	p, diags := plan.Parse("p.yaml", []byte("period: 2026-Q3\nscope: cs\ngrade_scale: 10\n"))
	if len(diags) != 1 || !strings.Contains(diags[0].Message, "grade_scale 10 is not valid") || p.GradeMax() != 1 {
		t.Errorf("grade_scale 10: %v, GradeMax %v", diags, p.GradeMax())
	}
}
