package cmd

import (
	"bufio"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/okr-tool/okr/lint"
	"github.com/okr-tool/okr/lint/config"
	"github.com/okr-tool/okr/plan"
)

func newRulesCmd(env *Env) *cobra.Command {
	var configFlag string
	c := &cobra.Command{
		Use:   "rules [RULE]",
		Short: "List the lint rules, or explain one",
		Long: "Rules lists every lint rule with its severity and what it checks. With a rule ID it\n" +
			"explains the rule: why it exists, its settings, and an example that makes it fire with\n" +
			"the findings okr reports for it, and one that passes.\n\n" +
			"Severities and settings are the ones in effect: those of the repository's .okr.yaml (or\n" +
			"--config), with what differs from the default marked.",
		Args: cobra.MaximumNArgs(1),
		RunE: func(_ *cobra.Command, args []string) error {
			cfg, err := rulesConfig(env, configFlag)
			if err != nil {
				return err
			}
			if len(args) == 0 {
				return listRules(env.Stdout, cfg)
			}
			r := lint.Lookup(cfg.Rules, args[0])
			if r == nil {
				if near := plan.Nearest(args[0], lint.IDs(cfg.Rules)); near != "" {
					return troublef("unknown rule %q; did you mean %q?", args[0], near)
				}
				return troublef("unknown rule %q; run 'okr rules' for the list", args[0])
			}
			return explainRule(env.Stdout, cfg, r)
		},
	}
	c.Flags().StringVarP(&configFlag, "config", "c", "", "configuration file (default: .okr.yaml at the repository root)")
	return c
}

// rulesConfig reads the configuration of the repository around the working directory, or the
// --config file; outside a repository it is the defaults.
func rulesConfig(env *Env, flag string) (*config.Config, error) {
	root, err := plan.FindRoot(workDir(env))
	if err != nil {
		root = workDir(env)
	}
	return loadConfig(env, root, flag)
}

// severity is the severity of rule info in effect under cfg, and whether it differs from the
// default.
func severity(cfg *config.Config, info *lint.Info) (lint.Severity, bool) {
	if s, ok := cfg.Severity[info.ID]; ok && s != info.Severity {
		return s, true
	}
	return info.Severity, false
}

func listRules(w io.Writer, cfg *config.Config) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "RULE\tSEVERITY\tWHAT IT CHECKS")
	var changed []string
	for _, r := range cfg.Rules {
		info := r.Info()
		s, differs := severity(cfg, info)
		sev := s.String()
		if differs {
			sev += fmt.Sprintf(" (default: %s)", info.Severity)
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\n", info.ID, sev, info.Summary)
		for _, c := range lint.ChangedSettings(r) {
			changed = append(changed, info.ID+" "+c)
		}
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	if cfg.File != "" {
		fmt.Fprintf(w, "\nSeverities and settings from %s", cfg.File)
		if len(changed) == 0 {
			fmt.Fprintln(w, "; no setting differs from the default.")
		} else {
			fmt.Fprintf(w, "; settings that differ from the default:\n  %s\n", strings.Join(changed, "\n  "))
		}
	}
	return nil
}

func explainRule(w io.Writer, cfg *config.Config, r lint.Rule) error {
	info := r.Info()
	b := bufio.NewWriter(w)
	s, differs := severity(cfg, info)
	if differs {
		fmt.Fprintf(b, "%s (%s in %s; default: %s)\n\n", info.ID, s, cfg.File, info.Severity)
	} else {
		fmt.Fprintf(b, "%s (default: %s)\n\n", info.ID, info.Severity)
	}
	fmt.Fprint(b, wrap(lint.HelpText(r), 100))
	fmt.Fprintf(b, "\nA plan that makes it fire:\n\n")
	writeExample(b, info.Bad)
	if info.Requires != "" {
		fmt.Fprintf(b, "(This rule runs only %s.)\n", lint.RunsOnly(info.Requires))
	} else {
		fmt.Fprintf(b, "okr lint reports (with the default settings):\n\n")
		for _, line := range lint.RunExample(lint.Registry(), info.ID, info.Bad) {
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
