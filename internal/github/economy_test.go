package github

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/pathway-dev/pathway/internal/githubtest"
	"github.com/pathway-dev/pathway/internal/snapshot"
)

// stacks are small but realistic projects of the stacks learners pick.
var stacks = []struct {
	name, lang string
	files      map[string]string
}{
	{"django-polls", "Python", map[string]string{
		"manage.py":          "#!/usr/bin/env python\nimport os, sys\n\nif __name__ == \"__main__\":\n    os.environ.setdefault(\"DJANGO_SETTINGS_MODULE\", \"mysite.settings\")\n    from django.core.management import execute_from_command_line\n    execute_from_command_line(sys.argv)\n",
		"mysite/settings.py": "INSTALLED_APPS = [\"polls\", \"django.contrib.admin\"]\nDATABASES = {\"default\": {\"ENGINE\": \"django.db.backends.postgresql\", \"NAME\": \"polls\"}}\n",
		"polls/models.py":    "from django.db import models\n\n\nclass Question(models.Model):\n    question_text = models.CharField(max_length=200)\n    pub_date = models.DateTimeField(\"date published\")\n",
		"polls/tests.py":     "from django.test import TestCase\n\n\nclass QuestionTests(TestCase):\n    def test_str(self):\n        self.assertTrue(True)\n",
		"requirements.txt":   "Django==5.0.4\npsycopg[binary]==3.1.18\n",
		"README.md":          "# django-polls\n\nThe Django tutorial, with PostgreSQL.\n",
	}},
	{"flask-todo", "Python", map[string]string{
		"app.py":            "from flask import Flask, jsonify\n\napp = Flask(__name__)\n\n\n@app.get(\"/todos\")\ndef todos():\n    return jsonify([])\n",
		"tests/test_app.py": "from app import app\n\n\ndef test_todos():\n    assert app.test_client().get(\"/todos\").status_code == 200\n",
		"requirements.txt":  "Flask==3.0.3\npytest==8.1.1\n",
		"README.md":         "# flask-todo\n",
	}},
	{"fastapi-notes", "Python", map[string]string{
		"app/main.py":       "from fastapi import FastAPI\n\napp = FastAPI()\n\n\n@app.get(\"/notes\")\nasync def notes():\n    return []\n",
		"pyproject.toml":    "[project]\nname = \"notes\"\ndependencies = [\"fastapi>=0.110\", \"sqlalchemy>=2.0\"]\n",
		"Dockerfile":        "FROM python:3.12-slim\nCOPY . /app\nRUN pip install /app\nCMD [\"uvicorn\", \"app.main:app\"]\n",
		"tests/test_api.py": "from fastapi.testclient import TestClient\nfrom app.main import app\n\n\ndef test_notes():\n    assert TestClient(app).get(\"/notes\").json() == []\n",
	}},
	{"express-auth", "JavaScript", map[string]string{
		"package.json": "{\"name\": \"express-auth\", \"dependencies\": {\"express\": \"^4.19.2\", \"jsonwebtoken\": \"^9.0.2\"}, \"devDependencies\": {\"jest\": \"^29.7.0\"}}\n",
		"src/app.js":   "const express = require(\"express\");\nconst app = express();\napp.post(\"/login\", (req, res) => res.json({ token: \"...\" }));\nmodule.exports = app;\n",
		".gitignore":   "node_modules/\n.env\n",
		"README.md":    "# express-auth\n\nJWT login for Express.\n",
	}},
	{"nest-inventory", "TypeScript", map[string]string{
		"package.json":               "{\"name\": \"nest-inventory\", \"dependencies\": {\"@nestjs/core\": \"^10.3.0\", \"typeorm\": \"^0.3.20\"}}\n",
		"src/main.ts":                "import { NestFactory } from '@nestjs/core';\nimport { AppModule } from './app.module';\n\nasync function bootstrap() {\n  const app = await NestFactory.create(AppModule);\n  await app.listen(3000);\n}\nbootstrap();\n",
		"src/items/items.service.ts": "import { Injectable } from '@nestjs/common';\n\n@Injectable()\nexport class ItemsService {\n  findAll() { return []; }\n}\n",
		"test/app.e2e-spec.ts":       "describe('AppController (e2e)', () => { it('/ (GET)', () => undefined); });\n",
	}},
	{"spring-library", "Java", springFiles()},
	{"rails-blog", "Ruby", map[string]string{
		"Gemfile":                     "source \"https://rubygems.org\"\ngem \"rails\", \"~> 7.1\"\ngem \"pg\"\n",
		"config/routes.rb":            "Rails.application.routes.draw do\n  resources :articles\nend\n",
		"app/models/article.rb":       "class Article < ApplicationRecord\n  validates :title, presence: true\nend\n",
		"test/models/article_test.rb": "require \"test_helper\"\n\nclass ArticleTest < ActiveSupport::TestCase\nend\n",
		"bin/rails":                   "#!/usr/bin/env ruby\nAPP_PATH = File.expand_path(\"../config/application\", __dir__)\nrequire_relative \"../config/boot\"\nrequire \"rails/commands\"\n",
	}},
	{"laravel-shop", "PHP", map[string]string{
		"composer.json":                       "{\"require\": {\"php\": \"^8.2\", \"laravel/framework\": \"^11.0\"}}\n",
		"routes/api.php":                      "<?php\n\nuse Illuminate\\Support\\Facades\\Route;\n\nRoute::get('/products', fn () => []);\n",
		"app/Models/Product.php":              "<?php\n\nnamespace App\\Models;\n\nuse Illuminate\\Database\\Eloquent\\Model;\n\nclass Product extends Model {}\n",
		"tests/Feature/ProductTest.php":       "<?php\n\nnamespace Tests\\Feature;\n\nuse Tests\\TestCase;\n\nclass ProductTest extends TestCase\n{\n    public function test_list(): void { $this->get('/api/products')->assertOk(); }\n}\n",
		".github/workflows/laravel.yml":       "name: Laravel\non: [push]\njobs:\n  tests:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: composer install && php artisan test\n",
		"artisan":                             "#!/usr/bin/env php\n<?php\n// Laravel's command-line entry point\n",
		"database/migrations/2024_create.php": "<?php\n// create products table\n",
	}},
	{"gin-bookstore", "Go", map[string]string{
		"go.mod":          "module github.com/ana-lima/gin-bookstore\n\ngo 1.22\n\nrequire github.com/gin-gonic/gin v1.9.1\n",
		"main.go":         "package main\n\nimport \"github.com/gin-gonic/gin\"\n\nfunc main() {\n\tr := gin.Default()\n\tr.GET(\"/books\", listBooks)\n\t_ = r.Run()\n}\n",
		"books.go":        "package main\n\nimport \"github.com/gin-gonic/gin\"\n\nfunc listBooks(c *gin.Context) { c.JSON(200, []string{}) }\n",
		"books_test.go":   "package main\n\nimport \"testing\"\n\nfunc TestListBooks(t *testing.T) {}\n",
		"scripts/run.sh":  "#!/bin/sh\nexec go run .\n",
		"docs/openapi.md": "# Bookstore API\n",
	}},
}

