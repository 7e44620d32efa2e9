package reportfmt

import (
	"runtime"

	"golang.org/x/sync/errgroup"
)

// eachPlan builds what a format shows of each of n plans (a view model, a rendered table) on as
// many goroutines as there are processors, and returns them in order, so that a report of
// hundreds of plans costs little more than reading them. The format then writes the report
// once, from these parts. It returns the first error.
func eachPlan[T any](n int, part func(i int) (T, error)) ([]T, error) {
	out := make([]T, n)
	var g errgroup.Group
	g.SetLimit(runtime.GOMAXPROCS(0))
	for i := range n {
		g.Go(func() error {
			v, err := part(i)
			out[i] = v
			return err
		})
	}
	return out, g.Wait()
}
