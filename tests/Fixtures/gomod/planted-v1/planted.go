// Package planted holds benchmarks with planted performance changes between two versions of this module
// (planted-v1, planted-v2): identical code, only the values in params.go differ.
package planted

import "sort"

// tableSize is 64 Ki int64 = 512 KiB: larger than a 32 KiB first-level cache, smaller than the last level.
const tableSize = 1 << 16

// Table returns tableSize values from a fixed seed.
func Table() []int64 {
	t := make([]int64, tableSize)
	x := uint64(0x9E3779B97F4A7C15)
	for i := range t {
		x ^= x << 13
		x ^= x >> 7
		x ^= x << 17
		t[i] = int64(x >> 1)
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
	x := uint32(2463534242)
	for i := range out {
		x ^= x << 13
		x ^= x >> 17
		x ^= x << 5
		out[i] = byte(x >> 24)
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
