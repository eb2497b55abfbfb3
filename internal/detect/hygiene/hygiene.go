// Package hygiene finds what should not be in a repository: compiled
// binaries, build output, IDE and OS files, installed dependencies and very
// large files — and whether a .gitignore keeps them out.
//
// Folders are reported once, at their top ("node_modules/", "api/target/"),
// with their file count in the evidence; the files inside them are not listed
// again as binaries or large files. Each list holds at most 20 entries,
// sorted; the evidence gives the counts.
package hygiene

import (
	"bytes"
	"fmt"
	"path"
	"sort"
	"strings"

	"github.com/pathway-dev/pathway/internal/facts"
	"github.com/pathway-dev/pathway/internal/snapshot"
)

// BinaryExts are the extensions of compiled files that belong in a release
// or a package registry, not in the source tree. Build-tool wrappers
// (gradle/wrapper/gradle-wrapper.jar, .mvn/wrapper/maven-wrapper.jar) are
// meant to be committed and are not flagged.
var BinaryExts = []string{".a", ".class", ".dll", ".dylib", ".ear", ".exe", ".jar", ".o", ".pdb", ".pyc", ".pyo", ".so", ".war"}

// OutputDirs are build-output folders, flagged where an application lives
// (the root, or a folder holding a manifest such as package.json or
// pom.xml) so that a Java package named "build" deep in src/ is not taken
// for output. build/, bin/ and obj/ count only with compiled content in them
// (binaries, source maps, hashed bundles, Gradle/MSBuild output), since
// bin/ holds scripts in Rails and Node projects; coverage/ only with a
// coverage report; dist/ not in a JavaScript GitHub Action (action.yml at
// the root), which must commit it. Cache folders (AnyDepthOutputDirs) count
// wherever they are.
var OutputDirs = []string{"bin", "build", "coverage", "dist", "obj", "out", "target"}

// AnyDepthOutputDirs are caches and build folders whose names mean nothing
// else, flagged at any depth.
var AnyDepthOutputDirs = []string{".gradle", ".mypy_cache", ".next", ".nuxt", ".pytest_cache", ".ruff_cache", ".tox", "__pycache__", "_build", "htmlcov"}

// VendorDirs are installed dependencies. Python virtual environments are
// also found by their pyvenv.cfg or site-packages, whatever their name
// (env/, myenv/). vendor/ counts only as Composer's (vendor/autoload.php,
// vendor/composer/) or Bundler's (vendor/bundle/); Go's vendor/ with
// modules.txt is legitimate and never flagged.
var VendorDirs = []string{".venv", "bower_components", "jspm_packages", "node_modules", "venv"}

// IDEEntries are editor, IDE and OS files. .vscode/ counts only for files
// outside what GitHub's gitignore template shares on purpose
// (settings.json, tasks.json, launch.json, extensions.json, *.code-snippets).
var IDEEntries = []string{".DS_Store", ".classpath", ".idea/", ".project", ".settings/", ".vs/", ".vscode/", "*.iml", "*.ipr", "*.iws", "*.swo", "*.swp", "Thumbs.db", "desktop.ini"}

// LargeFile is the size above which a file is "very large" (5 MiB), unless
// it is stored with Git LFS.
const LargeFile = 5 << 20

const (
	maxList     = 20
	maxEvidence = 10
)

var (
	binaryExt  = set(BinaryExts...)
	outputDir  = set(OutputDirs...)
	anyDepth   = set(AnyDepthOutputDirs...)
	vendorDir  = set(VendorDirs...)
	wrapperJar = set("gradle/wrapper/gradle-wrapper.jar", ".mvn/wrapper/maven-wrapper.jar")
	vscodeOK   = set("settings.json", "tasks.json", "launch.json", "extensions.json")
	osJunk     = map[string]string{".ds_store": "macOS Finder metadata", "thumbs.db": "Windows thumbnail cache", "desktop.ini": "Windows folder settings"}
	manifests  = set("package.json", "pom.xml", "build.gradle", "build.gradle.kts", "settings.gradle", "settings.gradle.kts",
		"cargo.toml", "go.mod", "pyproject.toml", "setup.py", "setup.cfg", "requirements.txt", "pipfile", "manage.py",
		"composer.json", "gemfile", "mix.exs", "tsconfig.json", "angular.json", "makefile", "cmakelists.txt",
		"next.config.js", "next.config.mjs", "next.config.ts", "vite.config.js", "vite.config.ts")
	manifestExts = set(".csproj", ".fsproj", ".vbproj", ".sln")
	// Folders of Gradle, setuptools, MSBuild and front-end builds: what is in
	// them was produced, whatever its extension.
	producedDirs = set("classes", "libs", "tmp", "generated", "reports", "intermediates", "outputs", "lib",
		"debug", "release", "static", "assets", "test-results", "kotlin", "resources")
	coverageFiles = set("lcov.info", "clover.xml", "coverage.xml", "coverage-final.json", "cobertura-coverage.xml", "coverage-summary.json")
)

