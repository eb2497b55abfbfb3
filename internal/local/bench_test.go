package local

import (
	"bufio"
	"fmt"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pathway-dev/pathway/internal/snapshot"
)

// BenchmarkLoad reads a 20,000-file repository with 5,000 commits, the size
// the design's performance goal names (under 2 s).
func BenchmarkLoad(b *testing.B) {
	dir := filepath.Join(b.TempDir(), "monolith")
	if err := bigRepo(dir, 5000, 4); err != nil {
		b.Fatal(err)
	}
	s, err := New()
	if err != nil {
		b.Fatal(err)
	}
	var snap *snapshot.Snapshot
	for b.Loop() {
		snap, err = s.Load(b.Context(), []string{dir}, snapshot.Options{})
		if err != nil {
			b.Fatal(err)
		}
	}
	r := snap.Repos[0]
	if len(r.Files) != 20001 || r.CommitsTotal != 5000 || len(r.Commits) != 100 || len(r.Contents) != 20001 {
		b.Fatalf("files %d, commits %d (%d read), contents %d; want 20001 (with README.md), 5000 (100), 20001",
			len(r.Files), r.CommitsTotal, len(r.Commits), len(r.Contents))
	}
}

// bigRepo makes a repository with git fast-import: each commit adds
// perCommit Go files and edits the README, so history and tree both grow.
func bigRepo(dir string, commits, perCommit int) error {
	b := &builder{}
	b.init(dir)
	if b.err != nil {
		return b.err
	}
	cmd := exec.Command("git", "fast-import", "--quiet")
	cmd.Dir = dir
	cmd.Env = hermetic()
	stdin, err := cmd.StdinPipe()
	if err != nil {
		return err
	}
	var stderr strings.Builder
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		return err
	}
	w := bufio.NewWriterSize(stdin, 1<<20)
	data := func(s string) { fmt.Fprintf(w, "data %d\n%s\n", len(s), s) }
	const start = 1577836800 // 2020-01-01
	n := 0
	for c := range commits {
		when := start + c*3600*7
		fmt.Fprintf(w, "commit refs/heads/main\nmark :%d\n", c+1)
		who := []person{ada, grace}[c%2]
		fmt.Fprintf(w, "author %s <%s> %d +0000\ncommitter %s <%s> %d +0000\n", who.name, who.email, when, who.name, who.email, when)
		data(fmt.Sprintf("Add handlers batch %d\n\nPart of the order service.", c))
		if c > 0 {
			fmt.Fprintf(w, "from :%d\n", c)
		}
		for range perCommit {
			path := fmt.Sprintf("services/svc%02d/handlers/handler%05d.go", n%50, n)
			fmt.Fprintf(w, "M 100644 inline %s\n", path)
			data(goFile(n))
			n++
		}
		fmt.Fprintf(w, "M 100644 inline README.md\n")
		data(fmt.Sprintf("# monolith\n\n%d handlers so far.\n", n))
	}
	if err := w.Flush(); err != nil {
		return err
	}
	stdin.Close()
	if err := cmd.Wait(); err != nil {
		return fmt.Errorf("git fast-import: %v: %s", err, stderr.String())
	}
	return nil
}

func goFile(n int) string {
	return fmt.Sprintf(`package handlers

import (
	"encoding/json"
	"net/http"
)

// Order%[1]d is the payload of endpoint %[1]d.
type Order%[1]d struct {
	ID       int     `+"`json:\"id\"`"+`
	Customer string  `+"`json:\"customer\"`"+`
	Total    float64 `+"`json:\"total\"`"+`
}

// HandleOrder%[1]d decodes an order and echoes it back.
func HandleOrder%[1]d(w http.ResponseWriter, r *http.Request) {
	var o Order%[1]d
	if err := json.NewDecoder(r.Body).Decode(&o); err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	_ = json.NewEncoder(w).Encode(o)
}
`, n)
}
