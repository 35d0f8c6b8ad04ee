package failing

import "testing"

func work(n int) int {
	s := 0
	for i := 0; i < n; i++ {
		s += i * i
	}
	return s
}

var sink int

func BenchmarkAlpha(b *testing.B) {
	for i := 0; i < b.N; i++ {
		sink += work(100)
	}
}

// BenchmarkFails reports a failure with b.Fatal.
func BenchmarkFails(b *testing.B) {
	b.Fatal("deliberate failure for BenchGate's tests")
}

// BenchmarkPanics panics once it runs with a real N (after the N=1 probe).
func BenchmarkPanics(b *testing.B) {
	if b.N > 1 {
		panic("deliberate panic for BenchGate's tests")
	}
	sink += work(10)
}

func BenchmarkSkips(b *testing.B) {
	b.Skip("not on this machine")
}

func BenchmarkZulu(b *testing.B) {
	for i := 0; i < b.N; i++ {
		sink += work(200)
	}
}
