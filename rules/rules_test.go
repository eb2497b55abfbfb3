package rules_test

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/pathway-dev/pathway/internal/assess/assesstest"
	"github.com/pathway-dev/pathway/internal/facts"
	"github.com/pathway-dev/pathway/rules"
)

func ptr[T any](v T) *T { return &v }

// eval runs one rule of the set on the case: repository rules on the
// first repository, the others on the portfolio.
func eval(t *testing.T, set *rules.Set, c *assesstest.Case, id string) rules.Result {
	t.Helper()
	r := set.Rule(id)
	if r == nil {
		t.Fatalf("no rule %s", id)
	}
	var inc []*facts.Repo
	for _, repo := range c.Portfolio.Repos {
		if repo.Included {
			inc = append(inc, repo)
		}
	}
	in := rules.NewInput(inc, &c.Portfolio.Profile, assesstest.AsOf)
	if r.Scope == rules.ScopeRepo {
		return set.Eval(r, in, inc[0], c.Trees[inc[0].Name])
	}
	return set.Eval(r, in, nil, nil)
}

func load(t *testing.T, role string, extra ...string) *rules.Set {
	t.Helper()
	s, err := rules.Load(role, extra...)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func each(c *assesstest.Case, f func(*facts.Repo)) {
	for _, r := range c.Portfolio.Repos {
		f(r)
	}
}

func first(c *assesstest.Case) *facts.Repo { return c.Portfolio.Repos[0] }

func dropFile(c *assesstest.Case, name string) {
	t := c.Trees[first(c).Name]
	t.Files = slices.DeleteFunc(t.Files, func(f string) bool { return f == name })
}

// failing breaks exactly what each default rule checks in the strong
// portfolio (where every rule passes), as a realistic weaker candidate.
var failing = map[string]func(c *assesstest.Case){
	"languages/backend-language": func(c *assesstest.Case) { first(c).BackendLanguages = nil },
	"languages/depth": func(c *assesstest.Case) {
		each(c, func(r *facts.Repo) { r.BackendLanguages = nil })
		first(c).BackendLanguages = []string{"Java"}
		first(c).Languages = map[string]int64{"Java": 3000}
	},
	"languages/recent": func(c *assesstest.Case) { each(c, func(r *facts.Repo) { r.DaysSincePush = 400 }) },
	"languages/role-language": func(c *assesstest.Case) {
		each(c, func(r *facts.Repo) { r.BackendLanguages = []string{"Haskell"} })
	},
	"databases/db-used":    func(c *assesstest.Case) { first(c).Stack.Databases, first(c).Stack.ORMs = nil, nil },
	"databases/migrations": func(c *assesstest.Case) { first(c).Stack.Migrations, first(c).Stack.Schema = false, false },
	"databases/variety": func(c *assesstest.Case) {
		each(c, func(r *facts.Repo) { r.Stack.Databases = []string{"postgresql"} })
	},
	"frameworks/web-framework": func(c *assesstest.Case) { first(c).Stack.Frameworks = nil },
	"frameworks/role-framework": func(c *assesstest.Case) {
		each(c, func(r *facts.Repo) { r.Stack.Frameworks = []string{"play"} })
	},
	"frameworks/repeated": func(c *assesstest.Case) { each(c, func(r *facts.Repo) { r.Stack.Frameworks = nil }) },
	"apis/routes":         func(c *assesstest.Case) { first(c).API.Routes = 0 },
	"apis/api-docs":       func(c *assesstest.Case) { first(c).API = facts.API{Routes: 18} },
	"apis/consumes":       func(c *assesstest.Case) { each(c, func(r *facts.Repo) { r.API.Consumes = false }) },
	"version-control/own-history": func(c *assesstest.Case) {
		first(c).History.Own, first(c).History.ActiveWeeks = 2, 1
	},
	"version-control/message-quality": func(c *assesstest.Case) { first(c).History.MessageQuality = 0.2 },
	"version-control/no-one-shot":     func(c *assesstest.Case) { first(c).History.OneShot = true },
	"version-control/gitignore":       func(c *assesstest.Case) { dropFile(c, ".gitignore") },
	"version-control/clean-tree": func(c *assesstest.Case) {
		first(c).Hygiene.Clean, first(c).Hygiene.IDEFolders = false, []string{".idea/"}
	},
	"security/no-secrets": func(c *assesstest.Case) { first(c).Security.Flags = []string{"hardcoded-secret"} },
	"security/no-committed-env": func(c *assesstest.Case) {
		t := c.Trees[first(c).Name]
		t.Files = append(t.Files, "src/main/resources/.env")
	},
	"security/auth":               func(c *assesstest.Case) { first(c).Security.Auth = nil },
	"security/env-example":        func(c *assesstest.Case) { first(c).Security.EnvExample = false },
	"security/dependency-updates": func(c *assesstest.Case) { first(c).Security.DependencyUpdates = nil },
	"security/gitignore-env": func(c *assesstest.Case) {
		c.Trees[first(c).Name] = assesstest.NewTree(map[string]string{".gitignore": "target/\n.idea/\n# environment\n"}, "pom.xml")
	},
	"testing/tests-present": func(c *assesstest.Case) { first(c).Tests = facts.Tests{Known: true} },
	"testing/not-placeholder": func(c *assesstest.Case) {
		first(c).Tests = facts.Tests{Known: true, PlaceholderOnly: true, PlaceholderFiles: 1, Frameworks: []string{"junit"}}
	},
	"testing/test-ratio": func(c *assesstest.Case) { first(c).Tests.Ratio = 0.03 },
	"testing/framework":  func(c *assesstest.Case) { first(c).Tests.Frameworks = nil },
	"testing/coverage":   func(c *assesstest.Case) { first(c).Tests.Coverage = false },
	"ci-cd/ci-present":   func(c *assesstest.Case) { first(c).CI = facts.CI{} },
	"ci-cd/ci-runs-tests": func(c *assesstest.Case) {
		first(c).CI.RunsTests = ptr(false)
	},
	"ci-cd/deploy-config":         func(c *assesstest.Case) { first(c).Deploy = facts.Deploy{} },
	"keep-learning/active-months": func(c *assesstest.Case) { c.Portfolio.Profile.ActiveMonths12 = 2 },
	"keep-learning/new-stack": func(c *assesstest.Case) {
		c.Portfolio.Profile.NewStackByYear = map[string][]string{"2021": {"Java", "spring-boot"}}
	},
	"keep-learning/recent-projects": func(c *assesstest.Case) { each(c, func(r *facts.Repo) { r.DaysSincePush = 200 }) },
	"build-projects/substantial-original": func(c *assesstest.Case) {
		each(c, func(r *facts.Repo) { r.SourceFiles, r.CodeBytes = 3, 4000 })
	},
	"build-projects/descriptions": func(c *assesstest.Case) { first(c).Description, first(c).Topics = "", nil },
	"build-projects/progression": func(c *assesstest.Case) {
		// The newest projects are hello-worlds next to an older full API.
		for _, r := range c.Portfolio.Repos[1:3] {
			r.BackendLanguages, r.Stack, r.CodeBytes = nil, facts.Stack{}, 900
		}
	},
	"build-projects/live-demo":   func(c *assesstest.Case) { first(c).Homepage = "" },
	"networking/profile-links":   func(c *assesstest.Case) { c.Portfolio.Profile.Blog, c.Portfolio.Profile.Social = "", nil },
	"networking/followers":       func(c *assesstest.Case) { c.Portfolio.Profile.Followers = 1 },
	"networking/external-prs":    func(c *assesstest.Case) { c.Portfolio.Profile.ExternalPRs = ptr(0) },
	"job-ready/profile-complete": func(c *assesstest.Case) { c.Portfolio.Profile.Completeness = 0.2 },
	"job-ready/profile-readme":   func(c *assesstest.Case) { c.Portfolio.Profile.ProfileReadme = false },
	"job-ready/hireable": func(c *assesstest.Case) {
		c.Portfolio.Profile.Hireable, c.Portfolio.Profile.Email = ptr(false), false
	},
	"job-ready/presentable-readme": func(c *assesstest.Case) { first(c).Readme = facts.Readme{} },
	"job-ready/license":            func(c *assesstest.Case) { first(c).License = "" },
}

// Every default rule passes on the strong portfolio and fails once the
// evidence it looks for is taken away.
func TestDefaultRulesPassAndFail(t *testing.T) {
	set := load(t, "backend")
	for _, r := range set.All() {
		t.Run(r.ID, func(t *testing.T) {
			breakIt, ok := failing[r.ID]
			if !ok {
				t.Fatalf("rule %s has no failing fixture: add one to the table", r.ID)
			}
			if got := eval(t, set, assesstest.Strong(), r.ID); got.Outcome != rules.Pass {
				t.Errorf("strong portfolio: %s (%v) %q, want pass", got.Outcome, got.Credit, got.Message)
			}
			c := assesstest.Strong()
			breakIt(c)
			got := eval(t, set, c, r.ID)
			if got.Outcome != rules.Fail {
				t.Errorf("after removing the evidence: %s (%v) %q, want fail", got.Outcome, got.Credit, got.Message)
			}
			if got.Message == "" {
				t.Error("failure without a message")
			}
		})
	}
	for id := range failing {
		if set.Rule(id) == nil {
			t.Errorf("fixture for unknown rule %s", id)
		}
	}
}

func TestDefaultsShape(t *testing.T) {
	if errs := rules.Validate("."); len(errs) > 0 {
		t.Fatalf("built-in rule files do not validate: %v", errs)
	}
	set := load(t, "")
	per := map[string]int{}
	for _, r := range set.Rules() {
		per[r.Step]++
		if !strings.HasPrefix(r.ID, r.Step+"/") {
			t.Errorf("%s not prefixed by its step", r.ID)
		}
		if !strings.HasPrefix(r.Source, "rules/") || !strings.Contains(r.Source, ".yaml:") {
			t.Errorf("%s: source %q is not file:line", r.ID, r.Source)
		}
	}
	for _, s := range rules.Steps {
		if per[s.ID] < 2 || per[s.ID] > 6 {
			t.Errorf("step %s has %d rules, want 2 to 6", s.ID, per[s.ID])
		}
	}
	// Rules come in pathway order.
	last := 0
	for _, r := range set.Rules() {
		st, _ := rules.Step(r.Step)
		if st.Number < last {
			t.Fatalf("%s out of pathway order", r.ID)
		}
		last = st.Number
	}
}

func TestUnknownIsNeverFail(t *testing.T) {
	set := load(t, "backend")
	cases := []struct {
		name  string
		rule  string
		apply func(c *assesstest.Case)
	}{
		{"shallow clone", "version-control/own-history", func(c *assesstest.Case) { first(c).History = facts.History{Known: false, Shallow: true} }},
		{"no history anywhere", "keep-learning/active-months", func(c *assesstest.Case) {
			each(c, func(r *facts.Repo) { r.History.Known = false })
		}},
		{"tests not examined", "testing/tests-present", func(c *assesstest.Case) { first(c).Tests = facts.Tests{} }},
		{"truncated tree hides .gitignore", "version-control/gitignore", func(c *assesstest.Case) {
			dropFile(c, ".gitignore")
			c.Trees[first(c).Name].Truncated = true
		}},
		{"truncated tree cannot prove no .env", "security/no-committed-env", func(c *assesstest.Case) {
			c.Trees[first(c).Name].Truncated = true
		}},
		{"no file list", "version-control/gitignore", func(c *assesstest.Case) { delete(c.Trees, first(c).Name) }},
		{"contents not fetched", "security/gitignore-env", func(c *assesstest.Case) { c.Trees[first(c).Name].Read = nil }},
		{"CI hides its commands", "ci-cd/ci-runs-tests", func(c *assesstest.Case) { first(c).CI.RunsTests = nil }},
		{"truncated tree, no secret seen", "security/no-secrets", func(c *assesstest.Case) { first(c).TreeKnown = false }},
		{"truncated tree, hygiene unproven", "version-control/clean-tree", func(c *assesstest.Case) { first(c).Hygiene.Known = false }},
		{"local audit", "networking/followers", func(c *assesstest.Case) { c.Portfolio.Profile.Known = false }},
		{"PR search failed", "networking/external-prs", func(c *assesstest.Case) { c.Portfolio.Profile.ExternalPRs = nil }},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c := assesstest.Strong()
			tc.apply(c)
			got := eval(t, set, c, tc.rule)
			if got.Outcome != rules.Unknown {
				t.Errorf("%s: %s %q, want unknown", tc.rule, got.Outcome, got.Message)
			}
			if got.Credit != 0 || got.Message == "" {
				t.Errorf("unknown with credit %v, message %q", got.Credit, got.Message)
			}
		})
	}
	// What a truncated tree does show still counts.
	c := assesstest.Strong()
	c.Trees[first(c).Name].Truncated = true
	first(c).TreeKnown = false
	if got := eval(t, set, c, "version-control/gitignore"); got.Outcome != rules.Pass {
		t.Errorf("gitignore listed in a truncated tree: %s, want pass", got.Outcome)
	}
	first(c).Security.Flags = []string{"private-key"}
	if got := eval(t, set, c, "security/no-secrets"); got.Outcome != rules.Fail {
		t.Errorf("secret found in a truncated tree: %s, want fail", got.Outcome)
	}
}

