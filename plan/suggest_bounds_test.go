package plan

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// The hostile inputs of a pull request against suggestions: ids of about 50 characters that share
// a long middle, so that every pair is within a few edits for most of its length, yet no
// reference is close enough to any id to be suggested ("ab-…-xy-0001" against "ba-…-yx-0001").
const hostileMiddle = "pipeline-coverage-of-the-sales-region"

func hostileID(i int) string  { return fmt.Sprintf("ab-%s-xy-%04d", hostileMiddle, i) }
func hostileRef(i int) string { return fmt.Sprintf("ba-%s-yx-%04d", hostileMiddle, i) }

// hostileKPIPlan is a plan with kpis KPIs and refs key results whose kpi names none of them.
func hostileKPIPlan(kpis, refs int) []byte {
	var b strings.Builder
	b.WriteString("period: 2026-Q3\nscope: sales\nkpis:\n")
	for i := range kpis {
		fmt.Fprintf(&b, "  - id: %s\n    name: KPI %d\n", hostileID(i), i)
	}
	b.WriteString("objectives:\n  - id: grow\n    title: Grow\n    key_results:\n")
	for i := range refs {
		fmt.Fprintf(&b, "      - id: kr-%d\n        title: KR %d\n        start: 0\n        target: 1\n        kpi: %s\n",
			i, i, hostileRef(i%max(kpis, 1)))
	}
	return []byte(b.String())
}

// hostileAlignedPlans are a company plan of n objectives and a team plan of n objectives whose
// aligns_to names none of them.
func hostileAlignedPlans(n int) (company, team []byte) {
	var c, t strings.Builder
	c.WriteString("period: 2026-Q3\nscope: company\nobjectives:\n")
	t.WriteString("period: 2026-Q3\nscope: sales\nparent: company\nobjectives:\n")
	for i := range n {
		fmt.Fprintf(&c, "  - id: %s\n    title: Objective %d\n", hostileID(i), i)
		fmt.Fprintf(&t, "  - id: o-%d\n    title: Objective %d\n    aligns_to: company/%s\n", i, i, hostileRef(i))
	}
	return []byte(c.String()), []byte(t.String())
}

func TestSuggestionsForManyMissingKPIsAreBounded(t *testing.T) {
	data := hostileKPIPlan(1000, 4000)
	before := suggestCellsSpent.Load()
	var p *Plan
	var diags []Diagnostic
	// Loading this file takes a few tens of milliseconds; suggesting without bounds took minutes.
	within(t, costBound, func() { p, diags = Parse("p.yaml", data) })
	if p == nil || len(diags) != 4000 {
		t.Fatalf("got %d diagnostics, want one for each of the 4000 references", len(diags))
	}
	// The budget of a plan of 5,001 entries, and one comparison over it.
	if spent, budget := suggestCellsSpent.Load()-before, minSuggestCells+5001*suggestCellsPerEntry; spent > int64(budget+1000) {
		t.Errorf("suggestions for one file cost %d cells, more than the %d it may spend", spent, budget)
	}
}

func TestSuggestionsForManyMissingAlignmentsAreBounded(t *testing.T) {
	company, team := hostileAlignedPlans(1000)
	cp, _ := Parse("company.yaml", company)
	tp, _ := Parse("sales.yaml", team)
	if cp == nil || tp == nil {
		t.Fatal("the plans did not parse")
	}
	before := suggestCellsSpent.Load()
	var repo *Repository
	within(t, costBound, func() {
		repo = NewRepository("/r", []*Plan{cp, tp}, nil, []string{"company.yaml", "sales.yaml"})
	})
	if len(repo.Diagnostics) != 1000 {
		t.Fatalf("got %d diagnostics, want one for each of the 1000 alignments", len(repo.Diagnostics))
	}
	if spent, budget := suggestCellsSpent.Load()-before, minSuggestCells+1000*suggestCellsPerEntry; spent > int64(budget+1000) {
		t.Errorf("suggestions for one file cost %d cells, more than the %d it may spend", spent, budget)
	}
}

func TestSuggestionsStillFindTypos(t *testing.T) {
	data := hostileKPIPlan(1000, 0)
	data = append(data, fmt.Sprintf("      - id: typo\n        title: Typo\n        start: 0\n        target: 1\n        kpi: %s\n",
		strings.Replace(hostileID(999), "coverage", "covreage", 1))...)
	_, diags := Parse("p.yaml", data)
	want := fmt.Sprintf("(did you mean %q?)", hostileID(999))
	if len(diags) != 1 || !strings.Contains(diags[0].Message, want) {
		t.Errorf("diagnostics %v, want one suggesting %s", diags, hostileID(999))
	}
}

