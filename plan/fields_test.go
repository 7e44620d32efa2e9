package plan

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

// TestFieldTableMatchesDecoder checks that the field table, from which the JSON Schema is made,
// and the decoder agree: the same keys in the same order, every required key reported when
// missing, and every typed key refusing a value of the wrong type.
func TestFieldTableMatchesDecoder(t *testing.T) {
	for section, keys := range map[Section][]string{
		SectionPlan: planKeys, SectionKPI: kpiKeys, SectionObjective: objectiveKeys, SectionKeyResult: keyResultKeys,
	} {
		if got := FieldKeys(section); !slices.Equal(got, keys) {
			t.Errorf("%s: the table has %v, the decoder accepts %v", section, got, keys)
		}
	}
	bad := map[FieldType]string{
		TypeNumber: "lots", TypeBoolean: "maybe", TypeDate: "2026-13-45", TypePeriod: "Q3",
		TypeEnum: "nope", TypeSlug: "Not A Slug", TypeList: "one", TypeText: "{a: 1}",
	}
	for section, fields := range FieldTable {
		for _, f := range fields {
			if f.Key == "period" || f.Key == "scope" {
				continue // the file is not read as a plan without them
			}
			t.Run(fmt.Sprintf("%s.%s", section, f.Key), func(t *testing.T) {
				text, line := minimalPlan(section, f.Key+": "+bad[f.Type])
				if f.Required {
					text = strings.Replace(text, "\n"+indentOf(section)+f.Key+": ", "\n"+indentOf(section)+"x-"+f.Key+": ", 1)
				}
				_, diags := Parse("p.yaml", []byte(text))
				found := false
				for _, d := range diags {
					found = found || int(d.Pos.Line) == line
				}
				if !found {
					t.Errorf("%s: %s accepted\n%s\n%v", f.Key, bad[f.Type], text, diags)
				}
			})
		}
	}
	for section, fields := range FieldTable {
		for _, f := range fields {
			if !f.Required || section == SectionPlan {
				continue
			}
			text, _ := minimalPlan(section, "")
			lines := strings.Split(text, "\n")
			what := map[Section]string{SectionKPI: "this KPI", SectionObjective: "this objective", SectionKeyResult: "this key result"}[section]
			i := map[string]int{"kpi.id": 3, "kpi.name": 4, "objective.id": 6, "objective.title": 7, "key_result.id": 9, "key_result.title": 10}[string(section)+"."+f.Key]
			if i == 0 {
				t.Fatalf("no line for the required key %s.%s", section, f.Key)
			}
			lines[i] = strings.Replace(lines[i], f.Key+": ", "other: ", 1)
			text = strings.Join(lines, "\n")
			_, diags := Parse("p.yaml", []byte(text))
			if !slices.ContainsFunc(diags, func(d Diagnostic) bool { return strings.Contains(d.Message, what+" has no "+f.Key) }) {
				t.Errorf("%s.%s is required by the table, but the decoder does not ask for it:\n%s%v", section, f.Key, text, diags)
			}
		}
	}
}

func indentOf(s Section) string {
	return map[Section]string{SectionPlan: "", SectionKPI: "    ", SectionObjective: "    ", SectionKeyResult: "        "}[s]
}

// minimalPlan is a plan with one KPI, objective and key result, with extra added to the
// section's mapping; line is the line of extra.
func minimalPlan(section Section, extra string) (text string, line int) {
	lines := []string{
		"period: 2026-Q3", "scope: s", "kpis:", "  - id: k", "    name: K",
		"objectives:", "  - id: o", "    title: O", "    key_results:", "      - id: r", "        title: R",
	}
	at := map[Section]int{SectionPlan: 2, SectionKPI: 5, SectionObjective: 8, SectionKeyResult: 11}[section]
	if extra != "" {
		lines = slices.Insert(lines, at, indentOf(section)+extra)
	}
	return strings.Join(lines, "\n") + "\n", at + 1
}

// TestFieldTableTypes checks the table's Only against the decoder: a key of the other type of
// key result is an error, a key of its own type is not.
func TestFieldTableTypes(t *testing.T) {
	good := map[FieldType]string{TypeNumber: "0.5", TypeBoolean: "true", TypeDate: "2026-09-01", TypeSlug: "k", TypeText: "x"}
	for _, f := range FieldTable[SectionKeyResult] {
		for _, typ := range KRTypes {
			if f.Required || f.Key == "type" || f.Key == "kpi" {
				continue
			}
			value := good[f.Type]
			if f.Type == TypeEnum {
				value = f.Enum[0]
			}
			text, line := minimalPlan(SectionKeyResult, "type: "+string(typ)+"\n        "+f.Key+": "+value)
			_, diags := Parse("p.yaml", []byte(text))
			refused := slices.ContainsFunc(diags, func(d Diagnostic) bool { return int(d.Pos.Line) == line+1 })
			if want := f.Only != nil && !slices.Contains(f.Only, typ); refused != want {
				t.Errorf("%s on a %s key result: refused %v, the table says %v: %v", f.Key, typ, refused, want, diags)
			}
		}
	}
}

func TestConfidenceAndNote(t *testing.T) {
	text, line := minimalPlan(SectionKeyResult, "confidence: 1.5")
	_, diags := Parse("p.yaml", []byte(text))
	if len(diags) != 1 || int(diags[0].Pos.Line) != line || !strings.Contains(diags[0].Message, "between 0 and 1") {
		t.Errorf("confidence 1.5: %v", diags)
	}
	text, _ = minimalPlan(SectionKeyResult, "confidence: 0.6\n        note: two deals slipped")
	p, diags := Parse("p.yaml", []byte(text))
	if len(diags) != 0 {
		t.Fatal(diags)
	}
	kr := p.KeyResults()[0]
	if !kr.Confidence.Set || kr.Confidence.Value != 0.6 || kr.Note.Value != "two deals slipped" {
		t.Errorf("confidence %+v, note %+v", kr.Confidence, kr.Note)
	}
}
