// Package assesstest builds realistic synthetic portfolios as facts, for the
// tests of the rules, the assessment and the renderers: a strong Java
// candidate, a middling Python/Node learner and a beginner. Values are what
// the detectors report for such repositories.
package assesstest

import (
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/pathway-dev/pathway/internal/facts"
	"github.com/pathway-dev/pathway/rules"
)

// AsOf is the reference time of every fixture.
var AsOf = time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC)

// Case is a portfolio with the file trees its file checks read.
type Case struct {
	Name      string
	Role      string
	Portfolio *facts.Portfolio
	Trees     map[string]*rules.Tree
}

// NewTree builds a tree from paths; contents maps some paths to their text
// (nil contents = not fetched).
func NewTree(contents map[string]string, paths ...string) *rules.Tree {
	all := append([]string{}, paths...)
	for p := range contents {
		all = append(all, p)
	}
	sort.Strings(all)
	uniq := all[:0]
	for i, p := range all {
		if i == 0 || p != all[i-1] {
			uniq = append(uniq, p)
		}
	}
	t := &rules.Tree{Files: uniq}
	if contents != nil {
		t.Read = func(p string) ([]byte, error) {
			if s, ok := contents[p]; ok {
				return []byte(s), nil
			}
			return nil, fmt.Errorf("%s: content not fetched", p)
		}
	}
	return t
}

func days(d int) time.Time { return AsOf.AddDate(0, 0, -d) }

func ptr[T any](v T) *T { return &v }

func ev(path, text string) facts.Evidence { return facts.Evidence{Path: path, Text: text} }

// SpringAPI is a complete Spring Boot REST API: JWT, PostgreSQL with Flyway,
// JUnit tests run by GitHub Actions, Docker and Fly.io, OpenAPI docs.
func SpringAPI(owner string) (*facts.Repo, *rules.Tree) {
	r := &facts.Repo{
		Name: "shop-api", FullName: owner + "/shop-api", Included: true,
		Description: "REST API for a small online shop: catalogue, carts and orders",
		Homepage:    "https://shop-api.fly.dev", Topics: []string{"spring-boot", "rest-api", "postgresql"},
		Stars: 7, PushedAt: days(9), CreatedAt: days(420), DaysSincePush: 9,
		TreeKnown: true, MetadataKnown: true, FileCount: 96,
		Languages:       map[string]int64{"Java": 184211, "HTML": 2300, "Dockerfile": 412},
		PrimaryLanguage: "Java", BackendLanguages: []string{"Java"}, CodeBytes: 184211, SourceFiles: 58,
		Tests: facts.Tests{Known: true, Present: true, Files: 24, Cases: 131, Frameworks: []string{"junit", "mockito"},
			Ratio: 0.41, Coverage: true,
			Evidence: []facts.Evidence{ev("src/test/java/shop/OrderControllerTest.java", "14 JUnit tests with MockMvc assertions")}},
		CI: facts.CI{Present: true, Providers: []string{"github-actions"}, Files: []string{".github/workflows/ci.yml"},
			RunsTests:    ptr(true),
			TestCommands: []facts.Evidence{{Path: ".github/workflows/ci.yml", Line: 24, Text: "mvn -B verify"}}},
		Deploy: facts.Deploy{Container: true, Compose: true, Kinds: []string{"docker", "compose", "fly"},
			Evidence: []facts.Evidence{ev("Dockerfile", "multi-stage image build"), ev("fly.toml", "Fly.io app shop-api")}},
		Readme: facts.Readme{Present: true, Path: "README.md", Format: "markdown", Score: 86, Words: 640, Headings: 9,
			Sections:   []string{"description", "installation", "usage", "api", "tests", "tech-stack", "screenshots", "license"},
			CodeBlocks: 6, SetupCommands: true, Images: 2, Badges: 2},
		License: "MIT",
		Stack: facts.Stack{Manifests: []string{"pom.xml"}, Frameworks: []string{"spring-boot"},
			Databases: []string{"postgresql", "redis"}, ORMs: []string{"hibernate"}, Migrations: true,
			Dependencies: 14, Evidence: []facts.Evidence{{Path: "pom.xml", Line: 31, Text: "org.postgresql:postgresql"}}},
		API: facts.API{Routes: 18, OpenAPI: []string{"docs/openapi.yaml"}, Docs: true, ReadmeSection: true, Consumes: true,
			Evidence: []facts.Evidence{ev("src/main/java/shop/OrderController.java", "6 routes (@GetMapping, @PostMapping)")}},
		Security: facts.Security{Auth: []string{"jwt", "spring-security", "bcrypt"}, EnvExample: true,
			DependencyUpdates: []string{"dependabot"}, Policy: true, Lockfile: false,
			Evidence: []facts.Evidence{ev("src/main/java/shop/security/JwtFilter.java", "JWT filter")}},
		Hygiene: facts.Hygiene{Gitignore: true, Clean: true},
		History: facts.History{Known: true, Total: 150, Sampled: 100, Own: 96, Others: 4, First: days(420), Last: days(9),
			ActiveWeeks: 31, SpanDays: 411, MessageQuality: 0.82, Conventional: 60},
	}
	t := NewTree(map[string]string{
		".gitignore": "target/\n.idea/\n*.iml\n.env\n",
	}, "pom.xml", "Dockerfile", "docker-compose.yml", "fly.toml", ".env.example", ".github/workflows/ci.yml",
		".github/dependabot.yml", "README.md", "LICENSE", "docs/openapi.yaml",
		"src/main/java/shop/ShopApplication.java", "src/main/java/shop/OrderController.java",
		"src/main/resources/db/migration/V1__init.sql", "src/test/java/shop/OrderControllerTest.java")
	return r, t
}

