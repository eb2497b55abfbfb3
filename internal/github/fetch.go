package github

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"sort"
	"strings"
	"sync"
	"time"

	gh "github.com/google/go-github/v60/github"

	"github.com/pathway-dev/pathway/internal/snapshot"
)

// Snapshot audits login's public repositories. Per user it costs one
// request for the profile, one per 100 repositories and one search; per
// audited repository three (tree, archive link, commits), four when the
// history has more than 100 commits. Excluded and empty repositories cost
// nothing beyond the listing.
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
	if snap.Profile.Type == "Organization" {
		snap.Warnings = append(snap.Warnings, fmt.Sprintf("%s is an organization, not a user: auditing its public repositories", login))
	}
	repos, err := s.listRepos(ctx, login)
	if err != nil {
		return nil, err
	}
	if w := s.externalPRs(ctx, &snap.Profile); w != "" {
		snap.Warnings = append(snap.Warnings, w)
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
	if err := s.fetchAll(ctx, snap, todo, opts.Progress); err != nil {
		return nil, err
	}
	return snap, nil
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

// fetchAll fills todo with s.concurrency workers. Results stay where the
// repositories are in the snapshot, so the order does not depend on timing.
// A rate limit stops further fetching and marks the snapshot partial.
func (s *Source) fetchAll(ctx context.Context, snap *snapshot.Snapshot, todo []*snapshot.Repo, progress func(done, total int, repo string)) error {
	var (
		mu      sync.Mutex
		done    int
		stopped string // why fetching stopped, once it has
		skipped int
	)
	jobs := make(chan *snapshot.Repo)
	var wg sync.WaitGroup
	for range min(s.concurrency, max(len(todo), 1)) {
		wg.Go(func() {
			for r := range jobs {
				mu.Lock()
				why := stopped
				mu.Unlock()
				if why == "" && ctx.Err() == nil {
					if limited, at := s.fetchRepo(ctx, r); limited {
						mu.Lock()
						if stopped == "" {
							stopped = s.rateError(at).Error()
						}
						mu.Unlock()
					}
				} else if why != "" {
					mu.Lock()
					r.Unavailable = "not fetched: " + strings.TrimPrefix(why, snapshot.ErrRateLimited.Error()+": ")
					mu.Unlock()
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
	if stopped != "" {
		snap.Partial = true
		skipped = 0
		for _, r := range todo {
			if r.Unavailable != "" {
				skipped++
			}
		}
		snap.Warnings = append(snap.Warnings, fmt.Sprintf("%s; %d of %d repositories were not fetched", strings.TrimPrefix(stopped, snapshot.ErrRateLimited.Error()+": "), skipped, len(todo)))
	}
	return nil
}

// fetchRepo reads r's tree, archive and history. Failures become warnings
// on r; it reports a rate limit so the caller can stop.
func (s *Source) fetchRepo(ctx context.Context, r *snapshot.Repo) (limited bool, reset time.Time) {
	var problems []string
	note := func(what string, err error, resp *gh.Response) (stop bool) {
		if ok, at := rateLimited(err, resp); ok {
			limited, reset = true, at
			r.Warnings = append(r.Warnings, what+": GitHub rate limit reached")
			problems = append(problems, "GitHub rate limit reached")
			return true
		}
		msg := s.describe(err)
		if resp != nil && resp.StatusCode == http.StatusUnavailableForLegalReasons {
			msg = "blocked for legal reasons (451): " + msg
		}
		r.Warnings = append(r.Warnings, s.redact(what+" could not be read: "+msg))
		problems = append(problems, what+": "+msg)
		return false
	}
	owner, name := r.Owner, r.Name
	ref := escapeRef(r.DefaultBranch)

	// 1. The tree: the authoritative file list.
	treeOK := false
	tree, resp, err := s.gh.Git.GetTree(ctx, owner, name, ref, true)
	switch {
	case isEmpty(err, resp):
		r.Empty = true
		return
	case ctx.Err() != nil:
		return
	case err != nil:
		if note("file tree", err, resp) {
			return s.giveUp(r, problems, limited, reset)
		}
	default:
		treeOK = true
		r.Files = filesOf(tree)
		if tree.GetTruncated() {
			r.TreeTruncated = true
			r.Warnings = append(r.Warnings, fmt.Sprintf("tree truncated by GitHub after %d entries; the file list was completed from the archive where possible", len(tree.Entries)))
		}
	}

	// 2. The archive: file contents without a request per file.
	archiveOK := false
	link, resp, err := s.gh.Repositories.GetArchiveLink(ctx, owner, name, gh.Tarball, &gh.RepositoryContentGetOptions{Ref: ref}, 1)
	switch {
	case isEmpty(err, resp):
		r.Empty = true
		return
	case ctx.Err() != nil:
		return
	case err != nil:
		if note("archive", archiveErr(err, resp), resp) {
			return s.giveUp(r, problems, limited, reset)
		}
	default:
		a, err := s.readArchiveAt(ctx, link)
		if ctx.Err() != nil {
			return
		}
		if a != nil {
			archiveOK = s.merge(r, a, treeOK)
		}
		if err != nil {
			note("archive", err, nil)
		}
	}

	// 3. The history: the latest 100 commits and the total.
	copt := &gh.CommitsListOptions{SHA: r.DefaultBranch, ListOptions: gh.ListOptions{PerPage: 100}}
	commits, resp, err := s.gh.Repositories.ListCommits(ctx, owner, name, copt)
	historyOK := false
	switch {
	case isEmpty(err, resp):
		r.Empty = true
		return
	case ctx.Err() != nil:
		return
	case err != nil:
		note("commit history", err, resp)
	default:
		historyOK = true
		r.HistoryKnown = true
		r.Commits = commitsOf(commits)
		if len(commits) > 0 {
			r.HeadSHA = commits[0].GetSHA()
		}
		r.CommitsTotal = len(commits)
		if resp.LastPage > 1 {
			// Exact total: full pages before the last, plus the last one.
			copt.Page = resp.LastPage
			last, resp2, err := s.gh.Repositories.ListCommits(ctx, owner, name, copt)
			if err != nil {
				r.CommitsTotal = -1
				note("commit count", err, resp2)
			} else {
				r.CommitsTotal = 100*(resp.LastPage-1) + len(last)
			}
		}
	}
	if !treeOK && !archiveOK && !historyOK {
		return s.giveUp(r, problems, limited, reset)
	}
	return limited, reset
}

// giveUp marks r unavailable when nothing of it could be read.
func (s *Source) giveUp(r *snapshot.Repo, problems []string, limited bool, reset time.Time) (bool, time.Time) {
	if len(r.Files) == 0 && !r.ContentsKnown && !r.HistoryKnown {
		r.Unavailable = s.redact(strings.Join(problems, "; "))
	}
	return limited, reset
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
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, link.String(), nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("User-Agent", s.userAgent)
	resp, err := s.download.Do(req)
	if err != nil {
		return nil, fmt.Errorf("archive download from %s failed: %s", link.Host, netCause(err))
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("archive download from %s answered %s", link.Host, resp.Status)
	}
	return readArchive(resp.Body, func(string) bool { return true }, s.lim)
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
