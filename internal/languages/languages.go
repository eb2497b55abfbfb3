// Package languages measures the languages of a repository the way GitHub
// Linguist does, with go-enry's copy of Linguist's data: bytes per language
// over the files Linguist would count, and the primary language.
//
// What Linguist counts: blobs (not symlinks or submodules) that are not
// vendored, generated or documentation, that are not binary, and whose
// language is of type programming or markup; each counts under its
// language group (TSX as TypeScript, HTML+ERB as HTML) with its size in
// bytes. .gitattributes overrides (linguist-vendored, linguist-generated,
// linguist-documentation, linguist-language, linguist-detectable) win over
// all of these, as they do on GitHub.
//
// One deliberate difference: files under a dot directory or whose name
// starts with a dot (.eslintrc.js, .husky/pre-commit) are tool
// configuration, not the owner's code, and are not counted unless
// .gitattributes marks them linguist-detectable. Linguist counts them.
package languages

import (
	"bytes"
	"cmp"
	"path"
	"slices"
	"strings"

	"github.com/go-enry/go-enry/v2"
	"github.com/go-enry/go-enry/v2/data"

	"github.com/pathway-dev/pathway/internal/snapshot"
)

// Result is the language breakdown of one repository.
type Result struct {
	// Bytes maps a language (after grouping) to the bytes of the files
	// counted for it; programming and markup languages only.
	Bytes map[string]int64
	// Primary is the language with most bytes, ties broken by name; "" when
	// nothing was counted.
	Primary string
	// Files maps every counted file to its language (after grouping), so
	// detectors can count source files without detecting again.
	Files map[string]string
}

// Detect measures the languages of files. read returns a file's content or
// an error (snapshot.ErrNotFetched) when it is not at hand; content is asked
// for only when it can change the answer, and a missing one never stops the
// count: the decision then rests on the path alone.
func Detect(files []snapshot.File, read func(path string) ([]byte, error)) Result {
	// Most of a tree is usually counted: sizing Files up front saves
	// rehashing it over and over on large trees.
	res := Result{Bytes: map[string]int64{}, Files: make(map[string]string, len(files))}
	if read == nil {
		read = func(string) ([]byte, error) { return nil, snapshot.ErrNotFetched }
	}
	attrs := loadAttributes(files, read)
	var d detector
	for _, f := range files {
		if f.Kind == "symlink" || f.Kind == "submodule" || f.Size == 0 {
			// Linguist counts neither links nor empty blobs.
			continue
		}
		var a attrSet
		if attrs != nil {
			a = attrs.lookup(f.Path)
		}
		lang := d.language(f.Path, a, read)
		if lang == "" {
			continue
		}
		if g := enry.GetLanguageGroup(lang); g != "" {
			lang = g
		}
		res.Bytes[lang] += max(f.Size, 0)
		res.Files[f.Path] = lang
	}
	res.Primary = primary(res.Bytes)
	return res
}

func primary(bytes map[string]int64) string {
	best, n := "", int64(-1)
	for lang, b := range bytes {
		if b > n || (b == n && lang < best) {
			best, n = lang, b
		}
	}
	return best
}

// detector holds per-call caches: a repository has few distinct file names
// and extensions, and enry's name lookups allocate.
type detector struct {
	byName map[string][]string // base name -> enry candidates by file name, then extension
}

