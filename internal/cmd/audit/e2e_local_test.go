package audit_test

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/pathway-dev/pathway/internal/facts"
	"github.com/pathway-dev/pathway/internal/fixtures"
	"github.com/pathway-dev/pathway/internal/githubtest"
	"github.com/pathway-dev/pathway/internal/report"
)

func git(t *testing.T, dir string, args ...string) {
	t.Helper()
	cmd := exec.Command("git", args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GIT_CONFIG_GLOBAL=/dev/null", "GIT_CONFIG_NOSYSTEM=1")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("git %v: %v\n%s", args, err, out)
	}
}

func TestLocalAuditGatesACIJob(t *testing.T) {
	dir := t.TempDir()
	checkouts := fixtures.WriteGitAll(t, filepath.Join(dir, "checkouts"), fixtures.Middling())
	summary := filepath.Join(dir, "summary.md")
	if err := os.WriteFile(summary, []byte("# Earlier step\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	env := []string{"GITHUB_ACTIONS=true", "GITHUB_STEP_SUMMARY=" + summary, "GITHUB_REPOSITORY=sam-codes/django-blog"}
	res := run(t, dir, env, "audit", "--local", checkouts, "-f", "json,md", "-o", "out", "--badge", "out/badge.svg",
		"--fail-under", "99", "--as-of", "2026-11-23")
	if res.code != 3 || !strings.Contains(res.stderr, "below 99") {
		t.Fatalf("below the threshold: exit %d (want 3)\n%s", res.code, res.stderr)
	}
	// The reports are written before the gate fails the job.
	r := readReport(t, filepath.Join(dir, "out", "sam-codes-readiness.json"))
	if r.Subject.Kind != "local" || r.Subject.Login != "sam-codes" {
		t.Errorf("subject: %+v", r.Subject)
	}
	if s := step(r, "networking"); s.Counted {
		t.Errorf("networking needs the profile: it must be left out of a local audit, got %+v", s)
	}
	for _, f := range step(r, "networking").Findings {
		if f.Outcome == report.Fail {
			t.Errorf("profile rule failed instead of unknown: %+v", f)
		}
	}
	blog := repoOf(t, r, "django-blog")
	if !contains(blog.Signals.SecurityFlags, "committed-env") || !blog.Signals.Tests.PlaceholderOnly {
		t.Errorf("django-blog signals: %+v", blog.Signals)
	}
	sum, _ := os.ReadFile(summary)
	if !strings.HasPrefix(string(sum), "# Earlier step\n") || !strings.Contains(string(sum), "## pathway readiness: sam-codes") {
		t.Errorf("step summary not appended:\n%s", sum)
	}
	if !strings.Contains(res.stdout, "::warning file=.env,title=pathway security/no-committed-env::") {
		t.Errorf("no annotation for the committed .env of the checked-out repository:\n%s", res.stdout)
	}
	if strings.Contains(res.stdout, "recipes-api") {
		t.Errorf("annotations must be about the checked-out repository only:\n%s", res.stdout)
	}
	badge, err := os.ReadFile(filepath.Join(dir, "out", "badge.svg"))
	if err != nil || !strings.Contains(string(badge), "% ready</text>") {
		t.Errorf("badge: %v\n%s", err, badge)
	}
	// Under the threshold for one step only.
	res = run(t, dir, nil, "audit", "--local", checkouts, "-f", "json", "-o", "out", "--fail-under", "security=101")
	if res.code != 2 {
		t.Errorf("a threshold over 100 is bad input: exit %d", res.code)
	}
	res = run(t, dir, nil, "audit", "--local", checkouts, "-f", "json", "-o", "out", "--fail-under", "0")
	if res.code != 0 {
		t.Errorf("--fail-under 0 always passes: exit %d\n%s", res.code, res.stderr)
	}
}

func TestLocalShallowCloneIsNotOneCommit(t *testing.T) {
	dir := t.TempDir()
	p := fixtures.Strong()
	repo, _ := p.Repo("taskflow-api")
	src := fixtures.WriteGit(t, filepath.Join(dir, "src"), repo, p.User.Login)
	git(t, dir, "clone", "-q", "--depth", "1", "file://"+src, "shallow")
	res := run(t, dir, nil, "audit", "--local", "shallow", "-f", "json", "-o", "-")
	if res.code != 0 {
		t.Fatalf("exit %d\n%s", res.code, res.stderr)
	}
	var r report.Report
	if err := json.Unmarshal([]byte(res.stdout), &r); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(strings.Join(r.Warnings, "\n"), "fetch-depth: 0") {
		t.Errorf("warnings should suggest fetch-depth: 0: %q", r.Warnings)
	}
	c := r.Repos[0].Signals.Commits
	if c.Known || c.Total == 1 {
		t.Errorf("a depth-1 clone was judged as history: %+v", c)
	}
	for _, f := range step(&r, "version-control").Findings {
		if strings.HasPrefix(f.Rule, "version-control/own-history") || strings.HasPrefix(f.Rule, "version-control/message-quality") {
			if f.Outcome != report.Unknown {
				t.Errorf("%s on a shallow clone: %s", f.Rule, f.Outcome)
			}
		}
	}
}

func TestLocalBadPaths(t *testing.T) {
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "plain"), 0o755); err != nil {
		t.Fatal(err)
	}
	git(t, dir, "init", "-q", "nocommits")
	for _, tc := range []struct{ path, msg string }{
		{"plain", "not a git"},
		{"nocommits", "no commits"},
	} {
		res := run(t, dir, nil, "audit", "--local", tc.path, "-f", "json", "-o", "-")
		if res.code != 2 || !strings.Contains(res.stderr, tc.msg) || res.stdout != "" {
			t.Errorf("%s: exit %d, stderr %q", tc.path, res.code, res.stderr)
		}
	}
	// A folder of checkouts with a broken one: the others are audited.
	folder := fixtures.WriteGitAll(t, filepath.Join(dir, "cohort"), fixtures.Beginner())
	if err := os.MkdirAll(filepath.Join(folder, "broken", ".git"), 0o755); err != nil {
		t.Fatal(err)
	}
	res := run(t, dir, nil, "audit", "--local", folder, "-f", "json", "-o", "-")
	if res.code != 0 {
		t.Fatalf("exit %d\n%s", res.code, res.stderr)
	}
	var r report.Report
	if err := json.Unmarshal([]byte(res.stdout), &r); err != nil {
		t.Fatal(err)
	}
	if len(r.Repos) < 2 || !strings.Contains(strings.Join(r.Warnings, "\n"), "broken") {
		t.Errorf("repos %d, warnings %q", len(r.Repos), r.Warnings)
	}
}

