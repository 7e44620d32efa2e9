package edit_test

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/okr-tool/okr/edit"
	"github.com/okr-tool/okr/plan"
)

// TestRoundTripEveryPlan sets the current value of every key result (the progress of an effort
// key result) of every example and fixture plan that loads without a syntax error, one at a
// time, and checks that the file then reads back with the new value while every other line is
// byte for byte what it was: the one line of the value changed, or one line was added.
func TestRoundTripEveryPlan(t *testing.T) {
	var files []string
	for _, dir := range []string{"../examples", "../testdata"} {
		filepath.WalkDir(dir, func(p string, e fs.DirEntry, err error) error {
			if err == nil && !e.IsDir() && plan.IsYAMLFile(p) {
				files = append(files, p)
			}
			return nil
		})
	}
	type input struct {
		name string
		data []byte
	}
	var inputs []input
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		inputs = append(inputs, input{f, data})
		if strings.HasPrefix(f, "../examples") {
			// The same plans with Windows line endings.
			inputs = append(inputs, input{f + " (CRLF)", []byte(strings.ReplaceAll(string(data), "\n", "\r\n"))})
		}
	}
	plans, edits := 0, 0
	for _, in := range inputs {
		f, data := in.name, in.data
		p, diags, isPlan := plan.ParseCandidate(f, data)
		if !isPlan || p == nil || hasSyntaxError(diags) {
			continue
		}
		plans++
		for _, kr := range p.KeyResults() {
			field, value, want := "current", edit.Number(4242.5), 4242.5
			if kr.Type.Value == plan.Effort {
				field, value, want = "progress", edit.Number(0.37), 0.37
			}
			doc, err := edit.Parse(data)
			if err != nil {
				t.Fatalf("%s: %v", f, err)
			}
			m := doc.MappingAt(int(kr.Pos.Line), int(kr.Pos.Col))
			if m == nil {
				continue // an aliased key result: not edited in place
			}
			if err := doc.Set(m, field, value, plan.FieldKeys(plan.SectionKeyResult)); err != nil {
				t.Errorf("%s: %s: %v", f, kr.ID.Value, err)
				continue
			}
			edits++
			out := doc.Bytes()
			q, _ := plan.Parse(f, out)
			var got *plan.KeyResult
			if q != nil {
				for _, k := range q.KeyResults() {
					if k.Pos == kr.Pos { // edits come after the start of the key result
						got = k
					}
				}
			}
			v := plan.Field[float64]{}
			if got != nil {
				v = got.Current
				if field == "progress" {
					v = got.Progress
				}
			}
			if !v.Set || v.Value != want {
				t.Errorf("%s: %s: %s reads back as %+v\n%s", f, kr.ID.Value, field, v, out)
				continue
			}
			if msg := otherLinesKept(string(data), string(out), field); msg != "" {
				t.Errorf("%s: %s: %s", f, kr.ID.Value, msg)
			}
		}
	}
	t.Logf("%d key results edited in %d plans", edits, plans)
	if plans < 40 || edits < 200 {
		t.Errorf("edited %d key results in %d plans; the walk missed files", edits, plans)
	}
}

func hasSyntaxError(diags []plan.Diagnostic) bool {
	for _, d := range diags {
		if d.Rule == plan.RuleYAMLSyntax {
			return true
		}
	}
	return false
}

// otherLinesKept says what is wrong when out is not in with exactly one line changed (the one
// with the field) or one line added (the field's), or returns "".
func otherLinesKept(in, out, field string) string {
	a, b := strings.SplitAfter(in, "\n"), strings.SplitAfter(out, "\n")
	switch len(b) - len(a) {
	case 0:
		diff := 0
		for i := range a {
			if a[i] != b[i] {
				diff++
				if !strings.Contains(b[i], field+":") {
					return "changed a line without " + field + ": " + b[i]
				}
			}
		}
		if diff != 1 {
			return "changed " + string(rune('0'+diff)) + " lines"
		}
	case 1:
		for i := range b {
			if i == len(a) || a[i] != b[i] {
				if strings.Join(a[:i], "") != strings.Join(b[:i], "") || strings.Join(a[i:], "") != strings.Join(b[i+1:], "") ||
					!strings.HasPrefix(strings.TrimLeft(b[i], " "), field+": ") {
					return "inserted more than the line " + b[i]
				}
				// The new line ends the way the file's lines do.
				if strings.HasSuffix(in, "\r\n") != strings.HasSuffix(b[i], "\r\n") {
					return "the inserted line has another line ending"
				}
				return ""
			}
		}
	default:
		return "the line count changed by more than one"
	}
	return ""
}
