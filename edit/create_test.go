package edit

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"testing"
)

func TestCreateNew(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "plan.yaml")
	if err := CreateNew(path, []byte("period: 2026-Q3\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(path)
	if err != nil || string(got) != "period: 2026-Q3\n" {
		t.Fatalf("read %q, %v", got, err)
	}
	// An existing file is neither replaced nor removed.
	err = CreateNew(path, []byte("other\n"), 0o644)
	if !errors.Is(err, fs.ErrExist) {
		t.Fatalf("second CreateNew: %v, want fs.ErrExist", err)
	}
	if got, _ := os.ReadFile(path); string(got) != "period: 2026-Q3\n" {
		t.Errorf("existing file changed to %q", got)
	}
}

func TestCreateNewDoesNotFollowALink(t *testing.T) {
	dir := t.TempDir()
	target := filepath.Join(dir, "target.yaml")
	link := filepath.Join(dir, "link.yaml")
	if err := os.Symlink(target, link); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	if err := CreateNew(link, []byte("x\n"), 0o644); !errors.Is(err, fs.ErrExist) {
		t.Fatalf("CreateNew through a dangling link: %v, want fs.ErrExist", err)
	}
	if _, err := os.Stat(target); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("the link's target was created: %v", err)
	}
}
