package plan

import "os"

// UnwrapPathError drops the operation and path from an *os.PathError, for messages that name the
// path themselves ("cannot read plans/x.yaml: permission denied"); other errors are returned as
// they are.
func UnwrapPathError(err error) error {
	if pe, ok := err.(*os.PathError); ok {
		return pe.Err
	}
	return err
}
