package ab

// The benchmarks' unchanged work: integer arithmetic on a few KiB, no allocation.

// Checksum is the 32-bit FNV-1a hash of data.
func Checksum(data []byte) uint32 {
	h := uint32(2166136261)
	for _, c := range data {
		h ^= uint32(c)
		h *= 16777619
	}
	return h
}

// CollatzSteps is the total number of Collatz steps of 1..n.
func CollatzSteps(n int) int {
	steps := 0
	for i := 1; i <= n; i++ {
		for x := i; x != 1; steps++ {
			if x%2 == 0 {
				x /= 2
			} else {
				x = 3*x + 1
			}
		}
	}
	return steps
}

// SortInto copies src into dst (same length) and sorts dst by insertion.
func SortInto(dst, src []int32) {
	copy(dst, src)
	for i := 1; i < len(dst); i++ {
		v := dst[i]
		j := i - 1
		for ; j >= 0 && dst[j] > v; j-- {
			dst[j+1] = dst[j]
		}
		dst[j+1] = v
	}
}

// Search counts how many of keys are in sorted (binary search).
func Search(sorted, keys []int32) int {
	found := 0
	for _, k := range keys {
		lo, hi := 0, len(sorted)
		for lo < hi {
			mid := int(uint(lo+hi) >> 1)
			if sorted[mid] < k {
				lo = mid + 1
			} else {
				hi = mid
			}
		}
		if lo < len(sorted) && sorted[lo] == k {
			found++
		}
	}
	return found
}

// Values returns n pseudo-random values from a fixed seed (an xorshift sequence).
func Values(n int, seed uint32) []int32 {
	out := make([]int32, n)
	x := seed
	for i := range out {
		x ^= x << 13
		x ^= x >> 17
		x ^= x << 5
		out[i] = int32(x % 100000)
	}
	return out
}
