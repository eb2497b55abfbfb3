package github

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"net"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync/atomic"
	"time"
)

// The API client's requests go down this stack:
//
//	httpcache.Transport  ETag revalidation (when a cache folder is set)
//	retrier              timeouts, retries, rate-limit waits, rate figures
//	transport            the token (API host only), request counting
//	Config.Transport     the network
//
// The archive download on codeload skips the first two layers.

// transport sends the token to the API host and nowhere else, and counts
// API requests. oauth2.Transport alone would add the header to every
// request, including the archive download on codeload.github.com.
type transport struct {
	api   *url.URL
	base  http.RoundTripper
	auth  http.RoundTripper // nil when anonymous
	count *atomic.Int64
}

type uncountedKey struct{}

func (t *transport) RoundTrip(req *http.Request) (*http.Response, error) {
	toAPI := sameOrigin(req.URL, t.api)
	rt := t.base
	switch {
	case toAPI && t.auth != nil:
		rt = t.auth
	case !toAPI && req.Header.Get("Authorization") != "":
		req = req.Clone(req.Context())
		req.Header.Del("Authorization")
	}
	resp, err := rt.RoundTrip(req)
	if err == nil && toAPI && counted(resp) && req.Context().Value(uncountedKey{}) == nil {
		t.count.Add(1)
	}
	return resp, err
}

// counted tells whether GitHub charges resp against the rate limit: not
// 304s, not the refusals of an exhausted limit, not server errors.
func counted(resp *http.Response) bool {
	c := resp.StatusCode
	refused := (c == http.StatusForbidden || c == http.StatusTooManyRequests) && resp.Header.Get("X-RateLimit-Remaining") == "0"
	return c != http.StatusNotModified && !refused && c < 500
}

// maxAPIBody bounds an API answer held in memory; a recursive tree of
// 100,000 entries is about 20 MB.
const maxAPIBody = 128 << 20

// retrier makes each API request resilient: a timeout per attempt, a
// bounded number of retries with backoff for server errors, timeouts and
// secondary limits, a wait for a primary limit's reset when it comes
// within MaxWait, and no request at all while a limit is known to be
// exhausted.
type retrier struct {
	s    *Source
	next http.RoundTripper
}

// rateState is the last known primary limit of one resource.
type rateState struct {
	limit, remaining int
	reset            time.Time
	known            bool
}

// gate holds every request to one resource back until a time: a limit
// being waited out, or (exhausted) one that will not reset within MaxWait.
type gate struct {
	until     time.Time
	exhausted bool
}

// netFailure is a request that got no usable answer.
type netFailure struct {
	host     string
	attempts int
	err      error
	timeout  time.Duration
}

func (e *netFailure) Error() string {
	tries := ""
	if e.attempts > 1 {
		tries = fmt.Sprintf(" (%d attempts)", e.attempts)
	}
	if e.timeout > 0 {
		return fmt.Sprintf("no answer from %s within %s%s", e.host, e.timeout, tries)
	}
	return fmt.Sprintf("%s%s", e.err.Error(), tries)
}

func (e *netFailure) Unwrap() error { return e.err }

func resourceOf(u *url.URL) string {
	if strings.Contains(u.Path, "/search/") {
		return "search"
	}
	return "core"
}

func (rt *retrier) RoundTrip(req *http.Request) (*http.Response, error) {
	resp, err := rt.roundTrip(req)
	if resp != nil && resourceOf(req.URL) == "search" {
		// go-github files a rate-limit answer under the category of the
		// request path, and behind GitHub Enterprise's /api/v3 prefix a
		// search path looks like a core one: an exhausted search limit
		// would then block every core request. This layer has already
		// acted on the headers; go-github need not see them.
		for _, h := range []string{"X-RateLimit-Limit", "X-RateLimit-Remaining", "X-RateLimit-Reset", "X-RateLimit-Used", "X-RateLimit-Resource"} {
			resp.Header.Del(h)
		}
	}
	return resp, err
}

