package lint

import (
	"slices"
	"sync"
)

// Registry returns every rule, in the order of the catalogue. Each call returns new rule values
// with their default numbers, so a configuration can change them without affecting other runs.
func Registry() []Rule {
	return []Rule{
		newYAMLSyntax(),
		newSchema(),
		newDuplicateID(),
		newReference(),
		newEmptyPlan(),
		newParentLevel(),
		newAlignmentCycle(),
		newAlignmentLevel(),
		newKRCount(),
		newKRQuantified(),
		newKRDue(),
		newScoreRange(),
		newKPIEffort(),
		newKPISource(),
		newKPIFrequency(),
		newKPICadence(),
		newKPITarget(),
		newKPITargetAgree(),
		newKPIDirection(),
		newKPICount(),
		newKPIEveryKR(),
		newKPICarryForward(),
		newKPIChurn(),
		newKPIAnnualTarget(),
		newKPIBaseline(),
		newKPIRedefined(),
		newKPIUnmeasured(),
		newObjectiveCount(),
		newMovedGoalposts(),
		newKPIStale(),
		newSuppressionRule(),
	}
}

// Lookup returns the rule with the given ID or former ID (Info.Aliases) from rules, or nil.
func Lookup(rules []Rule, id string) Rule {
	for _, r := range rules {
		if r.Info().ID == id || slices.Contains(r.Info().Aliases, id) {
			return r
		}
	}
	return nil
}

// aliases maps the former IDs of the registered rules to their IDs.
var aliases = sync.OnceValue(func() map[string]string {
	m := map[string]string{}
	for _, r := range Registry() {
		for _, a := range r.Info().Aliases {
			m[a] = r.Info().ID
		}
	}
	return m
})

// CanonicalID returns the ID of the registered rule that id is a former ID of, or id itself.
func CanonicalID(id string) string {
	if to, ok := aliases()[id]; ok {
		return to
	}
	return id
}

// IDs returns the IDs of rules, in order.
func IDs(rules []Rule) []string {
	ids := make([]string, len(rules))
	for i, r := range rules {
		ids[i] = r.Info().ID
	}
	return ids
}
