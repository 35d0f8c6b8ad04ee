package heavy

import (
	"testing"

	"benchgate.test/initheavy/work"
)

// BenchmarkMix is the same benchmark as light.BenchmarkMix.
func BenchmarkMix(b *testing.B) { work.Benchmark(b) }
