package history

import (
	"strings"
	"testing"
	"time"

	"github.com/pathway-dev/pathway/internal/facts"
	"github.com/pathway-dev/pathway/internal/snapshot"
)

var asOf = time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC)

func TestSteadyHistory(t *testing.T) {
	r, weeks, merges := steady()
	h := Detect(r, Learn("janedoe", []*snapshot.Repo{r}), asOf)
	if !h.Known || h.Shallow {
		t.Fatalf("known=%v shallow=%v, want a known full history", h.Known, h.Shallow)
	}
	if h.Total != len(r.Commits) || h.Sampled != len(r.Commits) {
		t.Errorf("total/sampled = %d/%d, want %d", h.Total, h.Sampled, len(r.Commits))
	}
	if h.Own != len(r.Commits) || h.Others != 0 {
		t.Errorf("own/others = %d/%d, want all %d own", h.Own, h.Others, len(r.Commits))
	}
	root := r.Commits[len(r.Commits)-1]
	if !h.First.Equal(root.AuthorDate) || !h.Last.Equal(r.Commits[0].AuthorDate) {
		t.Errorf("first/last = %v/%v, want %v/%v", h.First, h.Last, root.AuthorDate, r.Commits[0].AuthorDate)
	}
	if h.ActiveWeeks != len(weeks) {
		t.Errorf("active weeks = %d, want %d", h.ActiveWeeks, len(weeks))
	}
	if want := int(h.Last.Sub(h.First).Hours() / 24); h.SpanDays != want || h.SpanDays < 280 {
		t.Errorf("span = %d days, want %d (about ten months)", h.SpanDays, want)
	}
	if h.Merges != merges || merges == 0 {
		t.Errorf("merges = %d, want %d", h.Merges, merges)
	}
	if h.OneShot {
		t.Errorf("a ten-month history is not one-shot: %+v", h.Evidence)
	}
	if h.MessageQuality < 0.85 {
		t.Errorf("message quality = %.2f, want >= 0.85 for careful messages", h.MessageQuality)
	}
	if h.GenericMessages != 0 {
		t.Errorf("generic = %d, want 0", h.GenericMessages)
	}
	conv := 0
	for _, c := range r.Commits {
		if c.Parents < 2 && conventionalRe.MatchString(firstLine(c.Message)) {
			conv++
		}
	}
	if h.Conventional != conv || conv == 0 {
		t.Errorf("conventional = %d, want %d", h.Conventional, conv)
	}
	if !hasEvidence(h.Evidence, "merge commits") || !hasEvidence(h.Evidence, "good message") {
		t.Errorf("evidence lacks merges or good examples: %+v", h.Evidence)
	}
	for _, e := range h.Evidence {
		if e.Repo != "orders-api" || (e.Commit != "" && len(e.Commit) != 7) {
			t.Errorf("evidence %+v: want repo orders-api and a short sha", e)
		}
	}
	if len(h.Evidence) > maxEvidence {
		t.Errorf("%d evidence items, want at most %d", len(h.Evidence), maxEvidence)
	}
}

func TestUploadIsOneShot(t *testing.T) {
	r := upload()
	h := Detect(r, Learn("janedoe", []*snapshot.Repo{r}), asOf)
	if !h.OneShot {
		t.Fatalf("one-shot = false for an \"Add files via upload\" dump")
	}
	up := short(r.Commits[1].SHA)
	if h.Evidence[0].Commit != up || !strings.Contains(h.Evidence[0].Text, "upload") {
		t.Errorf("first evidence = %+v, want the upload commit %s", h.Evidence[0], up)
	}
	// Both web defaults are generic; the initial commit is fine once.
	if h.GenericMessages != 2 {
		t.Errorf("generic = %d, want 2 (upload and README update)", h.GenericMessages)
	}
}

