package config

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"
)

// hostileConfig is the .okr.yaml of a hostile pull request: n distinct paths: globs, each
// repeated times, that make every plan cost n matches.
func hostileConfig(n, repeated int) []byte {
	var b strings.Builder
	b.WriteString("paths:\n")
	for i := range n {
		for range repeated {
			fmt.Fprintf(&b, "  - \"**/x%d/**/*%d*/**/*.yaml\"\n", i, i)
		}
	}
	return []byte(b.String())
}

func TestPathsAreCapped(t *testing.T) {
	data := hostileConfig(20000, 1)
	if len(data) > MaxSize {
		t.Fatalf("the hostile configuration is %d bytes, over the size cap it must pass", len(data))
	}
	start := time.Now()
	_, err := Parse(".okr.yaml", data)
	if d := time.Since(start); d > 10*time.Second {
		t.Errorf("parsing took %v", d)
	}
	var cfgErr *Error
	if !errors.As(err, &cfgErr) || len(cfgErr.Problems) != 1 {
		t.Fatalf("err = %v, want one problem", err)
	}
	want := ".okr.yaml:2:3: paths has more than 256 different globs, the most okr accepts"
	if got := cfgErr.Problems[0].String(); !strings.HasPrefix(got, want) {
		t.Errorf("problem = %q, want it to start with %q", got, want)
	}
}

func TestPathsAtTheCapAndRepeatsAreAccepted(t *testing.T) {
	cfg, err := Parse(".okr.yaml", hostileConfig(MaxPaths, 3))
	if err != nil {
		t.Fatal(err)
	}
	if len(cfg.Paths) != MaxPaths {
		t.Errorf("kept %d globs, want the %d different ones", len(cfg.Paths), MaxPaths)
	}
	if _, err := Parse(".okr.yaml", hostileConfig(MaxPaths+1, 1)); err == nil {
		t.Errorf("%d different globs were accepted", MaxPaths+1)
	}
}
