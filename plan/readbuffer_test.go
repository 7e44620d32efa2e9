package plan

import (
	"strings"
	"testing"
)

// TestReadAtMostIntoAReusedBuffer checks that a buffer a longer file was read into gives the next,
// shorter file only its own bytes, and that a buffer too small or too large is not a problem.
func TestReadAtMostIntoAReusedBuffer(t *testing.T) {
	long := strings.Repeat("x", 1000)
	buf, err := readAtMostInto(nil, strings.NewReader(long), int64(len(long)), MaxFileSize+1)
	if err != nil || string(buf) != long {
		t.Fatalf("first read: %q, %v", buf, err)
	}
	putReadBuffer(buf)
	for _, c := range []struct {
		text string
		size int64
	}{{"period: 2026-Q3\n", 16}, {"a", 1}, {"", 0}, {strings.Repeat("y", 5000), 5000}, {"short but said long", 1 << 20}} {
		got, err := readAtMostInto(getReadBuffer(), strings.NewReader(c.text), c.size, MaxFileSize+1)
		if err != nil || string(got) != c.text {
			t.Errorf("read %q (size %d) into a reused buffer: got %q, %v", c.text, c.size, got, err)
		}
		putReadBuffer(got)
	}
	// Over the limit, only the limit is read.
	got, err := readAtMostInto(make([]byte, 0, 4096), strings.NewReader(long), int64(len(long)), 10)
	if err != nil || string(got) != long[:10] {
		t.Errorf("read past the limit: %q, %v", got, err)
	}
	putReadBuffer(make([]byte, 0, maxPooledBuffer+1)) // not kept
}
