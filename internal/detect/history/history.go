package history

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strings"
	"time"

	"github.com/pathway-dev/pathway/internal/facts"
	"github.com/pathway-dev/pathway/internal/snapshot"
)

// One-shot thresholds; see Detect.
const (
	uploadShare  = 1.0 / 3 // share of "Add files via upload" commits
	oneDayShare  = 0.8     // share of commits on the busiest day
	oneDayMin    = 3       // commits needed before the day share is judged
	oneDayMax    = 10      // above this, one busy day is a day of work, not a dump
	dumpTreeSize = 20      // files in the tree of a one- or two-commit history
	maxEvidence  = 10
	clockSkew    = 48 * time.Hour
)

// Detect computes the history facts of r, with own commits told apart by id
// (see the package comment). asOf bounds the dates: commits dated after it
// (plus two days of clock skew), or at the zero/Unix-epoch time, are counted
// but not dated.
//
// Facts:
//   - Known is false for a history that could not be read or a shallow clone;
//     nothing else is judged then.
//   - Own counts the subject's sampled commits, Others those of other
//     people; bots' commits (Dependabot's) are in neither.
//   - Total is r.CommitsTotal, or the sample size when that is unknown or
//     smaller (a lower bound). Sampled is len(r.Commits).
//   - First/Last are the earliest and latest author dates in the sample; when
//     the sample is not the whole history, First is the repository's start
//     (Repo.CreatedAt: the root commit locally, the creation date on GitHub)
//     if that is earlier. Without it, First
//     is the real first commit only when Sampled covers Total (or the sample
//     reaches the root commit).
//   - ActiveWeeks counts distinct ISO weeks with an own commit; SpanDays is
//     Last − First in whole days; Merges counts commits with more than one
//     parent (branches, pull requests).
//   - OneShot: "Add files via upload" is at least a third of the sampled
//     commits; or the whole history is known, has 3 to 10 commits and at
//     least 80 % of them on one day (the author's calendar: more commits than
//     that is a day of real work, not a dump); or it has one or
//     two commits, on one day, with a tree of 20 or more files.
//   - MessageQuality is the mean Judge score over the subject's own commits
//     (all human commits when none is own), skipping merges and reverts, with
//     an initial-commit message fine only the first time; rounded to 0.01.
//     GenericMessages and Conventional count over the same commits.
func Detect(r *snapshot.Repo, id Identity, asOf time.Time) facts.History {
	h := facts.History{Shallow: r.Shallow}
	switch {
	case r.Shallow:
		h.Evidence = []facts.Evidence{{Repo: r.Name, Text: "shallow clone: history not judged (run `git fetch --unshallow` for the full history)"}}
		return h
	case !r.HistoryKnown:
		h.Evidence = []facts.Evidence{{Repo: r.Name, Text: "commit history could not be read: history not judged"}}
		return h
	}
	h.Known = true
	h.Sampled = len(r.Commits)
	h.Total = max(r.CommitsTotal, h.Sampled)
	if len(r.Commits) == 0 {
		return h
	}
	if id.Empty() {
		if e, names := mostCommonAuthor(r); e != "" {
			id = Identity{Emails: []string{e}, Names: names}
		}
	}

	own := make([]bool, len(r.Commits))
	weeks := map[[2]int]bool{}
	days := map[string]int{}
	others := map[string]bool{}
	botNames := map[string]bool{}
	bots := 0
	dated := 0
	var latestMerge *snapshot.Commit
	for i := range r.Commits {
		c := &r.Commits[i]
		own[i] = id.Owns(c)
		switch {
		case own[i]:
			h.Own++
		case bot(c):
			// Dependabot is no collaborator: its commits are neither the
			// subject's nor another person's.
			bots++
			botNames[strings.TrimSpace(c.AuthorName)] = true
		default:
			h.Others++
			others[authorKey(c)] = true
		}
		if c.Parents > 1 {
			h.Merges++
			if latestMerge == nil {
				latestMerge = c
			}
		}
		t := c.AuthorDate
		if !datable(t, asOf) {
			continue
		}
		dated++
		if h.First.IsZero() || t.Before(h.First) {
			h.First = t
		}
		if h.Last.IsZero() || t.After(h.Last) {
			h.Last = t
		}
		days[t.Format(time.DateOnly)]++
		if own[i] {
			y, w := t.ISOWeek()
			weeks[[2]int{y, w}] = true
		}
	}
	h.ActiveWeeks = len(weeks)
	// A sample of the latest commits does not reach back to the start: the
	// repository's creation (the root commit's date locally, the creation
	// date on GitHub) is the better "first".
	if sampleWhole := (r.CommitsTotal >= 0 && len(r.Commits) >= r.CommitsTotal) || reachesRoot(r.Commits); !sampleWhole &&
		!r.CreatedAt.IsZero() && (h.First.IsZero() || r.CreatedAt.Before(h.First)) {
		h.First = r.CreatedAt.UTC()
	}
	if !h.First.IsZero() {
		h.SpanDays = int(h.Last.Sub(h.First).Hours() / 24)
	}

	judged := judge(r.Commits, own, h.Own > 0)
	var sum float64
	for _, j := range judged {
		sum += j.Score
		if j.Generic {
			h.GenericMessages++
		}
		if j.Conventional {
			h.Conventional++
		}
	}
	if len(judged) > 0 {
		h.MessageQuality = math.Round(sum/float64(len(judged))*100) / 100
	}

	var ev []facts.Evidence
	whole := (r.CommitsTotal >= 0 && len(r.Commits) >= r.CommitsTotal) || reachesRoot(r.Commits)
	if e, ok := oneShot(r, days, dated, whole); ok {
		h.OneShot = true
		ev = append(ev, e)
	}
	if len(judged) > 0 {
		whose := "own"
		if h.Own == 0 {
			whose = "sampled"
		}
		ev = append(ev, facts.Evidence{Repo: r.Name, Text: fmt.Sprintf("message quality %.2f over %d %s commits (%d generic, %d conventional)",
			h.MessageQuality, len(judged), whose, h.GenericMessages, h.Conventional)})
	}
	ev = append(ev, examples(r.Name, judged)...)
	if latestMerge != nil {
		ev = append(ev, facts.Evidence{Repo: r.Name, Commit: short(latestMerge.SHA),
			Text: fmt.Sprintf("%d merge commits: work arrives through branches or pull requests (latest: %q)", h.Merges, clip(firstLine(latestMerge.Message)))})
	}
	if h.Others > 0 {
		ev = append(ev, facts.Evidence{Repo: r.Name, Text: fmt.Sprintf("%d of %d sampled commits by %d other author(s)", h.Others, h.Sampled, len(others))})
	}
	if bots > 0 {
		names := make([]string, 0, len(botNames))
		for n := range botNames {
			names = append(names, n)
		}
		slices.Sort(names)
		ev = append(ev, facts.Evidence{Repo: r.Name, Text: fmt.Sprintf("%d of %d sampled commits by bots (%s): neither own nor another author's", bots, h.Sampled, clip(strings.Join(names, ", ")))})
	}
	if len(ev) > maxEvidence {
		ev = ev[:maxEvidence]
	}
	h.Evidence = ev
	return h
}

