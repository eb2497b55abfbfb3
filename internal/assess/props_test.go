package assess_test

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/pathway-dev/pathway/internal/assess"
	"github.com/pathway-dev/pathway/internal/assess/assesstest"
	"github.com/pathway-dev/pathway/internal/facts"
	"github.com/pathway-dev/pathway/internal/report"
	"github.com/pathway-dev/pathway/rules"
)

func ptr[T any](v T) *T { return &v }

// evidence a learner can add to one repository, as the detectors would
// report it afterwards.
var additions = map[string]func(r *facts.Repo, t *rules.Tree){
	"test file": func(r *facts.Repo, t *rules.Tree) {
		r.Tests.Known = true
		r.Tests.Present, r.Tests.PlaceholderOnly = true, false
		r.Tests.Files += 2
		r.Tests.Cases += 6
		r.Tests.Ratio += 0.1
		if len(r.Tests.Frameworks) == 0 {
			r.Tests.Frameworks = []string{"junit"}
		}
		if t != nil {
			t.Files = append(t.Files, "src/test/java/AppTest.java")
		}
	},
	"CI config that runs tests": func(r *facts.Repo, t *rules.Tree) {
		r.CI.Present, r.CI.Providers, r.CI.RunsTests = true, []string{"github-actions"}, ptr(true)
		r.CI.Files = []string{".github/workflows/ci.yml"}
		if t != nil {
			t.Files = append(t.Files, ".github/workflows/ci.yml")
		}
	},
	"CI config without tests": func(r *facts.Repo, t *rules.Tree) {
		if !r.CI.Present {
			r.CI.Present, r.CI.Providers, r.CI.RunsTests = true, []string{"github-actions"}, ptr(false)
		}
	},
	"Dockerfile": func(r *facts.Repo, t *rules.Tree) {
		r.Deploy.Container = true
		r.Deploy.Kinds = append(r.Deploy.Kinds, "docker")
		if t != nil {
			t.Files = append(t.Files, "Dockerfile")
		}
	},
	"README sections": func(r *facts.Repo, t *rules.Tree) {
		r.Readme.Present = true
		r.Readme.Score = min(100, r.Readme.Score+30)
		r.Readme.SetupCommands = true
	},
	"license":          func(r *facts.Repo, t *rules.Tree) { r.License = "MIT" },
	"description":      func(r *facts.Repo, t *rules.Tree) { r.Description, r.Topics = "A REST API", []string{"rest-api"} },
	"auth":             func(r *facts.Repo, t *rules.Tree) { r.Security.Auth = append(r.Security.Auth, "jwt") },
	"openapi":          func(r *facts.Repo, t *rules.Tree) { r.API.OpenAPI, r.API.Docs = []string{"openapi.yaml"}, true },
	"migrations":       func(r *facts.Repo, t *rules.Tree) { r.Stack.Migrations = true },
	"env example":      func(r *facts.Repo, t *rules.Tree) { r.Security.EnvExample = true },
	"dependabot":       func(r *facts.Repo, t *rules.Tree) { r.Security.DependencyUpdates = []string{"dependabot"} },
	"live demo":        func(r *facts.Repo, t *rules.Tree) { r.Homepage = "https://demo.example.com" },
	"coverage":         func(r *facts.Repo, t *rules.Tree) { r.Tests.Coverage = true },
	"routes":           func(r *facts.Repo, t *rules.Tree) { r.API.Routes += 4 },
	"better messages":  func(r *facts.Repo, t *rules.Tree) { r.History.MessageQuality = min(1, r.History.MessageQuality+0.3) },
	"more own commits": func(r *facts.Repo, t *rules.Tree) { r.History.Own += 10; r.History.ActiveWeeks += 3 },
	"gitignore": func(r *facts.Repo, t *rules.Tree) {
		r.Hygiene.Gitignore = true
		if t != nil {
			t.Files = append(t.Files, ".gitignore")
		}
	},
}

func scores(rep *report.Report) map[string]int {
	m := map[string]int{"overall": rep.Overall.Score}
	for _, s := range rep.Steps {
		m[s.ID] = s.Score
	}
	return m
}

func assessCase(t testing.TB, c *assesstest.Case) *report.Report {
	t.Helper()
	set, err := rules.Load(c.Role)
	if err != nil {
		t.Fatal(err)
	}
	return assess.Run(c.Portfolio, set, assess.Options{AsOf: assesstest.AsOf, Trees: c.Trees})
}

func cases() map[string]func() *assesstest.Case {
	return map[string]func() *assesstest.Case{
		"strong": assesstest.Strong, "middling": assesstest.Middling, "beginner": assesstest.Beginner,
	}
}

