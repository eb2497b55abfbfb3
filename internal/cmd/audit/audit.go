// Package audit implements `pathway audit`: fetch a snapshot from GitHub or
// local checkouts, compute facts, assess them against the 12 steps, and write
// the reports.
package audit

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/pathway-dev/pathway/internal/assess"
	"github.com/pathway-dev/pathway/internal/cmd/version"
	"github.com/pathway-dev/pathway/internal/cmdutil"
	"github.com/pathway-dev/pathway/internal/cohort"
	"github.com/pathway-dev/pathway/internal/detect"
	"github.com/pathway-dev/pathway/internal/github"
	"github.com/pathway-dev/pathway/internal/local"
	"github.com/pathway-dev/pathway/internal/report"
	"github.com/pathway-dev/pathway/internal/safefile"
	"github.com/pathway-dev/pathway/internal/snapshot"
	"github.com/pathway-dev/pathway/reports"
	"github.com/pathway-dev/pathway/rules"
)

// Options are the inputs of one audit, flags and injected dependencies alike.
type Options struct {
	IO        *cmdutil.IOStreams
	Getenv    func(string) string
	Now       func() time.Time
	Transport http.RoundTripper
	Version   string

	Logins []string
	Local  bool
	Paths  []string
	// User, with --local, also fetches this GitHub profile.
	User string

	Formats         []string
	Output          string
	IncludeForks    bool
	IncludeArchived bool
	MaxRepos        int
	AsOf            string
	APIURL          string
	Token           string
	Role            string
	RulesDirs       []string
	Concurrency     int
	Verbose         bool
	// FailUnder holds "N" (overall) and "step=N" thresholds.
	FailUnder []string
	Badge     string
	CacheDir  string
	NoCache   bool
	MaxWait   time.Duration
	// Cohort work (many candidates).
	UsersFile string
	Paper     string
	Font      string
	Coach     string
	Logo      string
	Compare   string

	// told holds warnings already printed before the fetching, so the
	// report's warnings are not repeated on stderr.
	told map[string]bool
	// rate reports the GitHub rate limit for the progress bar, once known.
	rate func() (remaining, limit int, reset time.Time)
}

// cacheDir is --cache-dir, else the user cache folder, or "" with --no-cache.
func cacheDir(opts *Options) (string, error) {
	if opts.NoCache {
		return "", nil
	}
	if opts.CacheDir != "" {
		return opts.CacheDir, nil
	}
	base, err := os.UserCacheDir()
	if err != nil {
		return "", nil // no home folder (some CI containers): run without a cache
	}
	return filepath.Join(base, "pathway"), nil
}

// cohort is true when more than one candidate is audited, or a users file
// names them: a cohort summary is written then.
func (o *Options) cohort() bool { return len(o.Logins) > 1 || o.UsersFile != "" }

// Formats pathway can write, in the order they are written.
var knownFormats = []string{"pdf", "json", "md"}

