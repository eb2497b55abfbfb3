// Package github is the snapshot source that reads a GitHub user's public
// work through the REST API (api.github.com, GitHub Enterprise, or a fake):
// the profile, every owned repository's files and recent history, at two or
// three requests per repository on a first audit and none for repositories
// unchanged since the last one (see fetch.go for the request plan).
package github

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	gh "github.com/google/go-github/v60/github"
	"golang.org/x/oauth2"

	"github.com/pathway-dev/pathway/internal/httpcache"
	"github.com/pathway-dev/pathway/internal/snapshot"
)

// Config says which GitHub to talk to and how.
type Config struct {
	// APIURL is "" or https://api.github.com for public GitHub; anything
	// else is GitHub Enterprise (or a fake), reached under /api/v3/.
	APIURL string
	// Token is sent as a bearer token to the API host only; "" is anonymous.
	Token string
	// Transport is the base transport; nil means http.DefaultTransport.
	Transport http.RoundTripper
	// Concurrency is how many repositories are fetched at once (default 6).
	Concurrency int
	UserAgent   string
	// Timeout bounds each attempt of an API request, answer included
	// (default 30s); archive downloads get ten times as long.
	Timeout time.Duration
	// Retries is how many times a request is tried again after a server
	// error, a timeout or a secondary rate limit (default 3).
	Retries int

	// CacheDir is the folder of the on-disk cache (HTTP answers with their
	// ETags, and repository snapshots); "" means no cache. A folder that
	// cannot be used is reported in the snapshot's warnings, not an error.
	CacheDir string
	// CacheSize bounds the cache folder in bytes (default 256 MiB).
	CacheSize int64

	// MaxWait is how long the source may wait for a rate limit to reset;
	// past it, the audit stops and the snapshot is partial. 0 never waits.
	MaxWait time.Duration
	// Log receives progress lines (for -v); nil is silent. Lines never
	// hold the token.
	Log func(format string, args ...any)
	// Notice receives what the user must hear before the fetching starts
	// even without -v: the audit will not fit in the rate limit.
	Notice func(msg string)
	// Countdown, when set, is called about once a second while the source
	// waits for a rate limit, with the time left and the end of the wait;
	// a last call has left == 0.
	Countdown func(left time.Duration, until time.Time)

	// Now and Sleep replace the clock and the sleeper of waits and backoff
	// (tests); Sleep must return ctx.Err() when ctx ends first.
	Now   func() time.Time
	Sleep func(ctx context.Context, d time.Duration) error
}

// Source reads snapshots from a GitHub API. It is safe for concurrent use.
type Source struct {
	gh          *gh.Client
	download    *http.Client
	api         *url.URL
	host        string // API host as in URLs, with port when not default
	token       string
	concurrency int
	userAgent   string
	requests    atomic.Int64
	lim         limits

	cache    *httpcache.Cache // nil without a cache
	cacheErr error            // why CacheDir could not be used

	timeout   time.Duration
	retries   int
	backoff   time.Duration // first wait after a server error or timeout
	secondary time.Duration // first wait after a secondary limit without Retry-After
	maxWait   time.Duration
	log       func(string, ...any)
	countdown func(time.Duration, time.Time)
	notice    func(string)
	now       func() time.Time
	sleep     func(context.Context, time.Duration) error

	rateMu sync.Mutex
	rate   rateState
	gates  map[string]*gate
}

var _ snapshot.Source = (*Source)(nil)

const publicAPI = "https://api.github.com/"

