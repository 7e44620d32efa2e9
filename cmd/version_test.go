package cmd

import (
	"runtime"
	"runtime/debug"
	"testing"
)

func TestBuildVersion(t *testing.T) {
	const rev = "0123456789abcdef0123456789abcdef01234567"
	vcs := func(modified string) []debug.BuildSetting {
		return []debug.BuildSetting{
			{Key: "-buildmode", Value: "exe"},
			{Key: "GOARCH", Value: "arm64"},
			{Key: "GOOS", Value: "darwin"},
			{Key: "vcs", Value: "git"},
			{Key: "vcs.revision", Value: rev},
			{Key: "vcs.time", Value: "2026-11-30T23:59:00Z"},
			{Key: "vcs.modified", Value: modified},
		}
	}
	platform := []debug.BuildSetting{{Key: "GOARCH", Value: "arm64"}, {Key: "GOOS", Value: "darwin"}}
	info := func(version string, settings []debug.BuildSetting) *debug.BuildInfo {
		return &debug.BuildInfo{
			GoVersion: "go1.26.1",
			Path:      "github.com/okr-tool/okr/cmd/okr",
			Main:      debug.Module{Path: "github.com/okr-tool/okr", Version: version},
			Settings:  settings,
		}
	}
	tests := []struct {
		name     string
		override string
		info     *debug.BuildInfo
		want     string
		version  string
	}{
		{"go install at a release", "", info("v1.2.3", platform),
			"okr v1.2.3 (go1.26.1, darwin/arm64)", "v1.2.3"},
		{"go install at a commit", "", info("v0.0.0-20261130235900-0123456789ab", platform),
			"okr v0.0.0-20261130235900-0123456789ab (go1.26.1, darwin/arm64)", "v0.0.0-20261130235900-0123456789ab"},
		{"clone, clean, no tag", "", info("v0.0.0-20261130235900-0123456789ab", vcs("false")),
			"okr devel 0123456789ab 2026-11-30T23:59:00Z (go1.26.1, darwin/arm64)", "devel"},
		{"clone, after a tag", "", info("v1.2.4-0.20261130235900-0123456789ab", vcs("false")),
			"okr devel 0123456789ab 2026-11-30T23:59:00Z (go1.26.1, darwin/arm64)", "devel"},
		{"clone, after a pre-release tag", "", info("v1.3.0-rc.1.0.20261130235900-0123456789ab", vcs("false")),
			"okr devel 0123456789ab 2026-11-30T23:59:00Z (go1.26.1, darwin/arm64)", "devel"},
		{"clone, modified", "", info("v0.0.0-20261130235900-0123456789ab+dirty", vcs("true")),
			"okr devel 0123456789ab (modified) 2026-11-30T23:59:00Z (go1.26.1, darwin/arm64)", "devel"},
		{"clone at a release tag", "", info("v1.2.3", vcs("false")),
			"okr v1.2.3 0123456789ab 2026-11-30T23:59:00Z (go1.26.1, darwin/arm64)", "v1.2.3"},
		{"clone at a release tag, modified", "", info("v1.2.3+dirty", vcs("true")),
			"okr v1.2.3 0123456789ab (modified) 2026-11-30T23:59:00Z (go1.26.1, darwin/arm64)", "v1.2.3"},
		{"clone without version stamping", "", info("(devel)", vcs("true")),
			"okr devel 0123456789ab (modified) 2026-11-30T23:59:00Z (go1.26.1, darwin/arm64)", "devel"},
		{"go build -buildvcs=false", "", info("(devel)", platform),
			"okr devel (go1.26.1, darwin/arm64)", "devel"},
		{"release build sets the version", "v1.2.3", info("v0.0.0-20261130235900-0123456789ab", vcs("false")),
			"okr v1.2.3 0123456789ab 2026-11-30T23:59:00Z (go1.26.1, darwin/arm64)", "v1.2.3"},
		{"no build information", "", nil,
			"okr devel (" + runtime.Version() + ", " + runtime.GOOS + "/" + runtime.GOARCH + ")", "devel"},
		{"a short revision stays whole", "", info("(devel)", []debug.BuildSetting{{Key: "vcs.revision", Value: "abc123"}}),
			"okr devel abc123 (" + "go1.26.1, " + runtime.GOOS + "/" + runtime.GOARCH + ")", "devel"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v := newBuildVersion(tt.override, tt.info)
			if got := v.String(); got != tt.want {
				t.Errorf("String() = %q, want %q", got, tt.want)
			}
			if v.Version != tt.version {
				t.Errorf("Version = %q, want %q", v.Version, tt.version)
			}
		})
	}
}

// TestVersionFlag checks that okr --version and okr version print the same line.
func TestVersionFlag(t *testing.T) {
	want := currentBuild().String() + "\n"
	for _, args := range [][]string{{"version"}, {"--version"}} {
		code, stdout, stderr := run(t, args...)
		if code != 0 || stdout != want || stderr != "" {
			t.Errorf("okr %s: exit %d, stdout %q, stderr %q; want exit 0, stdout %q", args[0], code, stdout, stderr, want)
		}
	}
}
