package github

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"net/http"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/pathway-dev/pathway/internal/githubtest"
	"github.com/pathway-dev/pathway/internal/httpcache"
	"github.com/pathway-dev/pathway/internal/snapshot"
)

// recorder stands in for the sleeper: it notes each wait and returns at
// once, so backoff and Retry-After are checked without sleeping.
type recorder struct {
	mu    sync.Mutex
	waits []time.Duration
}

func (r *recorder) sleep(ctx context.Context, d time.Duration) error {
	r.mu.Lock()
	r.waits = append(r.waits, d)
	r.mu.Unlock()
	return ctx.Err()
}

func (r *recorder) total() time.Duration {
	r.mu.Lock()
	defer r.mu.Unlock()
	var t time.Duration
	for _, d := range r.waits {
		t += d
	}
	return t
}

type logLines struct {
	mu    sync.Mutex
	lines []string
}

func (l *logLines) log(format string, args ...any) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.lines = append(l.lines, fmt.Sprintf(format, args...))
}

func (l *logLines) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return strings.Join(l.lines, "\n")
}

// baseline is what an undisturbed audit of f gives.
func baseline(t *testing.T, f *githubtest.Server, login string) string {
	t.Helper()
	f.SetLimit(5000, 5000)
	defer f.ResetLog()
	return snapshotJSON(t, audit(t, newSource(t, f, ""), login, snapshot.Options{}))
}

// withoutWarnings compares snapshots on their data.
func withoutWarnings(t *testing.T, snap *snapshot.Snapshot) string {
	c := *snap
	c.Warnings = nil
	return snapshotJSON(t, &c)
}

func TestWaitsForALimitThatResetsSoon(t *testing.T) {
	f := githubtest.New(t)
	learner(f, "ana-lima", 6)
	want := baseline(t, f, "ana-lima")
	f.SetLimit(60, 5000)
	// Enough for the profile, the listing and two repositories; the
	// window ends in about a second.
	f.SetRemaining("core", 6, time.Now().Add(1200*time.Millisecond))
	var log logLines
	var ticks []time.Duration
	var mu sync.Mutex
	s, err := New(Config{APIURL: f.URL(), MaxWait: 10 * time.Second, Log: log.log, Countdown: func(left time.Duration, until time.Time) {
		mu.Lock()
		ticks = append(ticks, left)
		mu.Unlock()
	}})
	if err != nil {
		t.Fatal(err)
	}
	snap := audit(t, s, "ana-lima", snapshot.Options{})
	if snap.Partial || withoutWarnings(t, snap) != want {
		t.Fatalf("partial=%v warnings=%v; the audit should have waited and completed", snap.Partial, snap.Warnings)
	}
	// Said up front: 12 requests needed, 4 left, and it will wait.
	if len(snap.Warnings) != 1 || !strings.Contains(snap.Warnings[0], "need at least 12") || !strings.Contains(snap.Warnings[0], "waiting for the reset") {
		t.Errorf("warnings = %v", snap.Warnings)
	}
	if !strings.Contains(log.String(), "rate limit reached; waiting") || !strings.Contains(log.String(), "resuming") {
		t.Errorf("log:\n%s", log.String())
	}
	mu.Lock()
	defer mu.Unlock()
	if len(ticks) < 2 || ticks[len(ticks)-1] != 0 || ticks[0] > 3*time.Second {
		t.Errorf("countdown = %v", ticks)
	}
}

func TestLimitBeyondMaxWaitGivesAPartialSnapshot(t *testing.T) {
	for _, code := range []int{http.StatusForbidden, http.StatusTooManyRequests} {
		t.Run(fmt.Sprint(code), func(t *testing.T) {
			f := githubtest.New(t)
			learner(f, "ana-lima", 6)
			f.RateLimitStatus(code)
			reset := time.Now().Add(40 * time.Minute)
			f.SetRemaining("core", 6, reset)
			rec := &recorder{}
			s, err := New(Config{APIURL: f.URL(), MaxWait: 3 * time.Minute, Concurrency: 1, Sleep: rec.sleep})
			if err != nil {
				t.Fatal(err)
			}
			snap := audit(t, s, "ana-lima", snapshot.Options{})
			if !snap.Partial || len(snap.Warnings) != 2 || !strings.Contains(snap.Warnings[1], "4 of 6 repositories were not fetched") ||
				!strings.Contains(snap.Warnings[1], "try again after "+reset.UTC().Format("2006-01-02 15:04")) {
				t.Fatalf("partial=%v warnings=%q", snap.Partial, snap.Warnings)
			}
			retry := "rate limited: retry after " + reset.UTC().Format("15:04") + " UTC"
			for i, r := range snap.Repos {
				if i < 2 {
					if r.Unavailable != "" || !r.HistoryKnown {
						t.Errorf("%s: fetched before the limit, but %q", r.Name, r.Unavailable)
					}
					continue
				}
				if r.Unavailable != retry || snapshot.Excluded(r, snapshot.Options{}) != "" {
					t.Errorf("%s: unavailable = %q, want %q", r.Name, r.Unavailable, retry)
				}
			}
			// The first repository past the limit sends its two requests at
			// once: the second reaches GitHub only if it left before the
			// first refusal came back (scheduling decides), so one or two
			// are refused, and nothing is sent after them.
			refused := 0
			for _, r := range f.Requests() {
				if r.Status == code {
					refused++
				}
			}
			if refused < 1 || refused > 2 {
				t.Errorf("%d refused requests, want 1 or 2", refused)
			}
			if rec.total() != 0 {
				t.Errorf("waited %v for a reset beyond --max-wait", rec.total())
			}
		})
	}
}

