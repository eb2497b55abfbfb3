package stack

import (
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/pathway-dev/pathway/internal/facts"
	"github.com/pathway-dev/pathway/internal/snapshot"
	"github.com/pathway-dev/pathway/internal/snapshot/snapshottest"
)

// load reads testdata/<name> into a snapshot as a source would.
func load(t testing.TB, name string) *snapshot.Repo {
	t.Helper()
	return snapshottest.Dir(t, filepath.Join("testdata", name), name)
}

func repo(files map[string]string) *snapshot.Repo { return snapshottest.Map("r", files) }

func orEmpty(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

func TestFixtures(t *testing.T) {
	cases := []struct {
		name                  string
		frameworks, databases []string
		orms, http            []string
		migrations, schema    bool
		manifests, lockfiles  []string
		minDeps               int
	}{
		{name: "django-good", frameworks: []string{"django", "django-rest-framework"}, databases: []string{"postgresql", "redis"},
			orms: []string{"django-orm"}, http: []string{"requests"}, migrations: true,
			manifests: []string{"requirements-dev.txt", "requirements.txt"}, minDeps: 8},
		{name: "flask-poetry-lock", frameworks: []string{"flask"}, http: []string{"requests"},
			manifests: []string{"pyproject.toml"}, lockfiles: []string{"poetry.lock"}, minDeps: 4},
		{name: "fastapi-pep621", frameworks: []string{"fastapi"}, databases: []string{"postgresql"}, orms: []string{"sqlalchemy"},
			migrations: true, manifests: []string{"pyproject.toml"}, minDeps: 8},
		{name: "express-mongoose-dev", frameworks: []string{"express"}, http: []string{"axios"},
			manifests: []string{"package.json"}, lockfiles: []string{"package-lock.json"}, minDeps: 6},
		{name: "nestjs-prisma", frameworks: []string{"nestjs"}, databases: []string{"postgresql"}, orms: []string{"prisma"},
			migrations: true, schema: true, manifests: []string{"package.json"}, lockfiles: []string{"yarn.lock"}, minDeps: 7},
		{name: "spring-boot-maven", frameworks: []string{"spring-boot"}, databases: []string{"postgresql"}, orms: []string{"hibernate"},
			http: []string{"resttemplate"}, migrations: true, manifests: []string{"pom.xml"}, minDeps: 6},
		{name: "spring-boot-gradle", frameworks: []string{"spring-boot"}, databases: []string{"mongodb"}, http: []string{"okhttp"},
			manifests: []string{"build.gradle.kts"}, lockfiles: []string{"gradle.lockfile"}, minDeps: 5},
		{name: "rails-good", frameworks: []string{"rails"}, databases: []string{"postgresql", "redis"}, orms: []string{"activerecord"},
			http: []string{"faraday"}, migrations: true, schema: true, manifests: []string{"Gemfile"}, lockfiles: []string{"Gemfile.lock"}, minDeps: 11},
		{name: "laravel-app", frameworks: []string{"laravel"}, databases: []string{"mysql"}, orms: []string{"eloquent"}, migrations: true,
			manifests: []string{"composer.json"}, lockfiles: []string{"composer.lock"}, minDeps: 5},
		{name: "gin-indirect", frameworks: []string{"gin"}, databases: []string{"redis"},
			manifests: []string{"go.mod"}, lockfiles: []string{"go.sum"}, minDeps: 2},
		{name: "gin-gorm", frameworks: []string{"gin"}, databases: []string{"postgresql"}, orms: []string{"gorm"}, http: []string{"resty"},
			migrations: true, manifests: []string{"go.mod"}, minDeps: 4},
		// gorm v1 picks its database by a blank dialect import in code; the drivers are "// indirect" in go.mod.
		{name: "gin-gorm-v1", frameworks: []string{"gin"}, databases: []string{"sqlite"}, orms: []string{"gorm"},
			manifests: []string{"go.mod"}, minDeps: 4},
		{name: "monorepo", frameworks: []string{"fastapi"}, databases: []string{"mongodb"}, http: []string{"axios"},
			manifests: []string{"backend/requirements.txt", "frontend/package.json"}, lockfiles: []string{"frontend/pnpm-lock.yaml"}, minDeps: 6},
		{name: "aspnet-api", frameworks: []string{"aspnet-core"}, databases: []string{"postgresql"}, orms: []string{"entity-framework"},
			http: []string{"restsharp"}, migrations: true, manifests: []string{"Api.Tests/Api.Tests.csproj", "Api/Api.csproj"}, minDeps: 6},
		{name: "rust-axum", frameworks: []string{"axum"}, databases: []string{"postgresql"}, http: []string{"reqwest"},
			manifests: []string{"Cargo.toml"}, lockfiles: []string{"Cargo.lock"}, minDeps: 6},
		{name: "flask-pipcompile", frameworks: []string{"flask"},
			manifests: []string{"requirements.in", "requirements.txt"}, minDeps: 2},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			st, deps := Detect(load(t, c.name))
			check := func(what string, got, want []string) {
				t.Helper()
				if !reflect.DeepEqual(orEmpty(got), orEmpty(want)) {
					t.Errorf("%s = %v, want %v", what, got, want)
				}
			}
			check("frameworks", st.Frameworks, c.frameworks)
			check("databases", st.Databases, c.databases)
			check("orms", st.ORMs, c.orms)
			check("http clients", st.HTTPClients, c.http)
			check("manifests", st.Manifests, c.manifests)
			check("lockfiles", st.Lockfiles, c.lockfiles)
			if st.Migrations != c.migrations || st.Schema != c.schema {
				t.Errorf("migrations=%v schema=%v, want %v %v", st.Migrations, st.Schema, c.migrations, c.schema)
			}
			if st.Dependencies < c.minDeps || st.Dependencies > len(deps) {
				t.Errorf("dependencies = %d (list %d), want >= %d", st.Dependencies, len(deps), c.minDeps)
			}
			// Every framework and database is backed by a file and line.
			for _, kind := range []struct {
				prefix string
				ids    []string
			}{{"framework ", st.Frameworks}, {"database ", st.Databases}} {
				for _, id := range kind.ids {
					if ev := findEvidence(st.Evidence, kind.prefix+id+":"); ev == nil || ev.Path == "" || ev.Line == 0 || ev.Repo != c.name {
						t.Errorf("%s%s: evidence %+v, want repo, path and line", kind.prefix, id, ev)
					}
				}
			}
			for _, d := range deps {
				if d.Line <= 0 || d.File == "" || d.Name == "" {
					t.Errorf("dependency without position: %+v", d)
				}
				if strings.Contains(d.File, "node_modules/") || strings.Contains(d.File, "vendor/") {
					t.Errorf("dependency read from third-party code: %+v", d)
				}
			}
		})
	}
}

