// Package shapes holds code for the locator fixture's benchmarks.
package shapes

// Sum adds the numbers.
func Sum(xs []int) int {
	total := 0
	for _, x := range xs {
		total += x
	}
	return total
}
