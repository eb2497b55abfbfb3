package hygiene

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/pathway-dev/pathway/internal/facts"
	"github.com/pathway-dev/pathway/internal/snapshot"
)

// load reads testdata/<name>.tree, a `git ls-tree -r -l HEAD` listing of a
// real-looking repository (trees, not files, because what hygiene judges —
// node_modules, .idea, 20 MB videos — must not be committed here).
func load(t testing.TB, name string) *snapshot.Repo {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", name+".tree"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	r := &snapshot.Repo{Name: name, FullName: "jane/" + name, Contents: map[string][]byte{}, ContentsKnown: true}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		meta, p, ok := strings.Cut(sc.Text(), "\t")
		fs := strings.Fields(meta)
		if !ok || len(fs) != 4 {
			t.Fatalf("%s: bad ls-tree line %q", name, sc.Text())
		}
		file := snapshot.File{Path: p, Kind: "blob", Executable: fs[0] == "100755"}
		switch fs[0] {
		case "120000":
			file.Kind = "symlink"
		case "160000":
			file.Kind = "submodule"
		}
		if fs[3] != "-" {
			if file.Size, err = strconv.ParseInt(fs[3], 10, 64); err != nil {
				t.Fatalf("%s: %v", name, err)
			}
		}
		r.Files = append(r.Files, file)
	}
	sort.Slice(r.Files, func(i, j int) bool { return r.Files[i].Path < r.Files[j].Path })
	return r
}

func TestFixtures(t *testing.T) {
	for _, tc := range []struct {
		name                                          string
		gitignore, clean                              bool
		binaries, output, ide, vendored, large, texts []string
	}{
		{
			name:     "express-node-modules",
			vendored: []string{"node_modules/"},
			ide:      []string{".DS_Store", "public/images/.DS_Store"},
			texts:    []string{"no .gitignore", "node_modules/ (17 files): installed JavaScript dependencies", "macOS Finder metadata"},
		},
		{
			name:      "spring-target",
			gitignore: true,
			output:    []string{"target/"},
			binaries:  []string{"lib/ojdbc8.jar"},
			ide:       []string{".idea/", "demo.iml"},
			texts:     []string{"target/ (7 files): build output", "lib/ojdbc8.jar: compiled .jar", ".idea/ (4 files): JetBrains"},
		},
		{
			name:      "django-video",
			gitignore: true,
			vendored:  []string{"env/"},
			output:    []string{"blog/__pycache__/", "blog/migrations/__pycache__/", "mysite/__pycache__/"},
			large:     []string{"media/demo.mp4"},
			texts:     []string{"env/ (6 files): Python virtual environment", "media/demo.mp4 (20.0 MB)"},
		},
		{name: "gin-clean", gitignore: true, clean: true, texts: []string{".gitignore present"}},
		{
			name:      "laravel-vendor",
			gitignore: true,
			vendored:  []string{"vendor/"},
			ide:       []string{".vscode/"},
			texts:     []string{"vendor/ (4 files): PHP Composer dependencies", ".vscode/ (2 files): personal VS Code files"},
		},
		{
			name:      "nest-dist",
			gitignore: true,
			output:    []string{"coverage/", "dist/", "frontend/build/"},
		},
		{name: "js-action", gitignore: true, clean: true},
		{
			name:      "rails-bundle",
			gitignore: true,
			vendored:  []string{"vendor/bundle/"},
			texts:     []string{"Ruby gems"},
		},
		{
			name:     "aspnet-bin",
			output:   []string{"TodoApi/bin/", "TodoApi/obj/"},
			ide:      []string{".vs/"},
			binaries: []string{"tools/nuget.exe"},
			large:    []string{"tools/nuget.exe"},
			texts:    []string{"no .gitignore", "Visual Studio settings"},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			h := Detect(load(t, tc.name))
			check := func(what string, got, want []string) {
				if !slices.Equal(got, want) {
					t.Errorf("%s = %q, want %q", what, got, want)
				}
			}
			if h.Gitignore != tc.gitignore || h.Clean != tc.clean {
				t.Errorf("gitignore/clean = %v/%v, want %v/%v", h.Gitignore, h.Clean, tc.gitignore, tc.clean)
			}
			check("binaries", h.Binaries, tc.binaries)
			check("build output", h.BuildOutput, tc.output)
			check("ide", h.IDEFolders, tc.ide)
			check("vendored", h.Vendored, tc.vendored)
			check("large", h.LargeFiles, tc.large)
			for _, s := range tc.texts {
				if !hasText(h.Evidence, s) {
					t.Errorf("no evidence says %q: %s", s, dump(h.Evidence))
				}
			}
			if len(h.Evidence) == 0 || len(h.Evidence) > maxEvidence {
				t.Errorf("%d evidence items, want 1..%d", len(h.Evidence), maxEvidence)
			}
			for _, e := range h.Evidence {
				if e.Repo != tc.name {
					t.Errorf("evidence %+v names repo %q", e, e.Repo)
				}
			}
		})
	}
}

