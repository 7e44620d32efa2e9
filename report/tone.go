package report

import "strconv"

// Tone is the traffic-light colour a score, status or KPI reading is shown in. Every format maps
// it to its own means — terminal colours, CSS classes, coloured circles — from this one place.
type Tone string

// Tones.
const (
	ToneGreen  Tone = "green"
	ToneYellow Tone = "yellow"
	ToneRed    Tone = "red"
	ToneNone   Tone = "nodata" // no data, not started, retired: no judgement
)

// ScoreTone is a score's grade, or none without a measurement.
func ScoreTone(g Grade, noData bool) Tone {
	if noData {
		return ToneNone
	}
	switch g {
	case Green:
		return ToneGreen
	case Yellow:
		return ToneYellow
	}
	return ToneRed
}

// Tone colours a status like the grade it corresponds to.
func (s Status) Tone() Tone {
	switch s {
	case StatusOnTrack, StatusGreen:
		return ToneGreen
	case StatusAtRisk, StatusYellow:
		return ToneYellow
	case StatusOffTrack, StatusRed:
		return ToneRed
	}
	return ToneNone
}

// Tone colours a KPI's reading: the colour of its status (KPIStatus).
func (k *KPIReport) Tone() Tone { return k.Status.Tone() }

// GradesText says where the grades start, from the thresholds: "red below 0.4, yellow from 0.4,
// green from 0.7".
func GradesText() string {
	y, g := strconv.FormatFloat(YellowFrom, 'f', -1, 64), strconv.FormatFloat(GreenFrom, 'f', -1, 64)
	return "red below " + y + ", yellow from " + y + ", green from " + g
}

// BehindText says how far behind the expected score a key result turns at risk and off track:
// "more than 0.10 behind is at risk, more than 0.25 behind is off track".
func BehindText() string {
	return "more than " + FormatScore(AtRiskBehind) + " behind is at risk, more than " + FormatScore(OffTrackBehind) + " behind is off track"
}
