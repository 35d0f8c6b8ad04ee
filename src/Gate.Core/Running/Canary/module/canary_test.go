// Package canary is BenchGate's machine-speed canary: a fixed, CPU-bound loop (integer mixing over 4 KiB
// that stays in the L1 cache, no allocation, no system calls) and a memory phase (a stream through 16 MiB).
// BenchGate builds it with the user's Go and times both between sample rounds; if the time per operation of
// either moves between two runs, the machine's speed moved, and wall-time comparisons between those runs are
// not judged. Never change a loop without renaming it (SpeedCanary.Name, SpeedCanary.MemoryName): timings of
// different loops are not comparable.
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

// The memory phase: a sequential stream through 16 MiB (more than an L2 cache holds, so it runs from the last
// level cache or memory), 64 KiB per operation. Its time moves when the memory system's speed moves — a neighbour
// filling the shared cache, memory bandwidth taken — which the L1-resident loop above does not see. Never change
// it without renaming it (SpeedCanary.MemoryName).
const streamWords = 2 << 20 // 2 Mi uint64 = 16 MiB
const chunkWords = 8 << 10  // 8 Ki uint64 = 64 KiB per operation

var stream []uint64

func BenchmarkCanaryMemory(b *testing.B) {
	if stream == nil {
		stream = make([]uint64, streamWords)
		for i := range stream {
			stream[i] = uint64(i) * 0x9E3779B97F4A7C15 // written, so every page is really backed
		}
	}
	b.ResetTimer()
	var sum uint64
	for n := 0; n < b.N; n++ {
		start := (n * chunkWords) % streamWords
		for _, v := range stream[start : start+chunkWords] {
			sum += v
		}
	}
	sink = sum
}
