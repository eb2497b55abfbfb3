package github

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"os"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/pathway-dev/pathway/internal/githubtest"
	"github.com/pathway-dev/pathway/internal/snapshot"
)

func TestSnapshotReadsProfileReposFilesAndHistory(t *testing.T) {
	f := fake(t)
	s := newSource(t, f, "")
	snap := audit(t, s, "Ana-Lima", snapshot.Options{})

	p := snap.Profile
	if p.Kind != "github-user" || !p.Known || p.Type != "User" || p.Login != "ana-lima" {
		t.Errorf("profile identity = %+v", p)
	}
	if p.Name != "Ana Lima" || p.Location != "Lisbon" || p.Blog != "https://ana.dev" || p.Followers != 12 || p.PublicRepos != 3 {
		t.Errorf("profile fields = %+v", p)
	}
	if p.Hireable == nil || !*p.Hireable || p.Company != "" || !p.CreatedAt.Equal(time.Date(2022, 1, 5, 9, 30, 0, 0, time.UTC)) {
		t.Errorf("hireable/company/created = %v %q %v", p.Hireable, p.Company, p.CreatedAt)
	}
	// Three pull requests on other people's repositories; the one on her
	// own repository is left out by -user:.
	if p.ExternalPRs == nil || *p.ExternalPRs != 3 {
		t.Errorf("ExternalPRs = %v, want 3", p.ExternalPRs)
	}
	if want := []string{"encode/django-rest-framework", "expressjs/express"}; !reflect.DeepEqual(p.ExternalPRRepos, want) {
		t.Errorf("ExternalPRRepos = %v, want %v", p.ExternalPRRepos, want)
	}

	// Most recently pushed first.
	var names []string
	for _, r := range snap.Repos {
		names = append(names, r.Name)
	}
	if want := []string{"shop-api", "django-blog", "library"}; !reflect.DeepEqual(names, want) {
		t.Fatalf("repo order = %v, want %v", names, want)
	}

	d := repoNamed(t, snap, "django-blog")
	if d.FullName != "ana-lima/django-blog" || d.Owner != "ana-lima" || d.License != "MIT" || d.HostLanguage != "Python" ||
		d.DefaultBranch != "main" || d.Homepage != "https://blog.ana.dev" || d.Stars != 3 || d.SizeKB == 0 {
		t.Errorf("django-blog metadata = %+v", d)
	}
	if !reflect.DeepEqual(d.Topics, []string{"django", "postgresql", "rest-api"}) {
		t.Errorf("topics = %v", d.Topics)
	}
	if !d.PushedAt.Equal(now.AddDate(0, 0, -3)) || d.HTMLURL != f.URL()+"/ana-lima/django-blog" {
		t.Errorf("pushed/html = %v %s", d.PushedAt, d.HTMLURL)
	}
	if !slices.IsSortedFunc(d.Files, func(a, b snapshot.File) int { return strings.Compare(a.Path, b.Path) }) {
		t.Error("files are not sorted by path")
	}
	if f, ok := d.File("manage.py"); !ok || f.Kind != "blob" || !f.Executable || f.Size == 0 {
		t.Errorf("manage.py = %+v, %v", f, ok)
	}
	if f, ok := d.File("docs/README.md"); !ok || f.Kind != "symlink" {
		t.Errorf("symlink = %+v, %v", f, ok)
	}
	if f, ok := d.File("themes/minimal"); !ok || f.Kind != "submodule" {
		t.Errorf("submodule = %+v, %v", f, ok)
	}
	if d.Has("blog") || d.Has("blog/migrations") {
		t.Error("directories must not be listed as files")
	}
	// The export-ignore'd file is in the tree but has no content.
	if !d.Has("docs/architecture.md") {
		t.Error("export-ignored file missing from the tree")
	}
	if _, err := d.Read("docs/architecture.md"); !errors.Is(err, snapshot.ErrNotFetched) {
		t.Errorf("export-ignored file read: %v, want ErrNotFetched", err)
	}
	if _, err := d.Read("static/logo.png"); !errors.Is(err, snapshot.ErrNotFetched) {
		t.Errorf("binary file read: %v, want ErrNotFetched", err)
	}
	want, _ := os.ReadFile("testdata/django-blog/blog/tests.py")
	if got, err := d.Read("blog/tests.py"); err != nil || string(got) != string(want) {
		t.Errorf("blog/tests.py = %q, %v", got, err)
	}
	if got, err := d.Read("blog/__init__.py"); err != nil || len(got) != 0 {
		t.Errorf("empty file = %q, %v; want empty content", got, err)
	}
	if !d.ContentsKnown || !d.HistoryKnown || d.Unavailable != "" || len(d.Warnings) != 0 {
		t.Errorf("known=%v history=%v unavailable=%q warnings=%v", d.ContentsKnown, d.HistoryKnown, d.Unavailable, d.Warnings)
	}
	if d.CommitsTotal != 42 || len(d.Commits) != 42 {
		t.Errorf("commits = %d, total %d; want 42", len(d.Commits), d.CommitsTotal)
	}
	c := d.Commits[0]
	if c.SHA != d.HeadSHA || c.AuthorName != "Ana Lima" || c.AuthorEmail != "ana@example.com" || c.AuthorLogin != "ana-lima" ||
		c.CommitterLogin != "ana-lima" || !c.AuthorDate.Equal(now.AddDate(0, 0, -3)) || c.Parents != 1 || c.Message == "" {
		t.Errorf("newest commit = %+v", c)
	}
	if last := d.Commits[41]; last.Message != "Initial commit" || last.Parents != 0 {
		t.Errorf("oldest commit = %+v", last)
	}

	shop := repoNamed(t, snap, "shop-api")
	if shop.License != "" {
		t.Errorf("NOASSERTION license = %q, want empty", shop.License)
	}
	if shop.CommitsTotal != 250 || len(shop.Commits) != 100 {
		t.Errorf("shop-api commits = %d, total %d; want 100 of 250", len(shop.Commits), shop.CommitsTotal)
	}
	lib := repoNamed(t, snap, "library")
	if lib.CommitsTotal != 100 || lib.Commits[0].AuthorLogin != "" {
		t.Errorf("library total = %d, unmatched author login = %q", lib.CommitsTotal, lib.Commits[0].AuthorLogin)
	}
	if len(snap.Warnings) != 0 || snap.Partial {
		t.Errorf("warnings = %v, partial = %v", snap.Warnings, snap.Partial)
	}
}

