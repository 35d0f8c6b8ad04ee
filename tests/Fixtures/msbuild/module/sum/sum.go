// Package sum adds numbers; it does not change in the tests' pushes.
package sum

// Ints returns the sum of xs.
func Ints(xs []int) int {
	total := 0
	for _, x := range xs {
		total += x
	}
	return total
}