// NewCmdAudit returns `pathway audit`. runF replaces the run function in tests
// of flag parsing.
func NewCmdAudit(f *cmdutil.Factory, runF func(context.Context, *Options) error) *cobra.Command {
	opts := &Options{
		IO:        f.IO,
		Getenv:    f.Getenv,
		Now:       f.Now,
		Transport: f.Transport,
		Version:   version.Get(f).Version,
	}
	var formats []string
	cmd := &cobra.Command{
		Use:   "audit <github-user>... | --users-file FILE | --local <path>...",
		Short: "Audit a GitHub user or local checkouts and write a readiness report",
		Long: `Audit reads a developer's public work and writes a readiness report.

With a GitHub login it fetches the profile and every repository the user owns
(forks and archived repositories are listed but not scored unless asked for).
With --local it reads git checkouts on disk instead: no network, no token.

The token is read from GITHUB_TOKEN or GH_TOKEN; without one GitHub allows 60
requests an hour, enough for a user with about 18 repositories. For GitHub
Enterprise set GH_HOST or --api-url. Answers are cached (--cache-dir), so a
re-run costs almost nothing.

Several logins, or --users-file, make a cohort: one report per candidate plus
cohort.csv, cohort.json and (with pdf) cohort.pdf in the output folder.

The report is written to <login>-readiness.<format> in the current folder, or
where --output says: a file, a folder (created if missing), or - for stdout
(one format, one login).

Exit codes: 0 done, 1 failure while running, 2 bad input (unknown user, bad
flag, invalid rule file), 3 below --fail-under.`,
		Example: `  # Audit a GitHub account, JSON report to stdout
  pathway audit octocat --format json -o -

  # Audit this checkout, offline
  pathway audit --local .

  # Only the 10 most recently pushed repositories, judged for a Java role
  pathway audit octocat --max-repos 10 --role backend-java -o reports/

  # A cohort judged for a Java role, with the coach's name on the covers
  pathway audit --users-file cohort.csv --role backend-java -o reports/ --coach "Ada, Code School"

  # Gate a CI job: Markdown summary, badge, exit 3 under 60
  pathway audit --local . --format md --badge pathway.svg --fail-under 60

  # Against GitHub Enterprise
  GH_TOKEN=... pathway audit jdoe --api-url https://github.example.com/api/v3`,
		RunE: func(cmd *cobra.Command, args []string) error {
			if opts.Local {
				opts.Paths = args
				if len(opts.Paths) == 0 {
					return cmdutil.InputErrorf("--local needs at least one path, e.g. pathway audit --local .")
				}
			} else {
				opts.Logins = args
				if len(opts.Logins) == 0 && opts.UsersFile == "" {
					return cmdutil.InputErrorf("give a GitHub login, e.g. pathway audit octocat (or --local PATH for a checkout)")
				}
			}
			fs, err := parseFormats(strings.Join(formats, ","))
			if err != nil {
				return err
			}
			// -o report.json means JSON; a format that contradicts the
			// name would write a PDF called report.md.
			if ext := outputFormat(opts.Output); ext != "" && !isDir(opts.Output) {
				switch {
				case !cmd.Flags().Changed("format"):
					fs = []string{ext}
				case len(fs) == 1 && fs[0] != ext:
					return cmdutil.InputErrorf("--output %s names a .%s file but --format is %s: make them agree", opts.Output, ext, fs[0])
				}
			}
			opts.Formats = fs
			if _, err := parseThresholds(opts.FailUnder); err != nil {
				return err
			}
			if err := checkOutput(opts); err != nil {
				return err
			}
			if err := checkFiles(opts); err != nil {
				return err
			}
			if opts.Paper != "a4" && opts.Paper != "letter" {
				return cmdutil.InputErrorf("--paper %q: use a4 or letter", opts.Paper)
			}
			if opts.User != "" && !opts.Local {
				return cmdutil.InputErrorf("--user goes with --local: without --local, name the login as an argument")
			}
			if opts.Concurrency < 1 || opts.Concurrency > 64 {
				return cmdutil.InputErrorf("--concurrency must be from 1 to 64, got %d", opts.Concurrency)
			}
			if opts.MaxWait < 0 {
				return cmdutil.InputErrorf("--max-wait must be 0 (never wait) or more, got %s", opts.MaxWait)
			}
			if opts.MaxRepos < 0 {
				return cmdutil.InputErrorf("--max-repos must be 0 (all) or more, got %d", opts.MaxRepos)
			}
			if runF != nil {
				return runF(cmd.Context(), opts)
			}
			return Run(cmd.Context(), opts)
		},
	}
	fl := cmd.Flags()
	fl.BoolVar(&opts.Local, "local", false, "audit git checkouts on disk: each argument is a checkout or a folder of checkouts")
	fl.StringVar(&opts.User, "user", "", "with --local: also fetch this GitHub `login`'s profile")
	fl.StringSliceVarP(&formats, "format", "f", []string{"pdf"}, "report formats: pdf, json, md (comma-separated or repeated)")
	fl.StringVarP(&opts.Output, "output", "o", "", "output `path`: a file, a folder, or - for stdout (default: current folder)")
	fl.BoolVar(&opts.IncludeForks, "include-forks", false, "score forked repositories too")
	fl.BoolVar(&opts.IncludeArchived, "include-archived", false, "score archived repositories too")
	fl.IntVar(&opts.MaxRepos, "max-repos", 0, "audit only the `N` most recently pushed repositories (0 = all)")
	fl.StringVar(&opts.AsOf, "as-of", "", "reference `time` for recency rules, RFC 3339 or YYYY-MM-DD (default: now, or SOURCE_DATE_EPOCH)")
	fl.StringVar(&opts.APIURL, "api-url", "", "GitHub API `URL` (GitHub Enterprise: https://HOST/api/v3; default from GH_HOST, else api.github.com)")
	fl.StringVar(&opts.Token, "token", "", "GitHub token (prefer GITHUB_TOKEN: a flag shows in process lists)")
	_ = fl.MarkHidden("token")
	fl.StringVar(&opts.Role, "role", "backend", "rubric for the target role: "+strings.Join(rules.Roles(), ", "))
	fl.StringArrayVar(&opts.RulesDirs, "rules", nil, "extra rule `folder`: adds rules, overrides rules with the same id (repeatable)")
	fl.IntVar(&opts.Concurrency, "concurrency", 6, "repositories fetched at once")
	fl.BoolVarP(&opts.Verbose, "verbose", "v", false, "print progress lines on stderr")
	fl.StringArrayVar(&opts.FailUnder, "fail-under", nil, "exit 3 when the overall score is below `N`, or a step's score with step=N (repeatable)")
	fl.StringVar(&opts.CacheDir, "cache-dir", "", "HTTP and snapshot cache `folder` (default: the user cache folder + /pathway)")
	fl.BoolVar(&opts.NoCache, "no-cache", false, "do not read or write the cache")
	fl.DurationVar(&opts.MaxWait, "max-wait", 3*time.Minute, "wait at most this long for a GitHub rate-limit reset, else write a partial report")
	fl.StringVar(&opts.UsersFile, "users-file", "", "audit every login in `FILE`: one per line (# comments), or CSV with login,name,role,email")
	fl.StringVar(&opts.Paper, "paper", "a4", "PDF paper size: a4 or letter")
	fl.StringVar(&opts.Font, "font", "", "TrueType `file` for scripts the built-in font lacks (CJK), in the PDF")
	fl.StringVar(&opts.Coach, "coach", "", "\"Name, Organisation\" shown on PDF covers")
	fl.StringVar(&opts.Logo, "logo", "", "PNG `file` shown on PDF covers")
	fl.StringVar(&opts.Compare, "compare", "", "earlier JSON report (or a previous output folder, for a cohort) to show progress against")
	fl.StringVar(&opts.Badge, "badge", "", "also write an SVG badge (\"pathway | 78% ready\") to `FILE`")
	return cmd
}