func (rt *retrier) roundTrip(req *http.Request) (*http.Response, error) {
	s := rt.s
	ctx := req.Context()
	res := resourceOf(req.URL)
	tries, waits := 0, 0
	for {
		if resp := s.awaitGate(ctx, req, res); resp != nil {
			return resp, nil
		}
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		resp, err := rt.attempt(req)
		if err != nil {
			if ctx.Err() != nil {
				return nil, ctx.Err()
			}
			if !retryable(err) || tries >= s.retries {
				return nil, err
			}
			tries++
			d := min(backoff(tries, s.backoff), 30*time.Second)
			s.logf("%s %s: %v; retrying in %s (%d of %d)", req.Method, req.URL.Path, err, d.Round(time.Millisecond), tries, s.retries)
			if err := s.sleep(ctx, d); err != nil {
				return nil, err
			}
			continue
		}
		s.noteRate(resp.Header, res)
		switch kind, wait := s.classify(resp); kind {
		case primaryLimit:
			reset := wait
			if reset.IsZero() {
				reset = s.now().Add(time.Minute)
			}
			// The search limit (30 a minute) guards one optional fact, the
			// pull requests to others: a cohort should not stall on it,
			// so that fact becomes unknown instead of waited for.
			if d := reset.Sub(s.now()); d <= s.maxWait && waits < 3 && res != "search" {
				waits++
				resp.Body.Close()
				if err := s.waitGate(ctx, res, reset, "GitHub API rate limit reached"); err != nil {
					return nil, err
				}
				continue
			}
			s.exhaust(res, reset)
			return resp, nil
		case secondaryLimit:
			// GitHub: without Retry-After, wait at least a minute, then
			// exponentially longer.
			d := wait.Sub(s.now())
			if wait.IsZero() {
				d = backoff(tries+1, s.secondary)
			}
			if tries >= s.retries || d > s.maxWait {
				return resp, nil
			}
			tries++
			resp.Body.Close()
			if err := s.waitGate(ctx, res, s.now().Add(d), "GitHub secondary rate limit"); err != nil {
				return nil, err
			}
			continue
		case serverError:
			if tries >= s.retries {
				return resp, nil
			}
			tries++
			d := min(backoff(tries, s.backoff), 30*time.Second)
			if !wait.IsZero() {
				d = min(wait.Sub(s.now()), 30*time.Second)
			}
			s.logf("%s %s: %s; retrying in %s (%d of %d)", req.Method, req.URL.Path, resp.Status, d.Round(time.Millisecond), tries, s.retries)
			resp.Body.Close()
			if err := s.sleep(ctx, d); err != nil {
				return nil, err
			}
			continue
		}
		if resp.StatusCode < 400 && resp.Header.Get("X-RateLimit-Remaining") == "0" {
			// go-github refuses, without asking, every request made while
			// its last answer said 0 remaining; waiting or stopping is
			// this layer's call, so it must not see a reset to wait for.
			resp.Header.Del("X-RateLimit-Reset")
		}
		return resp, nil
	}
}

// attempt sends req once with a deadline covering the whole answer, which
// it reads into memory so that the deadline can end with it.
func (rt *retrier) attempt(req *http.Request) (*http.Response, error) {
	s := rt.s
	ctx, cancel := context.WithTimeout(req.Context(), s.timeout)
	defer cancel()
	resp, err := rt.next.RoundTrip(req.WithContext(ctx))
	var body []byte
	if err == nil {
		body, err = io.ReadAll(io.LimitReader(resp.Body, maxAPIBody+1))
		resp.Body.Close()
		if err == nil && len(body) > maxAPIBody {
			err = fmt.Errorf("answer larger than %d MiB", maxAPIBody>>20)
			return nil, &netFailure{host: req.URL.Host, err: err}
		}
	}
	if err != nil {
		if req.Context().Err() != nil {
			return nil, req.Context().Err()
		}
		if ctx.Err() != nil {
			return nil, &netFailure{host: req.URL.Host, timeout: s.timeout, err: context.DeadlineExceeded}
		}
		return nil, err
	}
	resp.Body = io.NopCloser(bytes.NewReader(body))
	resp.ContentLength = int64(len(body))
	return resp, nil
}

// retryable: timeouts and connections broken mid-way are worth another
// try; a host that cannot be resolved or refuses connections is not.
func retryable(err error) bool {
	var nf *netFailure
	if errors.As(err, &nf) {
		return nf.timeout > 0
	}
	var dns *net.DNSError
	if errors.As(err, &dns) {
		return false
	}
	var op *net.OpError
	if errors.As(err, &op) && op.Op == "dial" {
		return false
	}
	return true
}

