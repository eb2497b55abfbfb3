package local

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/pathway-dev/pathway/internal/snapshot"
)

func newSource(t *testing.T) *Source {
	t.Helper()
	s, err := New()
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func date(s string) time.Time {
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		panic(err)
	}
	return t.UTC()
}

// treeOf is the HEAD tree the fixture's files make: what git would list.
func treeOf(files ...map[string]file) []snapshot.File {
	all := map[string]file{}
	for _, m := range files {
		maps.Copy(all, m)
	}
	var out []snapshot.File
	for p, f := range all {
		sf := snapshot.File{Path: p, Size: int64(len(f.content)), Kind: "blob", Executable: f.exec}
		if f.link != "" {
			sf = snapshot.File{Path: p, Size: int64(len(f.link)), Kind: "symlink"}
		}
		out = append(out, sf)
	}
	return out
}

// contentsOf is every regular file's content except the paths named.
func contentsOf(files []map[string]file, except ...string) map[string][]byte {
	out := map[string][]byte{}
	for _, m := range files {
		for p, f := range m {
			if f.link == "" {
				out[p] = []byte(f.content)
			}
		}
	}
	for _, p := range except {
		delete(out, p)
	}
	return out
}

func wantTodo(fx *fixtures) *snapshot.Repo {
	layers := []map[string]file{todoFiles1, todoFiles2, {"app.py": {content: todoAppV2}, ".gitmodules": {content: gitmodules}}}
	files := append(treeOf(layers...), snapshot.File{Path: "vendor/flask-ext", Kind: "submodule"})
	slices.SortFunc(files, func(a, b snapshot.File) int { return strings.Compare(a.Path, b.Path) })
	var size int64
	for _, f := range files {
		if f.Kind == "blob" {
			size += f.Size
		}
	}
	sha := fx.todoSHA
	return &snapshot.Repo{
		Name:          "todo-api",
		FullName:      "ada-lovelace/todo-api",
		Owner:         "ada-lovelace",
		HTMLURL:       "https://github.com/ada-lovelace/todo-api",
		DefaultBranch: "main",
		CreatedAt:     date("2024-01-10T08:00:00Z"),
		PushedAt:      date("2024-04-01T12:00:00Z"),
		SizeKB:        int((size + 1023) / 1024),
		HeadSHA:       sha["vendor"],
		Files:         files,
		// Binary (by extension and by content), over 1 MiB, and symlink.
		Contents:      contentsOf(layers, "static/logo.png", "bin/worker", "data/cities.csv"),
		ContentsKnown: true,
		Commits: []snapshot.Commit{
			{SHA: sha["vendor"], Message: "Vendor flask-ext as a submodule\n\nPinned to v1.2.",
				AuthorName: ada.name, AuthorEmail: ada.email, AuthorDate: date("2024-04-01T12:00:00Z"),
				CommitterName: ada.name, CommitterEmail: ada.email, CommitterDate: date("2024-04-01T12:00:00Z"), Parents: 1},
			{SHA: sha["merge"], Message: "Merge pull request #1 from grace/feature/patch\n\nAdd PATCH endpoint",
				AuthorName: ada.name, AuthorEmail: ada.email, AuthorDate: date("2024-03-06T08:00:00Z"),
				CommitterName: github.name, CommitterEmail: github.email, CommitterDate: date("2024-03-06T08:00:00Z"), Parents: 2},
			{SHA: sha["patch"], Message: "Add PATCH /todos/<id>",
				AuthorName: grace.name, AuthorEmail: grace.email, AuthorDate: date("2024-03-05T19:00:00Z"),
				CommitterName: grace.name, CommitterEmail: grace.email, CommitterDate: date("2024-03-05T19:00:00Z"), Parents: 1},
			{SHA: sha["tests"], Message: "Add tests, deploy notes and run script",
				AuthorName: ada.name, AuthorEmail: ada.email, AuthorDate: date("2024-02-01T10:30:00Z"),
				CommitterName: ada.name, CommitterEmail: ada.email, CommitterDate: date("2024-02-01T10:30:00Z"), Parents: 1},
			{SHA: sha["initial"], Message: "Initial Flask app",
				AuthorName: ada.name, AuthorEmail: ada.email, AuthorDate: date("2024-01-10T08:00:00Z"),
				CommitterName: ada.name, CommitterEmail: ada.email, CommitterDate: date("2024-01-10T08:00:00Z"), Parents: 0},
		},
		CommitsTotal: 5,
		HistoryKnown: true,
	}
}

