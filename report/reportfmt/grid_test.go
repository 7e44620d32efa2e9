package reportfmt

import (
	"bytes"
	"strings"
	"testing"

	"github.com/okr-tool/okr/internal/format"
)

// TestGrid: a header centred and upper-cased, text wrapped at the column's limit with its
// indentation kept, a word longer than the limit cut, wide characters measured as two columns,
// and a style applied to each wrapped line on its own so no colour runs across a border.
func TestGrid(t *testing.T) {
	g := newGrid([]int{12}, "Title", "n")
	g.add(text("  Grow the revenue quickly"), text("1"))
	g.add(text("Supercalifragilistic"), text("22"))
	g.add(text("売上を伸ばす"), nil)
	var b bytes.Buffer
	g.render(&b)
	want := `┌──────────────┬────┐
│    TITLE     │ N  │
├──────────────┼────┤
│   Grow the   │ 1  │
│   revenue    │    │
│   quickly    │    │
│ Supercalifra │ 22 │
│ gilistic     │    │
│ 売上を伸ばす │    │
└──────────────┴────┘
`
	if b.String() != want {
		t.Errorf("got\n%s\nwant\n%s", b.String(), want)
	}

	bold := format.NewStyle(true, format.Bold)
	g = newGrid([]int{8}, "x")
	g.add(styled("one two three", bold))
	b.Reset()
	g.render(&b)
	for _, l := range strings.Split(strings.TrimSpace(b.String()), "\n")[3:5] {
		if strings.Count(l, "\x1b[1m") != 1 || strings.Count(l, "\x1b[22m") != 1 {
			t.Errorf("line %q: want its own bold on and off", l)
		}
	}
}