type answerKind int

const (
	normal answerKind = iota
	primaryLimit
	secondaryLimit
	serverError
)

// classify tells what an answer means for retrying, and until when to
// wait (zero when the answer does not say).
func (s *Source) classify(resp *http.Response) (answerKind, time.Time) {
	c := resp.StatusCode
	switch {
	case c >= 500:
		return serverError, s.retryAfter(resp.Header)
	case c != http.StatusForbidden && c != http.StatusTooManyRequests:
		return normal, time.Time{}
	case resp.Header.Get("X-RateLimit-Remaining") == "0":
		return primaryLimit, s.resetOf(resp.Header)
	}
	// go-github v60 recognises a secondary limit only as a 403 whose
	// documentation_url ends in secondary-rate-limits; GitHub also answers
	// 429, and a Retry-After says it all.
	if ra := s.retryAfter(resp.Header); !ra.IsZero() || c == http.StatusTooManyRequests {
		return secondaryLimit, ra
	}
	var body struct {
		Message string `json:"message"`
		Doc     string `json:"documentation_url"`
	}
	if data, err := io.ReadAll(resp.Body); err == nil {
		resp.Body = io.NopCloser(bytes.NewReader(data))
		_ = json.Unmarshal(data, &body)
	}
	if strings.Contains(body.Doc, "secondary-rate-limits") || strings.Contains(body.Doc, "abuse-rate-limits") ||
		strings.Contains(strings.ToLower(body.Message), "secondary rate limit") {
		return secondaryLimit, time.Time{}
	}
	return normal, time.Time{}
}

func (s *Source) retryAfter(h http.Header) time.Time {
	if v := h.Get("Retry-After"); v != "" {
		if secs, err := strconv.Atoi(strings.TrimSpace(v)); err == nil && secs >= 0 {
			return s.now().Add(time.Duration(secs) * time.Second)
		}
		if t, err := http.ParseTime(v); err == nil {
			return t
		}
	}
	return time.Time{}
}

// resetOf is when a refused request may be tried again: Retry-After, else
// X-RateLimit-Reset plus a second, because the header is rounded down to
// the second and GitHub refills only once it has passed.
func (s *Source) resetOf(h http.Header) time.Time {
	if t := s.retryAfter(h); !t.IsZero() {
		return t
	}
	if secs, err := strconv.ParseInt(h.Get("X-RateLimit-Reset"), 10, 64); err == nil && secs > 0 {
		return time.Unix(secs, 0).Add(time.Second)
	}
	return time.Time{}
}

// backoff is the wait before retry n (from 1): base doubled each time,
// with jitter so that concurrent workers do not retry in step.
func backoff(n int, base time.Duration) time.Duration {
	d := base << min(n-1, 10)
	return time.Duration(float64(d) * (0.5 + rand.Float64()))
}

// noteRate records the rate figures of an answer for RateRemaining.
func (s *Source) noteRate(h http.Header, res string) {
	if r := h.Get("X-RateLimit-Resource"); r != "" {
		res = r
	}
	if res != "core" {
		return
	}
	limit, err1 := strconv.Atoi(h.Get("X-RateLimit-Limit"))
	remaining, err2 := strconv.Atoi(h.Get("X-RateLimit-Remaining"))
	secs, err3 := strconv.ParseInt(h.Get("X-RateLimit-Reset"), 10, 64)
	if err1 != nil || err2 != nil || err3 != nil {
		return
	}
	reset := time.Unix(secs, 0)
	s.rateMu.Lock()
	defer s.rateMu.Unlock()
	r := &s.rate
	// Answers to concurrent requests arrive in any order: within one
	// window the smallest remaining is the latest.
	if !r.known || reset.After(r.reset) || remaining < r.remaining {
		*r = rateState{limit: limit, remaining: remaining, reset: reset, known: true}
	}
}

