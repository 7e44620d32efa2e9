package report

import "testing"

func TestTones(t *testing.T) {
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
		{"KPI on track", (&KPIReport{Status: StatusOnTrack}).Tone(), ToneGreen},
		{"KPI off track", (&KPIReport{Status: StatusOffTrack}).Tone(), ToneRed},
		{"KPI without data", (&KPIReport{Status: StatusNoData}).Tone(), ToneNone},
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

// TestKPIStatus: one rule colours a KPI: its key result's status when one measures it (pace), else
// pace from its baseline, else its reading against the target.
func TestKPIStatus(t *testing.T) {
	f := func(v float64) *float64 { return &v }
	offTrack := &KRReport{Status: StatusOffTrack, KRScore: KRScore{Value: 0.5, Basis: BasisOutcome}}
	tests := []struct {
		name     string
		k        KPIReport
		linked   *KRReport
		phase    Phase
		expected float64
		want     Status
	}{
		// The reviewer's case: KR ret 73 on 72 → 74 is off track at 0.9 of the quarter; the KPI
		// with the same reading was yellow "worse than target so far".
		{"linked takes its KR's status", KPIReport{Value: f(73), Target: f(74), Direction: "up"}, offTrack, InProgress, 0.9, StatusOffTrack},
		{"unlinked on pace from baseline", KPIReport{Value: f(73), Target: f(74), Baseline: f(72), Direction: "up"}, nil, InProgress, 0.5, StatusOnTrack},
		{"unlinked behind pace", KPIReport{Value: f(73), Target: f(74), Baseline: f(72), Direction: "up"}, nil, InProgress, 0.9, StatusOffTrack},
		{"lower is better behind pace", KPIReport{Value: f(9), Target: f(5), Baseline: f(10), Direction: "down"}, nil, InProgress, 0.8, StatusOffTrack},
		{"no baseline, short so far", KPIReport{Value: f(73), Target: f(74), Direction: "up"}, nil, InProgress, 0.9, StatusAtRisk},
		{"no baseline, missed", KPIReport{Value: f(73), Target: f(74), Direction: "up"}, nil, Finished, 1, StatusRed},
		{"on target", KPIReport{Value: f(75), Target: f(74), Baseline: f(72), Direction: "up"}, nil, InProgress, 0.9, StatusOnTrack},
		{"two targets", KPIReport{Value: f(75.5), Target: f(77), Problem: "not scored: two targets"}, nil, InProgress, 0.5, StatusNoData},
		{"retired", KPIReport{Value: f(75.5), Target: f(77), Retired: "gone"}, nil, InProgress, 0.5, StatusNoData},
		{"upcoming", KPIReport{Value: f(75.5), Target: f(77)}, nil, Upcoming, 0, StatusNotStarted},
	}
	for _, tt := range tests {
		if got := KPIStatus(&tt.k, tt.linked, tt.phase, tt.expected); got != tt.want {
			t.Errorf("%s: KPIStatus = %s, want %s", tt.name, got, tt.want)
		}
	}
}
