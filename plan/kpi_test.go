package plan_test

import (
	"testing"

	"github.com/okr-tool/okr/plan"
)

// parseOne parses a plan that must have no problems.
func parseOne(t *testing.T, text string) *plan.Plan {
	t.Helper()
	p, diags := plan.Parse("p.yaml", []byte(text))
	if p == nil || len(diags) > 0 {
		t.Fatalf("not a valid plan: %v", diags)
	}
	return p
}

func TestKPIReading(t *testing.T) {
	head := "period: 2026-Q3\nscope: sales\nkpis:\n  - {id: nps, name: NPS, actual: 47}\nobjectives:\n  - id: grow\n    title: Grow\n    key_results:\n"
	cases := []struct {
		name string
		krs  string
		want float64
	}{
		{"the actual when no key result links the KPI", "      - {id: a, title: a, start: 1, target: 2, current: 9}\n", 47},
		{"the linked outcome's current", "      - {id: a, title: a, start: 40, target: 60, current: 48, kpi: nps}\n", 48},
		{"the actual while the linked outcome has no current", "      - {id: a, title: a, start: 40, target: 60, kpi: nps}\n", 47},
		{"an effort key result never counts", "      - {id: e, title: e, type: effort, progress: 0.5, kpi: nps}\n" +
			"      - {id: a, title: a, start: 40, target: 60, current: 48, kpi: nps}\n", 48},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			k := parseOne(t, head+c.krs).KPI("nps")
			if got, ok := k.Reading(); !ok || got != c.want {
				t.Errorf("Reading() = %v, %v; want %v", got, ok, c.want)
			}
		})
	}

	// A current on an effort key result is a schema error, but the model can still hold one:
	// it is not a reading.
	p := parseOne(t, head+"      - {id: e, title: e, type: effort, progress: 0.5, kpi: nps}\n")
	p.Objectives[0].KeyResults[0].Current = plan.Field[float64]{Value: 50, Set: true}
	if got, ok := p.KPI("nps").Reading(); !ok || got != 47 {
		t.Errorf("with an effort key result's current: Reading() = %v, %v; want 47", got, ok)
	}
	p.KPI("nps").Actual = plan.Field[float64]{}
	if got, ok := p.KPI("nps").Reading(); ok {
		t.Errorf("without actual: Reading() = %v, true; want none", got)
	}
}

func TestKPIEffectiveDirection(t *testing.T) {
	head := "period: 2026-Q3\nscope: sales\nobjectives:\n  - id: grow\n    title: Grow\n    key_results:\n"
	cases := []struct {
		name, kpi, krs string
		want           plan.Direction
	}{
		{"stated", "{id: k, name: k, direction: down}", "      - {id: a, title: a, start: 1, target: 2, kpi: k}\n", plan.Down},
		{"from the linked outcome", "{id: k, name: k}", "      - {id: a, title: a, start: 9, target: 2, kpi: k}\n", plan.Down},
		{"up by default", "{id: k, name: k}", "      - {id: a, title: a, start: 9, target: 2}\n", plan.Up},
		{"not from an effort key result", "{id: k, name: k}", "      - {id: e, title: e, type: effort, done: false, kpi: k}\n" +
			"      - {id: a, title: a, start: 9, target: 2, kpi: k}\n", plan.Down},
		{"from the first linked key result that implies one", "{id: k, name: k}", "      - {id: f, title: f, start: 5, target: 5, kpi: k}\n" +
			"      - {id: a, title: a, start: 9, target: 2, kpi: k}\n", plan.Down},
		{"from a maintain key result", "{id: k, name: k}", "      - {id: m, title: m, type: maintain, threshold: 5, direction: down, kpi: k}\n", plan.Down},
		{"a maintain key result without a direction implies none", "{id: k, name: k}", "      - {id: m, title: m, type: maintain, threshold: 5, kpi: k}\n", plan.Up},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			k := parseOne(t, "kpis:\n  - "+c.kpi+"\n"+head+c.krs).KPI("k")
			if got := k.Direction.Value; got != c.want {
				t.Errorf("decoded direction = %q; want %q", got, c.want)
			}
			// The same answer for a KPI built without decoding.
			k.Direction = plan.Field[plan.Direction]{}
			if c.name == "stated" {
				return
			}
			if got := k.EffectiveDirection(); got != c.want {
				t.Errorf("EffectiveDirection() = %q; want %q", got, c.want)
			}
		})
	}
}

func TestEffectiveLevel(t *testing.T) {
	cases := []struct {
		scope string
		level plan.Level // as written; "" for none
		want  plan.Level
	}{
		{"company", "", plan.LevelCompany},
		{"sales", "", plan.LevelTeam},
		{"jonas", plan.LevelIndividual, plan.LevelIndividual},
		{"company", plan.LevelTeam, plan.LevelTeam},
	}
	for _, c := range cases {
		p := &plan.Plan{Scope: plan.Field[string]{Value: c.scope, Set: true}, Level: plan.Field[plan.Level]{Value: c.level, Set: c.level != ""}}
		if got := p.EffectiveLevel(); got != c.want {
			t.Errorf("EffectiveLevel(%s, %q) = %q; want %q", c.scope, c.level, got, c.want)
		}
		text := "period: 2026-Q3\nscope: " + c.scope + "\n"
		if c.level != "" {
			text += "level: " + string(c.level) + "\n"
		}
		if got := parseOne(t, text).Level.Value; got != c.want {
			t.Errorf("decoded level of %s, %q = %q; want %q", c.scope, c.level, got, c.want)
		}
	}
}