func TestNotApplicable(t *testing.T) {
	set := load(t, "backend")
	c := assesstest.Strong()
	first(c).BackendLanguages = nil
	first(c).Stack = facts.Stack{}
	for _, id := range []string{"testing/tests-present", "ci-cd/ci-present", "databases/db-used", "apis/routes"} {
		if got := eval(t, set, c, id); got.Outcome != rules.NotApplicable {
			t.Errorf("%s on a repository without backend code: %s, want not-applicable", id, got.Outcome)
		}
	}
}

func TestRoles(t *testing.T) {
	if got := rules.Roles(); got[0] != "backend" || len(got) != 7 {
		t.Fatalf("Roles() = %v", got)
	}
	spring := assesstest.Strong()
	django := assesstest.Strong()
	each(django, func(r *facts.Repo) {
		r.Stack.Frameworks = nil
		r.BackendLanguages = []string{"Python"}
	})
	first(django).Stack.Frameworks = []string{"django"}
	for _, tc := range []struct {
		role string
		c    *assesstest.Case
		want string
	}{
		{"backend-java", spring, rules.Pass},
		{"backend-java", django, rules.Fail},
		{"backend-python", django, rules.Pass},
		{"backend-python", spring, rules.Fail},
		{"backend", django, rules.Pass},
		{"backend", spring, rules.Pass},
	} {
		set := load(t, tc.role)
		for _, id := range []string{"frameworks/role-framework", "languages/role-language"} {
			if got := eval(t, set, tc.c, id); got.Outcome != tc.want {
				t.Errorf("%s under %s for %s candidate: %s, want %s", id, tc.role, first(tc.c).Stack.Frameworks, got.Outcome, tc.want)
			}
		}
	}
	java := load(t, "backend-java")
	if w := java.Rule("frameworks/role-framework").Weight; w != 6 {
		t.Errorf("backend-java role-framework weight %v, want 6", w)
	}
	if w := java.StepWeight("frameworks"); w != 1.5 {
		t.Errorf("backend-java frameworks step weight %v, want 1.5", w)
	}
	// The advice names the role's frameworks for the project's language.
	in := rules.NewInput(django.Portfolio.Repos[:1], &django.Portfolio.Profile, assesstest.AsOf)
	adv := load(t, "backend").Advice(load(t, "backend").Rule("frameworks/web-framework"), in, nil)
	if !strings.Contains(adv, "Django") {
		t.Errorf("advice for a Python project does not suggest Django: %q", adv)
	}
	if _, err := rules.Load("frontend"); err == nil || !strings.Contains(err.Error(), "backend-java") {
		t.Errorf("unknown role error %v should list the roles", err)
	}
}

