package report

import (
	"math"
	"strconv"
)

// FormatNumber writes a plan value the way a person would have typed it: 73, 74.5, 0.25.
func FormatNumber(v float64) string {
	if math.IsInf(v, 0) || math.IsNaN(v) {
		return strconv.FormatFloat(v, 'g', -1, 64)
	}
	return strconv.FormatFloat(v, 'f', -1, 64)
}

// FormatScore writes a score to two decimals, as shown on screen: 0.67. It rounds to the nearest
// hundredth, except where that would cross a grade threshold or reach 1.00 the score has not
// reached: then it rounds down, so 0.698 (yellow) shows as 0.69, never as a yellow 0.70.
func FormatScore(v float64) string {
	shown := math.Round(v*100) / 100
	if GradeOf(shown) != GradeOf(v) || (Complete(shown) && !Complete(v)) {
		shown = math.Floor(v*100+epsilon*100) / 100
	}
	return strconv.FormatFloat(shown, 'f', 2, 64)
}