func parseFormats(s string) ([]string, error) {
	seen := map[string]bool{}
	for _, f := range strings.Split(s, ",") {
		f = strings.ToLower(strings.TrimSpace(f))
		if f == "markdown" {
			f = "md"
		}
		if f == "" {
			continue
		}
		ok := false
		for _, k := range knownFormats {
			ok = ok || k == f
		}
		if !ok {
			return nil, cmdutil.InputErrorf("unknown --format %q: use json, pdf or md (comma-separated for several)", f)
		}
		seen[f] = true
	}
	var out []string
	for _, k := range knownFormats {
		if seen[k] {
			out = append(out, k)
		}
	}
	if len(out) == 0 {
		return nil, cmdutil.InputErrorf("--format is empty: use json, pdf or md")
	}
	return out, nil
}

// Run performs the audit described by opts.
func Run(ctx context.Context, opts *Options) error {
	for _, f := range opts.Formats {
		if f == "pdf" && !pdfAvailable {
			return cmdutil.InputErrorf("--format pdf is not available yet in this version: use --format json or md")
		}
	}
	asOf, err := asOfTime(opts)
	if err != nil {
		return err
	}
	gates, err := parseThresholds(opts.FailUnder)
	if err != nil {
		return err
	}
	sets := ruleSets{dirs: opts.RulesDirs, sets: map[string]*rules.Set{}}
	if _, err := sets.get(opts.Role); err != nil {
		return err
	}
	sopts := snapshot.Options{
		IncludeForks:    opts.IncludeForks,
		IncludeArchived: opts.IncludeArchived,
		MaxRepos:        opts.MaxRepos,
		Progress:        progress(opts),
	}
	var reps []*report.Report
	failed := 0
	if opts.Local {
		snap, err := localSnapshot(ctx, opts, sopts)
		if err != nil {
			return err
		}
		set, _ := sets.get(opts.Role)
		rep, _, err := write(opts, snap, sopts, set, opts.Role, asOf)
		if err != nil {
			return err
		}
		reps = append(reps, rep)
	} else {
		cands, err := candidates(opts)
		if err != nil {
			return err
		}
		for _, c := range cands {
			if _, err := sets.get(roleOf(c, opts)); err != nil {
				return err
			}
		}
		if reps, failed, err = runGitHub(ctx, opts, cands, sets, sopts, asOf); err != nil {
			return err
		}
	}
	code := cmdutil.ExitOK
	for _, rep := range reps {
		if rep.Partial {
			fmt.Fprintf(opts.IO.ErrOut, "pathway: %s: the report is partial; see its warnings\n", rep.Subject.Login)
			code = cmdutil.ExitFailure
		}
	}
	if failed > 0 {
		code = cmdutil.ExitFailure
	}
	if code == cmdutil.ExitOK {
		for _, rep := range reps {
			for _, msg := range gates.skipped(rep) {
				fmt.Fprintf(opts.IO.ErrOut, "pathway: warning: %s: %s\n", rep.Subject.Login, msg)
			}
			for _, msg := range gates.below(rep) {
				fmt.Fprintf(opts.IO.ErrOut, "pathway: %s: %s (--fail-under)\n", rep.Subject.Login, msg)
				code = cmdutil.ExitBelow
			}
		}
	}
	if code != cmdutil.ExitOK {
		return &cmdutil.Silent{Code: code}
	}
	return nil
}

