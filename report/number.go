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

// FormatScore writes a score rounded to two decimals, as shown on screen: 0.67.
func FormatScore(v float64) string { return strconv.FormatFloat(v, 'f', 2, 64) }
