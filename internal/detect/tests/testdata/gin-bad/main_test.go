package main

import "testing"

func TestPing(t *testing.T) {
	// TODO: write this test
}

/*
func TestPong(t *testing.T) {
	w := httptest.NewRecorder()
	if w.Code != 200 {
		t.Fail()
	}
}
*/
