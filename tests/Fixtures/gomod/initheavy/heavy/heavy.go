// Package heavy measures the same work.Mix as package light, but its init sorts a large slice first:
// hundreds of millions of instructions before any benchmark runs, none of them in a benchmark's figures.
package heavy

import "sort"

// Median is the median of the sorted slice, so that the sort cannot be optimized away.
var Median int

func init() {
	values := make([]int, 1<<19)
	lcg := uint64(88172645463325252)
	for i := range values {
		lcg = lcg*6364136223846793005 + 1442695040888963407 // Knuth's MMIX linear congruential generator
		values[i] = int(lcg >> 33)
	}
	sort.Ints(values)
	Median = values[len(values)/2]
}
