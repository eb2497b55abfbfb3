package tests

import (
	"bytes"
	"encoding/json"
	"path"
	"regexp"
	"sort"
	"strings"

	"github.com/pathway-dev/pathway/internal/facts"
	"github.com/pathway-dev/pathway/internal/snapshot"
)

var configNames = map[string]bool{
	"pytest.ini": true, "pyproject.toml": true, "setup.cfg": true, "tox.ini": true, "conftest.py": true,
	".coveragerc": true, "Pipfile": true, "package.json": true, "karma.conf.js": true,
	"phpunit.xml": true, "phpunit.xml.dist": true, "composer.json": true, "Pest.php": true,
	".rspec": true, "Gemfile": true, "spec_helper.rb": true, "test_helper.rb": true, "rails_helper.rb": true, ".simplecov": true,
	"pom.xml": true, "build.gradle": true, "build.gradle.kts": true, "go.mod": true,
	"codecov.yml": true, ".codecov.yml": true, "codecov.yaml": true, ".codecov.yaml": true,
}

// configFile reports whether a file named base can name a test framework
// or configure coverage.
func configFile(base string) bool {
	if configNames[base] {
		return true
	}
	for _, pre := range []string{"jest.config.", "vitest.config.", ".mocharc", ".nycrc", "requirements"} {
		if strings.HasPrefix(base, pre) {
			return pre != "requirements" || strings.HasSuffix(base, ".txt")
		}
	}
	return strings.HasSuffix(base, ".csproj")
}

type named struct {
	id   string
	line int
}

// lineOf returns the line of the first match of re in b, or 0.
func lineOf(b []byte, re *regexp.Regexp) int {
	if loc := re.FindIndex(b); loc != nil {
		return lineAt(b, loc[0])
	}
	return 0
}

type rule struct {
	re *regexp.Regexp
	id string
}

var (
	reqPytest     = regexp.MustCompile(`(?m)^\s*["']?pytest\b`)
	tomlPytest    = regexp.MustCompile(`(?m)^\[tool\.pytest|["']pytest\b|^\s*pytest\s*=`)
	cfgPytest     = regexp.MustCompile(`(?m)^\[(?:tool:)?pytest\]`)
	tomlCoverage  = regexp.MustCompile(`(?m)^\[tool\.coverage|^\[coverage:|["']?pytest-cov\b|--cov\b`)
	gemRspec      = regexp.MustCompile(`(?m)^\s*gem\s+['"]rspec(?:-rails)?['"]`)
	gemMinitest   = regexp.MustCompile(`(?m)^\s*gem\s+['"]minitest['"]`)
	simplecov     = regexp.MustCompile(`(?i)\bsimplecov\b`)
	pomRules      = []rule{{regexp.MustCompile(`<artifactId>\s*junit(?:-jupiter[\w-]*)?\s*</artifactId>`), "junit"}, {regexp.MustCompile(`<artifactId>\s*testng\s*</artifactId>`), "testng"}, {regexp.MustCompile(`<artifactId>\s*spring-boot-starter-test\s*</artifactId>`), "spring-test"}, {regexp.MustCompile(`<artifactId>\s*spring-boot-starter-test\s*</artifactId>`), "junit"}}
	gradleRules   = []rule{{regexp.MustCompile(`\bjunit\b|useJUnitPlatform\(`), "junit"}, {regexp.MustCompile(`\btestng\b|useTestNG\(`), "testng"}, {regexp.MustCompile(`spring-boot-starter-test`), "spring-test"}, {regexp.MustCompile(`spring-boot-starter-test`), "junit"}}
	jacoco        = regexp.MustCompile(`\bjacoco\b`)
	goTestify     = regexp.MustCompile(`(?m)^\s*(?:require\s+)?github\.com/stretchr/testify\s`)
	phpunitCov    = regexp.MustCompile(`<coverage\b`)
	karmaJasmine  = regexp.MustCompile(`frameworks\s*:\s*\[[^\]]*['"]jasmine['"]`)
	karmaCoverage = regexp.MustCompile(`coverageReporter|karma-coverage`)
	csprojRules   = []rule{{regexp.MustCompile(`(?i)Include="xunit"`), "xunit"}, {regexp.MustCompile(`(?i)Include="nunit"`), "nunit"}, {regexp.MustCompile(`(?i)Include="mstest\.testframework"`), "mstest"}}
	reqCoverage   = regexp.MustCompile(`(?m)^\s*(?:pytest-cov|coverage)\b`)
	// jest --init writes every option, the unused ones commented out
	// ("// coverageDirectory: undefined,"): a key after a slash is no setting.
	jestCoverage   = regexp.MustCompile(`(?m)^[^/\n]*\b(?:coverageThreshold|coverageDirectory|collectCoverage['"]?\s*:\s*true)\b`)
	vitestCoverage = regexp.MustCompile(`\bcoverage\s*:`)
	simplecovStart = regexp.MustCompile(`SimpleCov\.start|require\s+['"]simplecov['"]`)
	coverlet       = regexp.MustCompile(`(?i)coverlet`)
)

