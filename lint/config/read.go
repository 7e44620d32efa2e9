package config

import (
	"errors"
	"fmt"
	"io/fs"
	"os"

	"github.com/okr-tool/okr/plan"
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
	if err := regular(info.Mode()); err != nil {
		return nil, err
	}
	return readOpened(path)
}

// readOpened reads path the way plan files are read (plan.ReadRegular: opened without blocking,
// its type checked on the opened file) when it is a regular file of at most MaxSize bytes.
func readOpened(path string) ([]byte, error) {
	data, err := plan.ReadRegular(path, MaxSize)
	if notRegular, ok := errors.AsType[*plan.NotRegularError](err); ok {
		return nil, regular(notRegular.Mode)
	}
	if err != nil {
		return nil, err
	}
	if len(data) > MaxSize {
		return nil, tooLarge()
	}
	return data, nil
}

// regular refuses what is not a regular file, saying what it is.
func regular(m fs.FileMode) error {
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
