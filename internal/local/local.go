// Package local is the source that audits git checkouts on disk: a CI job's
// `--local .`, or a coach's folder of cloned candidate repositories.
//
// It drives the git command rather than go-git. git is present wherever a
// checkout is (it made the checkout), it reads every repository format git
// itself writes (packs, reftables, worktrees, shallow and partial clones, new
// object formats) without us tracking go-git's gaps, and one `git log` or one
// `git cat-file --batch` process over thousands of commits and files is far
// faster than go-git's pure-Go object walk. The price is a process per query,
// a few milliseconds each.
//
// Only what is committed at HEAD counts: files come from the HEAD tree and
// contents from the object store, never from the working tree, so build
// output, ignored files, uncommitted edits and symlink targets are never read.
package local

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/pathway-dev/pathway/internal/snapshot"
)

// Limits. The commit cap matches the GitHub source so both sources yield the
// same facts for the same content.
const (
	maxCommits   = 100
	maxFileBytes = 1 << 20
	maxRepoBytes = 64 << 20
)

// Source audits local git checkouts with the git command.
type Source struct {
	git string
	// Limits, changeable by tests of this package.
	maxCommits   int
	maxFileBytes int64
	maxRepoBytes int64
	workers      int
}

var _ snapshot.Source = (*Source)(nil)

// New finds the git command.
func New() (*Source, error) {
	git, err := exec.LookPath("git")
	if err != nil {
		return nil, fmt.Errorf("local audit needs the git command, which was not found in PATH: install git (https://git-scm.com/downloads) or add it to PATH")
	}
	return &Source{
		git:          git,
		maxCommits:   maxCommits,
		maxFileBytes: maxFileBytes,
		maxRepoBytes: maxRepoBytes,
		workers:      min(max(runtime.NumCPU(), 1), 4),
	}, nil
}

// Snapshot audits one path, so the local source can stand wherever a
// snapshot.Source is expected.
func (s *Source) Snapshot(ctx context.Context, subject string, opts snapshot.Options) (*snapshot.Snapshot, error) {
	return s.Load(ctx, []string{subject}, opts)
}

// invalidError is bad input about a path; it unwraps to
// snapshot.ErrInvalidSubject so the command exits 2.
type invalidError struct{ msg string }

func (e *invalidError) Error() string { return e.msg }
func (e *invalidError) Unwrap() error { return snapshot.ErrInvalidSubject }

func invalidf(format string, a ...any) error {
	return &invalidError{msg: fmt.Sprintf(format, a...)}
}

// Load audits paths: each is a git checkout, or a folder whose immediate
// subfolders are checkouts. All of them make one snapshot. A broken checkout
// inside a folder becomes a warning; a path given directly that does not
// exist, is not a git checkout or has no commits is an error wrapping
// snapshot.ErrInvalidSubject. A checkout that passes the first look but whose
// files or history git then cannot read is kept with Repo.Unavailable set.
//
// Repositories come newest HEAD commit first (ties by name); opts.MaxRepos
// keeps the first N, and only those are read in full. The subject's login is
// the owner every origin remote names, else the first path's folder name.
// Cancelling ctx kills the running git processes and returns ctx's error.
func (s *Source) Load(ctx context.Context, paths []string, opts snapshot.Options) (*snapshot.Snapshot, error) {
	if len(paths) == 0 {
		return nil, invalidf("no path to audit: pass a git checkout or a folder of checkouts")
	}
	snap := &snapshot.Snapshot{Profile: snapshot.Profile{Kind: "local"}}
	var found []*checkout
	seen := map[string]bool{}
	for _, p := range paths {
		cs, warns, err := s.discover(ctx, p)
		if err != nil {
			return nil, err
		}
		snap.Warnings = append(snap.Warnings, warns...)
		for _, c := range cs {
			if seen[c.dir] {
				continue // the same checkout reached twice
			}
			seen[c.dir] = true
			found = append(found, c)
		}
	}
	if len(found) == 0 {
		return nil, invalidf("no readable git checkout in %s: %s", strings.Join(paths, ", "), strings.Join(snap.Warnings, "; "))
	}

	snap.Profile.Login = subjectLogin(found, paths[0])
	slices.SortStableFunc(found, func(a, b *checkout) int {
		if c := b.headTime.Compare(a.headTime); c != 0 {
			return c
		}
		if c := strings.Compare(a.name, b.name); c != 0 {
			return c
		}
		return strings.Compare(a.dir, b.dir)
	})
	if opts.MaxRepos > 0 && len(found) > opts.MaxRepos {
		found = found[:opts.MaxRepos]
	}
	snap.Warnings = append(snap.Warnings, uniqueNames(found)...)

	repos, err := s.loadAll(ctx, found, opts)
	if err != nil {
		return nil, err
	}
	snap.Repos = repos
	return snap, nil
}

