package planted

import "testing"

var (
	table = Table()
	data  = Bytes(4096, !shuffled)
	sink  int64
)

// BenchmarkStride: planted change v1 → v2: strided reads, more L1d misses, same instructions.
func BenchmarkStride(b *testing.B) {
	for i := 0; i < b.N; i++ {
		sink += StridedSum(table, stride)
	}
}

// BenchmarkBranch: planted change v1 → v2: random instead of sorted bytes, more mispredicts, same instructions.
func BenchmarkBranch(b *testing.B) {
	for i := 0; i < b.N; i++ {
		small, large := Split(data)
		sink += int64(small + large)
	}
}

// BenchmarkWork: planted change v1 → v2: 5 % more rounds.
func BenchmarkWork(b *testing.B) {
	for i := 0; i < b.N; i++ {
		sink += int64(Mix(uint64(i), rounds))
	}
}

// BenchmarkChecksum: unchanged.
func BenchmarkChecksum(b *testing.B) {
	for i := 0; i < b.N; i++ {
		sink += int64(Checksum(data))
	}
}

// BenchmarkWords: unchanged; allocates.
func BenchmarkWords(b *testing.B) {
	for i := 0; i < b.N; i++ {
		sink += int64(len(Words(300)))
	}
}

func TestStridedSumReadsEveryElement(t *testing.T) {
	small := []int64{1, 2, 4, 8, 16, 32, 64, 128}
	for _, step := range []int{1, 3, 9} {
		if got := StridedSum(small, step); got != 255 {
			t.Fatalf("StridedSum(step %d) = %d, want 255", step, got)
		}
	}
}
