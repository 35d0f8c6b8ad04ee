package ab

const digits = "0123456789abcdef"

// Encode appends the hexadecimal form of src to dst[:0] and returns it: no allocation once dst is large enough.
func Encode(dst, src []byte) []byte {
	dst = dst[:0]
	for _, b := range src {
		dst = append(dst, digits[b>>4], digits[b&15])
	}
	return dst
}