func TestAdviceNamesRepoAndCommand(t *testing.T) {
	set := load(t, "backend")
	for _, tc := range []struct {
		build  func(string) (*facts.Repo, *rules.Tree)
		rule   string
		expect []string
	}{
		{assesstest.SpringAPI, "ci-cd/ci-runs-tests", []string{"shop-api", "mvn test", ".github/workflows/ci.yml"}},
		{assesstest.GinService, "testing/tests-present", []string{"task-queue", "go test ./..."}},
		{assesstest.NestGraphQL, "ci-cd/ci-present", []string{"recipes-graphql", "npm test"}},
	} {
		repo, _ := tc.build("octo")
		in := rules.NewInput([]*facts.Repo{repo}, &facts.Profile{}, assesstest.AsOf)
		got := set.Advice(set.Rule(tc.rule), in, repo)
		for _, want := range tc.expect {
			if !strings.Contains(got, want) {
				t.Errorf("%s advice %q lacks %q", tc.rule, got, want)
			}
		}
	}
}

func write(t *testing.T, dir, name, text string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

const extraRules = `rules:
  - id: testing/coverage
    disabled: true
  - id: ci-cd/ci-present
    weight: 9
  - id: testing/tests-present
    step: testing
    title: At least 10 test files
    why: Our bootcamp asks for a real suite.
    scope: repo
    weight: 6
    when: len(repo.backend_languages) > 0
    check:
      expr: repo.tests.files >= 10
    advice: Add more tests to {{.Repo}}.
    effort: medium
  - id: ci-cd/makefile
    step: ci-cd
    title: A Makefile with a test target
    why: One command to run everything.
    scope: repo
    weight: 1
    check:
      content:
        glob: Makefile
        regex: '(?m)^test:'
    advice: Add a Makefile with a test target to {{.Repo}}.
    effort: small
`

func TestRulesDirOverrides(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "local.yaml", extraRules)
	set := load(t, "backend", dir)
	if r := set.Rule("testing/coverage"); r == nil || !r.Disabled {
		t.Fatal("testing/coverage not disabled")
	}
	for _, r := range set.Rules() {
		if r.ID == "testing/coverage" {
			t.Error("disabled rule still listed by Rules()")
		}
	}
	if w := set.Rule("ci-cd/ci-present").Weight; w != 9 {
		t.Errorf("weight patch: %v, want 9", w)
	}
	if r := set.Rule("ci-cd/ci-present"); r.Title != "Continuous integration configured" {
		t.Errorf("a weight patch replaced the rule: %q", r.Title)
	}
	tp := set.Rule("testing/tests-present")
	if tp.Title != "At least 10 test files" || !strings.HasSuffix(tp.Source, "local.yaml:6") {
		t.Errorf("replacement not applied: %q from %s", tp.Title, tp.Source)
	}
	c := assesstest.Strong()
	if got := eval(t, set, c, "testing/tests-present"); got.Outcome != rules.Pass {
		t.Errorf("replacement on 24 test files: %s", got.Outcome)
	}
	first(c).Tests.Files = 4
	if got := eval(t, set, c, "testing/tests-present"); got.Outcome != rules.Fail {
		t.Errorf("replacement on 4 test files: %s", got.Outcome)
	}
	if got := eval(t, set, c, "ci-cd/makefile"); got.Outcome != rules.Fail || !strings.Contains(got.Message, "no file matches Makefile") {
		t.Errorf("new content rule without a Makefile: %s %q, want fail naming the glob", got.Outcome, got.Message)
	}
	c.Trees[first(c).Name] = assesstest.NewTree(map[string]string{"Makefile": "build:\n\tmvn package\ntest:\n\tmvn test\n"})
	if got := eval(t, set, c, "ci-cd/makefile"); got.Outcome != rules.Pass || got.Path != "Makefile" {
		t.Errorf("new content rule with a Makefile: %s %q", got.Outcome, got.Path)
	}
	// The default set is untouched by an earlier Load with overrides.
	if load(t, "backend").Rule("testing/coverage").Disabled {
		t.Error("overrides leaked into the built-in set")
	}
}

