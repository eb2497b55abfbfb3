package detect

import (
	"fmt"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/pathway-dev/pathway/internal/snapshot"
)

var asOf = time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC)

// bigRepo is a 50,000-file Spring/Express monorepo-like snapshot with 5,000
// files of content: the size issue 3's performance goal names.
func bigRepo() *snapshot.Repo {
	r := &snapshot.Repo{Name: "big", FullName: "octo/big", Contents: map[string][]byte{}, ContentsKnown: true, HistoryKnown: true, CommitsTotal: 100}
	add := func(p, content string, size int64) {
		r.Files = append(r.Files, snapshot.File{Path: p, Size: size, Kind: "blob"})
		if content != "" {
			r.Contents[p] = []byte(content)
		}
	}
	add("pom.xml", `<project><parent><groupId>org.springframework.boot</groupId><artifactId>spring-boot-starter-parent</artifactId></parent><dependencies><dependency><groupId>org.springframework.boot</groupId><artifactId>spring-boot-starter-web</artifactId></dependency><dependency><groupId>org.postgresql</groupId><artifactId>postgresql</artifactId></dependency></dependencies></project>`, 400)
	add("web/package.json", `{"dependencies":{"express":"^4.19.0","pg":"^8.11.0"},"devDependencies":{"jest":"^29.7.0"}}`, 100)
	add(".github/workflows/ci.yml", "on: push\njobs:\n  t:\n    runs-on: ubuntu-latest\n    steps:\n      - run: ./mvnw -B verify\n      - run: npm test\n", 120)
	add("README.md", "# Big\n\nA large service.\n\n## Installation\n\n```sh\n./mvnw spring-boot:run\n```\n", 80)
	add("Dockerfile", "FROM eclipse-temurin:21\nCOPY target/app.jar /app.jar\n", 60)
	n := 0
	for i := 0; len(r.Files) < 50000; i++ {
		switch i % 5 {
		case 0:
			p := fmt.Sprintf("src/main/java/com/acme/m%d/Service%d.java", i/500, i)
			content := ""
			if n < 2500 {
				content = fmt.Sprintf("package com.acme;\n@RestController\npublic class Service%d {\n  @GetMapping(\"/items/%d\")\n  public String get() { return \"x\"; }\n}\n", i, i)
				n++
			}
			add(p, content, 900)
		case 1:
			p := fmt.Sprintf("src/test/java/com/acme/m%d/Service%dTest.java", i/500, i)
			content := ""
			if n < 5000 && i%10 == 1 {
				content = fmt.Sprintf("import org.junit.jupiter.api.Test;\nimport static org.junit.jupiter.api.Assertions.assertEquals;\nclass Service%dTest {\n  @Test void gets() { assertEquals(\"x\", new Service%d().get()); }\n}\n", i, i)
				n++
			}
			add(p, content, 700)
		case 2:
			add(fmt.Sprintf("web/src/routes/r%d.js", i), "", 500)
		case 3:
			add(fmt.Sprintf("web/node_modules/pkg%d/index.js", i), "", 300)
		default:
			add(fmt.Sprintf("docs/page%d.md", i), "", 200)
		}
	}
	sort.Slice(r.Files, func(i, j int) bool { return r.Files[i].Path < r.Files[j].Path })
	for i := 0; i < 100; i++ {
		r.Commits = append(r.Commits, snapshot.Commit{SHA: fmt.Sprintf("%040d", i), Message: "Add item endpoint", AuthorName: "Octo", AuthorEmail: "octo@example.com",
			AuthorDate: asOf.Add(-time.Duration(i) * 72 * time.Hour), Parents: 1})
	}
	return r
}

func TestRepoOnBigSnapshot(t *testing.T) {
	r := bigRepo()
	f := Repo(r, historyIdentity(), asOf)
	if f.PrimaryLanguage != "Java" || !f.Tests.Present || !contains(f.Stack.Frameworks, "spring-boot") || !contains(f.Stack.Databases, "postgresql") {
		t.Fatalf("facts: lang=%s tests=%v frameworks=%v dbs=%v", f.PrimaryLanguage, f.Tests.Present, f.Stack.Frameworks, f.Stack.Databases)
	}
	if !f.Service || f.API.Routes == 0 || len(f.Hygiene.Vendored) == 0 {
		t.Fatalf("service=%v routes=%d vendored=%v", f.Service, f.API.Routes, f.Hygiene.Vendored)
	}
}

func TestFixturesAreNotTheProjectsStack(t *testing.T) {
	r := &snapshot.Repo{Name: "tool", Contents: map[string][]byte{
		"go.mod":                             []byte("module example.com/tool\n\ngo 1.22\n"),
		"main.go":                            []byte("package main\n\nfunc main() {}\n"),
		"testdata/spring/pom.xml":            []byte(`<project><dependencies><dependency><groupId>org.springframework.boot</groupId><artifactId>spring-boot-starter-web</artifactId></dependency></dependencies></project>`),
		"internal/x/testdata/app/.env":       []byte("SECRET_KEY=4f9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c\n"),
		"internal/x/fixtures/app/Dockerfile": []byte("FROM python:3.12\n"),
	}, ContentsKnown: true}
	for p, c := range r.Contents {
		r.Files = append(r.Files, snapshot.File{Path: p, Size: int64(len(c)), Kind: "blob"})
	}
	sort.Slice(r.Files, func(i, j int) bool { return r.Files[i].Path < r.Files[j].Path })
	f := Repo(r, historyIdentity(), asOf)
	if len(f.Stack.Frameworks) != 0 || len(f.Security.Flags) != 0 || f.Deploy.Container {
		t.Fatalf("fixture content taken as the project's: frameworks=%v flags=%v container=%v", f.Stack.Frameworks, f.Security.Flags, f.Deploy.Container)
	}
	if WithoutFixtures(r) == r || len(WithoutFixtures(r).Files) != 2 {
		t.Fatalf("WithoutFixtures kept %d files", len(WithoutFixtures(r).Files))
	}
	if !strings.HasPrefix(r.Files[0].Path, "go.mod") {
		t.Fatal("the original snapshot must not be changed")
	}
}

func contains(l []string, s string) bool {
	for _, x := range l {
		if x == s {
			return true
		}
	}
	return false
}

// BenchmarkRepo runs every detector over a 50,000-file snapshot with 5,000
// content files (issue 3's goal: under 1 s).
func BenchmarkRepo(b *testing.B) {
	r := bigRepo()
	id := historyIdentity()
	b.ResetTimer()
	for range b.N {
		Repo(r, id, asOf)
	}
}

func TestAssetJavaScriptIsNotABackendLanguage(t *testing.T) {
	files := map[string][]byte{
		"app/assets/javascripts/application.js": []byte("//= require rails-ujs\n//= require_tree .\n"),
	}
	for i := range 40 {
		files[fmt.Sprintf("app/models/model%d.rb", i)] = []byte(strings.Repeat("class Model < ApplicationRecord\n  validates :name, presence: true\nend\n", 10))
	}
	r := &snapshot.Repo{Name: "rails-app", Contents: files, ContentsKnown: true}
	for p, c := range files {
		r.Files = append(r.Files, snapshot.File{Path: p, Size: int64(len(c)), Kind: "blob"})
	}
	sort.Slice(r.Files, func(i, j int) bool { return r.Files[i].Path < r.Files[j].Path })
	f := Repo(r, historyIdentity(), asOf)
	if len(f.BackendLanguages) != 1 || f.BackendLanguages[0] != "Ruby" {
		t.Fatalf("backend languages = %v, want [Ruby]", f.BackendLanguages)
	}
}