func wantShop(fx *fixtures) *snapshot.Repo {
	layers := []map[string]file{shopFiles1, shopFiles2}
	files := treeOf(layers...)
	slices.SortFunc(files, func(a, b snapshot.File) int { return strings.Compare(a.Path, b.Path) })
	var size int64
	for _, f := range files {
		size += f.Size
	}
	return &snapshot.Repo{
		Name:          "shop",
		FullName:      "ada-lovelace/shop",
		Owner:         "ada-lovelace",
		HTMLURL:       "https://github.com/ada-lovelace/shop",
		DefaultBranch: "main",
		CreatedAt:     date("2024-05-02T08:15:00Z"),
		PushedAt:      date("2024-05-20T15:45:00Z"),
		SizeKB:        int((size + 1023) / 1024),
		HeadSHA:       fx.shopSHA["routes"],
		Files:         files,
		Contents:      contentsOf(layers),
		ContentsKnown: true,
		Commits: []snapshot.Commit{
			{SHA: fx.shopSHA["routes"], Message: "Add product routes with tests",
				AuthorName: ada.name, AuthorEmail: ada.email, AuthorDate: date("2024-05-20T15:45:00Z"),
				CommitterName: ada.name, CommitterEmail: ada.email, CommitterDate: date("2024-05-20T15:45:00Z"), Parents: 1},
			{SHA: fx.shopSHA["scaffold"], Message: "Scaffold Express shop API",
				AuthorName: ada.name, AuthorEmail: ada.email, AuthorDate: date("2024-05-02T08:15:00Z"),
				CommitterName: ada.name, CommitterEmail: ada.email, CommitterDate: date("2024-05-02T08:15:00Z"), Parents: 0},
		},
		CommitsTotal: 2,
		HistoryKnown: true,
	}
}

// diffRepo names each field that differs, so a failure says what broke.
func diffRepo(t *testing.T, got, want *snapshot.Repo) {
	t.Helper()
	if got == nil || want == nil {
		if got != want {
			t.Errorf("repo: got %v, want %v", got, want)
		}
		return
	}
	gv, wv := reflect.ValueOf(*got), reflect.ValueOf(*want)
	for i := range gv.NumField() {
		name := gv.Type().Field(i).Name
		g, w := gv.Field(i).Interface(), wv.Field(i).Interface()
		if reflect.DeepEqual(g, w) {
			continue
		}
		switch name {
		case "Contents":
			gm, wm := got.Contents, want.Contents
			for p := range wm {
				if gb, ok := gm[p]; !ok {
					t.Errorf("%s: Contents lacks %s", want.Name, p)
				} else if string(gb) != string(wm[p]) {
					t.Errorf("%s: Contents[%s] = %q, want %q", want.Name, p, gb, wm[p])
				}
			}
			for p := range gm {
				if _, ok := wm[p]; !ok {
					t.Errorf("%s: Contents has unexpected %s (%d bytes)", want.Name, p, len(gm[p]))
				}
			}
		case "Files":
			t.Errorf("%s: Files\n got %+v\nwant %+v", want.Name, got.Files, want.Files)
		case "Commits":
			for j := range max(len(got.Commits), len(want.Commits)) {
				var gc, wc snapshot.Commit
				if j < len(got.Commits) {
					gc = got.Commits[j]
				}
				if j < len(want.Commits) {
					wc = want.Commits[j]
				}
				if !reflect.DeepEqual(gc, wc) {
					t.Errorf("%s: Commits[%d]\n got %+v\nwant %+v", want.Name, j, gc, wc)
				}
			}
		default:
			t.Errorf("%s: %s = %#v, want %#v", want.Name, name, g, w)
		}
	}
}