func TestRequestsPerRepository(t *testing.T) {
	f := fake(t)
	// A fork and an empty repository cost nothing beyond the listing.
	f.AddRepo(githubtest.Repo{Owner: "ana-lima", Name: "flask", Fork: true, Files: map[string]string{"setup.py": "from setuptools import setup\n"}, Commits: githubtest.History(ana, 5, now, time.Hour)})
	f.AddRepo(githubtest.Repo{Owner: "ana-lima", Name: "rails-todo", PushedAt: now.AddDate(0, -1, 0)})
	s := newSource(t, f, "")
	snap := audit(t, s, "ana-lima", snapshot.Options{})

	if r := repoNamed(t, snap, "rails-todo"); !r.Empty || snapshot.Excluded(r, snapshot.Options{}) != "empty" {
		t.Errorf("empty repo: Empty=%v excluded=%q", r.Empty, snapshot.Excluded(r, snapshot.Options{}))
	}
	if r := repoNamed(t, snap, "flask"); snapshot.Excluded(r, snapshot.Options{}) != "fork" || r.ContentsKnown || len(r.Files) != 0 {
		t.Errorf("fork fetched: %+v", r)
	}
	perRepo := map[string]int{}
	for _, r := range f.Requests() {
		if r.Codeload || !strings.HasPrefix(r.Path, "/repos/") && !strings.HasPrefix(r.Path, "/repositories/") {
			continue
		}
		name := strings.Split(r.Path, "/")[3]
		if strings.HasPrefix(r.Path, "/repositories/") {
			name = "shop-api" // the commits Link points at the id; only shop-api has a second page
		}
		perRepo[name]++
	}
	// django-blog: its archive leaves out an export-ignore'd file, so the
	// tree is needed; shop-api: 250 commits, the last page gives the
	// total; library: exactly 100 commits, one page.
	want := map[string]int{"django-blog": 3, "library": 2, "shop-api": 3}
	if !reflect.DeepEqual(perRepo, want) {
		t.Errorf("requests per repository = %v, want %v", perRepo, want)
	}
	// Users.Get + one listing page + one search.
	if n := f.Calls("/users/ana-lima") + f.Calls("/users/ana-lima/repos") + f.Calls("/search/issues"); n != 3 {
		t.Errorf("per-user requests = %d, want 3", n)
	}
	if got, counted := s.Requests(), f.Counted(); got != 11 || counted != 11 {
		t.Errorf("Requests() = %d, fake counted %d; want 11", got, counted)
	}
	if f.Calls("/repos/ana-lima/django-blog/git/trees/main") != 1 || f.Calls("/repos/ana-lima/shop-api/git/trees/*") != 0 ||
		f.Calls("/repos/ana-lima/library/git/trees/*") != 0 {
		t.Error("the tree must be fetched only for the repository whose archive is not the whole tree")
	}
	for _, r := range f.Requests() {
		if r.Path == "/repos/ana-lima/shop-api/commits" && (r.Query.Get("per_page") != "100" || r.Query.Get("sha") != "main") {
			t.Errorf("commits query = %v", r.Query)
		}
		if strings.HasSuffix(r.Path, "/git/trees/main") && r.Query.Get("recursive") == "" {
			t.Errorf("tree not recursive: %v", r.Query)
		}
	}
}

