package cmd

import (
	"fmt"
	"regexp"
	"runtime"
	"runtime/debug"
	"strings"

	"github.com/spf13/cobra"
)

// Version is okr's version when a release build sets it, with
// -ldflags "-X github.com/okr-tool/okr/cmd.Version=v1.2.3"; it wins over the module version.
var Version = ""

// buildVersion is what okr knows of the build it runs as.
type buildVersion struct {
	// Version is a release (v1.2.3), a pseudo-version when installed at a commit without a
	// clone, or "devel" when built from a clone or when the build says nothing.
	Version string
	// Revision is the commit the binary was built from, "" when unknown; Time is its commit time.
	Revision, Time string
	// Modified is set when the work tree had uncommitted changes.
	Modified bool
	// GoVersion, OS and Arch name the toolchain and the platform.
	GoVersion, OS, Arch string
}

// pseudoVersion matches the commit part of a Go pseudo-version (v0.0.0-20261130235900-0123456789ab,
// v1.2.4-0.20261130235900-0123456789ab, v1.2.3-rc.1.0.20261130235900-0123456789ab).
var pseudoVersion = regexp.MustCompile(`[-.]\d{14}-[0-9a-f]{12}$`)

// newBuildVersion reads what info (from debug.ReadBuildInfo; nil when there is none) says of the
// build. override is the version a release build set with -ldflags; it wins. A build from a clone
// is "devel" with its commit: the go command then stamps a pseudo-version, which names the
// commit less plainly than the revision does. A release installed from the module proxy keeps
// its version; built from a clone at a release tag, it keeps it too, with the commit.
func newBuildVersion(override string, info *debug.BuildInfo) buildVersion {
	v := buildVersion{Version: "devel", GoVersion: runtime.Version(), OS: runtime.GOOS, Arch: runtime.GOARCH}
	mod := ""
	if info != nil {
		if info.GoVersion != "" {
			v.GoVersion = info.GoVersion
		}
		mod = info.Main.Version
		for _, s := range info.Settings {
			switch s.Key {
			case "vcs.revision":
				v.Revision = s.Value
			case "vcs.time":
				v.Time = s.Value
			case "vcs.modified":
				v.Modified = s.Value == "true"
			case "GOOS":
				v.OS = s.Value
			case "GOARCH":
				v.Arch = s.Value
			}
		}
	}
	// The go command marks a version built from a modified work tree with +dirty.
	if rest, ok := strings.CutSuffix(mod, "+dirty"); ok {
		mod, v.Modified = rest, true
	}
	switch {
	case override != "":
		v.Version = override
	case mod == "" || mod == "(devel)":
	case v.Revision != "" && pseudoVersion.MatchString(mod):
	default:
		v.Version = mod
	}
	return v
}

// String is the line okr version and okr --version print, for example
// "okr v1.2.3 (go1.26.1, linux/amd64)" or
// "okr devel 0123456789ab (modified) 2026-11-30T23:59:00Z (go1.26.1, linux/amd64)".
func (v buildVersion) String() string {
	var b strings.Builder
	b.WriteString("okr " + v.Version)
	if v.Revision != "" {
		b.WriteString(" " + shortRevision(v.Revision))
	}
	if v.Modified {
		b.WriteString(" (modified)")
	}
	if v.Time != "" {
		b.WriteString(" " + v.Time)
	}
	fmt.Fprintf(&b, " (%s, %s/%s)", v.GoVersion, v.OS, v.Arch)
	return b.String()
}

// shortRevision shortens a git commit hash to the 12 digits a pseudo-version uses.
func shortRevision(rev string) string {
	if len(rev) > 12 {
		return rev[:12]
	}
	return rev
}

// currentBuild is the build okr runs as.
func currentBuild() buildVersion {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		info = nil
	}
	return newBuildVersion(Version, info)
}

// version is okr's version alone (v1.2.3, or devel), as SARIF's tool driver names it.
func version() string {
	return currentBuild().Version
}

func newVersionCmd(env *Env) *cobra.Command {
	return &cobra.Command{
		Use:   "version",
		Short: "Print okr's version, the commit it was built from, and its Go toolchain and platform",
		Args:  cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error {
			_, err := fmt.Fprintln(env.Stdout, currentBuild())
			return err
		},
	}
}
