package edit

import (
	"os"
)

// CreateNew creates the file at path with data and mode perm (narrowed by the umask), and fails
// with an error matching fs.ErrExist when something already exists at path: it never replaces a
// file, not even one created between a check and the write, and never follows a symbolic link
// there. The data is synced to disk before it returns; a file that could not be written whole is
// removed again. The directory must exist.
func CreateNew(path string, data []byte, perm os.FileMode) (err error) {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, perm)
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			f.Close()
			os.Remove(path)
		}
	}()
	if _, err = f.Write(data); err != nil {
		return err
	}
	if err = f.Sync(); err != nil {
		return err
	}
	if err = f.Close(); err != nil {
		return err
	}
	return nil
}