func TestCommitTotalsAtPageBoundaries(t *testing.T) {
	for _, n := range []int{1, 99, 100, 101, 200, 201} {
		t.Run(fmt.Sprint(n), func(t *testing.T) {
			f := githubtest.New(t)
			f.AddUser(githubtest.User{Login: "ana-lima"})
			f.AddRepo(plainRepo("ana-lima", 1, now))
			r := plainRepo("ana-lima", 2, now)
			r.Commits = githubtest.History(ana, n, now, time.Hour)
			f.AddRepo(r)
			snap := audit(t, newSource(t, f, ""), "ana-lima", snapshot.Options{})
			got := repoNamed(t, snap, r.Name)
			if got.CommitsTotal != n || len(got.Commits) != min(n, 100) {
				t.Errorf("%d commits: total %d, listed %d", n, got.CommitsTotal, len(got.Commits))
			}
		})
	}
}

func TestPaginationOverManyRepositories(t *testing.T) {
	f := githubtest.New(t)
	f.AddUser(githubtest.User{Login: "forkful"})
	// 230 repositories: mostly forks of tutorials, every eighth her own.
	own := 0
	for i := range 230 {
		r := plainRepo("forkful", i, now.Add(-time.Duration(i)*time.Hour))
		r.Fork = i%8 != 0
		if !r.Fork {
			own++
		}
		f.AddRepo(r)
	}
	f.AddToken("ghp_forkful")
	s := newSource(t, f, "ghp_forkful")
	snap := audit(t, s, "forkful", snapshot.Options{})
	if len(snap.Repos) != 230 {
		t.Fatalf("listed %d repositories, want 230", len(snap.Repos))
	}
	for i, r := range snap.Repos {
		if want := fmt.Sprintf("gin-service-%03d", i); r.Name != want {
			t.Fatalf("repo %d = %s, want %s (pushed_at order)", i, r.Name, want)
		}
		if fetched := r.HistoryKnown; fetched != !r.Fork {
			t.Fatalf("%s: fork=%v but fetched=%v", r.Name, r.Fork, fetched)
		}
	}
	var pages []string
	for _, r := range f.Requests() {
		if strings.HasSuffix(r.Path, "/repos") {
			if r.Query.Get("per_page") != "100" || r.Query.Get("type") != "owner" || r.Query.Get("sort") != "pushed" {
				t.Errorf("listing query = %v", r.Query)
			}
			pages = append(pages, r.Path+"?page="+r.Query.Get("page"))
		}
	}
	// Pages 2 and 3 come from the rel="next" links of the previous page.
	if want := []string{"/users/forkful/repos?page=", "/users/forkful/repos?page=2", "/users/forkful/repos?page=3"}; !reflect.DeepEqual(pages, want) {
		t.Errorf("listing pages = %v", pages)
	}
	// Users.Get, three pages, one search; two per own repository.
	if got, want := s.Requests(), 5+2*own; got != want || f.Counted() != want {
		t.Errorf("requests = %d (fake counted %d), want %d", got, f.Counted(), want)
	}
}

func TestUserNotFound(t *testing.T) {
	f := fake(t)
	_, err := newSource(t, f, "").Snapshot(context.Background(), "ghost-user", snapshot.Options{})
	if !errors.Is(err, snapshot.ErrNotFound) || !strings.Contains(err.Error(), `GitHub user "ghost-user" not found`) {
		t.Fatalf("err = %v", err)
	}
	if n := len(f.Requests()); n != 1 {
		t.Errorf("requests after a 404 user = %d, want 1", n)
	}
}

