package audit_test

// End-to-end tests: build the real binary, run it against the fake GitHub and
// against real git checkouts, and check what a user would see — files, exit
// codes, messages — plus the JSON contract.

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pathway-dev/pathway/internal/fixtures"
	"github.com/pathway-dev/pathway/internal/githubtest"
	"github.com/pathway-dev/pathway/internal/report"
	"github.com/pathway-dev/pathway/internal/schematest"
)

var bin string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "pathway-e2e-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	bin = filepath.Join(dir, "pathway")
	out, err := exec.Command("go", "build", "-o", bin, "github.com/pathway-dev/pathway/cmd/pathway").CombinedOutput()
	if err != nil {
		fmt.Fprintf(os.Stderr, "building pathway: %v\n%s", err, out)
		os.Exit(1)
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

type result struct {
	code           int
	stdout, stderr string
}

// run runs the binary with a clean environment: no token, a private cache
// and HOME, a fixed SOURCE_DATE_EPOCH, plus env.
func run(t *testing.T, dir string, env []string, args ...string) result {
	t.Helper()
	cmd := exec.Command(bin, args...)
	cmd.Dir = dir
	home := filepath.Join(dir, ".home")
	cmd.Env = append([]string{
		"PATH=" + os.Getenv("PATH"),
		"HOME=" + home,
		"XDG_CACHE_HOME=" + filepath.Join(home, ".cache"),
		"SOURCE_DATE_EPOCH=1795305600", // 2026-11-22T00:00:00Z
	}, env...)
	var so, se bytes.Buffer
	cmd.Stdout, cmd.Stderr = &so, &se
	err := cmd.Run()
	code := 0
	var ee *exec.ExitError
	if errors.As(err, &ee) {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatalf("running pathway: %v", err)
	}
	if strings.Contains(se.String(), "panic:") || strings.Contains(se.String(), "goroutine ") {
		t.Fatalf("pathway panicked:\n%s", se.String())
	}
	return result{code, so.String(), se.String()}
}

func readReport(t *testing.T, path string) *report.Report {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := schematest.Validate(data); err != nil {
		t.Fatalf("%s breaks the JSON contract: %v", path, err)
	}
	var r report.Report
	if err := json.Unmarshal(data, &r); err != nil {
		t.Fatal(err)
	}
	return &r
}

func repoOf(t *testing.T, r *report.Report, name string) report.Repo {
	t.Helper()
	for _, x := range r.Repos {
		if x.Name == name {
			return x
		}
	}
	t.Fatalf("report has no repository %q", name)
	return report.Repo{}
}

func step(r *report.Report, id string) report.Step {
	for _, s := range r.Steps {
		if s.ID == id {
			return s
		}
	}
	return report.Step{}
}

func TestAuditGitHubUser(t *testing.T) {
	srv := githubtest.New(t)
	fixtures.Serve(srv, fixtures.Strong())
	dir := t.TempDir()
	res := run(t, dir, nil, "audit", "mara-dev", "--api-url", srv.URL(), "--as-of", "2026-11-23", "--format", "json", "-o", "out/", "--no-cache")
	if res.code != 0 {
		t.Fatalf("exit %d\n%s", res.code, res.stderr)
	}
	r := readReport(t, filepath.Join(dir, "out", "mara-dev-readiness.json"))
	if r.Subject.Login != "mara-dev" || r.Subject.Name != "Mara Ilić" || r.Subject.Kind != "github-user" || r.Subject.Hireable == nil || !*r.Subject.Hireable {
		t.Errorf("subject: %+v", r.Subject)
	}
	if got := r.GeneratedAt.Format("2006-01-02T15:04:05Z"); got != "2026-11-22T00:00:00Z" {
		t.Errorf("generated_at = %s, want SOURCE_DATE_EPOCH", got)
	}
	api := repoOf(t, r, "taskflow-api")
	sig := api.Signals
	if !api.Included || api.PrimaryLanguage != "Java" || !sig.Tests.Present || sig.Tests.Files < 3 || !contains(sig.Tests.Frameworks, "junit") {
		t.Errorf("taskflow-api tests: %+v lang=%s", sig.Tests, api.PrimaryLanguage)
	}
	if !sig.CI.Present || !contains(sig.CI.Providers, "github-actions") || sig.CI.RunsTests == nil || !*sig.CI.RunsTests {
		t.Errorf("taskflow-api CI: %+v", sig.CI)
	}
	if !contains(sig.Frameworks, "spring-boot") || !contains(sig.Databases, "postgresql") || !sig.Auth || !sig.Container || !sig.APIDocs {
		t.Errorf("taskflow-api stack: %+v", sig)
	}
	if len(sig.SecurityFlags) != 0 {
		t.Errorf("taskflow-api has no secrets, got %v", sig.SecurityFlags)
	}
	inv := repoOf(t, r, "inventory-service")
	if contains(inv.Signals.Databases, "mysql") {
		t.Errorf("an indirect MySQL driver in go.mod must not count: %v", inv.Signals.Databases)
	}
	if r.Overall.Level != report.Ready && r.Overall.Level != report.NearlyThere {
		t.Errorf("the strong portfolio should be ready or nearly there: %+v", r.Overall)
	}
	if len(r.Highlights) < 3 {
		t.Errorf("a strong portfolio earns highlights: %q", r.Highlights)
	}
	if len(r.Steps) != 12 || r.Steps[11].ID != "job-ready" {
		t.Fatalf("steps: %d", len(r.Steps))
	}
	// Every API request carried no token (none was given) and the budget
	// of issue 7 holds: at most 3 per repository plus 3 for the user.
	included := 0
	for _, x := range r.Repos {
		if x.Included {
			included++
		}
	}
	if n := srv.Counted(); n > 3*included+3 {
		t.Errorf("%d counted requests for %d repositories", n, included)
	}
	for _, q := range srv.Requests() {
		if q.Auth {
			t.Errorf("anonymous audit sent an Authorization header to %s", q.Path)
		}
	}
}

func TestAuditIsReproducible(t *testing.T) {
	srv := githubtest.New(t)
	fixtures.Serve(srv, fixtures.Middling())
	dir := t.TempDir()
	args := []string{"audit", "sam-codes", "--api-url", srv.URL(), "--as-of", "2026-11-23", "-f", "json,md", "-o", "out"}
	if res := run(t, dir, nil, args...); res.code != 0 {
		t.Fatalf("cold: exit %d\n%s", res.code, res.stderr)
	}
	cold := srv.Counted()
	first, _ := os.ReadFile(filepath.Join(dir, "out", "sam-codes-readiness.json"))
	md1, _ := os.ReadFile(filepath.Join(dir, "out", "sam-codes-readiness.md"))
	srv.ResetLog()
	if res := run(t, dir, nil, args...); res.code != 0 {
		t.Fatalf("warm: exit %d\n%s", res.code, res.stderr)
	}
	second, _ := os.ReadFile(filepath.Join(dir, "out", "sam-codes-readiness.json"))
	md2, _ := os.ReadFile(filepath.Join(dir, "out", "sam-codes-readiness.md"))
	if !bytes.Equal(first, second) || !bytes.Equal(md1, md2) {
		t.Error("the same input gave different reports")
	}
	if warm := srv.Counted(); warm > 3 {
		t.Errorf("warm re-audit cost %d counted requests (cold %d), want at most 3", warm, cold)
	}
	md := string(md1)
	for _, want := range []string{"## pathway readiness: Sam Carter (sam-codes)", "| 7 | Testing and debugging |", "### What to do next"} {
		if !strings.Contains(md, want) {
			t.Errorf("markdown lacks %q", want)
		}
	}
	r := readReport(t, filepath.Join(dir, "out", "sam-codes-readiness.json"))
	blog := repoOf(t, r, "django-blog")
	if !blog.Signals.Tests.PlaceholderOnly || blog.Signals.Tests.Present {
		t.Errorf("django-blog has only the generated tests.py stub: %+v", blog.Signals.Tests)
	}
	if !contains(blog.Signals.SecurityFlags, "committed-env") || !contains(blog.Signals.SecurityFlags, "hardcoded-secret") {
		t.Errorf("django-blog commits .env and a SECRET_KEY: %v", blog.Signals.SecurityFlags)
	}
	fork := repoOf(t, r, "node-rest-shop")
	if fork.Included || fork.ExcludedReason != "fork" {
		t.Errorf("fork: included=%v reason=%q", fork.Included, fork.ExcludedReason)
	}
}

func TestAuditBadInput(t *testing.T) {
	srv := githubtest.New(t)
	fixtures.Serve(srv, fixtures.Beginner())
	closed := closedURL(t)
	for _, tc := range []struct {
		name string
		env  []string
		args []string
		code int
		msg  string
	}{
		{"invalid login", nil, []string{"audit", "bad--login", "--api-url", srv.URL()}, 2, "not a valid GitHub login"},
		{"unknown user", nil, []string{"audit", "nobody-here", "--api-url", srv.URL(), "--no-cache"}, 2, `pathway: GitHub user "nobody-here" not found on`},
		{"token with a newline still works", []string{"GITHUB_TOKEN=ghp_notarealtoken000000000000000000000000\n"}, []string{"audit", "newbie42", "--api-url", srv.URL(), "--no-cache"}, 2, "401 Bad credentials"},
		{"bad token", []string{"GITHUB_TOKEN=ghp_notarealtoken000000000000000000000000"}, []string{"audit", "newbie42", "--api-url", srv.URL(), "--no-cache"}, 2, "GITHUB_TOKEN"},
		{"unreachable host", nil, []string{"audit", "newbie42", "--api-url", closed, "--no-cache"}, 1, strings.TrimPrefix(closed, "http://")},
		{"unknown format", nil, []string{"audit", "newbie42", "--format", "docx"}, 2, "unknown --format"},
		{"unknown flag", nil, []string{"audit", "newbie42", "--colour"}, 2, "unknown flag"},
		{"unknown command", nil, []string{"audti", "newbie42"}, 2, `unknown command "audti"`},
		{"extra argument", nil, []string{"version", "now"}, 2, "unknown command"},
		{"bad as-of", nil, []string{"audit", "newbie42", "--as-of", "soon"}, 2, "--as-of"},
		{"unknown role", nil, []string{"audit", "newbie42", "--role", "chef"}, 2, "chef"},
		{"missing path", nil, []string{"audit", "--local", "does/not/exist"}, 2, "does/not/exist"},
		{"two formats on stdout", nil, []string{"audit", "newbie42", "-f", "json,md", "-o", "-"}, 2, "one format and one login"},
		{"two logins on stdout", nil, []string{"audit", "newbie42", "octocat", "-f", "json", "-o", "-"}, 2, "one format and one login"},
		{"two formats into one file", nil, []string{"audit", "newbie42", "-f", "json", "-f", "pdf", "-o", "report.json"}, 2, "names a file"},
		{"missing font", nil, []string{"audit", "newbie42", "--font", "nope.ttf"}, 2, "--font"},
		{"font that is not TrueType", nil, []string{"audit", "newbie42", "--font", "/etc/hostname"}, 2, "not a TrueType font"},
		{"missing logo", nil, []string{"audit", "newbie42", "--logo", "logo.png"}, 2, "--logo"},
		{"missing comparison", nil, []string{"audit", "newbie42", "--compare", "old.json"}, 2, "--compare"},
		{"bad token in a cohort", []string{"GITHUB_TOKEN=ghp_notarealtoken000000000000000000000000"}, []string{"audit", "newbie42", "sam-codes", "--api-url", srv.URL(), "--no-cache", "-o", "out"}, 2, "GITHUB_TOKEN"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			res := run(t, dir, tc.env, tc.args...)
			if res.code != tc.code || !strings.Contains(res.stderr, tc.msg) {
				t.Fatalf("exit %d, stderr %q; want exit %d and %q", res.code, res.stderr, tc.code, tc.msg)
			}
			if strings.Contains(res.stderr, "ghp_notarealtoken") {
				t.Fatal("the token appeared in the output")
			}
			// cobra adds "Did you mean this?" to an unknown command.
			if n := strings.Count(strings.TrimSpace(res.stderr), "\n"); n > 2 && !strings.Contains(tc.msg, "unknown command") {
				t.Errorf("a bad input deserves a short message, got %d lines:\n%s", n+1, res.stderr)
			}
			entries, _ := os.ReadDir(dir)
			for _, e := range entries {
				if strings.Contains(e.Name(), "readiness") {
					t.Errorf("a failed audit left %s behind", e.Name())
				}
			}
		})
	}
}

