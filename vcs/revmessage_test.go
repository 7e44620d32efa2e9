package vcs_test

import (
	"strings"
	"testing"

	"github.com/okr-tool/okr/vcs"
)

// TestRevisionErrorCannotInjectAdvice checks the advice a revision error gives: a revision that
// a shell would split, or that holds control characters, never becomes part of a command to run
// as written, and a long one is cut.
func TestRevisionErrorCannotInjectAdvice(t *testing.T) {
	cases := []struct {
		rev, want string
		noAdvice  bool
	}{
		{rev: "origin/main", want: `unknown revision "origin/main": no branch, tag or commit has that name; if it is a remote branch, fetch it first (git fetch origin main)`},
		{rev: "origin/feature/x-1", want: `(git fetch origin feature/x-1)`},
		{rev: "HEAD;touch${IFS}x/y", want: `(git fetch 'HEAD;touch${IFS}x' y)`},
		{rev: "HEAD;touch /tmp/pwned/x", noAdvice: true},
		{rev: "origin/$(id)`id`", want: `(git fetch origin '$(id)` + "`id`" + `')`},
		{rev: "origin/it's", want: `(git fetch origin 'it'\''s')`},
		{rev: "origin/a b", noAdvice: true},
		{rev: "origin/-upload-pack=touch x", noAdvice: true},
		{rev: "origin/main\n::error::x\x1b[31m", want: `unknown revision "origin/main\n::error::x\x1b[31m": no branch`, noAdvice: true},
		{rev: "origin/\u202emain", noAdvice: true},
	}
	for _, c := range cases {
		msg := (&vcs.RevisionError{Rev: c.rev}).Error()
		if !strings.Contains(msg, c.want) {
			t.Errorf("%q: message %q lacks %q", c.rev, msg, c.want)
		}
		if c.noAdvice && strings.Contains(msg, "git fetch") {
			t.Errorf("%q: message gives a command: %q", c.rev, msg)
		}
		if strings.ContainsAny(msg, "\n\x1b\u202e") {
			t.Errorf("%q: message holds a control character: %q", c.rev, msg)
		}
	}

	long := "origin/" + strings.Repeat("x", 100<<10)
	for _, e := range []*vcs.RevisionError{{Rev: long}, {Rev: long, Shallow: true}, {Rev: "-" + long}} {
		msg := e.Error()
		if len(msg) > 400 || !strings.Contains(msg, `xxx…"`) {
			t.Errorf("a 100 KB revision gives a message of %d bytes: %.200s", len(msg), msg)
		}
	}
}
