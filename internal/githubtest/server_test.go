package githubtest

import (
	"archive/tar"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"time"
)

var day = time.Date(2025, 3, 1, 10, 0, 0, 0, time.UTC)

func setup(t *testing.T) *Server {
	s := New(t)
	s.AddUser(User{Login: "bob-dev", Name: "Bob", Bio: "Rails and Laravel"})
	s.AddRepo(Repo{
		Owner: "bob-dev", Name: "rails-blog", Language: "Ruby", License: "MIT",
		Files: map[string]string{
			"Gemfile":                    "source \"https://rubygems.org\"\ngem \"rails\", \"~> 7.1\"\ngem \"pg\"\n",
			"app/models/post.rb":         "class Post < ApplicationRecord\n  validates :title, presence: true\nend\n",
			"app/controllers/posts.rb":   "class PostsController < ApplicationController\nend\n",
			"app.rb":                     "# a file that sorts between app/ and bin/\n",
			"bin/rails":                  "#!/usr/bin/env ruby\nrequire_relative \"../config/boot\"\n",
			"test/models/post_test.rb":   "require \"test_helper\"\nclass PostTest < ActiveSupport::TestCase\nend\n",
			"config/credentials.yml.enc": "encrypted",
		},
		Executables:  []string{"bin/rails"},
		Symlinks:     map[string]string{"README": "README.md"},
		ExportIgnore: []string{"config/credentials.yml.enc"},
		Commits: append(History(Person{Name: "Bob", Email: "bob@example.com", Login: "bob-dev"}, 2, day, time.Hour),
			Commit{Message: "Initial commit", Author: Person{Name: "bob", Email: "bob@old-laptop"}, Date: day.Add(-5 * time.Hour)}),
	})
	s.AddRepo(Repo{Owner: "bob-dev", Name: "empty"})
	return s
}

func get(t *testing.T, url string, header ...string) (*http.Response, []byte) {
	t.Helper()
	req, _ := http.NewRequest("GET", url, nil)
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	resp, err := client.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp, b
}

func TestUserUnderBothPrefixes(t *testing.T) {
	s := setup(t)
	for _, prefix := range []string{"", "/api/v3"} {
		resp, body := get(t, s.URL()+prefix+"/users/BOB-DEV")
		var u map[string]any
		if err := json.Unmarshal(body, &u); err != nil || resp.StatusCode != 200 {
			t.Fatalf("%s: %d %s", prefix, resp.StatusCode, body)
		}
		if u["login"] != "bob-dev" || u["type"] != "User" || u["public_repos"] != float64(2) || u["company"] != nil || u["blog"] != "" {
			t.Errorf("%s: user = %v", prefix, u)
		}
		if u["url"] != s.URL()+prefix+"/users/bob-dev" || u["html_url"] != s.URL()+"/bob-dev" {
			t.Errorf("%s: urls = %v %v", prefix, u["url"], u["html_url"])
		}
	}
	resp, body := get(t, s.URL()+"/users/nobody")
	if resp.StatusCode != 404 || !strings.Contains(string(body), `"message": "Not Found"`) || !strings.Contains(string(body), "documentation_url") {
		t.Errorf("404 = %d %s", resp.StatusCode, body)
	}
}