func TestGitignoreMissingComesFirst(t *testing.T) {
	h := Detect(load(t, "aspnet-bin"))
	if !strings.Contains(h.Evidence[0].Text, "no .gitignore") {
		t.Errorf("first evidence = %q, want the missing .gitignore", h.Evidence[0].Text)
	}
}

func TestLFS(t *testing.T) {
	r := load(t, "gin-clean")
	add := func(p string, size int64) {
		r.Files = append(r.Files, snapshot.File{Path: p, Size: size, Kind: "blob"})
		sort.Slice(r.Files, func(i, j int) bool { return r.Files[i].Path < r.Files[j].Path })
	}
	add("docs/demo.mp4", 20<<20)
	if h := Detect(r); !slices.Equal(h.LargeFiles, []string{"docs/demo.mp4"}) || h.Clean {
		t.Fatalf("large = %q clean = %v, want the video flagged", h.LargeFiles, h.Clean)
	}
	add(".gitattributes", 80)
	r.Contents[".gitattributes"] = []byte("# media\n*.mp4 filter=lfs diff=lfs merge=lfs -text\n*.go text eol=lf\n")
	if h := Detect(r); len(h.LargeFiles) != 0 || !h.Clean {
		t.Errorf("LFS-tracked video flagged: %q", h.LargeFiles)
	}
	// A pointer read from the tree is LFS too, whatever .gitattributes says.
	add("docs/talk.mov", 30<<20)
	r.Contents["docs/talk.mov"] = []byte("version https://git-lfs.github.com/spec/v1\noid sha256:4d7a\nsize 31457280\n")
	if h := Detect(r); len(h.LargeFiles) != 0 {
		t.Errorf("LFS pointer flagged: %q", h.LargeFiles)
	}
	// Not fetched and not tracked: flagged, since the size is the host's.
	add("docs/slides.pdf", 9<<20)
	if h := Detect(r); !slices.Equal(h.LargeFiles, []string{"docs/slides.pdf"}) {
		t.Errorf("large = %q, want docs/slides.pdf", h.LargeFiles)
	}
}

func TestTruncatedIsNotClean(t *testing.T) {
	r := load(t, "gin-clean")
	r.TreeTruncated = true
	h := Detect(r)
	if h.Clean || !hasText(h.Evidence, "truncated") {
		t.Errorf("truncated tree: clean=%v evidence=%s", h.Clean, dump(h.Evidence))
	}
}

func TestBinariesCollapse(t *testing.T) {
	r := load(t, "gin-clean")
	for i := range 12 {
		r.Files = append(r.Files, snapshot.File{Path: fmt.Sprintf("libs/dep%02d.jar", i), Size: 90000, Kind: "blob"})
	}
	r.Files = append(r.Files,
		snapshot.File{Path: "gradle/wrapper/gradle-wrapper.jar", Size: 43000, Kind: "blob"},
		snapshot.File{Path: "native/libcrypto.so.3", Size: 4000, Kind: "blob"},
		snapshot.File{Path: "todo-server", Size: 3 << 20, Kind: "blob", Executable: true},
		snapshot.File{Path: "scripts/deploy", Size: 2100, Kind: "blob", Executable: true})
	sort.Slice(r.Files, func(i, j int) bool { return r.Files[i].Path < r.Files[j].Path })
	h := Detect(r)
	if want := []string{"libs/", "native/libcrypto.so.3", "todo-server"}; !slices.Equal(h.Binaries, want) {
		t.Errorf("binaries = %q, want %q", h.Binaries, want)
	}
	if !hasText(h.Evidence, "libs/ (12 compiled files: 12 .jar)") || !hasText(h.Evidence, "todo-server: compiled program") {
		t.Errorf("evidence lacks the collapsed folder: %s", dump(h.Evidence))
	}
}

func TestDeepNamesAreNotOutput(t *testing.T) {
	// Java packages and Go folders named like output folders, away from any
	// manifest, are sources.
	r := &snapshot.Repo{Name: "x", Files: []snapshot.File{
		{Path: ".gitignore"},
		{Path: "pom.xml"},
		{Path: "src/main/java/com/acme/build/Builder.java"},
		{Path: "src/main/java/com/acme/dist/Distance.java"},
		{Path: "src/main/java/com/acme/target/Target.java"},
		{Path: "src/main/java/com/acme/out/Printer.java"},
	}}
	if h := Detect(r); !h.Clean {
		t.Errorf("sources taken for output: %+v", h)
	}
}

