package shapes

import (
	"fmt"
	"testing"
)

var sink int

type helper struct{}

// BenchmarkMethod is a method, not a benchmark: go test does not run it.
func (helper) BenchmarkMethod(b *testing.B) {}

// func BenchmarkInComment(b *testing.B) is only a comment.

func benchmarkSizes(b *testing.B, n int) {
	xs := make([]int, n)
	for i := 0; i < b.N; i++ {
		sink = Sum(xs)
	}
}

func BenchmarkSum(b *testing.B) {
	for _, n := range []int{8, 1024} {
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) { benchmarkSizes(b, n) })
	}
}

func BenchmarkUnnamed(*testing.B) {}

func BenchmarkBlank(_ *testing.B) {}

func BenchmarkSpread(
	b *testing.B,
) {
	benchmarkSizes(b, 16)
}

func Benchmark_Snake(b *testing.B) { benchmarkSizes(b, 1) }