// ruleSets loads each role's rules once.
type ruleSets struct {
	dirs []string
	sets map[string]*rules.Set
}

func (r *ruleSets) get(role string) (*rules.Set, error) {
	if s, ok := r.sets[role]; ok {
		return s, nil
	}
	s, err := rules.Load(role, r.dirs...)
	if err != nil {
		return nil, cmdutil.InputError(err)
	}
	r.sets[role] = s
	return s, nil
}

// localSnapshot reads the checkouts, and the profile when --user is given.
func localSnapshot(ctx context.Context, opts *Options, sopts snapshot.Options) (*snapshot.Snapshot, error) {
	src, err := local.New()
	if err != nil {
		return nil, err
	}
	snap, err := src.Load(ctx, opts.Paths, sopts)
	if err != nil {
		return nil, sourceError(err)
	}
	if opts.User != "" {
		if !github.ValidLogin(opts.User) {
			return nil, cmdutil.InputErrorf("--user %q is not a valid GitHub login", opts.User)
		}
		gh, err := newGitHub(opts)
		if err != nil {
			return nil, err
		}
		p, err := gh.Profile(ctx, opts.User)
		if err != nil {
			return nil, sourceError(err)
		}
		// The subject is still the checkout, judged as a project: the
		// profile only adds the networking and job-ready evidence.
		p.Kind = "local"
		snap.Profile = p
	}
	return snap, nil
}

// sourceError gives a source's error the exit code of its kind.
func sourceError(err error) error {
	switch {
	case errors.Is(err, snapshot.ErrInvalidSubject), errors.Is(err, snapshot.ErrNotFound), errors.Is(err, snapshot.ErrBadCredentials):
		return cmdutil.InputError(err)
	}
	return err
}

