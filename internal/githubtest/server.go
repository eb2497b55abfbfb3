package githubtest

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"math/rand"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

// Fault makes matching requests misbehave.
type Fault struct {
	// Path is a path.Match pattern for the request path, without the
	// /api/v3 prefix ("/repos/ana/shop-api/git/trees/*"); on the codeload
	// server it matches codeload paths, whose ref has slashes
	// ("/ana/shop-api/legacy.tar.gz/refs/heads/*"). A * never spans a /.
	Path     string
	Codeload bool // match codeload requests instead of API ones
	// Status is the answer; 0 answers normally after Delay.
	Status int
	// Message is the error body's message; a standard one when empty.
	Message string
	// DocumentationURL overrides the error body's documentation_url (use
	// one ending in "secondary-rate-limits" for a secondary limit).
	DocumentationURL string
	RetryAfter       int // seconds; sets Retry-After when > 0
	// Times is how many requests the fault hits; 0 means all of them.
	Times int
	// Probability, when in (0,1), hits that share of matching requests
	// (seeded, so a run is repeatable).
	Probability float64
	// Delay holds the answer back; a hung server when long.
	Delay time.Duration

	hits int
}

// Request is one request the fake received.
type Request struct {
	Method   string
	Host     string
	Path     string
	Query    url.Values
	Auth     bool // an Authorization header was sent
	Codeload bool
	Status   int
	// Counted is true when the request used up rate limit.
	Counted bool
}

// preset is a rate-limit state set by a test for every caller.
type preset struct {
	remaining int
	reset     time.Time
}

type bucket struct {
	limit int
	used  int
	reset time.Time
}

// Server is a fake GitHub: API is the REST API (serving under "/" and
// "/api/v3/"), Codeload the archive host the API redirects to.
type Server struct {
	API      *httptest.Server
	Codeload *httptest.Server

	mu       sync.Mutex
	users    map[string]*User // by lower-case login
	repos    map[string]*Repo // by lower-case full name
	tokens   map[string]bool
	faults   []*Fault
	log      []Request
	buckets  map[string]*bucket // identity + "|" + resource
	latency  time.Duration
	limits   map[string]int // "anon|core" etc.
	override map[string]preset
	status   int // rate-limit answer: 403 or 429
	rnd      *rand.Rand
	nextID   int64
	reqID    int
	now      func() time.Time
}

// Start runs a fake GitHub; Close stops it.
func Start() *Server {
	s := &Server{
		users:    map[string]*User{},
		repos:    map[string]*Repo{},
		tokens:   map[string]bool{},
		buckets:  map[string]*bucket{},
		override: map[string]preset{},
		limits: map[string]int{
			"anon|core": 60, "token|core": 5000,
			"anon|search": 10, "token|search": 30,
		},
		status: http.StatusForbidden,
		rnd:    rand.New(rand.NewSource(1)),
		nextID: 1000,
		now:    time.Now,
	}
	// Assign both before either serves: handlers read s.API and
	// s.Codeload, and a request from another process gives the race
	// detector no happens-before edge with an assignment made later.
	s.API = httptest.NewUnstartedServer(http.HandlerFunc(s.serveAPI))
	s.Codeload = httptest.NewUnstartedServer(http.HandlerFunc(s.serveCodeload))
	s.API.Start()
	s.Codeload.Start()
	return s
}

// New starts a fake GitHub that stops when tb's test ends.
func New(tb testing.TB) *Server {
	s := Start()
	tb.Cleanup(s.Close)
	return s
}

// Close stops both servers.
func (s *Server) Close() {
	s.API.Close()
	s.Codeload.Close()
}

// URL is the API's base URL, as given to a client (--api-url).
func (s *Server) URL() string { return s.API.URL }

// AddToken makes token accepted; any other token gets 401.
func (s *Server) AddToken(token string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.tokens[token] = true
}

// AddUser adds an account and returns it (Type defaults to "User").
func (s *Server) AddUser(u User) *User {
	s.mu.Lock()
	defer s.mu.Unlock()
	if u.Type == "" {
		u.Type = "User"
	}
	if u.CreatedAt.IsZero() {
		u.CreatedAt = time.Date(2021, 9, 1, 10, 0, 0, 0, time.UTC)
	}
	s.nextID++
	u.id = s.nextID
	p := &u
	s.users[strings.ToLower(u.Login)] = p
	return p
}