// language returns the ungrouped language path counts as, or "" when
// Linguist would leave it out of the statistics.
func (d *detector) language(p string, a attrSet, read func(string) ([]byte, error)) string {
	// The language comes first because it is cheap (map lookups) and most
	// paths (data, prose, images, unknown names) stop here, before the
	// regular expressions of the vendor and documentation lists.
	var cands []string
	if v, ok := a.get(attrLanguage); ok {
		lang, found := enry.GetLanguageByAlias(v)
		if !found {
			return ""
		}
		cands = []string{lang}
	} else {
		cands = d.candidates(p)
		if len(cands) > 0 && !anyCounted(cands, a) {
			return ""
		}
		if len(cands) == 0 && path.Ext(p) != "" {
			// Only a shebang or modeline could still name a language.
			// Linguist looks in files with unknown extensions too, but
			// those are images, archives and binaries far more often
			// than scripts: not worth reading each one.
			return ""
		}
	}

	if isDotConfig(p) && !a.isTrue(attrDetectable) {
		return ""
	}
	if b, ok := a.bool(attrVendored); ok {
		if b {
			return ""
		}
	} else if isVendor(p) {
		return ""
	}
	if b, ok := a.bool(attrDocumentation); ok {
		if b {
			return ""
		}
	} else if isDocumentation(p) {
		return ""
	}
	genSet, genKnown := a.bool(attrGenerated)
	if genKnown && genSet {
		return ""
	}
	if !genKnown && generatedPath(p) {
		return ""
	}

	content, err := read(p)
	fetched := err == nil
	if fetched {
		if enry.IsBinary(content) || len(content) == 0 {
			// Linguist gives binary and empty blobs no language.
			return ""
		}
		if !genKnown && generatedContent(p, content) {
			return ""
		}
	}

	var lang string
	switch {
	case len(cands) == 1:
		lang = cands[0]
	case fetched:
		// Ambiguous or unknown by name: Linguist's full chain (modeline,
		// shebang, heuristics, classifier) decides.
		lang = first(classify(p, content), cands)
	case len(cands) > 1:
		lang = fallback(p, cands)
	default:
		return ""
	}
	if !counted(lang, a) {
		return ""
	}
	return lang
}

// chain is enry's strategy chain without the modeline step, which costs a
// third of detection time and almost never applies; classify runs the full
// chain when a modeline may be present.
var chain = []enry.Strategy{
	enry.GetLanguagesByFilename,
	enry.GetLanguagesByShebang,
	enry.GetLanguagesByExtension,
	enry.GetLanguagesByXML,
	enry.GetLanguagesByManpage,
	enry.GetLanguagesByContent,
	enry.GetLanguagesByClassifier,
}

// classify is enry.GetLanguages: each strategy narrows the candidates of
// the previous one until one language is left.
func classify(p string, content []byte) []string {
	if mayHaveModeline(content) {
		return enry.GetLanguages(p, content)
	}
	var langs []string
	for _, s := range chain {
		c := s(p, content, langs)
		if len(c) == 1 {
			return c
		}
		if len(c) > 1 {
			langs = c
		}
	}
	return langs
}

// mayHaveModeline reports whether the first or last lines of content, where
// enry looks for modelines, hold an Emacs "-*-" or a Vim "ft=", "syntax=" or
// "filetype=" (the only Vim modelines that name a language).
func mayHaveModeline(content []byte) bool {
	head, foot := content, content
	if i := nthIndex(content, 5); i >= 0 {
		head = content[:i]
		foot = content[lastNthIndex(content, 6)+1:]
	}
	for _, part := range [][]byte{head, foot} {
		if bytes.Contains(part, []byte("-*-")) {
			return true
		}
		for i := bytes.IndexByte(part, '='); i >= 0; {
			k := i
			for k > 0 && (part[k-1] == ' ' || part[k-1] == '\t') {
				k--
			}
			w := bytes.ToLower(part[max(k-6, 0):k])
			if bytes.HasSuffix(w, []byte("ft")) || bytes.HasSuffix(w, []byte("syntax")) {
				return true
			}
			j := bytes.IndexByte(part[i+1:], '=')
			if j < 0 {
				break
			}
			i += j + 1
		}
	}
	return false
}

// nthIndex returns the index of the nth newline of b, or -1.
func nthIndex(b []byte, n int) int {
	i := -1
	for ; n > 0; n-- {
		j := bytes.IndexByte(b[i+1:], '\n')
		if j < 0 {
			return -1
		}
		i += j + 1
	}
	return i
}

// lastNthIndex returns the index of the nth newline from the end of b, or
// -1 when there are fewer.
func lastNthIndex(b []byte, n int) int {
	i := len(b)
	for ; n > 0; n-- {
		i = bytes.LastIndexByte(b[:i], '\n')
		if i < 0 {
			return -1
		}
	}
	return i
}

