// Package cachewalk reads memory in cache-hostile and cache-friendly orders.
package cachewalk

// Cycle returns a permutation of 0..n-1 that forms a single cycle, from a fixed seed.
func Cycle(n int, seed uint64) []int32 {
	order := make([]int32, n)
	for i := range order {
		order[i] = int32(i)
	}
	// Fisher-Yates with a xorshift generator: deterministic, no package math/rand state.
	x := seed | 1
	for i := n - 1; i > 0; i-- {
		x ^= x << 13
		x ^= x >> 7
		x ^= x << 17
		j := int(x % uint64(i+1))
		order[i], order[j] = order[j], order[i]
	}
	next := make([]int32, n)
	for i := 0; i < n; i++ {
		next[order[i]] = order[(i+1)%n]
	}
	return next
}

// Chase follows next from 0 for steps steps and returns where it ends.
func Chase(next []int32, steps int) int32 {
	p := int32(0)
	for i := 0; i < steps; i++ {
		p = next[p]
	}
	return p
}

// Sum adds the values in order.
func Sum(values []int32) int64 {
	var s int64
	for _, v := range values {
		s += int64(v)
	}
	return s
}