// AddRepo adds a repository to its owner, who must exist, and returns it
// with defaults filled (branch, SHAs, dates).
func (s *Server) AddRepo(r Repo) *Repo {
	s.mu.Lock()
	defer s.mu.Unlock()
	r.fill()
	s.nextID++
	r.id = s.nextID
	p := &r
	s.repos[strings.ToLower(r.FullName())] = p
	return p
}

// AddFault installs f; faults are checked in the order added.
func (s *Server) AddFault(f Fault) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.faults = append(s.faults, &f)
}

// ClearFaults removes every fault.
func (s *Server) ClearFaults() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.faults = nil
}

// SetLatency delays every answer, API and codeload, by d.
func (s *Server) SetLatency(d time.Duration) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.latency = d
}

// SetLimit sets the hourly core limit for anonymous callers and for
// tokens (GitHub: 60 and 5000).
func (s *Server) SetLimit(anonymous, token int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.limits["anon|core"], s.limits["token|core"] = anonymous, token
	for k, b := range s.buckets {
		if strings.HasSuffix(k, "|core") {
			if strings.HasPrefix(k, "|") {
				b.limit = anonymous
			} else {
				b.limit = token
			}
		}
	}
}

// SetRemaining sets what is left of resource ("core" or "search") for
// every caller, and when it resets.
func (s *Server) SetRemaining(resource string, remaining int, reset time.Time) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.override[resource] = preset{remaining: remaining, reset: reset}
	for k, b := range s.buckets {
		if strings.HasSuffix(k, "|"+resource) {
			b.used = max(b.limit-remaining, 0)
			b.reset = reset
		}
	}
}

// RateLimitStatus sets the status of a primary rate-limit answer: 403 (as
// GitHub usually does) or 429.
func (s *Server) RateLimitStatus(code int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.status = code
}

// Requests returns the request log.
func (s *Server) Requests() []Request {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Request(nil), s.log...)
}

// ResetLog forgets the requests seen so far.
func (s *Server) ResetLog() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.log = nil
}

// Counted is the number of requests that used up rate limit.
func (s *Server) Counted() int {
	n := 0
	for _, r := range s.Requests() {
		if r.Counted {
			n++
		}
	}
	return n
}

// Calls counts the API requests whose path matches pattern (path.Match).
func (s *Server) Calls(pattern string) int {
	n := 0
	for _, r := range s.Requests() {
		if ok, _ := path.Match(pattern, r.Path); ok && !r.Codeload {
			n++
		}
	}
	return n
}

// reply is what a route answers before the common headers are added.
type reply struct {
	status int
	body   any
	header http.Header
}

func errReply(status int, msg, doc string) reply {
	return reply{status: status, body: apiError{Message: msg, DocumentationURL: doc, Status: strconv.Itoa(status)}}
}

func notFound(doc string) reply { return errReply(http.StatusNotFound, "Not Found", doc) }

const docs = "https://docs.github.com/rest"

