//go:build !unix

package plan

import (
	"io"
	"os"
)

// openRegular opens a file of the work tree for reading and refuses anything but a regular file,
// checked on the open file. See open_unix.go.
func openRegular(name string) (io.ReadCloser, int64, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, 0, err
	}
	info, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, 0, err
	}
	if !info.Mode().IsRegular() {
		f.Close()
		return nil, 0, &NotRegularError{Mode: info.Mode().Type()}
	}
	return f, info.Size(), nil
}
