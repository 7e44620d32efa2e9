package plan

// ReadFile reads a file on disk the way Load reads plan files: it is opened without blocking,
// anything but a regular file (a named pipe, a device) is refused with an error, and at most
// MaxFileSize+1 bytes are read, so a caller sees a file is too big without reading all of it.
// Other commands that read plan files themselves use it to get the same guarantees.
func ReadFile(name string) ([]byte, error) {
	r, size, err := openRegular(name)
	if err != nil {
		return nil, err
	}
	defer r.Close()
	return readAtMost(r, size, MaxFileSize+1)
}