// GinService is a Go job-queue service on Gin with PostgreSQL and tests.
func GinService(owner string) (*facts.Repo, *rules.Tree) {
	r := &facts.Repo{
		Name: "task-queue", FullName: owner + "/task-queue", Included: true,
		Description: "Background job queue with retries, backed by PostgreSQL", Topics: []string{"go", "gin"},
		PushedAt: days(30), CreatedAt: days(300), DaysSincePush: 30, TreeKnown: true, MetadataKnown: true, FileCount: 41,
		Languages: map[string]int64{"Go": 61230, "Makefile": 800}, PrimaryLanguage: "Go",
		BackendLanguages: []string{"Go"}, CodeBytes: 61230, SourceFiles: 22,
		Tests: facts.Tests{Known: true, Present: true, Files: 9, Cases: 47, Frameworks: []string{"go-test", "testify"}, Ratio: 0.41,
			Evidence: []facts.Evidence{ev("internal/queue/queue_test.go", "table-driven tests")}},
		CI:     facts.CI{Present: true, Providers: []string{"github-actions"}, Files: []string{".github/workflows/test.yml"}, RunsTests: ptr(true)},
		Deploy: facts.Deploy{Container: true, Kinds: []string{"docker"}},
		Readme: facts.Readme{Present: true, Path: "README.md", Score: 74, Words: 410, Sections: []string{"description", "installation", "usage", "api"},
			SetupCommands: true},
		License: "Apache-2.0",
		Stack: facts.Stack{Manifests: []string{"go.mod"}, Frameworks: []string{"gin"}, Databases: []string{"postgresql"},
			Migrations: true, Dependencies: 8},
		API:      facts.API{Routes: 9, ReadmeSection: true, Docs: true},
		Security: facts.Security{Auth: []string{"jwt"}, EnvExample: true},
		Hygiene:  facts.Hygiene{Gitignore: true, Clean: true},
		History: facts.History{Known: true, Total: 64, Sampled: 64, Own: 64, First: days(300), Last: days(30),
			ActiveWeeks: 14, SpanDays: 270, MessageQuality: 0.71},
	}
	t := NewTree(map[string]string{".gitignore": "/bin\n.env\n"}, "go.mod", "go.sum", "Dockerfile", "README.md", "LICENSE",
		".github/workflows/test.yml", "cmd/server/main.go", "internal/queue/queue.go", "internal/queue/queue_test.go",
		"migrations/0001_jobs.up.sql", ".env.example")
	return r, t
}

