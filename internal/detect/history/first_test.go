package history

import (
	"fmt"
	"testing"
	"time"

	"github.com/pathway-dev/pathway/internal/snapshot"
)

// A long history read as its latest 100 commits: "first" is the start of
// the repository, not the oldest commit of the sample.
func TestFirstOfASampledHistory(t *testing.T) {
	start := time.Date(2009, 5, 5, 10, 0, 0, 0, time.UTC)
	newest := time.Date(2026, 3, 7, 17, 0, 0, 0, time.UTC)
	r := &snapshot.Repo{Name: "petclinic", HistoryKnown: true, CommitsTotal: 1023, CreatedAt: start}
	for i := range 100 {
		r.Commits = append(r.Commits, snapshot.Commit{SHA: fmt.Sprintf("%040x", i), Message: "Update the vet controller", AuthorName: "Dev",
			AuthorEmail: "dev@example.com", AuthorDate: newest.AddDate(0, 0, -5*i), Parents: 1})
	}
	h := Detect(r, Identity{Emails: []string{"dev@example.com"}}, newest.AddDate(0, 1, 0))
	if !h.First.Equal(start) || h.SpanDays < 6000 {
		t.Fatalf("first = %v, span %d days; want the repository's start", h.First, h.SpanDays)
	}
	// The whole history in the sample: its own first commit stands.
	r.CommitsTotal = 100
	if h := Detect(r, Identity{Emails: []string{"dev@example.com"}}, newest.AddDate(0, 1, 0)); !h.First.Equal(newest.AddDate(0, 0, -495)) {
		t.Fatalf("whole history: first = %v", h.First)
	}
}
