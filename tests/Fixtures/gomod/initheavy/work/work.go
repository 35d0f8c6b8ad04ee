// Package work is the code both benchmarks of this module measure.
package work

import (
	"math/bits"
	"testing"
)

// Mix runs rounds rounds of a multiply-and-rotate hash.
func Mix(seed uint64, rounds int) uint64 {
	acc := seed
	for i := 0; i < rounds; i++ {
		acc = bits.RotateLeft64(acc*0xD6E8FEB86659FD93+uint64(i), 23)
	}
	return acc
}

var sink uint64

// Benchmark is the body of BenchmarkMix in both packages: Mix of 500 rounds per op.
func Benchmark(b *testing.B) {
	for i := 0; i < b.N; i++ {
		sink += Mix(uint64(i), 500)
	}
}
