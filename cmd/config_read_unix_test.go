//go:build unix

package cmd

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"
)

// TestConfigNotARegularFile checks that a .okr.yaml committed as a named pipe or as a link to
// /dev/zero stops the run at once with exit 2 and a message naming the file, rather than
// hanging or reading without end.
func TestConfigNotARegularFile(t *testing.T) {
	for _, c := range []struct {
		name string
		make func(t *testing.T, path string) error
		want string
	}{
		{"fifo", func(_ *testing.T, p string) error { return syscall.Mkfifo(p, 0o644) }, "okr: cannot read configuration .okr.yaml: it is a named pipe; the configuration must be a regular file\n"},
		{"dev-zero", func(_ *testing.T, p string) error { return os.Symlink("/dev/zero", p) }, "okr: cannot read configuration .okr.yaml: it is a device; the configuration must be a regular file\n"},
		{"directory", func(_ *testing.T, p string) error { return os.Mkdir(p, 0o755) }, "okr: cannot read configuration .okr.yaml: it is a directory; the configuration must be a regular file\n"},
		{"unreadable", func(t *testing.T, p string) error {
			if os.Getuid() == 0 {
				t.Skip("root reads any file")
			}
			return os.WriteFile(p, []byte("paths: []\n"), 0o000)
		}, "okr: cannot read configuration .okr.yaml: permission denied\n"},
	} {
		t.Run(c.name, func(t *testing.T) {
			dir := writeRepo(t, "plans/sales.yaml", warnOnly)
			if err := c.make(t, filepath.Join(dir, ".okr.yaml")); err != nil {
				t.Skip(err)
			}
			type result struct {
				code   int
				stderr string
			}
			done := make(chan result, 1)
			go func() {
				code, _, stderr := cliRun{dir: dir}.run(t, "lint")
				done <- result{code, stderr}
			}()
			select {
			case r := <-done:
				if r.code != 2 || r.stderr != c.want {
					t.Errorf("exit %d, stderr %q; want 2, %q", r.code, r.stderr, c.want)
				}
			case <-time.After(20 * time.Second):
				t.Fatal("okr lint hangs")
			}
		})
	}
}

// TestErrorsAreEscaped checks the one place okr prints an error: a path named on the command
// line with an escape sequence and a right-to-left override is shown escaped.
func TestErrorsAreEscaped(t *testing.T) {
	dir := writeRepo(t, "plans/sales.yaml", warnOnly)
	code, _, stderr := cliRun{dir: dir}.run(t, "lint", "--config", "x\x1b[31m\u202e.yaml")
	if code != 2 || stderr != "okr: cannot read configuration x\\x1b[31m\\u202e.yaml: no such file or directory\n" {
		t.Errorf("exit %d, stderr %q", code, stderr)
	}
}
