package cmd

import (
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/okr-tool/okr/checkin"
	"github.com/okr-tool/okr/lint"
	"github.com/okr-tool/okr/lint/output"
	"github.com/okr-tool/okr/plan"
	"github.com/okr-tool/okr/plandiff/difffmt"
	"github.com/okr-tool/okr/report/reportfmt"
)

// Shell completion: cobra's "okr completion SHELL" prints the script; the functions here
// complete what users type after it is installed — scopes, periods and ids for checkin, scopes
// and quarters for next, rule ids for rules, and the --format names of each command.

// formatNames are the --format values of each command, read from each output kind's table.
var formatNames = map[string]func() []string{
	"lint":   output.Formats.Names,
	"report": reportfmt.Formats.Names,
	"diff":   difffmt.Formats.Names,
}

// addCompletions registers the completions of commands whose files do not register their own.
func addCompletions(env *Env, root *cobra.Command) {
	for _, c := range root.Commands() {
		if names, ok := formatNames[c.Name()]; ok && c.Flags().Lookup("format") != nil {
			c.RegisterFlagCompletionFunc("format", fixed(names))
		}
		if c.Name() == "rules" && c.ValidArgsFunction == nil {
			c.ValidArgsFunction = func(_ *cobra.Command, args []string, _ string) ([]cobra.Completion, cobra.ShellCompDirective) {
				if len(args) > 0 {
					return nil, cobra.ShellCompDirectiveNoFileComp
				}
				return lint.IDs(lint.Registry()), cobra.ShellCompDirectiveNoFileComp
			}
		}
		if c.Name() == "report" && c.Flags().Lookup("period") != nil {
			c.RegisterFlagCompletionFunc("period", completePeriods(env, false))
		}
	}
}

func fixed(names func() []string) cobra.CompletionFunc {
	return func(*cobra.Command, []string, string) ([]cobra.Completion, cobra.ShellCompDirective) {
		return names(), cobra.ShellCompDirectiveNoFileComp
	}
}

// readNames scans the repository around the working directory for completion; errors mean
// there is nothing to offer.
func readNames(env *Env) *checkin.Names {
	root, _, err := findRoot(env, nil)
	if err != nil {
		return nil
	}
	cfg, err := loadConfig(env, root, "")
	if err != nil {
		return nil
	}
	n, err := checkin.ReadNames(root, cfg.Paths)
	if err != nil {
		return nil
	}
	return n
}

// completePeriods offers the periods that have plans; scoped means the first argument is a
// scope, whose periods are offered.
func completePeriods(env *Env, scoped bool) cobra.CompletionFunc {
	return func(_ *cobra.Command, args []string, _ string) ([]cobra.Completion, cobra.ShellCompDirective) {
		n := readNames(env)
		if n == nil {
			return nil, cobra.ShellCompDirectiveNoFileComp
		}
		scope := ""
		if scoped && len(args) > 0 {
			scope = args[0]
		}
		return n.Periods(scope), cobra.ShellCompDirectiveNoFileComp
	}
}

// completeCheckin offers the scopes for the first argument, then "ID=" for each key result and
// KPI of the scope's plan for the period being checked in.
func completeCheckin(env *Env, f *checkinFlags) cobra.CompletionFunc {
	return func(_ *cobra.Command, args []string, toComplete string) ([]cobra.Completion, cobra.ShellCompDirective) {
		n := readNames(env)
		if n == nil {
			return nil, cobra.ShellCompDirectiveNoFileComp
		}
		if len(args) == 0 {
			return n.Scopes(), cobra.ShellCompDirectiveNoFileComp
		}
		period, err := plan.ParsePeriod(f.period)
		if f.period == "" || err != nil {
			day, err := parseDay("--as-of", f.asOf)
			if err != nil {
				return nil, cobra.ShellCompDirectiveNoFileComp
			}
			period = plan.QuarterOf(day)
		}
		krs, kpis := n.IDs(args[0], period)
		var out []cobra.Completion
		for _, id := range slices.Concat(krs, kpis) {
			if !slices.ContainsFunc(args[1:], func(a string) bool { return strings.HasPrefix(a, id+"=") }) {
				out = append(out, id+"=")
			}
		}
		return out, cobra.ShellCompDirectiveNoFileComp | cobra.ShellCompDirectiveNoSpace
	}
}

// completeScopes offers the scopes that have plans, for a flag that takes a comma-separated
// list: after "sales," it offers "sales,company" and the like, leaving out the scopes given.
func completeScopes(env *Env) cobra.CompletionFunc {
	return func(_ *cobra.Command, _ []string, toComplete string) ([]cobra.Completion, cobra.ShellCompDirective) {
		n := readNames(env)
		if n == nil {
			return nil, cobra.ShellCompDirectiveNoFileComp
		}
		given, prefix := []string(nil), ""
		if i := strings.LastIndex(toComplete, ","); i >= 0 {
			prefix = toComplete[:i+1]
			given = strings.Split(toComplete[:i], ",")
		}
		var out []cobra.Completion
		for _, s := range n.Scopes() {
			if !slices.Contains(given, s) {
				out = append(out, prefix+s)
			}
		}
		return out, cobra.ShellCompDirectiveNoFileComp
	}
}

// completeQuarters offers the quarters that have plans (okr next carries a quarter forward).
func completeQuarters(env *Env) cobra.CompletionFunc {
	return func(*cobra.Command, []string, string) ([]cobra.Completion, cobra.ShellCompDirective) {
		n := readNames(env)
		if n == nil {
			return nil, cobra.ShellCompDirectiveNoFileComp
		}
		var out []cobra.Completion
		for _, p := range n.Periods("") {
			if strings.Contains(p, "-Q") {
				out = append(out, p)
			}
		}
		return out, cobra.ShellCompDirectiveNoFileComp
	}
}