func newGitHub(opts *Options) (*github.Source, error) {
	// A token pasted with its newline is still the token.
	token := strings.TrimSpace(opts.Token)
	if token == "" {
		token = strings.TrimSpace(opts.Getenv("GITHUB_TOKEN"))
	}
	if token == "" {
		token = strings.TrimSpace(opts.Getenv("GH_TOKEN"))
	}
	for _, c := range token {
		if c < 0x21 || c > 0x7e {
			return nil, cmdutil.InputErrorf("the GitHub token (GITHUB_TOKEN / GH_TOKEN) contains spaces or control characters: check how it was set")
		}
	}
	if opts.Token != "" {
		fmt.Fprintln(opts.IO.ErrOut, "pathway: warning: --token shows in process lists; prefer GITHUB_TOKEN or GH_TOKEN")
	}
	apiURL := opts.APIURL
	if apiURL == "" {
		if h := opts.Getenv("GH_HOST"); h != "" && h != "github.com" {
			apiURL = "https://" + strings.TrimSuffix(h, "/") + "/api/v3/"
		}
	}
	if apiURL != "" {
		u, err := url.Parse(apiURL)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			return nil, cmdutil.InputErrorf("--api-url %q is not an http(s) URL", apiURL)
		}
	}
	if token == "" {
		fmt.Fprintln(opts.IO.ErrOut, "pathway: note: no GITHUB_TOKEN or GH_TOKEN: GitHub allows 60 anonymous requests an hour (about 18 repositories)")
	}
	if opts.told == nil {
		opts.told = map[string]bool{}
	}
	cacheDir, err := cacheDir(opts)
	if err != nil {
		return nil, err
	}
	cfg := github.Config{
		APIURL:      apiURL,
		Token:       token,
		Transport:   opts.Transport,
		Concurrency: opts.Concurrency,
		UserAgent:   "pathway/" + opts.Version,
		CacheDir:    cacheDir,
		MaxWait:     opts.MaxWait,
		Notice: func(msg string) {
			fmt.Fprintf(opts.IO.ErrOut, "pathway: warning: %s\n", msg)
			opts.told[msg] = true
		},
	}
	if opts.Verbose {
		cfg.Log = func(format string, args ...any) {
			fmt.Fprintf(opts.IO.ErrOut, "pathway: "+format+"\n", args...)
		}
	}
	if opts.IO.ErrTTY || opts.Verbose {
		cfg.Countdown = func(left time.Duration, until time.Time) {
			if !opts.IO.ErrTTY {
				if left == 0 {
					fmt.Fprintln(opts.IO.ErrOut, "pathway: rate limit reset, resuming")
				}
				return
			}
			if left == 0 {
				fmt.Fprint(opts.IO.ErrOut, "\r\033[K")
				return
			}
			fmt.Fprintf(opts.IO.ErrOut, "\r\033[Kwaiting for GitHub's rate limit to reset: %s (at %s)", left.Round(time.Second), until.Local().Format("15:04:05"))
		}
	}
	gh, err := github.New(cfg)
	if err != nil {
		return nil, cmdutil.InputError(err)
	}
	opts.rate = gh.RateRemaining
	return gh, nil
}

func progress(opts *Options) func(done, total int, repo string) {
	if !opts.Verbose && !opts.IO.ErrTTY {
		return nil
	}
	return func(done, total int, repo string) {
		if opts.Verbose {
			fmt.Fprintf(opts.IO.ErrOut, "pathway: [%d/%d] %s\n", done, total, repo)
			return
		}
		left := ""
		if opts.rate != nil {
			if rem, limit, _ := opts.rate(); limit > 0 {
				left = fmt.Sprintf(" · %d/%d API requests left", rem, limit)
			}
		}
		fmt.Fprintf(opts.IO.ErrOut, "\r\033[K%s %d/%d repositories%s", bar(done, total), done, total, left)
		if done == total {
			fmt.Fprint(opts.IO.ErrOut, "\r\033[K")
		}
	}
}

func bar(done, total int) string {
	const width = 24
	n := 0
	if total > 0 {
		n = done * width / total
	}
	return "[" + strings.Repeat("#", n) + strings.Repeat(".", width-n) + "]"
}

// asOfTime is --as-of, else SOURCE_DATE_EPOCH, else now.
func asOfTime(opts *Options) (time.Time, error) {
	if opts.AsOf != "" {
		for _, layout := range []string{time.RFC3339, "2006-01-02"} {
			if t, err := time.Parse(layout, opts.AsOf); err == nil {
				return t.UTC(), nil
			}
		}
		return time.Time{}, cmdutil.InputErrorf("--as-of %q: use RFC 3339 (2026-11-23T10:00:00Z) or YYYY-MM-DD", opts.AsOf)
	}
	if t, ok, err := sourceDateEpoch(opts.Getenv); err != nil {
		return time.Time{}, err
	} else if ok {
		return t, nil
	}
	return opts.Now().UTC().Truncate(time.Second), nil
}

// generatedAt is SOURCE_DATE_EPOCH when set, so reports are reproducible.
func generatedAt(opts *Options) time.Time {
	if t, ok, _ := sourceDateEpoch(opts.Getenv); ok {
		return t
	}
	return opts.Now().UTC().Truncate(time.Second)
}

