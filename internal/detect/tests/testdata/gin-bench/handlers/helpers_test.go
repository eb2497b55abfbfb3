package handlers

import (
	"encoding/json"
	"net/http/httptest"
	"os"
	"testing"

	"github.com/gin-gonic/gin"
)

// newRouter returns a router with the todo routes and the fixtures loaded.
func newRouter(tb testing.TB) *gin.Engine {
	tb.Helper()
	gin.SetMode(gin.TestMode)
	b, err := os.ReadFile("testdata/todos.json")
	if err != nil {
		tb.Fatal(err)
	}
	if err := json.Unmarshal(b, &todos); err != nil {
		tb.Fatal(err)
	}
	r := gin.New()
	Register(r)
	return r
}

func get200(tb testing.TB, r *gin.Engine, url string) *httptest.ResponseRecorder {
	tb.Helper()
	w := httptest.NewRecorder()
	r.ServeHTTP(w, httptest.NewRequest("GET", url, nil))
	if w.Code != 200 {
		tb.Fatalf("GET %s: %d", url, w.Code)
	}
	return w
}
