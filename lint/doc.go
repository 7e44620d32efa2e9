package lint

import (
	"bytes"
	"fmt"
	"strings"
)

// HelpText is a rule's documentation as plain text: what it checks, why, its settings, and an
// example that passes. SARIF carries it as the rule's help.
func HelpText(r Rule) string {
	info := r.Info()
	var b strings.Builder
	fmt.Fprintf(&b, "%s\n\n%s\n", info.Summary, info.Rationale)
	if cites := Citations(info); len(cites) > 0 {
		fmt.Fprintf(&b, "\nSources:\n  %s\n", strings.Join(cites, "\n  "))
	}
	if params := paramsOf(r); len(params) > 0 {
		fmt.Fprintf(&b, "\nSettings in .okr.yaml (rules: %s:):\n", info.ID)
		defaults := defaultValues(info.ID)
		for _, p := range params {
			def, ok := defaults[p.Name]
			switch {
			case !ok:
				fmt.Fprintf(&b, "  %s: %s   # %s\n", p.Name, p.Value(), p.Doc)
			case def == p.Value():
				fmt.Fprintf(&b, "  %s: %s   # default; %s\n", p.Name, p.Value(), p.Doc)
			default:
				fmt.Fprintf(&b, "  %s: %s   # default %s; %s\n", p.Name, p.Value(), def, p.Doc)
			}
		}
	}
	fmt.Fprintf(&b, "\nSilence one finding with # okr:ignore %s <reason>.\n", info.ID)
	if len(info.Aliases) > 0 {
		fmt.Fprintf(&b, "Its former ID, %s, is still accepted in .okr.yaml and # okr:ignore.\n", strings.Join(info.Aliases, ", "))
	}
	return b.String()
}

// HelpMarkdown is HelpText in Markdown, with the good example instead of the silencing hint.
func HelpMarkdown(r Rule) string {
	info := r.Info()
	var b bytes.Buffer
	fmt.Fprintf(&b, "**%s**\n\n%s\n", info.Summary, info.Rationale)
	if cites := Citations(info); len(cites) > 0 {
		fmt.Fprintf(&b, "\nSources: %s\n", strings.Join(cites, "; "))
	}
	writeParams(&b, r)
	b.WriteString("\nA plan that passes:\n\n")
	writeExample(&b, info.Good)
	return b.String()
}

// ChangedSettings returns the settings of r whose values differ from the registered rule's
// defaults, as "name: value (default: x)", in the order of its Params.
func ChangedSettings(r Rule) []string {
	var changed []string
	defaults := defaultValues(r.Info().ID)
	for _, p := range paramsOf(r) {
		if def, ok := defaults[p.Name]; ok && def != p.Value() {
			changed = append(changed, fmt.Sprintf("%s: %s (default: %s)", p.Name, p.Value(), def))
		}
	}
	return changed
}

// defaultValues returns the values of the settings of the registered rule with the given ID as
// it is before any configuration, by setting name.
func defaultValues(id string) map[string]string {
	values := map[string]string{}
	for _, p := range paramsOf(Lookup(Registry(), id)) {
		values[p.Name] = p.Value()
	}
	return values
}

func paramsOf(r Rule) []Param {
	if c, ok := r.(Configurable); ok {
		return c.Params()
	}
	return nil
}

func writeParams(b *bytes.Buffer, r Rule) {
	params := paramsOf(r)
	if len(params) == 0 {
		return
	}
	fmt.Fprintf(b, "\nSettings (`.okr.yaml`, under `rules: %s:`):\n\n| setting | default | meaning |\n| --- | --- | --- |\n", r.Info().ID)
	defaults := defaultValues(r.Info().ID)
	for _, p := range params {
		def, ok := defaults[p.Name]
		if !ok {
			def = p.Value()
		}
		doc := p.Doc
		if def != p.Value() {
			doc += fmt.Sprintf(" (configured: `%s`)", p.Value())
		}
		fmt.Fprintf(b, "| `%s` | `%s` | %s |\n", p.Name, def, doc)
	}
}