// judged is one commit's message judgement, with its place in the history.
type judged struct {
	Message
	sha   string
	index int
}

// judge scores the messages the quality is averaged over, oldest first so
// that the first initial-commit message is the one that counts as fine.
func judge(commits []snapshot.Commit, own []bool, ownOnly bool) []judged {
	var out []judged
	initial := false
	for i := len(commits) - 1; i >= 0; i-- {
		c := &commits[i]
		if (ownOnly && !own[i]) || bot(c) || c.Parents > 1 {
			continue
		}
		m := Judge(c.Message)
		if Generated(m.Subject) {
			continue
		}
		if m.Initial {
			if initial {
				m = Message{Subject: m.Subject, Generic: true, Problems: []string{"generic"}}
			}
			initial = true
		}
		out = append(out, judged{Message: m, sha: c.SHA, index: i})
	}
	return out
}

// examples picks the most telling messages: up to three bad ones (generic
// first) and up to three good ones (with a body first).
func examples(repo string, js []judged) []facts.Evidence {
	var bad, good []*judged
	for i := range js {
		j := &js[i]
		switch {
		case j.Score <= 0.6 && !j.Initial:
			bad = append(bad, j)
		case j.Score >= 0.9:
			good = append(good, j)
		}
	}
	// Newest first within equal scores: the index is the history position.
	slices.SortStableFunc(bad, func(x, y *judged) int {
		if c := cmp.Compare(x.Score, y.Score); c != 0 {
			return c
		}
		return cmp.Compare(x.index, y.index)
	})
	slices.SortStableFunc(good, func(x, y *judged) int {
		switch {
		case x.Score != y.Score:
			return cmp.Compare(y.Score, x.Score)
		case x.Body != y.Body:
			if x.Body {
				return -1
			}
			return 1
		}
		return cmp.Compare(x.index, y.index)
	})
	var ev []facts.Evidence
	seen := map[string]bool{}
	for _, list := range [][]*judged{bad, good} {
		n := 0
		for _, j := range list {
			if n == 3 {
				break
			}
			if seen[strings.ToLower(j.Subject)] {
				continue
			}
			seen[strings.ToLower(j.Subject)] = true
			n++
			ev = append(ev, facts.Evidence{Repo: repo, Commit: short(j.sha), Text: fmt.Sprintf("%q: %s", clip(j.Subject), verdict(j.Message))})
		}
	}
	return ev
}

