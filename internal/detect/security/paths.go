package security

import (
	"path"
	"strings"

	"github.com/pathway-dev/pathway/internal/snapshot"
)

// vendoredDirs hold third-party code: secrets and auth found there are not
// the author's.
var vendoredDirs = map[string]bool{
	"node_modules": true, "vendor": true, "bower_components": true, "venv": true, ".venv": true,
	"site-packages": true, "__pypackages__": true, ".tox": true, "Pods": true, ".bundle": true,
	".git": true, ".yarn": true, "jspm_packages": true,
}

func vendored(p string) bool { return snapshot.UnderAny(p, vendoredDirs) }

// testDirs mark fixtures and examples: what is found there is reported with
// lower confidence, since sample keys are often deliberate.
var testDirs = map[string]bool{
	"test": true, "tests": true, "__tests__": true, "spec": true, "testdata": true, "fixtures": true,
	"__fixtures__": true, "e2e": true, "testing": true, "mocks": true,
	"__mocks__": true,
}

func testPath(p string) bool {
	// examples/ counts only at the top: com/example/ is a Java package.
	if strings.HasPrefix(p, "example/") || strings.HasPrefix(p, "examples/") {
		return true
	}
	if snapshot.UnderAny(p, testDirs) {
		return true
	}
	base := path.Base(p)
	// .env.example, config.yml.sample, settings.py.template: example values
	// by definition, written for people to replace.
	switch path.Ext(base) {
	case ".example", ".sample", ".template", ".dist", ".tmpl":
		return true
	}
	stem := strings.TrimSuffix(base, path.Ext(base))
	return strings.HasSuffix(stem, "_test") || strings.HasPrefix(stem, "test_") ||
		strings.HasSuffix(stem, ".test") || strings.HasSuffix(stem, ".spec") ||
		strings.HasSuffix(stem, "Test") || strings.HasSuffix(stem, "Tests") || strings.HasSuffix(stem, "_spec")
}

var sourceExts = map[string]bool{
	".go": true, ".py": true, ".js": true, ".mjs": true, ".cjs": true, ".jsx": true, ".ts": true,
	".tsx": true, ".java": true, ".kt": true, ".kts": true, ".rb": true, ".php": true, ".cs": true,
	".rs": true, ".scala": true, ".swift": true, ".dart": true, ".ex": true, ".exs": true,
	".vue": true, ".svelte": true, ".groovy": true,
}

var configExts = map[string]bool{
	".properties": true, ".yml": true, ".yaml": true, ".toml": true, ".ini": true, ".cfg": true,
	".conf": true, ".json": true, ".env": true, ".xml": true, ".config": true, ".tfvars": true,
	".pem": true, ".key": true, ".neon": true,
}

// binaryExts are never scanned: their bytes are not text a secret is pasted in.
var binaryExts = map[string]bool{
	".png": true, ".jpg": true, ".jpeg": true, ".gif": true, ".ico": true, ".webp": true, ".bmp": true,
	".pdf": true, ".zip": true, ".gz": true, ".tgz": true, ".jar": true, ".war": true, ".class": true,
	".pyc": true, ".exe": true, ".dll": true, ".so": true, ".dylib": true, ".woff": true, ".woff2": true,
	".ttf": true, ".eot": true, ".otf": true, ".mp3": true, ".mp4": true, ".mov": true, ".sqlite": true,
	".db": true, ".bin": true, ".psd": true, ".svg": true, ".map": true, ".lockb": true,
}

// lockfiles are generated dependency pins; their hashes are high-entropy
// noise for a secret scanner.
var lockfiles = map[string]bool{
	"package-lock.json": true, "yarn.lock": true, "pnpm-lock.yaml": true, "bun.lockb": true,
	"bun.lock": true, "npm-shrinkwrap.json": true, "poetry.lock": true, "Pipfile.lock": true,
	"uv.lock": true, "pdm.lock": true, "go.sum": true, "Cargo.lock": true, "Gemfile.lock": true,
	"composer.lock": true, "gradle.lockfile": true, "packages.lock.json": true, "mix.lock": true,
	"pubspec.lock": true, "Podfile.lock": true,
}

// envKind tells whether base names an env file: "env" for a real one
// (.env, .env.production, app.env), "example" for a template, "" otherwise.
func envKind(base string) string {
	lb := strings.ToLower(base)
	if lb == ".envrc" || strings.HasSuffix(lb, ".envrc") {
		return ""
	}
	if !(lb == ".env" || strings.HasPrefix(lb, ".env.") || strings.HasSuffix(lb, ".env") || strings.HasPrefix(lb, "env.")) {
		return ""
	}
	if sourceExts[path.Ext(lb)] {
		return "" // env.ts, .env.d.ts: code that reads the environment
	}
	for _, w := range []string{"example", "sample", "template", "dist", "defaults", "tpl", "schema", "skel"} {
		if strings.Contains(lb, w) {
			return "example"
		}
	}
	// .env.testing, .env.ci, .env.travis: settings for a test run (an
	// in-memory database, a fake mail driver), made to be committed. Their
	// contents are still scanned for secrets.
	for _, w := range []string{".test", ".testing", ".ci", ".travis", ".dusk", ".github"} {
		if strings.HasPrefix(lb, ".env"+w) && (len(lb) == len(".env"+w) || lb[len(".env"+w)] == '.') {
			return "ci"
		}
	}
	if strings.HasPrefix(lb, "env.") {
		return "" // env.production.local-style names without a dot are rare; env.* is usually code or docs
	}
	return "env"
}
