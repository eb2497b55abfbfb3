package readme

import (
	"encoding/binary"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"sort"
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/pathway-dev/pathway/internal/facts"
	"github.com/pathway-dev/pathway/internal/snapshot"
	"github.com/pathway-dev/pathway/internal/snapshot/snapshottest"
)

// load reads testdata/<name> into a snapshot as a source would.
func load(t testing.TB, name string) *snapshot.Repo {
	t.Helper()
	return snapshottest.Dir(t, filepath.Join("testdata", name), name)
}

func repo(files map[string]string) *snapshot.Repo { return snapshottest.Map("r", files) }

func part(t *testing.T, rm facts.Readme, name string) facts.ScorePart {
	t.Helper()
	for _, p := range rm.ScoreParts {
		if p.Name == name {
			return p
		}
	}
	t.Fatalf("no score part %q in %+v", name, rm.ScoreParts)
	return facts.ScorePart{}
}

func hasPart(rm facts.Readme, name string) bool {
	for _, p := range rm.ScoreParts {
		if p.Name == name {
			return true
		}
	}
	return false
}

// checkSum asserts the score is the sum of its parts: the report explains
// the score by them, so they must add up.
func checkSum(t *testing.T, rm facts.Readme) {
	t.Helper()
	sum := 0
	for _, p := range rm.ScoreParts {
		if p.Points > p.Max && p.Name != "boilerplate" {
			t.Errorf("part %s: %d points over max %d", p.Name, p.Points, p.Max)
		}
		sum += p.Points
	}
	if len(rm.ScoreParts) > 0 && sum != rm.Score {
		t.Errorf("score %d, parts sum to %d: %+v", rm.Score, sum, rm.ScoreParts)
	}
}

func TestGoodDjangoReadme(t *testing.T) {
	rm := Detect(load(t, "django-good"))
	checkSum(t, rm)
	if !rm.Present || rm.Path != "README.md" || rm.Format != "markdown" {
		t.Fatalf("present=%v path=%q format=%q", rm.Present, rm.Path, rm.Format)
	}
	want := []string{"description", "installation", "configuration", "api", "tests", "tech-stack", "screenshots", "license"}
	if !reflect.DeepEqual(rm.Sections, want) {
		t.Errorf("sections = %v, want %v", rm.Sections, want)
	}
	if !rm.SetupCommands || rm.CodeBlocks != 2 {
		t.Errorf("setup=%v code blocks=%d, want true, 2", rm.SetupCommands, rm.CodeBlocks)
	}
	if rm.Images != 2 || rm.Badges != 3 {
		t.Errorf("images=%d badges=%d, want 2, 3", rm.Images, rm.Badges)
	}
	if len(rm.BrokenLinks) != 0 {
		t.Errorf("broken links %v in a README whose links all resolve", rm.BrokenLinks)
	}
	if rm.Headings != 9 { // the HTML <h1> title and eight ## headings
		t.Errorf("headings = %d, want 9", rm.Headings)
	}
	if rm.Words < 150 || rm.Words > 200 {
		t.Errorf("words = %d, want prose only (169)", rm.Words)
	}
	if rm.Score < 85 {
		t.Errorf("score = %d for a complete README, want >= 85: %+v", rm.Score, rm.ScoreParts)
	}
	if hasPart(rm, "boilerplate") {
		t.Errorf("own README flagged as boilerplate")
	}
	if !slices.Contains(rm.OtherDocs, "docs/") || !slices.Contains(rm.OtherDocs, "CONTRIBUTING.md") {
		t.Errorf("other docs = %v, want docs/ and CONTRIBUTING.md", rm.OtherDocs)
	}
}

func TestTitleOnlyReadmeScoresLowEvenWithDocs(t *testing.T) {
	rm := Detect(load(t, "title-only"))
	checkSum(t, rm)
	if !rm.Present || rm.Score >= 10 {
		t.Fatalf("present=%v score=%d, want a present README scoring < 10", rm.Present, rm.Score)
	}
	if rm.Words > 2 || len(rm.Sections) != 0 || rm.SetupCommands {
		t.Errorf("words=%d sections=%v setup=%v", rm.Words, rm.Sections, rm.SetupCommands)
	}
	if !slices.Contains(rm.OtherDocs, "docs/") {
		t.Errorf("other docs = %v, want docs/ said", rm.OtherDocs)
	}
}

