package local

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"path"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/pathway-dev/pathway/internal/snapshot"
)

// checkout is what a quick look at a repository tells: enough to name it,
// order it by recency and decide whether to read it in full.
type checkout struct {
	dir      string // absolute, symlinks resolved
	folder   string // base name of dir
	name     string
	owner    string // from origin, "" when unknown
	host     string
	shallow  bool
	head     string
	headTime time.Time // committer date of HEAD
	branch   string
}

// probe checks that dir is a checkout with commits and reads its identity.
// Its errors complete a sentence that starts with the path.
func (s *Source) probe(ctx context.Context, dir string) (*checkout, error) {
	out, err := s.run(ctx, dir, "rev-parse", "--is-shallow-repository", "--show-toplevel")
	if err != nil {
		if ctx.Err() != nil {
			return nil, err
		}
		return nil, fmt.Errorf("is not a git repository that git can read (git says: %s): check its .git or clone it again", gitSays(err))
	}
	lines := strings.Split(strings.TrimSpace(string(out)), "\n")
	if len(lines) < 2 {
		return nil, fmt.Errorf("is not a git checkout (git found no work tree): pass a checkout, not a bare repository")
	}
	c := &checkout{dir: dir, folder: filepath.Base(dir), shallow: lines[0] == "true"}

	out, err = s.run(ctx, dir, "log", "-1", "--format=%H%x00%cI", "HEAD", "--")
	if err != nil {
		if ctx.Err() != nil {
			return nil, err
		}
		if _, verr := s.run(ctx, dir, "rev-parse", "-q", "--verify", "HEAD^{commit}"); exitCode(verr) == 1 {
			return nil, errors.New("has no commits yet: commit your work first")
		}
		return nil, fmt.Errorf("has a HEAD that git cannot read (git says: %s)", gitSays(err))
	}
	sha, date, _ := strings.Cut(strings.TrimSpace(string(out)), "\x00")
	c.head = sha
	if c.headTime, err = parseTime(date); err != nil {
		return nil, fmt.Errorf("has a HEAD commit with an unreadable date %q", date)
	}

	if out, err := s.run(ctx, dir, "symbolic-ref", "-q", "--short", "HEAD"); err == nil {
		c.branch = strings.TrimSpace(string(out))
	} else if out, err := s.run(ctx, dir, "symbolic-ref", "-q", "--short", "refs/remotes/origin/HEAD"); err == nil {
		// Detached HEAD, as CI checks out: the remote's default branch is
		// the best name for what was checked out.
		c.branch = strings.TrimPrefix(strings.TrimSpace(string(out)), "origin/")
	}
	if ctx.Err() != nil {
		return nil, ctx.Err()
	}

	if out, err := s.run(ctx, dir, "remote", "get-url", "origin"); err == nil {
		c.host, c.owner, c.name, _ = parseRemote(strings.TrimSpace(string(out)))
	}
	if ctx.Err() != nil {
		return nil, ctx.Err()
	}
	if c.name == "" {
		c.name = c.folder
	}
	return c, nil
}

// load reads a probed checkout in full: tree and contents beside history.
func (s *Source) load(ctx context.Context, c *checkout) (*snapshot.Repo, error) {
	r := &snapshot.Repo{
		Name:          c.name,
		FullName:      c.name,
		Owner:         c.owner,
		DefaultBranch: c.branch,
		PushedAt:      c.headTime,
		HeadSHA:       c.head,
		Files:         []snapshot.File{},
		CommitsTotal:  -1,
		Shallow:       c.shallow,
	}
	if c.owner != "" {
		r.FullName = c.owner + "/" + c.name
		if c.host == "github.com" {
			r.HTMLURL = "https://github.com/" + r.FullName
		}
	}

	var (
		wg               sync.WaitGroup
		treeErr, histErr error
		treeWarn         []string
		histWarn         []string
	)
	wg.Go(func() { treeWarn, treeErr = s.loadTree(ctx, c, r) })
	wg.Go(func() { histWarn, histErr = s.loadHistory(ctx, c, r) })
	wg.Wait()
	if err := firstErr(treeErr, histErr); err != nil {
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		// One unreadable repository (a partial clone whose blobs are gone
		// and whose remote is unreachable, a corrupt pack) must not sink
		// the others: it is reported as unavailable, with no half-read data.
		r.Files, r.Contents, r.ContentsKnown, r.SizeKB = []snapshot.File{}, nil, false, 0
		r.Commits, r.CommitsTotal, r.HistoryKnown, r.CreatedAt = nil, -1, false, time.Time{}
		r.Unavailable = fmt.Sprintf("git could not read %s: %v", c.dir, err)
		r.Warnings = []string{"not audited: " + r.Unavailable}
		return r, nil
	}
	r.Warnings = append(treeWarn, histWarn...)
	return r, nil
}

