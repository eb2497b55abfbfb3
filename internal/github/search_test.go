package github

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/pathway-dev/pathway/internal/githubtest"
	"github.com/pathway-dev/pathway/internal/snapshot"
)

// The search limit (10 a minute anonymous) runs out long before the core
// one in a cohort: the pull-request count becomes unknown, and nothing else
// may stop. Behind an /api/v3 prefix go-github would file the refusal under
// the core limit and refuse every later request itself.
func TestSearchLimitNeverStopsAnAudit(t *testing.T) {
	f := githubtest.New(t)
	for i := range 12 {
		f.AddUser(githubtest.User{Login: fmt.Sprintf("u%02d", i)})
		f.AddRepo(githubtest.Repo{Owner: fmt.Sprintf("u%02d", i), Name: "app", Files: map[string]string{"README.md": "# x\n"},
			Commits: githubtest.History(githubtest.Person{Name: "U", Email: "u@example.com"}, 3, time.Now().Add(-time.Hour), time.Hour)})
	}
	dir := t.TempDir()
	for pass := range 2 {
		s, err := New(Config{APIURL: f.URL(), CacheDir: dir, MaxWait: time.Minute})
		if err != nil {
			t.Fatal(err)
		}
		for i := range 12 {
			snap, err := s.Snapshot(context.Background(), fmt.Sprintf("u%02d", i), snapshot.Options{})
			if err != nil {
				t.Fatalf("pass %d user %d: %v", pass, i, err)
			}
			if pass == 0 && i >= 10 && snap.Profile.ExternalPRs != nil {
				t.Errorf("user %d: the 11th search in a minute cannot have an answer", i)
			}
		}
	}
}
