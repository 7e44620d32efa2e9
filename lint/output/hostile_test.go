package output_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/okr-tool/okr/internal/textsafe"
	"github.com/okr-tool/okr/internal/textsafe/textsafetest"
	"github.com/okr-tool/okr/lint"
	"github.com/okr-tool/okr/lint/output"
	"github.com/okr-tool/okr/plan"
)

// TestHostilePlan lints a plan whose ids, titles and file name hold newlines with workflow
// commands, color and hyperlink escapes, BEL and a right-to-left override: the text and github
// formats show them escaped, and no line can be read as a command okr did not write.
func TestHostilePlan(t *testing.T) {
	root := t.TempDir()
	named := textsafetest.WriteRepo(t, root)
	repo, _, err := plan.Load(plan.LoadOptions{Root: root})
	if err != nil {
		t.Fatal(err)
	}
	res := lint.Run(repo, lint.Options{})
	if len(res.Findings) == 0 {
		t.Fatal("the hostile plan has no findings")
	}
	sawName := false
	for _, f := range res.Findings {
		// Messages quote what they show of a plan, so they hold no control character before
		// any format escapes them.
		if !textsafe.Safe(f.Message) {
			t.Errorf("message of %s shows plan text unquoted: %q", f.Rule, f.Message)
		}
		sawName = sawName || strings.Contains(f.File, "::warning::")
	}
	if named && !sawName {
		t.Error("no finding names the file with the hostile name")
	}
	for _, c := range []struct {
		format    string
		color, gh bool
	}{{"text", false, false}, {"text", true, false}, {"github", false, true}} {
		var out bytes.Buffer
		w, _ := output.New(c.format, &out, output.Options{Color: c.color})
		if err := w.Write(res); err != nil {
			t.Fatal(err)
		}
		textsafetest.Check(t, out.String(), c.color, c.gh)
		if !strings.Contains(out.String(), `"x\n::error file=README.md,line=1::forged\n::stop-commands::tok…"`) ||
			!strings.Contains(out.String(), `e.g. "company/x\n::error file=README.md,line=1::forged\n`) {
			t.Errorf("%s: the hostile id is not shown escaped:\n%s", c.format, out.String())
		}
	}
}

// TestQuoteEscapes checks the helper every message uses to show a plan value: it escapes what
// the outputs would otherwise have to.
func TestQuoteEscapes(t *testing.T) {
	got := plan.Quote("a\n\x1b[31m\a\u009b\u202e")
	if want := `"a\n\x1b[31m\a\u009b\u202e"`; got != want {
		t.Errorf("Quote = %s, want %s", got, want)
	}
}
