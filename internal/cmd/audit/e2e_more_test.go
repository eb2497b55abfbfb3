package audit_test

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/pathway-dev/pathway/internal/fixtures"
	"github.com/pathway-dev/pathway/internal/githubtest"
	"github.com/pathway-dev/pathway/internal/report"
)

// renamed serves a fixture portfolio under another login, so a cohort can
// have many distinct candidates.
func renamed(p fixtures.Portfolio, login string) fixtures.Portfolio {
	p.User.Login = login
	p.User.Name = strings.ToUpper(login[:1]) + login[1:]
	return p
}

// TestCohortOfThirty is issue 8's scenario: 30 candidates and one bad login;
// every report and the summary are written, and a second run costs almost
// no API requests.
func TestCohortOfThirty(t *testing.T) {
	srv := githubtest.New(t)
	srv.AddToken("ghp_coachtoken")
	all := fixtures.All()
	var users strings.Builder
	users.WriteString("# spring cohort\n")
	for i := 1; i <= 30; i++ {
		login := fmt.Sprintf("cand-%02d", i)
		fixtures.Serve(srv, renamed(all[i%3], login))
		fmt.Fprintln(&users, login)
	}
	users.WriteString("no-such-candidate\n")
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "users.txt"), []byte(users.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	env := []string{"GITHUB_TOKEN=ghp_coachtoken"}
	args := []string{"audit", "--users-file", "users.txt", "--api-url", srv.URL(), "--as-of", "2026-11-23", "-f", "json", "-o", "out", "--role", "backend"}
	res := run(t, dir, env, args...)
	if res.code != 1 || !strings.Contains(res.stderr, "no-such-candidate") || !strings.Contains(res.stderr, "30 audited, 1 failed") {
		t.Fatalf("exit %d\n%s", res.code, res.stderr)
	}
	cold := srv.Counted()
	for i := 1; i <= 30; i++ {
		readReport(t, filepath.Join(dir, "out", fmt.Sprintf("cand-%02d-readiness.json", i)))
	}
	f, err := os.Open(filepath.Join(dir, "out", "cohort.csv"))
	if err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(f).ReadAll()
	f.Close()
	if err != nil || len(rows) != 32 {
		t.Fatalf("cohort.csv: %d rows, %v", len(rows), err)
	}
	last := rows[31]
	if last[1] != "no-such-candidate" || last[0] != "" || !strings.Contains(last[len(last)-1], "not found") {
		t.Errorf("the failed candidate should be listed last with its reason: %q", last)
	}
	srv.ResetLog()
	if res := run(t, dir, env, args...); res.code != 1 || !strings.Contains(res.stderr, "30 audited, 1 failed") {
		t.Fatalf("second run: exit %d\n%s", res.code, res.stderr)
	}
	if warm := srv.Counted(); warm > 31*3 || warm*10 > cold {
		t.Errorf("second run cost %d counted requests (cold %d)", warm, cold)
	}
	t.Logf("cohort of 30: %d counted requests cold, %d warm", cold, srv.Counted())
}