// learner adds owner and n repositories cycling through the stacks, most
// recently pushed first, scripts executable as in git; edit, when given,
// changes repository i before it is added.
func learner(f *githubtest.Server, owner string, n int, edit ...func(i int, r *githubtest.Repo)) []*githubtest.Repo {
	f.AddUser(githubtest.User{Login: owner, Name: "Learner " + owner, Bio: "Backend developer in training"})
	person := githubtest.Person{Name: owner, Email: owner + "@example.com", Login: owner}
	var out []*githubtest.Repo
	for i := range n {
		st := stacks[i%len(stacks)]
		files := map[string]string{}
		for p, c := range st.files {
			files[p] = c
		}
		files["README.md"] = fmt.Sprintf("# %s (%d)\n\nA %s project.\n", st.name, i, st.lang)
		r := githubtest.Repo{
			Owner: owner, Name: fmt.Sprintf("%s-%02d", st.name, i), Language: st.lang, License: "MIT",
			Description: "A " + st.lang + " project", Topics: []string{strings.ToLower(st.lang)},
			Files:   files,
			Commits: githubtest.History(person, 3+i%17, now.Add(-time.Duration(i)*36*time.Hour), 5*time.Hour),
		}
		for p, c := range files {
			if strings.HasPrefix(c, "#!") {
				r.Executables = append(r.Executables, p)
			}
		}
		if st.name == "gin-bookstore" {
			r.Symlinks = map[string]string{"docs/README.md": "../README.md"}
		}
		for _, e := range edit {
			e(i, &r)
		}
		out = append(out, f.AddRepo(r))
	}
	return out
}

