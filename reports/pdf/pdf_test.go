package pdf_test

import (
	"bytes"
	"cmp"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/jung-kurt/gofpdf"
	"github.com/pdfcpu/pdfcpu/pkg/api"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"

	"github.com/pathway-dev/pathway/internal/report"
	"github.com/pathway-dev/pathway/reports/pdf"
	"github.com/pathway-dev/pathway/reports/pdf/internal/sample"
)

func render(t testing.TB, r *report.Report, opts pdf.Options) ([]byte, []string) {
	t.Helper()
	b, warnings, err := pdf.Render(r, opts)
	if err != nil {
		t.Fatalf("Render: %v", err)
	}
	validate(t, b)
	return b, warnings
}

// validate checks the file structure with pdfcpu. Relaxed mode, because
// gofpdf writes link annotations inline in /Annots, which strict mode
// rejects (viewers accept them); everything else is checked.
func validate(t testing.TB, b []byte) {
	t.Helper()
	conf := model.NewDefaultConfiguration()
	conf.ValidationMode = model.ValidationRelaxed
	if err := api.Validate(bytes.NewReader(b), conf); err != nil {
		t.Fatalf("pdfcpu: invalid PDF: %v", err)
	}
}

// run is one piece of text as gofpdf draws it: BT x y Td (utf-16) Tj ET.
type run struct {
	x, y, size float64
	font       string // BaseFont
	s          string
}

// pageRuns reads every page's text runs with pdfcpu. A general text
// extractor is not used: github.com/ledongthuc/pdf, the pure-Go reader,
// applies gofpdf's one-range ToUnicode map (<0000> <FFFF>) to the low byte
// only, so it turns Greek, Cyrillic and CJK into Latin-1 noise. gofpdf's
// output is regular enough to read directly: Identity-H fonts whose codes
// are UTF-16 code units.
func pageRuns(t testing.TB, b []byte) [][]run {
	t.Helper()
	conf := model.NewDefaultConfiguration()
	conf.ValidationMode = model.ValidationRelaxed
	ctx, err := api.ReadContext(bytes.NewReader(b), conf)
	if err == nil {
		err = api.ValidateContext(ctx) // also counts the pages
	}
	if err != nil {
		t.Fatalf("pdfcpu: %v", err)
	}
	var pages [][]run
	for i := 1; i <= ctx.PageCount; i++ {
		d, _, _, err := ctx.PageDict(i, true)
		if err != nil {
			t.Fatalf("page %d: %v", i, err)
		}
		fonts := map[string]string{}
		if res, err := ctx.DereferenceDict(d["Resources"]); err == nil && res != nil {
			if fd, err := ctx.DereferenceDict(res["Font"]); err == nil {
				for name, ref := range fd {
					if f, err := ctx.DereferenceDict(ref); err == nil && f != nil {
						if base := f.NameEntry("BaseFont"); base != nil {
							fonts[name] = *base
						}
					}
				}
			}
		}
		content, err := ctx.PageContent(d, i)
		if err != nil {
			t.Fatalf("page %d content: %v", i, err)
		}
		pages = append(pages, parseRuns(content, fonts))
	}
	return pages
}

var (
	tfRe = regexp.MustCompile(`^/(\S+) ([\d.]+) Tf`)
	tdRe = regexp.MustCompile(`^BT ([\d.-]+) ([\d.-]+) Td \(`)
)

