// Package stack reads a repository's manifests and configuration and says
// which frameworks, databases, ORMs and HTTP clients it uses.
//
// Only direct dependencies count: what a manifest declares, never what a
// lock file resolves (a transitive sqlalchemy in poetry.lock, a
// go-sql-driver/mysql marked "// indirect" in go.mod, a pip-compile
// requirements.txt line "# via" another package). Development and test
// dependencies (devDependencies, require-dev, Maven test scope, Gradle
// test configurations, Gemfile :development/:test groups, Poetry dev
// groups, Cargo dev-dependencies, test projects in .NET) are listed with
// Dev set but never make a framework, database or client claim.
//
// Databases also come from configuration: compose service images, Prisma
// datasource providers, JDBC/R2DBC URLs in Spring application files, Django
// settings ENGINE, Rails config/database.yml adapters, and DB_CONNECTION or
// DATABASE_URL in .env.example-style files; and from Go code: a driver or
// gorm dialect imported by the repository's own non-test code (at most
// maxPerKind files) is the author's choice even when an untidy go.mod marks
// the module "// indirect". Every claim carries evidence (file and line).
//
// Manifests are parsed with real parsers: encoding/json (package.json,
// composer.json), encoding/xml (pom.xml, *.csproj), golang.org/x/mod
// (go.mod), BurntSushi/toml (Pipfile, pyproject.toml, Cargo.toml, Gradle
// version catalogs); line formats (requirements*.txt with PEP 508, -r
// includes, extras and markers; Gemfile; build.gradle(.kts); setup.cfg;
// setup.py install_requires; mix.exs) by careful line readers. Files under
// node_modules/, vendor/, venv/, .venv/ and site-packages are never read.
package stack

import (
	"fmt"
	"path"
	"sort"
	"strings"

	"github.com/pathway-dev/pathway/internal/facts"
	"github.com/pathway-dev/pathway/internal/snapshot"
)

// Dependency is one direct dependency declared in a manifest.
type Dependency struct {
	Ecosystem string // npm, pypi, go, maven, rubygems, packagist, nuget, cargo, hex
	Name      string // as the ecosystem names it: "express", "org.postgresql:postgresql", "github.com/gin-gonic/gin"
	Version   string // the declared constraint, "" when none
	File      string
	Line      int
	Dev       bool // development or test only
}

// maxPerKind bounds how many manifests (or configuration files) of one kind
// are read, so a monorepo of thousands of packages stays linear and cheap.
const maxPerKind = 200

// maxFileBytes skips files no human wrote as a manifest.
const maxFileBytes = 2 << 20

// maxEvidence keeps the report readable; every framework and database gets
// one entry even past it.
const maxEvidence = 12

// skipDirs are folders of installed or vendored third-party code.
var skipDirs = map[string]bool{
	"node_modules": true, "vendor": true, "venv": true, ".venv": true, "site-packages": true,
	"bower_components": true, ".tox": true, ".git": true, "__pypackages__": true,
}

// kinds of files Detect reads, in the order their results are merged.
const (
	kManifest = iota
	kCompose
	kPrisma
	kSpring
	kDjango
	kRailsDB
	kEnvExample
	kCatalog
	kJavaSource
	kGoSource
)

