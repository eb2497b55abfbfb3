package github

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"

	gh "github.com/google/go-github/v60/github"

	"github.com/pathway-dev/pathway/internal/snapshot"
)

// The request plan. Per user: the profile, one listing page per 100
// repositories and one search (its own rate limit), the last two at once.
// Per repository, on a first audit, at most three requests:
//
//  1. the archive link (then the download from codeload, not counted) and
//     the first page of commits, at once;
//  2. the file tree only when the archive cannot be trusted as the file
//     list, else the last page of commits when there are more than 100.
//
// The archive is trusted when the git tree id computed from what it holds
// equals the head commit's tree id: that proves nothing was left out
// (export-ignore, even in a .gitattributes that itself is export-ignored)
// or changed (export-subst, eol, LFS). Then its tar headers give the file
// list: paths, sizes, executable bits, symlinks. Otherwise the tree is the
// authoritative list and, when the history also has more than 100
// commits, the total is given as a lower bound with a warning.
//
// A repository whose pushed_at, size and default branch are those of the
// copy kept in the cache is not fetched at all, and the profile, listing
// and search are revalidated with ETags, so an audit of an unchanged user
// costs nothing but 304s.

// Snapshot audits login's public repositories.
func (s *Source) Snapshot(ctx context.Context, login string, opts snapshot.Options) (*snapshot.Snapshot, error) {
	if err := checkLogin(login); err != nil {
		return nil, err
	}
	u, err := s.user(ctx, login)
	if err != nil {
		return nil, err
	}
	snap := &snapshot.Snapshot{Profile: profileOf(u), Repos: []*snapshot.Repo{}}
	login = snap.Profile.Login
	if s.cacheErr != nil {
		w := s.redact(s.cacheErr.Error() + "; audited without a cache (use --cache-dir to pick another folder, or --no-cache)")
		snap.Warnings = append(snap.Warnings, w)
		s.logf("%s", w)
	}
	if snap.Profile.Type == "Organization" {
		snap.Warnings = append(snap.Warnings, fmt.Sprintf("%s is an organization, not a user: auditing its public repositories", login))
	}
	var prWarning string
	var wg sync.WaitGroup
	wg.Go(func() { prWarning = s.externalPRs(ctx, &snap.Profile) })
	repos, err := s.listRepos(ctx, login)
	wg.Wait()
	if err != nil {
		return nil, err
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if prWarning != "" {
		snap.Warnings = append(snap.Warnings, prWarning)
	}

	sort.SliceStable(repos, func(i, j int) bool {
		a, b := repos[i], repos[j]
		if !a.PushedAt.Equal(b.PushedAt) {
			return a.PushedAt.After(b.PushedAt)
		}
		return a.Name < b.Name
	})
	var todo []*snapshot.Repo
	candidates := 0
	for _, r := range repos {
		if r.Fork && !opts.IncludeForks || r.Archived && !opts.IncludeArchived {
			// Listed for the report, never fetched.
			snap.Repos = append(snap.Repos, r)
			continue
		}
		candidates++
		if opts.MaxRepos > 0 && candidates > opts.MaxRepos {
			continue
		}
		snap.Repos = append(snap.Repos, r)
		if !r.Empty {
			todo = append(todo, r)
		}
	}
	if opts.MaxRepos > 0 && candidates > opts.MaxRepos {
		snap.Warnings = append(snap.Warnings, fmt.Sprintf("audited the %d most recently pushed of %d repositories (--max-repos)", opts.MaxRepos, candidates))
	}
	reused := map[*snapshot.Repo]bool{}
	for _, r := range todo {
		if s.reuse(r) {
			reused[r] = true
		}
	}
	if len(reused) > 0 {
		s.logf("%d of %d repositories unchanged since the last audit: taken from the cache", len(reused), len(todo))
	}
	s.checkBudget(snap, len(todo)-len(reused))
	if err := s.fetchAll(ctx, snap, todo, reused, opts.Progress); err != nil {
		return nil, err
	}
	return snap, nil
}

// requestsPerRepo is the least a repository costs on a first audit.
const requestsPerRepo = 2

// checkBudget says up front when the repositories to fetch will not fit in
// what is left of the rate limit.
func (s *Source) checkBudget(snap *snapshot.Snapshot, n int) {
	if n == 0 {
		return
	}
	need := requestsPerRepo * n
	left, _, reset := s.RateRemaining()
	if left < 0 || need <= left {
		if left >= 0 {
			s.logf("fetching %d repositories: %d to %d API requests; %d left until %s UTC", n, need, 3*n, left, reset.UTC().Format("15:04"))
		}
		return
	}
	msg := fmt.Sprintf("the %d repositories to fetch need at least %d GitHub API requests but only %d are left until %s UTC", n, need, left, reset.UTC().Format("15:04"))
	if d := reset.Sub(s.now()); d <= s.maxWait {
		msg += "; waiting for the reset when the limit is reached"
	} else {
		msg += "; repositories past the limit are not audited"
		if s.token == "" {
			msg += " (set GITHUB_TOKEN or GH_TOKEN for 5,000 requests an hour)"
		}
	}
	snap.Warnings = append(snap.Warnings, msg)
	s.logf("%s", msg)
	if s.notice != nil {
		s.notice(msg)
	}
}

// listRepos reads every repository login owns, 100 a page.
func (s *Source) listRepos(ctx context.Context, login string) ([]*snapshot.Repo, error) {
	opt := &gh.RepositoryListByUserOptions{Type: "owner", Sort: "pushed", ListOptions: gh.ListOptions{PerPage: 100}}
	var out []*snapshot.Repo
	for {
		page, resp, err := s.gh.Repositories.ListByUser(ctx, login, opt)
		if err != nil {
			return nil, s.fatal(err, "listing repositories of "+login)
		}
		for _, r := range page {
			out = append(out, repoOf(r))
		}
		if resp.NextPage == 0 {
			return out, nil
		}
		opt.Page = resp.NextPage
	}
}

func repoOf(r *gh.Repository) *snapshot.Repo {
	lic := r.GetLicense().GetSPDXID()
	if lic == "NOASSERTION" {
		lic = ""
	}
	return &snapshot.Repo{
		Name:          r.GetName(),
		FullName:      r.GetFullName(),
		Owner:         r.GetOwner().GetLogin(),
		HTMLURL:       r.GetHTMLURL(),
		Description:   r.GetDescription(),
		Homepage:      r.GetHomepage(),
		Topics:        r.Topics,
		Fork:          r.GetFork(),
		Archived:      r.GetArchived(),
		Empty:         r.GetSize() == 0,
		Stars:         r.GetStargazersCount(),
		Forks:         r.GetForksCount(),
		DefaultBranch: r.GetDefaultBranch(),
		License:       lic,
		HostLanguage:  r.GetLanguage(),
		CreatedAt:     r.GetCreatedAt().Time.UTC(),
		PushedAt:      r.GetPushedAt().Time.UTC(),
		SizeKB:        r.GetSize(),
		Files:         []snapshot.File{},
		CommitsTotal:  -1,
	}
}

// fetchAll fills todo with s.concurrency workers; repositories in reused
// are already filled. Results stay where the repositories are in the
// snapshot, so the order does not depend on timing. A rate limit that will
// not reset within MaxWait stops further fetching and marks the snapshot
// partial.
func (s *Source) fetchAll(ctx context.Context, snap *snapshot.Snapshot, todo []*snapshot.Repo, reused map[*snapshot.Repo]bool, progress func(done, total int, repo string)) error {
	var (
		mu      sync.Mutex
		done    int
		stopped bool
		reset   time.Time // when the limit that stopped fetching resets
	)
	jobs := make(chan *snapshot.Repo)
	var wg sync.WaitGroup
	for range min(s.concurrency, max(len(todo)-len(reused), 1)) {
		wg.Go(func() {
			for r := range jobs {
				mu.Lock()
				halt := stopped
				mu.Unlock()
				switch {
				case reused[r] || ctx.Err() != nil:
				case halt:
					mu.Lock()
					markLimited(r, reset)
					mu.Unlock()
				default:
					out := s.fetchRepo(ctx, r)
					if out.limited {
						mu.Lock()
						if !stopped {
							stopped, reset = true, out.reset
							s.logf("%s", strings.TrimPrefix(s.rateError(reset).Error(), snapshot.ErrRateLimited.Error()+": "))
						}
						markLimited(r, reset)
						mu.Unlock()
					} else if out.clean && ctx.Err() == nil {
						s.remember(r)
					}
				}
				mu.Lock()
				done++
				if progress != nil {
					progress(done, len(todo), r.FullName)
				}
				mu.Unlock()
			}
		})
	}
	for _, r := range todo {
		jobs <- r
	}
	close(jobs)
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return err
	}
	if stopped {
		snap.Partial = true
		skipped := 0
		for _, r := range todo {
			if r.Unavailable != "" && strings.HasPrefix(r.Unavailable, "rate limited") {
				skipped++
			}
		}
		snap.Warnings = append(snap.Warnings, fmt.Sprintf("%s; %d of %d repositories were not fetched",
			strings.TrimPrefix(s.rateError(reset).Error(), snapshot.ErrRateLimited.Error()+": "), skipped, len(todo)))
	}
	return nil
}