func set(xs ...string) map[string]bool {
	m := make(map[string]bool, len(xs))
	for _, x := range xs {
		m[strings.ToLower(x)] = true
	}
	return m
}

// folder is a flagged (or candidate) folder and what is in it.
type folder struct {
	path     string // with a trailing slash
	kind     string // vendored, output, ide
	what     string // how the evidence describes it
	files    int
	produced bool // holds content that proves it is output (conditional folders)
	cond     bool // flagged only when produced
}

// Detect computes the hygiene facts of r.
func Detect(r *snapshot.Repo) facts.Hygiene {
	h := facts.Hygiene{Gitignore: r.Has(".gitignore")}
	s := scan(r)

	folders := map[string]*folder{}
	owner := make([]*folder, len(r.Files))
	// The folder depends only on the parent path, which files share.
	byParent := map[string]*folder{}
	for i, f := range r.Files {
		parent := ""
		if j := strings.LastIndexByte(f.Path, '/'); j >= 0 {
			parent = f.Path[:j]
		}
		fo, seen := byParent[parent]
		if !seen {
			fo = s.folderOf(f.Path)
			if fo != nil {
				if have := folders[fo.path]; have != nil {
					fo = have
				} else {
					folders[fo.path] = fo
				}
			}
			byParent[parent] = fo
		}
		if fo == nil {
			continue
		}
		fo.files++
		if fo.cond && !fo.produced {
			fo.produced = produces(fo, f)
		}
		owner[i] = fo
	}

	var ev evidence
	binDirs := map[string][]string{}
	var large []snapshot.File
	junk := map[string][]string{}
	var ide []string
	for i, f := range r.Files {
		if fo := owner[i]; fo != nil && (!fo.cond || fo.produced) {
			continue
		}
		p := f.Path
		base := path.Base(p)
		lower := strings.ToLower(base)
		switch ext := path.Ext(lower); {
		case osJunk[lower] != "":
			junk[lower] = append(junk[lower], p)
			continue
		case ext == ".iml" || ext == ".ipr" || ext == ".iws":
			ide = append(ide, p)
			continue
		case ext == ".swp" || ext == ".swo":
			junk["swap"] = append(junk["swap"], p)
			continue
		case base == ".project" || base == ".classpath":
			ide = append(ide, p)
			continue
		case binary(p, lower, ext), f.Executable && ext == "" && f.Size > 1<<20:
			// The second case is a compiled program such as `go build` output.
			binDirs[path.Dir(p)] = append(binDirs[path.Dir(p)], p)
		}
		if f.Size > LargeFile && f.Kind != "symlink" && f.Kind != "submodule" && !s.lfs(r, p) {
			large = append(large, f)
		}
	}

	// Folders, most telling kinds first.
	var fs []*folder
	for _, fo := range folders {
		if !fo.cond || fo.produced {
			fs = append(fs, fo)
		}
	}
	sort.Slice(fs, func(i, j int) bool {
		if fs[i].files != fs[j].files {
			return fs[i].files > fs[j].files
		}
		return fs[i].path < fs[j].path
	})
	for _, kind := range []string{"vendored", "output"} {
		for _, fo := range fs {
			if fo.kind != kind {
				continue
			}
			if kind == "vendored" {
				h.Vendored = append(h.Vendored, fo.path)
			} else {
				h.BuildOutput = append(h.BuildOutput, fo.path)
			}
			ev.add(facts.Evidence{Repo: r.Name, Path: fo.path, Text: fmt.Sprintf("%s (%s): %s committed", fo.path, files(fo.files), fo.what)})
		}
	}

	// Binaries, collapsed to their folder when it holds more than three.
	dirs := make([]string, 0, len(binDirs))
	for d := range binDirs {
		dirs = append(dirs, d)
	}
	sort.Strings(dirs)
	var binEv []facts.Evidence
	for _, d := range dirs {
		ps := binDirs[d]
		if len(ps) > 3 {
			h.Binaries = append(h.Binaries, d+"/")
			binEv = append(binEv, facts.Evidence{Repo: r.Name, Path: d + "/", Text: fmt.Sprintf("%s/ (%d compiled files: %s): binaries committed", d, len(ps), exts(ps))})
			continue
		}
		for _, p := range ps {
			h.Binaries = append(h.Binaries, p)
			what := "compiled " + path.Ext(strings.ToLower(p)) + " file"
			if path.Ext(p) == "" {
				what = "compiled program"
			}
			binEv = append(binEv, facts.Evidence{Repo: r.Name, Path: p, Text: p + ": " + what + " committed"})
		}
	}
	sort.Strings(h.Binaries)
	ev.add(binEv...)

	sort.Slice(large, func(i, j int) bool {
		if large[i].Size != large[j].Size {
			return large[i].Size > large[j].Size
		}
		return large[i].Path < large[j].Path
	})
	for _, f := range large {
		h.LargeFiles = append(h.LargeFiles, f.Path)
		ev.add(facts.Evidence{Repo: r.Name, Path: f.Path, Text: fmt.Sprintf("%s (%.1f MB): very large file committed (use Git LFS or a release asset)", f.Path, float64(f.Size)/(1<<20))})
	}
	sort.Strings(h.LargeFiles)

	for _, fo := range fs {
		if fo.kind == "ide" {
			h.IDEFolders = append(h.IDEFolders, fo.path)
			ev.add(facts.Evidence{Repo: r.Name, Path: fo.path, Text: fmt.Sprintf("%s (%s): %s committed", fo.path, files(fo.files), fo.what)})
		}
	}
	for _, p := range ide {
		h.IDEFolders = append(h.IDEFolders, p)
		ev.add(facts.Evidence{Repo: r.Name, Path: p, Text: p + ": IDE project file committed"})
	}
	for _, name := range []string{".ds_store", "thumbs.db", "desktop.ini", "swap"} {
		ps := junk[name]
		if len(ps) == 0 {
			continue
		}
		h.IDEFolders = append(h.IDEFolders, ps...)
		what := osJunk[name]
		if name == "swap" {
			what = "editor swap files"
		}
		ev.add(facts.Evidence{Repo: r.Name, Path: ps[0], Text: fmt.Sprintf("%s (%s) committed: %s", path.Base(ps[0]), what, files(len(ps)))})
	}
	sort.Strings(h.IDEFolders)

	h.Binaries = cap20(h.Binaries)
	h.BuildOutput = cap20(sorted(h.BuildOutput))
	h.IDEFolders = cap20(h.IDEFolders)
	h.Vendored = cap20(sorted(h.Vendored))
	h.LargeFiles = cap20(h.LargeFiles)

	found := len(h.Binaries) + len(h.BuildOutput) + len(h.IDEFolders) + len(h.Vendored) + len(h.LargeFiles)
	h.Clean = found == 0 && h.Gitignore && !r.TreeTruncated
	switch {
	case !h.Gitignore:
		ev.first(facts.Evidence{Repo: r.Name, Text: "no .gitignore at the root: nothing keeps build output, dependencies or secrets out"})
	case r.TreeTruncated:
		ev.add(facts.Evidence{Repo: r.Name, Text: "tree truncated by the host: only part of the files could be checked, so the repository is not called clean"})
	case h.Clean:
		ev.add(facts.Evidence{Repo: r.Name, Path: ".gitignore", Text: ".gitignore present; no binaries, build output, IDE files, dependencies or very large files committed"})
	}
	h.Evidence = ev.list
	return h
}

