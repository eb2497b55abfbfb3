package handlers

import "testing"

func BenchmarkList(b *testing.B) {
	r := newRouter(b)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		get200(b, r, "/todos")
	}
}

func BenchmarkParseID(b *testing.B) {
	for i := 0; i < b.N; i++ {
		if _, err := ParseID("12345"); err != nil {
			b.Fatal(err)
		}
	}
}
