// Package report scores OKR plans and assembles what a quarterly review needs: key result,
// objective and plan scores, grades, in-period statuses, the alignment of objectives across
// scopes, and KPI values quarter by quarter. Package report/reportfmt writes a Report in
// each output format.
package report

// The grade thresholds of the 0–1 scale on which the Weekdone compilation ("OKR vs KPI") and Ivor
// Colson's "OKRs vs KPIs: Which should you use?" grade key results.
const (
	// YellowFrom is the lowest score graded yellow; anything below is red.
	YellowFrom = 0.4
	// GreenFrom is the lowest score graded green.
	GreenFrom = 0.7
)

// epsilon absorbs floating-point rounding when a score is compared with a threshold, so that
// (74.2-73)/(76-73), mathematically 0.4, is not graded red for being 0.39999999999999997.
const epsilon = 1e-9

// Grade is the traffic-light reading of a score.
type Grade string

// Grades from worst to best.
const (
	Red    Grade = "red"
	Yellow Grade = "yellow"
	Green  Grade = "green"
)

// GradeOf returns the grade of a score in 0..1: red below 0.4, yellow from 0.4, green from 0.7.
func GradeOf(score float64) Grade {
	switch {
	case score >= GreenFrom-epsilon:
		return Green
	case score >= YellowFrom-epsilon:
		return Yellow
	}
	return Red
}

// Complete reports whether a score is 1.0, which for an objective suggests it was not ambitious
// enough (the Weekdone compilation: an objective met with ease was set too low).
func Complete(score float64) bool { return score >= 1-epsilon }