func TestFilesFormat(t *testing.T) {
	for n, want := range map[int]string{1: "1 file", 12: "12 files", 1234: "1,234 files", 12034: "12,034 files", 1234567: "1,234,567 files"} {
		if got := files(n); got != want {
			t.Errorf("files(%d) = %q, want %q", n, got, want)
		}
	}
}

func hasText(ev []facts.Evidence, s string) bool {
	for _, e := range ev {
		if strings.Contains(e.Text, s) {
			return true
		}
	}
	return false
}

func dump(ev []facts.Evidence) string {
	var b strings.Builder
	for _, e := range ev {
		fmt.Fprintf(&b, "\n  %s", e.Text)
	}
	return b.String()
}

func FuzzLFSPatterns(f *testing.F) {
	f.Add([]byte("*.mp4 filter=lfs diff=lfs merge=lfs -text\n"), "media/demo.mp4")
	f.Add([]byte("assets/** filter=lfs\n**/video/*.mov filter=lfs\n[attr]binary -diff\n!*.txt filter=lfs\n"), "a/video/x.mov")
	f.Add([]byte("\"spaced name.bin\" filter=lfs\n/root.bin filter=lfs\n**/ filter=lfs\n** filter=lfs\n[ filter=lfs\n"), "[")
	f.Fuzz(func(t *testing.T, attrs []byte, p string) {
		pats := LFSPatterns(attrs)
		MatchAny(pats, p)
		for _, pat := range pats {
			if !strings.Contains(string(attrs), pat) {
				t.Fatalf("pattern %q not in the input", pat)
			}
		}
	})
}

func TestMatchAny(t *testing.T) {
	pats := LFSPatterns([]byte("*.mp4 filter=lfs\n/assets/** filter=lfs\n**/fixtures/*.bin filter=lfs\ndocs/*.pdf filter=lfs\n*.psd -filter\n"))
	for p, want := range map[string]bool{
		"demo.mp4": true, "media/clips/demo.mp4": true, "assets/big/model.onnx": true, "src/assets/x.png": false,
		"a/b/fixtures/blob.bin": true, "fixtures/blob.bin": true, "docs/manual.pdf": true, "docs/old/manual.pdf": false,
		"design.psd": false,
	} {
		if got := MatchAny(pats, p); got != want {
			t.Errorf("MatchAny(%q) = %v, want %v", p, got, want)
		}
	}
}

// synthetic is a 50,000-file tree: a monorepo with a committed node_modules,
// Java and Python services and a front end, 5,000 files with content.
func synthetic() *snapshot.Repo {
	r := &snapshot.Repo{Name: "big", Contents: map[string][]byte{}, ContentsKnown: true}
	add := func(p string, size int64) {
		r.Files = append(r.Files, snapshot.File{Path: p, Size: size, Kind: "blob"})
		if len(r.Contents) < 5000 {
			r.Contents[p] = []byte("package x\n")
		}
	}
	add(".gitignore", 120)
	add(".gitattributes", 60)
	r.Contents[".gitattributes"] = []byte("*.mp4 filter=lfs\n")
	add("package.json", 900)
	for i := range 20000 {
		add(fmt.Sprintf("node_modules/pkg%04d/lib/file%02d.js", i/20, i%20), 3000)
	}
	add("services/api/pom.xml", 2000)
	for i := range 12000 {
		add(fmt.Sprintf("services/api/src/main/java/com/acme/m%03d/Class%03d.java", i/100, i%100), 2400)
	}
	for i := range 3000 {
		add(fmt.Sprintf("services/api/target/classes/com/acme/m%03d/Class%03d.class", i/100, i%100), 1800)
	}
	for i := range 10000 {
		add(fmt.Sprintf("services/ml/pkg%03d/__pycache__/mod%02d.cpython-311.pyc", i/50, i%50), 900)
	}
	for len(r.Files) < 49990 {
		add(fmt.Sprintf("web/src/components/c%05d.tsx", len(r.Files)), 1500)
	}
	for i := range 10 {
		add(fmt.Sprintf("web/public/video%d.mp4", i), 30<<20)
	}
	sort.Slice(r.Files, func(i, j int) bool { return r.Files[i].Path < r.Files[j].Path })
	return r
}

func BenchmarkDetect(b *testing.B) {
	r := synthetic()
	b.ReportMetric(float64(len(r.Files)), "files")
	for b.Loop() {
		Detect(r)
	}
}
