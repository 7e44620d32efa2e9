package lint

import (
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unicode"
)

// TestDocLinks checks every link of README.md and docs/*.md that points inside the repository:
// the file it names exists, and so does the heading its #anchor names (GitHub's anchors), so
// the documentation cannot send a reader nowhere.
func TestDocLinks(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("..", "docs", "*.md"))
	if err != nil {
		t.Fatal(err)
	}
	files = append(files, filepath.Join("..", "README.md"))
	anchors := map[string]map[string]bool{} // by cleaned path
	anchorsOf := func(file string) (map[string]bool, error) {
		if a, ok := anchors[file]; ok {
			return a, nil
		}
		data, err := os.ReadFile(file)
		if err != nil {
			return nil, err
		}
		anchors[file] = markdownAnchors(string(data))
		return anchors[file], nil
	}
	checked := 0
	for _, file := range files {
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		for _, l := range markdownLinks(string(data)) {
			target, anchor, _ := strings.Cut(l.target, "#")
			if strings.Contains(target, "://") || strings.HasPrefix(target, "mailto:") {
				continue
			}
			checked++
			where := filepath.ToSlash(file) + ":" + strconv.Itoa(l.line)
			dest := file
			if target != "" {
				dest = filepath.Join(filepath.Dir(file), filepath.FromSlash(path.Clean(target)))
				if _, err := os.Stat(dest); err != nil {
					t.Errorf("%s: link to %s: no such file", where, l.target)
					continue
				}
			}
			if anchor == "" {
				continue
			}
			if !strings.HasSuffix(dest, ".md") {
				t.Errorf("%s: link to %s: an anchor into a file that is not Markdown", where, l.target)
				continue
			}
			a, err := anchorsOf(dest)
			if err != nil {
				t.Errorf("%s: %v", where, err)
			} else if !a[anchor] {
				t.Errorf("%s: link to %s: %s has no heading with the anchor #%s", where, l.target, filepath.ToSlash(dest), anchor)
			}
		}
	}
	if checked < 10 {
		t.Errorf("only %d links checked; is the link parser broken?", checked)
	}
}

type mdLink struct {
	line   int
	target string
}

var (
	linkRE   = regexp.MustCompile(`\]\(([^)\s]+)(?:\s+"[^"]*")?\)`)
	codeRE   = regexp.MustCompile("`[^`]*`")
	htmlIDRE = regexp.MustCompile(`<a\s+(?:id|name)="([^"]+)"`)
)

// markdownLinks returns the targets of the inline links of a Markdown text, outside code.
func markdownLinks(text string) []mdLink {
	var links []mdLink
	fence := false
	for i, line := range strings.Split(text, "\n") {
		if strings.HasPrefix(strings.TrimSpace(line), "```") {
			fence = !fence
			continue
		}
		if fence {
			continue
		}
		for _, m := range linkRE.FindAllStringSubmatch(codeRE.ReplaceAllString(line, ""), -1) {
			links = append(links, mdLink{line: i + 1, target: m[1]})
		}
	}
	return links
}

// markdownAnchors returns the anchors of a Markdown text: each heading's, as GitHub derives it,
// and those of <a id="…"> tags.
func markdownAnchors(text string) map[string]bool {
	anchors := map[string]bool{}
	seen := map[string]int{}
	fence := false
	for _, line := range strings.Split(text, "\n") {
		if strings.HasPrefix(strings.TrimSpace(line), "```") {
			fence = !fence
			continue
		}
		if fence {
			continue
		}
		for _, m := range htmlIDRE.FindAllStringSubmatch(line, -1) {
			anchors[m[1]] = true
		}
		heading := strings.TrimLeft(line, "#")
		if heading == line || !strings.HasPrefix(heading, " ") || len(line)-len(heading) > 6 {
			continue
		}
		slug := headingSlug(heading)
		if n := seen[slug]; n > 0 {
			anchors[slug+"-"+strconv.Itoa(n)] = true
		} else {
			anchors[slug] = true
		}
		seen[slug]++
	}
	return anchors
}

var inlineLinkRE = regexp.MustCompile(`\[([^\]]*)\]\([^)]*\)`)

// headingSlug is GitHub's anchor for a heading: its text lowercased, links and code reduced to
// their text, punctuation other than - and _ dropped, and spaces turned into hyphens.
func headingSlug(heading string) string {
	text := inlineLinkRE.ReplaceAllString(strings.TrimSpace(heading), "$1")
	var b strings.Builder
	for _, r := range strings.ToLower(text) {
		switch {
		case r == ' ':
			b.WriteRune('-')
		case r == '-' || r == '_' || unicode.IsLetter(r) || unicode.IsDigit(r):
			b.WriteRune(r)
		}
	}
	return b.String()
}

func TestHeadingSlug(t *testing.T) {
	for heading, want := range map[string]string{
		"Scoring (0–1)":                 "scoring-01",
		"Pull requests and history":     "pull-requests-and-history",
		"`okr lint` in CI":              "okr-lint-in-ci",
		"kpi-churn":                     "kpi-churn",
		"See [the rules](rules.md) now": "see-the-rules-now",
		"Plans with problems":           "plans-with-problems",
	} {
		if got := headingSlug(heading); got != want {
			t.Errorf("headingSlug(%q) = %q, want %q", heading, got, want)
		}
	}
}
