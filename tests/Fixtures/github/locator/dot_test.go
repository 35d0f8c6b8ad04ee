package shapes

import . "testing"

func BenchmarkDotImport(b *B) {
	for i := 0; i < b.N; i++ {
		sink = Sum([]int{1, 2, 3})
	}
}
