package edit

import (
	"crypto/sha256"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"github.com/okr-tool/okr/plan"
)

// Stamp is what a file looked like when it was read, so that a later write can tell whether
// someone else changed it in between. The zero Stamp stands for a file that did not exist.
type Stamp struct {
	Exists  bool
	Size    int64
	ModTime time.Time
	Sum     [sha256.Size]byte
}

// ReadFile reads a plan file and stamps it for a later WriteFile with Unchanged. It reads as okr
// reads plans (plan.ReadFile): opened without blocking, a regular file only (a named pipe or a
// device is refused, not waited on), of at most plan.MaxFileSize bytes.
func ReadFile(path string) ([]byte, Stamp, error) {
	data, err := plan.ReadFile(path)
	if err != nil {
		return nil, Stamp{}, err
	}
	if len(data) > plan.MaxFileSize {
		return nil, Stamp{}, fmt.Errorf("the file is larger than %d MiB, the most a plan may have", plan.MaxFileSize>>20)
	}
	info, err := os.Stat(path)
	if err != nil {
		return nil, Stamp{}, err
	}
	return data, Stamp{Exists: true, Size: info.Size(), ModTime: info.ModTime(), Sum: sha256.Sum256(data)}, nil
}

// StampOf stamps content that was read from a file by other means, for a later WriteFile with
// Unchanged: the write is refused unless the file still holds exactly data.
func StampOf(data []byte) Stamp {
	return Stamp{Exists: true, Size: int64(len(data)), Sum: sha256.Sum256(data)}
}

// ErrChanged is matched (with errors.Is) by the error WriteFile returns when the file changed on
// disk since it was read.
var ErrChanged = errors.New("the file changed on disk since it was read")

// Option changes how WriteFile writes.
type Option func(*options)

type options struct {
	stamp *Stamp
}

// Unchanged makes WriteFile refuse to write when the file is no longer what s describes: its
// content differs from what was read (or it appeared or vanished since).
func Unchanged(s Stamp) Option { return func(o *options) { o.stamp = &s } }

// WriteFile writes data to path safely. A regular file (or a new path) is replaced atomically: a
// temporary file is written in the same directory, synced, given the old file's mode (and owner,
// where permitted) and renamed over it, so readers see the old or the new content, never half.
// A symbolic link, even a dangling one, is followed: the file it points at is written, the link
// stays. A file with several hard links is written in place, so every link sees the new content.
// Anything else — /dev/null, a named pipe, a device — is written directly. With Unchanged,
// a file that changed on disk since it was read is not written, and the error matches ErrChanged.
func WriteFile(path string, data []byte, opts ...Option) error {
	var o options
	for _, opt := range opts {
		opt(&o)
	}
	target, err := resolveLinks(path)
	if err != nil {
		return err
	}
	info, statErr := os.Lstat(target)
	if statErr != nil && !errors.Is(statErr, fs.ErrNotExist) {
		return unwrap(statErr)
	}
	if o.stamp != nil {
		if err := checkUnchanged(target, info, statErr == nil, *o.stamp); err != nil {
			return err
		}
	}
	switch {
	case statErr != nil:
		return replace(target, data, nil)
	case info.IsDir():
		return fmt.Errorf("%s is a directory", path)
	case !info.Mode().IsRegular():
		return writeDirect(target, data, false)
	case linkCount(info) > 1:
		return writeDirect(target, data, true)
	}
	return replace(target, data, info)
}

// resolveLinks follows symbolic links from path to the file they end at, which need not exist.
func resolveLinks(path string) (string, error) {
	for hops := 0; ; hops++ {
		info, err := os.Lstat(path)
		if err != nil || info.Mode()&fs.ModeSymlink == 0 {
			return path, nil
		}
		if hops >= 40 {
			return "", fmt.Errorf("%s: too many levels of symbolic links", path)
		}
		dest, err := os.Readlink(path)
		if err != nil {
			return "", unwrap(err)
		}
		if !filepath.IsAbs(dest) {
			dest = filepath.Join(filepath.Dir(path), dest)
		}
		path = dest
	}
}