func TestInvalidLoginMakesNoRequest(t *testing.T) {
	f := fake(t)
	s := newSource(t, f, "")
	for _, login := range []string{"", "-ana", "ana-", "ana--lima", "ana lima", "ana/../admin", "ana_lima", strings.Repeat("a", 40), "ánä"} {
		_, err := s.Snapshot(context.Background(), login, snapshot.Options{})
		if !errors.Is(err, snapshot.ErrInvalidSubject) || !strings.Contains(err.Error(), "not a valid GitHub login") {
			t.Errorf("%q: err = %v", login, err)
		}
		if _, err := s.Profile(context.Background(), login); !errors.Is(err, snapshot.ErrInvalidSubject) {
			t.Errorf("Profile(%q): err = %v", login, err)
		}
	}
	if n := len(f.Requests()); n != 0 {
		t.Errorf("%d requests made for invalid logins", n)
	}
}

func TestValidLogin(t *testing.T) {
	for login, want := range map[string]bool{
		"octocat": true, "a": true, "ana-lima": true, "A1-b2-C3": true, strings.Repeat("z", 39): true,
		"": false, "-a": false, "a-": false, "a--b": false, "a.b": false, "a_b": false, strings.Repeat("z", 40): false,
	} {
		if got := ValidLogin(login); got != want {
			t.Errorf("ValidLogin(%q) = %v, want %v", login, got, want)
		}
	}
}

func TestOrganization(t *testing.T) {
	f := githubtest.New(t)
	f.AddUser(githubtest.User{Login: "acme-labs", Type: "Organization", Name: "Acme Labs"})
	f.AddRepo(plainRepo("acme-labs", 1, now))
	s := newSource(t, f, "")
	snap := audit(t, s, "acme-labs", snapshot.Options{})
	if snap.Profile.Type != "Organization" || len(snap.Repos) != 1 || !snap.Repos[0].ContentsKnown {
		t.Fatalf("profile %+v, repos %d", snap.Profile, len(snap.Repos))
	}
	if len(snap.Warnings) != 1 || !strings.Contains(snap.Warnings[0], "organization") {
		t.Errorf("warnings = %v", snap.Warnings)
	}
	if snap.Profile.ExternalPRs != nil || f.Calls("/search/issues") != 0 {
		t.Errorf("an organization's pull requests were searched")
	}
}

func TestEmptyRepositoryAnswering409(t *testing.T) {
	f := fake(t)
	// GitHub can report a size for a repository whose pushes were all
	// deleted: the tree request then answers 409.
	f.AddRepo(githubtest.Repo{Owner: "ana-lima", Name: "laravel-shop", SizeKB: 12, PushedAt: now})
	s := newSource(t, f, "")
	snap := audit(t, s, "ana-lima", snapshot.Options{})
	r := repoNamed(t, snap, "laravel-shop")
	if !r.Empty || len(r.Warnings) != 0 || r.Unavailable != "" || snapshot.Excluded(r, snapshot.Options{}) != "empty" {
		t.Errorf("409 repo = %+v", r)
	}
	if n := f.Calls("/repos/ana-lima/laravel-shop/*") + f.Calls("/repos/ana-lima/laravel-shop/*/*/*"); n != 1 {
		t.Errorf("requests for the empty repo = %d, want 1", n)
	}
}

func TestMissingReadmeAndNonUTF8Readme(t *testing.T) {
	f := fake(t)
	files := expressFiles()
	delete(files, "README.md")
	f.AddRepo(githubtest.Repo{Owner: "ana-lima", Name: "no-readme", Files: files, Commits: githubtest.History(ana, 2, now, time.Hour)})
	latin1 := "# Gestão de Clientes\n\nAPI em Flask para gestão de clientes.\n"
	var b []byte
	for _, r := range latin1 {
		b = append(b, byte(r)) // ISO-8859-1: one byte per rune, 0xe3 for ã
	}
	f.AddRepo(githubtest.Repo{Owner: "ana-lima", Name: "flask-clientes", Files: map[string]string{
		"README.md": string(b), "app.py": "from flask import Flask\napp = Flask(__name__)\n", "requirements.txt": "Flask==3.0.3\n",
	}, Commits: githubtest.History(ana, 2, now, time.Hour)})

	snap := audit(t, newSource(t, f, ""), "ana-lima", snapshot.Options{})
	nr := repoNamed(t, snap, "no-readme")
	if nr.Has("README.md") || !nr.ContentsKnown || len(nr.Warnings) != 0 {
		t.Errorf("no-readme: has README=%v known=%v warnings=%v", nr.Has("README.md"), nr.ContentsKnown, nr.Warnings)
	}
	if _, err := nr.Read("package.json"); err != nil {
		t.Errorf("package.json: %v", err)
	}
	fr := repoNamed(t, snap, "flask-clientes")
	got, err := fr.Read("README.md")
	if err != nil || string(got) != string(b) {
		t.Errorf("latin-1 README = %q, %v; want the bytes unchanged", got, err)
	}
	if _, err := json.Marshal(snap); err != nil {
		t.Errorf("snapshot with a latin-1 README does not marshal: %v", err)
	}
}