func (s *Server) serveAPI(w http.ResponseWriter, r *http.Request) {
	p := r.URL.Path
	prefix := ""
	if p == "/api/v3" || strings.HasPrefix(p, "/api/v3/") {
		prefix = "/api/v3"
		p = strings.TrimPrefix(p, "/api/v3")
	}
	if p == "" {
		p = "/"
	}
	u := urls{api: s.API.URL + prefix, html: s.API.URL}
	token, authed := bearer(r.Header.Get("Authorization"))

	s.mu.Lock()
	latency := s.latency
	fault := s.matchFault(p, false)
	s.mu.Unlock()
	if fault != nil && fault.Delay > 0 {
		latency += fault.Delay
	}
	if latency > 0 {
		select {
		case <-time.After(latency):
		case <-r.Context().Done():
			s.record(Request{Method: r.Method, Host: r.Host, Path: p, Query: r.URL.Query(), Auth: authed, Status: 499})
			return
		}
	}

	s.mu.Lock()
	defer s.mu.Unlock()
	entry := Request{Method: r.Method, Host: r.Host, Path: p, Query: r.URL.Query(), Auth: authed}
	identity, resource := "", "core"
	if authed {
		identity = token
	}
	if strings.HasPrefix(p, "/search/") {
		resource = "search"
	}
	b := s.bucket(identity, resource)
	h := w.Header()
	s.reqID++
	h.Set("X-GitHub-Request-Id", fmt.Sprintf("C0DE:%04X:%06X:%06X:%08X", s.reqID%0xffff, s.reqID*7919%0xffffff, s.reqID*104729%0xffffff, s.nextID+int64(s.reqID)))
	h.Set("X-GitHub-Media-Type", "github.v3; format=json")
	h.Set("X-GitHub-Api-Version-Selected", "2022-11-28")
	h.Set("Vary", "Accept, Authorization, Cookie, X-GitHub-OTP, Accept-Encoding, Accept, X-Requested-With")
	setRate := func() {
		h.Set("X-RateLimit-Limit", strconv.Itoa(b.limit))
		h.Set("X-RateLimit-Remaining", strconv.Itoa(b.limit-b.used))
		h.Set("X-RateLimit-Reset", strconv.FormatInt(b.reset.Unix(), 10))
		h.Set("X-RateLimit-Used", strconv.Itoa(b.used))
		h.Set("X-RateLimit-Resource", resource)
	}
	finish := func(rep reply, counted bool) {
		if counted {
			b.used++
		}
		setRate()
		entry.Status, entry.Counted = rep.status, counted
		s.log = append(s.log, entry)
		s.write(w, r, rep, authed)
	}

	if authed && !s.tokens[token] {
		finish(errReply(http.StatusUnauthorized, "Bad credentials", docs), false)
		return
	}
	if p == "/rate_limit" {
		// GitHub does not count this endpoint against the limit.
		finish(reply{status: 200, body: s.rateLimit(identity)}, false)
		return
	}
	if b.used >= b.limit {
		msg := "API rate limit exceeded for 203.0.113.7. (But here's the good news: Authenticated requests get a higher rate limit. Check out the documentation for more details.)"
		if authed {
			msg = "API rate limit exceeded for user ID 1."
		}
		finish(errReply(s.status, msg, "https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-the-rate-limit"), false)
		return
	}
	if fault != nil && fault.Status != 0 {
		msg := fault.Message
		if msg == "" {
			msg = http.StatusText(fault.Status)
		}
		doc := fault.DocumentationURL
		if doc == "" {
			doc = docs
		}
		rep := errReply(fault.Status, msg, doc)
		if fault.RetryAfter > 0 {
			rep.header = http.Header{"Retry-After": {strconv.Itoa(fault.RetryAfter)}}
		}
		// Server errors are not charged; client errors are, as on GitHub.
		finish(rep, fault.Status < 500)
		return
	}
	rep := s.route(r.Method, p, r.URL.Query(), u, authed)
	if rep.status == http.StatusOK {
		etag := etagOf(rep.body, r.Header.Get("Authorization"))
		h.Set("ETag", etag)
		h.Set("Last-Modified", s.now().UTC().Truncate(24*time.Hour).Format(http.TimeFormat))
		if match := r.Header.Get("If-None-Match"); match != "" && match == etag {
			// A 304 does not count against the rate limit.
			finish(reply{status: http.StatusNotModified}, false)
			return
		}
	}
	finish(rep, true)
}

func bearer(h string) (string, bool) {
	for _, scheme := range []string{"Bearer ", "bearer ", "token ", "Token "} {
		if strings.HasPrefix(h, scheme) {
			return strings.TrimSpace(h[len(scheme):]), true
		}
	}
	return "", h != ""
}

// etagOf depends on the caller's credentials too: GitHub's ETags change
// with the token.
func etagOf(body any, auth string) string {
	b, _ := json.Marshal(body)
	sum := sha256.Sum256(append(b, auth...))
	return `W/"` + hex.EncodeToString(sum[:16]) + `"`
}

func (s *Server) write(w http.ResponseWriter, r *http.Request, rep reply, authed bool) {
	h := w.Header()
	for k, v := range rep.header {
		h[k] = v
	}
	if rep.status == http.StatusFound || rep.status == http.StatusNotModified {
		w.WriteHeader(rep.status)
		return
	}
	cache := "public, max-age=60, s-maxage=60"
	if authed {
		cache = "private, max-age=60, s-maxage=60"
	}
	h.Set("Cache-Control", cache)
	h.Set("Content-Type", "application/json; charset=utf-8")
	b, err := json.MarshalIndent(rep.body, "", "  ")
	if err != nil {
		rep.status = http.StatusInternalServerError
		b = []byte(`{"message":"Server Error"}`)
	}
	w.WriteHeader(rep.status)
	if r.Method != http.MethodHead {
		_, _ = w.Write(b)
	}
}

