package cmd

import (
	"github.com/spf13/cobra"

	"github.com/okr-tool/okr/schema"
)

// schemaKinds are the schemas okr schema prints, by the argument that names them.
var schemaKinds = map[string]func() []byte{
	"plan":   schema.Plan,
	"config": schema.Config,
}

func newSchemaCmd(env *Env) *cobra.Command {
	c := &cobra.Command{
		Use:   "schema [plan|config]",
		Short: "Print the JSON Schema of plan files (or of .okr.yaml) for editors",
		Long: "Schema prints a JSON Schema (draft 2020-12) for editors: of plan files by default or with\n" +
			"'plan', of .okr.yaml with 'config'. It gives every key, its type, its allowed values and\n" +
			"what it means, so that an editor's YAML support completes and checks files as they are\n" +
			"typed. okr init writes both to .okr/ in a new repository; docs/plan.schema.json and\n" +
			"docs/okr-config.schema.json are copies; docs/authoring.md says how to point an editor\n" +
			"at them.",
		Args: cobra.MaximumNArgs(1),
		ValidArgsFunction: func(_ *cobra.Command, args []string, _ string) ([]cobra.Completion, cobra.ShellCompDirective) {
			if len(args) > 0 {
				return nil, cobra.ShellCompDirectiveNoFileComp
			}
			return []cobra.Completion{"plan", "config"}, cobra.ShellCompDirectiveNoFileComp
		},
		RunE: func(_ *cobra.Command, args []string) error {
			kind := "plan"
			if len(args) > 0 {
				kind = args[0]
			}
			schemaOf, ok := schemaKinds[kind]
			if !ok {
				return troublef("okr schema prints the schema of plan or config files, not %q", kind)
			}
			_, err := env.Stdout.Write(schemaOf())
			return err
		},
	}
	return c
}