func TestCompareShowsProgress(t *testing.T) {
	srv := githubtest.New(t)
	p := fixtures.Middling()
	fixtures.Serve(srv, p)
	dir := t.TempDir()
	// An earlier run, as of September, when less had happened.
	if res := run(t, dir, nil, "audit", "sam-codes", "--api-url", srv.URL(), "--as-of", "2026-09-01", "-f", "json", "-o", "sept"); res.code != 0 {
		t.Fatalf("exit %d\n%s", res.code, res.stderr)
	}
	prev := readReport(t, filepath.Join(dir, "sept", "sam-codes-readiness.json"))
	prev.Overall.Score -= 12 // as if the candidate had improved since
	prev.Steps[6].Score -= 20
	data, _ := json.MarshalIndent(prev, "", "  ")
	if err := os.WriteFile(filepath.Join(dir, "sept", "sam-codes-readiness.json"), data, 0o644); err != nil {
		t.Fatal(err)
	}
	res := run(t, dir, nil, "audit", "sam-codes", "--api-url", srv.URL(), "--as-of", "2026-11-23", "-f", "json,md", "-o", "nov", "--compare", "sept")
	if res.code != 0 {
		t.Fatalf("exit %d\n%s", res.code, res.stderr)
	}
	now := readReport(t, filepath.Join(dir, "nov", "sam-codes-readiness.json"))
	if now.Compare == nil || now.Compare.Overall != now.Overall.Score-prev.Overall.Score || now.Compare.Steps["testing"] != now.Steps[6].Score-prev.Steps[6].Score {
		t.Fatalf("compare: %+v", now.Compare)
	}
	md, _ := os.ReadFile(filepath.Join(dir, "nov", "sam-codes-readiness.md"))
	if !strings.Contains(string(md), fmt.Sprintf("%+d overall since 2026-09-01", now.Compare.Overall)) {
		t.Errorf("markdown lacks the delta:\n%s", md)
	}
	// Comparing with someone else's report is bad input.
	if res := run(t, dir, nil, "audit", "sam-codes", "--api-url", srv.URL(), "-f", "json", "-o", "x", "--compare", filepath.Join("sept", "sam-codes-readiness.json"), "--no-cache"); res.code != 0 {
		t.Errorf("own report: exit %d\n%s", res.code, res.stderr)
	}
}

func TestLocalWithProfile(t *testing.T) {
	srv := githubtest.New(t)
	p := fixtures.Strong()
	fixtures.Serve(srv, p)
	dir := t.TempDir()
	checkouts := fixtures.WriteGitAll(t, filepath.Join(dir, "c"), p)
	res := run(t, dir, nil, "audit", "--local", checkouts, "--user", "mara-dev", "--api-url", srv.URL(), "-f", "json", "-o", "-", "--no-cache")
	if res.code != 0 {
		t.Fatalf("exit %d\n%s", res.code, res.stderr)
	}
	var r report.Report
	if err := json.Unmarshal([]byte(res.stdout), &r); err != nil {
		t.Fatal(err)
	}
	if r.Subject.Name != "Mara Ilić" || !step(&r, "networking").Counted {
		t.Errorf("--user should bring the profile in: subject %+v, networking %+v", r.Subject, step(&r, "networking"))
	}
	if srv.Calls("/repos/*") != 0 {
		t.Error("a local audit must not fetch repositories from the API")
	}
}

func TestRateLimitGivesAPartialReport(t *testing.T) {
	srv := githubtest.New(t)
	fixtures.Serve(srv, fixtures.Strong())
	// Enough for the user-level requests only; the reset is an hour away.
	srv.SetRemaining("core", 3, time.Now().Add(time.Hour))
	dir := t.TempDir()
	res := run(t, dir, nil, "audit", "mara-dev", "--api-url", srv.URL(), "-f", "json", "-o", "out", "--no-cache", "--max-wait", "2s")
	if res.code != 1 || !strings.Contains(res.stderr, "partial") {
		t.Fatalf("exit %d (want 1)\n%s", res.code, res.stderr)
	}
	// The user hears before the fetching that it will not fit.
	if i, j := strings.Index(res.stderr, "need at least"), strings.Index(res.stderr, "partial"); i < 0 || i > j {
		t.Errorf("no up-front warning that the audit will not fit:\n%s", res.stderr)
	}
	if n := strings.Count(res.stderr, "need at least"); n != 1 {
		t.Errorf("the budget warning was printed %d times:\n%s", n, res.stderr)
	}
	r := readReport(t, filepath.Join(dir, "out", "mara-dev-readiness.json"))
	if !r.Partial || !strings.Contains(strings.Join(r.Warnings, "\n"), "try again after") || r.Overall.Level == report.Ready {
		t.Errorf("partial=%v warnings=%q", r.Partial, r.Warnings)
	}
	unknown := 0
	for _, s := range r.Steps {
		for _, f := range s.Findings {
			if f.Outcome == report.Unknown {
				unknown++
			}
		}
	}
	if unknown == 0 || r.Overall.Coverage >= 1 {
		t.Errorf("what was not fetched must be unknown: %d unknown findings, coverage %.2f", unknown, r.Overall.Coverage)
	}
}