func (s *Server) record(r Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.log = append(s.log, r)
}

// matchFault returns the fault for p, counting the hit. s.mu is held.
func (s *Server) matchFault(p string, codeload bool) *Fault {
	for _, f := range s.faults {
		if f.Codeload != codeload {
			continue
		}
		if ok, _ := path.Match(f.Path, p); !ok {
			continue
		}
		if f.Times > 0 && f.hits >= f.Times {
			continue
		}
		if f.Probability > 0 && f.Probability < 1 && s.rnd.Float64() >= f.Probability {
			continue
		}
		f.hits++
		return f
	}
	return nil
}

// bucket returns the caller's rate-limit window, refilled when it has
// reset. s.mu is held.
func (s *Server) bucket(identity, resource string) *bucket {
	key := identity + "|" + resource
	kind := "token|"
	if identity == "" {
		kind = "anon|"
	}
	window := time.Hour
	if resource == "search" {
		window = time.Minute
	}
	now := s.now()
	b := s.buckets[key]
	if b == nil {
		b = &bucket{limit: s.limits[kind+resource], reset: now.Add(window)}
		if o, ok := s.override[resource]; ok {
			b.used = max(b.limit-o.remaining, 0)
			b.reset = o.reset
		}
		s.buckets[key] = b
	}
	if !now.Before(b.reset) {
		b.used = 0
		b.reset = now.Add(window)
	}
	return b
}

func (s *Server) rateLimit(identity string) any {
	res := map[string]rate{}
	for _, name := range []string{"core", "search"} {
		b := s.bucket(identity, name)
		res[name] = rate{Limit: b.limit, Used: b.used, Remaining: b.limit - b.used, Reset: b.reset.Unix()}
	}
	core := res["core"]
	return map[string]any{"resources": res, "rate": core}
}

// route answers a request for path p. s.mu is held.
func (s *Server) route(method, p string, q url.Values, u urls, authed bool) reply {
	if method != http.MethodGet && method != http.MethodHead {
		return notFound(docs)
	}
	parts := strings.Split(strings.Trim(p, "/"), "/")
	n := len(parts)
	switch {
	case n == 2 && parts[0] == "users":
		return s.getUser(parts[1], u)
	case n == 3 && parts[0] == "users" && parts[2] == "repos":
		return s.listRepos(s.users[strings.ToLower(parts[1])], q, u, authed)
	case n == 3 && parts[0] == "user" && parts[2] == "repos":
		// GitHub's Link headers point here, at the account id.
		return s.listRepos(s.userByID(parts[1]), q, u, authed)
	case n == 2 && parts[0] == "search" && parts[1] == "issues":
		return s.searchIssues(q, u)
	case n >= 3 && parts[0] == "repos":
		return s.repoRoute(s.repos[strings.ToLower(parts[1]+"/"+parts[2])], parts[3:], q, u, authed)
	case n >= 2 && parts[0] == "repositories":
		return s.repoRoute(s.repoByID(parts[1]), parts[2:], q, u, authed)
	}
	return notFound(docs)
}

func (s *Server) userByID(id string) *User {
	for _, u := range s.users {
		if strconv.FormatInt(u.id, 10) == id {
			return u
		}
	}
	return nil
}

func (s *Server) repoByID(id string) *Repo {
	for _, r := range s.repos {
		if strconv.FormatInt(r.id, 10) == id {
			return r
		}
	}
	return nil
}

func (s *Server) getUser(login string, u urls) reply {
	x := s.users[strings.ToLower(login)]
	if x == nil {
		return notFound("https://docs.github.com/rest/users/users#get-a-user")
	}
	return reply{status: 200, body: u.user(x, len(s.publicRepos(x)))}
}

func (s *Server) publicRepos(owner *User) []*Repo {
	var out []*Repo
	for _, r := range s.repos {
		if strings.EqualFold(r.Owner, owner.Login) && !r.Private {
			out = append(out, r)
		}
	}
	return out
}

// page reads per_page (default 30, at most 100) and page (from 1).
func page(q url.Values) (perPage, pg int) {
	perPage, pg = 30, 1
	if v, err := strconv.Atoi(q.Get("per_page")); err == nil && v > 0 {
		perPage = min(v, 100)
	}
	if v, err := strconv.Atoi(q.Get("page")); err == nil && v > 0 {
		pg = v
	}
	return perPage, pg
}

