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
)