// markLimited leaves r unknown: whatever part of it was read before the
// limit is dropped, so its rules are "unknown" rather than judged on half
// the data.
func markLimited(r *snapshot.Repo, reset time.Time) {
	when := "later"
	if !reset.IsZero() {
		when = "after " + reset.UTC().Format("15:04") + " UTC"
	}
	r.Unavailable = "rate limited: retry " + when
	r.Files, r.Contents, r.Commits = []snapshot.File{}, nil, nil
	r.ContentsKnown, r.HistoryKnown, r.TreeTruncated = false, false, false
	r.CommitsTotal, r.HeadSHA = -1, ""
	r.Warnings = nil
}

// outcome is how fetching one repository went.
type outcome struct {
	limited bool
	reset   time.Time
	// clean: every request succeeded, so the result may be cached.
	clean bool
}

// fetchRepo reads r's archive, history and, when needed, tree (see the
// request plan at the top). Failures become warnings on r.
func (s *Source) fetchRepo(ctx context.Context, r *snapshot.Repo) (out outcome) {
	var problems []string
	failed := false
	note := func(what string, err error, resp *gh.Response) {
		failed = true
		if ok, at := rateLimited(err, resp); ok {
			out.limited = true
			if at.After(out.reset) {
				out.reset = at
			}
			return
		}
		msg := s.describe(err)
		if resp != nil && resp.StatusCode == http.StatusUnavailableForLegalReasons {
			msg = "blocked for legal reasons (451): " + msg
		}
		r.Warnings = append(r.Warnings, s.redact(what+" could not be read: "+msg))
		problems = append(problems, what+": "+msg)
	}
	owner, name := r.Owner, r.Name
	ref := escapeRef(r.DefaultBranch)

	// 1. The archive and the first page of history, at once.
	var (
		arc     *archive
		arcResp *gh.Response
		arcErr  error
		wg      sync.WaitGroup
	)
	wg.Go(func() { arc, arcResp, arcErr = s.fetchArchive(ctx, owner, name, ref) })
	copt := &gh.CommitsListOptions{SHA: r.DefaultBranch, ListOptions: gh.ListOptions{PerPage: 100}}
	commits, cresp, cerr := s.gh.Repositories.ListCommits(ctx, owner, name, copt)
	wg.Wait()
	if ctx.Err() != nil {
		return out
	}
	if isEmpty(cerr, cresp) {
		r.Empty = true
		return outcome{clean: true}
	}
	historyOK := cerr == nil
	if !historyOK {
		note("commit history", cerr, cresp)
	}
	if arcErr != nil {
		note("archive", arcErr, arcResp)
	}
	if out.limited {
		return out
	}
	lastPage := 0
	if historyOK {
		lastPage = cresp.LastPage
	}
	verified := arc != nil && arcErr == nil && arc.complete && arc.treeSHA != "" &&
		historyOK && len(commits) > 0 && arc.treeSHA == commits[0].GetCommit().GetTree().GetSHA()

	// 2. The tree when the archive is not proven whole, else the last page.
	treeOK := false
	var last []*gh.RepositoryCommit
	switch {
	case !verified:
		tree, resp, err := s.gh.Git.GetTree(ctx, owner, name, ref, true)
		switch {
		case ctx.Err() != nil:
			return out
		case isEmpty(err, resp):
			r.Empty = true
			return outcome{clean: true}
		case err != nil:
			note("file tree", err, resp)
			if out.limited {
				return out
			}
		default:
			treeOK = true
			r.Files = filesOf(tree)
			if tree.GetTruncated() {
				r.TreeTruncated = true
				r.Warnings = append(r.Warnings, fmt.Sprintf("tree truncated by GitHub after %d entries; the file list was completed from the archive where possible", len(tree.Entries)))
			}
		}
	case lastPage > 1:
		copt.Page = lastPage
		page, resp, err := s.gh.Repositories.ListCommits(ctx, owner, name, copt)
		if ctx.Err() != nil {
			return out
		}
		if err != nil {
			note("commit count", err, resp)
			if out.limited {
				return out
			}
		} else {
			last = page
		}
	}

	switch {
	case verified:
		r.Files = slices.Clone(arc.files)
		sort.Slice(r.Files, func(i, j int) bool { return r.Files[i].Path < r.Files[j].Path })
		r.Warnings = append(r.Warnings, arc.warnings...)
		r.Contents = arc.contents
		r.ContentsKnown = true
	case arc != nil:
		s.merge(r, arc, treeOK)
	}
	if historyOK {
		r.HistoryKnown = true
		r.Commits = commitsOf(commits)
		if len(commits) > 0 {
			r.HeadSHA = commits[0].GetSHA()
		}
		switch {
		case lastPage <= 1:
			r.CommitsTotal = len(commits)
		case last != nil:
			// Exact: full pages before the last, plus the last one.
			r.CommitsTotal = 100*(lastPage-1) + len(last)
		default:
			r.CommitsTotal = 100*(lastPage-1) + 1
			if !verified {
				r.Warnings = append(r.Warnings, fmt.Sprintf("history has at least %d commits (%d pages of 100): the file tree was needed, so the exact count was not fetched", r.CommitsTotal, lastPage))
			}
		}
	} else if arc != nil && arc.commit != "" {
		r.HeadSHA = arc.commit
	}
	if len(r.Files) == 0 && !r.ContentsKnown && !r.HistoryKnown {
		r.Unavailable = s.redact(strings.Join(problems, "; "))
	}
	out.clean = !failed
	return out
}