func TestSloppyMessages(t *testing.T) {
	r := sloppy()
	h := Detect(r, Learn("janedoe", []*snapshot.Repo{r}), asOf)
	if h.MessageQuality > 0.2 {
		t.Errorf("message quality = %.2f for update/fix/wip messages, want <= 0.2", h.MessageQuality)
	}
	// Every message but "first commit" is generic ("fixed bug", "final commit" too).
	if want := len(r.Commits) - 1; h.GenericMessages != want {
		t.Errorf("generic = %d, want %d", h.GenericMessages, want)
	}
	if h.OneShot {
		t.Errorf("a month of commits is not one-shot")
	}
	if !hasEvidence(h.Evidence, "generic message") {
		t.Errorf("evidence lacks bad examples: %+v", h.Evidence)
	}
}

func TestOneDay(t *testing.T) {
	build := func() *snapshot.Repo {
		var h history
		day := time.Date(2025, 5, 17, 9, 0, 0, 0, berlin)
		h.add(jane, day.AddDate(0, 0, -20), "Initial commit", 0)
		for i := range 7 {
			h.add(jane, day.Add(time.Duration(i)*40*time.Minute), goodSubjects[i], 1)
		}
		return h.repo("hackathon", 40)
	}
	r := build()
	if h := Detect(r, Learn("janedoe", nil), asOf); !h.OneShot || !hasEvidence(h.Evidence, "7 of 8 commits on 2025-05-17") {
		t.Errorf("7 of 8 commits on one day: one-shot=%v evidence=%+v", h.OneShot, h.Evidence)
	}
	// A long day of real work — many small commits — is not a dump.
	var long history
	long.add(jane, time.Date(2025, 5, 16, 9, 0, 0, 0, berlin), "Initial commit", 0)
	for i := range 30 {
		long.add(jane, time.Date(2025, 5, 17, 8, 0, 0, 0, berlin).Add(time.Duration(i)*15*time.Minute), goodSubjects[i%len(goodSubjects)], 1)
	}
	if h := Detect(long.repo("sprint", 40), Learn("janedoe", nil), asOf); h.OneShot {
		t.Errorf("30 commits in one working day flagged one-shot: %+v", h.Evidence)
	}
	// The same commits as the latest of a long history prove nothing.
	r = build()
	r.CommitsTotal = 480
	r.Commits[len(r.Commits)-1].Parents = 1
	if h := Detect(r, Learn("janedoe", nil), asOf); h.OneShot {
		t.Errorf("a busy day in a 480-commit history flagged one-shot: %+v", h.Evidence)
	}
	// Total unknown, but the sample reaches the root commit: it is whole.
	r = build()
	r.CommitsTotal = -1
	if h := Detect(r, Learn("janedoe", nil), asOf); !h.OneShot || h.Total != len(r.Commits) {
		t.Errorf("whole sample with unknown total: one-shot=%v total=%d", h.OneShot, h.Total)
	}
}

func TestSingleCommit(t *testing.T) {
	for _, tc := range []struct {
		files int
		want  bool
	}{{files: 3, want: false}, {files: 45, want: true}} {
		var h history
		h.add(jane, time.Date(2025, 8, 1, 12, 0, 0, 0, time.UTC), "Add Gin REST API for todos", 0)
		got := Detect(h.repo("todo-api", tc.files), Identity{Login: "janedoe"}, asOf)
		if got.OneShot != tc.want {
			t.Errorf("single commit with %d files: one-shot = %v, want %v", tc.files, got.OneShot, tc.want)
		}
	}
}

func TestShallowIsUnknown(t *testing.T) {
	r := upload()
	r.Shallow = true
	h := Detect(r, Learn("janedoe", nil), asOf)
	if h.Known || !h.Shallow || h.Own != 0 || h.OneShot || h.Total != 0 || h.MessageQuality != 0 {
		t.Errorf("shallow clone judged: %+v", h)
	}
	if !hasEvidence(h.Evidence, "unshallow") {
		t.Errorf("evidence does not say how to fix a shallow clone: %+v", h.Evidence)
	}
	r = upload()
	r.HistoryKnown = false
	if h := Detect(r, Learn("janedoe", nil), asOf); h.Known || h.OneShot {
		t.Errorf("unknown history judged: %+v", h)
	}
}