func TestSecondaryLimit(t *testing.T) {
	cases := []struct {
		name  string
		fault githubtest.Fault
		wait  time.Duration // the least total wait expected
	}{
		{"403 Retry-After", githubtest.Fault{Status: 403, RetryAfter: 2, Times: 1,
			Message:          "You have exceeded a secondary rate limit. Please wait a few minutes before you try again.",
			DocumentationURL: "https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits"}, 2 * time.Second},
		{"403 no Retry-After", githubtest.Fault{Status: 403, Times: 2,
			Message:          "You have exceeded a secondary rate limit. Please wait a few minutes before you try again.",
			DocumentationURL: "https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits"}, 3 * time.Minute / 2},
		{"429 Retry-After", githubtest.Fault{Status: 429, RetryAfter: 1, Times: 1, Message: "Too Many Requests"}, time.Second},
		{"429 no Retry-After", githubtest.Fault{Status: 429, Times: 1, Message: "Too Many Requests"}, 30 * time.Second},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f := githubtest.New(t)
			learner(f, "ana-lima", 3)
			want := baseline(t, f, "ana-lima")
			c.fault.Path = "/repos/ana-lima/flask-todo-01/commits"
			f.AddFault(c.fault)
			rec := &recorder{}
			s, err := New(Config{APIURL: f.URL(), MaxWait: 10 * time.Minute, Sleep: rec.sleep})
			if err != nil {
				t.Fatal(err)
			}
			snap := audit(t, s, "ana-lima", snapshot.Options{})
			if snapshotJSON(t, snap) != want {
				t.Errorf("snapshot differs after a secondary limit: %v %v", snap.Warnings, repoNamed(t, snap, "flask-todo-01").Warnings)
			}
			if got := rec.total(); got < c.wait || got > 10*c.wait {
				t.Errorf("waited %v, want at least %v (waits %v)", got, c.wait, rec.waits)
			}
			if n := f.Calls(c.fault.Path); n != 1+max(c.fault.Times, 1) {
				t.Errorf("%d requests to the limited path", n)
			}
		})
	}
	t.Run("beyond max-wait", func(t *testing.T) {
		f := githubtest.New(t)
		learner(f, "ana-lima", 3)
		f.AddFault(githubtest.Fault{Path: "/repos/ana-lima/flask-todo-01/commits", Status: 429, RetryAfter: 3600})
		s, err := New(Config{APIURL: f.URL(), MaxWait: time.Minute, Concurrency: 1})
		if err != nil {
			t.Fatal(err)
		}
		snap := audit(t, s, "ana-lima", snapshot.Options{})
		if !snap.Partial || !strings.HasPrefix(repoNamed(t, snap, "flask-todo-01").Unavailable, "rate limited") {
			t.Errorf("partial=%v flask: %q", snap.Partial, repoNamed(t, snap, "flask-todo-01").Unavailable)
		}
	})
}

func TestRandomServerErrorsChangeNothing(t *testing.T) {
	f := githubtest.New(t)
	learner(f, "ana-lima", 12, func(i int, r *githubtest.Repo) {
		if i == 4 {
			r.Commits = githubtest.History(ana, 180, r.Commits[0].Date, time.Hour)
		}
	})
	want := baseline(t, f, "ana-lima")
	for _, p := range []string{"/*/*", "/*/*/*", "/*/*/*/*", "/*/*/*/*/*", "/*/*/*/*/*/*"} {
		f.AddFault(githubtest.Fault{Path: p, Status: 502, Message: "Server Error", Probability: 0.1})
		f.AddFault(githubtest.Fault{Path: p, Codeload: true, Status: 502, Probability: 0.1})
	}
	var log logLines
	s, err := New(Config{APIURL: f.URL(), Retries: 5, Log: log.log})
	if err != nil {
		t.Fatal(err)
	}
	quick(s)
	snap := audit(t, s, "ana-lima", snapshot.Options{})
	if got := snapshotJSON(t, snap); got != want {
		t.Errorf("snapshot with 10%% of 502s differs from the undisturbed one")
	}
	errs := 0
	for _, r := range f.Requests() {
		if r.Status == 502 {
			errs++
		}
	}
	if errs == 0 || !strings.Contains(log.String(), "502") {
		t.Errorf("no 502 was served (%d); the test proves nothing", errs)
	}
	if s.Requests() != f.Counted() {
		t.Errorf("Requests() = %d, fake counted %d", s.Requests(), f.Counted())
	}
}

