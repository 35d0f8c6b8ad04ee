package words

import (
	"strings"
	"testing"
)

var text = strings.Repeat("The quick brown Fox jumps over the lazy Dog ", 12)

func TestFields(t *testing.T) {
	got := Fields("A b  C")
	if len(got) != 3 || got[0] != "a" || got[1] != "b" || got[2] != "c" {
		t.Fatalf("Fields = %q", got)
	}
}

func BenchmarkFields(b *testing.B) {
	for i := 0; i < b.N; i++ {
		if len(Fields(text)) != 108 {
			b.Fatal("expected 108 words")
		}
	}
}
