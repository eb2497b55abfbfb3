package audit

import (
	"bytes"
	"context"
	"strings"
	"testing"
	"time"

	"github.com/pathway-dev/pathway/internal/cmdutil"
	"github.com/pathway-dev/pathway/internal/report"
)

func testFactory(env map[string]string) (*cmdutil.Factory, *bytes.Buffer, *bytes.Buffer) {
	out, errOut := &bytes.Buffer{}, &bytes.Buffer{}
	return &cmdutil.Factory{
		IO:      &cmdutil.IOStreams{In: strings.NewReader(""), Out: out, ErrOut: errOut},
		Getenv:  func(k string) string { return env[k] },
		Now:     func() time.Time { return time.Date(2026, 11, 23, 9, 30, 0, 0, time.UTC) },
		Version: "0.1.0-test",
	}, out, errOut
}

func parse(t *testing.T, args ...string) (*Options, error) {
	t.Helper()
	f, _, _ := testFactory(nil)
	var got *Options
	cmd := NewCmdAudit(f, func(_ context.Context, o *Options) error { got = o; return nil })
	cmd.SetArgs(args)
	cmd.SetOut(&bytes.Buffer{})
	cmd.SetErr(&bytes.Buffer{})
	err := cmd.Execute()
	return got, err
}

func TestFlagsReachOptions(t *testing.T) {
	o, err := parse(t, "octocat", "--format", "json,md", "-o", "out/", "--max-repos", "5",
		"--include-forks", "--as-of", "2026-11-01", "--role", "backend-java", "--fail-under", "60", "--fail-under", "testing=40")
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(o.Logins, ",") != "octocat" || strings.Join(o.Formats, ",") != "json,md" || o.Output != "out/" ||
		o.MaxRepos != 5 || !o.IncludeForks || o.IncludeArchived || o.AsOf != "2026-11-01" || o.Role != "backend-java" ||
		len(o.FailUnder) != 2 {
		t.Fatalf("options not wired: %+v", o)
	}
	o, err = parse(t, "octocat", "-o", "out/octo.md")
	if err != nil || strings.Join(o.Formats, ",") != "md" {
		t.Fatalf("-o out/octo.md should mean Markdown: %v %v", o.Formats, err)
	}
	o, err = parse(t, "--local", ".", "../other")
	if err != nil || !o.Local || strings.Join(o.Paths, " ") != ". ../other" || len(o.Logins) != 0 {
		t.Fatalf("local: %+v %v", o, err)
	}
}

func TestBadInputIsExit2(t *testing.T) {
	for name, args := range map[string][]string{
		"no login":            {},
		"local without path":  {"--local"},
		"bad format":          {"octocat", "--format", "docx"},
		"bad threshold":       {"octocat", "--fail-under", "abc"},
		"threshold > 100":     {"octocat", "--fail-under", "101"},
		"unknown step":        {"octocat", "--fail-under", "cooking=3"},
		"negative max":        {"octocat", "--max-repos", "-1"},
		"user without local":  {"octocat", "--user", "octocat"},
		"no concurrency":      {"octocat", "--concurrency", "0"},
		"negative max-wait":   {"octocat", "--max-wait", "-5s"},
		"unknown paper":       {"octocat", "--paper", "a5"},
		"format against name": {"octocat", "-f", "json", "-o", "report.pdf"},
	} {
		_, err := parse(t, args...)
		if cmdutil.Code(err) != cmdutil.ExitInput {
			t.Errorf("%s: exit %d (%v), want 2", name, cmdutil.Code(err), err)
		}
	}
}