func findEvidence(evs []facts.Evidence, prefix string) *facts.Evidence {
	for i := range evs {
		if strings.HasPrefix(evs[i].Text, prefix) {
			return &evs[i]
		}
	}
	return nil
}

func dep(t *testing.T, deps []Dependency, name string) Dependency {
	t.Helper()
	for _, d := range deps {
		if d.Name == name {
			return d
		}
	}
	t.Fatalf("no dependency %q in %+v", name, deps)
	return Dependency{}
}

func hasDep(deps []Dependency, name string) bool {
	for _, d := range deps {
		if d.Name == name {
			return true
		}
	}
	return false
}

func TestIndirectGoDependencyIgnored(t *testing.T) {
	st, deps := Detect(load(t, "gin-indirect"))
	if hasDep(deps, "github.com/go-sql-driver/mysql") || hasDep(deps, "github.com/lib/pq") {
		t.Errorf("indirect requirements listed as direct: %+v", deps)
	}
	if slices.Contains(st.Databases, "mysql") {
		t.Errorf("mysql claimed from an // indirect requirement")
	}
	gin := dep(t, deps, "github.com/gin-gonic/gin")
	if gin.Line != 6 || gin.Version != "v1.9.1" || gin.Ecosystem != "go" {
		t.Errorf("gin = %+v, want line 6 v1.9.1", gin)
	}
}

