package rules

import (
	"slices"
	"strings"

	"github.com/pathway-dev/pathway/internal/facts"
)

// Data is what advice and message templates see, e.g.
// "Add a GitHub Actions workflow that runs {{.TestCommand}} to {{.Repo}}".
type Data struct {
	Repo     string // repository name (for portfolio rules: the main project)
	FullName string
	Login    string
	Role     string
	// Language is the repository's main backend language (else primary).
	Language string
	// TestCommand runs the tests for the language and build tool, e.g.
	// "go test ./...", "./gradlew test", "python manage.py test".
	TestCommand string
	// TestFramework is the usual test framework for the language.
	TestFramework string
	// Framework is the repository's framework, or the role's first choice.
	Framework string
	// RoleFrameworks and RoleLanguages list what the role expects, in words.
	RoleFrameworks string
	RoleLanguages  string
	// Manifest is the dependency manifest to edit (go.mod, pom.xml, ...).
	Manifest string
	// CIFile is the existing CI file or .github/workflows/ci.yml.
	CIFile string
	// APIDocsTool generates an OpenAPI spec in this repository's stack.
	APIDocsTool string
	// ReadmeMissing lists, in words, the README sections a reader expects
	// that this repository's README lacks ("setup steps, how to run the
	// tests"); empty when it has them all.
	ReadmeMissing string
	Facts         *facts.Repo
	Profile       *facts.Profile
}

// names gives display names for lower-case ids.
var names = map[string]string{
	"spring-boot": "Spring Boot", "quarkus": "Quarkus", "micronaut": "Micronaut", "express": "Express",
	"nestjs": "NestJS", "fastify": "Fastify", "koa": "Koa", "hapi": "hapi", "django": "Django", "flask": "Flask",
	"fastapi": "FastAPI", "rails": "Rails", "sinatra": "Sinatra", "laravel": "Laravel", "symfony": "Symfony",
	"slim": "Slim", "gin": "Gin", "echo": "Echo", "fiber": "Fiber", "chi": "chi", "gorilla-mux": "Gorilla mux",
	"aspnet": "ASP.NET Core", "aspnet-core": "ASP.NET Core", "phoenix": "Phoenix", "actix": "Actix Web",
	"axum": "Axum", "ktor": "Ktor", "actix-web": "Actix Web", "django-rest-framework": "Django REST framework",
	"dropwizard": "Dropwizard", "javalin": "Javalin", "vertx": "Vert.x", "litestar": "Litestar", "sanic": "Sanic",
	"falcon": "Falcon", "tornado": "Tornado", "pyramid": "Pyramid", "bottle": "Bottle", "beego": "Beego",
	"hanami": "Hanami", "grape": "Grape", "lumen": "Lumen", "cakephp": "CakePHP", "codeigniter": "CodeIgniter",
	"rocket": "Rocket", "warp": "warp", "nuxt": "Nuxt", "spring-test": "Spring Test", "bitbucket": "Bitbucket Pipelines",
	"drone": "Drone CI", "app-engine": "Google App Engine", "github-pages": "GitHub Pages", "cockroachdb": "CockroachDB",
	"supabase": "Supabase", "h2": "H2", "adonisjs": "AdonisJS", "hono": "Hono", "nextjs": "Next.js",
	"postgresql": "PostgreSQL", "mysql": "MySQL", "mariadb": "MariaDB", "sqlite": "SQLite", "mongodb": "MongoDB",
	"redis": "Redis", "sqlserver": "SQL Server", "oracle": "Oracle", "cassandra": "Cassandra",
	"dynamodb": "DynamoDB", "elasticsearch": "Elasticsearch", "neo4j": "Neo4j", "firestore": "Firestore",
	"github-actions": "GitHub Actions", "gitlab-ci": "GitLab CI", "circleci": "CircleCI", "travis": "Travis CI",
	"jenkins": "Jenkins", "azure-pipelines": "Azure Pipelines", "bitbucket-pipelines": "Bitbucket Pipelines",
	"junit": "JUnit", "testng": "TestNG", "mockito": "Mockito", "spock": "Spock", "pytest": "pytest",
	"unittest": "unittest", "django-test": "Django test", "jest": "Jest", "mocha": "Mocha", "vitest": "Vitest",
	"jasmine": "Jasmine", "supertest": "Supertest", "rspec": "RSpec", "minitest": "Minitest", "phpunit": "PHPUnit",
	"pest": "Pest", "go-test": "Go", "testify": "testify", "xunit": "xUnit", "nunit": "NUnit",
	"mstest": "MSTest", "cargo-test": "cargo test", "exunit": "ExUnit",
	"jwt": "JWT", "bcrypt": "bcrypt password hashing", "argon2": "Argon2 password hashing",
	"sessions": "session-based auth", "passport": "Passport", "devise": "Devise",
	"spring-security": "Spring Security", "oauth": "OAuth", "sanctum": "Sanctum", "django-auth": "Django auth",
	"fly": "Fly.io", "render": "Render", "vercel": "Vercel", "netlify": "Netlify", "heroku": "Heroku",
	"kubernetes": "Kubernetes", "helm": "Helm", "terraform": "Terraform", "docker": "Docker",
	"compose": "Docker Compose", "procfile": "a Procfile", "serverless": "Serverless",
}