func parseRuns(c []byte, fonts map[string]string) []run {
	var out []run
	font, size := "", 0.0
	for i := 0; i < len(c); i++ {
		if c[i] == '/' {
			if m := tfRe.FindSubmatch(c[i:]); m != nil {
				font = fonts[string(m[1])]
				size, _ = strconv.ParseFloat(string(m[2]), 64)
			}
			continue
		}
		if c[i] != 'B' {
			continue
		}
		m := tdRe.FindSubmatchIndex(c[i:])
		if m == nil {
			continue
		}
		x, _ := strconv.ParseFloat(string(c[i+m[2]:i+m[3]]), 64)
		y, _ := strconv.ParseFloat(string(c[i+m[4]:i+m[5]]), 64)
		j := i + m[1]
		var raw []byte
		for ; j < len(c) && c[j] != ')'; j++ {
			if c[j] == '\\' && j+1 < len(c) {
				j++
				switch c[j] {
				case 'r':
					raw = append(raw, '\r')
				case 'n':
					raw = append(raw, '\n')
				default:
					raw = append(raw, c[j])
				}
				continue
			}
			raw = append(raw, c[j])
		}
		u := make([]uint16, len(raw)/2)
		for k := range u {
			u[k] = uint16(raw[2*k])<<8 | uint16(raw[2*k+1])
		}
		out = append(out, run{x: x, y: y, size: size, font: font, s: string(utf16.Decode(u))})
		i = j
	}
	return out
}

// text returns each page's text, runs on one baseline joined in order of
// x, lines top to bottom.
func text(t testing.TB, b []byte) []string {
	t.Helper()
	var pages []string
	for _, runs := range pageRuns(t, b) {
		slices.SortStableFunc(runs, func(a, b run) int {
			return cmp.Or(cmp.Compare(math.Round(b.y), math.Round(a.y)), cmp.Compare(a.x, b.x))
		})
		var sb strings.Builder
		for i, r := range runs {
			if i > 0 {
				if math.Round(runs[i-1].y) != math.Round(r.y) {
					sb.WriteString("\n")
				} else if r.x > runs[i-1].x+1 && !strings.HasSuffix(sb.String(), " ") && gap(runs[i-1], r) {
					sb.WriteString(" ")
				}
			}
			sb.WriteString(r.s)
		}
		pages = append(pages, sb.String())
	}
	return pages
}

// gap tells separate cells on one line (a table row) from the font runs of
// one string, which touch.
func gap(a, b run) bool {
	return b.x-a.x > widthPt(a)+0.5
}

var (
	measureOnce sync.Once
	measure     *gofpdf.Fpdf
)

// widthPt measures a run with the same fonts, the way a reader would see it.
func widthPt(r run) float64 {
	measureOnce.Do(func() {
		measure = gofpdf.New("P", "pt", "A4", "")
		reg, _ := os.ReadFile("fonts/DejaVuSans.ttf")
		bold, _ := os.ReadFile("fonts/DejaVuSans-Bold.ttf")
		measure.AddUTF8FontFromBytes("m", "", reg)
		measure.AddUTF8FontFromBytes("m", "B", bold)
	})
	switch {
	case r.font == "utf8dejavuB": // gofpdf names fonts "utf8" + family + style
		measure.SetFont("m", "B", r.size)
	case r.font == "utf8dejavu":
		measure.SetFont("m", "", r.size)
	default:
		// A fallback (CJK) font: full-width glyphs are one em.
		return float64(utf8.RuneCountInString(r.s)) * r.size
	}
	return measure.GetStringWidth(r.s)
}

var space = regexp.MustCompile(`\s+`)

func squash(s string) string { return space.ReplaceAllString(s, " ") }