// New makes a source for cfg. It fails only on a malformed API URL.
func New(cfg Config) (*Source, error) {
	raw := strings.TrimSpace(cfg.APIURL)
	public := raw == "" || strings.TrimSuffix(raw, "/") == strings.TrimSuffix(publicAPI, "/")
	if public {
		raw = publicAPI
	}
	api, err := url.Parse(raw)
	if err != nil || (api.Scheme != "http" && api.Scheme != "https") || api.Host == "" {
		return nil, fmt.Errorf("invalid GitHub API URL %q: want an http(s) URL such as https://github.example.com/api/v3", raw)
	}
	base := cfg.Transport
	if base == nil {
		base = http.DefaultTransport
	}
	s := &Source{
		api:         api,
		host:        api.Host,
		token:       cfg.Token,
		concurrency: cfg.Concurrency,
		userAgent:   cfg.UserAgent,
		lim:         defaultLimits,
		timeout:     cfg.Timeout,
		retries:     cfg.Retries,
		backoff:     time.Second,
		secondary:   time.Minute,
		maxWait:     max(cfg.MaxWait, 0),
		log:         cfg.Log,
		countdown:   cfg.Countdown,
		notice:      cfg.Notice,
		now:         cfg.Now,
		sleep:       cfg.Sleep,
		gates:       map[string]*gate{},
	}
	if s.concurrency <= 0 {
		s.concurrency = 6
	}
	if s.userAgent == "" {
		s.userAgent = "pathway"
	}
	if s.timeout <= 0 {
		s.timeout = 30 * time.Second
	}
	if s.retries <= 0 {
		s.retries = 3
	}
	if s.now == nil {
		s.now = time.Now
	}
	if s.sleep == nil {
		s.sleep = sleepCtx
	}
	t := &transport{api: api, base: base, count: &s.requests}
	if cfg.Token != "" {
		t.auth = &oauth2.Transport{Source: oauth2.StaticTokenSource(&oauth2.Token{AccessToken: cfg.Token}), Base: base}
	}
	var rt http.RoundTripper = &retrier{s: s, next: t}
	if cfg.CacheDir != "" {
		s.cache, s.cacheErr = httpcache.Open(cfg.CacheDir, cfg.CacheSize)
		if s.cache != nil {
			rt = &httpcache.Transport{Cache: s.cache, Next: rt}
		}
	}
	// No http.Client timeout: the retrier bounds each attempt, and
	// go-github sends the archive-link request on the bare transport.
	client := gh.NewClient(&http.Client{Transport: rt})
	if !public {
		if client, err = client.WithEnterpriseURLs(raw, raw); err != nil {
			return nil, fmt.Errorf("invalid GitHub API URL %q: %v", raw, err)
		}
	}
	client.UserAgent = s.userAgent
	s.gh = client
	s.download = &http.Client{Transport: t, Timeout: 10 * s.timeout}
	return s, nil
}

// Requests is the number of API requests made so far that count against
// the rate limit: archive downloads from another host and 304s are not.
func (s *Source) Requests() int { return int(s.requests.Load()) }

// Host is the API host, for messages.
func (s *Source) Host() string { return s.host }

// sameOrigin compares scheme, host and port, so the token never goes to
// another host nor over plain http to the same one.
func sameOrigin(a, b *url.URL) bool {
	port := func(u *url.URL) string {
		if p := u.Port(); p != "" {
			return p
		}
		if u.Scheme == "http" {
			return "80"
		}
		return "443"
	}
	return strings.EqualFold(a.Scheme, b.Scheme) &&
		strings.EqualFold(a.Hostname(), b.Hostname()) &&
		port(a) == port(b)
}

// ValidLogin reports whether login follows GitHub's rule for account
// names: 1 to 39 letters, digits and single hyphens, not starting or
// ending with a hyphen.
func ValidLogin(login string) bool { return loginProblem(login) == "" }

func loginProblem(login string) string {
	switch {
	case login == "":
		return "it is empty"
	case len(login) > 39:
		return "it is longer than 39 characters"
	case login[0] == '-' || login[len(login)-1] == '-':
		return "it starts or ends with a hyphen"
	case strings.Contains(login, "--"):
		return "it has two hyphens in a row"
	}
	for _, c := range login {
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-') {
			return fmt.Sprintf("it contains %q; only letters, digits and hyphens are allowed", c)
		}
	}
	return ""
}

func checkLogin(login string) error {
	if why := loginProblem(login); why != "" {
		return fmt.Errorf("%w: %q is not a valid GitHub login: %s", snapshot.ErrInvalidSubject, login, why)
	}
	return nil
}

// Profile reads login's profile and external pull requests (two requests),
// for audits of local checkouts that name their GitHub user.
func (s *Source) Profile(ctx context.Context, login string) (snapshot.Profile, error) {
	if err := checkLogin(login); err != nil {
		return snapshot.Profile{}, err
	}
	u, err := s.user(ctx, login)
	if err != nil {
		return snapshot.Profile{}, err
	}
	p := profileOf(u)
	// A profile has no warnings of its own: an unknown count stays nil.
	s.externalPRs(ctx, &p)
	return p, nil
}

