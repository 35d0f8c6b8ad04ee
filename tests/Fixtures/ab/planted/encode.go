package ab

const digits = "0123456789abcdef"

// Encode returns the hexadecimal form of src. Planted regression: it ignores dst and allocates a new slice on
// every call (one more allocation per op, 2 × len(src) bytes more per op, the allocator's instructions).
func Encode(dst, src []byte) []byte {
	out := make([]byte, 0, 2*len(src))
	for _, b := range src {
		out = append(out, digits[b>>4], digits[b&15])
	}
	return out
}