// Detect reads r's manifests and configuration. It returns the stack facts
// and the direct dependencies, sorted by file, line and name.
func Detect(r *snapshot.Repo) (facts.Stack, []Dependency) {
	st := facts.Stack{Manifests: []string{}, Lockfiles: []string{}, Frameworks: []string{}, Databases: []string{}}
	if r == nil {
		return st, nil
	}
	var (
		files    [10][]string
		lockSet  = map[string]bool{}
		migEv    *facts.Evidence
		schemaEv *facts.Evidence
		dirs     = map[string]bool{} // folders holding a manifest, for pip-tools pairs
	)
	for _, f := range r.Files {
		p := f.Path
		if skipped(p) || f.Kind == "submodule" {
			continue
		}
		base := path.Base(p)
		lower := strings.ToLower(base)
		switch {
		case manifestKind(p, base) != "":
			files[kManifest] = append(files[kManifest], p)
			dirs[path.Dir(p)] = true
		case lockfiles[base]:
			lockSet[p] = true
		case isCompose(lower):
			files[kCompose] = append(files[kCompose], p)
		case strings.HasSuffix(lower, ".prisma"):
			files[kPrisma] = append(files[kPrisma], p)
		case isSpringConfig(p, lower):
			files[kSpring] = append(files[kSpring], p)
		case lower == "settings.py" || (strings.HasSuffix(lower, ".py") && path.Base(path.Dir(p)) == "settings"):
			files[kDjango] = append(files[kDjango], p)
		case strings.HasSuffix(p, "config/database.yml"):
			files[kRailsDB] = append(files[kRailsDB], p)
		case isEnvExample(lower):
			files[kEnvExample] = append(files[kEnvExample], p)
		case strings.HasSuffix(lower, ".versions.toml") && path.Base(path.Dir(p)) == "gradle":
			files[kCatalog] = append(files[kCatalog], p)
		case (strings.HasSuffix(lower, ".java") || strings.HasSuffix(lower, ".kt")) && strings.Contains(p, "src/main/"):
			files[kJavaSource] = append(files[kJavaSource], p)
		case goSource(p, lower):
			files[kGoSource] = append(files[kGoSource], p)
		}
		if migEv == nil && isMigration(p, lower) {
			migEv = &facts.Evidence{Repo: r.Name, Path: p, Text: "migration " + p}
		}
		if schemaEv == nil && isSchema(p, lower) {
			schemaEv = &facts.Evidence{Repo: r.Name, Path: p, Text: "schema file " + p}
		}
	}

	c := &collector{repo: r, claims: map[string][]claim{}}
	c.catalog = readCatalogs(r, capped(files[kCatalog]))
	for _, p := range capped(files[kManifest]) {
		st.Manifests = append(st.Manifests, p)
		c.manifest(p)
	}
	c.configs(files[kCompose], composeClaims)
	c.configs(files[kPrisma], prismaClaims)
	c.configs(files[kSpring], springClaims)
	c.configs(files[kDjango], djangoClaims)
	c.configs(files[kRailsDB], railsClaims)
	c.configs(files[kEnvExample], envClaims)
	c.configs(files[kJavaSource], springClientClaims)
	c.configs(goHinted(files[kGoSource]), goImportClaims)
	c.classify()

	for p := range lockSet {
		st.Lockfiles = append(st.Lockfiles, p)
	}
	sort.Strings(st.Lockfiles)
	sort.Strings(st.Manifests)

	st.Frameworks = c.ids("framework")
	st.Databases = c.ids("database")
	st.ORMs = c.ids("orm")
	st.HTTPClients = c.ids("http")
	if len(st.ORMs) == 0 {
		st.ORMs = nil
	}
	if len(st.HTTPClients) == 0 {
		st.HTTPClients = nil
	}
	st.Migrations = migEv != nil
	st.Schema = schemaEv != nil

	deps := dedupe(c.deps)
	seen := map[string]bool{}
	for _, d := range deps {
		seen[d.Ecosystem+" "+normName(d.Ecosystem, d.Name)] = true
	}
	st.Dependencies = len(seen)

	// Evidence: one per framework and database (all of them), then ORMs,
	// migrations, schema and HTTP clients while room remains.
	for _, kind := range []string{"framework", "database"} {
		for _, id := range c.ids(kind) {
			st.Evidence = append(st.Evidence, c.best(kind, id))
		}
	}
	room := func() bool { return len(st.Evidence) < maxEvidence }
	for _, id := range st.ORMs {
		if room() {
			st.Evidence = append(st.Evidence, c.best("orm", id))
		}
	}
	if migEv != nil && room() {
		st.Evidence = append(st.Evidence, *migEv)
	}
	if schemaEv != nil && room() {
		st.Evidence = append(st.Evidence, *schemaEv)
	}
	for _, id := range st.HTTPClients {
		if room() {
			st.Evidence = append(st.Evidence, c.best("http", id))
		}
	}
	return st, deps
}

// claim is one piece of evidence that the repository uses id.
type claim struct {
	ev      facts.Evidence
	fromDep bool // a manifest declaration outranks configuration
}

// mark is a manifest statement that is not a dependency but names a
// framework outright: a Maven parent, a Gradle plugin, an SDK attribute.
type mark struct {
	kind, id, file, text string
	line                 int
}

type collector struct {
	repo    *snapshot.Repo
	deps    []Dependency
	marks   []mark
	claims  map[string][]claim // "kind id" -> claims
	catalog map[string]catalogEntry
}