func TestHungResponses(t *testing.T) {
	f := githubtest.New(t)
	learner(f, "ana-lima", 4)
	want := baseline(t, f, "ana-lima")
	// Hung once each: a commits page, an archive link (go-github sends
	// it on the bare transport) and a codeload download.
	f.AddFault(githubtest.Fault{Path: "/repos/ana-lima/django-polls-00/commits", Delay: time.Minute, Times: 1})
	f.AddFault(githubtest.Fault{Path: "/repos/ana-lima/flask-todo-01/tarball/main", Delay: time.Minute, Times: 1})
	f.AddFault(githubtest.Fault{Path: "/ana-lima/fastapi-notes-02/legacy.tar.gz/refs/heads/main", Codeload: true, Delay: time.Minute, Times: 1})
	s, err := New(Config{APIURL: f.URL(), Timeout: 150 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	quick(s)
	snap := audit(t, s, "ana-lima", snapshot.Options{})
	if snapshotJSON(t, snap) != want {
		t.Errorf("snapshot differs after hung answers were retried: %v", snap.Warnings)
	}
	gaveUp := 0
	for _, r := range f.Requests() {
		if r.Status == 499 {
			gaveUp++
		}
	}
	if gaveUp != 3 {
		t.Errorf("%d requests cut by the timeout, want 3", gaveUp)
	}

	// Hung for good: that repository gets a warning, the others are fine.
	f.AddFault(githubtest.Fault{Path: "/repos/ana-lima/express-auth-03/commits", Delay: time.Minute})
	snap = audit(t, s, "ana-lima", snapshot.Options{})
	ex := repoNamed(t, snap, "express-auth-03")
	if ex.HistoryKnown || len(ex.Warnings) != 1 || !strings.Contains(ex.Warnings[0], "no answer") || !strings.Contains(ex.Warnings[0], "150ms") {
		t.Errorf("express-auth: history %v warnings %v", ex.HistoryKnown, ex.Warnings)
	}
	if ex.Unavailable != "" || !ex.ContentsKnown || !ex.Has("src/app.js") {
		t.Errorf("express-auth lost its files: %q", ex.Unavailable)
	}
	if d := repoNamed(t, snap, "django-polls-00"); !d.HistoryKnown || len(d.Warnings) != 0 {
		t.Errorf("django-polls affected: %v", d.Warnings)
	}
}

func TestInterruptStopsPromptlyAndKeepsTheCache(t *testing.T) {
	f := githubtest.New(t)
	learner(f, "ana-lima", 8)
	want := baseline(t, f, "ana-lima")
	dir := t.TempDir()
	// Everything after the listing hangs until the interrupt.
	f.AddFault(githubtest.Fault{Path: "/repos/ana-lima/*/commits", Delay: time.Hour})
	s := cachedSource(t, f, "", dir)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() {
		_, err := s.Snapshot(ctx, "ana-lima", snapshot.Options{})
		done <- err
	}()
	for f.Calls("/repos/ana-lima/*/tarball/main") < 6 {
		time.Sleep(5 * time.Millisecond)
	}
	cancel()
	select {
	case err := <-done:
		if !errors.Is(err, context.Canceled) {
			t.Fatalf("err = %v, want context.Canceled", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("Snapshot did not return after the interrupt")
	}
	// No temporary file left, and the entries written before the
	// interrupt serve the next audit, which gives the full snapshot.
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && strings.HasPrefix(d.Name(), ".") {
			t.Errorf("left behind: %s", p)
		}
		return nil
	})
	c, err := httpcache.Open(dir, 0)
	if err != nil || c.Size() == 0 {
		t.Fatalf("nothing cached before the interrupt: %v", err)
	}
	f.ClearFaults()
	f.ResetLog()
	if got := snapshotJSON(t, audit(t, cachedSource(t, f, "", dir), "ana-lima", snapshot.Options{})); got != want {
		t.Error("the audit after an interrupt differs from an undisturbed one")
	}
	// The profile, listing and search answered before the interrupt: 304s.
	if f.Calls("/users/ana-lima") != 1 || f.Counted() != 8*2 {
		t.Errorf("after the interrupt: counted %d, want the repositories' %d only", f.Counted(), 8*2)
	}
}
