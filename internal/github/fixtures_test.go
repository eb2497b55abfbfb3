package github

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/pathway-dev/pathway/internal/githubtest"
	"github.com/pathway-dev/pathway/internal/snapshot"
)

// now anchors fixture dates so tests do not depend on the clock.
var now = time.Date(2025, 3, 14, 12, 0, 0, 0, time.UTC)

var ana = githubtest.Person{Name: "Ana Lima", Email: "ana@example.com", Login: "ana-lima"}

func expressFiles() map[string]string {
	return map[string]string{
		"package.json": `{
  "name": "shop-api",
  "version": "1.2.0",
  "scripts": {"start": "node dist/index.js", "build": "tsc", "test": "jest --coverage"},
  "dependencies": {"express": "^4.19.2", "pg": "^8.11.3", "jsonwebtoken": "^9.0.2", "bcrypt": "^5.1.1"},
  "devDependencies": {"typescript": "^5.4.5", "jest": "^29.7.0", "supertest": "^7.0.0", "ts-jest": "^29.1.2"}
}
`,
		"tsconfig.json":            `{"compilerOptions": {"target": "ES2022", "module": "commonjs", "outDir": "dist", "strict": true}}` + "\n",
		"src/index.ts":             "import express from \"express\";\nimport { router } from \"./routes/products\";\n\nconst app = express();\napp.use(express.json());\napp.use(\"/api/products\", router);\napp.listen(process.env.PORT ?? 3000);\n",
		"src/routes/products.ts":   "import { Router } from \"express\";\nimport { pool } from \"../db\";\n\nexport const router = Router();\n\nrouter.get(\"/\", async (_req, res) => {\n  const { rows } = await pool.query(\"SELECT id, name, price FROM products ORDER BY id\");\n  res.json(rows);\n});\n",
		"src/db.ts":                "import { Pool } from \"pg\";\n\nexport const pool = new Pool({ connectionString: process.env.DATABASE_URL });\n",
		"test/products.test.ts":    "import request from \"supertest\";\nimport { app } from \"../src/app\";\n\ndescribe(\"GET /api/products\", () => {\n  it(\"returns the catalogue\", async () => {\n    const res = await request(app).get(\"/api/products\");\n    expect(res.status).toBe(200);\n  });\n});\n",
		"Dockerfile":               "FROM node:20-alpine\nWORKDIR /app\nCOPY package*.json ./\nRUN npm ci\nCOPY . .\nRUN npm run build\nCMD [\"npm\", \"start\"]\n",
		".github/workflows/ci.yml": "name: CI\non: [push]\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: npm ci\n      - run: npm test\n",
		"README.md":                "# shop-api\n\nREST API for a small shop: Express, TypeScript and PostgreSQL.\n\n## Run\n\n    npm ci && npm run build && npm start\n",
		".gitignore":               "node_modules/\ndist/\n.env\n",
	}
}

func springFiles() map[string]string {
	return map[string]string{
		"pom.xml": `<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <parent>
    <groupId>org.springframework.boot</groupId>
    <artifactId>spring-boot-starter-parent</artifactId>
    <version>3.2.5</version>
  </parent>
  <artifactId>library</artifactId>
  <dependencies>
    <dependency><groupId>org.springframework.boot</groupId><artifactId>spring-boot-starter-web</artifactId></dependency>
    <dependency><groupId>org.springframework.boot</groupId><artifactId>spring-boot-starter-data-jpa</artifactId></dependency>
    <dependency><groupId>org.springframework.boot</groupId><artifactId>spring-boot-starter-test</artifactId><scope>test</scope></dependency>
  </dependencies>
</project>
`,
		"mvnw": "#!/bin/sh\n# Maven wrapper\nexec java -jar .mvn/wrapper/maven-wrapper.jar \"$@\"\n",
		"src/main/java/dev/ana/library/LibraryApplication.java": "package dev.ana.library;\n\nimport org.springframework.boot.SpringApplication;\nimport org.springframework.boot.autoconfigure.SpringBootApplication;\n\n@SpringBootApplication\npublic class LibraryApplication {\n    public static void main(String[] args) {\n        SpringApplication.run(LibraryApplication.class, args);\n    }\n}\n",
		"src/main/java/dev/ana/library/BookController.java":     "package dev.ana.library;\n\nimport java.util.List;\nimport org.springframework.web.bind.annotation.*;\n\n@RestController\n@RequestMapping(\"/api/books\")\nclass BookController {\n    private final BookRepository books;\n    BookController(BookRepository books) { this.books = books; }\n    @GetMapping List<Book> all() { return books.findAll(); }\n}\n",
		"src/main/resources/application.yml":                    "spring:\n  datasource:\n    url: jdbc:postgresql://localhost:5432/library\n",
		"src/test/java/dev/ana/library/BookControllerTest.java": "package dev.ana.library;\n\nimport static org.assertj.core.api.Assertions.assertThat;\nimport org.junit.jupiter.api.Test;\n\nclass BookControllerTest {\n    @Test void listsBooks() { assertThat(new Book(\"Dune\").title()).isEqualTo(\"Dune\"); }\n}\n",
		".mvn/wrapper/maven-wrapper.properties":                 "distributionUrl=https://repo.maven.apache.org/maven2/org/apache/maven/apache-maven/3.9.6/apache-maven-3.9.6-bin.zip\n",
		"README.md":                                             "# library\n\nA Spring Boot 3 REST API for a lending library.\n",
	}
}

