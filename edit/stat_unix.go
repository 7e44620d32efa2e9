//go:build unix

package edit

import (
	"io/fs"
	"os"
	"syscall"
)

// linkCount returns the number of hard links of a file, or 1 when the system does not say.
func linkCount(info fs.FileInfo) uint64 {
	if st, ok := info.Sys().(*syscall.Stat_t); ok {
		return uint64(st.Nlink)
	}
	return 1
}

// keepOwner gives f the owner and group of old where the user may; failing is not an error,
// because only root may give a file away.
func keepOwner(f *os.File, old fs.FileInfo) {
	if st, ok := old.Sys().(*syscall.Stat_t); ok {
		f.Chown(int(st.Uid), int(st.Gid))
	}
}