// TestGoCodeImports: a driver or dialect imported by the repository's own
// code is the database it uses; one imported only by tests, or required
// "// indirect" in go.mod, is not.
func TestGoCodeImports(t *testing.T) {
	st, deps := Detect(load(t, "gin-gorm-v1"))
	ev := findEvidence(st.Evidence, "database sqlite:")
	want := `database sqlite: Go driver import _ "github.com/jinzhu/gorm/dialects/sqlite"`
	if ev == nil || ev.Path != "common/database.go" || ev.Line != 6 || ev.Text != want {
		t.Errorf("sqlite evidence = %+v, want common/database.go:6 %s", ev, want)
	}
	if hasDep(deps, "github.com/mattn/go-sqlite3") || hasDep(deps, "github.com/jinzhu/gorm/dialects/sqlite") {
		t.Errorf("code imports or indirect requirements listed as manifest dependencies: %+v", deps)
	}

	cases := []struct {
		name  string
		files map[string]string
		want  []string
	}{
		{"database/sql driver with go.mod", map[string]string{
			"go.mod":                     "module example.com/notes\n\ngo 1.22\n\nrequire github.com/lib/pq v1.10.9\n",
			"internal/store/postgres.go": "package store\n\nimport (\n\t\"database/sql\"\n\n\t_ \"github.com/lib/pq\"\n)\n\nfunc Open(dsn string) (*sql.DB, error) { return sql.Open(\"postgres\", dsn) }\n",
		}, []string{"postgresql"}},
		{"GOPATH-era repo without go.mod", map[string]string{
			"main.go": "package main\n\nimport (\n\t\"database/sql\"\n\t\"net/http\"\n\n\t_ \"github.com/go-sql-driver/mysql\"\n)\n\nfunc main() { sql.Open(\"mysql\", \"root@/todo\"); http.ListenAndServe(\":8080\", nil) }\n",
		}, []string{"mysql"}},
		{"gorm v2 driver in code", map[string]string{
			"go.mod":   "module example.com/shop\n\ngo 1.22\n\nrequire (\n\tgorm.io/driver/postgres v1.5.4\n\tgorm.io/gorm v1.25.5\n)\n",
			"db/db.go": "package db\n\nimport (\n\t\"gorm.io/driver/postgres\"\n\t\"gorm.io/gorm\"\n)\n\nfunc Open(dsn string) (*gorm.DB, error) { return gorm.Open(postgres.Open(dsn)) }\n",
		}, []string{"postgresql"}},
		{"only tests and test folders import drivers", map[string]string{
			"go.mod":                       "module example.com/api\n\ngo 1.22\n\nrequire github.com/gin-gonic/gin v1.9.1\n\nrequire github.com/mattn/go-sqlite3 v1.14.22 // indirect\n",
			"main.go":                      "package main\n\nimport \"github.com/gin-gonic/gin\"\n\nfunc main() { gin.Default().Run() }\n",
			"store_test.go":                "package main\n\nimport _ \"github.com/mattn/go-sqlite3\"\n",
			"test/integration/helpers.go":  "package integration\n\nimport _ \"github.com/lib/pq\"\n",
			"internal/testdata/fixture.go": "package testdata\n\nimport _ \"github.com/go-sql-driver/mysql\"\n",
		}, nil},
		{"a string mentioning a driver is no import", map[string]string{
			"main.go": "package main\n\nconst hint = `import _ \"github.com/lib/pq\"`\n\nfunc main() {}\n",
		}, nil},
		{"broken Go file", map[string]string{
			"main.go": "package main\n\nimport (\n\t_ \"github.com/lib/pq\n",
		}, nil},
	}
	for _, c := range cases {
		st, _ := Detect(repo(c.files))
		if !reflect.DeepEqual(orEmpty(st.Databases), orEmpty(c.want)) {
			t.Errorf("%s: databases = %v, want %v", c.name, st.Databases, c.want)
		}
		for _, id := range st.Databases {
			if ev := findEvidence(st.Evidence, "database "+id+":"); ev == nil || ev.Path == "" || ev.Line == 0 {
				t.Errorf("%s: %s evidence %+v, want file and line", c.name, id, ev)
			}
		}
	}
}