// candidates returns the languages enry finds for p by file name, else by
// extension. It never reads content.
func (d *detector) candidates(p string) []string {
	base := path.Base(p)
	if c, ok := d.byName[base]; ok {
		return c
	}
	c := enry.GetLanguagesByFilename(base, nil, nil)
	if len(c) == 0 {
		c = enry.GetLanguagesByExtension(base, nil, nil)
	}
	if d.byName == nil {
		d.byName = map[string][]string{}
	}
	d.byName[base] = c
	return c
}

// first picks the answer of enry's chain: its first language if it gave
// several (the classifier sorts them by likelihood).
func first(langs, cands []string) string {
	for _, l := range langs {
		if l != "" {
			return l
		}
	}
	if len(cands) > 0 {
		return cands[0]
	}
	return ""
}

// mainstream orders the languages that share an extension with rarer ones,
// most common on GitHub first. It settles ambiguous files whose content is
// not at hand: enry lists candidates alphabetically, which would make every
// unread .php file Hack and every .m file Limbo.
var mainstream = []string{
	"PHP", "C#", "Objective-C", "Perl", "Rust", "TypeScript", "TSX",
	"JavaScript", "HTML", "Markdown", "C", "C++", "Python", "Ruby", "Java",
	"Go", "SQL", "Shell", "MATLAB", "XML",
}

// fallback chooses among cands without content, deterministically: the
// default of Linguist's heuristics for the extension when it has one (the
// rule that applies when no specific pattern matches, e.g. .h is C), else
// the most common candidate, else enry's first.
func fallback(p string, cands []string) string {
	ext := strings.ToLower(path.Ext(p))
	if h, ok := data.ContentHeuristics[ext]; ok {
		if l := h.Match(nil); len(l) == 1 && slices.Contains(cands, l[0]) {
			return l[0]
		}
	}
	for _, m := range mainstream {
		if slices.Contains(cands, m) {
			return m
		}
	}
	return cands[0]
}

// counted reports whether Linguist puts lang in the statistics: programming
// and markup only, unless linguist-detectable says otherwise.
func counted(lang string, a attrSet) bool {
	if b, ok := a.bool(attrDetectable); ok {
		return b
	}
	t := enry.GetLanguageType(lang)
	return t == enry.Programming || t == enry.Markup
}

func anyCounted(cands []string, a attrSet) bool {
	for _, c := range cands {
		if counted(c, a) {
			return true
		}
	}
	return false
}

func isDotConfig(p string) bool {
	return strings.HasPrefix(p, ".") || strings.Contains(p, "/.")
}

// generatedSuffixes are outputs of protoc and its plugins. Linguist knows
// them by the "DO NOT EDIT" header they always carry; the suffix gives the
// same answer when the content was not fetched.
var generatedSuffixes = []string{
	".pb.go", ".pb.gw.go", "_pb2.py", "_pb2_grpc.py", ".pb.cc", ".pb.h",
	"_pb.js", "_grpc_pb.js",
}

// generatedPath is Linguist's generated check on the path alone: what
// enry.IsGenerated(p, nil) says, plus the protoc outputs.
func generatedPath(p string) bool {
	for _, s := range generatedSuffixes {
		if strings.HasSuffix(p, s) {
			return true
		}
	}
	if _, ok := data.GeneratedCodeExtensions[strings.ToLower(path.Ext(p))]; ok {
		return true
	}
	if !mayBeGeneratedName(p) {
		return false
	}
	for _, m := range data.GeneratedCodeNameMatchers {
		if m(p) {
			return true
		}
	}
	return false
}

// generatedContent is the part of enry.IsGenerated that reads content
// (minified files, "Code generated ... DO NOT EDIT" headers, source maps).
func generatedContent(p string, content []byte) bool {
	lp := strings.ToLower(p)
	ext := path.Ext(lp)
	for _, m := range data.GeneratedCodeMatchers {
		if m(lp, ext, content) {
			return true
		}
	}
	return false
}

// ownConfig lists what Linguist's vendor.yml holds only because it is the
// repository's own tooling (CI, git, editor settings), not third-party
// code: Skip must not hide these from the detectors that look for them.
var ownConfig = struct{ dirs, names []string }{
	dirs:  []string{".github", ".teamcity", ".vscode", ".idea", ".circleci"},
	names: []string{"Jenkinsfile", "Vagrantfile", ".gitignore", ".gitattributes", ".gitmodules", ".gitpod.Dockerfile", ".DS_Store"},
}

