package lint

import (
	"testing"

	"github.com/okr-tool/okr/plan"
)

// FuzzSuppressions feeds "# okr:ignore" comments in arbitrary text to the suppression index. It
// must never panic, and every comment must apply to exactly one line: its own line when it
// follows a value, else the first line below it that is not a comment alone on its line.
func FuzzSuppressions(f *testing.F) {
	f.Add([]byte("period: 2026-Q3\nscope: sales # okr:ignore schema why\n"))
	f.Add([]byte("period: 2026-Q3\n# okr:ignore schema a\n# okr:ignore reference b\n\n# okr:ignore\nscope: s\n"))
	f.Add(stackedIgnores(20))
	f.Add([]byte("# okr:ignore=schema,reference: x\n'#okr:ignore' # okr:ignore:schema\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		p, _ := plan.Parse("fuzz.yaml", data)
		if p == nil {
			return
		}
		alone := map[int32]bool{}
		for _, s := range p.Suppressions {
			if s.OwnLine {
				alone[s.Pos.Line] = true
			}
		}
		idx, states := indexSuppressions(p)
		if len(states) != len(p.Suppressions) {
			t.Fatalf("%d states for %d comments", len(states), len(p.Suppressions))
		}
		applies := map[*suppressionState]int32{}
		for line, sts := range idx {
			for _, st := range sts {
				if _, twice := applies[st]; twice {
					t.Fatalf("comment at %v applies to two lines", st.s.Pos)
				}
				applies[st] = line
			}
		}
		for _, st := range states {
			line, ok := applies[st]
			switch {
			case !ok:
				t.Fatalf("comment at %v applies to no line", st.s.Pos)
			case !st.s.OwnLine && line != st.s.Pos.Line:
				t.Fatalf("comment after a value at %v applies to line %d", st.s.Pos, line)
			case st.s.OwnLine && (line <= st.s.Pos.Line || alone[line]):
				t.Fatalf("comment alone at %v applies to line %d", st.s.Pos, line)
			case st.s.OwnLine:
				for l := st.s.Pos.Line + 1; l < line; l++ {
					if !alone[l] {
						t.Fatalf("comment alone at %v skips line %d to apply to line %d", st.s.Pos, l, line)
					}
				}
			}
			// A finding of each rule it names, on the line it applies to, is silenced.
			for _, rule := range st.s.Rules {
				if !idx.silences(Finding{File: p.File, Pos: plan.At(int(line), 1), Rule: rule}) {
					t.Fatalf("comment at %v does not silence %s on line %d", st.s.Pos, rule, line)
				}
			}
		}
	})
}