func TestDevOnlyDatabaseNotClaimed(t *testing.T) {
	st, deps := Detect(load(t, "express-mongoose-dev"))
	m := dep(t, deps, "mongoose")
	if !m.Dev || m.Line != 13 {
		t.Errorf("mongoose = %+v, want Dev on line 13", m)
	}
	if slices.Contains(st.Databases, "mongodb") || slices.Contains(st.ORMs, "mongoose") {
		t.Errorf("devDependency claimed: dbs %v orms %v", st.Databases, st.ORMs)
	}
	if hasDep(deps, "pg") || hasDep(deps, "pg-pool") {
		t.Errorf("node_modules read: %+v", deps)
	}
	ex := dep(t, deps, "express")
	if ex.Dev || ex.Line != 7 || ex.Version != "^4.18.2" {
		t.Errorf("express = %+v, want runtime on line 7", ex)
	}
}

func TestTransitiveLockNotClaimed(t *testing.T) {
	for _, name := range []string{"flask-poetry-lock", "flask-pipcompile"} {
		st, deps := Detect(load(t, name))
		if hasDep(deps, "sqlalchemy") || len(st.Databases) != 0 || len(st.ORMs) != 0 {
			t.Errorf("%s: transitive sqlalchemy claimed: dbs %v orms %v deps %+v", name, st.Databases, st.ORMs, deps)
		}
	}
	_, deps := Detect(load(t, "flask-pipcompile"))
	if d := dep(t, deps, "alembic"); d.File != "requirements.in" && d.File != "requirements.txt" {
		t.Errorf("alembic from %s", d.File)
	}
	if hasDep(deps, "blinker") || hasDep(deps, "mako") {
		t.Errorf("pip-compile transitive entries listed: %+v", deps)
	}
}

func TestSpringBootMaven(t *testing.T) {
	st, deps := Detect(load(t, "spring-boot-maven"))
	h2 := dep(t, deps, "com.h2database:h2")
	if !h2.Dev {
		t.Errorf("test-scoped h2 not Dev: %+v", h2)
	}
	if slices.Contains(st.Databases, "h2") {
		t.Errorf("h2 claimed from test scope or test resources")
	}
	if hasDep(deps, "com.mysql:mysql-connector-j") {
		t.Errorf("dependencyManagement entry listed as a dependency")
	}
	pg := dep(t, deps, "org.postgresql:postgresql")
	if pg.Line != 35 || pg.Dev {
		t.Errorf("postgresql = %+v, want runtime on line 35", pg)
	}
	ev := findEvidence(st.Evidence, "framework spring-boot:")
	if ev == nil || ev.Path != "pom.xml" || ev.Line != 27 {
		t.Errorf("spring-boot evidence %+v, want the first starter on pom.xml:27", ev)
	}
	if ev := findEvidence(st.Evidence, "database postgresql:"); ev == nil || ev.Path != "pom.xml" {
		t.Errorf("postgresql evidence %+v, want the manifest before application.properties", ev)
	}
}

func TestMigrationsNeedMigrationFiles(t *testing.T) {
	st, _ := Detect(repo(map[string]string{"docs/migrations/upgrade.md": "# notes", "app/migrations/__init__.py": "", "README.md": "x"}))
	if st.Migrations {
		t.Errorf("upgrade notes and an empty Django migrations package counted as migrations")
	}
	st, _ = Detect(repo(map[string]string{"src/main/resources/db/changelog/db.changelog-master.yaml": "databaseChangeLog: []"}))
	if !st.Migrations {
		t.Errorf("Liquibase changelog not counted")
	}
}

func TestSpringConfigOnly(t *testing.T) {
	r := repo(map[string]string{
		"pom.xml":                            `<project><parent><groupId>org.springframework.boot</groupId><artifactId>spring-boot-starter-parent</artifactId></parent></project>`,
		"src/main/resources/application.yml": "spring:\n  datasource:\n    url: jdbc:mysql://db:3306/shop?user=root&password=hunter2\n  data:\n    redis:\n      host: cache\n",
	})
	st, _ := Detect(r)
	if !reflect.DeepEqual(st.Frameworks, []string{"spring-boot"}) || !reflect.DeepEqual(st.Databases, []string{"mysql", "redis"}) {
		t.Fatalf("frameworks %v databases %v", st.Frameworks, st.Databases)
	}
	for _, e := range st.Evidence {
		if strings.Contains(e.Text, "hunter2") || strings.Contains(e.Text, "root") {
			t.Errorf("evidence quotes a connection string: %q", e.Text)
		}
	}
	if ev := findEvidence(st.Evidence, "database mysql:"); ev == nil || ev.Line != 3 {
		t.Errorf("mysql evidence %+v, want application.yml:3", ev)
	}
}