// fake starts a fake GitHub with ana-lima and three realistic repositories.
func fake(t *testing.T) *githubtest.Server {
	t.Helper()
	f := githubtest.New(t)
	hireable := true
	f.AddUser(githubtest.User{
		Login: "ana-lima", Name: "Ana Lima", Bio: "Backend developer in training: Python, TypeScript, Java.",
		Blog: "https://ana.dev", Location: "Lisbon", Hireable: &hireable, Followers: 12, Following: 30,
		CreatedAt: time.Date(2022, 1, 5, 9, 30, 0, 0, time.UTC),
		PullRequests: []githubtest.PullRequest{
			{Repo: "encode/django-rest-framework", Number: 9123, Title: "Fix typo in serializer docs", State: "closed", Merged: true, CreatedAt: now.AddDate(0, -2, 0)},
			{Repo: "expressjs/express", Number: 5521, Title: "Add test for router.param", CreatedAt: now.AddDate(0, -1, 0)},
			{Repo: "encode/django-rest-framework", Number: 9200, Title: "Clarify pagination docs", CreatedAt: now.AddDate(0, 0, -10)},
			{Repo: "ana-lima/django-blog", Number: 3, Title: "Own repository: must not count", CreatedAt: now},
		},
	})
	f.AddUser(githubtest.User{Login: "encode", Type: "Organization"})
	f.AddUser(githubtest.User{Login: "expressjs", Type: "Organization"})

	django, err := githubtest.FilesFromDir("testdata/django-blog")
	if err != nil {
		t.Fatal(err)
	}
	django["docs/architecture.md"] = "# Architecture\n\nExcluded from archives by .gitattributes.\n"
	django[".gitattributes"] = "*.py text eol=lf\n/docs/architecture.md export-ignore\n"
	django["static/logo.png"] = "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10"
	f.AddRepo(githubtest.Repo{
		Owner: "ana-lima", Name: "django-blog", Description: "Blog with a REST API", Language: "Python",
		License: "MIT", Topics: []string{"django", "postgresql", "rest-api"}, Stars: 3,
		Homepage: "https://blog.ana.dev",
		Files:    django, Executables: []string{"manage.py"},
		Symlinks:     map[string]string{"docs/README.md": "../README.md"},
		Submodules:   map[string]string{"themes/minimal": "5f1c2a9d0e7b3c4a6f8e9d1b2c3a4f5e6d7c8b9a"},
		ExportIgnore: []string{"docs/architecture.md"},
		Commits:      githubtest.History(ana, 42, now.AddDate(0, 0, -3), 36*time.Hour),
	})
	f.AddRepo(githubtest.Repo{
		Owner: "ana-lima", Name: "shop-api", Description: "Express + TypeScript shop API", Language: "TypeScript",
		License: "NOASSERTION", Files: expressFiles(),
		Commits: githubtest.History(ana, 250, now.AddDate(0, 0, -1), 12*time.Hour),
	})
	f.AddRepo(githubtest.Repo{
		Owner: "ana-lima", Name: "library", Description: "Spring Boot lending library", Language: "Java",
		License: "Apache-2.0", Files: springFiles(), Executables: []string{"mvnw"},
		Commits: githubtest.History(githubtest.Person{Name: "Ana", Email: "ana@laptop.local"}, 100, now.AddDate(0, -2, 0), 24*time.Hour),
	})
	return f
}

func newSource(t *testing.T, f *githubtest.Server, token string) *Source {
	t.Helper()
	s, err := New(Config{APIURL: f.URL(), Token: token, UserAgent: "pathway-test"})
	if err != nil {
		t.Fatal(err)
	}
	return quick(s)
}

// quick makes retries wait milliseconds instead of seconds.
func quick(s *Source) *Source {
	s.backoff = time.Millisecond
	s.secondary = 5 * time.Millisecond
	return s
}

func audit(t *testing.T, s *Source, login string, opts snapshot.Options) *snapshot.Snapshot {
	t.Helper()
	snap, err := s.Snapshot(context.Background(), login, opts)
	if err != nil {
		t.Fatalf("Snapshot(%s): %v", login, err)
	}
	return snap
}

func repoNamed(t *testing.T, snap *snapshot.Snapshot, name string) *snapshot.Repo {
	t.Helper()
	for _, r := range snap.Repos {
		if r.Name == name {
			return r
		}
	}
	var names []string
	for _, r := range snap.Repos {
		names = append(names, r.Name)
	}
	t.Fatalf("no repository %q in snapshot (have %s)", name, strings.Join(names, ", "))
	return nil
}

// plainRepo is a small Gin service, for tests that need many repositories.
func plainRepo(owner string, i int, pushed time.Time) githubtest.Repo {
	return githubtest.Repo{
		Owner: owner, Name: fmt.Sprintf("gin-service-%03d", i), Language: "Go",
		Files: map[string]string{
			"go.mod":       fmt.Sprintf("module github.com/%s/gin-service-%03d\n\ngo 1.22\n\nrequire github.com/gin-gonic/gin v1.9.1\n", owner, i),
			"main.go":      "package main\n\nimport \"github.com/gin-gonic/gin\"\n\nfunc main() {\n\tr := gin.Default()\n\tr.GET(\"/health\", func(c *gin.Context) { c.JSON(200, gin.H{\"ok\": true}) })\n\t_ = r.Run()\n}\n",
			"main_test.go": "package main\n\nimport \"testing\"\n\nfunc TestHealth(t *testing.T) {\n\tif 1+1 != 2 {\n\t\tt.Fatal(\"math\")\n\t}\n}\n",
			"README.md":    fmt.Sprintf("# gin-service-%03d\n", i),
		},
		Commits: githubtest.History(githubtest.Person{Name: owner, Email: owner + "@example.com", Login: owner}, 3, pushed, time.Hour),
	}
}
