package plan

// Limits that keep a hostile or broken file from exhausting memory or time. A file that exceeds
// one is reported as a finding; the other files are still checked. docs/plan-format.md lists them.
const (
	// MaxFileSize is the largest plan file okr reads. Real plans are a few kilobytes.
	MaxFileSize = 4 << 20
	// MaxDepth is the deepest nesting of collections okr accepts. The plan format itself nests
	// five levels deep; the YAML parser accepts up to 10,000.
	MaxDepth = 64
	// MaxNodes bounds the values okr visits in one file, counting each use of an alias anew, so
	// that a document of nested aliases (a "billion laughs") cannot expand without end.
	MaxNodes = 200_000
	// MaxYAMLNodes bounds the YAML nodes (keys, values and collections) of one file, estimated
	// from its text before it is parsed, because the parsed tree costs about 200 bytes a node:
	// a 4 MiB flow list of small numbers would take 400 MB. At this bound a file's tree takes at
	// most about 60 MB; plans have a few hundred nodes.
	MaxYAMLNodes = 100_000
)

// estimateNodes counts, over the raw text, the places where a YAML node can start: line breaks,
// the flow indicators "[", "{" and ",", and ":", "-" and "?" followed by a blank (or ending the
// text). Every node but the first of a line is preceded by one of them, so the count is close to
// the number of nodes the parser would build (the separators inside quoted text and comments
// count too). It runs on every file before it is parsed, so it is one pass over the bytes.
func estimateNodes(data []byte) int {
	n := 1
	for i, c := range data {
		switch c {
		case ',', '[', '{':
			n++
		case '\n', ' ', '\t', '\r':
			if c == '\n' {
				n++
			}
			if i > 0 && isIndicator(data[i-1]) {
				n++
			}
		}
	}
	if len(data) > 0 && isIndicator(data[len(data)-1]) {
		n++
	}
	return n
}

// maxEstimate bounds what estimateNodes counts for n bytes: each byte counts at most once, but for
// a blank after an indicator, which counts for the indicator too (a line break, twice) while the
// indicator itself counts nothing; then the start of the text, and an indicator ending it.
func maxEstimate(n int) int { return n + 2 }

// overNodes reports whether the estimate of data is over MaxYAMLNodes, and the estimate. A file
// too short to reach the bound (every plan: they are a few kilobytes) is not scanned.
func overNodes(data []byte) (int, bool) {
	if maxEstimate(len(data)) <= MaxYAMLNodes {
		return 0, false
	}
	n := estimateNodes(data)
	return n, n > MaxYAMLNodes
}

func isIndicator(c byte) bool { return c == ':' || c == '-' || c == '?' }