func verdict(m Message) string {
	if len(m.Problems) > 0 {
		return strings.ReplaceAll(strings.Join(m.Problems, ", "), "-", " ") + " message"
	}
	var good []string
	if m.Conventional {
		good = append(good, "conventional")
	}
	good = append(good, "imperative")
	if m.Body {
		good = append(good, "explained in a body")
	}
	return "good message (" + strings.Join(good, ", ") + ")"
}

// oneShot applies the one-shot rules of Detect.
func oneShot(r *snapshot.Repo, days map[string]int, dated int, whole bool) (facts.Evidence, bool) {
	uploads, human := 0, 0
	var first *snapshot.Commit
	for i := range r.Commits {
		c := &r.Commits[i]
		if c.Parents > 1 {
			continue
		}
		human++
		if strings.EqualFold(firstLine(c.Message), "Add files via upload") {
			uploads++
			first = c
		}
	}
	if uploads > 0 && float64(uploads) >= uploadShare*float64(human) {
		return facts.Evidence{Repo: r.Name, Commit: short(first.SHA),
			Text: fmt.Sprintf("one-shot upload: %q (the web interface's default) in %d of %d commits", "Add files via upload", uploads, human)}, true
	}
	if !whole || dated == 0 || dated < len(r.Commits) {
		return facts.Evidence{}, false
	}
	day, most := "", 0
	for d, n := range days {
		if n > most || (n == most && d < day) {
			day, most = d, n
		}
	}
	n := len(r.Commits)
	switch {
	case n >= oneDayMin && n <= oneDayMax && float64(most) >= oneDayShare*float64(n):
		return facts.Evidence{Repo: r.Name, Text: fmt.Sprintf("one-shot history: %d of %d commits on %s", most, n, day)}, true
	case n < oneDayMin && most == n && len(r.Files) >= dumpTreeSize:
		return facts.Evidence{Repo: r.Name, Commit: short(r.Commits[n-1].SHA),
			Text: fmt.Sprintf("one-shot history: %d commit(s) on %s bring all %d files", n, day, len(r.Files))}, true
	}
	return facts.Evidence{}, false
}

// reachesRoot reports whether the sample ends at a root commit. A source
// that leaves Parents unset would make every commit look like a root, so a
// zero is believed only when some other commit has parents.
func reachesRoot(cs []snapshot.Commit) bool {
	if cs[len(cs)-1].Parents != 0 {
		return false
	}
	if len(cs) == 1 {
		return true
	}
	for i := range cs[:len(cs)-1] {
		if cs[i].Parents > 0 {
			return true
		}
	}
	return false
}

func datable(t, asOf time.Time) bool {
	if t.IsZero() || t.Unix() <= 0 {
		return false
	}
	return asOf.IsZero() || !t.After(asOf.Add(clockSkew))
}

func authorKey(c *snapshot.Commit) string {
	switch {
	case c.AuthorLogin != "":
		return "login:" + strings.ToLower(c.AuthorLogin)
	case c.AuthorEmail != "":
		return "email:" + normEmail(c.AuthorEmail)
	}
	return "name:" + strings.ToLower(strings.TrimSpace(c.AuthorName))
}

func firstLine(msg string) string {
	s, _ := split(msg)
	return s
}

func short(sha string) string {
	if len(sha) > 7 {
		return sha[:7]
	}
	return sha
}

// clip keeps evidence readable: a subject is cut at 72 runes.
func clip(s string) string {
	r := []rune(s)
	if len(r) > longSubject {
		return string(r[:longSubject-1]) + "…"
	}
	return s
}