func TestLinkPaginationLikeGitHub(t *testing.T) {
	s := New(t)
	u := s.AddUser(User{Login: "many"})
	for i := range 230 {
		s.AddRepo(Repo{Owner: "many", Name: fmt.Sprintf("r%03d", i), Files: map[string]string{"a": "b"}, Commits: History(Person{Name: "m"}, 1, day.Add(time.Duration(i)*time.Minute), time.Hour)})
	}
	resp, body := get(t, s.URL()+"/users/many/repos?per_page=100&sort=pushed&page=2")
	base := fmt.Sprintf("%s/user/%d/repos?", s.URL(), u.id)
	want := `<` + base + `page=1&per_page=100&sort=pushed>; rel="prev", ` +
		`<` + base + `page=3&per_page=100&sort=pushed>; rel="next", ` +
		`<` + base + `page=3&per_page=100&sort=pushed>; rel="last", ` +
		`<` + base + `page=1&per_page=100&sort=pushed>; rel="first"`
	if got := resp.Header.Get("Link"); got != want {
		t.Errorf("Link =\n%s\nwant\n%s", got, want)
	}
	var repos []map[string]any
	_ = json.Unmarshal(body, &repos)
	if len(repos) != 100 || repos[0]["name"] != "r129" {
		t.Errorf("page 2 = %d repos, first %v (pushed desc)", len(repos), repos[0]["name"])
	}
	// The Link URL itself works, and the last page has no next.
	resp, body = get(t, base+"page=3&per_page=100&sort=pushed")
	_ = json.Unmarshal(body, &repos)
	if len(repos) != 30 || strings.Contains(resp.Header.Get("Link"), `rel="next"`) || !strings.Contains(resp.Header.Get("Link"), `rel="prev"`) {
		t.Errorf("last page: %d repos, Link %s", len(repos), resp.Header.Get("Link"))
	}
	if resp, _ := get(t, s.URL()+"/users/many/repos?per_page=500"); !strings.Contains(resp.Header.Get("Link"), "page=3") {
		t.Errorf("per_page above 100 not capped: %s", resp.Header.Get("Link"))
	}
}

func TestRateLimitHeadersETagAndAuth(t *testing.T) {
	s := setup(t)
	s.AddToken("ghp_good")
	resp, _ := get(t, s.URL()+"/users/bob-dev")
	h := resp.Header
	if h.Get("X-RateLimit-Limit") != "60" || h.Get("X-RateLimit-Remaining") != "59" || h.Get("X-RateLimit-Used") != "1" ||
		h.Get("X-RateLimit-Resource") != "core" || h.Get("X-GitHub-Request-Id") == "" || h.Get("X-RateLimit-Reset") == "" {
		t.Errorf("rate headers = %v", h)
	}
	etag := h.Get("ETag")
	resp, body := get(t, s.URL()+"/users/bob-dev", "If-None-Match", etag)
	if resp.StatusCode != 304 || len(body) != 0 || resp.Header.Get("X-RateLimit-Remaining") != "59" {
		t.Errorf("conditional request: %d, remaining %s", resp.StatusCode, resp.Header.Get("X-RateLimit-Remaining"))
	}
	// ETags differ per credential, as GitHub's do.
	resp, _ = get(t, s.URL()+"/users/bob-dev", "Authorization", "Bearer ghp_good", "If-None-Match", etag)
	if resp.StatusCode != 200 || resp.Header.Get("X-RateLimit-Limit") != "5000" || resp.Header.Get("ETag") == etag {
		t.Errorf("token request: %d limit %s", resp.StatusCode, resp.Header.Get("X-RateLimit-Limit"))
	}
	resp, body = get(t, s.URL()+"/users/bob-dev", "Authorization", "token ghp_bad")
	if resp.StatusCode != 401 || !strings.Contains(string(body), `"message": "Bad credentials"`) {
		t.Errorf("bad token: %d %s", resp.StatusCode, body)
	}
	get(t, s.URL()+"/rate_limit")
	if s.Counted() != 2 {
		t.Errorf("counted = %d, want 2 (304, 401 and /rate_limit are free)", s.Counted())
	}

	reset := time.Now().Add(10 * time.Minute)
	s.SetRemaining("core", 0, reset)
	resp, body = get(t, s.URL()+"/users/bob-dev")
	if resp.StatusCode != 403 || resp.Header.Get("X-RateLimit-Remaining") != "0" || resp.Header.Get("X-RateLimit-Reset") != strconv.FormatInt(reset.Unix(), 10) ||
		!strings.Contains(string(body), "API rate limit exceeded") {
		t.Errorf("exhausted: %d %v %s", resp.StatusCode, resp.Header, body)
	}
	s.RateLimitStatus(429)
	if resp, _ := get(t, s.URL()+"/users/bob-dev"); resp.StatusCode != 429 {
		t.Errorf("status = %d, want 429", resp.StatusCode)
	}
	// Search has its own limit.
	if resp, _ := get(t, s.URL()+"/search/issues?q=type:pr+author:bob-dev"); resp.StatusCode != 200 || resp.Header.Get("X-RateLimit-Resource") != "search" {
		t.Errorf("search = %d", resp.StatusCode)
	}
}