func snapshotJSON(t *testing.T, snap *snapshot.Snapshot) string {
	t.Helper()
	b, err := json.MarshalIndent(snap, "", " ")
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func cachedSource(t *testing.T, f *githubtest.Server, token, dir string) *Source {
	t.Helper()
	s, err := New(Config{APIURL: f.URL(), Token: token, CacheDir: dir})
	if err != nil {
		t.Fatal(err)
	}
	if s.cache == nil {
		t.Fatalf("cache not opened: %v", s.cacheErr)
	}
	return quick(s)
}

// perRepo counts the requests the fake saw for each repository, codeload
// downloads excluded.
func perRepo(f *githubtest.Server) map[string]int {
	out := map[string]int{}
	for _, r := range f.Requests() {
		parts := strings.Split(r.Path, "/")
		if !r.Codeload && len(parts) > 3 && parts[1] == "repos" {
			out[parts[3]]++
		}
	}
	return out
}

func TestAnonymousAuditOf25RepositoriesFitsIn60(t *testing.T) {
	f := githubtest.New(t)
	// Two with long histories (the last page gives the total) and a
	// Laravel package whose .gitattributes hides itself and the tests from
	// the archive: only the tree shows them.
	repos := learner(f, "ana-lima", 25, func(i int, r *githubtest.Repo) {
		switch i {
		case 3, 11:
			r.Commits = githubtest.History(ana, 150+i*10, r.Commits[0].Date, time.Hour)
		case 7:
			r.Files[".gitattributes"] = "* text=auto eol=lf\n/.gitattributes export-ignore\n/tests export-ignore\n/.github export-ignore\n"
			r.ExportIgnore = []string{".gitattributes", "tests/Feature/ProductTest.php", ".github/workflows/laravel.yml"}
		}
	})
	lar := repos[7]

	s := newSource(t, f, "")
	snap := audit(t, s, "ana-lima", snapshot.Options{})
	if snap.Partial || len(snap.Warnings) != 0 {
		t.Fatalf("partial=%v warnings=%v", snap.Partial, snap.Warnings)
	}
	// Per user: profile, one listing page (core) and the search (its own
	// limit). Per repository two, three for the three above.
	core := 0
	for _, r := range f.Requests() {
		if r.Counted && !strings.HasPrefix(r.Path, "/search/") {
			core++
		}
	}
	if core != 2+25*2+3 || core > 60 {
		t.Errorf("core requests = %d, want %d (at most 60)", core, 2+25*2+3)
	}
	if s.Requests() != core+1 || f.Counted() != core+1 {
		t.Errorf("Requests() = %d, fake counted %d, want %d", s.Requests(), f.Counted(), core+1)
	}
	counts := perRepo(f)
	for _, r := range repos {
		want := 2
		if r == repos[3] || r == repos[11] || r == lar {
			want = 3
		}
		if counts[r.Name] != want {
			t.Errorf("%s: %d requests, want %d", r.Name, counts[r.Name], want)
		}
	}
	left, limit, reset := s.RateRemaining()
	if limit != 60 || left != 60-core || reset.Before(time.Now()) {
		t.Errorf("RateRemaining = %d of %d until %v, want %d of 60", left, limit, reset, 60-core)
	}

	// The hidden export-ignore trap: the tree, not the archive, lists files.
	l := repoNamed(t, snap, lar.Name)
	if !l.Has("tests/Feature/ProductTest.php") || !l.Has(".github/workflows/laravel.yml") || !l.Has(".gitattributes") {
		t.Errorf("%s lost the files its archive leaves out: %v", lar.Name, l.Files)
	}
	if _, err := l.Read("tests/Feature/ProductTest.php"); err != snapshot.ErrNotFetched {
		t.Errorf("export-ignored content: %v", err)
	}
	if b, err := l.Read("composer.json"); err != nil || !bytes.Contains(b, []byte("laravel/framework")) {
		t.Errorf("composer.json = %q, %v", b, err)
	}
	for _, i := range []int{3, 11} {
		r := repoNamed(t, snap, repos[i].Name)
		if r.CommitsTotal != len(repos[i].Commits) || len(r.Warnings) != 0 {
			t.Errorf("%s: total %d, want %d; warnings %v", r.Name, r.CommitsTotal, len(repos[i].Commits), r.Warnings)
		}
	}
}

// The file list read from a trusted archive is the one the tree gives:
// paths, sizes, executable bits, symlinks.
func TestArchiveFileListMatchesTree(t *testing.T) {
	f := githubtest.New(t)
	repos := learner(f, "ana-lima", len(stacks))
	s := newSource(t, f, "")
	snap := audit(t, s, "ana-lima", snapshot.Options{})
	if n := f.Calls("/repos/ana-lima/*/git/trees/*"); n != 0 {
		t.Fatalf("%d trees fetched; every archive here is whole", n)
	}
	for _, want := range repos {
		tree, _, err := s.gh.Git.GetTree(context.Background(), "ana-lima", want.Name, "main", true)
		if err != nil {
			t.Fatal(err)
		}
		got := repoNamed(t, snap, want.Name)
		if a, b := fmt.Sprint(got.Files), fmt.Sprint(filesOf(tree)); a != b {
			t.Errorf("%s:\narchive %s\ntree    %s", want.Name, a, b)
		}
		if len(got.Contents) != len(want.Files) || !got.ContentsKnown {
			t.Errorf("%s: %d contents of %d files", want.Name, len(got.Contents), len(want.Files))
		}
	}
	gin := repoNamed(t, snap, "gin-bookstore-08")
	if fl, _ := gin.File("scripts/run.sh"); !fl.Executable {
		t.Error("scripts/run.sh lost its executable bit")
	}
	if fl, _ := gin.File("docs/README.md"); fl.Kind != "symlink" || fl.Size != int64(len("../README.md")) {
		t.Errorf("symlink = %+v", fl)
	}
}

func TestExportIgnoreWithLongHistoryGivesALowerBound(t *testing.T) {
	f := githubtest.New(t)
	r := learner(f, "ana-lima", 1, func(_ int, r *githubtest.Repo) {
		r.Files[".gitattributes"] = "/docs export-ignore\n"
		r.Files["docs/deploy.md"] = "# Deploying\n"
		r.ExportIgnore = []string{"docs/deploy.md"}
		r.Commits = githubtest.History(ana, 250, now, time.Hour)
	})[0]
	s := newSource(t, f, "")
	snap := audit(t, s, "ana-lima", snapshot.Options{})
	got := snap.Repos[0]
	if perRepo(f)[r.Name] != 3 || f.Calls("/repos/ana-lima/*/git/trees/main") != 1 {
		t.Errorf("requests = %v", perRepo(f))
	}
	if got.CommitsTotal != 201 || len(got.Commits) != 100 || len(got.Warnings) != 1 || !strings.Contains(got.Warnings[0], "at least 201 commits") {
		t.Errorf("total %d, warnings %v", got.CommitsTotal, got.Warnings)
	}
	if !got.Has("docs/deploy.md") {
		t.Error("export-ignored file missing")
	}
}

func TestWarmAuditCostsNothing(t *testing.T) {
	f := githubtest.New(t)
	learner(f, "ana-lima", 12)
	dir := t.TempDir()
	token := "ghp_warm000000000000000000000000000000000"
	f.AddToken(token)
	cold := audit(t, cachedSource(t, f, token, dir), "ana-lima", snapshot.Options{})
	if f.Counted() != 3+12*2 {
		t.Fatalf("cold audit counted %d, want %d", f.Counted(), 3+12*2)
	}

	f.ResetLog()
	s := cachedSource(t, f, token, dir)
	warm := audit(t, s, "ana-lima", snapshot.Options{})
	if snapshotJSON(t, warm) != snapshotJSON(t, cold) {
		t.Error("warm snapshot differs from the cold one")
	}
	// Profile, listing and search revalidated: three 304s, nothing counted.
	reqs := f.Requests()
	if len(reqs) != 3 || f.Counted() != 0 || s.Requests() != 0 {
		t.Errorf("warm audit: %d requests, %d counted, Requests() %d", len(reqs), f.Counted(), s.Requests())
	}
	for _, r := range reqs {
		if r.Status != 304 {
			t.Errorf("%s answered %d, want 304", r.Path, r.Status)
		}
	}

	// Files in the cache folder are hashes, and hold no token.
	name := regexp.MustCompile(`^[0-9a-f]{2}/[0-9a-f]{62}$`)
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		if !name.MatchString(filepath.ToSlash(rel)) {
			t.Errorf("cache file %s", rel)
		}
		if b, _ := os.ReadFile(p); bytes.Contains(b, []byte(token)) {
			t.Errorf("%s holds the token", rel)
		}
		return nil
	})
}

