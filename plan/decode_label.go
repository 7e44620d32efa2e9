package plan

import "strings"

// label decodes a name or title: text people read in reports, so it must say something. An
// empty or blank value is reported and left unset; what names the object, e.g. "key result".
func (d *decoder) label(p pair, what string) Field[string] {
	f := d.text(p)
	if f.Set && strings.TrimSpace(f.Value) == "" {
		d.addf(f.Pos, RuleSchema, "%s is blank; write what this %s is in a few words", p.key, what)
		f.Set = false
	}
	return f
}