// Display returns the display name of an id ("spring-boot" -> "Spring
// Boot"); unknown ids come back unchanged.
func Display(id string) string {
	if n, ok := names[id]; ok {
		return n
	}
	return id
}

// Or joins display names in words: "A, B or C".
func Or(ids []string) string { return join(ids, "or") }

// And joins display names in words: "A, B and C".
func And(ids []string) string { return join(ids, "and") }

func join(ids []string, word string) string {
	d := make([]string, len(ids))
	for i, id := range ids {
		d[i] = Display(id)
	}
	switch len(d) {
	case 0:
		return ""
	case 1:
		return d[0]
	}
	return strings.Join(d[:len(d)-1], ", ") + " " + word + " " + d[len(d)-1]
}

// language returns the repository's main backend language, else its
// primary language.
func language(r *facts.Repo) string {
	if len(r.BackendLanguages) > 0 {
		return r.BackendLanguages[0]
	}
	return r.PrimaryLanguage
}

func hasManifest(r *facts.Repo, names ...string) bool {
	for _, m := range r.Stack.Manifests {
		base := m[strings.LastIndex(m, "/")+1:]
		if slices.Contains(names, base) {
			return true
		}
	}
	return false
}

// TestCommand is the command that runs a repository's tests, from its
// language, build tool and frameworks.
func TestCommand(r *facts.Repo) string {
	fw, tf := r.Stack.Frameworks, r.Tests.Frameworks
	switch language(r) {
	case "Go":
		return "go test ./..."
	case "Python":
		if slices.Contains(fw, "django") && !slices.Contains(tf, "pytest") {
			return "python manage.py test"
		}
		return "pytest"
	case "JavaScript", "TypeScript":
		return "npm test"
	case "Java", "Kotlin", "Groovy", "Scala":
		switch {
		case hasManifest(r, "pom.xml"):
			return "mvn test"
		case hasManifest(r, "build.sbt"):
			return "sbt test"
		case hasManifest(r, "build.gradle", "build.gradle.kts"):
			return "./gradlew test"
		}
		return "mvn test"
	case "PHP":
		// php artisan test exists only from Laravel 7; PHPUnit's own runner
		// works in every version.
		return "vendor/bin/phpunit"
	case "Ruby":
		if slices.Contains(tf, "rspec") || !slices.Contains(fw, "rails") {
			return "bundle exec rspec"
		}
		return "bin/rails test"
	case "C#", "F#":
		return "dotnet test"
	case "Rust":
		return "cargo test"
	case "Elixir":
		return "mix test"
	}
	return "your test command"
}

// testFramework suggests the usual test framework for a language.
func testFramework(r *facts.Repo) string {
	if len(r.Tests.Frameworks) > 0 {
		return Display(r.Tests.Frameworks[0])
	}
	fw := r.Stack.Frameworks
	switch language(r) {
	case "Go":
		return "the testing package"
	case "Python":
		if slices.Contains(fw, "django") {
			return "Django's TestCase"
		}
		return "pytest"
	case "JavaScript", "TypeScript":
		if slices.Contains(fw, "nestjs") || slices.Contains(fw, "express") {
			return "Jest with Supertest"
		}
		return "Jest"
	case "Java", "Kotlin":
		if slices.Contains(fw, "spring-boot") {
			return "JUnit 5 with @SpringBootTest and MockMvc"
		}
		return "JUnit 5"
	case "PHP":
		return "PHPUnit"
	case "Ruby":
		// A Rails app keeps to the framework it was generated with
		// (minitest under test/) unless it already uses RSpec.
		if slices.Contains(fw, "rails") {
			return "Rails' minitest (test/)"
		}
		return "RSpec"
	case "C#":
		return "xUnit"
	case "Rust":
		return "#[test] functions"
	case "Elixir":
		return "ExUnit"
	}
	return "a test framework"
}

func manifest(r *facts.Repo) string {
	if len(r.Stack.Manifests) > 0 {
		return r.Stack.Manifests[0]
	}
	switch language(r) {
	case "Go":
		return "go.mod"
	case "Python":
		return "requirements.txt"
	case "JavaScript", "TypeScript":
		return "package.json"
	case "Java", "Kotlin":
		return "pom.xml"
	case "PHP":
		return "composer.json"
	case "Ruby":
		return "Gemfile"
	case "C#":
		return "the .csproj file"
	case "Rust":
		return "Cargo.toml"
	}
	return "the dependency manifest"
}

