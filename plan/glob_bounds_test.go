package plan

import (
	"math/rand/v2"
	"path"
	"strings"
	"testing"
	"time"
)

// deepGlob is the hostile input of a pull request: a .okr.yaml glob of n "**" elements that
// ends in a name no file has, and a plan depth directories deep.
func deepGlob(n, depth int) (pattern, name string) {
	pattern = strings.Repeat("**/", n) + "nothing.yaml"
	name = strings.Repeat("d/", depth) + "plan.yaml"
	return pattern, name
}

func TestMatchGlobIsNotExponentialInDoubleStars(t *testing.T) {
	pattern, name := deepGlob(20, 23)
	// A hundred matches take about a millisecond; one match took minutes before.
	within(t, costBound, func() {
		for range 100 {
			if MatchGlob(pattern, name) {
				t.Error("matched a name the pattern does not end in")
			}
			if !MatchGlob(strings.TrimSuffix(pattern, "nothing.yaml")+"plan.yaml", name) {
				t.Error("did not match the name the pattern ends in")
			}
		}
	})
}

// costBound is how long a bounded-cost test may take. The fixed code takes milliseconds and the
// old one minutes to hours; the margin is for the race detector on a busy two-core CI machine.
const costBound = 30 * time.Second

// within runs f and fails the test when it has not returned after d, without waiting for it:
// the test of a fix for an exponential or quadratic cost fails in seconds, not at the timeout.
func within(t *testing.T, d time.Duration, f func()) {
	t.Helper()
	done := make(chan struct{})
	start := time.Now()
	go func() {
		defer close(done)
		f()
	}()
	select {
	case <-done:
	case <-time.After(d):
		t.Fatalf("still running after %v", time.Since(start).Round(time.Second))
	}
}

// matchPartsByRecursion is the plain definition of matching, exponential in "**", kept to check
// the linear matcher against on small inputs.
func matchPartsByRecursion(pat, name []string) bool {
	for len(pat) > 0 {
		if pat[0] == "**" {
			for i := 0; i <= len(name); i++ {
				if matchPartsByRecursion(pat[1:], name[i:]) {
					return true
				}
			}
			return false
		}
		if len(name) == 0 {
			return false
		}
		if ok, err := path.Match(pat[0], name[0]); err != nil || !ok {
			return false
		}
		pat, name = pat[1:], name[1:]
	}
	return true
}

func TestMatchPartsAgreesWithTheDefinition(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	elems := []string{"**", "*", "a", "b", "a*", "?", "[ab]", "["}
	names := []string{"a", "b", "ab", "x.yaml", ""}
	for range 20_000 {
		pat := make([]string, r.IntN(6))
		for i := range pat {
			pat[i] = elems[r.IntN(len(elems))]
		}
		name := make([]string, r.IntN(6))
		for i := range name {
			name[i] = names[r.IntN(len(names))]
		}
		if got, want := matchParts(pat, name), matchPartsByRecursion(pat, name); got != want {
			t.Fatalf("matchParts(%q, %q) = %v, want %v", pat, name, got, want)
		}
	}
}

func BenchmarkMatchGlobDoubleStars(b *testing.B) {
	pattern, name := deepGlob(20, 23)
	for b.Loop() {
		MatchGlob(pattern, name)
	}
}
