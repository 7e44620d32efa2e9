package lint

import (
	"slices"
	"strconv"

	"github.com/okr-tool/okr/plan"
)

// RuleSuppression is the ID of the rule that reports "# okr:ignore" comments that are wrong:
// without a reason, naming an unknown rule, or silencing nothing.
const RuleSuppression = "suppression"

// suppressionState is one "# okr:ignore" comment and which of its rules silenced something.
type suppressionState struct {
	file string
	s    *plan.Suppression
	used map[string]bool
}

// suppressionIndex maps a line to the comments that apply to it.
type suppressionIndex map[int32][]*suppressionState

// indexSuppressions says which line each comment of p applies to: its own line for a comment
// after a value, the next line for a comment alone on its line (skipping further okr:ignore
// comments stacked below it).
func indexSuppressions(p *plan.Plan) (suppressionIndex, []*suppressionState) {
	target := ownLineTargets(p.Suppressions)
	idx := suppressionIndex{}
	states := make([]*suppressionState, len(p.Suppressions))
	for i := range p.Suppressions {
		s := &p.Suppressions[i]
		st := &suppressionState{file: p.File, s: s, used: map[string]bool{}}
		states[i] = st
		line := s.Pos.Line
		if s.OwnLine {
			line = target[line]
		}
		idx[line] = append(idx[line], st)
	}
	return idx, states
}

// ownLineTargets maps the line of each comment alone on its line to the line it applies to: the
// first line below it that is not such a comment. A stack of comments is walked once, from the
// bottom up, so 40,000 stacked comments cost 40,000 steps, not 40,000².
func ownLineTargets(sups []plan.Suppression) map[int32]int32 {
	var lines []int32
	for _, s := range sups {
		if s.OwnLine {
			lines = append(lines, s.Pos.Line)
		}
	}
	slices.Sort(lines)
	lines = slices.Compact(lines)
	target := make(map[int32]int32, len(lines))
	for i := len(lines) - 1; i >= 0; i-- {
		line := lines[i]
		if i+1 < len(lines) && lines[i+1] == line+1 {
			target[line] = target[line+1]
		} else {
			target[line] = line + 1
		}
	}
	return target
}

// silences reports whether a comment on one of the finding's lines names its rule, and marks
// that comment's rule used.
func (idx suppressionIndex) silences(f Finding) bool {
	lines := [3]int32{f.Pos.Line, f.owners[0], f.owners[1]}
	hit := false
	for i, line := range lines {
		if line == 0 || slices.Contains(lines[:i], line) {
			continue
		}
		for _, st := range idx[line] {
			for _, id := range st.s.Rules {
				if CanonicalID(id) == f.Rule {
					st.used[id] = true
					hit = true
				}
			}
		}
	}
	return hit
}

// suppress drops the findings that an "# okr:ignore" comment silences and adds findings of the
// suppression rule for comments that are wrong. ran says which rules ran in this invocation: a
// comment naming a rule that did not run (turned off, or lacking the git history it needs) is
// not judged unused.
func suppress(findings []Finding, plans map[string]*plan.Plan, rules []Rule, active map[string]Severity, ran map[string]bool) []Finding {
	indexes := map[string]suppressionIndex{}
	var states []*suppressionState
	for file, p := range plans {
		if len(p.Suppressions) > 0 {
			idx, st := indexSuppressions(p)
			indexes[file] = idx
			states = append(states, st...)
		}
	}
	if len(indexes) == 0 {
		return findings
	}
	kept := findings[:0]
	for _, f := range findings {
		if idx := indexes[f.File]; idx != nil && idx.silences(f) {
			continue
		}
		kept = append(kept, f)
	}
	severity := active[RuleSuppression]
	if severity == Off {
		return kept
	}
	known := knownRules(rules)
	for _, st := range states {
		for _, p := range st.problems(known, ran) {
			kept = append(kept, Finding{
				File: st.file, Pos: st.s.Pos, Severity: severity, Rule: RuleSuppression, Message: p,
			})
		}
	}
	return kept
}

// problems says what is wrong with a comment, one message per problem.
func (st *suppressionState) problems(known []string, ran map[string]bool) []string {
	var msgs []string
	if len(st.s.Rules) == 0 {
		return []string{"okr:ignore names no rule; write # okr:ignore RULE[,RULE] reason"}
	}
	for _, id := range st.s.Rules {
		switch {
		case !slices.Contains(known, id):
			msg := "okr:ignore names unknown rule " + strconv.Quote(id)
			if near := plan.Nearest(id, known); near != "" {
				msg += "; did you mean " + strconv.Quote(near) + "?"
			} else {
				msg += "; run okr rules for the list"
			}
			msgs = append(msgs, msg)
		case st.used[id], !ran[CanonicalID(id)]:
			// A rule that did not run silences nothing, and that is not the comment's fault.
		default:
			remove := "remove the comment"
			if len(st.s.Rules) > 1 {
				remove = "remove " + id + " from the comment"
			}
			msgs = append(msgs, "okr:ignore "+id+": no finding of "+id+" here to silence; "+remove)
		}
	}
	if st.s.Reason == "" {
		example := st.s.Rules[0]
		if !slices.Contains(known, example) {
			example = "RULE" // an unknown name is shown quoted above, never inside a comment to copy
		}
		msgs = append(msgs, "okr:ignore has no reason; say why after the rules, e.g. # okr:ignore "+
			example+" <why this is fine here>")
	}
	return msgs
}

// knownRules returns the IDs and former IDs of every registered rule and of the rules of this
// run.
func knownRules(rules []Rule) []string {
	var ids []string
	for _, r := range append(Registry(), rules...) {
		for _, id := range append([]string{r.Info().ID}, r.Info().Aliases...) {
			if !slices.Contains(ids, id) {
				ids = append(ids, id)
			}
		}
	}
	return ids
}
