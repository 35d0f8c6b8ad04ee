// Package heavy measures the same work.Mix as package light, but its init sorts a large slice first:
// hundreds of millions of instructions before any benchmark runs, none of them in a benchmark's figures.
package heavy

import "sort"

// Median is the median of the sorted slice, so that the sort cannot be optimized away.
var Median int

func init() {
	values := make([]int, 1<<19)
	x := uint64(88172645463325252)
	for i := range values {
		x ^= x << 13
		x ^= x >> 7
		x ^= x << 17
		values[i] = int(x >> 1)
	}
	sort.Ints(values)
	Median = values[len(values)/2]
}
