// Package codec is a run-length encoder: sub-benchmarks by input size, throughput and a custom metric.
package codec

// Encode run-length encodes src as (count, byte) pairs, runs of at most 255.
func Encode(dst, src []byte) []byte {
	dst = dst[:0]
	for i := 0; i < len(src); {
		j := i + 1
		for j < len(src) && src[j] == src[i] && j-i < 255 {
			j++
		}
		dst = append(dst, byte(j-i), src[i])
		i = j
	}
	return dst
}

// Decode reverses Encode.
func Decode(dst, src []byte) []byte {
	dst = dst[:0]
	for i := 0; i+1 < len(src); i += 2 {
		for k := 0; k < int(src[i]); k++ {
			dst = append(dst, src[i+1])
		}
	}
	return dst
}
