package reportfmt

import (
	"html/template"
	"strconv"
	"strings"
)

// The charts' SVG markup, written directly rather than through html/template: a report of
// hundreds of plans has tens of thousands of chart elements, and the template's per-value
// escaping made them the most expensive part of the page. Every text that comes from a plan
// goes through template.HTMLEscapeString; every other value is a number or a fixed word.

// Markup is the chart as inline SVG.
func (c barChart) Markup() template.HTML {
	var b strings.Builder
	b.Grow(512 + 400*len(c.Rows))
	bottom, labelY := float64(c.Height-20), float64(c.Height-6)
	b.WriteString(`<svg class="bar-chart" viewBox="0 0 `)
	b.WriteString(strconv.Itoa(c.Width) + " " + strconv.Itoa(c.Height))
	b.WriteString(`" role="img" aria-label="` + esc(c.Label) + `" xmlns="http://www.w3.org/2000/svg">` + "\n")
	b.WriteString("<title>" + esc(c.Label) + "</title>")
	for _, t := range c.Ticks {
		b.WriteString("\n")
		el(&b, "line", "tick", "x1", t.X, "y1", 4, "x2", t.X, "y2", bottom)
		b.WriteString("\n")
		el(&b, "text", "tick-label", "x", t.X, "y", labelY)
		b.WriteString(esc(t.Label) + "</text>")
	}
	for _, r := range c.Rows {
		b.WriteString("\n")
		el(&b, "text", "bar-label", "x", c.BarX-10, "y", r.TextY)
		b.WriteString("<title>" + esc(r.Title) + "</title>" + esc(r.Label) + "</text>\n")
		el(&b, "rect", "track", "x", c.BarX, "y", r.Y, "width", c.BarWidth, "height", 20, "rx", 3)
		b.WriteString("\n")
		el(&b, "rect", "bar "+r.Class, "x", c.BarX, "y", r.Y, "width", r.Width, "height", 20, "rx", 3)
		b.WriteString("\n")
		el(&b, "text", "bar-score "+r.Class, "x", r.ScoreX, "y", r.TextY)
		b.WriteString(esc(r.Score) + "</text>")
	}
	if e := c.Expected; e != nil {
		b.WriteString("\n")
		el(&b, "line", "expected", "x1", e.X, "y1", 16, "x2", e.X, "y2", bottom)
		b.WriteString("\n")
		el(&b, "text", "expected-label", "x", e.X, "y", 12)
		b.WriteString(esc(e.Label) + "</text>")
	}
	b.WriteString("\n</svg>")
	return template.HTML(b.String())
}

// Markup is the chart as inline SVG.
func (c trendChart) Markup() template.HTML {
	var b strings.Builder
	b.Grow(2048)
	b.WriteString(`<svg class="trend-chart" viewBox="0 0 `)
	b.WriteString(strconv.Itoa(c.Width) + " " + strconv.Itoa(c.Height))
	b.WriteString(`" role="img" aria-label="` + esc(c.Label) + `" xmlns="http://www.w3.org/2000/svg">` + "\n")
	b.WriteString("<title>" + esc(c.Label) + "</title>\n")
	el(&b, "line", "axis", "x1", c.Left, "y1", c.Bottom, "x2", c.Right, "y2", c.Bottom)
	for _, l := range c.YLabels {
		b.WriteString("\n")
		el(&b, "text", "axis-label", "x", l.X, "y", l.Y, "text-anchor", "end")
		b.WriteString(esc(l.Label) + "</text>")
	}
	for _, l := range c.XLabels {
		b.WriteString("\n")
		el(&b, "text", "axis-label"+strong(l.Strong), "x", l.X, "y", l.Y, "text-anchor", "middle")
		b.WriteString(esc(l.Label) + "</text>")
	}
	if a := c.Annual; a != nil {
		b.WriteString("\n")
		el(&b, "line", "annual", "x1", c.Left, "y1", a.Y, "x2", c.Right, "y2", a.Y)
		b.WriteString("\n")
		el(&b, "text", "annual-label", "x", a.X, "y", a.Y, "dy", -2)
		b.WriteString("annual</text>\n")
		el(&b, "text", "annual-label", "x", a.X, "y", a.Y, "dy", 10)
		b.WriteString(esc(a.Label) + "</text>")
	}
	if c.Targets != "" {
		b.WriteString("\n<polyline class=\"targets\" points=\"" + c.Targets + "\"/>")
	}
	for _, p := range c.TargetPoints {
		b.WriteString("\n")
		el(&b, "circle", "target-point", "cx", p.X, "cy", p.Y, "r", 3.5)
		b.WriteString("<title>target " + esc(p.Label) + "</title></circle>")
		if p.DY != 0 {
			b.WriteString("\n")
			el(&b, "text", "target-label", "x", p.X, "y", p.Y, "dy", p.DY, "text-anchor", "middle")
			b.WriteString(esc(p.Label) + "</text>")
		}
	}
	for _, l := range c.Lines {
		b.WriteString("\n<polyline class=\"values\" points=\"" + l + "\"/>")
	}
	for _, p := range c.Points {
		b.WriteString("\n")
		el(&b, "circle", "value-point"+strong(p.Strong), "cx", p.X, "cy", p.Y, "r", 4)
		b.WriteString("<title>" + esc(p.Label) + "</title></circle>\n")
		el(&b, "text", "point-label", "x", p.X, "y", p.Y, "dy", p.DY, "text-anchor", "middle")
		b.WriteString(esc(p.Label) + "</text>")
	}
	if c.Empty {
		b.WriteString("\n")
		el(&b, "text", "axis-label", "x", c.Left, "y", c.Top, "dy", 40)
		b.WriteString("no readings or targets yet</text>")
	}
	b.WriteString("\n</svg>")
	return template.HTML(b.String())
}

// el writes the start of an SVG element with a class and attributes given as name, value pairs
// (numbers or words): a text or circle element is left open for its content, other elements
// are closed.
func el(b *strings.Builder, name, class string, attrs ...any) {
	b.WriteString("<" + name + ` class="` + class + `"`)
	for i := 0; i+1 < len(attrs); i += 2 {
		b.WriteString(" " + attrs[i].(string) + `="`)
		switch v := attrs[i+1].(type) {
		case float64:
			b.WriteString(strconv.FormatFloat(v, 'f', -1, 64))
		case int:
			b.WriteString(strconv.Itoa(v))
		case string:
			b.WriteString(esc(v))
		}
		b.WriteByte('"')
	}
	if name == "text" || name == "circle" {
		b.WriteString(">")
		return
	}
	b.WriteString("/>")
}

func strong(on bool) string {
	if on {
		return " strong"
	}
	return ""
}

func esc(s string) string { return template.HTMLEscapeString(s) }
