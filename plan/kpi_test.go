package plan_test

import (
	"testing"
	"time"

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

// TestAnnualReading: an annual plan's KPI reads the latest quarter that has a reading and had
// started by the day; its own value counts only when no quarter has one.
func TestAnnualReading(t *testing.T) {
	quarter := func(q, reading string) plan.Source {
		return plan.Source{File: "plans/2026-Q" + q + ".yaml", Data: []byte("period: 2026-Q" + q + "\nscope: company\nkpis:\n" +
			"  - {id: nps, name: NPS" + reading + "}\n  - {id: arr, name: ARR}\nobjectives: []\n")}
	}
	annual := plan.Source{File: "plans/2026.yaml", Data: []byte(`period: 2026
scope: company
kpis:
  - {id: nps, name: NPS}
  - {id: arr, name: ARR}
  - {id: uptime, name: Uptime, actual: 99.9}
objectives:
  - id: o
    title: O
    key_results:
      - {id: nps-2026, title: NPS, start: 20, target: 40, current: 26, kpi: nps}
      - {id: arr-2026, title: ARR, start: 10, target: 20, current: 12, kpi: arr}
`)}
	repo := plan.LoadSources("", []plan.Source{annual, quarter("1", ", actual: 28"), quarter("2", ""), quarter("3", ", actual: 33"), quarter("4", ", actual: 36")}, 1)
	p := repo.Plan("company", plan.Period{Year: 2026})
	day := func(s string) time.Time { d, _ := time.Parse(time.DateOnly, s); return d }
	tests := []struct {
		kpi, asOf string
		want      float64
		from      string // the quarter the reading comes from; "" for the annual plan's own
	}{
		{"nps", "2026-08-15", 33, "2026-Q3"}, // Q4 had not started: its reading is not counted
		{"nps", "2026-10-01", 36, "2026-Q4"},
		{"nps", "2026-05-10", 28, "2026-Q1"}, // Q2 lists the KPI without a reading
		{"nps", "", 36, "2026-Q4"},
		{"nps", "2025-12-31", 26, ""}, // no quarter had started: the annual key result's current
		{"arr", "2026-08-15", 12, ""}, // no quarter has a reading
		{"uptime", "2026-08-15", 99.9, ""},
	}
	for _, tt := range tests {
		var asOf time.Time
		if tt.asOf != "" {
			asOf = day(tt.asOf)
		}
		v, from, ok := repo.AnnualReading(p.KPI(tt.kpi), asOf)
		got := ""
		if from != nil {
			got = from.Plan.Period.Value.String()
		}
		if !ok || v != tt.want || got != tt.from {
			t.Errorf("AnnualReading(%s, %s) = %v from %q (%v); want %v from %q", tt.kpi, tt.asOf, v, got, ok, tt.want, tt.from)
		}
	}
	// A quarter plan's KPI is its own reading.
	q3 := repo.Plan("company", plan.Period{Year: 2026, Quarter: 3})
	if v, from, ok := repo.AnnualReading(q3.KPI("nps"), day("2026-12-01")); !ok || v != 33 || from != nil {
		t.Errorf("AnnualReading of a quarter's KPI = %v, %v, %v; want its own 33", v, from, ok)
	}
}