func get(t testing.TB, name string) *report.Report {
	t.Helper()
	r, err := sample.Get(name)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func TestContent(t *testing.T) {
	for _, name := range []string{"strong", "middling", "beginner", "local"} {
		t.Run(name, func(t *testing.T) {
			r := get(t, name)
			b, warnings := render(t, r, pdf.Options{})
			if len(warnings) != 0 {
				t.Errorf("warnings for a plain-Latin report: %q", warnings)
			}
			pages := text(t, b)
			all := squash(strings.Join(pages, "\n"))
			want := []string{r.Subject.Login, "Backend readiness report"}
			if r.Subject.Name != "" {
				want = append(want, r.Subject.Name)
			}
			for _, s := range r.Steps {
				want = append(want, s.Title, squash(s.Why))
			}
			for _, a := range r.Actions {
				want = append(want, squash(a.Text))
			}
			for _, h := range r.Highlights {
				want = append(want, squash(h))
			}
			for _, repo := range r.Repos {
				want = append(want, repo.Name)
			}
			want = append(want, r.Warnings...)
			// Lines may break after a hyphen or slash, so compare without
			// any white space.
			flat := strings.ToLower(strings.Join(strings.Fields(all), ""))
			for _, s := range want {
				if !strings.Contains(flat, strings.ToLower(strings.Join(strings.Fields(s), ""))) {
					t.Errorf("text lacks %q", s)
				}
			}
			verdict := map[string]string{report.Ready: "Ready to apply", report.NearlyThere: "Nearly there", report.KeepBuilding: "Keep building"}[r.Overall.Level]
			if !strings.Contains(pages[0], verdict) {
				t.Errorf("cover lacks the level %q:\n%s", verdict, pages[0])
			}
			// The verdict page is step 12, after the repositories.
			iRepos, iVerdict, iAppendix := -1, -1, -1
			for i, p := range pages {
				if iRepos < 0 && strings.Contains(p, "Repositories\n") {
					iRepos = i
				}
				if strings.Contains(p, "Your action plan") {
					iVerdict = i
				}
				if strings.Contains(p, "Appendix: how this report was made") {
					iAppendix = i
				}
			}
			if !(0 < iRepos && iRepos < iVerdict && iVerdict < iAppendix) {
				t.Errorf("order: repositories page %d, verdict page %d, appendix page %d", iRepos, iVerdict, iAppendix)
			}
			if !strings.Contains(pages[iVerdict], verdict) || !strings.Contains(pages[iVerdict], "Get a job or freelance") {
				t.Errorf("verdict page lacks the verdict or step 12:\n%s", pages[iVerdict])
			}
			if !strings.Contains(all, r.Scoring.Method[:60]) {
				t.Error("appendix lacks the scoring method")
			}
			for i, p := range pages[1:] {
				if !strings.Contains(p, "Page ") || !strings.Contains(p, " of ") {
					t.Errorf("page %d has no page number:\n%s", i+2, p)
				}
			}
		})
	}
}

func TestCoverTopActionsAndStrip(t *testing.T) {
	r := get(t, "middling")
	b, _ := render(t, r, pdf.Options{Coach: "Jane Mwangi, CodeBridge Careers"})
	cover := squash(text(t, b)[0])
	for _, s := range []string{"Sam Okafor", "@sam-codes", "23 November 2026", "55", "Nearly there",
		"Prepared by Jane Mwangi, CodeBridge Careers", "Work on next: step 2, Understand databases", "NEXT"} {
		if !strings.Contains(cover, s) {
			t.Errorf("cover lacks %q:\n%s", s, cover)
		}
	}
	// The three actions of highest priority, in order.
	last := -1
	for _, a := range r.Actions[:3] {
		i := strings.Index(cover, a.Text[:40])
		if i < 0 || i < last {
			t.Errorf("cover lacks action %q in priority order", a.Text[:40])
		}
		last = i
	}
	if strings.Contains(cover, r.Actions[3].Text[:40]) {
		t.Error("cover shows more than three actions")
	}
	// Status is written, not only coloured.
	for _, mark := range []string{"✔ strong", "◐ developing", "✘ missing"} {
		if !strings.Contains(cover, mark) {
			t.Errorf("strip lacks %q", mark)
		}
	}
}

func TestScripts(t *testing.T) {
	r := get(t, "scripts")
	b, warnings := render(t, r, pdf.Options{})
	all := strings.Join(text(t, b), "\n")
	for _, s := range []string{"Σοφία Παπαδοπούλου", "привет-api", "REST API на Go для заметок", "ελληνικά-notes", "Разработчица"} {
		if !strings.Contains(all, s) {
			t.Errorf("text lacks %q", s)
		}
	}
	// The emoji name is there with a visible placeholder for the emoji,
	// and the control and bidi characters are gone.
	if !strings.Contains(all, "□-launcher") {
		t.Error("emoji repository name missing or without placeholder")
	}
	// One placeholder per emoji sequence (👩🏽‍💻 is four code points),
	// a tab becomes a space, BEL and the right-to-left override vanish.
	if !strings.Contains(squash(all), "Deploys □ containers with one command □ evil") {
		t.Error("description with emoji and control characters not sanitised as expected")
	}
	if strings.ContainsAny(all, "\x07\u202E\u200D\uFE0F") {
		t.Error("control or format characters reached the PDF")
	}
	if !hasWarning(warnings, "emoji") {
		t.Errorf("no warning about emoji placeholders: %q", warnings)
	}
	// CJK: drawn with a system font when this machine has one, else
	// placeholders and a warning; never silent boxes.
	cjk := strings.Contains(all, "数据库工具")
	switch {
	case cjk && !hasWarning(warnings, "drawn with"):
		t.Errorf("CJK drawn without saying which font: %q", warnings)
	case !cjk && !hasWarning(warnings, "CJK text shown as placeholders"):
		t.Errorf("CJK missing without a warning: %q", warnings)
	case !cjk && !strings.Contains(all, "□□□□□"):
		t.Error("CJK neither drawn nor shown as placeholders")
	}
	t.Logf("CJK drawn with a system font: %v; warnings: %q", cjk, warnings)
}

func hasWarning(ws []string, s string) bool {
	for _, w := range ws {
		if strings.Contains(w, s) {
			return true
		}
	}
	return false
}

func TestFontFile(t *testing.T) {
	r := get(t, "scripts")
	t.Run("unusable", func(t *testing.T) {
		bad := filepath.Join(t.TempDir(), "broken.ttf")
		if err := os.WriteFile(bad, []byte("\x00\x01\x00\x00 this is not a font at all"), 0o644); err != nil {
			t.Fatal(err)
		}
		b, warnings := render(t, r, pdf.Options{FontFile: bad})
		if !hasWarning(warnings, "--font "+bad+" was not used") {
			t.Errorf("warnings: %q", warnings)
		}
		// The system font is still tried for the CJK, as without --font.
		_, want := render(t, r, pdf.Options{})
		all := strings.Join(text(t, b), "")
		switch {
		case hasWarning(want, "drawn with"):
			if !strings.Contains(all, "数据库工具") || !hasWarning(warnings, "drawn with") {
				t.Errorf("CJK not drawn with the system font after an unusable --font: %q", warnings)
			}
		case !strings.Contains(all, "□□□□□") || !hasWarning(warnings, "CJK text shown as placeholders"):
			t.Errorf("no placeholders or no warning for CJK: %q", warnings)
		}
	})
	t.Run("lacks CJK", func(t *testing.T) {
		// A good font without CJK: the CJK is missing, and the warnings
		// say so once, without claiming the font drew anything.
		font, err := filepath.Abs("fonts/DejaVuSans-Bold.ttf")
		if err != nil {
			t.Fatal(err)
		}
		_, warnings := render(t, r, pdf.Options{FontFile: font})
		n := 0
		for _, w := range warnings {
			if strings.Contains(w, "CJK") {
				n++
				if !strings.Contains(w, font) {
					t.Errorf("the CJK warning does not name the font that lacks it: %q", w)
				}
			}
			if strings.Contains(w, "drawn with") {
				t.Errorf("contradictory warning: %q (all: %q)", w, warnings)
			}
		}
		if n != 1 {
			t.Errorf("%d warnings about CJK, want 1: %q", n, warnings)
		}
	})
	t.Run("missing", func(t *testing.T) {
		_, warnings := render(t, r, pdf.Options{FontFile: filepath.Join(t.TempDir(), "nope.ttf")})
		if !hasWarning(warnings, "was not used") {
			t.Errorf("warnings: %q", warnings)
		}
	})
	t.Run("cjk", func(t *testing.T) {
		font := "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf"
		if _, err := os.Stat(font); err != nil {
			t.Skip("no CJK TrueType font on this machine (Debian: fonts-droid-fallback)")
		}
		b, warnings := render(t, r, pdf.Options{FontFile: font})
		all := strings.Join(text(t, b), "\n")
		for _, s := range []string{"数据库工具", "一个用于管理数据库迁移的小工具", "后端开发者"} {
			if !strings.Contains(all, s) {
				t.Errorf("text lacks %q", s)
			}
		}
		if hasWarning(warnings, "CJK text shown as placeholders") {
			t.Errorf("warnings: %q", warnings)
		}
		if len(b) > 1<<20 {
			t.Errorf("%d bytes with a subset CJK font", len(b))
		}
	})
}

func TestBigPortfolio(t *testing.T) {
	r := get(t, "big")
	b, _ := render(t, r, pdf.Options{})
	if len(b) >= 1<<20 {
		t.Errorf("30-repository report is %d bytes, want < 1 MB", len(b))
	}
	t.Logf("30 repositories: %d bytes", len(b))
	pages := text(t, b)
	all := squash(strings.Join(pages, "\n"))
	for _, repo := range r.Repos {
		name := repo.Name
		if len(name) > 30 {
			name = name[:30] // long names are cut with an ellipsis
		}
		if !strings.Contains(all, name) {
			t.Errorf("text lacks repository %q", name)
		}
	}
	// In the table the 100-character name takes two lines at most and
	// ends in an ellipsis.
	cut := false
	for _, p := range pages {
		lines := strings.Split(p, "\n")
		for i, l := range lines {
			if strings.HasPrefix(l, "an-extremely-long") && i+1 < len(lines) && strings.Contains(lines[i+1], "…") {
				cut = true
			}
		}
	}
	if !cut {
		t.Error("a 100-character repository name was not cut with an ellipsis in the table")
	}
	for _, s := range []string{"Partial report", "+9 points since the report of 30 August 2026", "a fork: the work is mostly someone else's", "archived", "rate limit reached"} {
		if !strings.Contains(all, s) {
			t.Errorf("text lacks %q", s)
		}
	}
	// The repositories table repeats its header on every page it spans.
	n := 0
	for _, p := range pages {
		if strings.Contains(p, "Licence") && strings.Contains(p, "Last push") {
			n++
		}
	}
	if n < 2 {
		t.Errorf("repository table header on %d pages, want it repeated", n)
	}
}

// Nothing may run off the page: every text run starts and ends inside the
// margins.
func TestNothingOffPage(t *testing.T) {
	for _, name := range []string{"big", "scripts"} {
		for _, paper := range []string{"a4", "letter"} {
			b, _ := render(t, get(t, name), pdf.Options{Paper: paper})
			wpt := map[string]float64{"a4": 595.28, "letter": 612}[paper]
			// Margins are 20 mm (56.7 pt); allow a hair for rounding.
			for i, runs := range pageRuns(t, b) {
				for _, r := range runs {
					if w := widthPt(r); r.x < 56 || r.x+w > wpt-56 {
						t.Errorf("%s/%s page %d: %q at x=%.1f..%.1f pt, page %.0f pt wide", name, paper, i+1, r.s, r.x, r.x+w, wpt)
					}
				}
			}
		}
	}
}

func TestReproducible(t *testing.T) {
	for _, name := range []string{"big", "scripts"} {
		a, _ := render(t, get(t, name), pdf.Options{})
		b, _ := render(t, get(t, name), pdf.Options{})
		if !bytes.Equal(a, b) {
			t.Errorf("%s: same report, different bytes", name)
		}
		if !bytes.Contains(a, []byte("/CreationDate (D:20261123100000")) {
			t.Errorf("%s: creation date is not the report's GeneratedAt", name)
		}
	}
	r := get(t, "middling")
	a, _ := render(t, r, pdf.Options{})
	r.GeneratedAt = r.GeneratedAt.Add(time.Hour)
	b, _ := render(t, r, pdf.Options{})
	if bytes.Equal(a, b) {
		t.Error("a different generation time gave the same bytes")
	}
}

func TestPaper(t *testing.T) {
	for _, c := range []struct {
		paper string
		box   string
	}{{"", "/MediaBox [0 0 595.28 841.89]"}, {"a4", "/MediaBox [0 0 595.28 841.89]"}, {"letter", "/MediaBox [0 0 612.00 792.00]"}} {
		b, _ := render(t, get(t, "beginner"), pdf.Options{Paper: c.paper})
		if !bytes.Contains(b, []byte(c.box)) {
			t.Errorf("paper %q: no %s", c.paper, c.box)
		}
	}
	if _, _, err := pdf.Render(get(t, "beginner"), pdf.Options{Paper: "a3"}); err == nil || !strings.Contains(err.Error(), "a4 or letter") {
		t.Errorf("paper a3: err = %v", err)
	}
}

func TestOutline(t *testing.T) {
	b, _ := render(t, get(t, "middling"), pdf.Options{})
	// Bookmark titles are UTF-16 with a byte-order mark.
	for _, s := range []string{"Cover", "The 12 steps at a glance", "Step 7 · Testing and debugging", "Repositories", "Step 12 · Get a job or freelance: the verdict", "Appendix: how this report was made", "Rules applied and their outcomes"} {
		if !bytes.Contains(b, utf16be(s)) {
			t.Errorf("no bookmark %q", s)
		}
	}
}

func utf16be(s string) []byte {
	var out []byte
	for _, r := range s {
		out = append(out, byte(r>>8), byte(r))
	}
	// gofpdf escapes parentheses and backslashes inside string literals.
	out = bytes.ReplaceAll(out, []byte{'\\'}, []byte{'\\', '\\'})
	out = bytes.ReplaceAll(out, []byte{'('}, []byte{'\\', '('})
	return bytes.ReplaceAll(out, []byte{')'}, []byte{'\\', ')'})
}

func TestLogo(t *testing.T) {
	r := get(t, "strong")
	dir := t.TempDir()
	logo := filepath.Join(dir, "logo.png")
	if err := os.WriteFile(logo, testPNG(), 0o644); err != nil {
		t.Fatal(err)
	}
	b, warnings := render(t, r, pdf.Options{Logo: logo, Coach: "Ana Ruiz, Bootcamp Lisboa"})
	if len(warnings) != 0 {
		t.Errorf("warnings: %q", warnings)
	}
	if !bytes.Contains(b, []byte("/Subtype /Image")) {
		t.Error("logo not embedded")
	}
	bad := filepath.Join(dir, "bad.png")
	os.WriteFile(bad, []byte("GIF89a not a png"), 0o644)
	b, warnings = render(t, r, pdf.Options{Logo: bad})
	if !hasWarning(warnings, "logo "+bad+" not shown") {
		t.Errorf("warnings: %q", warnings)
	}
	if bytes.Contains(b, []byte("/Subtype /Image")) {
		t.Error("a broken logo was embedded")
	}
}

// Hostile and empty reports render without panicking.
func TestOddReports(t *testing.T) {
	long := strings.Repeat("x", 500)
	odd := []*report.Report{
		{},
		{Subject: report.Subject{Name: long, Login: long}, Overall: report.Overall{Score: 140, Level: "weird"},
			Steps: []report.Step{{Number: 1, ID: "languages", Title: long, Score: -5, Status: "odd",
				Findings: []report.Finding{{Rule: long, Repo: long, Outcome: "strange", Message: long}}}},
			Repos:    []report.Repo{{Name: long, HTMLURL: "javascript:alert(1)", Included: true, Description: long}},
			Actions:  []report.Action{{Text: "\x00\x01\x02 nulls \U0010FFFF \uFFFF \uFFFE \xc3\x28 invalid"}},
			Warnings: []string{strings.Repeat("⚠️", 300)}},
	}
	for i, r := range odd {
		b, _, err := pdf.Render(r, pdf.Options{})
		if err != nil {
			t.Errorf("report %d: %v", i, err)
			continue
		}
		validate(t, b)
		if i == 1 && bytes.Contains(b, []byte("javascript:")) {
			t.Error("a javascript: URL became a link")
		}
	}
	if _, _, err := pdf.Render(nil, pdf.Options{}); err == nil {
		t.Error("nil report: no error")
	}
}

func BenchmarkRender30Repos(b *testing.B) {
	r, err := sample.Get("big")
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, _, err := pdf.Render(r, pdf.Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

func testPNG() []byte {
	img := image.NewNRGBA(image.Rect(0, 0, 120, 40))
	for y := range 40 {
		for x := range 120 {
			img.Set(x, y, color.NRGBA{R: uint8(x * 2), G: 90, B: 160, A: uint8(128 + y*3)})
		}
	}
	var b bytes.Buffer
	png.Encode(&b, img)
	return b.Bytes()
}

// Evidence is what was found, good or bad, so it carries a neutral bullet;
// ✔ and ✘ are kept for outcomes that are known.
func TestEvidenceBullet(t *testing.T) {
	r := get(t, "middling")
	n := 0
	for i := range r.Steps {
		if r.Steps[i].ID == "version-control" {
			r.Steps[i].Evidence = append(r.Steps[i].Evidence,
				report.Evidence{Repo: "notes-fastapi", Text: "no .gitignore at the root"},
				report.Evidence{Repo: "notes-fastapi", Text: "message quality 0.20 over 4 own commits (3 generic)"})
			n++
		}
	}
	if n == 0 {
		t.Fatal("sample has no version-control step")
	}
	b, _ := render(t, r, pdf.Options{})
	all := strings.Join(text(t, b), "\n")
	checked := 0
	for _, s := range r.Steps {
		for i, e := range s.Evidence {
			if i >= 10 || e.Text == "" {
				continue
			}
			checked++
			if !strings.Contains(all, "• "+e.Text) {
				t.Errorf("step %d: evidence %q without a neutral bullet", s.Number, e.Text)
			}
			if strings.Contains(all, "✔ "+e.Text) {
				t.Errorf("step %d: evidence %q ticked as a pass", s.Number, e.Text)
			}
		}
	}
	if checked < 5 {
		t.Fatalf("only %d evidence items checked", checked)
	}
	// Failed checks keep their cross.
	if !strings.Contains(all, "✘ no file matches .gitignore") {
		t.Error("a failed check lost its ✘")
	}
}

func writePNG(t testing.TB, w, h int) string {
	t.Helper()
	img := image.NewNRGBA(image.Rect(0, 0, w, h))
	for y := range h {
		for x := range w {
			img.Set(x, y, color.NRGBA{R: uint8(x * 255 / w), G: 90, B: 160, A: 255})
		}
	}
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), fmt.Sprintf("logo-%dx%d.png", w, h))
	if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// Only the lines beside the logo are narrowed: the bio and the line of
// facts below it use the full width, and nothing runs into the logo.
func TestCoverLogo(t *testing.T) {
	const mm = 72 / 25.4
	for _, c := range []struct {
		w, h         int
		logoW, logoH float64 // printed size, mm
	}{{400, 400, 20, 20}, {800, 200, 40, 10}, {300, 150, 40, 20}} {
		r := get(t, "strong")
		r.Role = "backend-java"
		r.Subject.Bio = "I build REST APIs in Java and Spring Boot with PostgreSQL, Docker and CI; open to junior backend roles in Lisbon or remote."
		b, warnings := render(t, r, pdf.Options{Logo: writePNG(t, c.w, c.h), Coach: "Ana Ruiz, Bootcamp Lisboa"})
		if len(warnings) != 0 {
			t.Errorf("%dx%d: warnings %q", c.w, c.h, warnings)
		}
		cover := text(t, b)[0]
		if !strings.Contains(squash(cover), r.Subject.Bio) {
			t.Errorf("%dx%d: cover lacks the whole bio:\n%s", c.w, c.h, cover)
		}
		facts := "As of 23 November 2026 · role backend-java · 100% of the checks could be made"
		if !slices.Contains(strings.Split(cover, "\n"), facts) {
			t.Errorf("%dx%d: the facts are not one line %q:\n%s", c.w, c.h, facts, cover)
		}
		// The logo sits at the top right, from 24 mm down.
		logoLeft, logoBottom := 210-20-c.logoW, 24+c.logoH
		for _, run := range pageRuns(t, b)[0] {
			top := (841.89 - run.y) / mm // baseline, mm from the top
			if top < logoBottom && (run.x+widthPt(run))/mm > logoLeft-1 {
				t.Errorf("%dx%d: %q at %.0f mm runs into the logo (left edge %.0f mm)", c.w, c.h, run.s, top, logoLeft)
			}
		}
	}
}
