// Package light measures work.Mix; its package init does nothing.
package light

import (
	"testing"

	"benchgate.test/initheavy/work"
)

func BenchmarkMix(b *testing.B) { work.Benchmark(b) }
