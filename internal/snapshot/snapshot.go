// Package snapshot is the plain data a source hands to the detectors: a
// subject's profile and repositories with their files, contents and history.
// It knows nothing of where the data came from (GitHub's API or a local
// checkout), so detectors and tests can be written against it alone.
package snapshot

import (
	"context"
	"errors"
	"strings"
	"time"
)

// ErrNotFetched is returned by Repo.Read for a path whose content the source
// did not fetch (too large, binary, capped, or not requested). Detectors treat
// it as "unknown", never as "absent".
var ErrNotFetched = errors.New("content not fetched")

// Snapshot is everything one audit looked at.
type Snapshot struct {
	Profile  Profile  `json:"profile"`
	Repos    []*Repo  `json:"repos"`
	Warnings []string `json:"warnings,omitempty"`
	// Partial is true when the source stopped early (rate limit, interrupt):
	// repositories it did not reach carry Repo.Unavailable.
	Partial bool `json:"partial,omitempty"`
}

// Profile describes the subject of the audit.
type Profile struct {
	Kind  string `json:"kind"`  // "github-user" or "local"
	Type  string `json:"type"`  // "User" or "Organization" (GitHub); "" for local
	Login string `json:"login"` // local: owner from origin remote, or folder name
	// Known is false when no profile could be read (local mode without --user):
	// profile-only rules are then unknown, not failed.
	Known           bool      `json:"known"`
	Name            string    `json:"name,omitempty"`
	Bio             string    `json:"bio,omitempty"`
	Blog            string    `json:"blog,omitempty"`
	Location        string    `json:"location,omitempty"`
	Company         string    `json:"company,omitempty"`
	Email           string    `json:"email,omitempty"`
	TwitterUsername string    `json:"twitter_username,omitempty"`
	Hireable        *bool     `json:"hireable,omitempty"`
	Followers       int       `json:"followers"`
	Following       int       `json:"following"`
	PublicRepos     int       `json:"public_repos"`
	HTMLURL         string    `json:"html_url,omitempty"`
	AvatarURL       string    `json:"avatar_url,omitempty"`
	CreatedAt       time.Time `json:"created_at,omitzero"`
	// ExternalPRs counts pull requests the subject opened on repositories it
	// does not own; nil when unknown (not fetched or not available).
	ExternalPRs *int `json:"external_prs,omitempty"`
	// ExternalPRRepos names a few of those repositories ("owner/name").
	ExternalPRRepos []string `json:"external_pr_repos,omitempty"`
}

// Repo is one repository as seen by a source.
type Repo struct {
	Name          string    `json:"name"`
	FullName      string    `json:"full_name"`
	Owner         string    `json:"owner"`
	HTMLURL       string    `json:"html_url,omitempty"`
	Description   string    `json:"description,omitempty"`
	Homepage      string    `json:"homepage,omitempty"`
	Topics        []string  `json:"topics,omitempty"`
	Fork          bool      `json:"fork"`
	Archived      bool      `json:"archived"`
	Empty         bool      `json:"empty"`
	Stars         int       `json:"stars"`
	Forks         int       `json:"forks"`
	DefaultBranch string    `json:"default_branch,omitempty"`
	License       string    `json:"license,omitempty"` // SPDX id as the host reports it
	HostLanguage  string    `json:"host_language,omitempty"`
	CreatedAt     time.Time `json:"created_at,omitzero"`
	PushedAt      time.Time `json:"pushed_at,omitzero"`
	SizeKB        int       `json:"size_kb"`
	HeadSHA       string    `json:"head_sha,omitempty"`

	// Files is the authoritative list of files in the default branch's tree
	// (blobs, symlinks and submodules; no directories), sorted by path.
	Files []File `json:"files"`
	// TreeTruncated is true when the host returned only part of the tree:
	// file-based rules are then "unknown" rather than "fail" for absences.
	TreeTruncated bool `json:"tree_truncated,omitempty"`
	// Contents holds the bytes of the files the source fetched, by path.
	// Paths absent here but present in Files were not fetched (see Read).
	Contents map[string][]byte `json:"contents,omitempty"`
	// ContentsKnown is false when no file content at all could be fetched.
	ContentsKnown bool `json:"contents_known"`

	// Commits is the latest history of the default branch, newest first,
	// at most a source-defined number (100 for GitHub).
	Commits []Commit `json:"commits,omitempty"`
	// CommitsTotal is the total number of commits on the default branch,
	// or -1 when unknown.
	CommitsTotal int `json:"commits_total"`
	// HistoryKnown is false when history could not be read or is cut short
	// (a shallow clone): history facts are then unknown.
	HistoryKnown bool `json:"history_known"`
	Shallow      bool `json:"shallow,omitempty"`

	// Unavailable says why the repository's data could not be read at all
	// (rate limit, repeated server errors); empty when it was read.
	Unavailable string   `json:"unavailable,omitempty"`
	Warnings    []string `json:"warnings,omitempty"`
}