// NestGraphQL is a NestJS GraphQL API in TypeScript with MongoDB and Jest.
func NestGraphQL(owner string) (*facts.Repo, *rules.Tree) {
	r := &facts.Repo{
		Name: "recipes-graphql", FullName: owner + "/recipes-graphql", Included: true,
		Description: "GraphQL API for sharing recipes", PushedAt: days(60), CreatedAt: days(200), DaysSincePush: 60,
		TreeKnown: true, MetadataKnown: true, FileCount: 70,
		Languages: map[string]int64{"TypeScript": 48200}, PrimaryLanguage: "TypeScript",
		BackendLanguages: []string{"TypeScript"}, CodeBytes: 48200, SourceFiles: 31,
		Tests: facts.Tests{Known: true, Present: true, Files: 6, Cases: 28, Frameworks: []string{"jest"}, Ratio: 0.19},
		CI:    facts.CI{Present: true, Providers: []string{"github-actions"}, Files: []string{".github/workflows/ci.yml"}, RunsTests: ptr(true)},
		Readme: facts.Readme{Present: true, Path: "README.md", Score: 68, Words: 300,
			Sections: []string{"description", "installation", "usage"}, SetupCommands: true},
		Stack: facts.Stack{Manifests: []string{"package.json"}, Lockfiles: []string{"package-lock.json"}, Frameworks: []string{"nestjs"},
			Databases: []string{"mongodb"}, ORMs: []string{"mongoose"}, Dependencies: 21},
		API:      facts.API{Routes: 0, GraphQL: []string{"src/schema.gql"}, Docs: true},
		Security: facts.Security{Auth: []string{"passport", "jwt"}, Lockfile: true},
		Hygiene:  facts.Hygiene{Gitignore: true, Clean: true},
		History: facts.History{Known: true, Total: 41, Sampled: 41, Own: 41, First: days(200), Last: days(60),
			ActiveWeeks: 9, SpanDays: 140, MessageQuality: 0.64},
	}
	t := NewTree(map[string]string{".gitignore": "node_modules\ndist\n"}, "package.json", "package-lock.json", "README.md",
		"src/main.ts", "src/recipes/recipes.resolver.ts", "src/recipes/recipes.resolver.spec.ts", "src/schema.gql",
		".github/workflows/ci.yml")
	return r, t
}

// Strong is a Java candidate ready to apply.
func Strong() *Case {
	owner := "ana-dev"
	shop, shopT := SpringAPI(owner)
	gin, ginT := GinService(owner)
	nest, nestT := NestGraphQL(owner)
	dot := &facts.Repo{Name: "dotfiles", FullName: owner + "/dotfiles", Included: true, PushedAt: days(100), DaysSincePush: 100,
		CreatedAt: days(900), TreeKnown: true, MetadataKnown: true, FileCount: 12, Languages: map[string]int64{"Shell": 4100}, PrimaryLanguage: "Shell",
		CodeBytes: 4100, SourceFiles: 6, Tests: facts.Tests{Known: true}, Hygiene: facts.Hygiene{Gitignore: false, Clean: true},
		Readme:  facts.Readme{Present: true, Score: 30, Words: 60, Sections: []string{"description"}},
		History: facts.History{Known: true, Total: 33, Sampled: 33, Own: 33, ActiveWeeks: 12, MessageQuality: 0.4}}
	fork := &facts.Repo{Name: "spring-petclinic", FullName: owner + "/spring-petclinic", Fork: true, ExcludedReason: "fork",
		PushedAt: days(700), Languages: map[string]int64{"Java": 90000}, PrimaryLanguage: "Java"}
	arch := &facts.Repo{Name: "java-course", FullName: owner + "/java-course", Archived: true, ExcludedReason: "archived",
		PushedAt: days(1000), Languages: map[string]int64{"Java": 12000}, PrimaryLanguage: "Java"}
	return finish(&Case{
		Name: "strong", Role: "backend-java",
		Portfolio: &facts.Portfolio{
			Profile: facts.Profile{Known: true, Login: owner, Type: "User", Name: "Ana Duarte",
				Bio: "Backend developer — Java/Spring, Go", Blog: "https://ana.dev", Location: "Lisbon",
				Email: true, Social: []string{"https://www.linkedin.com/in/ana-duarte"}, Hireable: ptr(true),
				Followers: 34, Following: 20, PublicRepos: 6, CreatedAt: days(1500), AccountAgeDays: 1500,
				ProfileReadme: true, ExternalPRs: ptr(5),
				ExternalPRRepos: []string{"testcontainers/testcontainers-java", "gin-gonic/gin"},
				Completeness:    1, ActiveMonths12: 11,
				NewStackByYear: map[string][]string{"2024": {"Java", "spring-boot"}, "2025": {"Go", "gin"}, "2026": {"TypeScript", "nestjs"}}},
			Repos: []*facts.Repo{shop, gin, nest, dot, fork, arch},
		},
		Trees: map[string]*rules.Tree{
			"shop-api": shopT, "task-queue": ginT, "recipes-graphql": nestT,
			"dotfiles": NewTree(nil, "README.md", ".bashrc", ".vimrc", "install.sh"),
		},
	})
}