func TestTwoWordReadme(t *testing.T) {
	for _, c := range []string{"# todo-app\n\nTodo app\n", "my project", "Shop API\n========\n\nWork in progress.\n"} {
		for _, name := range []string{"README.md", "README", "README.rst"} {
			rm := Detect(repo(map[string]string{name: c, "docs/guide.md": strings.Repeat("words ", 500)}))
			checkSum(t, rm)
			if rm.Score >= 10 {
				t.Errorf("%s %q: score %d, want < 10: %+v", name, c, rm.Score, rm.ScoreParts)
			}
		}
	}
}

func TestBoilerplateReadmes(t *testing.T) {
	for _, name := range []string{"cra-boilerplate", "laravel-boilerplate", "rails-boilerplate", "nest-boilerplate"} {
		t.Run(name, func(t *testing.T) {
			rm := Detect(load(t, name))
			checkSum(t, rm)
			if rm.Score > 15 {
				t.Errorf("score = %d, want <= 15 for a generator's README: %+v", rm.Score, rm.ScoreParts)
			}
			if !hasPart(rm, "boilerplate") {
				t.Fatalf("no boilerplate part: %+v", rm.ScoreParts)
			}
			if rm.Words >= 60 {
				t.Errorf("words = %d: template text counted as the author's", rm.Words)
			}
			if len(rm.Sections) != 0 {
				t.Errorf("sections = %v: the template's stock sections counted", rm.Sections)
			}
		})
	}
}

func TestBoilerplateWithAFewOwnLinesIsCapped(t *testing.T) {
	cra, err := os.ReadFile("testdata/cra-boilerplate/README.md")
	if err != nil {
		t.Fatal(err)
	}
	own := "# Weather app\n\nShows the weather for your city using the OpenWeather API.\n\n## Setup\n\n```\ngit clone https://github.com/jdoe/weather.git\nnpm install\n```\n\n![screen](https://i.imgur.com/abc.png)\n![screen 2](https://i.imgur.com/def.gif)\n\n"
	rm := Detect(repo(map[string]string{"README.md": own + string(cra)}))
	checkSum(t, rm)
	p := part(t, rm, "boilerplate")
	if p.Max != 0 || p.Points >= 0 || rm.Score != boilerplateCap {
		t.Errorf("score %d, boilerplate part %+v: want a negative part capping the score at %d", rm.Score, p, boilerplateCap)
	}
}

func TestExtendedTemplateKeepsOwnContent(t *testing.T) {
	rm := Detect(load(t, "cra-extended"))
	checkSum(t, rm)
	if hasPart(rm, "boilerplate") {
		t.Errorf("README with its own substantial text judged boilerplate: %+v", rm.ScoreParts)
	}
	for _, s := range []string{"description", "usage", "tests", "screenshots"} {
		if !slices.Contains(rm.Sections, s) {
			t.Errorf("sections %v lack %s", rm.Sections, s)
		}
	}
	if rm.Score < 50 {
		t.Errorf("score = %d, want >= 50: %+v", rm.Score, rm.ScoreParts)
	}
	cra := Detect(load(t, "cra-boilerplate"))
	if rm.Words <= cra.Words+100 {
		t.Errorf("own words %d should be counted over the template's %d", rm.Words, cra.Words)
	}
}

func TestLatin1Readme(t *testing.T) {
	r := load(t, "latin1")
	rm := Detect(r)
	checkSum(t, rm)
	if !rm.Present || !slices.Contains(rm.Sections, "installation") || !slices.Contains(rm.Sections, "license") || !rm.SetupCommands {
		t.Fatalf("latin-1 README misread: %+v", rm)
	}
	got := decode(r.Contents["README.md"])
	if !strings.Contains(got, "Café Finder") || !strings.Contains(got, "José García") {
		t.Errorf("decoded text lost its accents: %q", got[:40])
	}
}

