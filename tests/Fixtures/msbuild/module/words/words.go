// Package words splits text into lower-case words.
package words

import "strings"

// Fields returns the words of text, lower-cased: one allocation for the slice, one per word that has an
// upper-case letter.
func Fields(text string) []string {
	words := strings.Fields(text)
	for i, w := range words {
		words[i] = strings.ToLower(w)
	}
	return words
}
