package branchy

import "testing"

var noise = Noise(4096, 7)

func TestClassify(t *testing.T) {
	got := Classify([]byte("ab C 12!"))
	want := Counts{Lower: 2, Upper: 1, Digit: 2, Space: 2, Other: 1}
	if got != want {
		t.Fatalf("Classify = %+v, want %+v", got, want)
	}
}

// BenchmarkClassify: 4 KiB of random bytes, so the branches are unpredictable.
func BenchmarkClassify(b *testing.B) {
	b.SetBytes(int64(len(noise)))
	var sink int
	for i := 0; i < b.N; i++ {
		sink += Classify(noise).Other
	}
	_ = sink
}