func TestTruncatedTree(t *testing.T) {
	f := fake(t)
	r := plainRepo("ana-lima", 7, now)
	for i := range 40 {
		r.Files[fmt.Sprintf("handlers/h%02d.go", i)] = fmt.Sprintf("package handlers\n\n// H%d handles route %d.\nfunc H%d() {}\n", i, i, i)
	}
	r.Truncated = true
	// The tree is only asked for when the archive is not the whole tree.
	r.Files[".gitattributes"] = "/docs export-ignore\n"
	r.Files["docs/api.md"] = "# API\n\nGET /health\n"
	r.ExportIgnore = []string{"docs/api.md"}
	f.AddRepo(r)
	snap := audit(t, newSource(t, f, ""), "ana-lima", snapshot.Options{})
	got := repoNamed(t, snap, r.Name)
	if !got.TreeTruncated || len(got.Warnings) != 1 || !strings.Contains(got.Warnings[0], "truncated") {
		t.Fatalf("truncated=%v warnings=%v", got.TreeTruncated, got.Warnings)
	}
	// The archive completes the list the truncated tree cut short.
	for p := range r.Files {
		if p == "docs/api.md" {
			continue // neither in the archive nor, here, in the tree's first half
		}
		if !got.Has(p) {
			t.Errorf("%s missing from the file list", p)
		}
		if _, err := got.Read(p); err != nil {
			t.Errorf("%s: %v", p, err)
		}
	}
}

func TestBadCredentials(t *testing.T) {
	f := fake(t)
	f.AddToken("ghp_goodtoken0000000000000000000000000000")
	token := "ghp_revoked1111111111111111111111111111111"
	_, err := newSource(t, f, token).Snapshot(context.Background(), "ana-lima", snapshot.Options{})
	if !errors.Is(err, snapshot.ErrBadCredentials) || !strings.Contains(err.Error(), "GITHUB_TOKEN") {
		t.Fatalf("err = %v", err)
	}
	if strings.Contains(err.Error(), token) {
		t.Errorf("token in error: %v", err)
	}
}

func TestServerErrorOnOneRepository(t *testing.T) {
	f := fake(t)
	// shop-api: the archive link fails on every attempt.
	f.AddFault(githubtest.Fault{Path: "/repos/ana-lima/shop-api/tarball/*", Status: 502, Message: "Server Error"})
	// library: nothing can be read at all.
	f.AddFault(githubtest.Fault{Path: "/repos/ana-lima/library/*", Status: 503})
	f.AddFault(githubtest.Fault{Path: "/repos/ana-lima/library/*/*/*", Status: 503})
	f.AddFault(githubtest.Fault{Path: "/repos/ana-lima/library/tarball/*", Status: 503})
	s := newSource(t, f, "")
	snap := audit(t, s, "ana-lima", snapshot.Options{})

	shop := repoNamed(t, snap, "shop-api")
	if len(shop.Warnings) != 2 || !strings.Contains(shop.Warnings[0], "archive") || !strings.Contains(shop.Warnings[0], "502") ||
		!strings.Contains(shop.Warnings[1], "at least 201 commits") {
		t.Errorf("shop-api warnings = %v", shop.Warnings)
	}
	// Without the archive the tree still gives the files; the history is
	// read, its total a lower bound since the tree took the third request.
	if shop.Unavailable != "" || shop.ContentsKnown || !shop.Has("src/index.ts") || shop.CommitsTotal != 201 || !shop.HistoryKnown {
		t.Errorf("shop-api = unavailable %q, contents %v, files %d, total %d", shop.Unavailable, shop.ContentsKnown, len(shop.Files), shop.CommitsTotal)
	}
	if n := f.Calls("/repos/ana-lima/shop-api/tarball/main"); n != 1+s.retries {
		t.Errorf("archive link asked %d times, want 1 + %d retries", n, s.retries)
	}
	lib := repoNamed(t, snap, "library")
	if lib.Unavailable == "" || !strings.Contains(lib.Unavailable, "503") || snapshot.Excluded(lib, snapshot.Options{}) != "" {
		t.Errorf("library unavailable = %q", lib.Unavailable)
	}
	d := repoNamed(t, snap, "django-blog")
	if len(d.Warnings) != 0 || !d.ContentsKnown || !d.HistoryKnown {
		t.Errorf("django-blog affected: %v", d.Warnings)
	}
	// Server errors are not charged: the fake and the source agree.
	if s.Requests() != f.Counted() {
		t.Errorf("Requests() = %d, fake counted %d", s.Requests(), f.Counted())
	}
}