func sourceDateEpoch(getenv func(string) string) (time.Time, bool, error) {
	s := getenv("SOURCE_DATE_EPOCH")
	if s == "" {
		return time.Time{}, false, nil
	}
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil || n < 0 {
		return time.Time{}, false, cmdutil.InputErrorf("SOURCE_DATE_EPOCH=%q is not a Unix time in seconds", s)
	}
	return time.Unix(n, 0).UTC(), true, nil
}

// Build turns a snapshot into the assessed report.
func Build(snap *snapshot.Snapshot, sopts snapshot.Options, set *rules.Set, role string, asOf, generated time.Time, ver string) *report.Report {
	pf := detect.Portfolio(snap, sopts, asOf)
	trees := make(map[string]*rules.Tree, len(snap.Repos))
	urls := make(map[string]string, len(snap.Repos))
	for _, r := range snap.Repos {
		trees[r.Name] = rules.TreeOf(detect.WithoutFixtures(r))
		urls[r.Name] = r.HTMLURL
	}
	rep := assess.Run(pf, set, assess.Options{Role: role, AsOf: asOf, Trees: trees, Project: snap.Profile.Kind == "local"})
	for i := range rep.Repos {
		if rep.Repos[i].HTMLURL == "" {
			rep.Repos[i].HTMLURL = urls[rep.Repos[i].Name]
		}
	}
	rep.Schema = report.Schema
	rep.Tool = report.Tool{Name: "pathway", Version: ver}
	rep.GeneratedAt = generated
	rep.AsOf = asOf
	rep.Role = role
	rep.Partial = snap.Partial
	p := snap.Profile
	rep.Subject = report.Subject{
		Kind: p.Kind, Type: p.Type, Login: p.Login, Name: p.Name, Bio: p.Bio, Blog: p.Blog,
		Location: p.Location, Company: p.Company, Hireable: p.Hireable, Followers: p.Followers,
		PublicRepos: p.PublicRepos, HTMLURL: p.HTMLURL,
	}
	warnings := append([]string{}, snap.Warnings...)
	for _, r := range snap.Repos {
		for _, w := range r.Warnings {
			warnings = append(warnings, "repo "+r.Name+": "+w)
		}
	}
	rep.Warnings = append(warnings, rep.Warnings...)
	if rep.Warnings == nil {
		rep.Warnings = []string{}
	}
	return rep
}

// write renders and writes every requested format, the badge, and under
// GitHub Actions the job summary and annotations.
func write(opts *Options, snap *snapshot.Snapshot, sopts snapshot.Options, set *rules.Set, role string, asOf time.Time) (*report.Report, string, error) {
	rep := Build(snap, sopts, set, role, asOf, generatedAt(opts), opts.Version)
	if opts.Compare != "" {
		prev, err := cohort.LoadPrevious(opts.Compare, rep.Subject.Login)
		switch {
		case err != nil && opts.cohort():
			// One unreadable earlier report must not stop a cohort.
			msg := fmt.Sprintf("no comparison: %v", err)
			fmt.Fprintf(opts.IO.ErrOut, "pathway: warning: %s: %s\n", rep.Subject.Login, msg)
			rep.Warnings = append(rep.Warnings, msg)
		case err != nil:
			return nil, "", cmdutil.InputError(err)
		case prev == nil:
			fmt.Fprintf(opts.IO.ErrOut, "pathway: warning: %s: nothing to compare in %s (no %s-readiness.json, nor a cohort.json row)\n", rep.Subject.Login, opts.Compare, rep.Subject.Login)
		default:
			if prev.Role != "" && prev.Role != rep.Role {
				msg := fmt.Sprintf("the earlier report used the %s rubric and this one %s: part of each change comes from the rubric, not from progress", prev.Role, rep.Role)
				fmt.Fprintf(opts.IO.ErrOut, "pathway: warning: %s: %s\n", rep.Subject.Login, msg)
				rep.Warnings = append(rep.Warnings, msg)
			}
			cohort.Compare(rep, prev)
		}
	}
	tellWarnings(opts, rep)
	first := ""
	for _, format := range opts.Formats {
		data, err := render(rep, format, opts)
		if err != nil {
			return nil, "", fmt.Errorf("render %s report for %s: %w", format, rep.Subject.Login, err)
		}
		dest, err := output(opts, rep.Subject.Login, format, data)
		if err != nil {
			return nil, "", err
		}
		if first == "" {
			first = dest
		}
	}
	if opts.Badge != "" {
		if err := safefile.Write(opts.Badge, reports.Badge(rep), 0o644); err != nil {
			return nil, "", err
		}
	}
	if opts.Getenv("GITHUB_ACTIONS") == "true" {
		if p := opts.Getenv("GITHUB_STEP_SUMMARY"); p != "" {
			if err := safefile.Append(p, reports.Markdown(rep)); err != nil {
				fmt.Fprintf(opts.IO.ErrOut, "pathway: warning: cannot append to GITHUB_STEP_SUMMARY: %v\n", err)
			}
		}
		if opts.Local && len(snap.Repos) > 0 {
			w := opts.IO.Out
			if opts.Output == "-" {
				w = opts.IO.ErrOut
			}
			if repo := checkedOut(snap, opts.Getenv("GITHUB_REPOSITORY")); repo != "" {
				annotate(w, rep, repo)
			}
		}
	}
	return rep, first, nil
}