func writeExample(b *bytes.Buffer, ex Example) {
	for _, f := range ex {
		if len(ex) > 1 {
			fmt.Fprintf(b, "`%s`:\n\n", f.Path)
		}
		fmt.Fprintf(b, "```yaml\n%s```\n\n", f.Text)
	}
}

// paragraph ends what b holds with exactly one blank line.
func paragraph(b *bytes.Buffer) {
	for bytes.HasSuffix(b.Bytes(), []byte("\n")) {
		b.Truncate(b.Len() - 1)
	}
	b.WriteString("\n\n")
}

// Catalogue renders docs/rules.md: every rule with its severity, rationale, settings, and a bad
// and a good example, the bad one followed by the exact findings okr reports for it.
func Catalogue(rules []Rule) []byte {
	var b bytes.Buffer
	b.WriteString(catalogueIntro)
	b.WriteString("| rule | default | what it checks |\n| --- | --- | --- |\n")
	for _, r := range rules {
		info := r.Info()
		fmt.Fprintf(&b, "| [`%s`](#%s) | %s | %s |\n", info.ID, info.ID, info.Severity, info.Summary)
	}
	for _, r := range rules {
		info := r.Info()
		paragraph(&b)
		for _, a := range info.Aliases {
			fmt.Fprintf(&b, "<a id=\"%s\"></a>\n", a) // links to the former ID still land here
		}
		fmt.Fprintf(&b, "## %s\n\n", info.ID)
		fmt.Fprintf(&b, "Default severity: **%s**", info.Severity)
		if cites := Citations(info); len(cites) > 0 {
			fmt.Fprintf(&b, " · Sources: %s", strings.Join(cites, "; "))
		}
		if info.Requires != "" {
			fmt.Fprintf(&b, " · Needs: %s", info.Requires)
		}
		if len(info.Aliases) > 0 {
			fmt.Fprintf(&b, " · Former ID: `%s` (still accepted in `.okr.yaml` and `# okr:ignore`)", strings.Join(info.Aliases, "`, `"))
		}
		fmt.Fprintf(&b, "\n\n%s\n\n%s\n", info.Summary, info.Rationale)
		writeParams(&b, r)
		b.WriteString("\n### Bad\n\n")
		writeExample(&b, info.Bad)
		if info.Requires != "" {
			fmt.Fprintf(&b, "This rule runs only %s, so the example above is described rather than run.\n", RunsOnly(info.Requires))
		} else {
			fmt.Fprintf(&b, "```text\n%s\n```\n", strings.Join(RunExample(Registry(), info.ID, info.Bad), "\n"))
		}
		b.WriteString("\n### Good\n\n")
		writeExample(&b, info.Good)
	}
	return bytes.TrimRight(b.Bytes(), "\n")
}

const catalogueIntro = `# okr lint rules

<!-- Generated from the rule registry (package lint), with the other files the registry feeds
     (the .okr.yaml schema, okr init's .okr.yaml), by
     UPDATE_GOLDEN=1 go test ./...
     Do not edit by hand: TestRulesDoc fails when this file is stale. -->

Each rule has an ID and a default severity, and cites the articles on OKRs and KPIs it is built
on. ` + "`okr rules`" + ` lists the rules with the severities and settings in effect in the repository
(marking what ` + "`.okr.yaml`" + ` changed), and ` + "`okr rules ID`" + ` explains one. Every
"Bad" example below is run by the tests and must produce the output shown; every "Good" example
must not make its rule fire.

Change a rule's severity or numbers in ` + "`.okr.yaml`" + ` at the repository root (or pass
` + "`--config FILE`" + `):

` + "```yaml" + `
paths:               # where plans live (globs, ** for any depth); default: everywhere
  - plans/**
rules:
  kpi-count: off     # a severity: error, warning or off
  kr-count:          # or settings, with an optional severity
    severity: warning
    min: 2
    max: 5
` + "```" + `

Silence a finding where it stands with ` + "`# okr:ignore RULE[,RULE] reason`" + ` on the line the finding
points at, on the line of the KPI, objective or key result it belongs to, or alone on the line right
above either. A suppression without a reason, naming an unknown rule, or silencing nothing is
reported by the ` + "`suppression`" + ` rule.

`
