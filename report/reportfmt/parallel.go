package reportfmt

import (
	"bytes"
	"runtime"
	"sync"
)

// renderParallel renders n independent parts of a report (one per plan, say) on as many
// goroutines as there are processors and returns them in order, so that a report of hundreds
// of plans costs little more than reading them. It returns the first error.
func renderParallel(n int, part func(i int, w *bytes.Buffer) error) ([][]byte, error) {
	out := make([][]byte, n)
	errs := make([]error, n)
	next := make(chan int)
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), n) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				var buf bytes.Buffer
				errs[i] = part(i, &buf)
				out[i] = buf.Bytes()
			}
		}()
	}
	for i := range n {
		next <- i
	}
	close(next)
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	return out, nil
}