// Skip says why a path is not the owner's own code — "vendored",
// "generated" or "documentation" — or "" when it is. It looks at the path
// only (Linguist's vendor.yml, generated-file names and documentation.yml,
// via enry), so it is cheap enough for every path of a tree, but it cannot
// see .gitattributes or content: Result.Files is the exact answer for
// language-counted files.
//
// Skip is for leaving third-party, generated and documentation files out
// of counts (test files, routes, source files). It must not be used to
// hide repository configuration: Linguist's vendor list also matches
// .github/ (workflows), Jenkinsfile, .teamcity/, .gitignore and .vscode/,
// and Skip returns "" for those (unless they sit inside a vendored
// directory such as node_modules/pkg/.github/), so CI, hygiene and
// security detectors still see them.
func Skip(p string) string {
	if pre, ok := splitOwnConfig(p); ok {
		if pre != "" && isVendor(pre) {
			return "vendored"
		}
		return ""
	}
	switch {
	case isVendor(p):
		return "vendored"
	case generatedPath(p):
		return "generated"
	case isDocumentation(p):
		return "documentation"
	}
	return ""
}

// splitOwnConfig reports whether p is repository configuration listed in
// ownConfig, and the directory prefix (with its trailing slash) it sits in.
func splitOwnConfig(p string) (string, bool) {
	dir, base := path.Split(p)
	if slices.Contains(ownConfig.names, base) {
		return dir, true
	}
	for _, d := range ownConfig.dirs {
		if strings.HasPrefix(p, d+"/") {
			return "", true
		}
		if i := strings.Index(p, "/"+d+"/"); i >= 0 {
			return p[:i+1], true
		}
	}
	return "", false
}

// backend lists the languages people write servers, APIs and services in,
// by Linguist name after grouping. JavaScript and TypeScript are in because
// Node.js backends (Express, NestJS) are written in them; the frameworks
// detector tells a Node API from a browser app. Left out on purpose: C and
// C++ (mostly systems and embedded work), Swift, Dart and Objective-C
// (mostly mobile clients), SQL dialects (the databases step scores them),
// and markup, shell and configuration languages.
var backend = map[string]bool{
	"C#": true, "Clojure": true, "Crystal": true, "Elixir": true,
	"Erlang": true, "F#": true, "Gleam": true, "Go": true, "Groovy": true,
	"Haskell": true, "Java": true, "JavaScript": true, "Kotlin": true,
	"OCaml": true, "PHP": true, "Perl": true, "Python": true, "Ruby": true,
	"Rust": true, "Scala": true, "TypeScript": true, "Visual Basic .NET": true,
}

// Backend reports whether lang (a Linguist name, as in Result.Bytes) is a
// language used for backend work; see the list above for what is in.
func Backend(lang string) bool {
	return backend[lang]
}

// neutral is the colour of languages Linguist gives none to.
const neutral = "#cccccc"

// Color returns Linguist's colour for lang as "#rrggbb" (lower case), or a
// neutral grey when it has none.
func Color(lang string) string {
	c := strings.ToLower(enry.GetColor(lang))
	if len(c) == 4 && c[0] == '#' {
		c = string([]byte{'#', c[1], c[1], c[2], c[2], c[3], c[3]})
	}
	if len(c) != 7 || c[0] != '#' || !isHex(c[1:]) {
		return neutral
	}
	return c
}

func isHex(s string) bool {
	for _, r := range s {
		if !strings.ContainsRune("0123456789abcdef", r) {
			return false
		}
	}
	return true
}

// compareBytes orders languages by bytes, largest first, then by name.
func compareBytes(m map[string]int64) func(a, b string) int {
	return func(a, b string) int {
		if c := cmp.Compare(m[b], m[a]); c != 0 {
			return c
		}
		return cmp.Compare(a, b)
	}
}

// Sorted returns the languages of r, largest first, ties by name.
func (r Result) Sorted() []string {
	out := make([]string, 0, len(r.Bytes))
	for l := range r.Bytes {
		out = append(out, l)
	}
	slices.SortFunc(out, compareBytes(r.Bytes))
	return out
}