func TestThresholds(t *testing.T) {
	g, err := parseThresholds([]string{"70", "testing=50,ci-cd=40"})
	if err != nil {
		t.Fatal(err)
	}
	r := &report.Report{Overall: report.Overall{Score: 69}, Steps: []report.Step{
		{ID: "testing", Score: 50, Counted: true}, {ID: "ci-cd", Score: 39, Counted: true},
	}}
	got := g.below(r)
	want := []string{"overall score 69 is below 70", "step ci-cd score 39 is below 40"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Fatalf("below = %q, want %q", got, want)
	}
	r.Overall.Score, r.Steps[1].Score = 70, 40
	if got := g.below(r); len(got) != 0 {
		t.Fatalf("at the threshold is not below: %q", got)
	}
	// A step left out of the score (not applicable, not checked) cannot
	// fail a gate: it is skipped with a warning instead.
	r.Steps[1].Score, r.Steps[1].Counted = 0, false
	if got := g.below(r); len(got) != 0 {
		t.Fatalf("an uncounted step failed the gate: %q", got)
	}
	if got := g.skipped(r); len(got) != 1 || !strings.Contains(got[0], "ci-cd=40 ignored") {
		t.Fatalf("skipped = %q", got)
	}
}

func TestAnnotationsEscapeAndFilterByRepo(t *testing.T) {
	r := &report.Report{Steps: []report.Step{{ID: "testing", Actions: []report.Action{
		{Rule: "ci-cd/ci-present", Repo: "portfolio", Text: "Add .github/workflows/ci.yml running pytest"},
	}, Findings: []report.Finding{
		{Rule: "testing/tests-present", Repo: "portfolio", Outcome: report.Fail, Message: "No tests: add\ntests, 100%", Path: "src/app.py"},
		{Rule: "ci-cd/ci-present", Repo: "portfolio", Outcome: report.Fail, Message: "No CI"},
		{Rule: "testing/tests-present", Repo: "other", Outcome: report.Fail, Message: "other repo"},
		{Rule: "testing/framework", Repo: "portfolio", Outcome: report.Pass, Message: "pytest"},
	}}}}
	var b bytes.Buffer
	annotate(&b, r, "portfolio")
	want := "::warning file=src/app.py,title=pathway testing/tests-present::No tests: add%0Atests, 100%25\n" +
		"::warning title=pathway ci-cd/ci-present::No CI — Add .github/workflows/ci.yml running pytest\n"
	if b.String() != want {
		t.Fatalf("annotations:\n%s\nwant:\n%s", b.String(), want)
	}
}

func TestAsOf(t *testing.T) {
	f, _, _ := testFactory(map[string]string{"SOURCE_DATE_EPOCH": "1763856000"})
	o := &Options{Getenv: f.Getenv, Now: f.Now}
	got, err := asOfTime(o)
	if err != nil || !got.Equal(time.Unix(1763856000, 0)) {
		t.Fatalf("SOURCE_DATE_EPOCH as-of = %v, %v", got, err)
	}
	o.AsOf = "2026-11-01T12:00:00+02:00"
	if got, _ := asOfTime(o); !got.Equal(time.Date(2026, 11, 1, 10, 0, 0, 0, time.UTC)) {
		t.Fatalf("RFC 3339 as-of = %v", got)
	}
	o.AsOf = "yesterday"
	if _, err := asOfTime(o); cmdutil.Code(err) != cmdutil.ExitInput {
		t.Fatalf("bad as-of: %v", err)
	}
}

func TestProgress(t *testing.T) {
	f, _, errOut := testFactory(nil)
	o := &Options{IO: f.IO}
	if progress(o) != nil {
		t.Fatal("progress must be silent when stderr is not a terminal and -v is off")
	}
	o.Verbose = true
	progress(o)(2, 5, "shop-api")
	if errOut.String() != "pathway: [2/5] shop-api\n" {
		t.Fatalf("verbose line = %q", errOut.String())
	}
	errOut.Reset()
	o.Verbose, o.IO.ErrTTY = false, true
	o.rate = func() (int, int, time.Time) { return 41, 60, time.Time{} }
	progress(o)(3, 6, "shop-api")
	if got := errOut.String(); !strings.Contains(got, "[############............] 3/6 repositories · 41/60 API requests left") {
		t.Fatalf("bar = %q", got)
	}
}

func TestLoginsArePastedLoosely(t *testing.T) {
	for in, want := range map[string]string{"@octocat": "octocat", "https://github.com/octocat/": "octocat", " mona ": "mona"} {
		if got := normalLogin(in); got != want {
			t.Errorf("normalLogin(%q) = %q, want %q", in, got, want)
		}
	}
}
