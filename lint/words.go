package lint

import (
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/okr-tool/okr/plan"
)

// quote renders a user's value in a message, as plan.Quote does.
func quote(s string) string { return plan.Quote(s) }

// num renders a number the way a plan would write it: 75, 0.5, 1000000.
func num(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }

// absent reports whether a field's key is missing altogether. A key that is present with a value
// that could not be decoded is not absent: the schema rule has reported it already.
func absent[T any](f plan.Field[T]) bool { return !f.Set && f.Key.IsZero() }

// same reports whether two numbers of a plan are equal, allowing for the rounding of decimals.
func same(a, b float64) bool {
	return a == b || math.Abs(a-b) <= 1e-9*math.Max(math.Abs(a), math.Abs(b))
}

// plural returns "1 key result" or "2 key results".
func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}

// planName names plan p in a message: `plan "sales" for 2026-Q3`, or "this plan" when its scope
// or period is missing or invalid.
func planName(p *plan.Plan) string {
	if !p.Scope.Set || p.Scope.Value == "" || !p.Period.Set {
		return "this plan"
	}
	return "plan " + quote(p.Scope.Value) + " for " + p.Period.Value.String()
}

// orList renders words as "a, b or c".
func orList(words []string) string {
	if len(words) < 2 {
		return strings.Join(words, "")
	}
	return strings.Join(words[:len(words)-1], ", ") + " or " + words[len(words)-1]
}

// dateLayout is how plans write dates.
const dateLayout = "2006-01-02"

// periodOf returns the period of the same kind as like (quarter or year) that contains t.
func periodOf(t time.Time, like plan.Period) plan.Period {
	if like.IsQuarter() {
		return plan.Period{Year: t.Year(), Quarter: (int(t.Month())-1)/3 + 1}
	}
	return plan.Period{Year: t.Year()}
}