// closedURL is an http URL on which nothing listens.
func closedURL(t *testing.T) string {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	l.Close()
	return "http://" + addr
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func TestAuditCohort(t *testing.T) {
	srv := githubtest.New(t)
	for _, p := range fixtures.All() {
		fixtures.Serve(srv, p)
	}
	dir := t.TempDir()
	users := "login,name,role\nmara-dev,Mara,backend-java\nsam-codes,,backend-node\n# newbie joined late\nnewbie42,,\nghost-user,Ghost,\n"
	if err := os.WriteFile(filepath.Join(dir, "cohort.csv.in"), []byte(users), 0o644); err != nil {
		t.Fatal(err)
	}
	res := run(t, dir, nil, "audit", "--users-file", "cohort.csv.in", "--api-url", srv.URL(), "--as-of", "2026-11-23", "-o", "reports", "-f", "json,pdf", "--coach", "Ada Lovelace, Code School")
	if res.code != 1 || !strings.Contains(res.stderr, "ghost-user") {
		t.Fatalf("one unknown candidate: exit %d (want 1)\n%s", res.code, res.stderr)
	}
	for _, login := range []string{"mara-dev", "sam-codes", "newbie42"} {
		if pdf, err := os.ReadFile(filepath.Join(dir, "reports", login+"-readiness.pdf")); err != nil || !bytes.HasPrefix(pdf, []byte("%PDF-")) {
			t.Errorf("%s: no PDF report: %v", login, err)
		}
		r := readReport(t, filepath.Join(dir, "reports", login+"-readiness.json"))
		want := map[string]string{"mara-dev": "backend-java", "sam-codes": "backend-node", "newbie42": "backend"}[login]
		if r.Role != want {
			t.Errorf("%s judged as %s, want %s", login, r.Role, want)
		}
	}
	if pdf, err := os.ReadFile(filepath.Join(dir, "reports", "cohort.pdf")); err != nil || !bytes.HasPrefix(pdf, []byte("%PDF-")) {
		t.Errorf("no cohort.pdf: %v", err)
	}
	f, err := os.Open(filepath.Join(dir, "reports", "cohort.csv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 5 || rows[1][1] != "mara-dev" || rows[4][1] != "ghost-user" || !strings.Contains(rows[4][len(rows[4])-1], "not found") {
		t.Fatalf("cohort.csv:\n%q", rows)
	}
	var sum struct {
		Candidates, Failed int
		Gaps               []struct{ Step string }
	}
	data, _ := os.ReadFile(filepath.Join(dir, "reports", "cohort.json"))
	if err := json.Unmarshal(data, &sum); err != nil || sum.Candidates != 4 || sum.Failed != 1 || len(sum.Gaps) == 0 {
		t.Fatalf("cohort.json: %+v %v", sum, err)
	}
	// A second run reuses the cache: almost no counted requests.
	srv.ResetLog()
	run(t, dir, nil, "audit", "--users-file", "cohort.csv.in", "--api-url", srv.URL(), "--as-of", "2026-11-23", "-o", "reports")
	if n := srv.Counted(); n > 4*3 {
		t.Errorf("second cohort run cost %d counted requests", n)
	}
}
