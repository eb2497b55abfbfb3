// Package githubtest is a fake GitHub REST API for tests: an httptest server
// that speaks GitHub's wire format (JSON shapes, Link pagination, rate-limit
// headers, ETags, error bodies) over a model filled from Go, plus a second
// server standing in for codeload.github.com, where archive downloads land.
//
// The fake answers from its model, not from what the client sends, so a test
// that passes against it exercises the same parsing a real GitHub would.
package githubtest

import (
	"crypto/sha1"
	"encoding/hex"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"
)

// User is an account on the fake GitHub.
type User struct {
	Login           string
	Type            string // "User" (default) or "Organization"
	Name            string
	Company         string
	Blog            string
	Location        string
	Email           string
	Bio             string
	TwitterUsername string
	Hireable        *bool
	Followers       int
	Following       int
	CreatedAt       time.Time
	// PullRequests are the pull requests this account opened anywhere,
	// served by /search/issues.
	PullRequests []PullRequest

	id int64
}

// PullRequest is a pull request opened by a user, on any repository.
type PullRequest struct {
	Repo      string // "owner/name"
	Number    int
	Title     string
	State     string // "open" (default) or "closed"
	Merged    bool
	CreatedAt time.Time
}

// Person identifies a commit author or committer.
type Person struct {
	Name  string
	Email string
	// Login is the GitHub account the email maps to; "" when GitHub could
	// not match it (the API then sends "author": null).
	Login string
}

// Commit is one commit of a repository's default branch.
type Commit struct {
	SHA       string // computed when empty
	Message   string
	Author    Person
	Committer Person // defaults to Author
	Date      time.Time
	// CommitDate is the committer date; defaults to Date.
	CommitDate time.Time
	Merge      bool // two parents
}

// ArchiveEntry is a raw entry appended to a repository's tarball, for
// hostile archives: Name is used verbatim (no top folder added).
type ArchiveEntry struct {
	Name     string
	Type     byte // tar type flag; 0 means a regular file
	Linkname string
	Body     []byte
	// Size, when Body is nil, streams that many zero bytes: a cheap bomb.
	Size int64
}

// Repo is a repository on the fake GitHub.
type Repo struct {
	Owner         string
	Name          string
	Description   string
	Homepage      string
	Language      string
	License       string // SPDX id, e.g. "MIT"; "NOASSERTION" for "Other"
	Topics        []string
	Fork          bool
	Archived      bool
	Private       bool // hidden from anonymous and public listings
	Stars         int
	Forks         int
	DefaultBranch string // "main" when empty
	CreatedAt     time.Time
	UpdatedAt     time.Time
	PushedAt      time.Time // newest commit date when zero
	// SizeKB is the size GitHub reports; computed from Files when zero.
	SizeKB int

	// Files maps path to content (any bytes).
	Files map[string]string
	// Symlinks maps path to link target (tree mode 120000).
	Symlinks map[string]string
	// Submodules maps path to the pinned commit (tree mode 160000).
	Submodules map[string]string
	// Executables lists paths in Files with mode 100755.
	Executables []string
	// Commits is the default branch history, newest first. A repository
	// with no commits is empty: 409 "Git Repository is empty.".
	Commits []Commit

	// Truncated makes the tree answer list only the first half of its
	// entries with "truncated": true, as GitHub does past 100,000 entries.
	Truncated bool
	// ExportIgnore lists paths left out of the archive (.gitattributes).
	ExportIgnore []string
	// ArchiveExtra is appended to the tarball as is.
	ArchiveExtra []ArchiveEntry
	// CorruptArchive serves bytes that are not gzip from codeload.
	CorruptArchive bool

	id int64
}

// FullName is "owner/name".
func (r *Repo) FullName() string { return r.Owner + "/" + r.Name }

// HeadSHA is the SHA of the newest commit, or "" for an empty repository.
func (r *Repo) HeadSHA() string {
	if len(r.Commits) == 0 {
		return ""
	}
	return r.Commits[0].SHA
}

func (r *Repo) empty() bool { return len(r.Commits) == 0 }

func (r *Repo) size() int {
	if r.SizeKB != 0 || r.empty() {
		return r.SizeKB
	}
	total := 0
	for _, c := range r.Files {
		total += len(c)
	}
	return total/1024 + 1
}

func (r *Repo) pushedAt() time.Time {
	if !r.PushedAt.IsZero() || r.empty() {
		return r.PushedAt
	}
	return r.Commits[0].CommitDate
}

// fill sets the defaults a real repository would have.
func (r *Repo) fill() {
	if r.DefaultBranch == "" {
		r.DefaultBranch = "main"
	}
	for i := range r.Commits {
		c := &r.Commits[i]
		if c.Committer == (Person{}) {
			c.Committer = c.Author
		}
		if c.CommitDate.IsZero() {
			c.CommitDate = c.Date
		}
		if c.SHA == "" {
			c.SHA = hashOf(r.FullName(), fmt.Sprint(len(r.Commits)-i), c.Message, c.Date.String())
		}
	}
	if r.CreatedAt.IsZero() && len(r.Commits) > 0 {
		r.CreatedAt = r.Commits[len(r.Commits)-1].Date
	}
	if r.UpdatedAt.IsZero() {
		r.UpdatedAt = r.pushedAt()
	}
}

