package handlers

import (
	"strconv"
	"testing"
)

func FuzzParseID(f *testing.F) {
	f.Add("1")
	f.Add("-3")
	f.Add("abc")
	f.Fuzz(func(t *testing.T, s string) {
		n, err := ParseID(s)
		if err == nil && (n <= 0 || strconv.Itoa(n) != s) {
			t.Fatalf("ParseID(%q) = %d", s, n)
		}
	})
}