func (s *Source) user(ctx context.Context, login string) (*gh.User, error) {
	u, _, err := s.gh.Users.Get(ctx, login)
	if err == nil {
		return u, nil
	}
	if status(err) == http.StatusNotFound {
		return nil, &notFound{fmt.Sprintf("GitHub user %q not found on %s", login, s.host)}
	}
	return nil, s.fatal(err, "reading user "+login)
}

func profileOf(u *gh.User) snapshot.Profile {
	p := snapshot.Profile{
		Kind:            "github-user",
		Type:            u.GetType(),
		Login:           u.GetLogin(),
		Known:           true,
		Name:            u.GetName(),
		Bio:             u.GetBio(),
		Blog:            u.GetBlog(),
		Location:        u.GetLocation(),
		Company:         u.GetCompany(),
		Email:           u.GetEmail(),
		TwitterUsername: u.GetTwitterUsername(),
		Hireable:        u.Hireable,
		Followers:       u.GetFollowers(),
		Following:       u.GetFollowing(),
		PublicRepos:     u.GetPublicRepos(),
		HTMLURL:         u.GetHTMLURL(),
		AvatarURL:       u.GetAvatarURL(),
		CreatedAt:       u.GetCreatedAt().Time.UTC(),
	}
	if p.Type == "" {
		p.Type = "User"
	}
	return p
}

// externalPRs fills p.ExternalPRs from one search; it returns a warning
// when the count stays unknown.
func (s *Source) externalPRs(ctx context.Context, p *snapshot.Profile) string {
	if p.Type == "Organization" {
		return ""
	}
	q := fmt.Sprintf("type:pr author:%s -user:%s", p.Login, p.Login)
	res, _, err := s.gh.Search.Issues(ctx, q, &gh.SearchOptions{ListOptions: gh.ListOptions{PerPage: 100}})
	if err != nil {
		return s.redact("pull requests to other repositories unknown: search failed (" + s.describe(err) + ")")
	}
	n := res.GetTotal()
	p.ExternalPRs = &n
	seen := map[string]bool{}
	for _, it := range res.Issues {
		name := repoFromAPIURL(it.GetRepositoryURL())
		if name == "" || seen[strings.ToLower(name)] {
			continue
		}
		seen[strings.ToLower(name)] = true
		p.ExternalPRRepos = append(p.ExternalPRRepos, name)
		if len(p.ExternalPRRepos) == 5 {
			break
		}
	}
	return ""
}

// repoFromAPIURL turns ".../repos/owner/name" into "owner/name".
func repoFromAPIURL(u string) string {
	_, rest, ok := strings.Cut(u, "/repos/")
	if !ok {
		return ""
	}
	parts := strings.Split(rest, "/")
	if len(parts) < 2 || parts[0] == "" || parts[1] == "" {
		return ""
	}
	return parts[0] + "/" + parts[1]
}

// status is the HTTP status behind a go-github error, or 0.
func status(err error) int {
	var er *gh.ErrorResponse
	var rl *gh.RateLimitError
	var ab *gh.AbuseRateLimitError
	switch {
	case errors.As(err, &rl) && rl.Response != nil:
		return rl.Response.StatusCode
	case errors.As(err, &ab) && ab.Response != nil:
		return ab.Response.StatusCode
	case errors.As(err, &er) && er.Response != nil:
		return er.Response.StatusCode
	}
	return 0
}

// rateLimited tells whether err (with resp, when the client returned one)
// is GitHub refusing for rate limits, and when to try again.
func rateLimited(err error, resp *gh.Response) (bool, time.Time) {
	var rl *gh.RateLimitError
	if errors.As(err, &rl) {
		return true, rl.Rate.Reset.Time
	}
	var ab *gh.AbuseRateLimitError
	if errors.As(err, &ab) {
		if ab.RetryAfter != nil {
			return true, time.Now().Add(*ab.RetryAfter)
		}
		return true, time.Time{}
	}
	var hr *http.Response
	var er *gh.ErrorResponse
	if errors.As(err, &er) && er.Response != nil {
		hr = er.Response
	} else if resp != nil {
		hr = resp.Response
	}
	if hr == nil || (hr.StatusCode != http.StatusForbidden && hr.StatusCode != http.StatusTooManyRequests) {
		return false, time.Time{}
	}
	if hr.Header.Get("X-RateLimit-Remaining") == "0" || hr.StatusCode == http.StatusTooManyRequests || hr.Header.Get("Retry-After") != "" {
		return true, refusedUntil(hr.Header)
	}
	return false, time.Time{}
}