// History makes n commits by p, newest first, the newest at newest and each
// one `every` before the next, with messages a learner's project would have.
func History(p Person, n int, newest time.Time, every time.Duration) []Commit {
	msgs := []string{
		"Add user registration endpoint",
		"Fix N+1 query in orders list",
		"Add tests for auth middleware",
		"Update README with setup steps",
		"Refactor repository layer",
		"Bump dependencies",
		"Add Dockerfile and compose file",
		"Validate request payloads",
		"Add pagination to products API",
		"Configure CI workflow",
	}
	out := make([]Commit, n)
	for i := range out {
		msg := msgs[i%len(msgs)]
		if i == n-1 {
			msg = "Initial commit"
		}
		out[i] = Commit{Message: msg, Author: p, Date: newest.Add(-time.Duration(i) * every).UTC()}
	}
	return out
}

// FilesFromDir reads every regular file under dir into a Files map keyed by
// slash-separated paths relative to dir.
func FilesFromDir(dir string) (map[string]string, error) {
	files := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || !d.Type().IsRegular() {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(dir, p)
		if err != nil {
			return err
		}
		files[filepath.ToSlash(rel)] = string(b)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("githubtest: reading fixture %s: %w", dir, err)
	}
	return files, nil
}

func hashOf(parts ...string) string {
	h := sha1.New()
	for _, p := range parts {
		h.Write([]byte(p))
		h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(nil))
}

// blobSHA is git's object id for content, so tree SHAs look real.
func blobSHA(content string) string {
	h := sha1.New()
	fmt.Fprintf(h, "blob %d\x00", len(content))
	h.Write([]byte(content))
	return hex.EncodeToString(h.Sum(nil))
}

// treeEntry is one line of a recursive git tree.
type treeEntry struct {
	path, mode, typ, sha string
	size                 int
	hasSize              bool
}

// treeSHA is the git id of the head commit's tree.
func (r *Repo) treeSHA() string {
	_, root := r.entries()
	return root
}

// entries lists the tree the way git does, and gives its git id: depth first, each directory
// before its contents, siblings in byte order.
func (r *Repo) entries() ([]treeEntry, string) {
	type node struct {
		dirs  map[string]*node
		leafs map[string]treeEntry
	}
	newNode := func() *node { return &node{dirs: map[string]*node{}, leafs: map[string]treeEntry{}} }
	root := newNode()
	add := func(e treeEntry) {
		parts := strings.Split(e.path, "/")
		n := root
		for _, p := range parts[:len(parts)-1] {
			if n.dirs[p] == nil {
				n.dirs[p] = newNode()
			}
			n = n.dirs[p]
		}
		n.leafs[parts[len(parts)-1]] = e
	}
	exec := map[string]bool{}
	for _, p := range r.Executables {
		exec[p] = true
	}
	for p, c := range r.Files {
		mode := "100644"
		if exec[p] {
			mode = "100755"
		}
		add(treeEntry{path: p, mode: mode, typ: "blob", sha: blobSHA(c), size: len(c), hasSize: true})
	}
	for p, target := range r.Symlinks {
		add(treeEntry{path: p, mode: "120000", typ: "blob", sha: blobSHA(target), size: len(target), hasSize: true})
	}
	for p, sha := range r.Submodules {
		add(treeEntry{path: p, mode: "160000", typ: "commit", sha: sha})
	}
	// Real git object ids, so that a client can check an archive against
	// the commit's tree as it would against GitHub.
	dirSHA := map[string]string{}
	var id func(prefix string, n *node) string
	id = func(prefix string, n *node) string {
		type item struct {
			key, name, mode, sha string
		}
		var items []item
		for name, d := range n.dirs {
			items = append(items, item{name + "/", name, "40000", id(prefix+name+"/", d)})
		}
		for name, e := range n.leafs {
			items = append(items, item{name, name, e.mode, e.sha})
		}
		sort.Slice(items, func(i, j int) bool { return items[i].key < items[j].key })
		var body []byte
		for _, it := range items {
			raw, _ := hex.DecodeString(it.sha)
			body = append(body, it.mode+" "+it.name+"\x00"...)
			body = append(body, raw...)
		}
		h := sha1.New()
		fmt.Fprintf(h, "tree %d\x00", len(body))
		h.Write(body)
		sum := hex.EncodeToString(h.Sum(nil))
		dirSHA[strings.TrimSuffix(prefix, "/")] = sum
		return sum
	}
	id("", root)
	var out []treeEntry
	var walk func(prefix string, n *node)
	walk = func(prefix string, n *node) {
		// git sorts a directory as if its name ended in "/".
		type kid struct {
			key  string
			name string
			dir  bool
		}
		var kids []kid
		for name := range n.dirs {
			kids = append(kids, kid{name + "/", name, true})
		}
		for name := range n.leafs {
			kids = append(kids, kid{name, name, false})
		}
		sort.Slice(kids, func(i, j int) bool { return kids[i].key < kids[j].key })
		for _, k := range kids {
			if !k.dir {
				out = append(out, n.leafs[k.name])
				continue
			}
			p := prefix + k.name
			out = append(out, treeEntry{path: p, mode: "040000", typ: "tree", sha: dirSHA[p]})
			walk(p+"/", n.dirs[k.name])
		}
	}
	walk("", root)
	return out, dirSHA[""]
}
