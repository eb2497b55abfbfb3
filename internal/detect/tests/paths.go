package tests

import (
	"path"
	"regexp"
	"strings"

	"github.com/pathway-dev/pathway/internal/snapshot"
)

// Ecosystems a test file can belong to.
const (
	ecoGo     = "go"
	ecoPython = "python"
	ecoJS     = "js"
	ecoJava   = "java"
	ecoRuby   = "ruby"
	ecoPHP    = "php"
	ecoCSharp = "csharp"
	ecoRust   = "rust"
)

func syntaxOf(eco string) syntax {
	switch eco {
	case ecoGo:
		return synGo
	case ecoPython:
		return synPython
	case ecoJS:
		return synJS
	case ecoRuby:
		return synRuby
	case ecoPHP:
		return synPHP
	case ecoRust:
		return synRust
	}
	return synC
}

// skipDirs are directories whose files are never the project's own code or
// tests: dependencies, virtualenvs, build output and test fixtures. go-enry's
// IsVendor says much the same but costs ~11µs a path, too slow for a 50,000
// file tree, and also hides .github.
var skipDirs = map[string]bool{
	"node_modules": true, "vendor": true, "vendors": true, "third_party": true, "third-party": true,
	"bower_components": true, ".venv": true, "venv": true, "site-packages": true, "__pycache__": true,
	"testdata": true, "fixtures": true, "__fixtures__": true, "__snapshots__": true, "__mocks__": true,
	"dist": true, "build": true, "target": true, "out": true, "coverage": true, ".next": true,
	".nuxt": true, ".git": true, "Pods": true, "Carthage": true, ".gradle": true, ".idea": true,
	".terraform": true, ".tox": true, ".mypy_cache": true, ".pytest_cache": true, "bin": true, "obj": true,
}

// skipped reports whether p lies under a directory of skipDirs.
func skipped(p string) bool { return snapshot.UnderAny(p, skipDirs) }

// sourceExt maps the extensions of backend and frontend code to their
// language. A fixed table rather than go-enry's GetLanguageByExtension,
// which reads .php as Hack and .rs as RenderScript when unsure.
var sourceExt = map[string]string{
	".go": "Go", ".py": "Python", ".js": "JavaScript", ".mjs": "JavaScript", ".cjs": "JavaScript",
	".jsx": "JavaScript", ".ts": "TypeScript", ".mts": "TypeScript", ".cts": "TypeScript", ".tsx": "TSX",
	".java": "Java", ".kt": "Kotlin", ".scala": "Scala", ".groovy": "Groovy", ".rb": "Ruby",
	".php": "PHP", ".cs": "C#", ".fs": "F#", ".vb": "Visual Basic .NET", ".rs": "Rust",
	".ex": "Elixir", ".exs": "Elixir", ".erl": "Erlang", ".clj": "Clojure", ".swift": "Swift",
	".dart": "Dart", ".vue": "Vue", ".svelte": "Svelte", ".c": "C", ".cc": "C++", ".cpp": "C++",
	".cxx": "C++", ".h": "C", ".hpp": "C++", ".m": "Objective-C", ".hs": "Haskell", ".ml": "OCaml",
	".lua": "Lua", ".pl": "Perl", ".r": "R", ".jl": "Julia", ".zig": "Zig", ".nim": "Nim", ".cr": "Crystal",
}

// generatedSuffix and generatedDirs name files that tools write, not
// people. Plain string checks: a regexp here costs more than the rest of
// the pass over a 50,000-file tree.
var generatedSuffix = []string{".min.js", ".d.ts", ".pb.go", "_pb2.py", "_pb2_grpc.py", ".g.dart", ".freezed.dart", ".Designer.cs", "_generated.go", "_gen.go", ".gen.go"}

// source reports whether p is a code file of the project's own source.
func source(p string) bool {
	if _, ok := sourceExt[ext(p)]; !ok || path.Base(p) == "conftest.py" {
		return false // conftest.py is test support, not the project's code
	}
	for _, s := range generatedSuffix {
		if strings.HasSuffix(p, s) {
			return false
		}
	}
	if strings.Contains(p, ".generated.") || strings.Contains("/"+p, "/migrations/") || strings.Contains("/"+p, "/Migrations/") || strings.Contains("/"+p, "/db/migrate/") || strings.HasSuffix(p, "db/schema.rb") {
		return false
	}
	return true
}

func ext(p string) string {
	b := path.Base(p)
	if i := strings.LastIndexByte(b, '.'); i > 0 {
		return strings.ToLower(b[i:])
	}
	return ""
}

// candidate is a file whose path says it may hold tests.
type candidate struct {
	path string
	eco  string
	// strong is true when the name itself says "test" (user_test.go,
	// test_api.py, app.spec.ts); weak candidates only live in a test
	// directory (tests/helpers.py, spec/support/auth.rb) or may embed tests
	// (Rust sources) and count only when reading finds cases in them.
	strong bool
}

