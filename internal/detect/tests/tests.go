// Package tests finds a repository's automated tests and judges whether they
// are real: test files across ecosystems by path, a bounded sample of them
// read and judged live or placeholder, test cases counted, test frameworks
// and coverage configuration named, and the test-to-code ratio.
package tests

import (
	"fmt"
	"math"
	"path"
	"regexp"
	"sort"
	"strings"

	"github.com/pathway-dev/pathway/internal/facts"
	"github.com/pathway-dev/pathway/internal/snapshot"
)

// Frameworks lists every test framework id Detect can report.
var Frameworks = []string{
	"cargo-test", "django-test", "go-test", "jasmine", "jest", "junit", "minitest", "mocha",
	"mstest", "nunit", "pest", "phpunit", "pytest", "rspec", "spring-test", "testify", "testng",
	"unittest", "vitest", "xunit",
}

// SampleSize bounds how many test files are read and judged per repository.
// Files beyond it are counted by path.
const SampleSize = 200

// maxEvidence bounds the evidence kept, most telling first.
const maxEvidence = 10

// Detect computes the test facts of r.
//
// Every file is classified by path once; at most SampleSize fetched test
// files, spread evenly over the sorted list (names that say "test" first),
// are read and judged. A judged file counts in Files only when it has a
// live test case (benchmarks, fuzz targets and examples with checked output
// are cases); test files that were not read count by path. A test-named
// file that declares code but no test at all (Go helpers in _test.go, JS
// utilities under __tests__/, JUnit abstract base classes) is support code
// and counts in neither Files nor PlaceholderFiles.
// PlaceholderOnly is set when files were judged, none was live, and none
// was left unread. Ratio is Files divided by the source files (code by
// extension, tests, vendored and generated files excluded), rounded to
// three decimals.
func Detect(r *snapshot.Repo) facts.Tests {
	t := facts.Tests{Frameworks: []string{}}
	if r == nil || r.Unavailable != "" {
		return t
	}
	var (
		strong, weak []candidate
		sources      int
		configs      []string
		csprojs      []string
		rustWeak     = map[string]bool{}
	)
	for _, f := range r.Files {
		if f.Kind == "submodule" || skipped(f.Path) {
			continue
		}
		base := path.Base(f.Path)
		if configFile(base) {
			configs = append(configs, f.Path)
		}
		if strings.HasSuffix(base, ".csproj") {
			csprojs = append(csprojs, f.Path)
		}
	}
	projects := testProjects(r, csprojs)
	for _, f := range r.Files {
		if f.Kind == "submodule" || skipped(f.Path) {
			continue
		}
		c, ok := classify(f.Path, projects)
		switch {
		case ok && c.strong:
			strong = append(strong, c)
		case ok:
			weak = append(weak, c)
			if c.eco == ecoRust {
				rustWeak[c.path] = true
				sources++
			}
		case source(f.Path):
			sources++
		}
	}

	fw := map[string]bool{}
	var live, placeholders []judgedFile
	unread := 0
	sample := pick(r, strong, SampleSize)
	sampled := map[string]bool{}
	for _, c := range sample {
		sampled[c.path] = true
	}
	sample = append(sample, pick(r, weak, SampleSize-len(sample))...)
	for _, c := range strong {
		if !sampled[c.path] {
			unread++
			if c.eco == ecoGo {
				fw["go-test"] = true
			}
		}
	}
	for _, c := range sample {
		src, err := r.Read(c.path)
		if err != nil {
			continue
		}
		v := judge(src, c.eco)
		j := judgedFile{candidate: c, verdict: v}
		switch {
		case v.cases > 0:
			live = append(live, j)
			for _, name := range importedFrameworks(src, c.eco) {
				fw[name] = true
			}
		case support(c, v):
			// Shared fixtures and utilities: neither tests nor placeholders.
		case c.strong || (v.found > 0 && !rustWeak[c.path]):
			placeholders = append(placeholders, j)
		}
	}

	t.Files = len(live) + unread
	t.PlaceholderFiles = len(placeholders)
	for _, j := range live {
		t.Cases += j.cases
	}
	t.Present = t.Files > 0
	t.PlaceholderOnly = !t.Present && len(placeholders) > 0
	t.Known = !r.TreeTruncated || t.Present
	if sources > 0 {
		t.Ratio = math.Round(float64(t.Files)/float64(sources)*1000) / 1000
	}

	var cfgEv, covEv []facts.Evidence
	for _, p := range configs {
		names, cov := configFacts(r, p)
		for _, n := range names {
			if !fw[n.id] {
				fw[n.id] = true
				cfgEv = append(cfgEv, ev(r, p, n.line, n.id+" configured"))
			}
		}
		covEv = append(covEv, cov...)
	}
	covEv = append(covEv, ciCoverage(r, ciFiles(r))...)
	t.Coverage = len(covEv) > 0
	for n := range fw {
		t.Frameworks = append(t.Frameworks, n)
	}
	sort.Strings(t.Frameworks)
	t.Evidence = evidence(r, live, placeholders, unread, cfgEv, covEv)
	return t
}

// support reports whether a test-named file without tests is support code
// for the suite rather than a placeholder. A JS file counts only when its
// own name does not say test: __tests__/helpers/db.js is a helper,
// app.test.js with nothing in it is a placeholder.
func support(c candidate, v verdict) bool {
	return v.helper && (c.eco != ecoJS || !jsStrong(path.Base(c.path)))
}

type judgedFile struct {
	candidate
	verdict
}