func firstErr(errs ...error) error {
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

// loadTree lists the HEAD tree and reads the text blobs worth reading.
func (s *Source) loadTree(ctx context.Context, c *checkout, r *snapshot.Repo) ([]string, error) {
	out, err := s.run(ctx, c.dir, "ls-tree", "-r", "-l", "-z", "--full-tree", c.head)
	if err != nil {
		return nil, fmt.Errorf("listing the files at HEAD: %w", err)
	}
	type want struct {
		path, sha string
		size      int64
	}
	var (
		wants []want
		total int64
	)
	for rec := range bytes.SplitSeq(out, []byte{0}) {
		if len(rec) == 0 {
			continue
		}
		meta, p, ok := bytes.Cut(rec, []byte{'\t'})
		fields := strings.Fields(string(meta))
		if !ok || len(fields) != 4 {
			continue
		}
		mode, typ, sha := fields[0], fields[1], fields[2]
		size, _ := strconv.ParseInt(fields[3], 10, 64) // "-" for submodules
		f := snapshot.File{Path: string(p), Size: size}
		switch {
		case typ == "commit":
			f.Kind, f.Size = "submodule", 0
		case typ == "blob" && mode == "120000":
			f.Kind = "symlink" // its blob is the target; never read or followed
		case typ == "blob":
			f.Kind = "blob"
			f.Executable = mode == "100755"
			total += size
			if size <= s.maxFileBytes && !binaryExt(f.Path) {
				wants = append(wants, want{f.Path, sha, size})
			}
		default:
			continue
		}
		r.Files = append(r.Files, f)
	}
	slices.SortFunc(r.Files, func(a, b snapshot.File) int { return strings.Compare(a.Path, b.Path) })
	r.SizeKB = int((total + 1023) / 1024)

	// Small files first: manifests, configs, READMEs and source all fit long
	// before a few large files would eat the budget.
	slices.SortFunc(wants, func(a, b want) int {
		if a.size != b.size {
			return int(a.size - b.size)
		}
		return strings.Compare(a.path, b.path)
	})
	var (
		budget = s.maxRepoBytes
		shas   []string
		paths  = map[string][]string{}
		capped int
	)
	r.Contents = map[string][]byte{}
	for _, w := range wants {
		if w.size == 0 {
			r.Contents[w.path] = []byte{}
			continue
		}
		if _, dup := paths[w.sha]; dup {
			paths[w.sha] = append(paths[w.sha], w.path)
			continue
		}
		if w.size > budget {
			capped++
			continue
		}
		budget -= w.size
		shas = append(shas, w.sha)
		paths[w.sha] = []string{w.path}
	}
	blobs, missing, err := s.catFile(ctx, c.dir, shas)
	if err != nil {
		return nil, fmt.Errorf("reading committed files: %w", err)
	}
	for sha, b := range blobs {
		for _, p := range paths[sha] {
			r.Contents[p] = b
		}
	}
	r.ContentsKnown = true
	var warns []string
	if capped > 0 {
		warns = append(warns, fmt.Sprintf("%d files were not read: the %s content budget per repository was spent on smaller files", capped, sizeText(s.maxRepoBytes)))
	}
	if missing > 0 {
		warns = append(warns, fmt.Sprintf("%d files were not read: their contents are not in this clone (partial clone); run `git fetch --refetch` or clone without --filter", missing))
	}
	return warns, nil
}

func sizeText(n int64) string {
	switch {
	case n >= 1<<20 && n%(1<<20) == 0:
		return fmt.Sprintf("%d MiB", n>>20)
	case n >= 1<<10 && n%(1<<10) == 0:
		return fmt.Sprintf("%d KiB", n>>10)
	}
	return fmt.Sprintf("%d bytes", n)
}

// catFile reads blobs through one `git cat-file --batch` and keeps the text
// ones. missing counts blobs absent from the object store.
func (s *Source) catFile(ctx context.Context, dir string, shas []string) (map[string][]byte, int, error) {
	blobs := make(map[string][]byte, len(shas))
	if len(shas) == 0 {
		return blobs, 0, nil
	}
	cmd := s.command(ctx, dir, "cat-file", "--batch")
	stdin, err := cmd.StdinPipe()
	if err != nil {
		return nil, 0, err
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return nil, 0, err
	}
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		return nil, 0, err
	}
	// Feed names while reading answers: with both sides buffered by pipes,
	// writing everything first would deadlock on a large tree.
	go func() {
		w := bufio.NewWriterSize(stdin, 64<<10)
		for _, sha := range shas {
			if _, err := w.WriteString(sha + "\n"); err != nil {
				break
			}
		}
		w.Flush()
		stdin.Close()
	}()
	missing, rerr := readBatch(bufio.NewReaderSize(stdout, 256<<10), len(shas), blobs)
	if rerr != nil {
		// Unblock and end git before reporting.
		_ = cmd.Process.Kill()
	}
	werr := cmd.Wait()
	if ctx.Err() != nil {
		return nil, 0, ctx.Err()
	}
	if rerr != nil {
		return nil, 0, fmt.Errorf("git cat-file --batch: %w (%s)", rerr, strings.TrimSpace(stderr.String()))
	}
	if werr != nil {
		return nil, 0, fmt.Errorf("git cat-file --batch: %w (%s)", werr, strings.TrimSpace(stderr.String()))
	}
	return blobs, missing, nil
}