func TestLoadReportsEveryError(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "a.yaml", "rules:\n  - id: testing/new\n    weight: 2\n")
	write(t, dir, "b.yaml", "rules:\n  - id: ci-cd/x\n    step: ci-cd\n    title: X\n    why: Y\n    scope: repo\n    weight: 1\n    check: {expr: repo.ci.presnt}\n    advice: A\n    effort: small\n")
	_, err := rules.Load("backend", dir)
	if err == nil {
		t.Fatal("no error")
	}
	for _, want := range []string{"a.yaml:2:5: rule testing/new: missing step, title, why, scope, check, advice, effort", "b.yaml:8:27: check.expr: type facts.CI has no field presnt"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q lacks %q", err, want)
		}
	}
	if _, err := rules.Load("backend", filepath.Join(dir, "missing")); err == nil {
		t.Error("missing --rules dir accepted")
	}
}

const badFile = `rules:
  - id: testing/bad
    step: testing
    title: Bad
    why: Because.
    scope: repo
    weight: 1
    colour: red
    check:
      expr: repo.tests.presnt
    advice: "{{.Repoo}}"
    effort: tiny
  - id: testing/bad
    step: testing
    title: Dup
    why: Because.
    scope: repo
    weight: 0
    check:
      files:
        any: ["src/[a-"]
    advice: ok
    effort: small
  - id: ci-cd/misfiled
    step: testing
    title: T
    why: W
    scope: planet
    weight: 1
    check:
      content:
        glob: "**/*.yml"
        regex: "(unclosed"
    advice: ok
    effort: small
  - id: nosuch/rule
    step: nosuch
    title: T
    why: W
    scope: portfolio
    weight: 1
    requires: [weather]
    check:
      expr: 'repo.tests.present ? 1 : "yes"'
    advice: ok
    effort: small
`

