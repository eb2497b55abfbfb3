package audit_test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"github.com/pathway-dev/pathway/internal/fixtures"
	"github.com/pathway-dev/pathway/internal/githubtest"
)

func TestZZRv27Serve(t *testing.T) {
	dir := os.Getenv("RV27_DIR")
	if dir == "" {
		t.Skip()
	}
	srv := githubtest.New(t)
	srv.AddToken("ghp_RV27SECRETAAAA")
	srv.AddToken("ghp_RV27SECRETBBBB")
	for _, p := range fixtures.All() {
		fixtures.Serve(srv, p)
	}
	me := githubtest.Person{Name: "Ann", Email: "ann@x.io", Login: "ann25"}
	srv.AddUser(githubtest.User{Login: "ann25", Name: "Ann"})
	for i := 0; i < 25; i++ {
		srv.AddRepo(githubtest.Repo{Owner: "ann25", Name: fmt.Sprintf("r%02d", i),
			Files:   map[string]string{"main.go": "package main\nfunc main(){}\n", "README.md": "# r\n"},
			Commits: githubtest.History(me, 5, time.Date(2026, 10, 1, 0, 0, 0, 0, time.UTC).Add(-time.Duration(i)*time.Hour), 24*time.Hour)})
	}
	srv.AddUser(githubtest.User{Login: "ann120", Name: "Ann"})
	for i := 0; i < 120; i++ {
		srv.AddRepo(githubtest.Repo{Owner: "ann120", Name: fmt.Sprintf("q%03d", i),
			Files:   map[string]string{"main.go": "package main\nfunc main(){}\n", "README.md": "# r\n"},
			Commits: githubtest.History(me, 2, time.Date(2026, 10, 1, 0, 0, 0, 0, time.UTC).Add(-time.Duration(i)*time.Hour), 24*time.Hour)})
	}
	srv.AddUser(githubtest.User{Login: "acme-org", Type: "Organization", Name: "Acme"})
	srv.AddRepo(githubtest.Repo{Owner: "acme-org", Name: "svc", Files: map[string]string{"main.go": "package main\n"}, Commits: githubtest.History(me, 3, time.Date(2026, 10, 1, 0, 0, 0, 0, time.UTC), time.Hour)})
	srv.AddUser(githubtest.User{Login: "evil", Name: "Evil"})
	srv.AddRepo(githubtest.Repo{Owner: "evil", Name: "trav", Files: map[string]string{"main.go": "package main\n"}, Commits: githubtest.History(me, 3, time.Date(2026, 10, 1, 0, 0, 0, 0, time.UTC), time.Hour),
		ArchiveExtra: []githubtest.ArchiveEntry{{Name: "../../../../tmp/rv27/pwned.txt", Body: []byte("x")}, {Name: "/tmp/rv27/pwned-abs.txt", Body: []byte("x")}, {Name: "top/link", Type: '2', Linkname: "/etc/passwd"}}})
	srv.AddRepo(githubtest.Repo{Owner: "evil", Name: "bomb", Files: map[string]string{"main.go": "package main\n"}, Commits: githubtest.History(me, 3, time.Date(2026, 9, 1, 0, 0, 0, 0, time.UTC), time.Hour),
		ArchiveExtra: []githubtest.ArchiveEntry{{Name: "x/big.go", Size: 4 << 30}}})
	srv.AddRepo(githubtest.Repo{Owner: "evil", Name: "corrupt", Files: map[string]string{"main.go": "package main\n"}, Commits: githubtest.History(me, 3, time.Date(2026, 8, 1, 0, 0, 0, 0, time.UTC), time.Hour), CorruptArchive: true})
	srv.AddRepo(githubtest.Repo{Owner: "evil", Name: "empty"})
	srv.AddRepo(githubtest.Repo{Owner: "evil", Name: "trunc", Truncated: true, Files: map[string]string{"a.go": "package a\n", "b.go": "package b\n", "README.md": "\xff\xfe bad utf8"}, Commits: githubtest.History(me, 3, time.Date(2026, 7, 1, 0, 0, 0, 0, time.UTC), time.Hour)})

	ctl := http.NewServeMux()
	ctl.HandleFunc("/log", func(w http.ResponseWriter, r *http.Request) { json.NewEncoder(w).Encode(srv.Requests()) })
	ctl.HandleFunc("/counted", func(w http.ResponseWriter, r *http.Request) { fmt.Fprintln(w, srv.Counted(), len(srv.Requests())) })
	ctl.HandleFunc("/reset", func(w http.ResponseWriter, r *http.Request) { srv.ResetLog() })
	ctl.HandleFunc("/clear", func(w http.ResponseWriter, r *http.Request) { srv.ClearFaults(); srv.RateLimitStatus(403) })
	ctl.HandleFunc("/latency", func(w http.ResponseWriter, r *http.Request) {
		ms, _ := strconv.Atoi(r.FormValue("ms"))
		srv.SetLatency(time.Duration(ms) * time.Millisecond)
	})
	ctl.HandleFunc("/status", func(w http.ResponseWriter, r *http.Request) {
		c, _ := strconv.Atoi(r.FormValue("code"))
		srv.RateLimitStatus(c)
	})
	ctl.HandleFunc("/limit", func(w http.ResponseWriter, r *http.Request) {
		a, _ := strconv.Atoi(r.FormValue("anon"))
		b, _ := strconv.Atoi(r.FormValue("token"))
		srv.SetLimit(a, b)
	})
	ctl.HandleFunc("/remaining", func(w http.ResponseWriter, r *http.Request) {
		n, _ := strconv.Atoi(r.FormValue("n"))
		s, _ := strconv.Atoi(r.FormValue("reset"))
		res := r.FormValue("res")
		if res == "" {
			res = "core"
		}
		srv.SetRemaining(res, n, time.Now().Add(time.Duration(s)*time.Second))
	})
	ctl.HandleFunc("/fault", func(w http.ResponseWriter, r *http.Request) {
		f := githubtest.Fault{Path: r.FormValue("path"), Codeload: r.FormValue("codeload") != "", Message: r.FormValue("msg"), DocumentationURL: r.FormValue("doc")}
		f.Status, _ = strconv.Atoi(r.FormValue("status"))
		f.RetryAfter, _ = strconv.Atoi(r.FormValue("retry"))
		f.Times, _ = strconv.Atoi(r.FormValue("times"))
		f.Probability, _ = strconv.ParseFloat(r.FormValue("p"), 64)
		d, _ := strconv.Atoi(r.FormValue("delayms"))
		f.Delay = time.Duration(d) * time.Millisecond
		srv.AddFault(f)
	})
	c := httptest.NewServer(ctl)
	defer c.Close()
	os.WriteFile(filepath.Join(dir, "url"), []byte(srv.URL()), 0o644)
	os.WriteFile(filepath.Join(dir, "ctl"), []byte(c.URL), 0o644)
	deadline := time.Now().Add(40 * time.Minute)
	for time.Now().Before(deadline) {
		if _, err := os.Stat(filepath.Join(dir, "stop")); err == nil {
			break
		}
		time.Sleep(time.Second)
	}
}