// tellWarnings puts the report's warnings on stderr too — a shallow clone
// or a rate limit must show in a CI log, not only inside the report — and,
// under GitHub Actions, as annotations.
func tellWarnings(opts *Options, rep *report.Report) {
	const most = 5
	actions := opts.Getenv("GITHUB_ACTIONS") == "true"
	var fresh []string
	for _, w := range rep.Warnings {
		if !opts.told[w] {
			fresh = append(fresh, w)
		}
	}
	for i, w := range fresh {
		if i == most {
			fmt.Fprintf(opts.IO.ErrOut, "pathway: %s: %d more warnings in the report\n", rep.Subject.Login, len(fresh)-most)
			break
		}
		fmt.Fprintf(opts.IO.ErrOut, "pathway: warning: %s: %s\n", rep.Subject.Login, w)
		if actions {
			fmt.Fprintf(opts.IO.ErrOut, "::warning title=pathway::%s\n", escapeData(w))
		}
	}
}

// checkedOut is the repository the workflow runs on: the one named by
// GITHUB_REPOSITORY, or the only one audited.
func checkedOut(snap *snapshot.Snapshot, ghRepo string) string {
	_, name, _ := strings.Cut(ghRepo, "/")
	for _, r := range snap.Repos {
		if name != "" && (strings.EqualFold(r.FullName, ghRepo) || strings.EqualFold(r.Name, name)) {
			return r.Name
		}
	}
	if len(snap.Repos) == 1 {
		return snap.Repos[0].Name
	}
	return ""
}

func render(rep *report.Report, format string, opts *Options) ([]byte, error) {
	switch format {
	case "json":
		return reports.JSON(rep)
	case "md":
		return reports.Markdown(rep), nil
	case "pdf":
		return renderPDF(rep, opts)
	}
	return nil, fmt.Errorf("unknown format %q", format)
}

// output writes data where --output says: stdout, a file, or a folder, and
// returns the path written ("-" for stdout).
func output(opts *Options, login, format string, data []byte) (string, error) {
	name := login + "-readiness." + format
	dest := opts.Output
	if dest == "-" {
		_, err := opts.IO.Out.Write(data)
		return "-", err
	}
	if dest == "" || outputIsDir(opts) {
		dest = filepath.Join(dest, name)
	}
	if err := safefile.Write(dest, data, 0o644); err != nil {
		return "", err
	}
	if opts.Verbose || opts.IO.ErrTTY {
		fmt.Fprintf(opts.IO.ErrOut, "pathway: wrote %s\n", dest)
	}
	return dest, nil
}

// outputIsDir tells whether --output names a folder: an existing one, a path
// ending in a slash, a name without extension, or any path when several
// files will be written.
func outputIsDir(opts *Options) bool {
	dest := opts.Output
	if dest == "" || dest == "-" {
		return false
	}
	return isDir(dest) || strings.HasSuffix(dest, "/") || strings.HasSuffix(dest, string(os.PathSeparator)) ||
		len(opts.Formats) > 1 || opts.cohort() || filepath.Ext(dest) == ""
}

func isDir(p string) bool {
	fi, err := os.Stat(p)
	return err == nil && fi.IsDir()
}