func TestWarmAuditAfterTokenChange(t *testing.T) {
	f := githubtest.New(t)
	learner(f, "ana-lima", 10)
	dir := t.TempDir()
	f.AddToken("ghp_first")
	f.AddToken("ghp_second")
	cold := audit(t, cachedSource(t, f, "ghp_first", dir), "ana-lima", snapshot.Options{})
	f.ResetLog()
	// GitHub's ETags change with the token: the user-level answers come
	// back whole, the repositories from the snapshot cache.
	s := cachedSource(t, f, "ghp_second", dir)
	warm := audit(t, s, "ana-lima", snapshot.Options{})
	if snapshotJSON(t, warm) != snapshotJSON(t, cold) {
		t.Error("snapshot differs after a token change")
	}
	if f.Counted() != 3 || s.Requests() != 3 || len(perRepo(f)) != 0 {
		t.Errorf("counted %d, Requests() %d, per repository %v; want 3 user-level requests only", f.Counted(), s.Requests(), perRepo(f))
	}
	// And anonymously after that: same again.
	f.ResetLog()
	anon := audit(t, cachedSource(t, f, "", dir), "ana-lima", snapshot.Options{})
	if snapshotJSON(t, anon) != snapshotJSON(t, cold) || f.Counted() != 3 {
		t.Errorf("anonymous warm audit: counted %d", f.Counted())
	}
}