func TestNearestWorkIsBoundedPerCall(t *testing.T) {
	var ids []string
	for i := range 5000 {
		ids = append(ids, hostileID(i))
	}
	before := suggestCellsSpent.Load()
	if got := Nearest(hostileRef(1), ids); got != "" {
		t.Errorf("Nearest suggested %q", got)
	}
	if spent := suggestCellsSpent.Load() - before; spent > maxSuggestCells+1000 {
		t.Errorf("one suggestion cost %d cells, more than %d", spent, maxSuggestCells)
	}
}

// editDistance is the Levenshtein distance between a and b, counting bytes: the plain definition
// boundedDistance is checked against.
func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// nearestByDefinition is Nearest without bounds: the nearest candidate within the limit, the
// first of equals.
func nearestByDefinition(s string, candidates []string) string {
	if len(s) > 100 {
		return ""
	}
	best, bestDist := "", 4
	for _, c := range candidates {
		if c == s {
			continue
		}
		d := editDistance(s, c)
		if limit := max(1, min(3, (len(c)+2)/3)); d <= limit && d < bestDist {
			best, bestDist = c, d
		}
	}
	return best
}

func randomWord(r *rand.Rand, alphabet string, maxLen int) string {
	b := make([]byte, r.IntN(maxLen+1))
	for i := range b {
		b[i] = alphabet[r.IntN(len(alphabet))]
	}
	return string(b)
}

// mutate applies up to four random edits, so that near and far pairs are both common.
func mutate(r *rand.Rand, s, alphabet string) string {
	for range r.IntN(5) {
		i := r.IntN(len(s) + 1)
		c := string(alphabet[r.IntN(len(alphabet))])
		switch r.IntN(3) {
		case 0:
			s = s[:i] + c + s[i:]
		case 1:
			if i < len(s) {
				s = s[:i] + s[i+1:]
			}
		default:
			if i < len(s) {
				s = s[:i] + c + s[i+1:]
			}
		}
	}
	return s
}

func TestBoundedDistanceAgreesWithTheDefinition(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for range 20_000 {
		alphabet := "abc-"[:1+r.IntN(4)]
		a := randomWord(r, alphabet, 40)
		b := mutate(r, a, alphabet)
		if r.IntN(4) == 0 {
			b = randomWord(r, alphabet, 40)
		}
		k := r.IntN(4)
		want := min(editDistance(a, b), k+1)
		if got, _ := boundedDistance(a, b, k); got != want {
			t.Fatalf("boundedDistance(%q, %q, %d) = %d, want %d", a, b, k, got, want)
		}
	}
}

func TestNearestAgreesWithTheDefinition(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	for range 5_000 {
		base := randomWord(r, "abcdef-", 12)
		var candidates []string
		for range r.IntN(30) {
			candidates = append(candidates, mutate(r, base, "abcdef-"))
		}
		s := mutate(r, base, "abcdef-")
		if got, want := Nearest(s, candidates), nearestByDefinition(s, candidates); got != want {
			t.Fatalf("Nearest(%q, %q) = %q, want %q", s, candidates, got, want)
		}
	}
}

// BenchmarkSuggestMissingKPIs loads the plan of 4,000 missing KPI references next to the same
// plan with the references right, and to the YAML library's parse alone: the three should stay
// within a small factor of each other.
func BenchmarkSuggestMissingKPIs(b *testing.B) {
	wrong := hostileKPIPlan(1000, 4000)
	right := []byte(strings.ReplaceAll(string(wrong), "kpi: ba-", "kpi: ab-"))
	right = []byte(strings.ReplaceAll(string(right), "-yx-", "-xy-"))
	b.Run("yaml-parse-only", func(b *testing.B) {
		b.SetBytes(int64(len(wrong)))
		for b.Loop() {
			var doc yaml.Node
			if err := yaml.Unmarshal(wrong, &doc); err != nil {
				b.Fatal(err)
			}
		}
	})
	for name, data := range map[string][]byte{"references-right": right, "references-wrong": wrong} {
		b.Run(name, func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			for b.Loop() {
				Parse("p.yaml", data)
			}
		})
	}
}

func BenchmarkSuggestMissingAlignments(b *testing.B) {
	company, team := hostileAlignedPlans(1000)
	cp, _ := Parse("company.yaml", company)
	tp, _ := Parse("sales.yaml", team)
	for b.Loop() {
		NewRepository("/r", []*Plan{cp, tp}, nil, nil)
	}
}
