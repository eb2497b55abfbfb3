package github

import (
	"bytes"
	"compress/gzip"
	"encoding/gob"
	"io"
	"strings"
	"time"

	"github.com/pathway-dev/pathway/internal/snapshot"
)

// repoCacheVersion changes whenever what a fetch puts in a snapshot.Repo
// changes, so that older copies are fetched again.
const repoCacheVersion = 1

// cachedRepo is a repository as fetched, with what identifies its state.
type cachedRepo struct {
	Version       int
	API           string
	FullName      string
	PushedAt      time.Time
	SizeKB        int
	DefaultBranch string

	Empty         bool
	HeadSHA       string
	Files         []snapshot.File
	TreeTruncated bool
	Contents      map[string][]byte
	ContentsKnown bool
	Commits       []snapshot.Commit
	CommitsTotal  int
	HistoryKnown  bool
	Warnings      []string
}

// repoKey names r's copy; one copy per repository, replaced when it
// changes.
func (s *Source) repoKey(r *snapshot.Repo) string {
	return "repo\x00" + s.api.String() + "\x00" + strings.ToLower(r.FullName)
}

// reuse fills r from the cache when the copy there was fetched at the same
// pushed_at, size and default branch: any push changes pushed_at, so the
// files and history are the same. Metadata (stars, topics...) comes fresh
// from the listing.
func (s *Source) reuse(r *snapshot.Repo) bool {
	if s.cache == nil {
		return false
	}
	data, ok := s.cache.Get(s.repoKey(r))
	if !ok {
		return false
	}
	zr, err := gzip.NewReader(bytes.NewReader(data))
	if err != nil {
		return false
	}
	var c cachedRepo
	if err := gob.NewDecoder(io.LimitReader(zr, 512<<20)).Decode(&c); err != nil {
		return false
	}
	if c.Version != repoCacheVersion || c.API != s.api.String() || !strings.EqualFold(c.FullName, r.FullName) ||
		!c.PushedAt.Equal(r.PushedAt) || c.SizeKB != r.SizeKB || c.DefaultBranch != r.DefaultBranch || r.PushedAt.IsZero() {
		return false
	}
	r.Empty, r.HeadSHA, r.TreeTruncated = c.Empty, c.HeadSHA, c.TreeTruncated
	r.Files, r.Contents, r.ContentsKnown = c.Files, c.Contents, c.ContentsKnown
	r.Commits, r.CommitsTotal, r.HistoryKnown = c.Commits, c.CommitsTotal, c.HistoryKnown
	r.Warnings = c.Warnings
	if r.Files == nil {
		r.Files = []snapshot.File{}
	}
	return true
}

// remember keeps r's fetched state for the next audit.
func (s *Source) remember(r *snapshot.Repo) {
	if s.cache == nil || r.PushedAt.IsZero() {
		return
	}
	c := cachedRepo{
		Version: repoCacheVersion, API: s.api.String(), FullName: r.FullName,
		PushedAt: r.PushedAt, SizeKB: r.SizeKB, DefaultBranch: r.DefaultBranch,
		Empty: r.Empty, HeadSHA: r.HeadSHA, Files: r.Files, TreeTruncated: r.TreeTruncated,
		Contents: r.Contents, ContentsKnown: r.ContentsKnown,
		Commits: r.Commits, CommitsTotal: r.CommitsTotal, HistoryKnown: r.HistoryKnown,
		Warnings: r.Warnings,
	}
	var buf bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&buf, gzip.BestSpeed)
	if err := gob.NewEncoder(zw).Encode(&c); err != nil {
		return
	}
	if zw.Close() != nil {
		return
	}
	_ = s.cache.Put(s.repoKey(r), buf.Bytes()) // a failed write only costs requests next time
}
