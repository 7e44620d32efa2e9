package plan

import "strings"

// IsSlug reports whether s is a valid id: lowercase ASCII letters and digits, in words joined by
// single hyphens or underscores, at most 64 characters.
func IsSlug(s string) bool {
	if s == "" || len(s) > 64 {
		return false
	}
	prevSep := true
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'a' && c <= 'z', c >= '0' && c <= '9':
			prevSep = false
		case c == '-' || c == '_':
			if prevSep {
				return false
			}
			prevSep = true
		default:
			return false
		}
	}
	return !prevSep
}

// Slugify turns a title into a slug suggestion: "Client Retention %" → "client-retention".
func Slugify(s string) string {
	var b strings.Builder
	sep := false
	for _, r := range strings.ToLower(s) {
		if (r >= 'a' && r <= 'z') || (r >= '0' && r <= '9') {
			if sep && b.Len() > 0 {
				b.WriteByte('-')
			}
			b.WriteRune(r)
			sep = false
		} else {
			sep = true
		}
		if b.Len() >= 48 {
			break
		}
	}
	if b.Len() == 0 {
		return "my-id"
	}
	return b.String()
}