func TestValidatePositions(t *testing.T) {
	dir := t.TempDir()
	p := write(t, dir, "bad.yaml", badFile)
	errs := rules.Validate(p)
	var got []string
	for _, e := range errs {
		got = append(got, e.Error())
	}
	want := []string{
		p + `:8:5: rule: unknown key "colour"`,
		p + `:10:24: check.expr: type facts.Tests has no field presnt`,
		p + `:11:13: template: testing/bad advice:1:2: executing "testing/bad advice" at <.Repoo>: can't evaluate field Repoo`,
		p + `:12:13: effort "tiny" must be one of small, medium, large`,
		p + `:13:9: duplicate rule id testing/bad (first defined at ` + p + `:2)`,
		p + `:18:13: weight 0 must be above 0`,
		p + `:21:15: bad glob "src/[a-"`,
		p + `:24:9: id "ci-cd/misfiled" must start with its step: testing/misfiled`,
		p + `:28:12: scope "planet" must be one of repo, portfolio, profile`,
		p + `:33:16: bad regex`,
		p + `:37:11: unknown step "nosuch"`,
		p + `:42:16: requires: unknown data "weather"`,
		p + `:44:14: check.expr: unknown name repo`,
	}
	for _, w := range want {
		found := false
		for _, g := range got {
			if strings.HasPrefix(g, w) {
				found = true
			}
		}
		if !found {
			t.Errorf("missing error %q", w)
		}
	}
	if t.Failed() {
		t.Logf("got:\n%s", strings.Join(got, "\n"))
	}
	if n, errs := rules.Lint("."); len(errs) != 0 || n != len(load(t, "").All()) {
		t.Errorf("Lint(built-in) = %d, %v", n, errs)
	}
}