func TestGradleCatalogAndComments(t *testing.T) {
	st, deps := Detect(load(t, "spring-boot-gradle"))
	if hasDep(deps, "org.postgresql:postgresql") || hasDep(deps, "mysql:mysql-connector-java") {
		t.Errorf("commented-out dependency read: %+v", deps)
	}
	if hasDep(deps, "org.springframework.cloud:spring-cloud-dependencies") {
		t.Errorf("platform BOM listed as a dependency")
	}
	ok := dep(t, deps, "com.squareup.okhttp3:okhttp")
	if ok.Version != "4.12.0" || ok.Line != 11 {
		t.Errorf("catalog alias = %+v, want 4.12.0 on line 11", ok)
	}
	if tc := dep(t, deps, "org.testcontainers:mongodb"); !tc.Dev {
		t.Errorf("testImplementation not Dev: %+v", tc)
	}
	if ev := findEvidence(st.Evidence, "framework spring-boot:"); ev == nil || ev.Line != 9 {
		t.Errorf("spring-boot evidence %+v", ev)
	}
}

func TestRailsGemfileGroups(t *testing.T) {
	st, deps := Detect(load(t, "rails-good"))
	for name, dev := range map[string]bool{"rails": false, "pg": false, "bootsnap": false, "rspec-rails": true, "sqlite3": true,
		"web-console": true, "httparty": true, "faraday": false, "debug": true} {
		if d := dep(t, deps, name); d.Dev != dev {
			t.Errorf("%s Dev = %v, want %v", name, d.Dev, dev)
		}
	}
	if v := dep(t, deps, "rails").Version; v != "~> 7.1.2" {
		t.Errorf("rails version %q", v)
	}
	if slices.Contains(st.Databases, "sqlite") || slices.Contains(st.Databases, "mysql") || slices.Contains(st.HTTPClients, "httparty") {
		t.Errorf("dev group or lock file claimed: dbs %v http %v", st.Databases, st.HTTPClients)
	}
}

func TestLaravelSkeletonGuzzleIgnored(t *testing.T) {
	st, deps := Detect(load(t, "laravel-app"))
	if slices.Contains(st.HTTPClients, "guzzle") {
		t.Errorf("guzzle from the Laravel skeleton claimed as an API client")
	}
	if hasDep(deps, "php") || hasDep(deps, "ext-json") || hasDep(deps, "predis/predis") {
		t.Errorf("platform or vendored requirement listed: %+v", deps)
	}
	if d := dep(t, deps, "phpunit/phpunit"); !d.Dev {
		t.Errorf("require-dev not Dev: %+v", d)
	}
	if ev := findEvidence(st.Evidence, "database mysql:"); ev == nil || ev.Path != ".env.example" || ev.Line != 2 {
		t.Errorf("mysql evidence %+v", ev)
	}
}

func TestAspNetTestProjectIsDev(t *testing.T) {
	st, deps := Detect(load(t, "aspnet-api"))
	if d := dep(t, deps, "Microsoft.EntityFrameworkCore.Sqlite"); !d.Dev {
		t.Errorf("test project dependency not Dev: %+v", d)
	}
	if slices.Contains(st.Databases, "sqlite") {
		t.Errorf("sqlite claimed from a test project")
	}
	if d := dep(t, deps, "RestSharp"); d.Version != "110.2.0" || d.Line != 8 {
		t.Errorf("RestSharp = %+v, want version from the child element", d)
	}
}

func TestCargo(t *testing.T) {
	st, deps := Detect(load(t, "rust-axum"))
	if d := dep(t, deps, "serde"); d.Line != 12 || d.Version != "1" {
		t.Errorf("serde = %+v, want [dependencies.serde] on line 12", d)
	}
	if d := dep(t, deps, "redis"); !d.Dev || slices.Contains(st.Databases, "redis") {
		t.Errorf("dev-dependency redis: %+v, databases %v", d, st.Databases)
	}
	if ev := findEvidence(st.Evidence, "database postgresql:"); ev == nil || ev.Line != 9 || !strings.Contains(ev.Text, "feature postgres") {
		t.Errorf("postgresql evidence %+v", ev)
	}
}

