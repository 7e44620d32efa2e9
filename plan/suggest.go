package plan

import (
	"fmt"
	"strconv"
	"sync/atomic"
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

// The edit-distance work that suggestions may cost, counted in cells of the distance table (a
// candidate skipped for its length counts one). A suggestion among a few dozen names costs a
// few thousand cells, about ten nanoseconds each; a pull request naming 4,000 missing KPIs of a
// plan with 1,000 would cost billions without a bound. When the work runs out, the candidates
// not yet compared are not suggested: the finding stands, without "did you mean".
const (
	// maxSuggestCells bounds one suggestion: enough to compare 1,300 ids of 100 bytes.
	maxSuggestCells = 1_000_000
	// suggestCellsPerEntry is what a plan's suggestions may cost for each of its KPIs,
	// objectives and key results, a fraction of what reading the entry costs; it keeps the
	// suggestions for a file within a small factor of loading it, however many of its
	// references are wrong.
	suggestCellsPerEntry = 500
	// minSuggestCells is the budget of the smallest plan.
	minSuggestCells = 20_000
)

// suggestCellsSpent counts every cell of edit-distance work, so that tests can check the bounds
// without timing anything.
var suggestCellsSpent atomic.Int64

// suggestBudget is the suggestion work left for one plan file.
type suggestBudget struct{ cells int }

// newSuggestBudget returns the budget of a plan with the given number of KPIs, objectives and
// key results.
func newSuggestBudget(entries int) *suggestBudget {
	return &suggestBudget{cells: minSuggestCells + suggestCellsPerEntry*entries}
}

// planSuggestBudget returns the suggestion budget of p.
func planSuggestBudget(p *Plan) *suggestBudget {
	n := len(p.KPIs) + len(p.Objectives)
	for _, o := range p.Objectives {
		n += len(o.KeyResults)
	}
	return newSuggestBudget(n)
}

// suggestion is suggestion charged to the budget; once the budget is spent it suggests nothing.
func (b *suggestBudget) suggestion(got string, candidates []string) string {
	if !b.left() {
		return ""
	}
	allowed := min(maxSuggestCells, b.cells)
	cells := allowed
	best := nearest(got, candidates, &cells)
	b.cells -= allowed - cells
	return didYouMean(best)
}

// left reports whether the budget has work left, so that a caller can skip listing candidates.
func (b *suggestBudget) left() bool { return b.cells > 0 }

// Suggest returns ` (did you mean "x"?)` when one of the candidates is close to got (see
// Nearest), else "": the hint okr puts in the middle of a message about a misspelt name.
func Suggest(got string, candidates []string) string {
	return didYouMean(Nearest(got, candidates))
}

func didYouMean(best string) string {
	if best == "" {
		return ""
	}
	return fmt.Sprintf(" (did you mean %q?)", best)
}

// Nearest returns the candidate closest to s by edit distance, when it is close enough to be a
// likely typo (at most a third of its length, and at most 3 edits), or "". Its work is bounded:
// candidates whose length is too far from s's are skipped, the distance is computed only near
// the diagonal and given up as soon as it exceeds the best so far, and after maxSuggestCells
// cells of work the remaining candidates are not compared. A caller that suggests once per
// entry of a file charges a budget instead (suggestBudget), so that the work for a file stays
// linear in its size.
func Nearest(s string, candidates []string) string {
	cells := maxSuggestCells
	return nearest(s, candidates, &cells)
}

// nearest is Nearest charging its work to *cells and stopping when it is spent.
func nearest(s string, candidates []string, cells *int) string {
	if len(s) > 100 {
		return ""
	}
	best, bestDist := "", 4
	for _, c := range candidates {
		if c == s {
			continue
		}
		if *cells <= 0 {
			break
		}
		limit := max(1, min(3, (len(c)+2)/3))
		k := min(limit, bestDist-1)
		if len(c) > len(s)+k || len(s) > len(c)+k {
			*cells-- // at least one edit per byte of difference in length
			suggestCellsSpent.Add(1)
			continue
		}
		d, work := boundedDistance(s, c, k)
		*cells -= work + 1
		suggestCellsSpent.Add(int64(work + 1))
		if d <= k {
			best, bestDist = c, d
			if d == 1 {
				break // c != s, so no candidate is nearer; the first of the nearest wins
			}
		}
	}
	return best
}

// boundedDistance is the Levenshtein distance between a and b (counting bytes) when it is at
// most k, and k+1 when it is more. It trims the common prefix and suffix, fills only the band of
// the table within k of the diagonal (2k+1 cells a row), and stops at the first row whose cells
// all exceed k. It returns the cells it filled. a must be at most 100 bytes and k at most 3.
func boundedDistance(a, b string, k int) (dist, cells int) {
	for len(a) > 0 && len(b) > 0 && a[0] == b[0] {
		a, b = a[1:], b[1:]
	}
	for len(a) > 0 && len(b) > 0 && a[len(a)-1] == b[len(b)-1] {
		a, b = a[:len(a)-1], b[:len(b)-1]
	}
	n, m := len(a), len(b)
	over := k + 1
	switch {
	case n-m > k || m-n > k:
		return over, 0
	case n == 0:
		return m, 0
	case m == 0:
		return n, 0
	}
	var rows [2][108]int // m <= n+k <= 103, plus the cell past the band
	prev, cur := &rows[0], &rows[1]
	for j := 0; j <= min(m, k); j++ {
		prev[j] = j
	}
	if k+1 <= m {
		prev[k+1] = over
	}
	for i := 1; i <= n; i++ {
		lo, hi := max(1, i-k), min(m, i+k)
		if lo == 1 {
			cur[0] = min(i, over)
		} else {
			cur[lo-1] = over
		}
		rowMin := cur[lo-1]
		for j := lo; j <= hi; j++ {
			v := prev[j-1]
			if a[i-1] != b[j-1] {
				v++
			}
			v = min(v, prev[j]+1, cur[j-1]+1, over)
			cur[j] = v
			rowMin = min(rowMin, v)
		}
		if hi < m {
			cur[hi+1] = over
		}
		cells += hi - lo + 1
		if rowMin > k {
			return over, cells
		}
		prev, cur = cur, prev
	}
	return min(prev[m], over), cells
}