func TestValidateRoleFile(t *testing.T) {
	dir := t.TempDir()
	p := write(t, dir, "roles/backend-elixir.yaml", "name: backend-elixir\nlanguages: [Elixir]\nframeworks: [phoenix]\nstep_weights:\n  testing: 2\n  cooking: 1\nrules:\n  frameworks/role-framework: {weight: 5}\n  testing/nope: {weight: 1}\n")
	errs := rules.Validate(p)
	if len(errs) != 2 || !strings.Contains(errs[0].Error(), `:6:3: unknown step "cooking"`) || !strings.Contains(errs[1].Error(), `:9:3: role adjusts unknown rule "testing/nope"`) {
		t.Errorf("role errors: %v", errs)
	}
}

func TestRoleWithUnknownIDs(t *testing.T) {
	dir := t.TempDir()
	p := write(t, dir, "backend-x.yaml", "name: backend-x\ntitle: Backend (X)\nframeworks: [spring-boot, springboot]\ntest_frameworks: [junit5, junit]\n")
	var got []string
	for _, e := range rules.Validate(p) {
		got = append(got, e.Error())
	}
	want := []string{
		p + `:3:27: unknown framework id "springboot"`,
		p + `:4:19: unknown test framework id "junit5"`,
	}
	if len(got) != len(want) {
		t.Fatalf("errors:\n%s", strings.Join(got, "\n"))
	}
	for i := range want {
		if !strings.HasPrefix(got[i], want[i]) {
			t.Errorf("error %d = %q, want prefix %q", i, got[i], want[i])
		}
	}
}
