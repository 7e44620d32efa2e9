// Command okr lints and scores OKR and KPI plans kept as YAML files in git.
package main

import (
	"os"

	"github.com/okr-tool/okr/cmd"
)

func main() {
	os.Exit(cmd.Main(os.Args[1:], cmd.OSEnv()))
}
