// Package branchy classifies bytes with data-dependent branches.
package branchy

// Counts of byte classes.
type Counts struct {
	Lower, Upper, Digit, Space, Other int
}

// Classify counts the ASCII classes of data with one branch chain per byte.
func Classify(data []byte) Counts {
	var c Counts
	for _, x := range data {
		if x >= 'a' && x <= 'z' {
			c.Lower++
		} else if x >= 'A' && x <= 'Z' {
			c.Upper++
		} else if x >= '0' && x <= '9' {
			c.Digit++
		} else if x == ' ' || x == '\t' || x == '\n' {
			c.Space++
		} else {
			c.Other++
		}
	}
	return c
}

// Noise returns n pseudo-random bytes from a fixed seed.
func Noise(n int, seed uint32) []byte {
	out := make([]byte, n)
	x := seed | 1
	for i := range out {
		x ^= x << 13
		x ^= x >> 17
		x ^= x << 5
		out[i] = byte(x >> 24)
	}
	return out
}