// settingsDirs hold configuration modules, one per environment.
var settingsDirs = map[string]bool{"settings": true, "config": true, "configs": true, "conf": true, "environments": true, "envs": true}

var (
	pyStrong   = regexp.MustCompile(`^(?:test_.*|.*_test|tests?)\.py$`)
	jvmStrong  = regexp.MustCompile(`^\w*(?:Test|Tests|IT|Spec|TestCase)\.(?:java|kt|groovy|scala)$`)
	jvmTestDir = regexp.MustCompile(`(?:^|/)src/\w*[Tt]est\w*/`)
	rbStrong   = regexp.MustCompile(`^(?:.*_spec|.*_test|test_.*)\.rb$`)
	phpStrong  = regexp.MustCompile(`Test\.php$`)
	csStrong   = regexp.MustCompile(`Tests?\.cs$`)
	csTestProj = regexp.MustCompile(`(?i)(?:^|[./])(?:unit|integration|functional|e2e)?tests?\.csproj$`)
	csTestDir  = regexp.MustCompile(`(?:^|/)[\w.]*\.(?:Unit|Integration|Functional)?Tests?/`)
)

// inTestDir reports whether some directory of p is named test(s), spec(s)
// or __tests__ (any case).
func inTestDir(p string) bool {
	for {
		i := strings.IndexByte(p, '/')
		if i < 0 {
			return false
		}
		switch strings.ToLower(p[:i]) {
		case "test", "tests", "spec", "specs", "__tests__", "e2e", "integration_tests":
			return true
		}
		p = p[i+1:]
	}
}

// classify tells whether p is (possibly) a test file. csProjects holds the
// directories of C# test projects ("" is the root).
func classify(p string, csProjects map[string]bool) (candidate, bool) {
	base := path.Base(p)
	c := candidate{path: p}
	switch ext(p) {
	case ".go":
		c.eco, c.strong = ecoGo, strings.HasSuffix(base, "_test.go")
		return c, c.strong
	case ".py":
		c.eco = ecoPython
		if base == "__init__.py" || base == "conftest.py" {
			// pytest never collects tests from conftest.py: it holds
			// fixtures, which can be named test* (def testapp).
			return c, false
		}
		if (base == "test.py" || base == "testing.py") && settingsDirs[path.Base(path.Dir(p))] {
			// settings/test.py is the configuration tests run with
			// (Django split settings, app/core/settings/test.py).
			return c, false
		}
		c.strong = pyStrong.MatchString(base)
		return c, c.strong || inTestDir(p)
	case ".js", ".jsx", ".ts", ".tsx", ".mjs", ".cjs", ".mts", ".cts":
		c.eco = ecoJS
		if strings.HasSuffix(base, ".d.ts") {
			return c, false
		}
		c.strong = jsStrong(base) || strings.Contains("/"+p, "/__tests__/")
		return c, c.strong || inTestDir(p)
	case ".java", ".kt", ".groovy", ".scala":
		c.eco = ecoJava
		if !jvmTestDir.MatchString(p) {
			return c, false
		}
		c.strong = jvmStrong.MatchString(base)
		return c, true
	case ".rb":
		c.eco = ecoRuby
		c.strong = rbStrong.MatchString(base) && base != "test_helper.rb"
		return c, c.strong || inTestDir(p)
	case ".php":
		c.eco = ecoPHP
		if !inTestDir(p) {
			return c, false
		}
		c.strong = phpStrong.MatchString(base)
		return c, true
	case ".cs":
		c.eco = ecoCSharp
		if !csTestDir.MatchString(p) && !underProject(p, csProjects) {
			return c, false
		}
		c.strong = csStrong.MatchString(base)
		return c, true
	case ".rs":
		c.eco = ecoRust
		c.strong = inTestDir(p)
		// Rust keeps unit tests inside the sources (#[cfg(test)]): every
		// source is a weak candidate.
		return c, true
	}
	return c, false
}

// underProject reports whether p lies in the directory of a test project.
func underProject(p string, projects map[string]bool) bool {
	for d := path.Dir(p); ; d = path.Dir(d) {
		if d == "." {
			return projects[""]
		}
		if projects[d] {
			return true
		}
		if d == "/" {
			return false
		}
	}
}

// jsStrong reports whether a JS/TS file name says test: app.test.js,
// user.spec.ts, app.e2e-spec.ts, login.cy.js.
func jsStrong(base string) bool {
	stem := base[:strings.LastIndexByte(base, '.')]
	for _, s := range []string{".test", ".spec", "-spec", ".e2e", ".cy"} {
		if strings.HasSuffix(stem, s) {
			return true
		}
	}
	return false
}