// configFacts reads one configuration or manifest file and returns the test
// frameworks it names and coverage evidence.
func configFacts(r *snapshot.Repo, p string) (ids []named, cov []facts.Evidence) {
	b, err := r.Read(p)
	if err != nil {
		return nil, nil
	}
	base := path.Base(p)
	add := func(id string, re *regexp.Regexp) {
		if re == nil {
			ids = append(ids, named{id: id, line: 0})
			return
		}
		if l := lineOf(b, re); l > 0 {
			ids = append(ids, named{id: id, line: l})
		}
	}
	coverage := func(re *regexp.Regexp, text string) {
		if re == nil {
			cov = append(cov, ev(r, p, 0, text))
			return
		}
		if l := lineOf(b, re); l > 0 {
			cov = append(cov, ev(r, p, l, text))
		}
	}
	switch {
	case base == "pytest.ini":
		add("pytest", nil)
		coverage(tomlCoverage, "coverage configured")
	case base == "conftest.py":
		add("pytest", nil)
	case base == "pyproject.toml", base == "Pipfile":
		add("pytest", tomlPytest)
		coverage(tomlCoverage, "coverage configured")
	case base == "setup.cfg", base == "tox.ini":
		add("pytest", cfgPytest)
		coverage(tomlCoverage, "coverage configured")
	case strings.HasPrefix(base, "requirements"):
		add("pytest", reqPytest)
		coverage(reqCoverage, "coverage tool required")
	case base == ".coveragerc":
		coverage(nil, "coverage configured (.coveragerc)")
	case strings.HasPrefix(base, "jest.config."):
		add("jest", nil)
		coverage(jestCoverage, "jest coverage configured")
	case strings.HasPrefix(base, "vitest.config."):
		add("vitest", nil)
		coverage(vitestCoverage, "vitest coverage configured")
	case strings.HasPrefix(base, ".mocharc"):
		add("mocha", nil)
	case strings.HasPrefix(base, ".nycrc"):
		coverage(nil, "nyc coverage configured")
	case base == "karma.conf.js":
		add("jasmine", karmaJasmine)
		coverage(karmaCoverage, "karma coverage configured")
	case base == "package.json":
		return packageJSON(r, p, b)
	case base == "composer.json":
		return composerJSON(b), nil
	case base == "phpunit.xml", base == "phpunit.xml.dist":
		add("phpunit", nil)
		coverage(phpunitCov, "phpunit coverage configured")
	case base == "Pest.php":
		add("pest", nil)
	case base == ".rspec":
		add("rspec", nil)
	case base == "Gemfile":
		add("rspec", gemRspec)
		add("minitest", gemMinitest)
		coverage(simplecov, "simplecov in Gemfile")
	case base == "spec_helper.rb", base == "test_helper.rb", base == "rails_helper.rb", base == ".simplecov":
		coverage(simplecovStart, "simplecov started")
	case base == "pom.xml":
		for _, ru := range pomRules {
			add(ru.id, ru.re)
		}
		coverage(jacoco, "jacoco plugin")
	case base == "build.gradle", base == "build.gradle.kts":
		for _, ru := range gradleRules {
			add(ru.id, ru.re)
		}
		coverage(jacoco, "jacoco plugin")
	case base == "go.mod":
		add("testify", goTestify)
	case strings.HasPrefix(base, "codecov.") || strings.HasPrefix(base, ".codecov."):
		coverage(nil, "codecov configured")
	case strings.HasSuffix(base, ".csproj"):
		for _, ru := range csprojRules {
			add(ru.id, ru.re)
		}
		coverage(coverlet, "coverlet coverage")
	}
	return ids, cov
}

