package rules

import (
	"reflect"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/expr-lang/expr/ast"

	"github.com/pathway-dev/pathway/internal/facts"
)

// repoEnv is what a repository rule's expressions see. Member names are the
// facts' JSON names (repo.tests.present); see jsonNames.
type repoEnv struct {
	Repo    *facts.Repo    `expr:"repo"`
	Repos   []*facts.Repo  `expr:"repos"`
	Profile *facts.Profile `expr:"profile"`
	AsOf    time.Time      `expr:"as_of"`
	Role    *Role          `expr:"role"`
	Stats   *Stats         `expr:"stats"`
	// Project is true in a local audit, which judges projects rather than
	// a portfolio: rules can ask only web services for a database.
	Project bool `expr:"project"`
}

// portfolioEnv is what portfolio and profile rules see: there is no single
// repository, so `repo` is a compile error rather than a nil at run time.
type portfolioEnv struct {
	Repos   []*facts.Repo  `expr:"repos"`
	Profile *facts.Profile `expr:"profile"`
	AsOf    time.Time      `expr:"as_of"`
	Role    *Role          `expr:"role"`
	Stats   *Stats         `expr:"stats"`
	Project bool           `expr:"project"`
}

// Stats are portfolio figures computed once per audit, so that portfolio
// rules stay short and fast.
type Stats struct {
	// OriginalRepos are included non-fork repositories with source files.
	OriginalRepos int `json:"original_repos"`
	// SubstantialRepos are original repositories in a backend language with
	// at least 10 source files or 20 kB of code.
	SubstantialRepos int `json:"substantial_repos"`
	// BackendBytes sums go-enry bytes per backend language.
	BackendBytes map[string]int64 `json:"backend_bytes"`
	// BackendLanguages are the backend languages, most bytes first.
	BackendLanguages   []string `json:"backend_languages"`
	TopBackendLanguage string   `json:"top_backend_language"`
	TopBackendBytes    int64    `json:"top_backend_bytes"`
	// TopBackendRepos counts repositories using the top backend language.
	TopBackendRepos int      `json:"top_backend_repos"`
	Frameworks      []string `json:"frameworks"` // distinct, sorted
	Databases       []string `json:"databases"`  // distinct, sorted
	// TopFrameworkRepos is the largest number of repositories sharing one
	// framework: depth rather than a collection of hello-worlds.
	TopFrameworkRepos int `json:"top_framework_repos"`
	// RecentRepos were pushed within 90 days of the as-of time.
	RecentRepos int `json:"recent_repos"`
	// NewStackRecent counts languages/frameworks first used in the as-of
	// year or the year before.
	NewStackRecent int `json:"new_stack_recent"`
	// StackYears counts the years in which something new was picked up.
	StackYears int `json:"stack_years"`
	// Progression compares the largest scope (stack breadth and size) in
	// the newer half of the original repositories with the older half's:
	// 1 when the newer reach it, else their ratio; see README.md.
	Progression float64 `json:"progression"`
	// HistoryKnown, TestsKnown and TreeKnown are true when at least one
	// included repository has that data.
	HistoryKnown bool `json:"history_known"`
	TestsKnown   bool `json:"tests_known"`
	TreeKnown    bool `json:"tree_known"`
}

// Input is one portfolio ready for evaluation: the included repositories,
// the profile and the statistics computed from them once.
type Input struct {
	Repos   []*facts.Repo
	Profile *facts.Profile
	AsOf    time.Time
	Stats   *Stats
	// Main is the candidate's main project (the largest original backend
	// repository): portfolio advice names it. Nil without repositories.
	Main *facts.Repo
	// Project marks a local audit (expressions see it as `project`).
	Project bool
}

// NewInput prepares repos (the included repositories, in report order) and
// the profile for evaluation. A nil profile counts as unknown.
func NewInput(repos []*facts.Repo, profile *facts.Profile, asOf time.Time) *Input {
	if profile == nil {
		profile = &facts.Profile{}
	}
	clean := make([]*facts.Repo, 0, len(repos))
	for _, r := range repos {
		if r != nil {
			clean = append(clean, r)
		}
	}
	return &Input{Repos: clean, Profile: profile, AsOf: asOf, Stats: computeStats(clean, profile, asOf), Main: mainRepo(clean)}
}

// mainRepo prefers original backend repositories, then size; ties keep
// the input order.
func mainRepo(repos []*facts.Repo) *facts.Repo {
	var best *facts.Repo
	rank := func(r *facts.Repo) (int, int64) {
		n := 0
		if isOriginal(r) {
			n++
		}
		if len(r.BackendLanguages) > 0 {
			n += 2
		}
		return n, r.CodeBytes
	}
	for _, r := range repos {
		if best == nil {
			best = r
			continue
		}
		a, ab := rank(r)
		b, bb := rank(best)
		if a > b || (a == b && ab > bb) {
			best = r
		}
	}
	return best
}

func isOriginal(r *facts.Repo) bool { return !r.Fork && (r.SourceFiles > 0 || r.CodeBytes > 0) }

func isSubstantial(r *facts.Repo) bool {
	return isOriginal(r) && len(r.BackendLanguages) > 0 && (r.SourceFiles >= 10 || r.CodeBytes >= 20000)
}