func TestWarmAuditRefetchesOnlyWhatChanged(t *testing.T) {
	f := githubtest.New(t)
	repos := learner(f, "ana-lima", 6)
	dir := t.TempDir()
	audit(t, cachedSource(t, f, "", dir), "ana-lima", snapshot.Options{})

	// A push to one repository: new pushed_at in the listing.
	changed := *repos[2]
	changed.Files["CHANGELOG.md"] = "## 1.1.0\n- pagination\n"
	changed.Commits = append([]githubtest.Commit{{Message: "Add pagination", Author: ana, Date: now.Add(time.Hour)}}, changed.Commits...)
	changed.PushedAt = time.Time{}
	changed.CreatedAt, changed.UpdatedAt = time.Time{}, time.Time{}
	f.AddRepo(changed)
	f.ResetLog()
	s := cachedSource(t, f, "", dir)
	snap := audit(t, s, "ana-lima", snapshot.Options{})
	// The listing changed (counted); the profile and search did not.
	if got := perRepo(f); len(got) != 1 || got[changed.Name] != 2 {
		t.Errorf("per repository = %v, want only %s (2)", got, changed.Name)
	}
	if f.Counted() != 1+2 {
		t.Errorf("counted %d, want the listing and two for the pushed repository", f.Counted())
	}
	r := repoNamed(t, snap, changed.Name)
	if !r.Has("CHANGELOG.md") || r.Commits[0].Message != "Add pagination" || r.CommitsTotal != len(changed.Commits) {
		t.Errorf("changed repository not refetched: %v %v", r.Files, r.Commits[0].Message)
	}
}

