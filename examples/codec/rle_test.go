package codec

import (
	"bytes"
	"fmt"
	"testing"
)

// runs makes n bytes in runs of varying length, deterministically.
func runs(n int) []byte {
	out := make([]byte, 0, n)
	for i := 0; len(out) < n; i++ {
		length := 1 + (i*7)%13
		for k := 0; k < length && len(out) < n; k++ {
			out = append(out, byte('a'+i%26))
		}
	}
	return out
}

func TestRoundTrip(t *testing.T) {
	in := runs(1000)
	if out := Decode(nil, Encode(nil, in)); !bytes.Equal(in, out) {
		t.Fatal("Decode(Encode(x)) != x")
	}
}

func BenchmarkEncode(b *testing.B) {
	for _, size := range []int{64, 4096} {
		b.Run(fmt.Sprintf("size=%d", size), func(b *testing.B) {
			in := runs(size)
			dst := make([]byte, 0, 2*size)
			b.SetBytes(int64(size))
			b.ResetTimer()
			var encoded []byte
			for i := 0; i < b.N; i++ {
				encoded = Encode(dst, in)
			}
			b.ReportMetric(float64(len(encoded))/float64(size), "ratio")
		})
	}
}
