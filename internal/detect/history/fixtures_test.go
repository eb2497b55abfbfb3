package history

import (
	"crypto/sha1"
	"encoding/hex"
	"fmt"
	"math/rand/v2"
	"time"

	"github.com/pathway-dev/pathway/internal/snapshot"
)

// Realistic histories, generated so that the tests can derive what they
// expect from what was generated rather than from hard-coded numbers.

var berlin = time.FixedZone("CET", 3600)

type author struct{ login, name, email string }

var (
	jane       = author{"janedoe", "Jane Doe", "jane.doe@example.org"}
	janeLocal  = author{"", "Jane Doe", "jane@laptop.local"}
	bob        = author{"bobk", "Bob Kowalski", "bob@example.com"}
	alice      = author{"alice-w", "Alice W.", "alice@example.net"}
	dependabot = author{"dependabot[bot]", "dependabot[bot]", "49699333+dependabot[bot]@users.noreply.github.com"}
)

// history builds commits oldest first and returns them newest first, as
// sources do.
type history struct {
	commits []snapshot.Commit
	n       int
}

func (h *history) add(a author, when time.Time, msg string, parents int) {
	h.n++
	sum := sha1.Sum(fmt.Appendf(nil, "%d %s %s", h.n, msg, when))
	h.commits = append(h.commits, snapshot.Commit{
		SHA: hex.EncodeToString(sum[:]), Message: msg,
		AuthorName: a.name, AuthorEmail: a.email, AuthorLogin: a.login, AuthorDate: when,
		CommitterName: a.name, CommitterEmail: a.email, CommitterLogin: a.login, CommitterDate: when,
		Parents: parents,
	})
}

func (h *history) repo(name string, files int) *snapshot.Repo {
	cs := make([]snapshot.Commit, len(h.commits))
	for i, c := range h.commits {
		cs[len(cs)-1-i] = c
	}
	r := &snapshot.Repo{Name: name, FullName: "janedoe/" + name, Owner: "janedoe",
		Commits: cs, CommitsTotal: len(cs), HistoryKnown: true}
	for i := range files {
		r.Files = append(r.Files, snapshot.File{Path: fmt.Sprintf("src/file%03d.go", i), Size: 1200, Kind: "blob"})
	}
	return r
}

var goodSubjects = []string{
	"Add order repository backed by PostgreSQL",
	"feat(auth): issue JWT refresh tokens",
	"Validate email format on sign-up",
	"fix(api): return 404 for unknown order ids",
	"Process webhook events in a worker pool",
	"Address review comments on the pagination PR",
	"Move database config to environment variables",
	"docs: document the /orders endpoints in README",
	"Cache product lookups in Redis for 5 minutes",
	"test: cover the payment retry path",
	"Refactor handlers to share error responses",
	"Bump gin to v1.10.0",
}

const body = "\n\nThe handler used to swallow the error and answer 200, so clients never\nretried. Return the status from the service instead.\n\nSigned-off-by: Jane Doe <jane.doe@example.org>"

// steady is a ten-month history of a careful developer: two to four commits
// in most weeks, good messages (some with bodies), and merged pull requests.
// It returns the repo and the ISO weeks and merges it generated.
func steady() (*snapshot.Repo, map[[2]int]bool, int) {
	rng := rand.New(rand.NewPCG(7, 11))
	var h history
	weeks := map[[2]int]bool{}
	merges := 0
	start := time.Date(2025, 1, 6, 9, 30, 0, 0, berlin)
	h.add(jane, start, "Initial commit", 0)
	weeks[isoWeek(start)] = true
	for week := range 43 {
		if rng.IntN(10) == 0 {
			continue // holidays happen
		}
		for k := range 2 + rng.IntN(3) {
			when := start.AddDate(0, 0, week*7+k+1).Add(time.Duration(rng.IntN(8)) * time.Hour)
			msg := goodSubjects[rng.IntN(len(goodSubjects))]
			if rng.IntN(4) == 0 {
				msg += body
			}
			h.add(jane, when, msg, 1)
			weeks[isoWeek(when)] = true
		}
		if week%3 == 0 {
			when := start.AddDate(0, 0, week*7+5)
			h.add(jane, when, fmt.Sprintf("Merge pull request #%d from janedoe/feature-%d\n\nfeature %d", week+1, week, week), 2)
			weeks[isoWeek(when)] = true
			merges++
		}
	}
	return h.repo("orders-api", 85), weeks, merges
}

func isoWeek(t time.Time) [2]int {
	y, w := t.ISOWeek()
	return [2]int{y, w}
}

// upload is the classic one-shot: a repository created on the web with a
// README, the project dropped in through "Add files via upload", and a
// README touch-up days later.
func upload() *snapshot.Repo {
	var h history
	day := time.Date(2024, 3, 2, 14, 0, 0, 0, time.UTC)
	h.add(jane, day, "Initial commit", 0)
	h.add(jane, day.Add(20*time.Minute), "Add files via upload", 1)
	h.add(jane, day.AddDate(0, 0, 3), "Update README.md", 1)
	return h.repo("student-management", 64)
}

// sloppy is a month of "update"/"fix" commits.
func sloppy() *snapshot.Repo {
	msgs := []string{"update", "fix", "wip", "changes", "Update app.py", "fixed bug", "asdf", ".", "minor changes", "Update views.py", "final commit", "fix 2"}
	var h history
	day := time.Date(2024, 10, 1, 20, 0, 0, 0, time.UTC)
	h.add(jane, day, "first commit", 0)
	for i := range 30 {
		h.add(jane, day.Add(time.Duration(i)*19*time.Hour), msgs[i%len(msgs)], 1)
	}
	return h.repo("flask-blog", 23)
}

// team is a group project: Jane's careful commits, teammates' sloppy ones
// and Dependabot's.
func team() *snapshot.Repo {
	var h history
	day := time.Date(2025, 2, 3, 10, 0, 0, 0, time.UTC)
	h.add(bob, day, "init", 0)
	for i := range 36 {
		when := day.Add(time.Duration(i) * 31 * time.Hour)
		switch i % 4 {
		case 0, 1:
			h.add(jane, when, goodSubjects[i%len(goodSubjects)], 1)
		case 2:
			h.add(bob, when, "update", 1)
		default:
			if i%8 == 3 {
				h.add(dependabot, when, "Bump express from 4.18.2 to 4.19.2", 1)
			} else {
				h.add(alice, when, "fixed stuff", 1)
			}
		}
	}
	return h.repo("group-project", 120)
}