// fetchArchive asks for the archive link and reads the archive it points
// to. A nil archive means the link failed; an archive with an error was
// read in part.
func (s *Source) fetchArchive(ctx context.Context, owner, name, ref string) (*archive, *gh.Response, error) {
	link, resp, err := s.gh.Repositories.GetArchiveLink(ctx, owner, name, gh.Tarball, &gh.RepositoryContentGetOptions{Ref: ref}, 1)
	if err != nil {
		if ctx.Err() != nil {
			return nil, resp, ctx.Err()
		}
		return nil, resp, archiveErr(err, resp)
	}
	a, err := s.readArchiveAt(ctx, link)
	return a, nil, err
}

// escapeRef escapes a branch name for a URL path, keeping its slashes.
func escapeRef(ref string) string {
	parts := strings.Split(ref, "/")
	for i, p := range parts {
		parts[i] = url.PathEscape(p)
	}
	return strings.Join(parts, "/")
}

// isEmpty recognises GitHub's answer for a repository without commits.
func isEmpty(err error, resp *gh.Response) bool {
	return err != nil && resp != nil && resp.StatusCode == http.StatusConflict
}

// archiveErr gives GetArchiveLink's bare "unexpected status" errors the
// status text the other calls have.
func archiveErr(err error, resp *gh.Response) error {
	if resp != nil && resp.StatusCode != http.StatusFound {
		return fmt.Errorf("GitHub answered %s instead of a redirect to the archive", resp.Status)
	}
	return err
}