func TestDecode(t *testing.T) {
	utf16le := func(s string, bom bool) []byte {
		var b []byte
		if bom {
			b = []byte{0xFF, 0xFE}
		}
		for _, u := range utf16.Encode([]rune(s)) {
			b = binary.LittleEndian.AppendUint16(b, u)
		}
		return b
	}
	utf16be := func(s string) []byte {
		b := []byte{0xFE, 0xFF}
		for _, u := range utf16.Encode([]rune(s)) {
			b = binary.BigEndian.AppendUint16(b, u)
		}
		return b
	}
	cases := []struct {
		name string
		in   []byte
		want string
	}{
		{"utf8", []byte("# Über 🚀"), "# Über 🚀"},
		{"utf8 bom", append([]byte{0xEF, 0xBB, 0xBF}, "# Title"...), "# Title"},
		{"utf16le bom", utf16le("# Naïve 🚀", true), "# Naïve 🚀"},
		{"utf16le no bom", utf16le("# Plain title", false), "# Plain title"},
		{"utf16be bom", utf16be("# Größe"), "# Größe"},
		{"latin1", []byte("Caf\xe9 \xa9 2024"), "Café © 2024"},
		{"cp1252 quotes", []byte("\x93quoted\x94 \x80 5"), "“quoted” € 5"},
		{"empty", nil, ""},
	}
	for _, c := range cases {
		if got := decode(c.in); got != c.want {
			t.Errorf("%s: decode = %q, want %q", c.name, got, c.want)
		}
	}
}

func TestUTF16ReadmeDetected(t *testing.T) {
	var b []byte
	b = append(b, 0xFF, 0xFE)
	for _, u := range utf16.Encode([]rune("# Tool\n\n## Installation\n\n```\nnpm install\n```\n")) {
		b = binary.LittleEndian.AppendUint16(b, u)
	}
	rm := Detect(repo(map[string]string{"README.md": string(b)}))
	if !slices.Contains(rm.Sections, "installation") || !rm.SetupCommands {
		t.Errorf("UTF-16 README misread: %+v", rm)
	}
}

func TestBrokenLinks(t *testing.T) {
	r := load(t, "broken-links")
	rm := Detect(r)
	checkSum(t, rm)
	want := []string{"docs/architecture.md", "postman/inventory.json", "docs/diagram.png"}
	if !reflect.DeepEqual(rm.BrokenLinks, want) {
		t.Errorf("broken links = %v, want %v", rm.BrokenLinks, want)
	}
	if p := part(t, rm, "links"); p.Points != 0 {
		t.Errorf("links part = %+v with three broken links, want 0", p)
	}
	r.TreeTruncated = true
	if rm := Detect(r); rm.BrokenLinks != nil {
		t.Errorf("truncated tree: links %v claimed broken without proof", rm.BrokenLinks)
	}
}

func TestRstReadme(t *testing.T) {
	rm := Detect(load(t, "flask-rst"))
	checkSum(t, rm)
	if rm.Format != "rst" || rm.Path != "README.rst" {
		t.Fatalf("format=%q path=%q", rm.Format, rm.Path)
	}
	want := []string{"description", "installation", "usage", "api", "tests", "license"}
	if !reflect.DeepEqual(rm.Sections, want) {
		t.Errorf("sections = %v, want %v", rm.Sections, want)
	}
	if rm.Badges != 2 || rm.Images != 0 {
		t.Errorf("badges=%d images=%d, want 2, 0", rm.Badges, rm.Images)
	}
	if rm.CodeBlocks != 2 || !rm.SetupCommands {
		t.Errorf("code blocks=%d setup=%v, want 2, true", rm.CodeBlocks, rm.SetupCommands)
	}
	if rm.Headings != 6 || len(rm.BrokenLinks) != 0 {
		t.Errorf("headings=%d broken=%v, want 6, none", rm.Headings, rm.BrokenLinks)
	}
}

func TestTextReadme(t *testing.T) {
	rm := Detect(load(t, "text-readme"))
	checkSum(t, rm)
	if rm.Format != "text" || rm.Path != "README" {
		t.Fatalf("format=%q path=%q", rm.Format, rm.Path)
	}
	want := []string{"description", "installation", "usage"}
	if !reflect.DeepEqual(rm.Sections, want) || rm.CodeBlocks != 2 || !rm.SetupCommands {
		t.Errorf("sections=%v code=%d setup=%v", rm.Sections, rm.CodeBlocks, rm.SetupCommands)
	}
}

func TestFindOrder(t *testing.T) {
	cases := []struct {
		files []string
		want  string
	}{
		{[]string{"README.rst", "readme.MD"}, "readme.MD"},
		{[]string{".github/README.md", "README.txt"}, "README.txt"},
		{[]string{"docs/README.md", ".github/readme.markdown"}, ".github/readme.markdown"},
		{[]string{"docs/README.md", "src/README.md"}, "docs/README.md"},
		{[]string{"README", "README.adoc"}, "README"},
		{[]string{"READMEFIRST.md", "app/README.md", "readme-old.md"}, ""},
	}
	for _, c := range cases {
		m := map[string]string{}
		for _, f := range c.files {
			m[f] = "# x"
		}
		if got, _ := find(repo(m)); got != c.want {
			t.Errorf("find(%v) = %q, want %q", c.files, got, c.want)
		}
	}
	rm := Detect(load(t, "gin-github"))
	if rm.Path != ".github/README.md" || !slices.Contains(rm.Sections, "installation") {
		t.Errorf(".github README: path=%q sections=%v", rm.Path, rm.Sections)
	}
}

