// Package readme finds a repository's README the way GitHub does and judges
// how well it presents the project.
//
// # Finding it
//
// The first README in the root, then in .github/, then in docs/ (names
// compared case-insensitively; .md, .markdown, .rst, .txt, no extension,
// then .adoc/.org/.rdoc). Markdown is parsed with goldmark (GFM);
// reStructuredText and plain text by a line reader that knows underlined
// titles, literal blocks and image directives. Bytes that are not UTF-8 are
// decoded as UTF-16 (BOM) or Windows-1252/Latin-1.
//
// # Boilerplate
//
// READMEs written by project generators (create-react-app, Vite, Vue,
// create-next-app, NestJS, Angular CLI, Laravel, Rails) are recognised by a
// signature sentence; their stock text is then left out of every count, so
// Words, Sections and the score describe what the author wrote. When the
// author wrote fewer than 120 words of their own, the README is boilerplate
// and its score is capped at 15 by a negative "boilerplate" part.
//
// # Score (0..100), the sum of ScoreParts
//
//	length     0..20  own prose words: <25:0, <50:4, <100:8, <200:12, <350:16, else 20
//	sections   0..40  description 6, installation 8, usage 6, configuration 3,
//	                  api 4, tests 4, tech-stack 3, screenshots 3, license 2,
//	                  contributing 1 — a section counts when its heading is
//	                  recognised and something other than a placeholder
//	                  ("TODO", "coming soon") is under it; a paragraph of 15+
//	                  words before the first subheading counts as description;
//	                  "Dependencies", "Libraries", "Tools" mean tech-stack only
//	                  as the whole heading ("Install Dependencies" is installation)
//	setup      0..15  15 when a code block holds a setup or run command
//	                  (git clone, npm install, pip install -r, docker compose up,
//	                  go run, mvn spring-boot:run, php artisan, bundle install,
//	                  rails db:migrate, ...), 8 when only inline code does
//	code       0..5   3 for one code block, 5 for two or more
//	visuals    0..10  5 for one image, 10 for two or more, a GIF, or an image
//	                  under a screenshots/demo heading (images in headings,
//	                  such as a logo as the title, count)
//	badges     0..5   3 for one badge, 5 for two or more
//	links      0..5   5 minus 2 per broken relative link, given only to a
//	                  README of 50+ own words (an empty README has nothing to
//	                  link); not checked when the tree is truncated
//	boilerplate       0 or negative: brings a generator's README down to 15
//
// A README of a title or two words therefore scores 0, whatever other
// documentation the repository has; OtherDocs lists that documentation
// without scoring it.
package readme

import (
	"net/url"
	"path"
	"regexp"
	"sort"
	"strings"
	"unicode"

	"github.com/pathway-dev/pathway/internal/facts"
	"github.com/pathway-dev/pathway/internal/snapshot"
)

// Sections are the section ids Readme.Sections may hold, in score order.
var Sections = []string{"description", "installation", "usage", "configuration", "api", "tests", "tech-stack", "screenshots", "license", "contributing"}

// sectionWeights are the points each recognised section adds (sum 40).
var sectionWeights = map[string]int{
	"description": 6, "installation": 8, "usage": 6, "configuration": 3, "api": 4,
	"tests": 4, "tech-stack": 3, "screenshots": 3, "license": 2, "contributing": 1,
}

// synonyms are heading phrases (normalised, matched on word boundaries).
var synonyms = map[string][]string{
	"description": {"description", "about", "overview", "introduction", "intro", "what is", "what it does", "summary", "features",
		"motivation", "purpose", "the project", "project info"},
	"installation": {"installation", "install", "installing", "setup", "set up", "getting started", "get started", "quick start",
		"quickstart", "prerequisites", "requirements", "local development", "development setup", "run locally", "running locally",
		"building from source", "build from source", "local setup", "how to install"},
	"usage": {"usage", "how to use", "using", "run", "running", "how to run", "start", "starting", "examples", "example", "launch",
		"commands", "scripts", "use"},
	"configuration": {"configuration", "config", "configure", "configuring", "environment", "environment variables", "env",
		"env vars", "variables", "settings", "options", "dotenv"},
	"api": {"api", "apis", "endpoints", "endpoint", "routes", "api reference", "api documentation", "api docs", "rest api",
		"graphql", "swagger", "openapi"},
	"tests":      {"tests", "test", "testing", "running tests", "run tests", "unit tests", "test suite", "specs", "coverage"},
	"tech-stack": {"tech stack", "built with", "technologies", "technology", "technologies used", "made with"},
	"screenshots": {"screenshots", "screenshot", "screen shots", "demo", "preview", "live demo", "gallery", "showcase",
		"images", "video", "gif"},
	"license":      {"license", "licence", "licensing", "copyright"},
	"contributing": {"contributing", "contribute", "contributions", "contribution", "how to contribute", "contributors"},
}