func readBatch(br *bufio.Reader, n int, blobs map[string][]byte) (missing int, err error) {
	for range n {
		header, err := br.ReadString('\n')
		if err != nil {
			return missing, fmt.Errorf("reading an object header: %w", err)
		}
		f := strings.Fields(header)
		if len(f) == 2 && f[1] == "missing" {
			missing++
			continue
		}
		if len(f) != 3 {
			return missing, fmt.Errorf("unexpected object header %q", strings.TrimSpace(header))
		}
		size, err := strconv.ParseInt(f[2], 10, 64)
		if err != nil || size < 0 {
			return missing, fmt.Errorf("unexpected object header %q", strings.TrimSpace(header))
		}
		buf := make([]byte, size+1) // content and git's closing newline
		if _, err := io.ReadFull(br, buf); err != nil {
			return missing, fmt.Errorf("reading object %s: %w", f[0], err)
		}
		buf = buf[:size:size]
		if f[1] == "blob" && !binary(buf) {
			blobs[f[0]] = buf
		}
	}
	return missing, nil
}

// binary uses git's own test: a NUL byte near the start.
func binary(b []byte) bool {
	return bytes.IndexByte(b[:min(len(b), 8<<10)], 0) >= 0
}

// binaryExt names formats that are never text, so their bytes are not read
// only to be thrown away.
func binaryExt(p string) bool {
	switch strings.ToLower(path.Ext(p)) {
	case ".png", ".jpg", ".jpeg", ".gif", ".ico", ".webp", ".bmp", ".tif", ".tiff", ".psd",
		".pdf", ".zip", ".gz", ".tgz", ".bz2", ".xz", ".7z", ".rar", ".jar", ".war", ".ear",
		".class", ".so", ".dll", ".exe", ".dylib", ".o", ".a", ".lib", ".pyc", ".pyo",
		".woff", ".woff2", ".ttf", ".otf", ".eot", ".mp3", ".mp4", ".mov", ".avi", ".wav",
		".ogg", ".webm", ".flac", ".sqlite", ".sqlite3", ".db", ".bin", ".dat":
		return true
	}
	return false
}