func computeStats(repos []*facts.Repo, p *facts.Profile, asOf time.Time) *Stats {
	s := &Stats{BackendBytes: map[string]int64{}}
	fwRepos := map[string]int{}
	dbs := map[string]bool{}
	var originals []*facts.Repo
	for _, r := range repos {
		if isOriginal(r) {
			s.OriginalRepos++
			originals = append(originals, r)
		}
		if isSubstantial(r) {
			s.SubstantialRepos++
		}
		for _, l := range r.BackendLanguages {
			s.BackendBytes[l] += r.Languages[l]
		}
		seen := map[string]bool{}
		for _, f := range r.Stack.Frameworks {
			if !seen[f] {
				seen[f] = true
				fwRepos[f]++
			}
		}
		for _, d := range r.Stack.Databases {
			dbs[d] = true
		}
		if !r.PushedAt.IsZero() && r.DaysSincePush <= 90 {
			s.RecentRepos++
		}
		s.HistoryKnown = s.HistoryKnown || r.History.Known
		s.TestsKnown = s.TestsKnown || r.Tests.Known
		s.TreeKnown = s.TreeKnown || r.TreeKnown
	}
	for l := range s.BackendBytes {
		s.BackendLanguages = append(s.BackendLanguages, l)
	}
	sort.Slice(s.BackendLanguages, func(i, j int) bool {
		a, b := s.BackendLanguages[i], s.BackendLanguages[j]
		if s.BackendBytes[a] != s.BackendBytes[b] {
			return s.BackendBytes[a] > s.BackendBytes[b]
		}
		return a < b
	})
	if len(s.BackendLanguages) > 0 {
		s.TopBackendLanguage = s.BackendLanguages[0]
		s.TopBackendBytes = s.BackendBytes[s.TopBackendLanguage]
		for _, r := range repos {
			if slices.Contains(r.BackendLanguages, s.TopBackendLanguage) {
				s.TopBackendRepos++
			}
		}
	}
	for f, n := range fwRepos {
		s.Frameworks = append(s.Frameworks, f)
		s.TopFrameworkRepos = max(s.TopFrameworkRepos, n)
	}
	sort.Strings(s.Frameworks)
	for d := range dbs {
		s.Databases = append(s.Databases, d)
	}
	sort.Strings(s.Databases)
	y := asOf.Year()
	for year, items := range p.NewStackByYear {
		if len(items) == 0 {
			continue
		}
		s.StackYears++
		if year == strconv.Itoa(y) || year == strconv.Itoa(y-1) {
			s.NewStackRecent += len(items)
		}
	}
	s.Progression = progression(originals)
	return s
}

// scope is a repository's breadth: its languages, frameworks and databases,
// plus one for 20 kB of code. Tests or CI are deliberately left out so that
// adding them to an old project cannot make the newer ones look worse.
func scope(r *facts.Repo) int {
	n := len(r.BackendLanguages) + len(r.Stack.Frameworks) + len(r.Stack.Databases)
	if r.CodeBytes >= 20000 {
		n++
	}
	return n
}

func progression(originals []*facts.Repo) float64 {
	var dated []*facts.Repo
	for _, r := range originals {
		if !r.CreatedAt.IsZero() {
			dated = append(dated, r)
		}
	}
	if len(dated) < 2 {
		return 0
	}
	sort.SliceStable(dated, func(i, j int) bool { return dated[i].CreatedAt.Before(dated[j].CreatedAt) })
	half := len(dated) / 2
	older, newer := 0, 0
	for _, r := range dated[:half] {
		older = max(older, scope(r))
	}
	for _, r := range dated[half:] {
		newer = max(newer, scope(r))
	}
	if older == 0 || newer >= older {
		if newer == 0 {
			return 0
		}
		return 1
	}
	return float64(newer) / float64(older)
}

// jsonNames maps the JSON name of every field an expression can reach to its
// Go name, so rules read like the facts JSON (repo.tests.present) while the
// expression checker still sees typed structs and rejects typos at load time.
var jsonNames = sync.OnceValue(func() map[string]string {
	m := map[string]string{}
	seen := map[reflect.Type]bool{}
	var walk func(t reflect.Type)
	walk = func(t reflect.Type) {
		for t.Kind() == reflect.Pointer || t.Kind() == reflect.Slice || t.Kind() == reflect.Map {
			t = t.Elem()
		}
		if t.Kind() != reflect.Struct || seen[t] || t == reflect.TypeFor[time.Time]() {
			return
		}
		seen[t] = true
		for i := range t.NumField() {
			f := t.Field(i)
			name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
			if f.IsExported() && name != "" && name != "-" {
				m[name] = f.Name
			}
			walk(f.Type)
		}
	}
	walk(reflect.TypeFor[repoEnv]())
	return m
})

// namePatch rewrites JSON member names to Go field names before checking.
type namePatch struct{}

func (namePatch) Visit(n *ast.Node) {
	m, ok := (*n).(*ast.MemberNode)
	if !ok {
		return
	}
	if s, ok := m.Property.(*ast.StringNode); ok {
		if g, ok := jsonNames()[s.Value]; ok {
			s.Value = g
		}
	}
}