// scanned is what the first pass over the tree learns.
type scanned struct {
	appDirs    map[string]bool // folders holding a manifest ("" is the root)
	venvs      map[string]bool // Python virtual environments, by folder
	vendor     map[string]string
	action     bool
	lfsGlobs   []string
	lfsChecked bool
}

func scan(r *snapshot.Repo) *scanned {
	s := &scanned{appDirs: map[string]bool{"": true}, venvs: map[string]bool{}, vendor: map[string]string{}}
	goVendor := map[string]bool{}
	for _, f := range r.Files {
		p := f.Path
		dir, base := path.Split(p)
		dir = strings.TrimSuffix(dir, "/")
		lower := strings.ToLower(base)
		if manifests[lower] || manifestExts[path.Ext(lower)] {
			s.appDirs[dir] = true
		}
		switch {
		case lower == "pyvenv.cfg":
			s.venvs[dir] = true
		case p == "action.yml" || p == "action.yaml":
			s.action = true
		}
		if i := strings.Index(p, "/site-packages/"); i >= 0 {
			// <venv>/lib/python3.12/site-packages/ or <venv>/Lib/site-packages/;
			// a venv at the root itself is left to its pyvenv.cfg.
			lib := strings.ToLower(p[:i])
			if j := strings.LastIndex(lib, "/lib/"); j > 0 {
				s.venvs[p[:j]] = true
			} else if strings.HasSuffix(lib, "/lib") {
				s.venvs[p[:i-4]] = true
			}
		}
		if v, rest, ok := cutDir(p, "vendor"); ok {
			switch {
			case rest == "modules.txt":
				goVendor[v] = true
			case rest == "autoload.php" || strings.HasPrefix(rest, "composer/"):
				s.vendor[v+"/"] = "PHP Composer dependencies"
			case strings.HasPrefix(rest, "bundle/"):
				s.vendor[v+"/bundle/"] = "Ruby gems (Bundler)"
			}
		}
	}
	for v := range goVendor {
		delete(s.vendor, v+"/")
	}
	delete(s.venvs, "")
	return s
}