func TestPyprojectLines(t *testing.T) {
	_, deps := Detect(load(t, "fastapi-pep621"))
	for name, want := range map[string]int{"fastapi": 6, "uvicorn": 7, "SQLAlchemy": 8, "asyncpg": 9, "alembic": 10} {
		if d := dep(t, deps, name); d.Line != want || d.Dev {
			t.Errorf("%s = %+v, want runtime on line %d", name, d, want)
		}
	}
	if d := dep(t, deps, "httpx"); !d.Dev || d.Line != 14 {
		t.Errorf("httpx = %+v, want Dev on line 14", d)
	}
	if a := dep(t, deps, "asyncpg"); a.Version != ">=0.29" {
		t.Errorf("asyncpg version %q: markers not split off", a.Version)
	}
	_, deps = Detect(load(t, "flask-poetry-lock"))
	if d := dep(t, deps, "Flask"); d.Line != 8 || d.Version != "^3.0" {
		t.Errorf("Flask = %+v", d)
	}
	if d := dep(t, deps, "requests"); d.Version != "^2.31" || d.Line != 10 {
		t.Errorf("requests = %+v", d)
	}
	if d := dep(t, deps, "pytest"); !d.Dev || d.Line != 13 {
		t.Errorf("pytest = %+v", d)
	}
	if hasDep(deps, "python") {
		t.Errorf("python listed as a dependency")
	}
}

func TestRequirements(t *testing.T) {
	r := repo(map[string]string{
		"requirements/base.txt": "Django==5.0  # web\n-c constraints.txt\nflask-sqlalchemy[async]>=3 ; python_version>'3.8'\n" +
			"psycopg[binary] @ https://example.com/psycopg.whl\n-e git+https://github.com/a/b.git#egg=mylib\n" +
			"https://example.com/pkg.tar.gz\n./local/pkg\n--index-url https://pypi.org/simple\nrequests \\\n    >=2.31\n",
		"requirements/dev.txt":         "-r base.txt\npytest==8.0 --hash=sha256:abc\n",
		"requirements/constraints.txt": "sqlalchemy<2\n",
		"tools/requirements-lint.txt":  "ruff\n-r ../../outside.txt\n-r missing.txt\n",
	})
	st, deps := Detect(r)
	want := map[string]int{"Django": 1, "flask-sqlalchemy": 3, "psycopg": 4, "mylib": 5, "requests": 9}
	for name, line := range want {
		if d := dep(t, deps, name); d.Line != line || d.File != "requirements/base.txt" || d.Dev {
			t.Errorf("%s = %+v, want base.txt:%d", name, d, line)
		}
	}
	if d := dep(t, deps, "pytest"); !d.Dev || d.Version != "==8.0" {
		t.Errorf("pytest = %+v", d)
	}
	if d := dep(t, deps, "ruff"); !d.Dev {
		t.Errorf("ruff from requirements-lint.txt not Dev: %+v", d)
	}
	if hasDep(deps, "sqlalchemy") {
		t.Errorf("constraint file read as requirements")
	}
	if !slices.Contains(st.ORMs, "sqlalchemy") || !slices.Contains(st.Databases, "postgresql") {
		t.Errorf("orms %v databases %v", st.ORMs, st.Databases)
	}
	n := 0
	for _, d := range deps {
		if d.Name == "Django" {
			n++
		}
	}
	if n != 1 {
		t.Errorf("Django listed %d times (include and own parse)", n)
	}
}

