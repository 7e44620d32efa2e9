package rollover

import (
	"strconv"
	"strings"
)

// writer builds the text of a plan file line by line, so that the comments stand exactly where
// they help and every value is written the way a person would write it.
type writer struct{ b strings.Builder }

// comment writes a comment line at an indentation of depth spaces; long text is wrapped.
func (w *writer) comment(depth int, text string) {
	for _, line := range wrap(text, 96-depth-2) {
		w.b.WriteString(strings.Repeat(" ", depth))
		if line == "" {
			w.b.WriteString("#\n")
			continue
		}
		w.b.WriteString("# ")
		w.b.WriteString(line)
		w.b.WriteByte('\n')
	}
}

// line writes a line of YAML as it is.
func (w *writer) line(depth int, text string) {
	w.b.WriteString(strings.Repeat(" ", depth))
	w.b.WriteString(text)
	w.b.WriteByte('\n')
}

// blank writes an empty line.
func (w *writer) blank() { w.b.WriteByte('\n') }

// field writes "key: value", with a trailing comment when note is not empty.
func (w *writer) field(depth int, key, value, note string) {
	text := key + ": " + value
	if note != "" {
		text += " # " + note
	}
	w.line(depth, text)
}

func (w *writer) String() string { return w.b.String() }

// number renders a number the shortest way that reads back exactly.
func number(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }

// wrap splits text into lines of at most width characters at spaces; a blank line stays blank.
func wrap(text string, width int) []string {
	var lines []string
	for _, para := range strings.Split(text, "\n") {
		words := strings.Fields(para)
		if len(words) == 0 {
			lines = append(lines, "")
			continue
		}
		// Keep a paragraph's indentation, and hang a list item's continuation lines under its
		// text.
		indent := para[:len(para)-len(strings.TrimLeft(para, " "))]
		hang := indent
		if words[0] == "-" {
			hang += "  "
		}
		cur := indent + words[0]
		for _, word := range words[1:] {
			if len(cur)+1+len(word) > width {
				lines = append(lines, cur)
				cur = hang + word
				continue
			}
			cur += " " + word
		}
		lines = append(lines, cur)
	}
	return lines
}
