package plan

import (
	"fmt"
	"strconv"
)

func newDiagnostic(file string, pos Pos, rule, format string, args ...any) Diagnostic {
	if pos.IsZero() {
		pos = Pos{Line: 1, Col: 1}
	}
	return Diagnostic{File: file, Pos: pos, Rule: rule, Message: fmt.Sprintf(format, args...)}
}

// quote is Quote, the short name this package's messages use.
func quote(s string) string { return Quote(s) }

// Quote renders a user's value for a message: Go-quoted, so control characters stay visible, and
// cut short so a hostile value cannot flood the output.
func Quote(s string) string {
	const max = 60
	if r := []rune(s); len(r) > max {
		s = string(r[:max]) + "…"
	}
	return strconv.Quote(s)
}

// Suggest returns ` (did you mean "x"?)` when one of the candidates is close to got (see
// Nearest), else "": the hint okr puts in the middle of a message about a misspelt name.
func Suggest(got string, candidates []string) string {
	if best := Nearest(got, candidates); best != "" {
		return fmt.Sprintf(" (did you mean %q?)", best)
	}
	return ""
}

// Nearest returns the candidate closest to s by edit distance, when it is close enough to be a
// likely typo (at most a third of its length, and at most 3 edits), or "".
func Nearest(s string, candidates []string) string {
	if len(s) > 100 {
		return ""
	}
	best, bestDist := "", 4
	for _, c := range candidates {
		if c == s {
			continue
		}
		d := editDistance(s, c)
		limit := max(1, min(3, (len(c)+2)/3))
		if d <= limit && d < bestDist {
			best, bestDist = c, d
		}
	}
	return best
}

// editDistance is the Levenshtein distance between a and b, counting bytes.
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