// cutDir splits p at its first folder named name: the folder's path and the
// rest below it.
func cutDir(p, name string) (dir, rest string, ok bool) {
	if strings.HasPrefix(p, name+"/") {
		return name, p[len(name)+1:], true
	}
	if i := strings.Index(p, "/"+name+"/"); i >= 0 {
		return p[:i+1+len(name)], p[i+len(name)+2:], true
	}
	return "", "", false
}

// folderOf returns the topmost flagged or candidate folder holding p.
func (s *scanned) folderOf(p string) *folder {
	start := 0
	for {
		i := strings.IndexByte(p[start:], '/')
		if i < 0 {
			return nil
		}
		dir := p[:start+i]
		parent := ""
		if start > 0 {
			parent = p[:start-1]
		}
		name := p[start : start+i]
		lower := strings.ToLower(name)
		d := dir + "/"
		switch {
		case vendorDir[lower]:
			return &folder{path: d, kind: "vendored", what: vendorWhat(lower)}
		case s.venvs[dir]:
			return &folder{path: d, kind: "vendored", what: "Python virtual environment"}
		case s.vendor[d] != "":
			return &folder{path: d, kind: "vendored", what: s.vendor[d]}
		case anyDepth[lower]:
			return &folder{path: d, kind: "output", what: cacheWhat[lower]}
		case lower == ".idea":
			return &folder{path: d, kind: "ide", what: "JetBrains IDE settings"}
		case lower == ".vs":
			return &folder{path: d, kind: "ide", what: "Visual Studio settings"}
		case lower == ".settings":
			return &folder{path: d, kind: "ide", what: "Eclipse settings"}
		case lower == ".vscode":
			return &folder{path: d, kind: "ide", what: "personal VS Code files", cond: true}
		case outputDir[lower] && s.appDirs[parent]:
			switch lower {
			case "dist":
				if parent == "" && s.action {
					break // a JavaScript GitHub Action ships its dist/
				}
				return &folder{path: d, kind: "output", what: "build output"}
			case "target", "out":
				return &folder{path: d, kind: "output", what: "build output"}
			case "coverage":
				return &folder{path: d, kind: "output", what: "test coverage report", cond: true}
			default:
				return &folder{path: d, kind: "output", what: "build output", cond: true}
			}
		}
		start += i + 1
	}
}

var cacheWhat = map[string]string{
	".gradle": "Gradle cache", ".mypy_cache": "mypy cache", ".next": "Next.js build output", ".nuxt": "Nuxt build output",
	".pytest_cache": "pytest cache", ".ruff_cache": "Ruff cache", ".tox": "tox environments", "__pycache__": "Python bytecode cache",
	"_build": "build output", "htmlcov": "test coverage report",
}

