package heavy

import (
	"testing"

	"benchgate.test/initheavy/work"
)

var sink uint64

// BenchmarkMix is the same benchmark as light.BenchmarkMix.
func BenchmarkMix(b *testing.B) {
	for i := 0; i < b.N; i++ {
		sink += work.Mix(uint64(i), 500)
	}
}
