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
	// Words are kept in order of first appearance (not map order, which Go randomizes per run), so that the
	// work of the sort below, and the benchmark's instruction count, is the same in every run.
	index := make(map[string]int)
	var words []WordCount
	for _, field := range strings.Fields(text) {
		word := strings.ToLower(strings.Trim(field, ".,;:!?\"'()"))
		if word == "" {
			continue
		}
		if i, ok := index[word]; ok {
			words[i].Count++
			continue
		}
		index[word] = len(words)
		words = append(words, WordCount{word, 1})
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
