// Package planted holds benchmarks with planted performance changes between two versions of this module
// (planted-v1, planted-v2): identical code, only the values in params.go differ.
package planted

import "sort"

// tableSize is 64 Ki int64 = 512 KiB: larger than a 32 KiB first-level cache, smaller than the last level.
const tableSize = 1 << 16

// random returns the next value of a splitmix64 sequence: deterministic data without package math/rand.
func random(state *uint64) uint64 {
	*state += 0x9E3779B97F4A7C15
	z := *state
	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9
	z = (z ^ (z >> 27)) * 0x94D049BB133111EB
	return z ^ (z >> 31)
}

// Table returns tableSize values from a fixed seed.
func Table() []int64 {
	t := make([]int64, tableSize)
	state := uint64(1)
	for i := range t {
		t[i] = int64(random(&state) >> 1)
	}
	return t
}

// StridedSum reads every element of t once, in steps of step elements (step odd, len(t) a power of two).
// With step 1 consecutive reads share a 64-byte line; with step 9 every read touches a new line.
func StridedSum(t []int64, step int) int64 {
	mask := len(t) - 1
	var s int64
	j := 0
	for i := 0; i < len(t); i++ {
		s += t[j]
		j = (j + step) & mask
	}
	return s
}

// Bytes returns n pseudo-random bytes from a fixed seed, sorted when sorted is true (same values either way).
func Bytes(n int, sorted bool) []byte {
	out := make([]byte, n)
	state := uint64(2)
	for i := range out {
		out[i] = byte(random(&state) >> 56)
	}
	if sorted {
		sort.Slice(out, func(i, j int) bool { return out[i] < out[j] })
	}
	return out
}

// Split sums the small bytes and xors the large ones: one data-dependent branch per byte. The two paths
// execute the same number of instructions, and the same bytes take each path whatever their order.
//
//go:noinline
func Split(data []byte) (small, large int) {
	for _, b := range data {
		if b < 128 {
			small += int(b)
			small ^= small << 1
		} else {
			large ^= int(b)
			large += large >> 1
		}
	}
	return small, large
}

// Mix runs rounds rounds of an integer hash: work proportional to rounds.
func Mix(seed uint64, rounds int) uint64 {
	x := seed
	for i := 0; i < rounds; i++ {
		x ^= x >> 33
		x *= 0xff51afd7ed558ccd
		x ^= x >> 29
	}
	return x
}

// Checksum is unchanged between the versions: a byte-wise rolling checksum.
func Checksum(data []byte) uint32 {
	a, b := uint32(1), uint32(0)
	for _, c := range data {
		a = (a + uint32(c)) % 65521
		b = (b + a) % 65521
	}
	return b<<16 | a
}

// Words is unchanged between the versions: it allocates (a map and strings), so garbage collection runs.
func Words(n int) map[string]int {
	m := make(map[string]int)
	for i := 0; i < n; i++ {
		key := string(rune('a'+i%26)) + string(rune('a'+(i/26)%26))
		m[key] += i
	}
	return m
}