func TestTeamProject(t *testing.T) {
	r := team()
	h := Detect(r, Learn("janedoe", []*snapshot.Repo{r}), asOf)
	own, bots := 0, 0
	for _, c := range r.Commits {
		switch c.AuthorLogin {
		case "janedoe":
			own++
		case "dependabot[bot]":
			bots++
		}
	}
	if h.Own != own || h.Others != len(r.Commits)-own-bots {
		t.Errorf("own/others = %d/%d, want %d/%d (bots are neither)", h.Own, h.Others, own, len(r.Commits)-own-bots)
	}
	if !hasEvidence(h.Evidence, "by bots (dependabot[bot])") {
		t.Errorf("evidence lacks the bots: %+v", h.Evidence)
	}
	// Quality is Jane's: her teammates' "update" does not count against her.
	if h.MessageQuality < 0.85 || h.GenericMessages != 0 {
		t.Errorf("quality %.2f with %d generic, want Jane's own >= 0.85 and 0 generic", h.MessageQuality, h.GenericMessages)
	}
	if !hasEvidence(h.Evidence, "other author(s)") {
		t.Errorf("evidence lacks the others: %+v", h.Evidence)
	}
	// Bob's view of the same repository.
	hb := Detect(r, Learn("bobk", []*snapshot.Repo{r}), asOf)
	if hb.MessageQuality > 0.3 || hb.Own+h.Own >= len(r.Commits) {
		t.Errorf("bob: quality %.2f own %d; want low quality, and bots owned by nobody", hb.MessageQuality, hb.Own)
	}
}

func TestNoreplyAndNames(t *testing.T) {
	var h history
	day := time.Date(2025, 4, 1, 8, 0, 0, 0, time.UTC)
	web := author{"", "Jane Doe", "41234567+JaneDoe@users.noreply.github.com"}
	plain := author{"", "janedoe", "janedoe@users.noreply.github.com"}
	h.add(web, day, "Create README.md", 0)
	h.add(plain, day.AddDate(0, 0, 1), "Add Express server with health check", 1)
	// An unlinked laptop email, recognised by the name learned above.
	h.add(janeLocal, day.AddDate(0, 0, 2), "Add MongoDB models for users", 1)
	h.add(bob, day.AddDate(0, 0, 3), "Add rate limiting middleware", 1)
	r := h.repo("express-api", 30)

	id := Learn("janedoe", []*snapshot.Repo{r})
	for _, e := range []string{"41234567+janedoe@users.noreply.github.com", "janedoe@users.noreply.github.com"} {
		if !contains(id.Emails, e) {
			t.Errorf("identity emails %v lack %s", id.Emails, e)
		}
	}
	if !contains(id.Names, "Jane Doe") {
		t.Errorf("identity names %v lack Jane Doe", id.Names)
	}
	got := Detect(r, id, asOf)
	if got.Own != 3 || got.Others != 1 {
		t.Errorf("own/others = %d/%d, want 3/1", got.Own, got.Others)
	}
	// A noreply address of another login is not Jane's.
	other := snapshot.Commit{AuthorEmail: "999+janedoe2@users.noreply.github.com"}
	if id.Owns(&other) {
		t.Errorf("noreply address of janedoe2 owned by janedoe")
	}
}

func TestLocalFallback(t *testing.T) {
	var h history
	day := time.Date(2025, 6, 2, 18, 0, 0, 0, time.UTC)
	h.add(janeLocal, day, "Initial commit", 0)
	for i := range 20 {
		a := janeLocal
		if i%5 == 4 {
			a = author{"", "Bob", "bob@uni.example"}
		}
		h.add(a, day.Add(time.Duration(i)*50*time.Hour), goodSubjects[i%len(goodSubjects)], 1)
	}
	r := h.repo("django-shop", 50)
	id := Learn("jdoe-dev", []*snapshot.Repo{r})
	if len(id.Emails) != 2 || !contains(id.Emails, "jane@laptop.local") {
		t.Errorf("fallback identity = %+v, want the most common author plus the noreply address", id)
	}
	got := Detect(r, id, asOf)
	if got.Own != 17 || got.Others != 4 {
		t.Errorf("own/others = %d/%d, want 17/4", got.Own, got.Others)
	}
	// Handed no identity at all, Detect falls back on its own.
	if got := Detect(r, Identity{}, asOf); got.Own != 17 {
		t.Errorf("empty identity: own = %d, want 17", got.Own)
	}
}