// loadAll reads the checkouts a few at a time, keeping their order.
func (s *Source) loadAll(parent context.Context, cs []*checkout, opts snapshot.Options) ([]*snapshot.Repo, error) {
	ctx, cancel := context.WithCancel(parent)
	defer cancel()
	repos := make([]*snapshot.Repo, len(cs))
	errs := make([]error, len(cs))
	var (
		mu   sync.Mutex
		done int
		wg   sync.WaitGroup
	)
	next := make(chan int)
	for range min(max(s.workers, 1), len(cs)) {
		wg.Go(func() {
			for i := range next {
				repos[i], errs[i] = s.load(ctx, cs[i])
				if errs[i] != nil {
					cancel() // one failure ends the audit; stop the others' git
					continue
				}
				if opts.Progress != nil {
					mu.Lock()
					done++
					opts.Progress(done, len(cs), repos[i].Name)
					mu.Unlock()
				}
			}
		})
	}
feed:
	for i := range cs {
		select {
		case next <- i:
		case <-ctx.Done():
			break feed
		}
	}
	close(next)
	wg.Wait()
	// The caller's cancellation is the cause worth reporting, not the git
	// processes it killed.
	if err := parent.Err(); err != nil {
		return nil, fmt.Errorf("local audit stopped: %w", err)
	}
	for _, err := range errs {
		if err != nil && !errors.Is(err, context.Canceled) {
			return nil, err
		}
	}
	return repos, nil
}

// discover turns one PATH into the checkouts it names.
func (s *Source) discover(ctx context.Context, path string) ([]*checkout, []string, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, nil, invalidf("%s: cannot resolve the path: %v", path, err)
	}
	fi, err := os.Stat(abs)
	switch {
	case errors.Is(err, os.ErrNotExist):
		return nil, nil, invalidf("%s does not exist: pass a git checkout or a folder of checkouts", path)
	case err != nil:
		return nil, nil, invalidf("%s cannot be read: %v", path, err)
	case !fi.IsDir():
		return nil, nil, invalidf("%s is a file, not a folder: pass a git checkout or a folder of checkouts", path)
	}
	dir, err := filepath.EvalSymlinks(abs)
	if err != nil {
		return nil, nil, invalidf("%s cannot be read: %v", path, err)
	}

	if hasGit(dir) {
		c, err := s.probe(ctx, dir)
		if err != nil {
			if ctx.Err() != nil {
				return nil, nil, fmt.Errorf("local audit stopped: %w", ctx.Err())
			}
			return nil, nil, invalidf("%s %v", path, err)
		}
		return []*checkout{c}, nil, nil
	}

	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, nil, invalidf("%s cannot be listed: %v", path, err)
	}
	var (
		cs     []*checkout
		warns  []string
		plain  []string
		broken int
	)
	for _, e := range entries {
		sub := filepath.Join(dir, e.Name())
		if fi, err := os.Stat(sub); err != nil || !fi.IsDir() {
			continue
		}
		shown := filepath.Join(path, e.Name())
		if !hasGit(sub) {
			if !strings.HasPrefix(e.Name(), ".") {
				plain = append(plain, shown)
			}
			continue
		}
		c, err := s.probe(ctx, sub)
		if err != nil {
			if ctx.Err() != nil {
				return nil, nil, fmt.Errorf("local audit stopped: %w", ctx.Err())
			}
			broken++
			warns = append(warns, fmt.Sprintf("skipped %s: it %v", shown, err))
			continue
		}
		cs = append(cs, c)
	}
	if len(cs) > 0 || broken > 0 {
		for _, p := range plain {
			warns = append(warns, fmt.Sprintf("skipped %s: not a git checkout (no .git)", p))
		}
		return cs, warns, nil
	}
	if top := s.enclosing(ctx, dir); top != "" {
		return nil, nil, invalidf("%s is inside the git checkout %s, not the top of one: pass %s", path, top, top)
	}
	return nil, nil, invalidf("%s is not a git repository and none of its immediate subfolders is one: pass a git checkout (a folder with .git) or a folder of checkouts", path)
}

func hasGit(dir string) bool {
	_, err := os.Lstat(filepath.Join(dir, ".git"))
	return err == nil
}

// subjectLogin is the owner every checkout's origin names, or else the
// folder name of the first path.
func subjectLogin(cs []*checkout, first string) string {
	owner := cs[0].owner
	for _, c := range cs {
		if c.owner == "" || !strings.EqualFold(c.owner, owner) {
			owner = ""
			break
		}
	}
	if owner != "" {
		return owner
	}
	abs, err := filepath.Abs(first)
	if err != nil {
		abs = first
	}
	return filepath.Base(abs)
}

// uniqueNames renames checkouts whose names clash (two clones of one remote,
// or same-named folders under different paths): reports key repositories by
// name.
func uniqueNames(cs []*checkout) []string {
	var warns []string
	used := map[string]bool{}
	for _, c := range cs {
		if !used[c.name] {
			used[c.name] = true
			continue
		}
		old := c.name
		name := c.folder
		for n := 2; used[name]; n++ {
			name = c.folder + "-" + strconv.Itoa(n)
		}
		c.name = name
		used[name] = true
		warns = append(warns, fmt.Sprintf("two checkouts are named %q: the one in %s is reported as %q", old, c.dir, name))
	}
	return warns
}
