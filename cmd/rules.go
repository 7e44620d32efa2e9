package cmd

import (
	"bufio"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/okr-tool/okr/lint"
	"github.com/okr-tool/okr/plan"
)

func newRulesCmd(env *Env) *cobra.Command {
	return &cobra.Command{
		Use:   "rules [RULE]",
		Short: "List the lint rules, or explain one",
		Long: "Rules lists every lint rule with its default severity and what it checks. With a rule\n" +
			"ID it explains the rule: why it exists, its settings, and an example that makes it fire\n" +
			"with the findings okr reports for it, and one that passes.",
		Args: cobra.MaximumNArgs(1),
		RunE: func(_ *cobra.Command, args []string) error {
			rules := lint.Registry()
			if len(args) == 0 {
				return listRules(env.Stdout, rules)
			}
			r := lint.Lookup(rules, args[0])
			if r == nil {
				if near := plan.Nearest(args[0], lint.IDs(rules)); near != "" {
					return troublef("unknown rule %q; did you mean %q?", args[0], near)
				}
				return troublef("unknown rule %q; run 'okr rules' for the list", args[0])
			}
			return explainRule(env.Stdout, rules, r)
		},
	}
}

func listRules(w io.Writer, rules []lint.Rule) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "RULE\tSEVERITY\tWHAT IT CHECKS")
	for _, r := range rules {
		info := r.Info()
		fmt.Fprintf(tw, "%s\t%s\t%s\n", info.ID, info.Severity, info.Summary)
	}
	return tw.Flush()
}

func explainRule(w io.Writer, rules []lint.Rule, r lint.Rule) error {
	info := r.Info()
	b := bufio.NewWriter(w)
	fmt.Fprintf(b, "%s (default: %s)\n\n%s", info.ID, info.Severity, wrap(lint.HelpText(r), 100))
	fmt.Fprintf(b, "\nA plan that makes it fire:\n\n")
	writeExample(b, info.Bad)
	if info.Requires != "" {
		fmt.Fprintf(b, "(This rule runs only %s.)\n", lint.RunsOnly(info.Requires))
	} else {
		fmt.Fprintf(b, "okr lint reports:\n\n")
		for _, line := range lint.RunExample(rules, info.ID, info.Bad) {
			fmt.Fprintf(b, "    %s\n", line)
		}
	}
	fmt.Fprintf(b, "\nA plan that passes:\n\n")
	writeExample(b, info.Good)
	return b.Flush()
}

func writeExample(w io.Writer, ex lint.Example) {
	for _, f := range ex {
		fmt.Fprintf(w, "  # %s\n", f.Path)
		for _, line := range strings.Split(strings.TrimRight(f.Text, "\n"), "\n") {
			fmt.Fprintf(w, "    %s\n", line)
		}
		fmt.Fprintln(w)
	}
}

// wrap breaks the lines of text that are longer than width at spaces; indented lines (settings,
// examples) are left alone.
func wrap(text string, width int) string {
	var out []string
	for _, line := range strings.Split(text, "\n") {
		for len(line) > width && !strings.HasPrefix(line, " ") {
			cut := strings.LastIndex(line[:width], " ")
			if cut <= 0 {
				break
			}
			out = append(out, line[:cut])
			line = line[cut+1:]
		}
		out = append(out, line)
	}
	return strings.Join(out, "\n")
}