// Middling is a Python/Node learner: real projects with gaps (a committed
// .env, placeholder tests, CI that does not test).
func Middling() *Case {
	owner := "sam-codes"
	blog := &facts.Repo{
		Name: "flask-blog", FullName: owner + "/flask-blog", Included: true, Description: "A blog with Flask",
		PushedAt: days(45), CreatedAt: days(330), DaysSincePush: 45, TreeKnown: true, MetadataKnown: true, FileCount: 38,
		Languages: map[string]int64{"Python": 22100, "HTML": 9100, "CSS": 2000}, PrimaryLanguage: "Python",
		BackendLanguages: []string{"Python"}, CodeBytes: 22100, SourceFiles: 14,
		Tests: facts.Tests{Known: true, Present: true, Files: 2, Cases: 5, Frameworks: []string{"pytest"}, Ratio: 0.14},
		Readme: facts.Readme{Present: true, Path: "README.md", Score: 55, Words: 180,
			Sections: []string{"description", "installation"}, SetupCommands: true},
		Stack: facts.Stack{Manifests: []string{"requirements.txt"}, Frameworks: []string{"flask"}, Databases: []string{"sqlite"},
			ORMs: []string{"sqlalchemy"}, Dependencies: 7},
		API:      facts.API{Routes: 7},
		Security: facts.Security{Auth: []string{"sessions"}, Flags: []string{"committed-env"}},
		Hygiene:  facts.Hygiene{Gitignore: true, Clean: true},
		History: facts.History{Known: true, Total: 38, Sampled: 38, Own: 38, First: days(330), Last: days(45), ActiveWeeks: 6,
			SpanDays: 285, MessageQuality: 0.48, GenericMessages: 12},
	}
	blogT := NewTree(map[string]string{".gitignore": "__pycache__/\nvenv/\n"}, "app.py", "requirements.txt", "README.md", ".env",
		"templates/index.html", "tests/test_posts.py", "blog/models.py")
	todo := &facts.Repo{
		Name: "express-todo", FullName: owner + "/express-todo", Included: true, PushedAt: days(150), CreatedAt: days(200),
		DaysSincePush: 150, TreeKnown: true, MetadataKnown: true, FileCount: 20,
		Languages: map[string]int64{"JavaScript": 8400}, PrimaryLanguage: "JavaScript", BackendLanguages: []string{"JavaScript"},
		CodeBytes: 8400, SourceFiles: 8,
		Tests: facts.Tests{Known: true, PlaceholderOnly: true, PlaceholderFiles: 1, Frameworks: []string{"jest"}},
		CI:    facts.CI{Present: true, Providers: []string{"github-actions"}, Files: []string{".github/workflows/node.js.yml"}, RunsTests: ptr(false)},
		Readme: facts.Readme{Present: true, Path: "README.md", Score: 40, Words: 90,
			Sections: []string{"description"}},
		Stack: facts.Stack{Manifests: []string{"package.json"}, Frameworks: []string{"express"}, Databases: []string{"mongodb"},
			ORMs: []string{"mongoose"}, Dependencies: 6},
		API:     facts.API{Routes: 5, Consumes: false},
		Hygiene: facts.Hygiene{Gitignore: true, Clean: true},
		History: facts.History{Known: true, Total: 12, Sampled: 12, Own: 12, First: days(200), Last: days(150), ActiveWeeks: 2,
			SpanDays: 50, MessageQuality: 0.55},
	}
	todoT := NewTree(map[string]string{".gitignore": "node_modules\n.env\n"}, "package.json", "index.js", "routes/todos.js",
		"README.md", "__tests__/app.test.js", ".github/workflows/node.js.yml")
	site := &facts.Repo{
		Name: "portfolio-site", FullName: owner + "/portfolio-site", Included: true, Homepage: "https://sam-codes.github.io",
		PushedAt: days(20), CreatedAt: days(400), DaysSincePush: 20, TreeKnown: true, MetadataKnown: true, FileCount: 9,
		Languages: map[string]int64{"HTML": 12000, "CSS": 6000}, PrimaryLanguage: "HTML", CodeBytes: 18000, SourceFiles: 3,
		Tests:   facts.Tests{Known: true},
		Readme:  facts.Readme{Present: true, Score: 20, Words: 15},
		Hygiene: facts.Hygiene{Gitignore: false, Clean: true},
		History: facts.History{Known: true, Total: 25, Sampled: 25, Own: 25, ActiveWeeks: 5, MessageQuality: 0.3},
	}
	siteT := NewTree(nil, "index.html", "style.css", "README.md")
	ex := &facts.Repo{
		Name: "python-exercises", FullName: owner + "/python-exercises", Included: true,
		PushedAt: days(250), CreatedAt: days(500), DaysSincePush: 250, TreeKnown: true, MetadataKnown: true, FileCount: 27,
		Languages: map[string]int64{"Python": 14500}, PrimaryLanguage: "Python", BackendLanguages: []string{"Python"},
		CodeBytes: 14500, SourceFiles: 25, Tests: facts.Tests{Known: true},
		Readme:  facts.Readme{Present: false},
		Hygiene: facts.Hygiene{Gitignore: false, Binaries: []string{"__pycache__/ex1.cpython-311.pyc"}},
		History: facts.History{Known: true, Total: 20, Sampled: 20, Own: 20, ActiveWeeks: 3, MessageQuality: 0.2, GenericMessages: 15},
	}
	exT := NewTree(nil, "ex1.py", "ex2.py", "__pycache__/ex1.cpython-311.pyc")
	return finish(&Case{
		Name: "middling", Role: "backend-python",
		Portfolio: &facts.Portfolio{
			Profile: facts.Profile{Known: true, Login: owner, Type: "User", Name: "Sam Okafor", Bio: "Learning backend development",
				Location: "Lagos", Hireable: nil, Followers: 4, Following: 12, PublicRepos: 4, AccountAgeDays: 700,
				ExternalPRs: ptr(0), Completeness: 0.6, ActiveMonths12: 5,
				NewStackByYear: map[string][]string{"2025": {"Python", "flask"}, "2026": {"JavaScript", "express"}}},
			Repos: []*facts.Repo{blog, todo, site, ex},
		},
		Trees: map[string]*rules.Tree{"flask-blog": blogT, "express-todo": todoT, "portfolio-site": siteT, "python-exercises": exT},
	})
}