func (s *Source) readArchiveAt(ctx context.Context, link *url.URL) (*archive, error) {
	// The download goes to another host on github.com (codeload), which
	// does not count against the rate limit; on one host it still should not.
	ctx = context.WithValue(ctx, uncountedKey{}, true)
	for try := 0; ; try++ {
		a, err, again := s.download1(ctx, link)
		if !again || try >= s.retries || ctx.Err() != nil {
			return a, err
		}
		d := min(backoff(try+1, s.backoff), 30*time.Second)
		s.logf("%s; retrying in %s (%d of %d)", err, d.Round(time.Millisecond), try+1, s.retries)
		if err := s.sleep(ctx, d); err != nil {
			return nil, err
		}
	}
}

// download1 tries the download once; again says whether the failure is
// worth another try (server errors, timeouts, broken connections).
func (s *Source) download1(ctx context.Context, link *url.URL) (a *archive, err error, again bool) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, link.String(), nil)
	if err != nil {
		return nil, err, false
	}
	req.Header.Set("User-Agent", s.userAgent)
	resp, err := s.download.Do(req)
	if err != nil {
		if ctx.Err() != nil {
			return nil, ctx.Err(), false
		}
		return nil, fmt.Errorf("archive download from %s failed: %s", link.Host, netCause(err)), retryable(err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("archive download from %s answered %s", link.Host, resp.Status), resp.StatusCode >= 500
	}
	a, err = readArchive(resp.Body, func(string) bool { return true }, s.lim)
	if err != nil && ctx.Err() != nil {
		return nil, ctx.Err(), false
	}
	var te interface{ Timeout() bool }
	if err != nil && errors.As(err, &te) && te.Timeout() {
		return a, fmt.Errorf("archive download from %s timed out after %s", link.Host, s.download.Timeout), true
	}
	return a, err, false
}