func TestMissingAndUnfetched(t *testing.T) {
	rm := Detect(repo(map[string]string{"main.go": "package main"}))
	if rm.Present || rm.Score != 0 || rm.Sections == nil {
		t.Errorf("no README: %+v", rm)
	}
	r := repo(map[string]string{"README.md": "# big"})
	delete(r.Contents, "README.md")
	rm = Detect(r)
	if !rm.Present || rm.Path != "README.md" || len(rm.ScoreParts) != 0 {
		t.Errorf("unfetched README should be present but unjudged: %+v", rm)
	}
}

func TestSectionsNeedContent(t *testing.T) {
	rm := Detect(repo(map[string]string{"README.md": "# App\n\n## Installation\n\nTODO\n\n## Usage\n\nComing soon!\n\n## Tests\n\n## License\n\nMIT\n"}))
	if !reflect.DeepEqual(rm.Sections, []string{"license"}) {
		t.Errorf("sections = %v, want only license (others are placeholders)", rm.Sections)
	}
}

func TestClassify(t *testing.T) {
	cases := map[string][]string{
		"🚀 Getting Started":            {"installation"},
		"Running the tests":            {"tests"},
		"How to run":                   {"usage"},
		"1. Installation & Usage":      {"installation", "usage"},
		"Environment Variables (.env)": {"configuration"},
		"API Endpoints":                {"api"},
		"Built With":                   {"tech-stack"},
		"Screenshots / Demo":           {"screenshots"},
		"Licence":                      {"license"},
		"About the project":            {"description"},
		"Acknowledgements":             nil,
		// Installation words win: "dependencies" names the stack only alone.
		"Install Dependencies":        {"installation"},
		"Installing the dependencies": {"installation"},
		"Setup & Dependencies":        {"installation"},
		"Requirements":                {"installation"},
		"Dependencies":                {"tech-stack"},
		"Main dependencies":           {"tech-stack"},
		"Frameworks & Libraries":      {"tech-stack"},
		"Tools used":                  {"tech-stack"},
		"Tech Stack":                  {"tech-stack"},
		"Technology stack":            {"tech-stack"},
		"Run the tools":               {"usage"},
		"Dependency injection":        nil,
		"Roadmap":                     nil,
	}
	for h, want := range cases {
		if got := classify(h); !reflect.DeepEqual(got, want) {
			t.Errorf("classify(%q) = %v, want %v", h, got, want)
		}
	}
}

func TestBadgesAndImages(t *testing.T) {
	src := `# Tool

[![Go Report](https://goreportcard.com/badge/github.com/a/b)](https://goreportcard.com/report/github.com/a/b) [![Docs](https://pkg.go.dev/badge/github.com/a/b.svg)](https://pkg.go.dev/github.com/a/b)

<p align="center"><img src="docs/logo.png" width="200"></p>

A tool that does one thing well and explains how in this paragraph of text.

## Demo

![demo](docs/demo.png)
`
	rm := Detect(repo(map[string]string{"README.md": src, "docs/logo.png": "x", "docs/demo.png": "x"}))
	if rm.Badges != 2 || rm.Images != 2 {
		t.Errorf("badges=%d images=%d, want 2, 2", rm.Badges, rm.Images)
	}
	if p := part(t, rm, "visuals"); p.Points != 10 {
		t.Errorf("visuals = %+v, want 10", p)
	}
}

func TestDeterministic(t *testing.T) {
	r := load(t, "django-good")
	a, b := Detect(r), Detect(r)
	if !reflect.DeepEqual(a, b) {
		t.Errorf("two runs differ:\n%+v\n%+v", a, b)
	}
}