func TestFutureDatesIgnored(t *testing.T) {
	var h history
	day := time.Date(2025, 6, 2, 18, 0, 0, 0, time.UTC)
	h.add(jane, day, "Initial commit", 0)
	h.add(jane, day.AddDate(0, 0, 30), "Add login form", 1)
	h.add(jane, asOf.AddDate(1, 0, 0), "Add logout", 1) // a wrong clock
	got := Detect(h.repo("clock", 10), Identity{Login: "janedoe"}, asOf)
	if !got.Last.Equal(day.AddDate(0, 0, 30)) || got.ActiveWeeks != 2 {
		t.Errorf("last=%v weeks=%d, want the future commit undated", got.Last, got.ActiveWeeks)
	}
}

func TestEmptyHistory(t *testing.T) {
	r := &snapshot.Repo{Name: "empty", HistoryKnown: true, CommitsTotal: 0}
	got := Detect(r, Identity{Login: "janedoe"}, asOf)
	if !got.Known || got.Total != 0 || got.OneShot || got.MessageQuality != 0 {
		t.Errorf("empty history: %+v", got)
	}
}

func hasEvidence(ev []facts.Evidence, sub string) bool {
	for _, e := range ev {
		if strings.Contains(e.Text, sub) {
			return true
		}
	}
	return false
}

func BenchmarkDetect(b *testing.B) {
	r, _, _ := steady()
	big := &snapshot.Repo{Name: "big", HistoryKnown: true}
	for len(big.Commits) < 10000 {
		big.Commits = append(big.Commits, r.Commits...)
	}
	big.CommitsTotal = len(big.Commits)
	id := Learn("janedoe", []*snapshot.Repo{r})
	b.Run("100", func(b *testing.B) {
		small := *big
		small.Commits = big.Commits[:100]
		small.CommitsTotal = 5000
		for b.Loop() {
			Detect(&small, id, asOf)
		}
	})
	b.Run("10000", func(b *testing.B) {
		for b.Loop() {
			Detect(big, id, asOf)
		}
	})
}

// TestBotHeavyLocalHistory: a maintained example app read from a local
// checkout (fastapi-realworld): the latest commits are mostly Dependabot's
// version bumps, a few are the maintainer's, two come from contributors.
// The bots are no other authors.
func TestBotHeavyLocalHistory(t *testing.T) {
	var h history
	nik := author{"", "Nik", "nik@example.ru"}
	preview := author{"", "dependabot-preview[bot]", "27856297+dependabot-preview[bot]@users.noreply.github.com"}
	botLocal := author{"", "dependabot[bot]", "49699333+dependabot[bot]@users.noreply.github.com"}
	day := time.Date(2022, 1, 10, 9, 0, 0, 0, time.UTC)
	for i := range 40 {
		when := day.Add(time.Duration(i) * 50 * time.Hour)
		switch {
		case i%10 == 0:
			h.add(nik, when, goodSubjects[i%len(goodSubjects)], 1)
		case i == 13:
			h.add(author{"", "Sam Lee", "sam@example.com"}, when, "Fix typo in the quickstart", 1)
		case i == 27:
			h.add(author{"", "Ana Ruiz", "ana@example.com"}, when, "Add the comment deletion test", 1)
		case i%2 == 0:
			h.add(preview, when, "Bump pytest from 6.2.1 to 6.2.2", 1)
		default:
			h.add(botLocal, when, "Bump uvicorn from 0.15.0 to 0.16.0", 1)
		}
	}
	r := h.repo("fastapi-app", 80)
	got := Detect(r, Identity{}, asOf)
	if got.Own != 4 || got.Others != 2 {
		t.Errorf("own/others = %d/%d, want 4/2: the 34 bot commits are neither", got.Own, got.Others)
	}
	if !hasEvidence(got.Evidence, "34 of 40 sampled commits by bots (dependabot-preview[bot], dependabot[bot])") ||
		!hasEvidence(got.Evidence, "2 of 40 sampled commits by 2 other author(s)") {
		t.Errorf("evidence: %+v", got.Evidence)
	}
}