func TestLegalBlockAndBadArchive(t *testing.T) {
	f := fake(t)
	f.AddFault(githubtest.Fault{Path: "/repos/ana-lima/library/commits", Status: 451, Message: "Repository access blocked"})
	f.AddRepo(githubtest.Repo{Owner: "ana-lima", Name: "corrupt", Files: expressFiles(), CorruptArchive: true, Commits: githubtest.History(ana, 3, now, time.Hour)})
	snap := audit(t, newSource(t, f, ""), "ana-lima", snapshot.Options{})
	lib := repoNamed(t, snap, "library")
	if lib.HistoryKnown || lib.CommitsTotal != -1 || len(lib.Warnings) != 1 || !strings.Contains(lib.Warnings[0], "451") {
		t.Errorf("library: history %v total %d warnings %v", lib.HistoryKnown, lib.CommitsTotal, lib.Warnings)
	}
	c := repoNamed(t, snap, "corrupt")
	if c.ContentsKnown || len(c.Files) == 0 || !c.HistoryKnown || len(c.Warnings) != 1 || !strings.Contains(c.Warnings[0], "gzip") {
		t.Errorf("corrupt archive: contents %v files %d warnings %v", c.ContentsKnown, len(c.Files), c.Warnings)
	}
}

func TestHostUnreachable(t *testing.T) {
	f := githubtest.Start()
	f.Close()
	token := "ghp_unreachable000000000000000000000000000"
	s := newSource(t, f, token)
	_, err := s.Snapshot(context.Background(), "ana-lima", snapshot.Options{})
	host := strings.TrimPrefix(f.URL(), "http://")
	if err == nil || !strings.Contains(err.Error(), "cannot reach") || !strings.Contains(err.Error(), host) {
		t.Fatalf("err = %v, want it to name %s", err, host)
	}
	if errors.Is(err, snapshot.ErrNotFound) || strings.Contains(err.Error(), token) {
		t.Errorf("err = %v", err)
	}
	if s.Host() != host {
		t.Errorf("Host() = %q, want %q", s.Host(), host)
	}
}

func TestTokenOnlyToAPIHostAndNeverInMessages(t *testing.T) {
	f := fake(t)
	token := "ghp_s3cr3tT0k3nValue9999999999999999999999"
	f.AddToken(token)
	// A misbehaving server that echoes the token must not leak it.
	f.AddFault(githubtest.Fault{Path: "/repos/ana-lima/library/commits", Status: 500, Message: "internal error for Bearer " + token})
	f.AddFault(githubtest.Fault{Path: "/search/issues", Status: 422, Message: "Validation Failed for " + token})
	f.AddFault(githubtest.Fault{Path: "/ana-lima/shop-api/legacy.tar.gz/*/*/*", Codeload: true, Status: 502})
	s := newSource(t, f, token)
	snap := audit(t, s, "ana-lima", snapshot.Options{})

	var api, codeload int
	for _, r := range f.Requests() {
		if r.Codeload {
			codeload++
			if r.Auth {
				t.Errorf("Authorization sent to the codeload host: %s %s", r.Host, r.Path)
			}
			continue
		}
		api++
		if !r.Auth {
			t.Errorf("no Authorization on API request %s", r.Path)
		}
	}
	// shop-api's download is tried 1 + 3 times.
	if api == 0 || codeload != 2+1+s.retries {
		t.Errorf("api requests %d, codeload requests %d (want %d)", api, codeload, 3+s.retries)
	}
	if snap.Profile.ExternalPRs != nil || len(snap.Warnings) != 1 {
		t.Errorf("search 422: ExternalPRs=%v warnings=%v", snap.Profile.ExternalPRs, snap.Warnings)
	}
	out, err := json.Marshal(snap)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(out), token) {
		t.Errorf("token found in the snapshot: %s", out)
	}
	if !strings.Contains(string(out), "[redacted]") {
		t.Errorf("the echoed token was not visibly redacted")
	}
	if w := repoNamed(t, snap, "shop-api").Warnings; len(w) != 2 || !strings.Contains(w[0], "archive") {
		t.Errorf("shop-api codeload failure warnings = %v", w)
	}
	// Errors too: rate limit, not found.
	f.SetRemaining("core", 0, time.Now().Add(20*time.Minute))
	_, err = s.Snapshot(context.Background(), "ana-lima", snapshot.Options{})
	if err == nil || strings.Contains(err.Error(), token) {
		t.Errorf("rate-limit error = %v", err)
	}
}

