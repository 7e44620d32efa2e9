package plan

import (
	"encoding/binary"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf16"
)

const widePlan = "period: 2026-Q3\nscope: sales\nobjectives: []\n"

// encodeWide is the generator of plans saved by editors that write UTF-16 or UTF-32.
func encodeWide(text string, width int, big, bom bool) []byte {
	var order binary.AppendByteOrder = binary.LittleEndian
	if big {
		order = binary.BigEndian
	}
	var units []rune
	if bom {
		units = append(units, 0xFEFF)
	}
	var out []byte
	if width == 2 {
		for _, u := range utf16.Encode(append(units, []rune(text)...)) {
			out = order.AppendUint16(out, u)
		}
		return out
	}
	for _, r := range append(units, []rune(text)...) {
		out = order.AppendUint32(out, uint32(r))
	}
	return out
}

func TestWideEncodingsAreReported(t *testing.T) {
	tests := []struct {
		width    int
		big, bom bool
		want     string
	}{
		{2, false, true, "UTF-16 (little-endian)"},
		{2, true, true, "UTF-16 (big-endian)"},
		{2, false, false, "UTF-16 (little-endian)"},
		{2, true, false, "UTF-16 (big-endian)"},
		{4, false, true, "UTF-32 (little-endian)"},
		{4, true, true, "UTF-32 (big-endian)"},
		{4, false, false, "UTF-32 (little-endian)"},
		{4, true, false, "UTF-32 (big-endian)"},
	}
	for _, tt := range tests {
		data := encodeWide(widePlan+"# Ünïcode ✓ 𝄞\n", tt.width, tt.big, tt.bom)
		want := "the file is encoded as " + tt.want + "; plans are UTF-8 text: save it with UTF-8 encoding"
		_, diags := Parse("p.yaml", data)
		if len(diags) != 1 || diags[0].Message != want || diags[0].Rule != RuleYAMLSyntax {
			t.Errorf("%s (mark %v), named: %v, want %q", tt.want, tt.bom, diags, want)
		}
		// Walking, a plan in such an encoding is reported, not skipped as a binary file.
		_, diags, isPlan := ParseCandidate("p.yaml", data)
		if !isPlan || len(diags) != 1 || diags[0].Message != want {
			t.Errorf("%s (mark %v), walking: plan %v, %v", tt.want, tt.bom, isPlan, diags)
		}
		// Other YAML files are skipped in any encoding.
		other := encodeWide("name: tool settings\n", tt.width, tt.big, tt.bom)
		if _, diags, isPlan := ParseCandidate("other.yaml", other); isPlan || diags != nil {
			t.Errorf("%s (mark %v): a YAML file that is not a plan was reported: %v", tt.want, tt.bom, diags)
		}
	}
}

func TestWideEncodingThatDoesNotDecodeIsReported(t *testing.T) {
	data := append([]byte{0xFF, 0xFE}, encodeWide("name: x\n", 2, false, false)...)
	data = append(data, 0x00, 0xD8) // a lone high surrogate
	if _, diags, isPlan := ParseCandidate("p.yaml", data); !isPlan || len(diags) != 1 ||
		!strings.Contains(diags[0].Message, "UTF-16 (little-endian)") {
		t.Errorf("plan %v, %v", isPlan, diags)
	}
}

func TestUTF8IsNotTakenForAWideEncoding(t *testing.T) {
	for _, text := range []string{widePlan, "\ufeff" + widePlan, "a", "", "period: 2026-Q3\x00"} {
		if enc, _ := wideEncoding([]byte(text)); enc != "" {
			t.Errorf("%q taken for %s", text, enc)
		}
	}
}

func TestWalkReportsAUTF16Plan(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, ".okr.yaml"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "sales.yaml"), encodeWide(widePlan, 2, false, true), 0o644); err != nil {
		t.Fatal(err)
	}
	repo, _, err := Load(LoadOptions{Root: dir})
	if err != nil {
		t.Fatal(err)
	}
	if len(repo.Diagnostics) != 1 || !strings.Contains(repo.Diagnostics[0].Message, "UTF-16") || repo.Diagnostics[0].File != "sales.yaml" {
		t.Errorf("diagnostics %v, want one for sales.yaml saying UTF-16", repo.Diagnostics)
	}
}

func TestBrokenPlanWithAUTF8MarkIsReportedWhenWalking(t *testing.T) {
	_, diags, isPlan := ParseCandidate("p.yaml", []byte("\ufeffperiod: 2026-Q3\nscope: [\n"))
	if !isPlan || len(diags) != 1 || diags[0].Rule != RuleYAMLSyntax {
		t.Errorf("plan %v, %v; want a yaml-syntax finding", isPlan, diags)
	}
}