func TestTreeOrderModesAndEmptyRepo(t *testing.T) {
	s := setup(t)
	_, body := get(t, s.URL()+"/repos/bob-dev/rails-blog/git/trees/main?recursive=1")
	var tree struct {
		Tree []struct {
			Path, Mode, Type string
			Size             *int
		}
		Truncated bool
	}
	if err := json.Unmarshal(body, &tree); err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range tree.Tree {
		got = append(got, e.Path+" "+e.Mode+" "+e.Type)
	}
	want := []string{
		"Gemfile 100644 blob", "README 120000 blob",
		"app.rb 100644 blob", // "app.rb" < "app/" in git's order
		"app 040000 tree", "app/controllers 040000 tree", "app/controllers/posts.rb 100644 blob", "app/models 040000 tree", "app/models/post.rb 100644 blob",
		"bin 040000 tree", "bin/rails 100755 blob",
		"config 040000 tree", "config/credentials.yml.enc 100644 blob",
		"test 040000 tree", "test/models 040000 tree", "test/models/post_test.rb 100644 blob",
	}
	if !reflect.DeepEqual(got, want) || tree.Truncated {
		t.Errorf("tree =\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	for _, p := range []string{"/repos/bob-dev/empty/git/trees/main", "/repos/bob-dev/empty/commits"} {
		resp, body := get(t, s.URL()+p)
		if resp.StatusCode != 409 || !strings.Contains(string(body), "Git Repository is empty.") {
			t.Errorf("%s = %d %s", p, resp.StatusCode, body)
		}
	}
}

func TestCommitsShape(t *testing.T) {
	s := setup(t)
	_, body := get(t, s.URL()+"/repos/bob-dev/rails-blog/commits?sha=main&per_page=2")
	var items []struct {
		SHA    string
		Commit struct {
			Author  struct{ Name, Email, Date string }
			Message string
		}
		Author  *struct{ Login string }
		Parents []struct{ SHA string }
	}
	if err := json.Unmarshal(body, &items); err != nil || len(items) != 2 {
		t.Fatalf("%v: %s", err, body)
	}
	if items[0].Author == nil || items[0].Author.Login != "bob-dev" || items[0].Commit.Author.Date != "2025-03-01T10:00:00Z" || len(items[0].Parents) != 1 || items[0].Parents[0].SHA != items[1].SHA {
		t.Errorf("newest commit = %+v", items[0])
	}
	_, body = get(t, s.URL()+"/repos/bob-dev/rails-blog/commits?sha=main&per_page=2&page=2")
	_ = json.Unmarshal(body, &items)
	// An email GitHub cannot match to an account gives "author": null.
	if len(items) != 1 || items[0].Author != nil || len(items[0].Parents) != 0 || !strings.Contains(string(body), `"author": null`) {
		t.Errorf("root commit = %s", body)
	}
}

func TestTarballRedirectsToCodeload(t *testing.T) {
	s := setup(t)
	resp, _ := get(t, s.URL()+"/api/v3/repos/bob-dev/rails-blog/tarball/main")
	loc := resp.Header.Get("Location")
	if resp.StatusCode != 302 || !strings.HasPrefix(loc, s.Codeload.URL+"/bob-dev/rails-blog/legacy.tar.gz/refs/heads/main") {
		t.Fatalf("tarball = %d %s", resp.StatusCode, loc)
	}
	arch, err := http.Get(loc)
	if err != nil {
		t.Fatal(err)
	}
	defer arch.Body.Close()
	gz, err := gzip.NewReader(arch.Body)
	if err != nil {
		t.Fatal(err)
	}
	tr := tar.NewReader(gz)
	var names []string
	var comment string
	for {
		h, err := tr.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		if h.Typeflag == tar.TypeXGlobalHeader {
			comment = h.PAXRecords["comment"]
			continue
		}
		names = append(names, h.Name)
	}
	sha := ""
	for _, r := range s.repos {
		if r.Name == "rails-blog" {
			sha = r.HeadSHA()
		}
	}
	top := "bob-dev-rails-blog-" + sha[:7] + "/"
	if comment != sha || names[0] != top {
		t.Errorf("comment %q, first entry %q; want %s and %s", comment, names[0], sha, top)
	}
	joined := strings.Join(names, " ")
	if strings.Contains(joined, "credentials.yml.enc") || !strings.Contains(joined, top+"bin/rails") || !strings.Contains(joined, top+"README") {
		t.Errorf("entries = %v", names)
	}
	var codeload []Request
	for _, r := range s.Requests() {
		if r.Codeload {
			codeload = append(codeload, r)
		}
	}
	if len(codeload) != 1 || codeload[0].Counted || codeload[0].Auth {
		t.Errorf("codeload log = %+v", codeload)
	}
}

func TestFaultsAndSearch(t *testing.T) {
	s := setup(t)
	s.AddUser(User{Login: "rails", Type: "Organization"})
	s.users["bob-dev"].PullRequests = []PullRequest{{Repo: "rails/rails", Number: 50000, Title: "Fix docs", CreatedAt: day}}
	s.AddFault(Fault{Path: "/repos/bob-dev/*/commits", Status: 502, Times: 1})
	s.AddFault(Fault{Path: "/search/issues", Status: 403, Message: "You have exceeded a secondary rate limit.", DocumentationURL: "https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits", RetryAfter: 30, Times: 1})
	if resp, _ := get(t, s.URL()+"/repos/bob-dev/rails-blog/commits"); resp.StatusCode != 502 {
		t.Errorf("first = %d, want 502", resp.StatusCode)
	}
	if resp, _ := get(t, s.URL()+"/repos/bob-dev/rails-blog/commits"); resp.StatusCode != 200 {
		t.Errorf("second = %d, want 200 (Times: 1)", resp.StatusCode)
	}
	resp, body := get(t, s.URL()+"/search/issues?q=type:pr+author:bob-dev+-user:bob-dev")
	if resp.StatusCode != 403 || resp.Header.Get("Retry-After") != "30" || !strings.Contains(string(body), "secondary-rate-limits") {
		t.Errorf("secondary limit = %d %v %s", resp.StatusCode, resp.Header.Get("Retry-After"), body)
	}
	_, body = get(t, s.URL()+"/search/issues?q=type:pr+author:bob-dev+-user:bob-dev")
	var res struct {
		TotalCount int `json:"total_count"`
		Items      []struct {
			RepositoryURL string                `json:"repository_url"`
			PullRequest   *struct{ URL string } `json:"pull_request"`
		}
	}
	if err := json.Unmarshal(body, &res); err != nil || res.TotalCount != 1 || res.Items[0].RepositoryURL != s.URL()+"/repos/rails/rails" || res.Items[0].PullRequest == nil {
		t.Errorf("search = %s", body)
	}
	if resp, _ := get(t, s.URL()+"/search/issues?q=author:no-such-user"); resp.StatusCode != 422 {
		t.Errorf("unknown author = %d, want 422", resp.StatusCode)
	}
	if n := s.Calls("/repos/bob-dev/*/commits"); n != 2 {
		t.Errorf("Calls = %d", n)
	}
}