func TestSetupPyAndCfg(t *testing.T) {
	r := repo(map[string]string{
		"setup.py": `from setuptools import setup
REQS = open("requirements.txt").read().splitlines()
setup(
    name="svc",
    install_requires=[
        "flask>=2",  # web [framework]
        'redis',
        # "psycopg2",
    ],
    tests_require=["pytest"],
    extras_require={"pg": ["psycopg2"]},
)
`,
		"lib/setup.cfg": "[metadata]\nname = lib\n\n[options]\ninstall_requires =\n    fastapi>=0.100\n    pymongo\ntests_require = pytest\n\n[options.extras_require]\ntest =\n    httpx\n",
	})
	st, deps := Detect(r)
	if d := dep(t, deps, "flask"); d.Line != 6 || d.File != "setup.py" {
		t.Errorf("flask = %+v", d)
	}
	if d := dep(t, deps, "redis"); d.Line != 7 {
		t.Errorf("redis = %+v", d)
	}
	if hasDep(deps, "psycopg2") {
		t.Errorf("commented or extras entry read from setup.py: %+v", deps)
	}
	if d := dep(t, deps, "fastapi"); d.Line != 6 || d.File != "lib/setup.cfg" {
		t.Errorf("fastapi = %+v", d)
	}
	if d := dep(t, deps, "httpx"); !d.Dev || d.Line != 12 {
		t.Errorf("httpx = %+v", d)
	}
	if !reflect.DeepEqual(st.Frameworks, []string{"fastapi", "flask"}) || !reflect.DeepEqual(st.Databases, []string{"mongodb", "redis"}) {
		t.Errorf("frameworks %v databases %v", st.Frameworks, st.Databases)
	}
}

func TestPipfileAndMix(t *testing.T) {
	r := repo(map[string]string{
		"Pipfile": "[[source]]\nurl = \"https://pypi.org/simple\"\n\n[packages]\nfastapi = \"*\"\n\"psycopg2-binary\" = {version = \"*\"}\n\n[dev-packages]\npytest = \"*\"\n",
		"mix.exs": "defmodule App.MixProject do\n  defp deps do\n    [\n      {:phoenix, \"~> 1.7.10\"},\n      {:ecto_sql, \"~> 3.10\"},\n      {:postgrex, \">= 0.0.0\"},\n      # {:myxql, \">= 0.0.0\"},\n      {:floki, \">= 0.30.0\", only: :test},\n      {:phoenix_live_reload, \"~> 1.2\", only: [:dev]}\n    ]\n  end\nend\n",
	})
	st, deps := Detect(r)
	if d := dep(t, deps, "psycopg2-binary"); d.Line != 6 {
		t.Errorf("psycopg2-binary = %+v", d)
	}
	if d := dep(t, deps, "pytest"); !d.Dev || d.Line != 9 {
		t.Errorf("pytest = %+v", d)
	}
	if d := dep(t, deps, "floki"); !d.Dev {
		t.Errorf("floki = %+v", d)
	}
	if hasDep(deps, "myxql") {
		t.Errorf("commented mix dep read")
	}
	if !reflect.DeepEqual(st.Frameworks, []string{"fastapi", "phoenix"}) || !reflect.DeepEqual(st.Databases, []string{"postgresql"}) ||
		!reflect.DeepEqual(st.ORMs, []string{"ecto"}) {
		t.Errorf("frameworks %v databases %v orms %v", st.Frameworks, st.Databases, st.ORMs)
	}
}

func TestComposeImages(t *testing.T) {
	cases := map[string]string{
		"postgres:16-alpine": "postgresql", "postgis/postgis:15-3.4": "postgresql", "bitnami/postgresql:latest": "postgresql",
		"mysql:8": "mysql", "mariadb:11": "mariadb", "mongo": "mongodb", "docker.io/library/redis:7.2@sha256:abc": "redis",
		"mcr.microsoft.com/mssql/server:2022-latest": "sqlserver", "amazon/dynamodb-local": "dynamodb", "neo4j:5": "neo4j",
		"docker.elastic.co/elasticsearch/elasticsearch:8.11.0": "elasticsearch", "localhost:5000/postgres:16": "postgresql",
		"nginx:alpine": "", "adminer": "", "node:20": "", "gvenzl/oracle-xe:21": "oracle", "redis/redis-stack:latest": "redis",
	}
	for img, want := range cases {
		if got := imageDB(img); got != want {
			t.Errorf("imageDB(%q) = %q, want %q", img, got, want)
		}
	}
	st, _ := Detect(repo(map[string]string{"deploy/docker-compose.prod.yml": "version: '3'\nservices:\n  db:\n    image: mysql:8\n  bad: [\n"}))
	if len(st.Databases) != 0 {
		t.Errorf("invalid YAML gave databases %v", st.Databases)
	}
}

