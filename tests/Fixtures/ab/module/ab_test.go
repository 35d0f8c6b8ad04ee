package ab

import "testing"

var (
	data     = []byte("BenchGate measures two revisions of a Go module in one job, interleaved, and compares them.")
	buffer   = make([]byte, 0, 1024)
	values   = Values(256, 7)
	sorted   = make([]int32, 256)
	keys     = Values(512, 11)
	checksum uint32
	count    int
	encoded  []byte
)

func init() {
	SortInto(sorted, values)
}

// BenchmarkEncode: the planted regression (planted/encode.go allocates on every call).
func BenchmarkEncode(b *testing.B) {
	for i := 0; i < b.N; i++ {
		encoded = Encode(buffer, data)
	}
}

// BenchmarkChecksum: unchanged.
func BenchmarkChecksum(b *testing.B) {
	block := make([]byte, 2048)
	for i := range block {
		block[i] = byte(i * 7)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		checksum += Checksum(block)
	}
}

// BenchmarkCollatz: unchanged.
func BenchmarkCollatz(b *testing.B) {
	for i := 0; i < b.N; i++ {
		count += CollatzSteps(300)
	}
}

// BenchmarkSort: unchanged.
func BenchmarkSort(b *testing.B) {
	dst := make([]int32, len(values))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		SortInto(dst, values)
	}
}

// BenchmarkSearch: unchanged.
func BenchmarkSearch(b *testing.B) {
	for i := 0; i < b.N; i++ {
		count += Search(sorted, keys)
	}
}

func TestEncode(t *testing.T) {
	if got := string(Encode(nil, []byte{0x01, 0xab})); got != "01ab" {
		t.Fatalf("Encode = %q, want 01ab", got)
	}
}
