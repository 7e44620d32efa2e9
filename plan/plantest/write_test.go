package plantest

import (
	"os"
	"testing"
)

// TestWriteLarge writes the benchmark repository to $OKR_WRITE_LARGE, for measuring the okr
// binary on it by hand (e.g. peak memory with /usr/bin/time -v).
func TestWriteLarge(t *testing.T) {
	dir := os.Getenv("OKR_WRITE_LARGE")
	if dir == "" {
		t.Skip("set OKR_WRITE_LARGE=<dir> to write the benchmark repository there")
	}
	if err := Large.Write(dir); err != nil {
		t.Fatal(err)
	}
	if n := len(Large.Files()); n != 2008 {
		t.Fatalf("wrote %d plans, want 2008", n)
	}
}
