package cachewalk

import "testing"

const elements = 2 << 20 // 2 Mi int32 = 8 MiB, larger than most L2 caches

var table = Cycle(elements, 0x9E3779B97F4A7C15)

func TestCycleVisitsAll(t *testing.T) {
	next := Cycle(1000, 42)
	seen := make([]bool, len(next))
	p := int32(0)
	for i := range next {
		if seen[p] {
			t.Fatalf("revisited %d after %d steps", p, i)
		}
		seen[p] = true
		p = next[p]
	}
	if p != 0 {
		t.Fatalf("cycle does not close: ended at %d", p)
	}
}

// BenchmarkPointerChase: 1024 dependent loads at random places of 8 MiB per op.
func BenchmarkPointerChase(b *testing.B) {
	var sink int32
	for i := 0; i < b.N; i++ {
		sink += Chase(table, 1024)
	}
	_ = sink
}

// BenchmarkSequentialSum: 1024 loads in order per op, for contrast.
func BenchmarkSequentialSum(b *testing.B) {
	var sink int64
	for i := 0; i < b.N; i++ {
		start := (i * 1024) % (elements - 1024)
		sink += Sum(table[start : start+1024])
	}
	_ = sink
}