// File is one entry in a repository's tree.
type File struct {
	Path string `json:"path"`
	Size int64  `json:"size"`
	// Kind is "blob", "symlink" or "submodule".
	Kind string `json:"kind,omitempty"`
	// Executable is set for blobs with mode 100755.
	Executable bool `json:"executable,omitempty"`
}

// Commit is one commit of the default branch.
type Commit struct {
	SHA            string    `json:"sha"`
	Message        string    `json:"message"`
	AuthorName     string    `json:"author_name,omitempty"`
	AuthorEmail    string    `json:"author_email,omitempty"`
	AuthorLogin    string    `json:"author_login,omitempty"` // host account, when known
	AuthorDate     time.Time `json:"author_date"`
	CommitterName  string    `json:"committer_name,omitempty"`
	CommitterEmail string    `json:"committer_email,omitempty"`
	CommitterLogin string    `json:"committer_login,omitempty"`
	CommitterDate  time.Time `json:"committer_date"`
	Parents        int       `json:"parents"`
}

// Read returns the content of path, or ErrNotFetched when the source did not
// fetch it. It never touches the network or the disk.
func (r *Repo) Read(path string) ([]byte, error) {
	if b, ok := r.Contents[path]; ok {
		return b, nil
	}
	return nil, ErrNotFetched
}

// Has reports whether path is in the tree.
func (r *Repo) Has(path string) bool {
	_, ok := r.File(path)
	return ok
}

// File returns the tree entry for path. Files must be sorted by path.
func (r *Repo) File(path string) (File, bool) {
	lo, hi := 0, len(r.Files)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if r.Files[m].Path < path {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo < len(r.Files) && r.Files[lo].Path == path {
		return r.Files[lo], true
	}
	return File{}, false
}

// UnderAny reports whether a folder on path p (not the file itself) is
// named in dirs: "node_modules/x/a.js" is under {"node_modules"}. It does not
// allocate: detectors call it for every file of trees of 100,000 entries.
func UnderAny(p string, dirs map[string]bool) bool {
	for {
		i := strings.IndexByte(p, '/')
		if i < 0 {
			return false
		}
		if dirs[p[:i]] {
			return true
		}
		p = p[i+1:]
	}
}

// Options tells a source what to fetch.
type Options struct {
	IncludeForks    bool
	IncludeArchived bool
	// MaxRepos keeps the N most recently pushed repositories (0 = all).
	MaxRepos int
	// Progress, when set, is told about each repository as it finishes.
	Progress func(done, total int, repo string)
}

// Source produces a snapshot for a subject. The GitHub and local sources
// implement it; detectors never know which one they got.
type Source interface {
	Snapshot(ctx context.Context, subject string, opts Options) (*Snapshot, error)
}

// Excluded reports why a repository is left out of scoring, or "" when it is
// included. Forks and archived repositories count only when asked for. A
// repository that could not be read stays included: its rules are unknown,
// so the report shows what was not checked instead of hiding the repository.
func Excluded(r *Repo, opts Options) string {
	switch {
	case r.Fork && !opts.IncludeForks:
		return "fork"
	case r.Archived && !opts.IncludeArchived:
		return "archived"
	case r.Empty:
		return "empty"
	}
	return ""
}

// Error kinds a source wraps, so the command can pick an exit code without
// knowing the source: the first three are bad input (exit 2).
var (
	ErrInvalidSubject = errors.New("invalid subject")
	ErrNotFound       = errors.New("not found")
	ErrBadCredentials = errors.New("bad credentials")
	// ErrRateLimited means the host's rate limit stopped the fetch.
	ErrRateLimited = errors.New("rate limited")
)