// Beginner has a one-shot upload, a frontend page and a hello world.
func Beginner() *Case {
	owner := "newbie42"
	todo := &facts.Repo{
		Name: "todo-app", FullName: owner + "/todo-app", Included: true, PushedAt: days(210), CreatedAt: days(210),
		DaysSincePush: 210, TreeKnown: true, MetadataKnown: true, FileCount: 7,
		Languages: map[string]int64{"Java": 4100}, PrimaryLanguage: "Java", BackendLanguages: []string{"Java"},
		CodeBytes: 4100, SourceFiles: 3, Tests: facts.Tests{Known: true},
		Hygiene: facts.Hygiene{Binaries: []string{"out/Main.class", "out/Todo.class"}, IDEFolders: []string{".idea/"},
			Evidence: []facts.Evidence{ev("out/Main.class", "compiled class file committed")}},
		History: facts.History{Known: true, Total: 1, Sampled: 1, Own: 1, ActiveWeeks: 1, MessageQuality: 0, GenericMessages: 1, OneShot: true,
			Evidence: []facts.Evidence{{Commit: "3f2a9c1", Text: "Add files via upload"}}},
	}
	todoT := NewTree(nil, "Main.java", "Todo.java", "TodoList.java", "out/Main.class", "out/Todo.class", ".idea/workspace.xml")
	calc := &facts.Repo{
		Name: "calculator", FullName: owner + "/calculator", Included: true, PushedAt: days(120), CreatedAt: days(125),
		DaysSincePush: 120, TreeKnown: true, MetadataKnown: true, FileCount: 4,
		Languages: map[string]int64{"JavaScript": 2100, "HTML": 1500, "CSS": 900}, PrimaryLanguage: "JavaScript",
		CodeBytes: 4500, SourceFiles: 3, Tests: facts.Tests{Known: true},
		Readme:  facts.Readme{Present: true, Score: 12, Words: 8},
		History: facts.History{Known: true, Total: 4, Sampled: 4, Own: 4, ActiveWeeks: 1, MessageQuality: 0.1},
	}
	calcT := NewTree(nil, "index.html", "script.js", "style.css", "README.md")
	hello := &facts.Repo{
		Name: "hello-world", FullName: owner + "/hello-world", Included: true, PushedAt: days(400), CreatedAt: days(400),
		DaysSincePush: 400, TreeKnown: true, MetadataKnown: true, FileCount: 2,
		Languages: map[string]int64{"Python": 120}, PrimaryLanguage: "Python", BackendLanguages: []string{"Python"},
		CodeBytes: 120, SourceFiles: 1, Tests: facts.Tests{Known: true},
		Readme:  facts.Readme{Present: true, Score: 10, Words: 3},
		History: facts.History{Known: true, Total: 2, Sampled: 2, Own: 2, ActiveWeeks: 1, MessageQuality: 0.2},
	}
	helloT := NewTree(nil, "hello.py", "README.md")
	fork := &facts.Repo{Name: "django-tutorial", FullName: owner + "/django-tutorial", Fork: true, ExcludedReason: "fork",
		PushedAt: days(300), Languages: map[string]int64{"Python": 30000}, PrimaryLanguage: "Python"}
	return finish(&Case{
		Name: "beginner", Role: "backend",
		Portfolio: &facts.Portfolio{
			Profile: facts.Profile{Known: true, Login: owner, Type: "User", Followers: 0, PublicRepos: 4, AccountAgeDays: 250,
				ExternalPRs: ptr(0), Completeness: 0.2, ActiveMonths12: 2,
				NewStackByYear: map[string][]string{"2026": {"Java", "JavaScript", "Python"}}},
			Repos: []*facts.Repo{todo, calc, hello, fork},
		},
		Trees: map[string]*rules.Tree{"todo-app": todoT, "calculator": calcT, "hello-world": helloT},
	})
}