func vendorWhat(name string) string {
	switch name {
	case "node_modules", "bower_components", "jspm_packages":
		return "installed JavaScript dependencies"
	}
	return "Python virtual environment"
}

// produces reports whether f proves that the conditional folder fo holds
// output rather than sources or shared settings.
func produces(fo *folder, f snapshot.File) bool {
	rest := strings.TrimPrefix(f.Path, fo.path)
	lower := strings.ToLower(rest)
	base := path.Base(lower)
	ext := path.Ext(base)
	name := path.Base(strings.TrimSuffix(fo.path, "/"))
	switch strings.ToLower(name) {
	case ".vscode":
		return !(vscodeOK[lower] || ext == ".code-snippets")
	case "coverage":
		return coverageFiles[base] || ext == ".html" || strings.HasPrefix(lower, "lcov-report/")
	}
	if binaryExt[ext] || strings.Contains(base, ".so.") || ext == ".map" || base == "asset-manifest.json" ||
		base == "project.assets.json" || hashedBundle(base) {
		return true
	}
	if first, _, ok := strings.Cut(lower, "/"); ok && producedDirs[first] && strings.ToLower(name) != "bin" {
		return true
	}
	// A compiled program: bin/ holding a large file without an extension.
	return strings.EqualFold(name, "bin") && ext == "" && f.Size > 1<<20
}

// hashedBundle spots bundler output such as main.3f2a9c1b.js.
func hashedBundle(base string) bool {
	ext := path.Ext(base)
	if ext != ".js" && ext != ".css" {
		return false
	}
	stem := strings.TrimSuffix(base, ext)
	h := path.Ext(stem)
	if len(h) < 9 {
		return false
	}
	for _, c := range h[1:] {
		if !(c >= '0' && c <= '9' || c >= 'a' && c <= 'f') {
			return false
		}
	}
	return true
}

func binary(p, lowerBase, ext string) bool {
	if wrapperJar[p] || strings.HasSuffix(p, "/gradle/wrapper/gradle-wrapper.jar") || strings.HasSuffix(p, "/.mvn/wrapper/maven-wrapper.jar") {
		return false
	}
	return binaryExt[ext] || strings.Contains(lowerBase, ".so.")
}

// lfs reports whether p is stored with Git LFS: its content is a pointer, or
// the root .gitattributes routes it through the lfs filter.
func (s *scanned) lfs(r *snapshot.Repo, p string) bool {
	if b, err := r.Read(p); err == nil && bytes.HasPrefix(b, []byte("version https://git-lfs.github.com/spec/")) {
		return true
	}
	if !s.lfsChecked {
		s.lfsChecked = true
		if b, err := r.Read(".gitattributes"); err == nil {
			s.lfsGlobs = LFSPatterns(b)
		}
	}
	return MatchAny(s.lfsGlobs, p)
}

// evidence keeps the first maxEvidence items.
type evidence struct{ list []facts.Evidence }

func (e *evidence) add(items ...facts.Evidence) {
	for _, it := range items {
		if len(e.list) < maxEvidence {
			e.list = append(e.list, it)
		}
	}
}

func (e *evidence) first(it facts.Evidence) {
	e.list = append([]facts.Evidence{it}, e.list...)
	if len(e.list) > maxEvidence {
		e.list = e.list[:maxEvidence]
	}
}

func exts(ps []string) string {
	n := map[string]int{}
	for _, p := range ps {
		n[path.Ext(strings.ToLower(p))]++
	}
	keys := make([]string, 0, len(n))
	for k := range n {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if n[keys[i]] != n[keys[j]] {
			return n[keys[i]] > n[keys[j]]
		}
		return keys[i] < keys[j]
	})
	parts := make([]string, len(keys))
	for i, k := range keys {
		parts[i] = fmt.Sprintf("%d %s", n[k], k)
	}
	return strings.Join(parts, ", ")
}

// files says "1 file" or "12,034 files".
func files(n int) string {
	if n == 1 {
		return "1 file"
	}
	s := fmt.Sprint(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s + " files"
}

func sorted(xs []string) []string {
	sort.Strings(xs)
	return xs
}

func cap20(xs []string) []string {
	if len(xs) > maxList {
		return xs[:maxList]
	}
	return xs
}