// link builds GitHub's Link header for a listing of total items: prev,
// next, last, first, in GitHub's order, each only when it applies.
func link(base string, q url.Values, total, perPage, pg int) string {
	last := max((total+perPage-1)/perPage, 1)
	at := func(n int) string {
		v := url.Values{}
		for k, vs := range q {
			v[k] = vs
		}
		v.Set("page", strconv.Itoa(n))
		return "<" + base + "?" + v.Encode() + ">"
	}
	var parts []string
	if pg > 1 {
		parts = append(parts, at(min(pg-1, last))+`; rel="prev"`)
	}
	if pg < last {
		parts = append(parts, at(pg+1)+`; rel="next"`, at(last)+`; rel="last"`)
	}
	if pg > 1 {
		parts = append(parts, at(1)+`; rel="first"`)
	}
	return strings.Join(parts, ", ")
}

func window[T any](items []T, perPage, pg int) []T {
	lo := (pg - 1) * perPage
	if lo >= len(items) {
		return []T{}
	}
	return items[lo:min(lo+perPage, len(items))]
}

func (s *Server) listRepos(owner *User, q url.Values, u urls, authed bool) reply {
	if owner == nil {
		return notFound("https://docs.github.com/rest/repos/repos#list-repositories-for-a-user")
	}
	repos := s.publicRepos(owner)
	sortKey := q.Get("sort")
	desc := sortKey != "" && sortKey != "full_name"
	switch q.Get("direction") {
	case "asc":
		desc = false
	case "desc":
		desc = true
	}
	less := func(a, b *Repo) bool {
		switch sortKey {
		case "pushed":
			if !a.pushedAt().Equal(b.pushedAt()) {
				return a.pushedAt().Before(b.pushedAt())
			}
		case "created":
			if !a.CreatedAt.Equal(b.CreatedAt) {
				return a.CreatedAt.Before(b.CreatedAt)
			}
		case "updated":
			if !a.UpdatedAt.Equal(b.UpdatedAt) {
				return a.UpdatedAt.Before(b.UpdatedAt)
			}
		}
		return strings.ToLower(a.FullName()) < strings.ToLower(b.FullName())
	}
	sort.SliceStable(repos, func(i, j int) bool {
		if desc {
			return less(repos[j], repos[i])
		}
		return less(repos[i], repos[j])
	})
	perPage, pg := page(q)
	items := []repository{}
	for _, r := range window(repos, perPage, pg) {
		items = append(items, u.repository(r, owner, authed))
	}
	rep := reply{status: 200, body: items}
	if l := link(fmt.Sprintf("%s/user/%d/repos", u.api, owner.id), q, len(repos), perPage, pg); l != "" {
		rep.header = http.Header{"Link": {l}}
	}
	return rep
}

var emptyRepo = apiError{Message: "Git Repository is empty.", DocumentationURL: "https://docs.github.com/rest/git/trees#get-a-tree", Status: "409"}

func (s *Server) repoRoute(r *Repo, rest []string, q url.Values, u urls, authed bool) reply {
	if r == nil || (r.Private && !authed) {
		return notFound("https://docs.github.com/rest/repos/repos#get-a-repository")
	}
	owner := s.users[strings.ToLower(r.Owner)]
	if owner == nil {
		return notFound(docs)
	}
	switch {
	case len(rest) == 0:
		return reply{status: 200, body: u.repository(r, owner, authed)}
	case len(rest) >= 3 && rest[0] == "git" && rest[1] == "trees":
		if r.empty() {
			return reply{status: http.StatusConflict, body: emptyRepo}
		}
		if !s.knownRef(r, strings.Join(rest[2:], "/")) {
			return notFound("https://docs.github.com/rest/git/trees#get-a-tree")
		}
		return reply{status: 200, body: u.tree(r)}
	case rest[0] == "tarball":
		ref := strings.Join(rest[1:], "/")
		if ref == "" {
			ref = r.DefaultBranch
		}
		if r.empty() || !s.knownRef(r, ref) {
			return notFound("https://docs.github.com/rest/repos/contents#download-a-repository-archive-tar")
		}
		if ref == r.DefaultBranch {
			ref = "refs/heads/" + ref
		}
		loc := fmt.Sprintf("%s/%s/legacy.tar.gz/%s", s.Codeload.URL, r.FullName(), ref)
		return reply{status: http.StatusFound, header: http.Header{"Location": {loc}}}
	case len(rest) == 1 && rest[0] == "commits":
		if r.empty() {
			return reply{status: http.StatusConflict, body: apiError{Message: "Git Repository is empty.", DocumentationURL: "https://docs.github.com/rest/commits/commits#list-commits", Status: "409"}}
		}
		if sha := q.Get("sha"); sha != "" && !s.knownRef(r, sha) {
			return errReply(http.StatusNotFound, "No commit found for SHA: "+sha, "https://docs.github.com/rest/commits/commits#list-commits")
		}
		perPage, pg := page(q)
		idx := make([]int, len(r.Commits))
		for i := range idx {
			idx[i] = i
		}
		items := []commitItem{}
		for _, i := range window(idx, perPage, pg) {
			items = append(items, u.commit(r, i, func(login string) *User { return s.users[strings.ToLower(login)] }))
		}
		rep := reply{status: 200, body: items}
		if l := link(fmt.Sprintf("%s/repositories/%d/commits", u.api, r.id), q, len(r.Commits), perPage, pg); l != "" {
			rep.header = http.Header{"Link": {l}}
		}
		return rep
	}
	return notFound(docs)
}

