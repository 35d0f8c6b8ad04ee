// Package work is the code both benchmarks of this module measure.
package work

// Mix runs rounds rounds of an integer hash.
func Mix(seed uint64, rounds int) uint64 {
	x := seed
	for i := 0; i < rounds; i++ {
		x ^= x >> 33
		x *= 0xc4ceb9fe1a85ec53
		x ^= x >> 29
	}
	return x
}
