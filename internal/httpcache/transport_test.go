package httpcache

import (
	"bytes"
	"fmt"
	"io"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

// origin is a small GitHub-like server: an ETag that depends on the body
// and the caller's token, 304 on a match, rate-limit headers on every answer.
type origin struct {
	mu        sync.Mutex
	body      string
	remaining int
	seen      []string // If-None-Match of each request
	noStore   bool
}

func (o *origin) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	o.mu.Lock()
	defer o.mu.Unlock()
	o.remaining--
	o.seen = append(o.seen, r.Header.Get("If-None-Match"))
	etag := fmt.Sprintf(`W/"%x"`, len(o.body)*31+len(r.Header.Get("Authorization")))
	w.Header().Set("ETag", etag)
	w.Header().Set("X-RateLimit-Remaining", fmt.Sprint(o.remaining))
	w.Header().Set("Link", `<https://api.github.com/user/7/repos?page=2>; rel="next"`)
	if o.noStore {
		w.Header().Set("Cache-Control", "no-store")
	}
	if r.Header.Get("If-None-Match") == etag {
		w.WriteHeader(http.StatusNotModified)
		return
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	io.WriteString(w, o.body)
}

func get(t *testing.T, c *http.Client, url, token string) (*http.Response, string) {
	t.Helper()
	req, _ := http.NewRequest(http.MethodGet, url, nil)
	req.Header.Set("Accept", "application/vnd.github.v3+json")
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	resp, err := c.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp, string(b)
}

func TestRevalidatesWithETag(t *testing.T) {
	o := &origin{body: `{"login": "ana-lima", "public_repos": 3}`, remaining: 60}
	srv := httptest.NewServer(o)
	defer srv.Close()
	dir := t.TempDir()
	client := &http.Client{Transport: &Transport{Cache: open(t, dir, 0)}}
	token := "ghp_cachetoken000000000000000000000000001"

	resp, body := get(t, client, srv.URL+"/users/ana-lima", token)
	if resp.StatusCode != 200 || body != o.body || resp.Header.Get(Header) != "" {
		t.Fatalf("first: %d %q %q", resp.StatusCode, body, resp.Header.Get(Header))
	}
	resp, body = get(t, client, srv.URL+"/users/ana-lima", token)
	if resp.StatusCode != 200 || body != o.body || resp.Header.Get(Header) != "revalidated" {
		t.Fatalf("second: %d %q %q", resp.StatusCode, body, resp.Header.Get(Header))
	}
	// The 304's fresh rate figures; the stored Link and Content-Type.
	if resp.Header.Get("X-RateLimit-Remaining") != "58" || !strings.Contains(resp.Header.Get("Link"), `rel="next"`) ||
		!strings.HasPrefix(resp.Header.Get("Content-Type"), "application/json") {
		t.Errorf("headers = %v", resp.Header)
	}
	if o.seen[0] != "" || o.seen[1] == "" {
		t.Errorf("If-None-Match sent: %q", o.seen)
	}

	// Changed on the server: the new body replaces the stored one.
	o.mu.Lock()
	o.body = `{"login": "ana-lima", "public_repos": 4, "bio": "Backend developer"}`
	o.mu.Unlock()
	if _, body = get(t, client, srv.URL+"/users/ana-lima", token); !strings.Contains(body, `"public_repos": 4`) {
		t.Errorf("changed body = %q", body)
	}
	if resp, body = get(t, client, srv.URL+"/users/ana-lima", token); resp.Header.Get(Header) != "revalidated" || !strings.Contains(body, "Backend") {
		t.Errorf("after change: %q %q", resp.Header.Get(Header), body)
	}

	// Another token: the server's ETag differs, so a 200, never the
	// stored body without asking.
	if resp, _ = get(t, client, srv.URL+"/users/ana-lima", "ghp_other"); resp.Header.Get(Header) != "" {
		t.Error("a body stored for one token was served to another without a 304")
	}

	// Query strings and Accept are part of the key.
	get(t, client, srv.URL+"/users/ana-lima?page=2", token)
	if last := o.seen[len(o.seen)-1]; last != "" {
		t.Errorf("page=2 revalidated with page 1's ETag %q", last)
	}

	// The token is nowhere in the folder.
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			b, _ := os.ReadFile(p)
			if bytes.Contains(b, []byte(token)) || bytes.Contains(b, []byte("ghp_other")) || bytes.Contains(b, []byte("Authorization")) {
				t.Errorf("%s holds the token or its header", p)
			}
		}
		return nil
	})
}

func TestNotStored(t *testing.T) {
	o := &origin{body: `{"total_count": 3, "incomplete_results": false, "items": []}`, remaining: 30, noStore: true}
	srv := httptest.NewServer(o)
	defer srv.Close()
	dir := t.TempDir()
	c := open(t, dir, 0)
	client := &http.Client{Transport: &Transport{Cache: c}}
	get(t, client, srv.URL+"/search/issues?q=type:pr", "")
	get(t, client, srv.URL+"/search/issues?q=type:pr", "")
	if o.seen[1] != "" || c.Size() != 0 {
		t.Errorf("no-store answer was cached: %q, %d bytes", o.seen, c.Size())
	}
	// Errors and other methods pass through untouched.
	srv2 := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("ETag", `"x"`)
		http.Error(w, `{"message":"Not Found"}`, http.StatusNotFound)
	}))
	defer srv2.Close()
	resp, _ := get(t, client, srv2.URL+"/users/ghost", "")
	if resp.StatusCode != 404 || c.Size() != 0 {
		t.Errorf("404: status %d, cache %d bytes", resp.StatusCode, c.Size())
	}
}

// A damaged entry is a miss: the request goes out without If-None-Match.
func TestCorruptEntryRefetched(t *testing.T) {
	o := &origin{body: `[{"name": "django-blog"}]`, remaining: 60}
	srv := httptest.NewServer(o)
	defer srv.Close()
	dir := t.TempDir()
	c := open(t, dir, 0)
	client := &http.Client{Transport: &Transport{Cache: c}}
	get(t, client, srv.URL+"/users/ana-lima/repos", "")
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			b, _ := os.ReadFile(p)
			b[len(b)-2] ^= 1
			os.WriteFile(p, b, 0o600)
		}
		return nil
	})
	resp, body := get(t, client, srv.URL+"/users/ana-lima/repos", "")
	if resp.StatusCode != 200 || body != o.body || o.seen[1] != "" {
		t.Errorf("after corruption: %d %q, If-None-Match %q", resp.StatusCode, body, o.seen[1])
	}
	if resp, _ := get(t, client, srv.URL+"/users/ana-lima/repos", ""); resp.Header.Get(Header) != "revalidated" {
		t.Error("the refetched answer was not stored again")
	}
}