// merge puts what the archive holds into r. With a complete tree only the
// tree's paths are kept (archives drop export-ignore'd files, and anything
// else there is not in the repository); with a truncated or missing tree
// the archive's paths complete the file list.
func (s *Source) merge(r *snapshot.Repo, a *archive, treeOK bool) bool {
	r.Warnings = append(r.Warnings, a.warnings...)
	complete := treeOK && !r.TreeTruncated
	if !complete {
		known := map[string]bool{}
		for _, f := range r.Files {
			known[f.Path] = true
		}
		added := 0
		for _, f := range a.files {
			if !known[f.Path] {
				known[f.Path] = true
				r.Files = append(r.Files, f)
				added++
			}
		}
		if added > 0 {
			sort.Slice(r.Files, func(i, j int) bool { return r.Files[i].Path < r.Files[j].Path })
		}
		if !treeOK && added > 0 {
			r.Warnings = append(r.Warnings, "file list taken from the archive: files excluded by export-ignore are missing")
		}
	}
	r.Contents = map[string][]byte{}
	for p, b := range a.contents {
		if f, ok := r.File(p); ok && f.Kind == "blob" {
			r.Contents[p] = b
		}
	}
	r.ContentsKnown = a.complete || len(r.Contents) > 0
	return r.ContentsKnown
}

func filesOf(t *gh.Tree) []snapshot.File {
	files := make([]snapshot.File, 0, len(t.Entries))
	for _, e := range t.Entries {
		f := snapshot.File{Path: e.GetPath(), Size: int64(e.GetSize())}
		switch {
		case e.GetType() == "commit" || e.GetMode() == "160000":
			f.Kind = "submodule"
		case e.GetMode() == "120000":
			f.Kind = "symlink"
		case e.GetType() == "blob":
			f.Kind = "blob"
			f.Executable = e.GetMode() == "100755"
		default:
			continue // directories
		}
		if !safePath(f.Path) {
			continue
		}
		files = append(files, f)
	}
	sort.Slice(files, func(i, j int) bool { return files[i].Path < files[j].Path })
	return files
}

func commitsOf(cs []*gh.RepositoryCommit) []snapshot.Commit {
	out := make([]snapshot.Commit, 0, len(cs))
	for _, c := range cs {
		gc := c.GetCommit()
		out = append(out, snapshot.Commit{
			SHA:            c.GetSHA(),
			Message:        gc.GetMessage(),
			AuthorName:     gc.GetAuthor().GetName(),
			AuthorEmail:    gc.GetAuthor().GetEmail(),
			AuthorLogin:    c.GetAuthor().GetLogin(),
			AuthorDate:     gc.GetAuthor().GetDate().Time.UTC(),
			CommitterName:  gc.GetCommitter().GetName(),
			CommitterEmail: gc.GetCommitter().GetEmail(),
			CommitterLogin: c.GetCommitter().GetLogin(),
			CommitterDate:  gc.GetCommitter().GetDate().Time.UTC(),
			Parents:        len(c.Parents),
		})
	}
	return out
}