// Adding evidence to any repository never lowers any step or the overall
// score: every single addition on every included repository of the three
// portfolios, then random sequences of additions.
func TestMonotonic(t *testing.T) {
	names := make([]string, 0, len(additions))
	for n := range additions {
		names = append(names, n)
	}
	for cname, build := range cases() {
		base := scores(assessCase(t, build()))
		for i, repo := range build().Portfolio.Repos {
			if !repo.Included {
				continue
			}
			for name, add := range additions {
				c := build()
				r := c.Portfolio.Repos[i]
				add(r, c.Trees[r.Name])
				after := scores(assessCase(t, c))
				for k, v := range base {
					if after[k] < v {
						t.Errorf("%s: adding %s to %s lowered %s from %d to %d", cname, name, r.Name, k, v, after[k])
					}
				}
			}
		}
		rng := rand.New(rand.NewPCG(1, uint64(len(cname))))
		for round := 0; round < 15; round++ {
			c := build()
			prev := scores(assessCase(t, c))
			var steps []string
			for k := 0; k < 6; k++ {
				r := c.Portfolio.Repos[rng.IntN(len(c.Portfolio.Repos))]
				if !r.Included {
					continue
				}
				name := names[rng.IntN(len(names))]
				additions[name](r, c.Trees[r.Name])
				steps = append(steps, fmt.Sprintf("%s→%s", name, r.Name))
				now := scores(assessCase(t, c))
				for key, v := range prev {
					if now[key] < v {
						t.Fatalf("%s: after %s, %s fell from %d to %d", cname, strings.Join(steps, ", "), key, v, now[key])
					}
				}
				prev = now
			}
		}
	}
}

// An experiment (a new small repository) never lowers a score.
func TestExperimentsDoNotPunish(t *testing.T) {
	for cname, build := range cases() {
		base := scores(assessCase(t, build()))
		c := build()
		c.Portfolio.Repos = append(c.Portfolio.Repos, &facts.Repo{
			Name: "rust-playground", FullName: "x/rust-playground", Included: true, TreeKnown: true,
			Languages: map[string]int64{"Rust": 900}, PrimaryLanguage: "Rust", BackendLanguages: []string{"Rust"},
			CodeBytes: 900, SourceFiles: 1, Tests: facts.Tests{Known: true}, Hygiene: facts.Hygiene{Known: true, Clean: true},
			History:  facts.History{Known: true, Total: 3, Own: 3, ActiveWeeks: 1, MessageQuality: 0.3},
			PushedAt: assesstest.AsOf.AddDate(0, 0, -3), DaysSincePush: 3,
		})
		c.Trees["rust-playground"] = assesstest.NewTree(map[string]string{".gitignore": "target\n.env\n"}, "Cargo.toml", "src/main.rs")
		after := scores(assessCase(t, c))
		for _, k := range []string{"testing", "ci-cd", "apis", "frameworks", "databases", "job-ready"} {
			if after[k] < base[k] {
				t.Errorf("%s: an experiment lowered %s from %d to %d", cname, k, base[k], after[k])
			}
		}
	}
}

func TestReportShape(t *testing.T) {
	for cname, build := range cases() {
		c := build()
		rep := assessCase(t, c)
		if len(rep.Steps) != 12 {
			t.Fatalf("%s: %d steps", cname, len(rep.Steps))
		}
		for i, s := range rep.Steps {
			if s.ID != rules.Steps[i].ID || s.Number != i+1 {
				t.Errorf("%s: step %d is %s", cname, i, s.ID)
			}
			if s.Status != report.Strong && len(s.Actions) == 0 {
				t.Errorf("%s: step %s is %s without an action", cname, s.ID, s.Status)
			}
			for _, a := range s.Actions {
				if a.Text == "" || strings.Contains(a.Text, "<no value>") {
					t.Errorf("%s: bad action text %q", cname, a.Text)
				}
			}
		}
		if len(rep.Repos) != len(c.Portfolio.Repos) {
			t.Fatalf("%s: %d repos in the report, %d in the input", cname, len(rep.Repos), len(c.Portfolio.Repos))
		}
		for i, r := range rep.Repos {
			in := c.Portfolio.Repos[i]
			if r.Name != in.Name || r.Included != in.Included {
				t.Errorf("%s: repo %d is %s (included %v), want %s", cname, i, r.Name, r.Included, in.Name)
			}
			if !r.Included && r.ExcludedReason == "" {
				t.Errorf("%s: excluded %s without a reason", cname, r.Name)
			}
			if r.Facts != in {
				t.Errorf("%s: facts of %s not attached", cname, r.Name)
			}
		}
		for i, a := range rep.Actions {
			if a.Priority != i+1 {
				t.Errorf("%s: action %d has priority %d", cname, i, a.Priority)
			}
			if i > 0 && a.Impact > rep.Actions[i-1].Impact {
				t.Errorf("%s: actions not ranked by impact: %v after %v", cname, a.Impact, rep.Actions[i-1].Impact)
			}
		}
		if len(rep.Highlights) != len(rep.HighlightRefs) || len(rep.Highlights) > 6 {
			t.Errorf("%s: %d highlights, %d refs", cname, len(rep.Highlights), len(rep.HighlightRefs))
		}
		if rep.Scoring.Method == "" || rep.Scoring.Thresholds["strong"] != 75 {
			t.Errorf("%s: scoring not explained", cname)
		}
	}
}