func TestRateLimitExhaustedBeforeStart(t *testing.T) {
	for _, code := range []int{403, 429} {
		t.Run(fmt.Sprint(code), func(t *testing.T) {
			f := fake(t)
			f.RateLimitStatus(code)
			reset := time.Now().Add(17 * time.Minute).Truncate(time.Second)
			f.SetRemaining("core", 0, reset)
			_, err := newSource(t, f, "").Snapshot(context.Background(), "ana-lima", snapshot.Options{})
			if !errors.Is(err, snapshot.ErrRateLimited) {
				t.Fatalf("err = %v, want ErrRateLimited", err)
			}
			if want := reset.UTC().Format("15:04:05 UTC"); !strings.Contains(err.Error(), want) || !strings.Contains(err.Error(), "GITHUB_TOKEN") {
				t.Errorf("err = %v, want the reset time %s and a token hint", err, want)
			}
		})
	}
}

func TestRateLimitMidAuditMarksPartial(t *testing.T) {
	f := githubtest.New(t)
	f.AddUser(githubtest.User{Login: "ana-lima"})
	for i := range 8 {
		f.AddRepo(plainRepo("ana-lima", i, now.Add(-time.Duration(i)*time.Hour)))
	}
	// User and listing, then two repositories' worth (search has its own limit).
	f.SetLimit(2+6, 5000)
	s, err := New(Config{APIURL: f.URL(), Concurrency: 1})
	if err != nil {
		t.Fatal(err)
	}
	snap := audit(t, s, "ana-lima", snapshot.Options{})
	// Said up front, then when it happened.
	if !snap.Partial || len(snap.Warnings) != 2 || !strings.Contains(snap.Warnings[0], "need at least 16 GitHub API requests but only 6 are left") ||
		!strings.Contains(snap.Warnings[1], "rate limit") || !strings.Contains(snap.Warnings[1], "5 of 8") {
		t.Fatalf("partial=%v warnings=%q", snap.Partial, snap.Warnings)
	}
	for i, r := range snap.Repos {
		fetched := r.Unavailable == "" && r.HistoryKnown && r.ContentsKnown
		if fetched != (i < 3) {
			t.Errorf("%s: fetched=%v unavailable=%q", r.Name, fetched, r.Unavailable)
		}
		if !fetched && (!strings.HasPrefix(r.Unavailable, "rate limited: retry after ") || len(r.Files) != 0 || r.HistoryKnown) {
			t.Errorf("%s: unavailable=%q files=%d", r.Name, r.Unavailable, len(r.Files))
		}
	}
	// User, listing, search (its own limit) and three repositories.
	if s.Requests() != 9 || f.Counted() != 9 {
		t.Errorf("requests = %d, fake counted %d; want 9", s.Requests(), f.Counted())
	}
	// The refusals of gin-service-003 are the last requests sent.
	for _, r := range f.Requests() {
		if strings.Contains(r.Path, "gin-service-004") || strings.Contains(r.Path, "gin-service-007") {
			t.Errorf("fetching went on after the rate limit: %s", r.Path)
		}
	}
}

