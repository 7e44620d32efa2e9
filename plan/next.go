package plan

import "time"

// QuarterOf returns the quarter that contains the calendar day of t: the quarter in progress on
// that day.
func QuarterOf(t time.Time) Period {
	return Period{Year: t.Year(), Quarter: (int(t.Month())-1)/3 + 1}
}

// SchemaFile is where a plan repository keeps the JSON Schema of plan files, relative to its
// root; okr init writes it there and the plans it creates point at it.
const SchemaFile = ".okr/plan.schema.json"

// SchemaURL is the published JSON Schema of plan files, for plans in a repository that keeps no
// copy of its own.
const SchemaURL = "https://raw.githubusercontent.com/okr-tool/okr/main/docs/plan.schema.json"

// SchemaComment is the first line of a plan file that tells editors (the YAML language server
// behind VS Code's YAML extension) which schema the file follows; ref is a URL or a path relative
// to the plan file.
func SchemaComment(ref string) string { return "# yaml-language-server: $schema=" + ref }

// KeyResult returns the plan's first key result with the given id, or nil: the one a check-in
// or a rollover edits by id.
func (p *Plan) KeyResult(id string) *KeyResult {
	for _, o := range p.Objectives {
		for _, kr := range o.KeyResults {
			if kr.ID.Value == id {
				return kr
			}
		}
	}
	return nil
}
