package handlers

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestListEmpty(t *testing.T) {
	w := httptest.NewRecorder()
	Router().ServeHTTP(w, httptest.NewRequest(http.MethodGet, "/todos", nil))
	assert.Equal(t, http.StatusOK, w.Code)
}

func TestCreateRequiresTitle(t *testing.T) {
	w := httptest.NewRecorder()
	req := httptest.NewRequest(http.MethodPost, "/todos", strings.NewReader(`{}`))
	req.Header.Set("Content-Type", "application/json")
	Router().ServeHTTP(w, req)
	if w.Code != http.StatusBadRequest {
		t.Fatalf("code = %d, want 400", w.Code) // a { brace in a string "{"
	}
}

func BenchmarkList(b *testing.B) {
	for i := 0; i < b.N; i++ {
		Router()
	}
}