// manifest parses one manifest and records its dependencies and marks.
func (c *collector) manifest(p string) {
	f, _ := c.repo.File(p)
	if f.Size > maxFileBytes {
		return
	}
	b, err := c.repo.Read(p)
	if err != nil || len(b) > maxFileBytes {
		return // not fetched: unknown, not absent
	}
	var res result
	switch manifestKind(p, path.Base(p)) {
	case "package.json":
		res = parsePackageJSON(p, b)
	case "composer.json":
		res = parseComposer(p, b)
	case "requirements":
		res = parseRequirements(c.repo, p, b)
	case "Pipfile":
		res = parsePipfile(p, b)
	case "pyproject.toml":
		res = parsePyproject(p, b)
	case "setup.cfg":
		res = parseSetupCfg(p, b)
	case "setup.py":
		res = parseSetupPy(p, b)
	case "go.mod":
		res = parseGoMod(p, b)
	case "pom.xml":
		res = parsePom(p, b)
	case "gradle":
		res = parseGradle(p, b, c.catalog)
	case "Gemfile":
		res = parseGemfile(p, b)
	case "csproj":
		res = parseCsproj(p, b)
	case "Cargo.toml":
		res = parseCargo(p, b)
	case "mix.exs":
		res = parseMix(p, b)
	}
	c.deps = append(c.deps, res.deps...)
	c.marks = append(c.marks, res.marks...)
}

// configs runs a configuration reader over at most maxPerKind files.
func (c *collector) configs(paths []string, read func(p string, b []byte) []mark) {
	for _, p := range capped(paths) {
		b, err := c.repo.Read(p)
		if err != nil || len(b) > maxFileBytes {
			continue
		}
		c.marks = append(c.marks, read(p, b)...)
	}
}

// classify turns dependencies and marks into claims.
func (c *collector) classify() {
	for _, d := range c.deps {
		if d.Dev {
			continue
		}
		for _, t := range lookup(d.Ecosystem, d.Name) {
			text := fmt.Sprintf("%s %s: %s dependency %s", label(t.kind), t.id, d.Ecosystem, d.Name)
			if d.Version != "" {
				text += " " + d.Version
			}
			c.add(t.kind, t.id, claim{ev: facts.Evidence{Repo: c.repo.Name, Path: d.File, Line: d.Line, Text: text}, fromDep: true})
		}
	}
	for _, m := range c.marks {
		c.add(m.kind, m.id, claim{ev: facts.Evidence{Repo: c.repo.Name, Path: m.file, Line: m.line, Text: label(m.kind) + " " + m.id + ": " + m.text}})
	}
	// Guzzle ships in the Laravel 8-10 skeleton's composer.json: it says
	// nothing about the author calling other APIs.
	if cl := c.claims["http guzzle"]; len(cl) > 0 && len(c.claims["framework laravel"]) > 0 {
		delete(c.claims, "http guzzle")
	}
}

// label is how evidence names a kind of claim.
func label(kind string) string {
	if kind == "http" {
		return "http-client"
	}
	return kind
}

func (c *collector) add(kind, id string, cl claim) {
	k := kind + " " + id
	c.claims[k] = append(c.claims[k], cl)
}

// ids returns the sorted ids claimed for kind.
func (c *collector) ids(kind string) []string {
	out := []string{}
	for k := range c.claims {
		if kd, id, _ := strings.Cut(k, " "); kd == kind {
			out = append(out, id)
		}
	}
	sort.Strings(out)
	return out
}

// best picks the most telling claim: a manifest declaration before
// configuration, a shallower path before a deeper one, then path and line.
func (c *collector) best(kind, id string) facts.Evidence {
	cl := c.claims[kind+" "+id]
	sort.SliceStable(cl, func(i, j int) bool {
		a, b := cl[i], cl[j]
		if a.fromDep != b.fromDep {
			return a.fromDep
		}
		da, db := strings.Count(a.ev.Path, "/"), strings.Count(b.ev.Path, "/")
		if da != db {
			return da < db
		}
		if a.ev.Path != b.ev.Path {
			return a.ev.Path < b.ev.Path
		}
		return a.ev.Line < b.ev.Line
	})
	return cl[0].ev
}

// result is what a manifest parser returns.
type result struct {
	deps  []Dependency
	marks []mark
}

func dedupe(deps []Dependency) []Dependency {
	sort.SliceStable(deps, func(i, j int) bool {
		a, b := deps[i], deps[j]
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		return a.Name < b.Name
	})
	out := deps[:0]
	for i, d := range deps {
		if i > 0 && d == deps[i-1] {
			continue
		}
		out = append(out, d)
	}
	if len(out) == 0 {
		return nil
	}
	return out
}

func capped(p []string) []string {
	if len(p) > maxPerKind {
		return p[:maxPerKind]
	}
	return p
}

