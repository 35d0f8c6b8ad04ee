// Package textproc counts words: a small allocating workload.
package textproc

import (
	"sort"
	"strings"
)

// WordCount is a word and how often it occurs.
type WordCount struct {
	Word  string
	Count int
}

// TopWords returns the n most frequent lower-cased words of text, most frequent first.
func TopWords(text string, n int) []WordCount {
	counts := make(map[string]int)
	for _, field := range strings.Fields(text) {
		word := strings.ToLower(strings.Trim(field, ".,;:!?\"'()"))
		if word != "" {
			counts[word]++
		}
	}
	words := make([]WordCount, 0, len(counts))
	for w, c := range counts {
		words = append(words, WordCount{w, c})
	}
	sort.Slice(words, func(i, j int) bool {
		if words[i].Count != words[j].Count {
			return words[i].Count > words[j].Count
		}
		return words[i].Word < words[j].Word
	})
	if len(words) > n {
		words = words[:n]
	}
	return words
}