// jsTestDeps maps npm packages to the framework they mean.
var jsTestDeps = map[string]string{
	"jest": "jest", "ts-jest": "jest", "@jest/globals": "jest", "babel-jest": "jest",
	"mocha": "mocha", "vitest": "vitest", "jasmine": "jasmine", "jasmine-core": "jasmine",
	"karma-jasmine": "jasmine",
}

var jsCoverage = regexp.MustCompile(`--coverage\b|\bnyc\b|\bc8\b`)

func packageJSON(r *snapshot.Repo, p string, b []byte) (ids []named, cov []facts.Evidence) {
	var pkg struct {
		Dependencies    map[string]any  `json:"dependencies"`
		DevDependencies map[string]any  `json:"devDependencies"`
		Scripts         map[string]any  `json:"scripts"`
		Jest            map[string]any  `json:"jest"`
		Nyc             json.RawMessage `json:"nyc"`
		C8              json.RawMessage `json:"c8"`
	}
	if json.Unmarshal(b, &pkg) != nil {
		return nil, nil
	}
	seen := map[string]bool{}
	for _, deps := range []map[string]any{pkg.DevDependencies, pkg.Dependencies} {
		names := make([]string, 0, len(deps))
		for n := range deps {
			names = append(names, n)
		}
		sort.Strings(names)
		for _, n := range names {
			if id, ok := jsTestDeps[n]; ok && !seen[id] {
				seen[id] = true
				ids = append(ids, named{id: id, line: jsonLine(b, n)})
			}
		}
	}
	if pkg.Jest != nil {
		if !seen["jest"] {
			ids = append(ids, named{id: "jest", line: jsonLine(b, "jest")})
		}
		for _, k := range []string{"coverageThreshold", "coverageDirectory", "collectCoverage"} {
			if v := pkg.Jest[k]; v != nil && v != false {
				cov = append(cov, ev(r, p, jsonLine(b, k), "jest coverage configured"))
				break
			}
		}
	}
	if len(pkg.Nyc) > 0 || len(pkg.C8) > 0 {
		cov = append(cov, ev(r, p, 0, "nyc/c8 coverage configured"))
	}
	names := make([]string, 0, len(pkg.Scripts))
	for n := range pkg.Scripts {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		if s, ok := pkg.Scripts[n].(string); ok && jsCoverage.MatchString(s) {
			cov = append(cov, ev(r, p, jsonLine(b, n), "coverage script "+n))
			break
		}
	}
	return ids, cov
}

// jsonLine returns the line where the key "name" first appears, or 0.
func jsonLine(b []byte, name string) int {
	key := []byte(`"` + name + `"`)
	if i := bytes.Index(b, key); i >= 0 {
		return lineAt(b, i)
	}
	return 0
}

func composerJSON(b []byte) []named {
	var c struct {
		Require    map[string]any `json:"require"`
		RequireDev map[string]any `json:"require-dev"`
	}
	if json.Unmarshal(b, &c) != nil {
		return nil
	}
	var ids []named
	for _, pair := range [][2]string{{"phpunit/phpunit", "phpunit"}, {"pestphp/pest", "pest"}} {
		if c.Require[pair[0]] != nil || c.RequireDev[pair[0]] != nil {
			ids = append(ids, named{id: pair[1], line: jsonLine(b, pair[0])})
		}
	}
	return ids
}

// ciFiles lists the CI configuration files, where coverage is often asked
// for on the command line (go test -cover, pytest --cov).
func ciFiles(r *snapshot.Repo) []string {
	var out []string
	for _, f := range r.Files {
		p := f.Path
		switch {
		case strings.HasPrefix(p, ".github/workflows/") && !strings.Contains(p[len(".github/workflows/"):], "/") && (strings.HasSuffix(p, ".yml") || strings.HasSuffix(p, ".yaml")):
		case p == ".gitlab-ci.yml", p == ".circleci/config.yml", p == ".travis.yml", p == "Jenkinsfile",
			p == "azure-pipelines.yml", p == "bitbucket-pipelines.yml", p == ".drone.yml", p == "Makefile", p == "tox.ini", p == "noxfile.py":
		default:
			continue
		}
		out = append(out, p)
		if len(out) == 50 {
			break
		}
	}
	return out
}

