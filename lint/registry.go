package lint

// Registry returns every rule, in the order of the catalogue. Each call returns new rule values
// with their default numbers, so a configuration can change them without affecting other runs.
func Registry() []Rule {
	return []Rule{
		newYAMLSyntax(),
		newSchema(),
		newDuplicateID(),
		newReference(),
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
		newKPINewMidyear(),
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

// Lookup returns the rule with the given ID from rules, or nil.
func Lookup(rules []Rule, id string) Rule {
	for _, r := range rules {
		if r.Info().ID == id {
			return r
		}
	}
	return nil
}

// IDs returns the IDs of rules, in order.
func IDs(rules []Rule) []string {
	ids := make([]string, len(rules))
	for i, r := range rules {
		ids[i] = r.Info().ID
	}
	return ids
}
