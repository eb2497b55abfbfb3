package audit

// Tests that drive Run in-process, with the fake GitHub as the network and
// captured streams, as the GitHub CLI's command tests do.

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/pathway-dev/pathway/internal/cmdutil"
	"github.com/pathway-dev/pathway/internal/fixtures"
	"github.com/pathway-dev/pathway/internal/githubtest"
	"github.com/pathway-dev/pathway/internal/report"
)

func runOpts(t *testing.T, env map[string]string) (*Options, *bytes.Buffer, *bytes.Buffer) {
	t.Helper()
	if env == nil {
		env = map[string]string{}
	}
	env["SOURCE_DATE_EPOCH"] = "1795305600"
	out, errOut := &bytes.Buffer{}, &bytes.Buffer{}
	return &Options{
		IO:          &cmdutil.IOStreams{In: strings.NewReader(""), Out: out, ErrOut: errOut},
		Getenv:      func(k string) string { return env[k] },
		Now:         func() time.Time { return time.Date(2026, 11, 23, 9, 30, 0, 0, time.UTC) },
		Transport:   http.DefaultTransport,
		Version:     "0.1.0-test",
		Role:        "backend",
		Paper:       "a4",
		Concurrency: 4,
		MaxWait:     time.Second,
		NoCache:     true,
		AsOf:        "2026-11-23",
	}, out, errOut
}

func TestRunGitHubUserToStdout(t *testing.T) {
	srv := githubtest.New(t)
	fixtures.Serve(srv, fixtures.Strong())
	opts, out, errOut := runOpts(t, nil)
	opts.Logins, opts.APIURL, opts.Formats, opts.Output = []string{"mara-dev"}, srv.URL(), []string{"json"}, "-"
	if err := Run(context.Background(), opts); err != nil {
		t.Fatalf("run: %v\n%s", err, errOut)
	}
	var r report.Report
	if err := json.Unmarshal(out.Bytes(), &r); err != nil {
		t.Fatal(err)
	}
	if r.Subject.Login != "mara-dev" || len(r.Steps) != 12 || r.GeneratedAt.Unix() != 1795305600 || r.Tool.Version != "0.1.0-test" {
		t.Fatalf("report: %+v", r.Subject)
	}
	if !strings.Contains(errOut.String(), "no GITHUB_TOKEN") {
		t.Errorf("an anonymous audit should say so: %q", errOut)
	}
}

func TestRunUnknownUserIsBadInput(t *testing.T) {
	srv := githubtest.New(t)
	opts, out, _ := runOpts(t, map[string]string{"GITHUB_TOKEN": "  "})
	opts.Logins, opts.APIURL, opts.Formats, opts.Output = []string{"ghost"}, srv.URL(), []string{"json"}, "-"
	err := Run(context.Background(), opts)
	if cmdutil.Code(err) != cmdutil.ExitInput || !strings.Contains(err.Error(), `GitHub user "ghost" not found`) || out.Len() != 0 {
		t.Fatalf("err = %v (exit %d), out %q", err, cmdutil.Code(err), out)
	}
}

func TestRunLocalMarkdownAndGate(t *testing.T) {
	p := fixtures.Middling()
	repo, _ := p.Repo("recipes-api")
	dir := fixtures.WriteGit(t, t.TempDir(), repo, p.User.Login)
	summary := filepath.Join(t.TempDir(), "summary.md")
	opts, out, errOut := runOpts(t, map[string]string{"GITHUB_ACTIONS": "true", "GITHUB_STEP_SUMMARY": summary})
	opts.Local, opts.Paths, opts.Formats, opts.Output = true, []string{dir}, []string{"md"}, "-"
	opts.FailUnder = []string{"99", "keep-learning=10"}
	err := Run(context.Background(), opts)
	if cmdutil.Code(err) != cmdutil.ExitBelow {
		t.Fatalf("exit %d (%v), want 3\n%s", cmdutil.Code(err), err, errOut)
	}
	if !strings.HasPrefix(out.String(), "## pathway readiness: sam-codes") {
		t.Fatalf("markdown on stdout:\n%s", out)
	}
	// Annotations go to stderr when the report itself is on stdout.
	if !strings.Contains(errOut.String(), "::warning") || strings.Contains(out.String(), "::warning") {
		t.Errorf("annotations must not mix into the report on stdout")
	}
	if !strings.Contains(errOut.String(), "keep-learning=10 ignored") {
		t.Errorf("a gate on a not-applicable step must be skipped with a warning:\n%s", errOut)
	}
	if b, _ := os.ReadFile(summary); !bytes.Equal(b, out.Bytes()) {
		t.Error("the job summary must be the same Markdown")
	}
}

func TestRunCohortWritesSummaries(t *testing.T) {
	srv := githubtest.New(t)
	for _, p := range fixtures.All() {
		fixtures.Serve(srv, p)
	}
	dir := t.TempDir()
	users := filepath.Join(dir, "users.csv")
	if err := os.WriteFile(users, []byte("login,name,role\n@mara-dev,Mara,backend-java\nnewbie42,,\nno-such-user,,\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	opts, _, errOut := runOpts(t, nil)
	opts.UsersFile, opts.APIURL, opts.Formats, opts.Output = users, srv.URL(), []string{"json", "md"}, filepath.Join(dir, "out")
	err := Run(context.Background(), opts)
	if cmdutil.Code(err) != cmdutil.ExitFailure || !strings.Contains(errOut.String(), "2 audited, 1 failed") {
		t.Fatalf("exit %d: %v\n%s", cmdutil.Code(err), err, errOut)
	}
	for _, f := range []string{"mara-dev-readiness.json", "mara-dev-readiness.md", "newbie42-readiness.json", "cohort.csv", "cohort.json"} {
		if _, err := os.Stat(filepath.Join(dir, "out", f)); err != nil {
			t.Errorf("missing %s", f)
		}
	}
	b, _ := os.ReadFile(filepath.Join(dir, "out", "mara-dev-readiness.json"))
	var r report.Report
	if err := json.Unmarshal(b, &r); err != nil || r.Role != "backend-java" || r.Subject.Name != "Mara" {
		t.Fatalf("mara-dev: role %q name %q %v", r.Role, r.Subject.Name, err)
	}
}

func TestRunInterrupted(t *testing.T) {
	srv := githubtest.New(t)
	fixtures.Serve(srv, fixtures.Strong())
	srv.SetLatency(200 * time.Millisecond)
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	dir := t.TempDir()
	opts, _, _ := runOpts(t, nil)
	opts.Logins, opts.APIURL, opts.Formats, opts.Output = []string{"mara-dev"}, srv.URL(), []string{"json"}, dir
	if err := Run(ctx, opts); err == nil {
		t.Fatal("an interrupted audit succeeded")
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Fatalf("an interrupted audit left files: %v", entries)
	}
}