func TestCorruptCacheIsIgnored(t *testing.T) {
	f := githubtest.New(t)
	learner(f, "ana-lima", 5)
	dir := t.TempDir()
	cold := audit(t, cachedSource(t, f, "", dir), "ana-lima", snapshot.Options{})
	// Damage every entry: flip a byte, truncate, or replace with garbage.
	i := 0
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, _ := os.ReadFile(p)
		switch i % 3 {
		case 0:
			b[len(b)/2] ^= 0xff
		case 1:
			b = b[:len(b)/3]
		default:
			b = []byte("<html>not a cache entry</html>")
		}
		i++
		return os.WriteFile(p, b, 0o600)
	})
	f.ResetLog()
	snap := audit(t, cachedSource(t, f, "", dir), "ana-lima", snapshot.Options{})
	if snapshotJSON(t, snap) != snapshotJSON(t, cold) {
		t.Error("snapshot differs after the cache was damaged")
	}
	if f.Counted() != 3+5*2 {
		t.Errorf("counted %d, want a cold audit's %d", f.Counted(), 3+5*2)
	}
}

func TestTwoSourcesShareTheCacheConcurrently(t *testing.T) {
	f := githubtest.New(t)
	learner(f, "ana-lima", 8)
	learner(f, "bruno-dev", 8)
	plain := map[string]string{}
	for _, login := range []string{"ana-lima", "bruno-dev"} {
		plain[login] = snapshotJSON(t, audit(t, newSource(t, f, ""), login, snapshot.Options{}))
	}
	f.SetLimit(5000, 5000)
	dir := t.TempDir()
	// Two processes, each auditing both users, three times over.
	var wg sync.WaitGroup
	for p := range 2 {
		wg.Go(func() {
			for round := range 3 {
				s, err := New(Config{APIURL: f.URL(), CacheDir: dir, CacheSize: 1 << 20})
				if err != nil {
					t.Error(err)
					return
				}
				for _, login := range []string{"ana-lima", "bruno-dev"} {
					snap, err := s.Snapshot(context.Background(), login, snapshot.Options{})
					if err != nil {
						t.Error(err)
						return
					}
					if b, _ := json.MarshalIndent(snap, "", " "); string(b) != plain[login] {
						t.Errorf("process %d round %d: %s differs", p, round, login)
					}
				}
			}
		})
	}
	wg.Wait()
	f.ResetLog()
	audit(t, cachedSource(t, f, "", dir), "ana-lima", snapshot.Options{})
	if f.Counted() != 0 {
		t.Errorf("audit after the shared runs counted %d", f.Counted())
	}
}

func TestCacheSizeBound(t *testing.T) {
	f := githubtest.New(t)
	learner(f, "ana-lima", 20, func(i int, r *githubtest.Repo) {
		// ~40 KiB of fixtures each.
		r.Files["testdata/fixtures.json"] = strings.Repeat(fmt.Sprintf(`{"id": %d, "name": "widget", "price": 9.99},`+"\n", i), 700)
	})
	dir := t.TempDir()
	const bound = 256 << 10
	s, err := New(Config{APIURL: f.URL(), CacheDir: dir, CacheSize: bound})
	if err != nil {
		t.Fatal(err)
	}
	audit(t, s, "ana-lima", snapshot.Options{})
	if got := s.cache.Size(); got > bound || got == 0 {
		t.Errorf("cache holds %d bytes, bound %d", got, bound)
	}
}

func TestUnusableCacheFolderIsAWarning(t *testing.T) {
	f := githubtest.New(t)
	learner(f, "ana-lima", 2)
	file := filepath.Join(t.TempDir(), "cache-is-a-file")
	os.WriteFile(file, nil, 0o600)
	var logged []string
	s, err := New(Config{APIURL: f.URL(), CacheDir: filepath.Join(file, "pathway"), Log: func(format string, args ...any) {
		logged = append(logged, fmt.Sprintf(format, args...))
	}})
	if err != nil {
		t.Fatal(err)
	}
	snap := audit(t, s, "ana-lima", snapshot.Options{})
	if len(snap.Warnings) != 1 || !strings.Contains(snap.Warnings[0], "cache folder") || !strings.Contains(snap.Warnings[0], "--no-cache") {
		t.Errorf("warnings = %v", snap.Warnings)
	}
	if len(logged) == 0 || !strings.Contains(logged[0], "cache folder") {
		t.Errorf("log = %v", logged)
	}
	if snap.Repos[0].Unavailable != "" || !snap.Repos[0].ContentsKnown {
		t.Error("the audit did not go on without a cache")
	}
}
