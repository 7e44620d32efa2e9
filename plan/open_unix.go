//go:build unix

package plan

import (
	"errors"
	"io"
	"io/fs"
	"syscall"
)

// openRegular opens a file of the work tree for reading without blocking, and refuses anything
// but a regular file. Opening a named pipe blocks until a writer comes, and a file can be swapped
// for one between the walk and the read, so the file is opened with O_NONBLOCK and its type is
// checked on the open descriptor (fstat), not on the name. Reads stay non-blocking: a special
// file that passes as regular (such as /proc/kmsg) answers "resource temporarily unavailable"
// instead of waiting.
func openRegular(name string) (io.ReadCloser, int64, error) {
	var fd int
	for {
		var err error
		fd, err = syscall.Open(name, syscall.O_RDONLY|syscall.O_NONBLOCK|syscall.O_NOCTTY|syscall.O_CLOEXEC, 0)
		if err == nil {
			break
		}
		if err != syscall.EINTR {
			return nil, 0, err
		}
	}
	var st syscall.Stat_t
	if err := syscall.Fstat(fd, &st); err != nil {
		syscall.Close(fd)
		return nil, 0, err
	}
	if st.Mode&syscall.S_IFMT != syscall.S_IFREG {
		syscall.Close(fd)
		return nil, 0, &NotRegularError{Mode: typeMode(uint32(st.Mode))}
	}
	return &fdFile{fd: fd}, st.Size, nil
}

// typeMode returns the fs.FileMode type bits of a stat mode.
func typeMode(m uint32) fs.FileMode {
	switch m & syscall.S_IFMT {
	case syscall.S_IFDIR:
		return fs.ModeDir
	case syscall.S_IFIFO:
		return fs.ModeNamedPipe
	case syscall.S_IFSOCK:
		return fs.ModeSocket
	case syscall.S_IFCHR:
		return fs.ModeDevice | fs.ModeCharDevice
	case syscall.S_IFBLK:
		return fs.ModeDevice
	case syscall.S_IFLNK:
		return fs.ModeSymlink
	}
	return fs.ModeIrregular
}

// fdFile reads a raw descriptor, so that it keeps O_NONBLOCK (an *os.File would hand it to the
// poller and wait).
type fdFile struct{ fd int }

func (f *fdFile) Read(b []byte) (int, error) {
	if len(b) == 0 {
		return 0, nil
	}
	for {
		n, err := syscall.Read(f.fd, b)
		switch {
		case err == syscall.EINTR:
			continue
		case err == syscall.EAGAIN:
			return 0, errWouldBlock
		case err != nil:
			return 0, err
		case n == 0:
			return 0, io.EOF
		}
		return n, nil
	}
}

func (f *fdFile) Close() error { return syscall.Close(f.fd) }

var errWouldBlock = errors.New("not a regular file: reading it would wait for data")
