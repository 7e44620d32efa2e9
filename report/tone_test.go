package report

import "testing"

func TestTones(t *testing.T) {
	yes, no := true, false
	tests := []struct {
		name string
		got  Tone
		want Tone
	}{
		{"green score", ScoreTone(GradeOf(GreenFrom), false), ToneGreen},
		{"yellow score", ScoreTone(GradeOf(YellowFrom), false), ToneYellow},
		{"red score", ScoreTone(GradeOf(0), false), ToneRed},
		{"no data", ScoreTone(Red, true), ToneNone},
		{"on track", StatusOnTrack.Tone(), ToneGreen},
		{"at risk", StatusAtRisk.Tone(), ToneYellow},
		{"off track", StatusOffTrack.Tone(), ToneRed},
		{"finished yellow", StatusYellow.Tone(), ToneYellow},
		{"not started", StatusNotStarted.Tone(), ToneNone},
		{"KPI on target", (&KPIReport{OnTarget: &yes}).Tone(), ToneGreen},
		{"KPI short so far", (&KPIReport{OnTarget: &no, SoFar: true}).Tone(), ToneYellow},
		{"KPI short at the end", (&KPIReport{OnTarget: &no}).Tone(), ToneRed},
		{"KPI retired", (&KPIReport{OnTarget: &no, Retired: "2026-Q3"}).Tone(), ToneNone},
		{"KPI without target", (&KPIReport{}).Tone(), ToneNone},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("%s: tone %s, want %s", tt.name, tt.got, tt.want)
		}
	}
}

// TestThresholdTexts: the texts every format and the help show are the constants'.
func TestThresholdTexts(t *testing.T) {
	if got, want := GradesText(), "red below 0.4, yellow from 0.4, green from 0.7"; got != want {
		t.Errorf("GradesText = %q, want %q", got, want)
	}
	if got, want := BehindText(), "more than 0.10 behind is at risk, more than 0.25 behind is off track"; got != want {
		t.Errorf("BehindText = %q, want %q", got, want)
	}
}