// refusedUntil is when a refusal says to come back, for messages.
func refusedUntil(h http.Header) time.Time {
	var secs int64
	if _, err := fmt.Sscan(h.Get("Retry-After"), &secs); err == nil && secs > 0 {
		return time.Now().Add(time.Duration(secs) * time.Second)
	}
	if _, err := fmt.Sscan(h.Get("X-RateLimit-Reset"), &secs); err == nil && secs > 0 {
		return time.Unix(secs, 0)
	}
	return time.Time{}
}

// notFound reads as its message alone ("GitHub user "x" not found") yet
// is snapshot.ErrNotFound for errors.Is.
type notFound struct{ msg string }

func (e *notFound) Error() string        { return e.msg }
func (e *notFound) Is(target error) bool { return target == snapshot.ErrNotFound }

// rateError is the message for a rate limit that stops the audit.
func (s *Source) rateError(reset time.Time) error {
	when := "later"
	if !reset.IsZero() {
		when = "after " + reset.UTC().Format("2006-01-02 15:04:05 UTC")
		if d := time.Until(reset).Round(time.Second); d > 0 {
			when += fmt.Sprintf(" (in %s)", d)
		}
	}
	hint := ""
	if s.token == "" {
		hint = "; set GITHUB_TOKEN or GH_TOKEN for 5,000 requests an hour instead of 60"
	}
	return fmt.Errorf("%w: GitHub API rate limit reached on %s; try again %s%s", snapshot.ErrRateLimited, s.host, when, hint)
}

// fatal turns an error that stops the whole audit into a message that
// names the host and says what to do, never the token.
func (s *Source) fatal(err error, doing string) error {
	if errors.Is(err, context.Canceled) {
		return err
	}
	var ab *gh.AbuseRateLimitError
	if errors.As(err, &ab) {
		// A secondary limit is about bursts, not the hourly budget: the
		// hourly reset time would mislead.
		return fmt.Errorf("%w: GitHub's secondary rate limit (too many requests in a short time) stopped the audit on %s; wait a few minutes and run again, or lower --concurrency", snapshot.ErrRateLimited, s.host)
	}
	if ok, reset := rateLimited(err, nil); ok {
		return s.rateError(reset)
	}
	switch status(err) {
	case http.StatusUnauthorized:
		return fmt.Errorf("%w: %s rejected the token (401 Bad credentials); check GITHUB_TOKEN / GH_TOKEN, or unset it to run anonymously", snapshot.ErrBadCredentials, s.host)
	case 0:
		if isNet(err) {
			return errors.New(s.redact(fmt.Sprintf("cannot reach the GitHub API at %s: %s; check the network or --api-url / GH_HOST", s.host, netCause(err))))
		}
	}
	return errors.New(s.redact(fmt.Sprintf("%s on %s: %s", doing, s.host, s.describe(err))))
}

func isNet(err error) bool {
	var ue *url.Error
	var ne net.Error
	return errors.As(err, &ue) || errors.As(err, &ne)
}

func netCause(err error) string {
	var ue *url.Error
	if errors.As(err, &ue) {
		err = ue.Err
	}
	return err.Error()
}

// describe says what went wrong with a request in a few words.
func (s *Source) describe(err error) string {
	var er *gh.ErrorResponse
	switch {
	case errors.As(err, &er) && er.Response != nil:
		msg := fmt.Sprintf("%d %s", er.Response.StatusCode, http.StatusText(er.Response.StatusCode))
		if er.Message != "" && er.Message != http.StatusText(er.Response.StatusCode) {
			msg += ": " + er.Message
		}
		if er.Block != nil && er.Block.Reason != "" {
			msg += " (" + er.Block.Reason + ")"
		}
		return s.redact(msg)
	case isNet(err):
		return s.redact("request failed: " + netCause(err))
	}
	return s.redact(err.Error())
}

// redact removes the token from text meant for people, whatever produced
// it: go-github messages carry URLs, and a misconfigured server could echo.
func (s *Source) redact(text string) string {
	if s.token == "" {
		return text
	}
	return strings.ReplaceAll(text, s.token, "[redacted]")
}