// A README matched to a generator's template with fewer than
// boilerplateWords words of the author's own is boilerplate, and scores at
// most boilerplateCap.
const (
	boilerplateWords = 120
	boilerplateCap   = 15
)

// names of README files by preference; the index is the rank.
var readmeExts = []string{".md", ".markdown", ".mdown", ".mkdn", ".rst", ".txt", "", ".text", ".adoc", ".asciidoc", ".org", ".rdoc"}

var readmeDirs = []string{"", ".github", "docs"}

var (
	reSetup = regexp.MustCompile(`(?im)^\s*(?:\$|>|%|PS>|#\s*)?\s*(?:sudo\s+)?(?:` +
		`git\s+clone|npm\s+(?:install|i|ci|run|start)\b|yarn(?:\s+(?:install|dev|start|add)\b|\s*$)|pnpm\s+(?:install|i|dev|start|run)\b|bun\s+(?:install|run|dev)\b|npx\s+\S|` +
		`pip3?\s+install|python3?\s+-m\s+(?:pip|venv|uvicorn|flask|pytest|http\.server)|pipenv\s+(?:install|run|shell)|poetry\s+(?:install|run)|uv\s+(?:sync|run|pip)|` +
		`python3?\s+(?:manage\.py\s+\w+|\S+\.py)|uvicorn\s|flask\s+run|gunicorn\s|` +
		`docker(?:-|\s+)compose\s+(?:up|build|run)|docker\s+(?:run|build)\s|` +
		`go\s+(?:run|build|install|get|mod\s+(?:download|tidy))\b|make(?:\s+[\w-]+)?\s*$|` +
		`(?:\./)?mvnw?(?:\.cmd)?\s.*(?:spring-boot:run|install|package|verify|compile|quarkus:dev|mn:run)|(?:\./)?gradlew?(?:\.bat)?\s+(?:bootRun|build|run|quarkusDev)|java\s+-jar|` +
		`php\s+artisan|composer\s+(?:install|update|require)|symfony\s+server|php\s+-S|` +
		`bundle(?:\s+(?:install|exec)|\s*$)|(?:bin/)?rails\s+(?:s|server|db:\w+)|(?:bin/)?rake\s+db:|` +
		`cargo\s+(?:run|build|install)|dotnet\s+(?:run|restore|build|ef|watch)|mix\s+(?:deps\.get|phx\.server|ecto\.\w+)|` +
		`cp\s+\.env|source\s+\S*activate|\S*\\activate(?:\.bat)?\s*$|` +
		`brew\s+install|apt(?:-get)?\s+install|kubectl\s+apply|helm\s+install)`)
	reBadge = regexp.MustCompile(`(?i)shields\.io|badgen\.net|badge|forthebadge|travis-ci\.(?:org|com)/.+\.svg|circleci\.com/.+\.svg|` +
		`codecov\.io/.+(?:graph|\.svg)|coveralls\.io/repos|circleci\.com/gh/.+\.(?:svg|png)|/workflows/.+\.svg|appveyor\.com/api/projects/status|[?&]status=|sonarcloud\.io/api`)
	reVideo       = regexp.MustCompile(`(?i)\.(?:gif|mp4|webm|mov)(?:$|[?#])`)
	reScheme      = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9+.-]*:`)
	rePlaceholder = regexp.MustCompile(`(?i)^(?:todo|tbd|tba|wip|coming soon|soon|to be added|to do|lorem ipsum.*|\.\.\.|…|n/?a|-+)[.!]*$`)
)

// Detect finds and judges the README of r.
func Detect(r *snapshot.Repo) facts.Readme {
	out := facts.Readme{Sections: []string{}}
	if r == nil {
		return out
	}
	out.OtherDocs = otherDocs(r)
	p, format := find(r)
	if p == "" {
		return out
	}
	out.Present, out.Path, out.Format = true, p, format
	raw, err := r.Read(p)
	if err != nil {
		// Unknown content: a README that was not fetched is not judged.
		return out
	}
	if f, _ := r.File(p); f.Kind == "symlink" {
		target := path.Clean(path.Join(path.Dir(p), strings.TrimSpace(string(raw))))
		if b, err := r.Read(target); err == nil {
			raw = b
		}
	}
	var blocks []block
	switch format {
	case "markdown":
		blocks = parseMarkdown(decode(raw))
	default:
		blocks = parseSimple(decode(raw), format == "rst")
	}
	analyse(r, p, blocks, &out)
	return out
}

// find returns the README path GitHub would show, and its format.
func find(r *snapshot.Repo) (string, string) {
	best, bestRank := "", -1
	for _, f := range r.Files {
		dir, base := path.Split(f.Path)
		dir = strings.TrimSuffix(dir, "/")
		di := -1
		for i, d := range readmeDirs {
			if dir == d {
				di = i
			}
		}
		if di < 0 || len(base) < 6 || !strings.EqualFold(base[:6], "readme") {
			continue
		}
		ext := strings.ToLower(base[6:])
		ei := -1
		for i, e := range readmeExts {
			if ext == e {
				ei = i
			}
		}
		if ei < 0 {
			continue
		}
		rank := di*len(readmeExts) + ei
		if bestRank < 0 || rank < bestRank || (rank == bestRank && f.Path < best) {
			best, bestRank = f.Path, rank
		}
	}
	if best == "" {
		return "", ""
	}
	switch strings.ToLower(path.Ext(best)) {
	case ".md", ".markdown", ".mdown", ".mkdn":
		return best, "markdown"
	case ".rst":
		return best, "rst"
	}
	return best, "text"
}

// analyse fills the counts and the score from the parsed blocks.
func analyse(r *snapshot.Repo, readmePath string, blocks []block, out *facts.Readme) {
	tmpl := matchTemplate(blocks)
	if tmpl != nil {
		markTemplate(tmpl, blocks)
	}
	// A stock heading the author wrote their own text under is theirs.
	for i := range blocks {
		if blocks[i].kind == kindHeading && blocks[i].template && ownBody(blocks, i) {
			blocks[i].template = false
		}
	}

	found := map[string]bool{}
	var (
		ownWords, templateWords int
		setupBlock, setupSpan   bool
		firstSub                = len(blocks) // index of the first level 2+ heading
		introWords              int
		visualBonus             bool
	)
	// The intro runs from the top (past a title heading) to the next heading.
	title := true
	titleAt := -1 // the title heading: names the project, not a section
	for i, b := range blocks {
		if b.kind == kindHeading {
			// A first heading that names a section ("Quickstart" under a
			// logo, flask-realworld) starts the body; it is no title.
			if !title || startsBody(b.text) {
				firstSub = i
				break
			}
			title = false
			titleAt = i
			continue
		}
		if b.kind != kindProse || !b.onlyLinkedImages && strings.TrimSpace(b.text) != "" {
			title = false
		}
	}
	section := "" // section of the innermost recognised heading
	countImages := func(b block, i int) {
		for _, im := range b.images {
			if reBadge.MatchString(im.src) || (b.onlyLinkedImages && len(b.images) >= 2 && i < firstSub) {
				out.Badges++
				continue
			}
			out.Images++
			if reVideo.MatchString(im.src) || section == "screenshots" {
				visualBonus = true
			}
		}
	}
	for i, b := range blocks {
		if b.template {
			templateWords += countWords(b.text)
		}
		if b.kind == kindHeading {
			section = ""
			if ids := classify(b.text); len(ids) > 0 && i != titleAt && ownBody(blocks, i) {
				for _, id := range ids {
					found[id] = true
				}
				section = ids[0]
			}
			if !b.template {
				out.Headings++
				ownWords += countWords(b.text)
				// "# ![Conduit](logo.png)": a logo as the title is an image.
				countImages(b, i)
			}
			continue
		}
		if b.template {
			continue
		}
		switch b.kind {
		case kindCode:
			out.CodeBlocks++
			if reSetup.MatchString(b.code) {
				setupBlock = true
			}
		case kindProse:
			w := countWords(b.text)
			ownWords += w
			if i < firstSub && !b.onlyLinkedImages {
				introWords += w
			}
		}
		for _, s := range b.spans {
			if reSetup.MatchString(s) {
				setupSpan = true
			}
		}
		countImages(b, i)
	}
	if introWords >= 15 {
		found["description"] = true
	}
	for _, id := range Sections {
		if found[id] {
			out.Sections = append(out.Sections, id)
		}
	}
	out.Words = ownWords
	out.SetupCommands = setupBlock || setupSpan
	if !r.TreeTruncated {
		out.BrokenLinks = brokenLinks(r, readmePath, blocks)
	}

	parts := []facts.ScorePart{
		{Name: "length", Points: band(ownWords, []int{25, 50, 100, 200, 350}, []int{0, 4, 8, 12, 16, 20}), Max: 20},
		{Name: "sections", Points: sectionPoints(out.Sections), Max: 40},
		{Name: "setup", Points: pick(setupBlock, 15, pick(setupSpan, 8, 0)), Max: 15},
		{Name: "code", Points: band(out.CodeBlocks, []int{1, 2}, []int{0, 3, 5}), Max: 5},
		{Name: "visuals", Points: pick(out.Images >= 2 || (out.Images > 0 && visualBonus), 10, pick(out.Images == 1, 5, 0)), Max: 10},
		{Name: "badges", Points: band(out.Badges, []int{1, 2}, []int{0, 3, 5}), Max: 5},
		{Name: "links", Points: pick(ownWords >= 50, max(0, 5-2*len(out.BrokenLinks)), 0), Max: 5},
	}
	total := 0
	for _, p := range parts {
		total += p.Points
	}
	if tmpl != nil && ownWords < boilerplateWords {
		// Points are negative (Max 0): the part takes away what the
		// author's few lines earned above the cap.
		bp := facts.ScorePart{Name: "boilerplate"}
		if total > boilerplateCap {
			bp.Points = boilerplateCap - total
		}
		total += bp.Points
		parts = append(parts, bp)
	}
	out.Score = min(100, max(0, total))
	out.ScoreParts = parts
}

// startsBody reports whether a heading is nothing but the name of a section
// other than the description ("Quickstart", "Installation"), so no intro
// can sit under it. A title that merely holds such a word ("Todo API",
// "Flask Demo") is still a title.
func startsBody(heading string) bool {
	n := norm(heading)
	for id, syns := range synonyms {
		if id == "description" {
			continue
		}
		for _, s := range syns {
			if n == s {
				return true
			}
		}
	}
	return false
}

// ownBody reports whether the heading at i has author-written content under
// it: anything that is not template text or a placeholder before the next
// heading of the same or a higher level.
func ownBody(blocks []block, i int) bool {
	lvl := blocks[i].level
	for j := i + 1; j < len(blocks); j++ {
		b := blocks[j]
		if b.kind == kindHeading {
			if b.level <= lvl {
				return false
			}
			continue
		}
		if b.template {
			continue
		}
		if b.kind == kindCode && strings.TrimSpace(b.code) != "" {
			return true
		}
		if len(b.images) > 0 || len(b.links) > 0 {
			return true
		}
		t := strings.TrimSpace(b.text)
		if t != "" && !rePlaceholder.MatchString(t) {
			return true
		}
	}
	return false
}

// weakStack are words that name the tech stack only when they are the whole
// heading, with at most filler words ("Dependencies", "Libraries and
// tools", "Main frameworks used"): "Install Dependencies" is installation,
// "Run the tools" is usage.
var weakStack = map[string]bool{
	"stack": true, "tools": true, "tech": true, "frameworks": true, "libraries": true, "dependencies": true,
	"languages": true, "packages": true,
}

var stackFiller = map[string]bool{
	"the": true, "and": true, "main": true, "key": true, "core": true, "used": true, "our": true, "project": true,
	"other": true, "major": true, "of": true, "this": true,
}

// weakStackOnly reports whether n (normalised) is made of weak tech-stack
// words and filler only, with at least one weak word.
func weakStackOnly(n string) bool {
	weak := false
	for _, w := range strings.Fields(n) {
		switch {
		case weakStack[w]:
			weak = true
		case !stackFiller[w]:
			return false
		}
	}
	return weak
}

// classify returns the section ids a heading names. Tests win over usage so
// that "Running the tests" is not also read as usage.
func classify(heading string) []string {
	n := " " + norm(heading) + " "
	if strings.TrimSpace(n) == "" {
		return nil
	}
	var ids []string
	for _, id := range Sections {
		if id == "tech-stack" && weakStackOnly(n) {
			ids = append(ids, id)
			continue
		}
		for _, s := range synonyms[id] {
			if strings.Contains(n, " "+s+" ") {
				ids = append(ids, id)
				break
			}
		}
	}
	if len(ids) > 1 && contains(ids, "tests") {
		ids = remove(ids, "usage")
		ids = remove(ids, "installation")
	}
	return ids
}

func sectionPoints(ids []string) int {
	p := 0
	for _, id := range ids {
		p += sectionWeights[id]
	}
	return p
}

// brokenLinks returns the relative links (and image sources) that point to
// nothing in the tree, resolved against the README's folder (a leading "/"
// means the repository root, as on GitHub).
func brokenLinks(r *snapshot.Repo, readmePath string, blocks []block) []string {
	var out []string
	seen := map[string]bool{}
	check := func(dest string) {
		dest = strings.TrimSpace(dest)
		if dest == "" || dest[0] == '#' || strings.HasPrefix(dest, "//") || reScheme.MatchString(dest) {
			return
		}
		if i := strings.IndexAny(dest, "#?"); i >= 0 {
			dest = dest[:i]
		}
		if u, err := url.PathUnescape(dest); err == nil {
			dest = u
		}
		var p string
		if strings.HasPrefix(dest, "/") {
			p = path.Clean(strings.TrimLeft(dest, "/"))
		} else {
			p = path.Clean(path.Join(path.Dir(readmePath), dest))
		}
		// Links that climb out of the tree are GitHub pages (../../issues,
		// ../../wiki), not files.
		if p == "." || p == ".." || strings.HasPrefix(p, "../") || seen[p] {
			return
		}
		seen[p] = true
		if r.Has(p) || hasDir(r, p) {
			return
		}
		if len(out) < 20 {
			out = append(out, dest)
		}
	}
	for _, b := range blocks {
		for _, l := range b.links {
			check(l)
		}
		for _, im := range b.images {
			check(im.src)
		}
	}
	return out
}

// hasDir reports whether some file lies under dir.
func hasDir(r *snapshot.Repo, dir string) bool {
	prefix := dir + "/"
	i := sort.Search(len(r.Files), func(i int) bool { return r.Files[i].Path >= prefix })
	return i < len(r.Files) && strings.HasPrefix(r.Files[i].Path, prefix)
}

// otherDocs lists documentation besides the README: a docs/ folder, a wiki
// folder, root-level Markdown/rst guides and community files.
func otherDocs(r *snapshot.Repo) []string {
	seen := map[string]bool{}
	var out []string
	add := func(s string) {
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	for _, f := range r.Files {
		dir, base := path.Split(f.Path)
		lower := strings.ToLower(base)
		top, _, nested := strings.Cut(f.Path, "/")
		switch {
		case nested && (strings.EqualFold(top, "docs") || strings.EqualFold(top, "doc") || strings.EqualFold(top, "documentation")):
			if !strings.HasPrefix(lower, "readme") || strings.Count(f.Path, "/") > 1 {
				add(top + "/")
			}
		case nested && strings.EqualFold(top, "wiki"):
			add(top + "/")
		case dir == "" || dir == ".github/":
			ext := path.Ext(lower)
			if (ext == ".md" || ext == ".rst" || ext == ".adoc" || ext == ".markdown") &&
				!strings.HasPrefix(lower, "readme") && !strings.HasPrefix(lower, "license") && !strings.HasPrefix(lower, "licence") &&
				!strings.HasPrefix(lower, "pull_request_template") {
				add(f.Path)
			}
		}
	}
	sort.Strings(out)
	if len(out) > 10 {
		out = out[:10]
	}
	return out
}

// norm lower-cases s and keeps only letters and digits, one space between
// words, so headings match whatever their emoji, numbering or punctuation.
func norm(s string) string {
	var sb strings.Builder
	space := true
	for _, r := range strings.ToLower(s) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			sb.WriteRune(r)
			space = false
		} else if !space {
			sb.WriteByte(' ')
			space = true
		}
	}
	return strings.TrimSpace(sb.String())
}

// countWords counts tokens with at least one letter or digit.
func countWords(s string) int {
	n := 0
	for _, f := range strings.Fields(s) {
		for _, r := range f {
			if unicode.IsLetter(r) || unicode.IsDigit(r) {
				n++
				break
			}
		}
	}
	return n
}

// band returns values[i] for the first limit v is below, else the last.
func band(v int, limits, values []int) int {
	for i, l := range limits {
		if v < l {
			return values[i]
		}
	}
	return values[len(values)-1]
}

func pick(cond bool, a, b int) int {
	if cond {
		return a
	}
	return b
}

func contains(s []string, v string) bool {
	for _, x := range s {
		if x == v {
			return true
		}
	}
	return false
}

func remove(s []string, v string) []string {
	out := s[:0]
	for _, x := range s {
		if x != v {
			out = append(out, x)
		}
	}
	return out
}
