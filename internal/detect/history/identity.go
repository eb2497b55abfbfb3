// Package history computes facts about a repository's commit history: who
// wrote it, over how long, how the commits are written, and whether the code
// arrived in one dump.
//
// # Whose commits are "own"
//
// A commit is the subject's own when, in this order:
//
//  1. it is by a bot (login, name or email ending in "[bot]"): never own;
//  2. it carries a host login and the subject's login is known: own exactly
//     when the two are equal (case-insensitive) — the host's word wins over
//     names and emails;
//  3. otherwise, when its author email is one of the Identity's emails, or a
//     GitHub noreply address of the login (login@users.noreply.github.com,
//     ID+login@users.noreply.github.com), or its author name is one of the
//     Identity's names (case-insensitive).
//
// Learn builds the Identity from commits that carry the subject's login, from
// noreply addresses of the login, and (for commits without a login, as in a
// local checkout) from commits whose author name equals the login. When none
// of these identifies anyone, the subject is taken to be the most frequent
// author email among commits without a login, across all repositories (ties
// go to the alphabetically first email): in a local checkout of one's own
// projects, that is the owner. Detect applies the same fallback to a single
// repository when it is handed an empty Identity.
package history

import (
	"regexp"
	"sort"
	"strings"

	"github.com/pathway-dev/pathway/internal/snapshot"
)

// Identity is how the subject shows up in commits.
type Identity struct {
	Login  string
	Emails []string // lower-case, sorted
	Names  []string // as first seen, sorted
}

// noreplyRe matches GitHub's noreply addresses; group 2 is the login.
var noreplyRe = regexp.MustCompile(`^(?:(\d+)\+)?([A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)@users\.noreply\.github\.com$`)

// Names that say nothing about who wrote a commit: default or machine
// identities that many people share.
var anonymousNames = map[string]bool{
	"": true, "root": true, "user": true, "admin": true, "administrator": true,
	"ubuntu": true, "unknown": true, "your name": true, "github": true,
	"git": true, "pi": true, "vagrant": true, "ec2-user": true, "runner": true,
}

var anonymousEmails = map[string]bool{
	"": true, "noreply@github.com": true, "you@example.com": true,
	"root@localhost": true, "user@example.com": true, "email@example.com": true,
}

// Learn finds the emails and names the subject commits with: commits whose
// AuthorLogin is login (case-insensitive), GitHub noreply addresses of the
// login, and — for commits without a login — author names equal to the
// login. See the package comment for the fallback when that finds nobody.
func Learn(login string, repos []*snapshot.Repo) Identity {
	login = strings.TrimSpace(login)
	id := Identity{Login: login}
	emails := map[string]bool{}
	names := map[string]string{} // folded -> first spelling
	add := func(c *snapshot.Commit) {
		if e := normEmail(c.AuthorEmail); !anonymousEmails[e] {
			emails[e] = true
		}
		n := strings.TrimSpace(c.AuthorName)
		if f := strings.ToLower(n); !anonymousNames[f] {
			if _, ok := names[f]; !ok {
				names[f] = n
			}
		}
	}
	if login != "" {
		emails[strings.ToLower(login)+"@users.noreply.github.com"] = true
	}
	found := false
	for _, r := range repos {
		if r == nil {
			continue
		}
		for i := range r.Commits {
			c := &r.Commits[i]
			if bot(c) || login == "" {
				continue
			}
			switch {
			case c.AuthorLogin != "":
				if strings.EqualFold(c.AuthorLogin, login) {
					add(c)
					found = true
				}
			case noreplyOf(normEmail(c.AuthorEmail), login),
				strings.EqualFold(strings.TrimSpace(c.AuthorName), login):
				add(c)
				found = true
			}
		}
	}
	if !found {
		if e, n := mostCommonAuthor(repos...); e != "" {
			emails[e] = true
			for _, name := range n {
				names[strings.ToLower(name)] = name
			}
		}
	}
	for e := range emails {
		id.Emails = append(id.Emails, e)
	}
	for _, n := range names {
		id.Names = append(id.Names, n)
	}
	sort.Strings(id.Emails)
	sort.Strings(id.Names)
	return id
}

// Empty reports whether the Identity identifies nobody.
func (id Identity) Empty() bool {
	return id.Login == "" && len(id.Emails) == 0 && len(id.Names) == 0
}

// Owns reports whether c is the subject's own commit (rules in the package
// comment).
func (id Identity) Owns(c *snapshot.Commit) bool {
	if bot(c) {
		return false
	}
	if c.AuthorLogin != "" && id.Login != "" {
		return strings.EqualFold(c.AuthorLogin, id.Login)
	}
	if e := normEmail(c.AuthorEmail); !anonymousEmails[e] {
		if contains(id.Emails, e) || noreplyOf(e, id.Login) {
			return true
		}
	}
	if n := strings.TrimSpace(c.AuthorName); !anonymousNames[strings.ToLower(n)] {
		for _, m := range id.Names {
			if strings.EqualFold(m, n) {
				return true
			}
		}
	}
	return false
}

// mostCommonAuthor returns the most frequent author email among commits
// without a host login (and not by bots), with the names used with it.
func mostCommonAuthor(repos ...*snapshot.Repo) (string, []string) {
	count := map[string]int{}
	names := map[string]map[string]bool{}
	for _, r := range repos {
		if r == nil {
			continue
		}
		for i := range r.Commits {
			c := &r.Commits[i]
			e := normEmail(c.AuthorEmail)
			if c.AuthorLogin != "" || bot(c) || anonymousEmails[e] {
				continue
			}
			count[e]++
			n := strings.TrimSpace(c.AuthorName)
			if !anonymousNames[strings.ToLower(n)] {
				if names[e] == nil {
					names[e] = map[string]bool{}
				}
				names[e][n] = true
			}
		}
	}
	best := ""
	for e, n := range count {
		if n > count[best] || (n == count[best] && e < best) {
			best = e
		}
	}
	var ns []string
	for n := range names[best] {
		ns = append(ns, n)
	}
	sort.Strings(ns)
	return best, ns
}

func bot(c *snapshot.Commit) bool {
	return strings.HasSuffix(strings.ToLower(c.AuthorLogin), "[bot]") ||
		strings.HasSuffix(strings.ToLower(strings.TrimSpace(c.AuthorName)), "[bot]") ||
		strings.Contains(strings.ToLower(c.AuthorEmail), "[bot]@")
}

func noreplyOf(email, login string) bool {
	if login == "" {
		return false
	}
	m := noreplyRe.FindStringSubmatch(email)
	return m != nil && strings.EqualFold(m[2], login)
}

func normEmail(e string) string {
	return strings.ToLower(strings.Trim(strings.TrimSpace(e), "<>"))
}

// contains is linear and case-insensitive so that a hand-built Identity
// (unsorted, mixed case) works as well as a learned one.
func contains(list []string, s string) bool {
	for _, x := range list {
		if strings.EqualFold(x, s) {
			return true
		}
	}
	return false
}