// All returns the three reference portfolios.
func All() []*Case { return []*Case{Strong(), Middling(), Beginner()} }

// finish sets what every detector run sets alike.
func finish(c *Case) *Case {
	for _, r := range c.Portfolio.Repos {
		r.Hygiene.Known = r.TreeKnown
	}
	return c
}

// Large returns a portfolio of n repositories cycling through the
// reference projects, for benchmarks.
func Large(n int) *Case {
	c := &Case{Name: fmt.Sprintf("large-%d", n), Role: "backend", Trees: map[string]*rules.Tree{}}
	src := append(append(Strong().Portfolio.Repos, Middling().Portfolio.Repos...), Beginner().Portfolio.Repos...)
	trees := map[string]*rules.Tree{}
	for _, k := range All() {
		for name, t := range k.Trees {
			trees[name] = t
		}
	}
	c.Portfolio = &facts.Portfolio{Profile: Strong().Portfolio.Profile}
	for i := 0; i < n; i++ {
		base := src[i%len(src)]
		r := *base
		r.Name = fmt.Sprintf("%s-%d", base.Name, i)
		r.FullName = strings.Replace(base.FullName, base.Name, r.Name, 1)
		c.Portfolio.Repos = append(c.Portfolio.Repos, &r)
		c.Trees[r.Name] = trees[base.Name]
	}
	return c
}