// TestSameFactsBothWays serves one portfolio through the fake GitHub and as
// git checkouts: the facts about the content must agree.
func TestSameFactsBothWays(t *testing.T) {
	p := fixtures.Strong()
	srv := githubtest.New(t)
	fixtures.Serve(srv, p)
	dir := t.TempDir()
	checkouts := fixtures.WriteGitAll(t, filepath.Join(dir, "checkouts"), p)
	gh := run(t, dir, nil, "audit", p.User.Login, "--api-url", srv.URL(), "--no-cache", "-f", "json", "-o", "gh.json", "--as-of", "2026-11-23")
	loc := run(t, dir, nil, "audit", "--local", checkouts, "-f", "json", "-o", "local.json", "--as-of", "2026-11-23")
	if gh.code != 0 || loc.code != 0 {
		t.Fatalf("exits %d %d\n%s\n%s", gh.code, loc.code, gh.stderr, loc.stderr)
	}
	a, b := readReport(t, filepath.Join(dir, "gh.json")), readReport(t, filepath.Join(dir, "local.json"))
	byName := map[string]*facts.Repo{}
	for _, r := range b.Repos {
		byName[r.Name] = r.Facts
	}
	compared := 0
	for _, r := range a.Repos {
		lf := byName[r.Name]
		if r.Facts == nil || lf == nil || !r.Included {
			continue
		}
		compared++
		g := r.Facts
		for name, pair := range map[string][2]any{
			"languages":  {g.Languages, lf.Languages},
			"tests":      {g.Tests, lf.Tests},
			"ci":         {g.CI, lf.CI},
			"deploy":     {g.Deploy, lf.Deploy},
			"readme":     {g.Readme, lf.Readme},
			"stack":      {g.Stack, lf.Stack},
			"api":        {g.API, lf.API},
			"security":   {g.Security, lf.Security},
			"hygiene":    {g.Hygiene, lf.Hygiene},
			"total":      {g.History.Total, lf.History.Total},
			"quality":    {g.History.MessageQuality, lf.History.MessageQuality},
			"merges":     {g.History.Merges, lf.History.Merges},
			"activeweek": {g.History.ActiveWeeks, lf.History.ActiveWeeks},
		} {
			if !reflect.DeepEqual(pair[0], pair[1]) {
				ja, _ := json.Marshal(pair[0])
				jb, _ := json.Marshal(pair[1])
				t.Errorf("%s: %s differ\n github: %s\n local:  %s", r.Name, name, ja, jb)
			}
		}
	}
	if compared < 3 {
		t.Fatalf("compared only %d repositories", compared)
	}
}