// frameworkLanguages says which languages a framework is written in.
var frameworkLanguages = map[string][]string{
	"spring-boot": {"Java", "Kotlin"}, "quarkus": {"Java", "Kotlin"}, "micronaut": {"Java", "Kotlin"}, "ktor": {"Kotlin"},
	"dropwizard": {"Java"}, "javalin": {"Java", "Kotlin"}, "vertx": {"Java", "Kotlin"},
	"django": {"Python"}, "django-rest-framework": {"Python"}, "flask": {"Python"}, "fastapi": {"Python"},
	"litestar": {"Python"}, "sanic": {"Python"}, "falcon": {"Python"}, "tornado": {"Python"}, "pyramid": {"Python"},
	"bottle": {"Python"}, "lumen": {"PHP"}, "cakephp": {"PHP"}, "codeigniter": {"PHP"}, "hanami": {"Ruby"},
	"grape": {"Ruby"}, "beego": {"Go"}, "actix-web": {"Rust"}, "rocket": {"Rust"}, "warp": {"Rust"},
	"express": {"JavaScript", "TypeScript"}, "nestjs": {"TypeScript", "JavaScript"}, "fastify": {"JavaScript", "TypeScript"},
	"koa": {"JavaScript", "TypeScript"}, "hapi": {"JavaScript", "TypeScript"}, "adonisjs": {"TypeScript", "JavaScript"},
	"hono": {"TypeScript", "JavaScript"}, "laravel": {"PHP"}, "symfony": {"PHP"}, "slim": {"PHP"},
	"rails": {"Ruby"}, "sinatra": {"Ruby"}, "gin": {"Go"}, "echo": {"Go"}, "fiber": {"Go"}, "chi": {"Go"},
	"gorilla-mux": {"Go"}, "aspnet-core": {"C#", "F#"}, "aspnet": {"C#", "F#"}, "actix": {"Rust"}, "axum": {"Rust"},
	"phoenix": {"Elixir"},
}

func frameworksFor(fws []string, lang string) []string {
	var out []string
	for _, f := range fws {
		if slices.Contains(frameworkLanguages[f], lang) {
			out = append(out, f)
		}
	}
	return out
}

// NewData fills template data for repo (nil for a profile rule).
func NewData(repo *facts.Repo, profile *facts.Profile, role *Role) *Data {
	d := &Data{Facts: &facts.Repo{}, Profile: profile, CIFile: ".github/workflows/ci.yml"}
	if profile == nil {
		d.Profile = &facts.Profile{}
	}
	d.Login = d.Profile.Login
	if role != nil {
		d.Role = role.Name
		d.RoleFrameworks = Or(role.Frameworks)
		d.RoleLanguages = Or(role.Languages)
		if len(role.Frameworks) > 0 {
			d.Framework = Display(role.Frameworks[0])
		}
	}
	if repo == nil {
		d.Repo = "your profile"
		return d
	}
	d.Facts = repo
	d.Repo, d.FullName = repo.Name, repo.FullName
	d.Language = language(repo)
	d.TestCommand = TestCommand(repo)
	d.TestFramework = testFramework(repo)
	d.Manifest = manifest(repo)
	d.ReadmeMissing = readmeMissing(repo)
	d.APIDocsTool = apiDocsTool(repo)
	if role != nil {
		// Name the role's frameworks for this repository's language: a
		// Python project is told about Django, not about all of them.
		if fw := frameworksFor(role.Frameworks, d.Language); len(fw) > 0 {
			d.RoleFrameworks = Or(fw[:min(3, len(fw))])
			d.Framework = Display(fw[0])
		}
	}
	if len(repo.Stack.Frameworks) > 0 {
		d.Framework = Display(repo.Stack.Frameworks[0])
	}
	if len(repo.CI.Files) > 0 {
		d.CIFile = repo.CI.Files[0]
	}
	return d
}

// readmeSections are what a reviewer looks for in a project README, in the
// order a README usually has them, with the words advice uses for them.
var readmeSections = []struct{ id, words string }{
	{"description", "what it does"}, {"tech-stack", "the tech stack"}, {"installation", "setup steps (the exact commands)"},
	{"usage", "usage or API examples"}, {"screenshots", "a screenshot or demo"}, {"tests", "how to run the tests"},
}

func readmeMissing(r *facts.Repo) string {
	var out []string
	for _, s := range readmeSections {
		if !slices.Contains(r.Readme.Sections, s.id) && !(s.id == "usage" && slices.Contains(r.Readme.Sections, "api")) {
			out = append(out, s.words)
		}
	}
	return strings.Join(out, ", ")
}

// apiDocsTool names the usual OpenAPI generator for the repository's stack.
func apiDocsTool(r *facts.Repo) string {
	fw := r.Stack.Frameworks
	switch language(r) {
	case "Java", "Kotlin":
		return "springdoc-openapi"
	case "Python":
		switch {
		case slices.Contains(fw, "fastapi"):
			return "FastAPI's built-in /openapi.json"
		case slices.Contains(fw, "django"):
			return "drf-spectacular"
		}
		return "flask-smorest or apispec"
	case "JavaScript", "TypeScript":
		if slices.Contains(fw, "nestjs") {
			return "@nestjs/swagger"
		}
		return "swagger-jsdoc"
	case "Go":
		return "swaggo/swag"
	case "PHP":
		if slices.Contains(fw, "laravel") {
			return "L5-Swagger"
		}
		return "swagger-php"
	case "Ruby":
		return "rswag"
	case "C#":
		return "Swashbuckle"
	}
	return "an OpenAPI generator for your framework"
}