func TestLoadCheckout(t *testing.T) {
	fx := getFixtures(t)
	snap, err := newSource(t).Load(t.Context(), []string{fx.todo}, snapshot.Options{})
	if err != nil {
		t.Fatal(err)
	}
	wantProfile := snapshot.Profile{Kind: "local", Login: "ada-lovelace"}
	if !reflect.DeepEqual(snap.Profile, wantProfile) {
		t.Errorf("Profile = %+v, want %+v", snap.Profile, wantProfile)
	}
	if snap.Warnings != nil || snap.Partial {
		t.Errorf("Warnings = %q, Partial = %v; want none", snap.Warnings, snap.Partial)
	}
	if len(snap.Repos) != 1 {
		t.Fatalf("got %d repos, want 1", len(snap.Repos))
	}
	r := snap.Repos[0]
	diffRepo(t, r, wantTodo(fx))

	// The traps, spelled out: committed content only, nothing followed.
	if b, _ := r.Read("app.py"); strings.Contains(string(b), "local experiment") {
		t.Error("app.py was read from the working tree, not from HEAD")
	}
	for _, p := range []string{"build/app.bin", "__pycache__/app.cpython-312.pyc", ".venv/bin/python", "scratch.txt"} {
		if r.Has(p) {
			t.Errorf("%s is not committed but is in Files", p)
		}
	}
	if _, err := r.Read("config/passwd"); !errors.Is(err, snapshot.ErrNotFetched) {
		t.Errorf("Read(config/passwd) error = %v, want ErrNotFetched (symlink to /etc/passwd)", err)
	}
	if f, _ := r.File("config/passwd"); f.Kind != "symlink" {
		t.Errorf("config/passwd Kind = %q, want symlink", f.Kind)
	}
}

func TestLoadShallowClone(t *testing.T) {
	fx := getFixtures(t)
	snap, err := newSource(t).Load(t.Context(), []string{fx.shallow}, snapshot.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if snap.Profile.Login != "ada-lovelace" {
		t.Errorf("Login = %q, want ada-lovelace", snap.Profile.Login)
	}
	want := wantTodo(fx)
	want.Shallow = true
	want.HistoryKnown = false
	want.CommitsTotal = -1
	want.CreatedAt = time.Time{}
	// Only the tip exists; its parents are cut off by the clone.
	want.Commits = want.Commits[:1]
	want.Commits[0].Parents = 0
	want.Warnings = []string{"shallow clone: history facts are unknown; fetch the full history (`fetch-depth: 0` with actions/checkout, or `git fetch --unshallow`)"}
	diffRepo(t, snap.Repos[0], want)
}

func TestLoadFolderOfCheckouts(t *testing.T) {
	fx := getFixtures(t)
	var progress []string
	snap, err := newSource(t).Load(t.Context(), []string{fx.candidates}, snapshot.Options{
		Progress: func(done, total int, repo string) { progress = append(progress, fmt.Sprintf("%d/%d", done, total)) },
	})
	if err != nil {
		t.Fatal(err)
	}
	if snap.Profile.Login != "ada-lovelace" {
		t.Errorf("Login = %q, want the owner both origins share, ada-lovelace", snap.Profile.Login)
	}
	// Newest push first.
	if len(snap.Repos) != 2 {
		t.Fatalf("got %d repos, want shop and todo-api", len(snap.Repos))
	}
	diffRepo(t, snap.Repos[0], wantShop(fx))
	diffRepo(t, snap.Repos[1], wantTodo(fx))
	if !slices.Equal(progress, []string{"1/2", "2/2"}) {
		t.Errorf("progress = %q, want 1/2 2/2", progress)
	}

	// broken/ has a .git git cannot read: it must be reported, not read as
	// the outer checkout that holds the folder.
	c := fx.candidates
	want := []string{
		"skipped " + filepath.Join(c, "broken") + ": it is not a git repository that git can read (git says: not a git repository (or any of the parent directories): .git): check its .git or clone it again",
		"skipped " + filepath.Join(c, "empty") + ": it has no commits yet: commit your work first",
		"skipped " + filepath.Join(c, "notes") + ": not a git checkout (no .git)",
	}
	if !slices.Equal(snap.Warnings, want) {
		t.Errorf("Warnings:\n got %q\nwant %q", snap.Warnings, want)
	}
}

func TestLoadMaxRepos(t *testing.T) {
	fx := getFixtures(t)
	snap, err := newSource(t).Load(t.Context(), []string{fx.candidates}, snapshot.Options{MaxRepos: 1})
	if err != nil {
		t.Fatal(err)
	}
	if len(snap.Repos) != 1 || snap.Repos[0].Name != "shop" {
		t.Fatalf("repos = %v, want only the most recently pushed, shop", names(snap.Repos))
	}
}

func TestLoadSeveralPaths(t *testing.T) {
	fx := getFixtures(t)
	// outer has no origin, so owners differ and the first path names the subject;
	// todo-api given twice (directly and through the folder) is read once.
	snap, err := newSource(t).Load(t.Context(), []string{fx.todo, fx.outer, fx.candidates}, snapshot.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if snap.Profile.Login != "todo-api" {
		t.Errorf("Login = %q, want the first path's folder name, todo-api", snap.Profile.Login)
	}
	if got, want := names(snap.Repos), []string{"shop", "todo-api", "outer"}; !slices.Equal(got, want) {
		t.Errorf("repos = %q, want %q", got, want)
	}
	outer := snap.Repos[2]
	if outer.FullName != "outer" || outer.Owner != "" || outer.HTMLURL != "" {
		t.Errorf("outer: FullName %q Owner %q HTMLURL %q; want the bare folder name, no owner, no URL", outer.FullName, outer.Owner, outer.HTMLURL)
	}
	// The nested checkouts are not part of outer's tree.
	if got := paths(outer.Files); !slices.Equal(got, []string{"README.md", "docs/cohort.md"}) {
		t.Errorf("outer files = %q", got)
	}
}

func TestLoadBadPaths(t *testing.T) {
	fx := getFixtures(t)
	file := filepath.Join(fx.plain, "index.js")
	allBroken := t.TempDir()
	if err := os.MkdirAll(filepath.Join(allBroken, "api", ".git"), 0o755); err != nil {
		t.Fatal(err)
	}
	missing := filepath.Join(fx.root, "no-such-folder")
	tests := []struct {
		name  string
		paths []string
		want  string
	}{
		{"none", nil, "no path to audit"},
		{"missing", []string{missing}, missing + " does not exist"},
		{"missing after a good one", []string{fx.shop, missing}, missing + " does not exist"},
		{"not git", []string{fx.plain}, fx.plain + " is not a git repository and none of its immediate subfolders is one"},
		{"a file", []string{file}, file + " is a file, not a folder"},
		{"no commits", []string{fx.noCommits}, fx.noCommits + " has no commits yet"},
		{"broken .git", []string{filepath.Join(fx.candidates, "broken")}, filepath.Join(fx.candidates, "broken") + " is not a git repository that git can read"},
		{"inside a checkout", []string{filepath.Join(fx.outer, "docs")}, filepath.Join(fx.outer, "docs") + " is inside the git checkout " + fx.outer + ", not the top of one: pass " + fx.outer},
		{"only broken checkouts", []string{allBroken}, "no readable git checkout in " + allBroken},
	}
	s := newSource(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			snap, err := s.Load(t.Context(), tt.paths, snapshot.Options{})
			if err == nil {
				t.Fatalf("Load succeeded with %d repos, want an error", len(snap.Repos))
			}
			if !errors.Is(err, snapshot.ErrInvalidSubject) {
				t.Errorf("error %q does not wrap ErrInvalidSubject", err)
			}
			if !strings.HasPrefix(err.Error(), tt.want) {
				t.Errorf("error = %q\nwant it to start with %q", err, tt.want)
			}
		})
	}
}

