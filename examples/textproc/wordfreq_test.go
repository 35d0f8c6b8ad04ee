package textproc

import (
	"strings"
	"testing"
)

var sample = strings.Repeat("The quick brown Fox jumps over the lazy dog. A dog, a fox; the END! ", 40)

func TestTopWords(t *testing.T) {
	top := TopWords("b a b c b a", 2)
	if len(top) != 2 || top[0] != (WordCount{"b", 3}) || top[1] != (WordCount{"a", 2}) {
		t.Fatalf("TopWords = %v", top)
	}
}

func BenchmarkWordFreq(b *testing.B) {
	for i := 0; i < b.N; i++ {
		if len(TopWords(sample, 5)) != 5 {
			b.Fatal("expected five words")
		}
	}
}