// pick returns at most n fetched candidates, spread evenly over cs so a
// large suite is sampled across all its directories, not just the first.
func pick(r *snapshot.Repo, cs []candidate, n int) []candidate {
	if n <= 0 {
		return nil
	}
	var fetched []candidate
	for _, c := range cs {
		if _, err := r.Read(c.path); err == nil {
			fetched = append(fetched, c)
		}
	}
	if len(fetched) <= n {
		return fetched
	}
	out := make([]candidate, 0, n)
	for i := range n {
		out = append(out, fetched[i*len(fetched)/n])
	}
	return out
}

// testProjects returns the directories of C# test projects: named *.Tests
// or referencing a test framework or the test SDK.
func testProjects(r *snapshot.Repo, csprojs []string) map[string]bool {
	out := map[string]bool{}
	for _, p := range csprojs {
		dir := path.Dir(p)
		if dir == "." {
			dir = ""
		}
		if csTestProj.MatchString(path.Base(p)) {
			out[dir] = true
			continue
		}
		if b, err := r.Read(p); err == nil && csTestRef.Match(b) {
			out[dir] = true
		}
	}
	return out
}

var csTestRef = regexp.MustCompile(`(?i)Include="(?:xunit|nunit|mstest\.testframework|microsoft\.net\.test\.sdk)"`)

// evidence orders what was found: live files with most cases first, then
// placeholders (the trap a reader must see), then configuration.
func evidence(r *snapshot.Repo, live, placeholders []judgedFile, unread int, cfg, cov []facts.Evidence) []facts.Evidence {
	sort.SliceStable(live, func(i, j int) bool { return live[i].cases > live[j].cases })
	var out []facts.Evidence
	for i, j := range live {
		if i == 5 {
			break
		}
		out = append(out, ev(r, j.path, j.line, fmt.Sprintf("%d live test case%s", j.cases, plural(j.cases))))
	}
	if unread > 0 {
		out = append(out, facts.Evidence{Repo: r.Name, Text: fmt.Sprintf("%d more test file%s counted by path, not read", unread, plural(unread))})
	}
	for i, j := range placeholders {
		if i == 3 {
			break
		}
		out = append(out, ev(r, j.path, j.line, "placeholder: "+j.reason))
	}
	out = append(out, cfg...)
	out = append(out, cov...)
	if len(out) > maxEvidence {
		out = out[:maxEvidence]
	}
	return out
}

func ev(r *snapshot.Repo, p string, line int, text string) facts.Evidence {
	return facts.Evidence{Repo: r.Name, Path: p, Line: line, Text: text}
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

// importRules name a framework from what a live test file imports or uses.
var importRules = map[string][]struct {
	re *regexp.Regexp
	id string
}{
	ecoPython: {
		{regexp.MustCompile(`(?m)^\s*(?:import|from)\s+pytest\b|@pytest\.`), "pytest"},
		{regexp.MustCompile(`(?m)^\s*(?:import|from)\s+unittest\b`), "unittest"},
		{regexp.MustCompile(`(?m)^\s*(?:from|import)\s+(?:django\.test|rest_framework\.test)\b`), "django-test"},
		// Module-level test functions with bare asserts are pytest's style.
		{regexp.MustCompile(`(?m)^(?:async\s+)?def\s+test`), "pytest"},
	},
	ecoJS: {
		{regexp.MustCompile(`from\s+['"]vitest['"]|require\(\s*['"]vitest['"]`), "vitest"},
		{regexp.MustCompile(`['"]@jest/globals['"]|\bjest\.(?:fn|mock|spyOn)\(`), "jest"},
		{regexp.MustCompile(`require\(\s*['"]mocha['"]|from\s+['"]mocha['"]`), "mocha"},
		{regexp.MustCompile(`\bjasmine\.`), "jasmine"},
	},
	ecoJava: {
		{regexp.MustCompile(`\borg\.junit\b`), "junit"},
		{regexp.MustCompile(`\borg\.testng\b`), "testng"},
		{regexp.MustCompile(`\borg\.springframework\.(?:boot\.)?test\b|@(?:SpringBootTest|WebMvcTest|DataJpaTest|WebFluxTest)\b`), "spring-test"},
	},
	ecoRuby: {
		{regexp.MustCompile(`\bRSpec\.|require\s*\(?\s*['"](?:rails|spec)_helper['"]`), "rspec"},
		{regexp.MustCompile(`\b(?:ActiveSupport::TestCase|ActionDispatch::IntegrationTest|ActionController::TestCase|ApplicationSystemTestCase|Minitest::)|require\s*\(?\s*['"](?:test_helper|minitest\b)`), "minitest"},
	},
	ecoPHP: {
		{regexp.MustCompile(`PHPUnit\\Framework|\bextends\s+(?:\w+\\)*TestCase\b`), "phpunit"},
		{regexp.MustCompile(`(?m)^\s*(?:it|test)\s*\(`), "pest"},
	},
	ecoGo: {
		{regexp.MustCompile(`"testing"`), "go-test"},
		{regexp.MustCompile(`"github\.com/stretchr/testify/`), "testify"},
	},
	ecoCSharp: {
		{regexp.MustCompile(`\busing\s+Xunit\b`), "xunit"},
		{regexp.MustCompile(`\busing\s+NUnit\b`), "nunit"},
		{regexp.MustCompile(`Microsoft\.VisualStudio\.TestTools\.UnitTesting`), "mstest"},
	},
	ecoRust: {
		{regexp.MustCompile(`#\[\s*(?:\w+::)?test\b`), "cargo-test"},
	},
}

func importedFrameworks(src []byte, eco string) []string {
	if len(src) > maxJudge {
		src = src[:maxJudge]
	}
	var out []string
	for _, rule := range importRules[eco] {
		if rule.re.Match(src) {
			out = append(out, rule.id)
		}
	}
	return out
}
