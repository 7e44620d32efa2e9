package reportfmt

import (
	"bytes"
	"strings"

	"github.com/clipperhouse/displaywidth"

	"github.com/okr-tool/okr/internal/format"
)

// grid lays out one terminal table: box-drawing borders, the column names upper-cased and
// centred, every cell left-aligned and word-wrapped at its column's widest. It is all the table
// format needs of a table library, at a small part of the cost: a report of hundreds of plans
// lays out hundreds of tables.
type grid struct {
	header []string
	limit  []int // the widest each column may get before its text wraps; 0 is no limit
	rows   [][]cell
}

// cell is the text of one table cell, line by line; a long line wraps.
type cell []line

// line is text in one or more styles.
type line []span

// span is text in one style; a zero style leaves it plain.
type span struct {
	text  string
	style *format.Style
}

// text is a cell of plain text.
func text(s string) cell { return cell{line{{text: s}}} }

// styled is a cell of text in one style.
func styled(s string, st format.Style) cell { return cell{line{{text: s, style: &st}}} }

func newGrid(limit []int, names ...string) *grid {
	g := &grid{header: make([]string, len(names)), limit: limit}
	for i, n := range names {
		g.header[i] = strings.ToUpper(n)
	}
	return g
}

func (g *grid) add(cells ...cell) { g.rows = append(g.rows, cells) }

// wrapped is a row laid out: for each column, its lines of at most the column's width.
type wrapped [][]line

// render writes the table to w.
func (g *grid) render(w *bytes.Buffer) {
	width := make([]int, len(g.header))
	for i, h := range g.header {
		width[i] = displaywidth.String(h)
	}
	rows := make([]wrapped, len(g.rows))
	for r, row := range g.rows {
		rows[r] = make(wrapped, len(g.header))
		for c := range g.header {
			if c >= len(row) {
				continue
			}
			limit := 0
			if c < len(g.limit) {
				limit = g.limit[c]
			}
			for _, l := range row[c] {
				for _, wl := range wrapLine(l, limit) {
					rows[r][c] = append(rows[r][c], wl)
					width[c] = max(width[c], lineWidth(wl))
				}
			}
		}
	}
	border(w, width, "┌", "┬", "┐")
	w.WriteString("│")
	for i, h := range g.header {
		pad := width[i] - displaywidth.String(h)
		w.WriteByte(' ')
		spaces(w, pad/2)
		w.WriteString(h)
		spaces(w, pad-pad/2)
		w.WriteString(" │")
	}
	w.WriteByte('\n')
	border(w, width, "├", "┼", "┤")
	for _, row := range rows {
		height := 1
		for _, lines := range row {
			height = max(height, len(lines))
		}
		for i := range height {
			w.WriteString("│")
			for c, lines := range row {
				w.WriteByte(' ')
				n := 0
				if i < len(lines) {
					for _, s := range lines[i] {
						if s.style != nil {
							w.WriteString(s.style.Sprint(s.text))
						} else {
							w.WriteString(s.text)
						}
					}
					n = lineWidth(lines[i])
				}
				spaces(w, width[c]-n)
				w.WriteString(" │")
			}
			w.WriteByte('\n')
		}
	}
	border(w, width, "└", "┴", "┘")
}

func border(w *bytes.Buffer, width []int, left, mid, right string) {
	w.WriteString(left)
	for i, n := range width {
		if i > 0 {
			w.WriteString(mid)
		}
		for range n + 2 {
			w.WriteString("─")
		}
	}
	w.WriteString(right)
	w.WriteByte('\n')
}

const blanks = "                                                                "

func spaces(w *bytes.Buffer, n int) {
	for n > len(blanks) {
		w.WriteString(blanks)
		n -= len(blanks)
	}
	if n > 0 {
		w.WriteString(blanks[:n])
	}
}

func lineWidth(l line) int {
	n := 0
	for _, s := range l {
		n += displaywidth.String(s.text)
	}
	return n
}

// wrapLine breaks a line at spaces into lines whose text, after the line's indentation, is at
// most limit columns; the indentation starts every line, and a word longer than the limit is
// cut. Consecutive words of one style stay one span. A limit of 0, or a line that fits, is left
// as it is.
func wrapLine(l line, limit int) []line {
	if limit <= 0 || len(l) == 0 || lineWidth(l)-(len(l[0].text)-len(strings.TrimLeft(l[0].text, " "))) <= limit {
		return []line{l}
	}
	type word struct {
		text  string
		style *format.Style
	}
	indent := ""
	var words []word
	for i, s := range l {
		t := s.text
		if i == 0 {
			trimmed := strings.TrimLeft(t, " ")
			indent, t = t[:len(t)-len(trimmed)], trimmed
		}
		for _, f := range strings.Fields(t) {
			words = append(words, word{f, s.style})
		}
	}
	room := limit
	var out []line
	var cur line
	used := 0
	flush := func() {
		if len(cur) > 0 {
			if indent != "" {
				cur = append(line{{text: indent}}, cur...)
			}
			out = append(out, cur)
		}
		cur, used = nil, 0
	}
	put := func(t string, st *format.Style) {
		if n := len(cur); n > 0 && cur[n-1].style == st {
			cur[n-1].text += t
		} else {
			cur = append(cur, span{text: t, style: st})
		}
		used += displaywidth.String(t)
	}
	for _, wd := range words {
		ww := displaywidth.String(wd.text)
		if used > 0 && used+1+ww > room {
			flush()
		}
		for ww > room { // a word longer than the column: cut it
			head, rest := cut(wd.text, room-used)
			put(head, wd.style)
			flush()
			wd.text, ww = rest, displaywidth.String(rest)
		}
		if used > 0 {
			put(" ", wd.style)
		}
		put(wd.text, wd.style)
	}
	flush()
	return out
}

// cut splits s after at most n columns, at least one character.
func cut(s string, n int) (string, string) {
	w := 0
	for i, r := range s {
		rw := displaywidth.Rune(r)
		if w+rw > n && i > 0 {
			return s[:i], s[i:]
		}
		w += rw
	}
	return s, ""
}