func TestLoadIgnoresInheritedGitDir(t *testing.T) {
	fx := getFixtures(t)
	// As inside a git hook: GIT_DIR names another repository.
	t.Setenv("GIT_DIR", filepath.Join(fx.outer, ".git"))
	t.Setenv("GIT_WORK_TREE", fx.outer)
	snap, err := newSource(t).Load(t.Context(), []string{fx.shop}, snapshot.Options{})
	if err != nil {
		t.Fatal(err)
	}
	diffRepo(t, snap.Repos[0], wantShop(fx))
}

func TestLoadDuplicateNamesAndDetachedHead(t *testing.T) {
	fx := getFixtures(t)
	dir := t.TempDir()
	b := &builder{}
	for _, name := range []string{"shop", "shop-review"} {
		b.git(dir, nil, "-c", "protocol.file.allow=always", "clone", "-q", "file://"+fx.shop, name)
		b.git(filepath.Join(dir, name), nil, "remote", "set-url", "origin", "git@github.com:ada-lovelace/shop.git")
	}
	// Same push date as shop: ties are ordered by name.
	b.git(dir, nil, "-c", "protocol.file.allow=always", "clone", "-q", "file://"+fx.shop, "a-copy")
	b.git(filepath.Join(dir, "a-copy"), nil, "remote", "set-url", "origin", "git@github.com:grace/storefront.git")
	// CI checks out a detached commit.
	b.git(filepath.Join(dir, "shop-review"), nil, "checkout", "-q", "--detach", "HEAD~1")
	if b.err != nil {
		t.Fatal(b.err)
	}
	snap, err := newSource(t).Load(t.Context(), []string{dir}, snapshot.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := names(snap.Repos), []string{"shop", "storefront", "shop-review"}; !slices.Equal(got, want) {
		t.Fatalf("repos = %q, want %q", got, want)
	}
	if snap.Profile.Login != filepath.Base(dir) {
		t.Errorf("Login = %q, want the folder name %q (origins name two owners)", snap.Profile.Login, filepath.Base(dir))
	}
	review := snap.Repos[2]
	if review.DefaultBranch != "main" || review.HeadSHA != fx.shopSHA["scaffold"] || review.CommitsTotal != 1 {
		t.Errorf("detached clone: branch %q head %s total %d; want main (origin's), %s, 1",
			review.DefaultBranch, review.HeadSHA, review.CommitsTotal, fx.shopSHA["scaffold"])
	}
	if review.FullName != "ada-lovelace/shop-review" {
		t.Errorf("FullName = %q, want ada-lovelace/shop-review", review.FullName)
	}
	want := []string{`two checkouts are named "shop": the one in ` + filepath.Join(dir, "shop-review") + ` is reported as "shop-review"`}
	if !slices.Equal(snap.Warnings, want) {
		t.Errorf("Warnings = %q, want %q", snap.Warnings, want)
	}
}

func TestLoadContentBudget(t *testing.T) {
	fx := getFixtures(t)
	s := newSource(t)
	// Room for the small files only: the largest text files are left out.
	s.maxRepoBytes = 1 << 10
	snap, err := s.Load(t.Context(), []string{fx.todo}, snapshot.Options{})
	if err != nil {
		t.Fatal(err)
	}
	r := snap.Repos[0]
	var total int64
	for p, b := range r.Contents {
		if p == "docs/LICENSE" {
			continue // same blob as LICENSE, read once
		}
		total += int64(len(b))
	}
	if total > s.maxRepoBytes {
		t.Errorf("read %d bytes of distinct content, budget %d", total, s.maxRepoBytes)
	}
	for _, p := range []string{".gitignore", "requirements.txt", "tests/__init__.py", "README.md"} {
		if _, err := r.Read(p); err != nil {
			t.Errorf("small file %s not read: %v", p, err)
		}
	}
	if _, err := r.Read("app.py"); !errors.Is(err, snapshot.ErrNotFetched) {
		t.Error("the largest text file, app.py, was read despite the budget")
	}
	// Smallest first: nothing left out is smaller than something read.
	var largestRead int64
	for p := range r.Contents {
		f, _ := r.File(p)
		largestRead = max(largestRead, f.Size)
	}
	for _, f := range r.Files {
		if _, err := r.Read(f.Path); err != nil && f.Kind == "blob" && f.Size < largestRead && f.Path != "bin/worker" && f.Path != "static/logo.png" {
			t.Errorf("%s (%d bytes) left out while a %d-byte file was read", f.Path, f.Size, largestRead)
		}
	}
	if len(r.Warnings) != 1 || !strings.HasSuffix(r.Warnings[0], "files were not read: the 1 KiB content budget per repository was spent on smaller files") {
		t.Errorf("Warnings = %q, want one about the content budget", r.Warnings)
	}
}

func TestLoadCancelled(t *testing.T) {
	fx := getFixtures(t)
	s := newSource(t)

	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	if _, err := s.Load(ctx, []string{fx.candidates}, snapshot.Options{}); !errors.Is(err, context.Canceled) {
		t.Errorf("Load with a cancelled context: error = %v, want context.Canceled", err)
	}

	// Cancelled while loading: the remaining repositories are not read.
	s.workers = 1
	ctx, cancel = context.WithCancel(t.Context())
	defer cancel()
	calls := 0
	_, err := s.Load(ctx, []string{fx.candidates}, snapshot.Options{Progress: func(int, int, string) { calls++; cancel() }})
	if !errors.Is(err, context.Canceled) {
		t.Errorf("error = %v, want context.Canceled", err)
	}
	if calls != 1 {
		t.Errorf("progress called %d times, want 1 (stopped after the first repository)", calls)
	}
}

func TestNewWithoutGit(t *testing.T) {
	t.Setenv("PATH", t.TempDir())
	_, err := New()
	if err == nil || !strings.Contains(err.Error(), "git command") || !strings.Contains(err.Error(), "install git") {
		t.Errorf("New() error = %v, want one saying to install git", err)
	}
}

func TestParseLogRejectsTornOutput(t *testing.T) {
	if _, err := parseLog([]byte("abc\x00\x00Ada")); err == nil {
		t.Error("parseLog accepted a record with missing fields")
	}
	got, err := parseLog(nil)
	if err != nil || len(got) != 0 {
		t.Errorf("parseLog(empty) = %v, %v; want no commits", got, err)
	}
}

func names(rs []*snapshot.Repo) []string {
	var out []string
	for _, r := range rs {
		out = append(out, r.Name)
	}
	return out
}

func paths(fs []snapshot.File) []string {
	var out []string
	for _, f := range fs {
		out = append(out, f.Path)
	}
	return out
}

func TestLoadPartialClone(t *testing.T) {
	fx := getFixtures(t)
	dir := t.TempDir()
	src, folder := filepath.Join(dir, "src"), filepath.Join(dir, "clones")
	b := &builder{}
	b.git(dir, nil, "-c", "protocol.file.allow=always", "clone", "-q", "--bare", "file://"+fx.shop, src)
	b.git(src, nil, "config", "uploadpack.allowFilter", "true")
	// A blobless clone as CI makes it (HEAD checked out, so its blobs are
	// here) and one without a checkout (HEAD's blobs were never fetched).
	b.git(dir, nil, "-c", "protocol.file.allow=always", "clone", "-q", "--filter=blob:none", "file://"+src, filepath.Join(folder, "shop"))
	b.git(dir, nil, "-c", "protocol.file.allow=always", "clone", "-q", "--filter=blob:none", "--no-checkout", "file://"+src, filepath.Join(folder, "shop-lazy"))
	// The promisor remote is gone: nothing may be fetched, nothing may hang.
	for _, name := range []string{"shop", "shop-lazy"} {
		b.git(filepath.Join(folder, name), nil, "remote", "set-url", "origin", filepath.Join(dir, "gone.git"))
	}
	if b.err != nil {
		t.Fatal(b.err)
	}
	snap, err := newSource(t).Load(t.Context(), []string{folder}, snapshot.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if got := names(snap.Repos); !slices.Equal(got, []string{"shop", "shop-lazy"}) {
		t.Fatalf("repos = %q, want shop and shop-lazy", got)
	}
	want := wantShop(fx)
	want.FullName, want.Owner, want.HTMLURL = "shop", "", ""
	diffRepo(t, snap.Repos[0], want)

	lazy := snap.Repos[1]
	if lazy.Unavailable != "" {
		// git < 2.45 cannot list sizes without fetching the blobs.
		if !strings.HasPrefix(lazy.Unavailable, "git could not read "+filepath.Join(folder, "shop-lazy")+": listing the files at HEAD:") ||
			len(lazy.Files) != 0 || lazy.ContentsKnown || lazy.HistoryKnown || len(lazy.Warnings) != 1 {
			t.Errorf("unreadable partial clone: %+v", lazy)
		}
	} else if len(lazy.Contents) != 0 || len(lazy.Warnings) != 1 || !strings.Contains(lazy.Warnings[0], "partial clone") {
		t.Errorf("partial clone without blobs: contents %d, warnings %q; want none read and a partial-clone warning", len(lazy.Contents), lazy.Warnings)
	}
	if lazy.HeadSHA != fx.shopSHA["routes"] || !lazy.PushedAt.Equal(date("2024-05-20T15:45:00Z")) {
		t.Errorf("partial clone identity: head %s pushed %v", lazy.HeadSHA, lazy.PushedAt)
	}
}

func TestLoadWorktree(t *testing.T) {
	fx := getFixtures(t)
	dir := t.TempDir()
	clone, wt := filepath.Join(dir, "shop"), filepath.Join(dir, "shop-feature")
	b := &builder{}
	b.git(dir, nil, "-c", "protocol.file.allow=always", "clone", "-q", "file://"+fx.shop, clone)
	b.git(clone, nil, "remote", "set-url", "origin", "https://github.com/ada-lovelace/shop.git")
	// A linked worktree's .git is a file pointing into the main clone.
	b.git(clone, nil, "worktree", "add", "-q", "-b", "feature/cart", wt, "HEAD")
	if b.err != nil {
		t.Fatal(b.err)
	}
	snap, err := newSource(t).Load(t.Context(), []string{wt}, snapshot.Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := wantShop(fx)
	want.DefaultBranch = "feature/cart"
	diffRepo(t, snap.Repos[0], want)
}
