package sum

import "testing"

var numbers = func() []int {
	xs := make([]int, 4096)
	for i := range xs {
		xs[i] = i
	}
	return xs
}()

func BenchmarkInts(b *testing.B) {
	for i := 0; i < b.N; i++ {
		if Ints(numbers) != 4096*4095/2 {
			b.Fatal("wrong sum")
		}
	}
}
