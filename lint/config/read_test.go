package config

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestReadFile(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, data []byte) string {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return path
	}
	ok := write("ok.yaml", []byte("paths: [plans/**]\n"))
	if data, err := ReadFile(ok); err != nil || string(data) != "paths: [plans/**]\n" {
		t.Errorf("regular file: %q, %v", data, err)
	}
	link := filepath.Join(dir, "link.yaml")
	if err := os.Symlink(ok, link); err != nil {
		t.Fatal(err)
	}
	if _, err := ReadFile(link); err != nil {
		t.Errorf("a link to a regular file is read: %v", err)
	}
	if _, err := ReadFile(filepath.Join(dir, "missing.yaml")); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("missing file: %v, want fs.ErrNotExist", err)
	}
	if _, err := ReadFile(dir); err == nil || !strings.Contains(err.Error(), "it is a directory") {
		t.Errorf("directory: %v", err)
	}
	atCap := write("cap.yaml", []byte("#"+strings.Repeat("x", MaxSize-2)+"\n"))
	if _, err := ReadFile(atCap); err != nil {
		t.Errorf("a file of MaxSize bytes is read: %v", err)
	}
	big := write("big.yaml", []byte("#"+strings.Repeat("x", MaxSize)+"\n"))
	if _, err := ReadFile(big); err == nil || !strings.Contains(err.Error(), "larger than 1024 KiB") {
		t.Errorf("file over the cap: %v", err)
	}
}

func TestParseRefusesTooLarge(t *testing.T) {
	_, err := Parse(".okr.yaml at main", []byte("#"+strings.Repeat("x", MaxSize)+"\n"))
	if err == nil || !strings.Contains(err.Error(), ".okr.yaml at main:1:1: the configuration is larger than 1024 KiB") {
		t.Errorf("Parse of a file over the cap: %v", err)
	}
}