func TestVerdicts(t *testing.T) {
	want := map[string]string{"strong": report.Ready, "middling": report.NearlyThere, "beginner": report.KeepBuilding}
	for cname, build := range cases() {
		rep := assessCase(t, build())
		if rep.Overall.Level != want[cname] {
			t.Errorf("%s: level %s (score %d), want %s", cname, rep.Overall.Level, rep.Overall.Score, want[cname])
		}
	}
	strong := assessCase(t, assesstest.Strong())
	if len(strong.Highlights) < 3 {
		t.Errorf("strong candidate has %d highlights: %v", len(strong.Highlights), strong.Highlights)
	}
	found := false
	for _, h := range strong.Highlights {
		if strings.Contains(h, "Spring Boot") && strings.Contains(h, "JWT") && strings.Contains(h, "JUnit") &&
			strings.Contains(h, "GitHub Actions") && strings.Contains(h, "ana-dev/shop-api") {
			found = true
		}
	}
	if !found {
		t.Errorf("no Spring Boot highlight citing shop-api: %v", strong.Highlights)
	}
	beginner := assessCase(t, assesstest.Beginner())
	for _, h := range beginner.Highlights {
		t.Errorf("beginner gets an unearned highlight: %q", h)
	}
	// The beginner's first step to work on is the start of the pathway.
	if beginner.Position.Next != "languages" || len(strong.Position.Done) < 10 {
		t.Errorf("positions: beginner next %q, strong done %v", beginner.Position.Next, strong.Position.Done)
	}
}

// The Java role rewards Spring; the same candidate under the Python role
// loses the role-framework credit.
func TestRoleChangesOutcome(t *testing.T) {
	c := assesstest.Strong()
	java, _ := rules.Load("backend-java")
	python, _ := rules.Load("backend-python")
	rj := assess.Run(c.Portfolio, java, assess.Options{AsOf: assesstest.AsOf, Trees: c.Trees})
	rp := assess.Run(c.Portfolio, python, assess.Options{AsOf: assesstest.AsOf, Trees: c.Trees})
	if rj.Role != "backend-java" || rp.Role != "backend-python" {
		t.Errorf("roles %q %q", rj.Role, rp.Role)
	}
	if rj.Steps[2].Score <= rp.Steps[2].Score {
		t.Errorf("frameworks: java %d, python %d", rj.Steps[2].Score, rp.Steps[2].Score)
	}
	var adv string
	for _, a := range rp.Steps[2].Actions {
		if a.Rule == "frameworks/role-framework" {
			adv = a.Text
		}
	}
	if !strings.Contains(adv, "Django") {
		t.Errorf("python role advice %q does not name Django", adv)
	}
}

// Local audits have no profile: profile rules are unknown, never failed,
// and the networking step leaves the overall score alone.
func TestLocalAuditCoverage(t *testing.T) {
	c := assesstest.Strong()
	c.Portfolio.Profile = facts.Profile{Login: "shop-api", ActiveMonths12: 11}
	rep := assessCase(t, c)
	net := rep.Steps[10]
	if net.Coverage != 0 {
		t.Errorf("networking coverage %v, want 0", net.Coverage)
	}
	for _, f := range net.Findings {
		if f.Outcome != report.Unknown {
			t.Errorf("networking finding %s is %s", f.Rule, f.Outcome)
		}
	}
	if rep.Overall.Coverage >= 1 || rep.Overall.Coverage <= 0.5 {
		t.Errorf("overall coverage %v", rep.Overall.Coverage)
	}
	full := assessCase(t, assesstest.Strong())
	if rep.Overall.Score < full.Overall.Score-10 {
		t.Errorf("unknown profile cost %d points (from %d)", full.Overall.Score-rep.Overall.Score, full.Overall.Score)
	}
	if len(rep.Scoring.Unknown) == 0 {
		t.Error("unknown findings not listed in scoring")
	}
}

func TestEmptyPortfolio(t *testing.T) {
	set, _ := rules.Load("")
	rep := assess.Run(&facts.Portfolio{Profile: facts.Profile{Known: true, Login: "ghost"}}, set, assess.Options{AsOf: assesstest.AsOf})
	if len(rep.Steps) != 12 || rep.Overall.Level != report.KeepBuilding || len(rep.Actions) == 0 {
		t.Errorf("empty portfolio: %d steps, %s, %d actions", len(rep.Steps), rep.Overall.Level, len(rep.Actions))
	}
	_ = assess.Run(nil, set, assess.Options{})
}

func BenchmarkLoadAndAssess100(b *testing.B) {
	c := assesstest.Large(100)
	b.ReportAllocs()
	for b.Loop() {
		set, err := rules.Load("backend")
		if err != nil {
			b.Fatal(err)
		}
		assess.Run(c.Portfolio, set, assess.Options{AsOf: assesstest.AsOf, Trees: c.Trees})
	}
}