func checkUnchanged(path string, info fs.FileInfo, exists bool, s Stamp) error {
	switch {
	case !s.Exists && !exists:
		return nil
	case s.Exists != exists:
		return ErrChanged
	case info.Size() == s.Size && info.ModTime().Equal(s.ModTime) && !info.Mode().IsRegular():
		return nil
	case info.Size() != s.Size:
		return ErrChanged
	}
	// Read as ReadFile reads, without blocking and no further than one byte past what was read:
	// more, or what is no longer a regular file, is not the content that was read.
	data, err := plan.ReadRegular(path, int(s.Size))
	if _, ok := errors.AsType[*plan.NotRegularError](err); ok {
		return ErrChanged
	}
	if err != nil {
		return unwrap(err)
	}
	if sha256.Sum256(data) != s.Sum {
		return ErrChanged
	}
	return nil
}

// writeDirect writes into the existing file: a device or pipe, or a file with hard links.
func writeDirect(path string, data []byte, sync bool) error {
	flags := os.O_WRONLY
	if sync {
		flags |= os.O_TRUNC
	}
	f, err := os.OpenFile(path, flags, 0)
	if err != nil {
		return unwrap(err)
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		return unwrap(err)
	}
	if sync {
		if err := f.Sync(); err != nil {
			f.Close()
			return unwrap(err)
		}
	}
	return unwrap(f.Close())
}

// replace writes data to a temporary file beside path and renames it over path. old is the
// file being replaced (nil for a new file): its mode and owner are kept.
func replace(path string, data []byte, old fs.FileInfo) (err error) {
	tmp, err := createBeside(path)
	if err != nil {
		return unwrap(err)
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if _, err = tmp.Write(data); err != nil {
		return unwrap(err)
	}
	if old != nil {
		if err = tmp.Chmod(old.Mode().Perm() | old.Mode()&(fs.ModeSetuid|fs.ModeSetgid|fs.ModeSticky)); err != nil {
			return unwrap(err)
		}
		keepOwner(tmp, old)
	}
	if err = tmp.Sync(); err != nil {
		return unwrap(err)
	}
	if err = tmp.Close(); err != nil {
		return unwrap(err)
	}
	if err = os.Rename(tmp.Name(), path); err != nil {
		return unwrap(err)
	}
	syncDir(filepath.Dir(path))
	return nil
}

// createBeside creates a new temporary file in path's directory with mode 0666, which the
// umask narrows as it would for any new file (os.CreateTemp always uses 0600).
func createBeside(path string) (*os.File, error) {
	dir, base := filepath.Split(path)
	for i := 0; ; i++ {
		name := filepath.Join(dir, fmt.Sprintf(".%s.%d.%d.tmp", base, os.Getpid(), i))
		f, err := os.OpenFile(name, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o666)
		if !errors.Is(err, fs.ErrExist) || i >= 100 {
			return f, err
		}
	}
}

// syncDir makes a rename in dir durable; where directories cannot be synced it does nothing.
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
}

// unwrap drops the path from an *os.PathError; callers name the path themselves.
func unwrap(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// CheckWritable checks, without changing anything, that WriteFile could replace the file at
// path: it creates and removes the temporary file WriteFile would write in the file's
// directory (or, for a file WriteFile writes in place, opens it for writing). A caller that
// writes several files checks them all first, so that a directory it cannot write stops it
// before any file changed.
func CheckWritable(path string) error {
	target, err := resolveLinks(path)
	if err != nil {
		return err
	}
	info, statErr := os.Lstat(target)
	if statErr == nil && info.IsDir() {
		return fmt.Errorf("%s is a directory", path)
	}
	if statErr == nil && (!info.Mode().IsRegular() || linkCount(info) > 1) {
		f, err := os.OpenFile(target, os.O_WRONLY, 0)
		if err != nil {
			return unwrap(err)
		}
		return unwrap(f.Close())
	}
	tmp, err := createBeside(target)
	if err != nil {
		return unwrap(err)
	}
	tmp.Close()
	return unwrap(os.Remove(tmp.Name()))
}