func BenchmarkDetect(b *testing.B) {
	r := load(b, "django-good")
	readme := r.Contents["README.md"]
	big := &snapshot.Repo{Name: "big", Contents: map[string][]byte{"README.md": readme}, ContentsKnown: true}
	for i := range 50000 {
		p := fmt.Sprintf("pkg%03d/sub%02d/file%05d.go", i%500, i%37, i)
		big.Files = append(big.Files, snapshot.File{Path: p, Kind: "blob"})
		if i < 5000 {
			big.Contents[p] = []byte("package x\n")
		}
	}
	big.Files = append(big.Files, snapshot.File{Path: "README.md", Kind: "blob"}, snapshot.File{Path: "docs/api.md", Kind: "blob"},
		snapshot.File{Path: "docs/img/poll.png", Kind: "blob"}, snapshot.File{Path: "docs/img/results.gif", Kind: "blob"})
	sort.Slice(big.Files, func(i, j int) bool { return big.Files[i].Path < big.Files[j].Path })
	b.ResetTimer()
	for b.Loop() {
		Detect(big)
	}
}

func TestNilRepo(t *testing.T) {
	if rm := Detect(nil); rm.Present || rm.Sections == nil {
		t.Errorf("nil repo: %+v", rm)
	}
}

// TestGinConduitReadme is modelled on golang-gin-realworld's README: the
// logo is the title heading, setup is under "Install Dependencies", and
// nothing lists the stack.
func TestGinConduitReadme(t *testing.T) {
	rm := Detect(load(t, "gin-conduit"))
	checkSum(t, rm)
	if want := []string{"description", "installation", "tests"}; !reflect.DeepEqual(rm.Sections, want) {
		t.Errorf("sections = %v, want %v", rm.Sections, want)
	}
	if rm.Images != 1 || rm.Badges != 3 {
		t.Errorf("images=%d badges=%d, want 1 (the logo in the title heading), 3", rm.Images, rm.Badges)
	}
	if p := part(t, rm, "visuals"); p.Points != 5 {
		t.Errorf("visuals = %+v, want 5 for one image", p)
	}
	if len(rm.BrokenLinks) != 0 {
		t.Errorf("broken links %v: the heading image and LICENSE exist", rm.BrokenLinks)
	}
}

func TestHeadingImages(t *testing.T) {
	cases := []struct {
		src            string
		images, badges int
	}{
		{"# ![Logo](logo.png)\n\nA service for notes.\n", 1, 0},
		{"# My API <img src=\"docs/icon.svg\" width=\"32\">\n\ntext\n", 1, 0},
		{"# Shop [![CI](https://github.com/a/b/actions/workflows/ci.yml/badge.svg)](https://github.com/a/b/actions)\n\ntext\n", 0, 1},
		{"# Shop\n\n## ![demo](docs/demo.gif) Demo\n\nIt runs.\n", 1, 0},
	}
	for _, c := range cases {
		rm := Detect(repo(map[string]string{"README.md": c.src}))
		if rm.Images != c.images || rm.Badges != c.badges {
			t.Errorf("%q: images=%d badges=%d, want %d %d", c.src, rm.Images, rm.Badges, c.images, c.badges)
		}
	}
}

// TestSectionFirstHeading: flask-realworld's README.rst opens with a logo
// and a "Quickstart" heading: that heading starts the body, so the setup
// prose under it is no description; the CircleCI status PNG is a badge.
func TestSectionFirstHeading(t *testing.T) {
	rm := Detect(load(t, "flask-quickstart"))
	checkSum(t, rm)
	if want := []string{"installation", "tests"}; !reflect.DeepEqual(rm.Sections, want) {
		t.Errorf("sections = %v, want %v", rm.Sections, want)
	}
	if rm.Images != 1 || rm.Badges != 1 {
		t.Errorf("images=%d badges=%d, want 1 1", rm.Images, rm.Badges)
	}
	// A title holding a section word is still a title, with an intro.
	r := snapshottest.Map("setup-wizard", map[string]string{
		"README.md": "# Setup Wizard\n\nA small command-line tool that asks a few questions and writes the configuration files of a new Flask project.\n\n## Usage\n\n    setup-wizard --out ./myapp\n",
	})
	if rm := Detect(r); !contains(rm.Sections, "description") {
		t.Errorf("titled README: sections = %v, want a description", rm.Sections)
	}
}

// "# Todo API" names the project: it is not an API section.
func TestTitleIsNotASection(t *testing.T) {
	got := Detect(repo(map[string]string{"README.md": "# Todo API\n\nA small todo list service written in Go with a Postgres database, built to learn how REST services work.\n\n## Installation\n\n```sh\ngo run .\n```\n"}))
	for _, s := range got.Sections {
		if s == "api" {
			t.Fatalf("the title was taken for an API section: %v", got.Sections)
		}
	}
	if len(got.Sections) != 2 {
		t.Fatalf("sections = %v, want description and installation", got.Sections)
	}
}