// RateRemaining is the primary rate limit as last reported by the API:
// requests left, the hourly limit and when it resets. Before any answer,
// or on a GitHub Enterprise without rate limits, it is -1, 0 and zero.
func (s *Source) RateRemaining() (remaining, limit int, reset time.Time) {
	s.rateMu.Lock()
	defer s.rateMu.Unlock()
	if !s.rate.known {
		return -1, 0, time.Time{}
	}
	return s.rate.remaining, s.rate.limit, s.rate.reset
}

// awaitGate holds a request while its resource is paused. When the
// resource is exhausted it answers in place of GitHub, as GitHub would,
// without sending anything.
func (s *Source) awaitGate(ctx context.Context, req *http.Request, res string) *http.Response {
	for {
		s.rateMu.Lock()
		g := s.gates[res]
		var until time.Time
		exhausted := false
		if g != nil && s.now().Before(g.until) {
			until, exhausted = g.until, g.exhausted
		}
		s.rateMu.Unlock()
		switch {
		case until.IsZero():
			return nil
		case exhausted:
			return refusal(req, until)
		}
		if s.sleep(ctx, until.Sub(s.now())) != nil {
			return nil // the caller sees ctx.Err()
		}
		s.rateMu.Lock()
		if g := s.gates[res]; g != nil && !g.exhausted && !g.until.After(until) {
			delete(s.gates, res)
		}
		s.rateMu.Unlock()
	}
}

// refusal is the answer for a request not sent because the limit is
// exhausted: the same shape as GitHub's, so every caller handles it alike.
func refusal(req *http.Request, reset time.Time) *http.Response {
	body := `{"message":"API rate limit exceeded (request not sent: the limit resets at ` + reset.UTC().Format(time.TimeOnly) + ` UTC)","documentation_url":"https://docs.github.com/rest/overview/rate-limits-for-the-rest-api"}`
	h := http.Header{}
	h.Set("Content-Type", "application/json; charset=utf-8")
	h.Set("X-RateLimit-Remaining", "0")
	h.Set("X-RateLimit-Reset", strconv.FormatInt(reset.Unix(), 10))
	return &http.Response{
		Status: "403 Forbidden", StatusCode: http.StatusForbidden, Proto: "HTTP/1.1", ProtoMajor: 1, ProtoMinor: 1,
		Header: h, Body: io.NopCloser(strings.NewReader(body)), ContentLength: int64(len(body)), Request: req,
	}
}

// waitGate pauses res until `until` and waits it out. The first request
// to pause a resource shows the countdown; the others wait quietly.
func (s *Source) waitGate(ctx context.Context, res string, until time.Time, why string) error {
	s.rateMu.Lock()
	g := s.gates[res]
	lead := g == nil || g.until.Before(until)
	if lead {
		s.gates[res] = &gate{until: until}
	}
	s.rateMu.Unlock()
	if !lead {
		return s.sleep(ctx, until.Sub(s.now()))
	}
	start := s.now()
	left := until.Sub(start)
	if left <= 0 {
		return nil
	}
	s.logf("%s; waiting %s until %s UTC (--max-wait %s)", why, left.Round(time.Second), until.UTC().Format(time.TimeOnly), s.maxWait)
	// The countdown steps down from the wait as computed, rather than
	// reading the clock, so an injected sleeper cannot make it spin.
	for left > 0 {
		if s.countdown != nil {
			s.countdown(left, until)
		}
		step := min(left, time.Second)
		if err := s.sleep(ctx, step); err != nil {
			return err
		}
		left -= step
	}
	if s.countdown != nil {
		s.countdown(0, until)
	}
	s.logf("waited %s; resuming", until.Sub(start).Round(time.Second))
	return nil
}

// exhaust stops every further request to res until reset.
func (s *Source) exhaust(res string, reset time.Time) {
	if reset.IsZero() {
		reset = s.now().Add(time.Minute)
	}
	s.rateMu.Lock()
	defer s.rateMu.Unlock()
	if g := s.gates[res]; g == nil || !g.exhausted || g.until.Before(reset) {
		s.gates[res] = &gate{until: reset, exhausted: true}
	}
}

func (s *Source) logf(format string, args ...any) {
	if s.log == nil {
		return
	}
	s.log("%s", s.redact(fmt.Sprintf(format, args...)))
}

// sleepCtx waits d or until ctx ends.
func sleepCtx(ctx context.Context, d time.Duration) error {
	if d <= 0 {
		return ctx.Err()
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}
