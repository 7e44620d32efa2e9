package cmd

import (
	"github.com/spf13/cobra"

	"github.com/okr-tool/okr/schema"
)

func newSchemaCmd(env *Env) *cobra.Command {
	var config bool
	c := &cobra.Command{
		Use:   "schema [--config]",
		Short: "Print the JSON Schema of plan files (or of .okr.yaml) for editors",
		Long: "Schema prints a JSON Schema (draft 2020-12) of plan files, with every key, its type, its\n" +
			"allowed values and what it means, so that an editor's YAML support completes and checks\n" +
			"plans as they are typed. With --config it prints the schema of .okr.yaml instead.\n" +
			"okr init writes both to .okr/ in a new repository; docs/plan.schema.json and\n" +
			"docs/okr-config.schema.json are copies; docs/authoring.md says how to point an editor\n" +
			"at them.",
		Args: cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error {
			out := schema.Plan()
			if config {
				out = schema.Config()
			}
			_, err := env.Stdout.Write(out)
			return err
		},
	}
	c.Flags().BoolVar(&config, "config", false, "print the schema of .okr.yaml instead of plan files")
	return c
}
