package plan

import (
	"io/fs"
)

// ReadFile reads a file on disk the way Load reads plan files: it is opened without blocking,
// anything but a regular file (a named pipe, a device) is refused with an error, and at most
// MaxFileSize+1 bytes are read, so a caller sees a file is too big without reading all of it.
// Other commands that read plan files themselves use it to get the same guarantees.
func ReadFile(name string) ([]byte, error) {
	return ReadRegular(name, MaxFileSize)
}

// ReadRegular reads the file at name (a symbolic link is followed) with ReadFile's guarantees and
// limit in place of MaxFileSize: it is opened without blocking and its type is checked on the
// opened file, not on the name, so a named pipe swapped in after a check cannot stall the caller;
// anything but a regular file is refused with a *NotRegularError; at most limit+1 bytes are read,
// so more than limit bytes means the file is over the caller's limit. Reads stay non-blocking. It
// is the one way okr reads a file a pull request controls: plans, and the configuration.
func ReadRegular(name string, limit int) ([]byte, error) {
	r, size, err := openRegular(name)
	if err != nil {
		return nil, err
	}
	defer r.Close()
	return readAtMost(r, size, limit+1)
}

// NotRegularError is the error of opening for reading what is not a regular file.
type NotRegularError struct {
	// Mode holds the type bits of what was opened (fs.ModeDir, fs.ModeNamedPipe, …).
	Mode fs.FileMode
}

func (e *NotRegularError) Error() string { return errNotRegular.Error() }

// Is makes the error match the one readSource returns for a non-regular file at a revision.
func (e *NotRegularError) Is(target error) bool { return target == errNotRegular }