// ciCov is a coverage run or upload on a CI line: go test -cover,
// -coverprofile, -covermode or -coverpkg; pytest --cov; coverage.py;
// --coverage (jest, vitest); JaCoCo reports; uploads to Codecov or
// Coveralls (codecov-action, the codecov.io/bash uploader, the codecov CLI
// and orb, goveralls, coveralls).
var ciCov = regexp.MustCompile(`go\s+test\b[^\n#]*\s-(?:cover|coverprofile|covermode|coverpkg)\b|--cov\b|\bcoverage\s+(?:run|xml|report)\b|--coverage\b|\bcodecov\b|\bcoveralls\b|\bgoveralls\b|\bjacocoTestReport\b|jacoco:report`)

// ciScript is a shell script a CI line runs: "bash ./scripts/coverage.sh",
// "run: ci/test.sh".
var ciScript = regexp.MustCompile(`(?:^|[\s;&|('"=:])((?:\.{1,2}/)?(?:[\w.-]+/)*[\w-][\w.-]*\.(?:sh|bash))\b`)

// shellRun is a script run through its interpreter, whatever its name:
// "bash .ci/run", "sh -e ci/test".
var shellRun = regexp.MustCompile(`(?:^|[\s;&|(])(?:bash|sh|zsh)\s+(?:-[a-z]+\s+)*((?:\.{1,2}/)?(?:[\w.-]+/)*[\w.-]+)`)

// maxScripts bounds the scripts followed from CI files.
const maxScripts = 20

// ciCoverage finds coverage runs in the CI files and in the repository's
// shell scripts they run (one level: golang-gin-realworld's CI runs
// scripts/coverage.sh, which runs go test -coverprofile).
func ciCoverage(r *snapshot.Repo, ciPaths []string) []facts.Evidence {
	type script struct{ path, by string }
	var (
		out     []facts.Evidence
		scripts []script
		seen    = map[string]bool{}
	)
	for _, p := range ciPaths {
		cov, run := ciFileCoverage(r, p)
		if cov != nil {
			out = append(out, ev(r, p, cov.line, "coverage in CI: "+cov.text))
		}
		for _, s := range run {
			if !seen[s] && len(scripts) < maxScripts && r.Has(s) {
				seen[s] = true
				scripts = append(scripts, script{s, p})
			}
		}
	}
	for _, s := range scripts {
		if cov, _ := ciFileCoverage(r, s.path); cov != nil {
			return append(out, ev(r, s.path, cov.line, "coverage in a script CI runs ("+s.by+"): "+cov.text))
		}
	}
	return out
}

type covLine struct {
	line int
	text string
}

// ciFileCoverage returns the first coverage line of one CI or script file
// and the scripts the file runs, skipping commented lines.
func ciFileCoverage(r *snapshot.Repo, p string) (cov *covLine, run []string) {
	b, err := r.Read(p)
	if err != nil {
		return nil, nil
	}
	line := 0
	for rest := b; len(rest) > 0; {
		line++
		i := bytes.IndexByte(rest, '\n')
		var l []byte
		if i < 0 {
			l, rest = rest, nil
		} else {
			l, rest = rest[:i], rest[i+1:]
		}
		t := bytes.TrimSpace(l)
		if len(t) == 0 || t[0] == '#' || bytes.HasPrefix(t, []byte("//")) {
			continue
		}
		if cov == nil && ciCov.Match(l) {
			cov = &covLine{line, string(trim(t, 80))}
		}
		var found [][][]byte
		if bytes.Contains(l, []byte(".sh")) || bytes.Contains(l, []byte(".bash")) {
			found = append(found, ciScript.FindAllSubmatch(l, -1)...)
		}
		if bytes.Contains(l, []byte("sh ")) {
			found = append(found, shellRun.FindAllSubmatch(l, -1)...)
		}
		for _, m := range found {
			s := path.Clean(string(m[1]))
			if !strings.HasPrefix(s, "../") && s != p {
				run = append(run, s)
			}
		}
	}
	return cov, run
}

func trim(b []byte, n int) []byte {
	if len(b) > n {
		return append(bytes.Clone(b[:n]), "…"...)
	}
	return b
}
