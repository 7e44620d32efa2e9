package config

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"syscall"
)

// MaxSize is the largest configuration file okr reads, in bytes. A configuration is a few lines;
// the cap keeps a file that never ends (a link to /dev/zero) from exhausting memory.
const MaxSize = 1 << 20

// ReadFile reads the configuration file at path. It reads only a regular file (a symbolic link
// is followed, to a regular file only) of at most MaxSize bytes: a named pipe, a device or a
// directory is refused without being read. The file is opened without blocking, so a pipe that
// takes the file's place after the check cannot stall the run, and what was opened is checked
// again before it is read. When the file does not exist, the error matches fs.ErrNotExist.
func ReadFile(path string) ([]byte, error) {
	info, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if err := regular(info); err != nil {
		return nil, err
	}
	return readOpened(path, info)
}

// readOpened opens path without blocking and reads it when what it opened is a regular file of
// at most MaxSize bytes, and, when info is not nil, the file info describes.
func readOpened(path string, info fs.FileInfo) ([]byte, error) {
	f, err := os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	opened, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if err := regular(opened); err != nil {
		return nil, err
	}
	if info != nil && !os.SameFile(info, opened) {
		return nil, errors.New("the file changed while it was opened; run okr again")
	}
	if opened.Size() > MaxSize {
		return nil, tooLarge()
	}
	data, err := io.ReadAll(io.LimitReader(f, MaxSize+1))
	if err != nil {
		return nil, err
	}
	if len(data) > MaxSize {
		return nil, tooLarge()
	}
	return data, nil
}

// regular refuses what is not a regular file, saying what it is.
func regular(info fs.FileInfo) error {
	m := info.Mode()
	if m.IsRegular() {
		return nil
	}
	kind := "not a regular file"
	switch {
	case m.IsDir():
		kind = "a directory"
	case m&fs.ModeNamedPipe != 0:
		kind = "a named pipe"
	case m&fs.ModeSocket != 0:
		kind = "a socket"
	case m&fs.ModeDevice != 0:
		kind = "a device"
	}
	return fmt.Errorf("it is %s; the configuration must be a regular file", kind)
}

func tooLarge() error {
	return fmt.Errorf("it is larger than %d KiB, the most a configuration may have", MaxSize>>10)
}