// skipped reports whether p lies in a folder of third-party code.
func skipped(p string) bool {
	for {
		dir, rest, ok := strings.Cut(p, "/")
		if !ok {
			return false
		}
		if skipDirs[dir] {
			return true
		}
		p = rest
	}
}

// manifestKind names the manifest format of p, or "".
func manifestKind(p, base string) string {
	lower := strings.ToLower(base)
	switch base {
	case "package.json", "composer.json", "Pipfile", "pyproject.toml", "setup.cfg", "setup.py", "go.mod", "pom.xml", "Gemfile", "Cargo.toml", "mix.exs":
		return base
	case "build.gradle", "build.gradle.kts":
		return "gradle"
	}
	switch {
	case strings.HasSuffix(lower, ".csproj") || strings.HasSuffix(lower, ".fsproj") || strings.HasSuffix(lower, ".vbproj"):
		return "csproj"
	case strings.HasSuffix(lower, ".txt") || strings.HasSuffix(lower, ".in"):
		// A constraints file pins versions of whatever is installed; it
		// declares nothing.
		if (strings.Contains(lower, "requirements") || path.Base(path.Dir(p)) == "requirements") && !strings.Contains(lower, "constraint") {
			return "requirements"
		}
	}
	return ""
}

// lockfiles are the resolved-dependency files of each ecosystem.
var lockfiles = map[string]bool{
	"package-lock.json": true, "npm-shrinkwrap.json": true, "yarn.lock": true, "pnpm-lock.yaml": true, "bun.lockb": true, "bun.lock": true,
	"poetry.lock": true, "Pipfile.lock": true, "pdm.lock": true, "uv.lock": true, "Gemfile.lock": true, "composer.lock": true,
	"go.sum": true, "Cargo.lock": true, "gradle.lockfile": true, "packages.lock.json": true, "mix.lock": true,
}

func isCompose(lower string) bool {
	if !strings.HasSuffix(lower, ".yml") && !strings.HasSuffix(lower, ".yaml") {
		return false
	}
	return strings.HasPrefix(lower, "docker-compose") || strings.HasPrefix(lower, "compose.") || strings.HasPrefix(lower, "compose-")
}

func isSpringConfig(p, lower string) bool {
	if !strings.HasPrefix(lower, "application") && !strings.HasPrefix(lower, "bootstrap") {
		return false
	}
	ext := path.Ext(lower)
	if ext != ".properties" && ext != ".yml" && ext != ".yaml" {
		return false
	}
	// Test resources configure the in-memory database the tests use, not
	// the one the application runs on.
	return !strings.Contains("/"+p, "/test/") && !strings.Contains("/"+p, "/tests/")
}

func isEnvExample(lower string) bool {
	switch lower {
	case ".env.example", ".env.sample", ".env.dist", ".env.template", ".env.default", ".env.defaults", "env.example", "example.env", ".env-example", ".env.local.example":
		return true
	}
	return false
}

// isMigration reports a file in a migrations folder of any common tool:
// db/migrate (Rails), */migrations/ (Django, Alembic/Flask-Migrate, knex,
// TypeORM, Sequelize, golang-migrate, Ecto, EF Core), database/migrations
// (Laravel), prisma/migrations, db/migration (Flyway), alembic/versions and
// Liquibase changelogs.
func isMigration(p, lower string) bool {
	switch lower {
	case "__init__.py", ".gitkeep", ".keep", "readme", ".gitignore":
		return false
	}
	switch path.Ext(lower) {
	case ".md", ".txt", ".rst", ".adoc", ".html", ".png", ".jpg", ".svg":
		return false // notes about migrating, not migrations
	}
	dir := strings.ToLower(path.Dir(p))
	segs := strings.Split(dir, "/")
	for i, s := range segs {
		switch s {
		case "migrations":
			return true
		case "migrate", "migration":
			if i > 0 && segs[i-1] == "db" {
				return true
			}
		case "versions":
			if i > 0 && segs[i-1] == "alembic" {
				return true
			}
		case "changelog", "changelogs":
			return strings.Contains(dir, "db") || strings.Contains(dir, "liquibase")
		}
	}
	return strings.Contains(lower, "changelog") && (strings.HasSuffix(lower, ".xml") || strings.HasSuffix(lower, ".yaml") || strings.HasSuffix(lower, ".yml")) &&
		strings.Contains(dir, "resources")
}

func isSchema(p, lower string) bool {
	switch lower {
	case "schema.sql", "structure.sql", "schema.prisma":
		return true
	}
	return strings.HasSuffix(p, "db/schema.rb") || strings.HasSuffix(lower, ".prisma") || strings.HasSuffix(lower, ".dbml")
}