// logFormat is one commit as NUL-separated fields; with -z each commit also
// ends in NUL, so no message or name can be mistaken for a separator.
const (
	logFormat = "--format=%H%x00%P%x00%an%x00%ae%x00%aI%x00%cn%x00%ce%x00%cI%x00%B"
	logFields = 9
)

// loadHistory reads the latest commits, the total count and the first
// commit's date. A shallow clone's history is cut, so it stays unknown.
func (s *Source) loadHistory(ctx context.Context, c *checkout, r *snapshot.Repo) ([]string, error) {
	out, err := s.run(ctx, c.dir, "log", "-z", "-n", strconv.Itoa(s.maxCommits), logFormat, c.head, "--")
	if err != nil {
		return nil, fmt.Errorf("reading the history: %w", err)
	}
	commits, err := parseLog(out)
	if err != nil {
		return nil, fmt.Errorf("reading the history: %w", err)
	}
	r.Commits = commits
	if c.shallow {
		return []string{"shallow clone: history facts are unknown; fetch the full history (`fetch-depth: 0` with actions/checkout, or `git fetch --unshallow`)"}, nil
	}

	out, err = s.run(ctx, c.dir, "rev-list", "--count", c.head)
	if err != nil {
		return nil, fmt.Errorf("counting commits: %w", err)
	}
	total, err := strconv.Atoi(strings.TrimSpace(string(out)))
	if err != nil {
		return nil, fmt.Errorf("counting commits: unexpected output %q", strings.TrimSpace(string(out)))
	}
	r.CommitsTotal = total

	// The repository began with its oldest root commit; the authored date
	// survives rebases.
	if total > len(commits) {
		out, err := s.run(ctx, c.dir, "log", "--max-parents=0", "--format=%aI", c.head, "--")
		if err != nil {
			return nil, fmt.Errorf("finding the first commit: %w", err)
		}
		for line := range strings.FieldsSeq(string(out)) {
			if t, err := parseTime(line); err == nil && (r.CreatedAt.IsZero() || t.Before(r.CreatedAt)) {
				r.CreatedAt = t
			}
		}
	} else {
		for _, cm := range commits {
			if cm.Parents == 0 && (r.CreatedAt.IsZero() || cm.AuthorDate.Before(r.CreatedAt)) {
				r.CreatedAt = cm.AuthorDate
			}
		}
	}
	r.HistoryKnown = true
	return nil, nil
}

func parseLog(out []byte) ([]snapshot.Commit, error) {
	fields := strings.Split(string(out), "\x00")
	if n := len(fields); n%logFields == 1 && fields[n-1] == "" {
		fields = fields[:n-1]
	}
	if len(fields)%logFields != 0 {
		return nil, fmt.Errorf("unexpected git log output (%d fields)", len(fields))
	}
	commits := make([]snapshot.Commit, 0, len(fields)/logFields)
	for i := 0; i < len(fields); i += logFields {
		f := fields[i : i+logFields]
		ad, err := parseTime(f[4])
		if err != nil {
			return nil, fmt.Errorf("commit %s: author date %q", f[0], f[4])
		}
		cd, err := parseTime(f[7])
		if err != nil {
			return nil, fmt.Errorf("commit %s: committer date %q", f[0], f[7])
		}
		commits = append(commits, snapshot.Commit{
			SHA:            f[0],
			Parents:        len(strings.Fields(f[1])),
			AuthorName:     f[2],
			AuthorEmail:    f[3],
			AuthorDate:     ad,
			CommitterName:  f[5],
			CommitterEmail: f[6],
			CommitterDate:  cd,
			// As the GitHub API gives it: no trailing newline.
			Message: strings.TrimRight(f[8], "\n"),
		})
	}
	return commits, nil
}

// parseTime reads git's strict ISO 8601 and keeps UTC, as the GitHub API
// reports times, so both sources give equal values.
func parseTime(s string) (time.Time, error) {
	t, err := time.Parse(time.RFC3339, strings.TrimSpace(s))
	if err != nil {
		return time.Time{}, err
	}
	return t.UTC(), nil
}
