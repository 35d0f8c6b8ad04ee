// Package light measures work.Mix; its package init does nothing.
package light

import (
	"testing"

	"benchgate.test/initheavy/work"
)

var sink uint64

func BenchmarkMix(b *testing.B) {
	for i := 0; i < b.N; i++ {
		sink += work.Mix(uint64(i), 500)
	}
}
