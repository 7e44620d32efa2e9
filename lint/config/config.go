// Package config reads .okr.yaml, the configuration of a plan repository: which paths hold plans,
// and each lint rule's severity and numbers. It is checked as strictly as a plan: every mistake
// is reported with its position and, where one is close, the name that was probably meant.
package config

import (
	"github.com/okr-tool/okr/lint"
)

// FileName is the name of the configuration file at the root of a plan repository.
const FileName = ".okr.yaml"

// Config is a parsed configuration.
type Config struct {
	// File is the path the configuration was read from; "" for the defaults.
	File string
	// Paths are globs of repository-relative paths that hold plans ("**" matches any number of
	// directories); empty means every file.
	Paths []string
	// Severity holds the severities the configuration sets, by rule ID.
	Severity map[string]lint.Severity
	// Rules is the rule registry with the configured numbers applied.
	Rules []lint.Rule
}

// Default returns the configuration used when there is no .okr.yaml.
func Default() *Config {
	return &Config{Severity: map[string]lint.Severity{}, Rules: lint.Registry()}
}

// Options returns the lint options this configuration stands for.
func (c *Config) Options() lint.Options {
	return lint.Options{Rules: c.Rules, Severity: c.Severity}
}