func TestForksArchivedAndMaxRepos(t *testing.T) {
	f := fake(t)
	fork := plainRepo("ana-lima", 1, now.Add(time.Hour))
	fork.Fork = true
	old := plainRepo("ana-lima", 2, now.Add(2*time.Hour))
	old.Archived = true
	f.AddRepo(fork)
	f.AddRepo(old)

	snap := audit(t, newSource(t, f, ""), "ana-lima", snapshot.Options{MaxRepos: 2})
	var got []string
	for _, r := range snap.Repos {
		got = append(got, fmt.Sprintf("%s:%s:%v", r.Name, snapshot.Excluded(r, snapshot.Options{}), r.HistoryKnown))
	}
	want := []string{"gin-service-002:archived:false", "gin-service-001:fork:false", "shop-api::true", "django-blog::true"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("repos = %v, want %v", got, want)
	}
	if len(snap.Warnings) != 1 || !strings.Contains(snap.Warnings[0], "2 most recently pushed of 3") {
		t.Errorf("warnings = %v", snap.Warnings)
	}
	if f.Calls("/repos/ana-lima/library/*") != 0 {
		t.Error("a repository beyond --max-repos was fetched")
	}

	opts := snapshot.Options{IncludeForks: true, IncludeArchived: true}
	snap = audit(t, newSource(t, f, ""), "ana-lima", opts)
	for _, r := range snap.Repos {
		if snapshot.Excluded(r, opts) != "" || !r.HistoryKnown {
			t.Errorf("%s not included with --include-forks --include-archived", r.Name)
		}
	}
}

func TestStableOrderWithConcurrency(t *testing.T) {
	f := githubtest.New(t)
	f.AddUser(githubtest.User{Login: "ana-lima"})
	for i := range 12 {
		f.AddRepo(plainRepo("ana-lima", i, now.Add(-time.Duration(i)*time.Minute)))
		if i%3 == 0 {
			// The first repositories answer last.
			f.AddFault(githubtest.Fault{Path: fmt.Sprintf("/repos/ana-lima/gin-service-%03d/commits", i), Delay: time.Duration(12-i) * 5 * time.Millisecond})
		}
	}
	f.AddToken("ghp_order")
	var seen []string
	run := func(conc int) string {
		s, err := New(Config{APIURL: f.URL(), Concurrency: conc, Token: "ghp_order"})
		if err != nil {
			t.Fatal(err)
		}
		seen = seen[:0]
		snap, err := s.Snapshot(context.Background(), "ana-lima", snapshot.Options{Progress: func(done, total int, repo string) {
			if total != 12 || done != len(seen)+1 {
				t.Errorf("progress %d/%d after %d calls", done, total, len(seen))
			}
			seen = append(seen, repo)
		}})
		if err != nil {
			t.Fatal(err)
		}
		b, _ := json.Marshal(snap)
		return string(b)
	}
	serial := run(1)
	for range 3 {
		if parallel := run(8); parallel != serial {
			t.Fatal("snapshot differs between concurrency 1 and 8")
		}
	}
	if len(seen) != 12 {
		t.Errorf("progress called %d times", len(seen))
	}
}

func TestProfile(t *testing.T) {
	f := fake(t)
	s := newSource(t, f, "")
	p, err := s.Profile(context.Background(), "ana-lima")
	if err != nil || p.Login != "ana-lima" || !p.Known || p.ExternalPRs == nil || *p.ExternalPRs != 3 {
		t.Fatalf("Profile = %+v, %v", p, err)
	}
	if s.Requests() != 2 {
		t.Errorf("Profile cost %d requests, want 2", s.Requests())
	}
	if _, err := s.Profile(context.Background(), "nobody-here"); !errors.Is(err, snapshot.ErrNotFound) {
		t.Errorf("missing user: %v", err)
	}
}

func TestNewAndHosts(t *testing.T) {
	for _, bad := range []string{"ftp://example.com", "://nope", "github.example.com"} {
		if _, err := New(Config{APIURL: bad}); err == nil {
			t.Errorf("New(%q) accepted a bad URL", bad)
		}
	}
	s, err := New(Config{})
	if err != nil || s.Host() != "api.github.com" || s.gh.BaseURL.String() != "https://api.github.com/" {
		t.Errorf("public: %v %s", err, s.gh.BaseURL)
	}
	s, err = New(Config{APIURL: "https://github.example.com"})
	if err != nil || s.Host() != "github.example.com" || s.gh.BaseURL.String() != "https://github.example.com/api/v3/" {
		t.Errorf("enterprise: %v %s", err, s.gh.BaseURL)
	}
	api, _ := url.Parse("https://api.github.com/")
	for raw, want := range map[string]bool{
		"https://api.github.com/users/x":    true,
		"https://API.github.com:443/x":      true,
		"http://api.github.com/x":           false,
		"https://codeload.github.com/a/b":   false,
		"https://api.github.com.evil.dev/x": false,
		"https://api.github.com:8443/x":     false,
	} {
		u, _ := url.Parse(raw)
		if got := sameOrigin(u, api); got != want {
			t.Errorf("sameOrigin(%s) = %v, want %v", raw, got, want)
		}
	}
}