func (s *Server) knownRef(r *Repo, ref string) bool {
	ref = strings.TrimPrefix(ref, "refs/heads/")
	return ref == r.DefaultBranch || ref == "HEAD" || (len(ref) >= 7 && strings.HasPrefix(r.HeadSHA(), ref))
}

// searchIssues understands the qualifiers pathway uses: type:pr / is:pr,
// author:, user: and -user:.
func (s *Server) searchIssues(q url.Values, u urls) reply {
	query := strings.TrimSpace(q.Get("q"))
	if query == "" {
		rep := errReply(http.StatusUnprocessableEntity, "Validation Failed", "https://docs.github.com/v3/search")
		rep.body = apiError{Message: "Validation Failed", Errors: []errField{{Resource: "Search", Field: "q", Code: "missing"}}, DocumentationURL: "https://docs.github.com/v3/search", Status: "422"}
		return rep
	}
	var author, user, notUser string
	prOnly := false
	for _, f := range strings.Fields(query) {
		k, v, _ := strings.Cut(f, ":")
		switch strings.ToLower(k) {
		case "type", "is":
			prOnly = prOnly || v == "pr"
		case "author":
			author = v
		case "user":
			user = v
		case "-user":
			notUser = v
		}
	}
	for _, name := range []string{author, user, notUser} {
		if name != "" && s.users[strings.ToLower(name)] == nil {
			return reply{status: http.StatusUnprocessableEntity, body: apiError{
				Message:          "Validation Failed",
				Errors:           []errField{{Message: "The listed users and repositories cannot be searched either because the resources do not exist or you do not have permission to view them.", Resource: "Search", Field: "q", Code: "invalid"}},
				DocumentationURL: "https://docs.github.com/v3/search/",
				Status:           "422",
			}}
		}
	}
	type hit struct {
		author *User
		pr     PullRequest
	}
	var hits []hit
	for _, x := range s.users {
		if author != "" && !strings.EqualFold(x.Login, author) {
			continue
		}
		for _, pr := range x.PullRequests {
			owner, _, _ := strings.Cut(pr.Repo, "/")
			if (user != "" && !strings.EqualFold(owner, user)) || (notUser != "" && strings.EqualFold(owner, notUser)) {
				continue
			}
			hits = append(hits, hit{x, pr})
		}
	}
	_ = prOnly // the fake only holds pull requests
	sort.Slice(hits, func(i, j int) bool {
		if !hits[i].pr.CreatedAt.Equal(hits[j].pr.CreatedAt) {
			return hits[i].pr.CreatedAt.After(hits[j].pr.CreatedAt)
		}
		return hits[i].pr.Repo < hits[j].pr.Repo
	})
	perPage, pg := page(q)
	res := searchResult{Items: []issueItem{}, TotalCount: len(hits)}
	for i, h := range window(hits, perPage, pg) {
		res.Items = append(res.Items, u.pull(h.author, h.pr, int64(2000000+(pg-1)*perPage+i)))
	}
	rep := reply{status: 200, body: res}
	if l := link(u.api+"/search/issues", q, len(hits), perPage, pg); l != "" {
		rep.header = http.Header{"Link": {l}}
	}
	return rep
}