func TestUnfetchedAndTruncated(t *testing.T) {
	r := load(t, "django-good")
	delete(r.Contents, "requirements.txt")
	st, deps := Detect(r)
	if !slices.Contains(st.Manifests, "requirements.txt") {
		t.Errorf("unfetched manifest not listed: %v", st.Manifests)
	}
	if hasDep(deps, "Django") && dep(t, deps, "Django").File == "requirements.txt" {
		t.Errorf("unfetched manifest parsed")
	}
	// requirements-dev.txt includes requirements.txt, which is unknown:
	// no crash, and the settings file still names the database.
	if !slices.Contains(st.Databases, "postgresql") {
		t.Errorf("databases %v", st.Databases)
	}
}

func TestGarbageManifests(t *testing.T) {
	r := repo(map[string]string{
		"package.json":  `{"dependencies": {"express": "^4", "bad": {"nested": [1, 2]}}, "devDependencies": `,
		"pom.xml":       "<project><dependencies><dependency><groupId>org.postgresql",
		"go.mod":        "module x\nrequire (\n",
		"Cargo.toml":    "[dependencies\naxum = ",
		"composer.json": `["not", "an", "object"]`,
	})
	st, deps := Detect(r)
	if !hasDep(deps, "express") {
		t.Errorf("entries before the syntax error lost: %+v", deps)
	}
	if len(st.Manifests) != 5 {
		t.Errorf("manifests %v", st.Manifests)
	}
}

func TestDeterministic(t *testing.T) {
	r := load(t, "django-good")
	a1, b1 := Detect(r)
	for range 5 {
		a2, b2 := Detect(r)
		if !reflect.DeepEqual(a1, a2) || !reflect.DeepEqual(b1, b2) {
			t.Fatalf("runs differ")
		}
	}
}

func TestIDListsCoverRules(t *testing.T) {
	lists := map[string][]string{"framework": Frameworks, "database": Databases, "orm": ORMs, "http": HTTPClients}
	check := func(tags []tag, where string) {
		for _, tg := range tags {
			if !slices.Contains(lists[tg.kind], tg.id) {
				t.Errorf("%s: id %s %q missing from the exported list", where, tg.kind, tg.id)
			}
		}
	}
	for k, tags := range exact {
		check(tags, k)
	}
	for _, p := range prefixes {
		check(p.tags, p.prefix)
	}
	for _, l := range lists {
		if !slices.IsSorted(l) {
			t.Errorf("list not sorted: %v", l)
		}
	}
}

func TestNilRepo(t *testing.T) {
	st, deps := Detect(nil)
	if deps != nil || st.Frameworks == nil || len(st.Frameworks) != 0 {
		t.Errorf("nil repo: %+v %+v", st, deps)
	}
}

// TestFlaskSettingsURL: a Flask settings.py (flask-realworld's Config
// classes) names its database by URL; the evidence must not call it Django.
func TestFlaskSettingsURL(t *testing.T) {
	r := snapshottest.Map("flask-blog", map[string]string{
		"requirements.txt": "Flask==2.2.2\nFlask-SQLAlchemy==3.0.2\n",
		"blog/settings.py": "import os\n\n\nclass Config(object):\n    SECRET_KEY = os.environ.get('BLOG_SECRET', 'secret-key')\n\n\nclass ProdConfig(Config):\n    SQLALCHEMY_DATABASE_URI = os.environ.get('DATABASE_URL')\n\n\nclass DevConfig(Config):\n    DB_PATH = os.path.join(Config.PROJECT_ROOT, 'dev.db')\n    SQLALCHEMY_DATABASE_URI = 'sqlite:///{0}'.format(DB_PATH)\n",
	})
	st, _ := Detect(r)
	if !slices.Equal(st.Databases, []string{"sqlite"}) {
		t.Fatalf("databases = %v, want [sqlite]", st.Databases)
	}
	for _, e := range st.Evidence {
		if strings.Contains(e.Text, "sqlite") && (e.Path != "blog/settings.py" || e.Line != 14 || strings.Contains(e.Text, "Django")) {
			t.Errorf("evidence %s:%d %q, want blog/settings.py:14 without Django", e.Path, e.Line, e.Text)
		}
	}
}
