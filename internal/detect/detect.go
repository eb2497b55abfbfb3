// Package detect computes facts from a snapshot, once: it runs every
// detector over every included repository and the profile. Detectors live in
// the subpackages, one job each, and never know which source made the
// snapshot.
package detect

import (
	"sort"
	"time"

	"github.com/pathway-dev/pathway/internal/detect/api"
	"github.com/pathway-dev/pathway/internal/detect/ci"
	"github.com/pathway-dev/pathway/internal/detect/history"
	"github.com/pathway-dev/pathway/internal/detect/hygiene"
	"github.com/pathway-dev/pathway/internal/detect/license"
	"github.com/pathway-dev/pathway/internal/detect/profile"
	"github.com/pathway-dev/pathway/internal/detect/readme"
	"github.com/pathway-dev/pathway/internal/detect/security"
	"github.com/pathway-dev/pathway/internal/detect/stack"
	"github.com/pathway-dev/pathway/internal/detect/tests"
	"github.com/pathway-dev/pathway/internal/facts"
	"github.com/pathway-dev/pathway/internal/languages"
	"github.com/pathway-dev/pathway/internal/snapshot"
)

// Portfolio computes the facts of every repository in snap (excluded ones get
// metadata only) and of the profile. asOf is the reference time for recency.
func Portfolio(snap *snapshot.Snapshot, opts snapshot.Options, asOf time.Time) *facts.Portfolio {
	id := history.Learn(snap.Profile.Login, snap.Repos)
	pf := &facts.Portfolio{Repos: make([]*facts.Repo, 0, len(snap.Repos))}
	for _, r := range snap.Repos {
		reason := snapshot.Excluded(r, opts)
		fr := Repo(r, id, asOf)
		fr.MetadataKnown = snap.Profile.Kind != "local"
		fr.Included = reason == ""
		fr.ExcludedReason = reason
		pf.Repos = append(pf.Repos, fr)
	}
	pf.Profile = profile.Detect(snap.Profile, snap.Repos, pf.Repos, id, asOf)
	return pf
}

// Repo computes the facts of one repository.
func Repo(r *snapshot.Repo, id history.Identity, asOf time.Time) *facts.Repo {
	fr := &facts.Repo{
		Name:        r.Name,
		FullName:    r.FullName,
		Fork:        r.Fork,
		Archived:    r.Archived,
		Empty:       r.Empty,
		Description: r.Description,
		Homepage:    r.Homepage,
		Topics:      r.Topics,
		Stars:       r.Stars,
		PushedAt:    r.PushedAt,
		CreatedAt:   r.CreatedAt,
		TreeKnown:   !r.TreeTruncated && r.Unavailable == "" && (len(r.Files) > 0 || r.Empty),
		FileCount:   len(r.Files),
		Languages:   map[string]int64{},
		Warnings:    r.Warnings,
		Unavailable: r.Unavailable,
	}
	if !r.PushedAt.IsZero() && asOf.After(r.PushedAt) {
		fr.DaysSincePush = int(asOf.Sub(r.PushedAt).Hours() / 24)
	}
	if r.Unavailable != "" || r.Empty {
		fr.License = r.License
		return fr
	}
	r = WithoutFixtures(r)
	lang := languages.Detect(r.Files, r.Read)
	fr.Languages = lang.Bytes
	fr.PrimaryLanguage = lang.Primary
	for _, n := range lang.Bytes {
		fr.CodeBytes += n
	}
	for l, n := range lang.Bytes {
		// A few hundred bytes of asset JavaScript in a Rails app is not
		// backend work in JavaScript: a language counts from 5% of the
		// code or 50 kB.
		if languages.Backend(l) && (n*20 >= fr.CodeBytes || n >= 50_000) {
			fr.BackendLanguages = append(fr.BackendLanguages, l)
		}
	}
	sort.Slice(fr.BackendLanguages, func(i, j int) bool {
		a, b := fr.BackendLanguages[i], fr.BackendLanguages[j]
		if lang.Bytes[a] != lang.Bytes[b] {
			return lang.Bytes[a] > lang.Bytes[b]
		}
		return a < b
	})
	fr.SourceFiles = len(lang.Files)

	fr.Tests = tests.Detect(r)
	fr.CI = ci.Detect(r)
	fr.Deploy = ci.Deploy(r)
	fr.Readme = readme.Detect(r)
	fr.License = license.Detect(r)
	st, deps := stack.Detect(r)
	fr.Stack = st
	fr.Tests.Frameworks = mergeTestFrameworks(fr.Tests.Frameworks, deps)
	fr.API = api.Detect(r)
	fr.Security = security.Detect(r)
	fr.Service = len(fr.Stack.Frameworks) > 0 || fr.API.Routes > 0
	fr.Hygiene = hygiene.Detect(r)
	fr.Hygiene.Known = fr.TreeKnown
	fr.History = history.Detect(r, id, asOf)
	return fr
}

// fixtureDirs hold test material — sample projects, recorded responses, fake
// keys — that is not the developer's own stack: a Go project whose testdata/
// holds a pom.xml does not use Spring, and a fixture's committed .env or
// node_modules/ is test material, not a habit.
var fixtureDirs = map[string]bool{"testdata": true, "fixtures": true, "__fixtures__": true, "test-fixtures": true}

// WithoutFixtures returns r with the files under fixture folders left out of
// its file list (contents stay readable for paths that remain).
func WithoutFixtures(r *snapshot.Repo) *snapshot.Repo {
	keep := -1
	for i, f := range r.Files {
		if inFixture(f.Path) {
			keep = i
			break
		}
	}
	if keep < 0 {
		return r
	}
	c := *r
	c.Files = make([]snapshot.File, 0, len(r.Files))
	for _, f := range r.Files {
		if !inFixture(f.Path) {
			c.Files = append(c.Files, f)
		}
	}
	return &c
}

func inFixture(p string) bool { return snapshot.UnderAny(p, fixtureDirs) }

// testDeps maps dependency names to the test framework ids they mean, so a
// framework declared in a manifest counts even if no test file imports it
// in the sampled files.
var testDeps = map[string]string{
	"pytest": "pytest", "jest": "jest", "mocha": "mocha", "vitest": "vitest",
	"jasmine": "jasmine", "junit:junit": "junit", "org.junit.jupiter:junit-jupiter": "junit", "org.springframework.boot:spring-boot-starter-test": "junit",
	"org.testng:testng": "testng", "rspec": "rspec", "rspec-rails": "rspec",
	"minitest": "minitest", "phpunit/phpunit": "phpunit", "pestphp/pest": "pest",
	"github.com/stretchr/testify": "testify", "xunit": "xunit", "nunit": "nunit",
	"mstest.testframework": "mstest",
}

func mergeTestFrameworks(have []string, deps []stack.Dependency) []string {
	seen := map[string]bool{}
	out := []string{}
	for _, f := range have {
		if !seen[f] {
			seen[f] = true
			out = append(out, f)
		}
	}
	for _, d := range deps {
		if f, ok := testDeps[d.Name]; ok && !seen[f] {
			seen[f] = true
			out = append(out, f)
		}
	}
	sort.Strings(out)
	return out
}
