// Package canary is BenchGate's machine-speed canary: a fixed, CPU-bound loop (integer mixing over 4 KiB
// that stays in the L1 cache, no allocation, no system calls). BenchGate builds it with the user's Go and
// times it between sample rounds; if its time per operation moves between two runs, the machine's speed
// moved, and wall-time comparisons between those runs are not judged. Never change the loop without
// renaming the canary (SpeedCanary.Name): timings of different loops are not comparable.
package canary

import "testing"

var sink uint64

func BenchmarkCanary(b *testing.B) {
	var data [512]uint64
	for i := range data {
		data[i] = uint64(i+1) * 0x9E3779B97F4A7C15
	}
	h := uint64(1469598103934665603)
	for n := 0; n < b.N; n++ {
		for i := range data {
			h ^= data[i]
			h *= 1099511628211
			h = h<<13 | h>>51
		}
	}
	sink = h
}
