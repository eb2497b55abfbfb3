// Package pdf renders the readiness report as a PDF a career coach can hand
// over: a cover with the score and the pathway, the 12 steps at a glance,
// one section per step, the repositories, the verdict and action plan, and
// an appendix that explains the scoring. It reads the report alone.
package pdf

import (
	"bytes"
	"errors"
	"fmt"
	"time"

	"github.com/jung-kurt/gofpdf"
	"github.com/pathway-dev/pathway/internal/report"
)

// Options change how the report is printed, never what it says.
type Options struct {
	// Paper is "a4" (the default) or "letter".
	Paper string
	// FontFile is a TrueType font (.ttf, or a .ttc of TrueType fonts) for
	// the scripts DejaVu Sans lacks, CJK above all. "" looks for a system
	// font, and so does a file that cannot be used (a warning says so);
	// without one those characters are shown as placeholders and a
	// warning says so.
	FontFile string
	// Coach is "Name, Organisation", printed on the cover when set.
	Coach string
	// Logo is a PNG file of at most 4096×4096 pixels printed on the cover
	// when set. Each version of the file is decoded once per process, so a
	// cohort's reports share the work.
	Logo string
}

// Render returns the PDF and warnings about its text (placeholders shown
// for characters no font has, an unusable font or logo). The error is for
// a report that cannot be printed at all.
func Render(r *report.Report, opts Options) (out []byte, warnings []string, err error) {
	if r == nil {
		return nil, nil, errors.New("pdf: no report to render")
	}
	size, err := paper(opts.Paper)
	if err != nil {
		return nil, nil, err
	}
	return output(func() *doc {
		d := newDoc(r, opts, size)
		d.build()
		return d
	})
}

// output lays a document out with build and returns its bytes and the
// warnings about its text.
func output(build func() *doc) (out []byte, warnings []string, err error) {
	// gofpdf panics on some inputs it does not expect; a report must
	// never take the program down with it.
	defer func() {
		if p := recover(); p != nil {
			out, warnings, err = nil, nil, fmt.Errorf("pdf: rendering failed: %v", p)
		}
	}()
	d := build()
	if d.f.Err() {
		return nil, nil, fmt.Errorf("pdf: %w", d.f.Error())
	}
	var b bytes.Buffer
	if err := d.f.Output(&b); err != nil {
		return nil, nil, fmt.Errorf("pdf: %w", err)
	}
	return fixOutline(b.Bytes(), d.outline), append(d.textWarnings(), d.notes...), nil
}

// fixOutline sets the Count of outline items that have children. gofpdf
// writes "/Count 0" for every item, which the PDF specification forbids for
// an item with descendants (strict validators reject the file). Items are
// written in bookmark order, uncompressed, so the n-th "/Count 0>>" is the
// n-th bookmark; a one-digit count keeps every byte offset in place.
func fixOutline(b []byte, levels []int) []byte {
	marker := []byte("/Count 0>>")
	at := 0
	for i := range levels {
		j := bytes.Index(b[at:], marker)
		if j < 0 {
			break
		}
		at += j
		kids := 0
		for k := i + 1; k < len(levels) && levels[k] > levels[i]; k++ {
			if levels[k] == levels[i]+1 {
				kids++
			}
		}
		if kids > 0 && kids < 10 {
			b[at+len("/Count ")] = byte('0' + kids)
		}
		at += len(marker)
	}
	return b
}

func paper(name string) (string, error) {
	switch name {
	case "", "a4", "A4":
		return "A4", nil
	case "letter", "Letter":
		return "Letter", nil
	}
	return "", fmt.Errorf("pdf: unknown paper %q: use a4 or letter", name)
}

type rgb struct{ r, g, b int }

// One palette for the whole report: status colours, each with a light
// tint for backgrounds and a dark shade for text on white, plus greys.
var (
	green     = rgb{46, 160, 67}
	greenTint = rgb{230, 245, 233}
	greenInk  = rgb{27, 110, 45}
	amber     = rgb{240, 165, 0}
	amberTint = rgb{255, 245, 222}
	amberInk  = rgb{150, 95, 0}
	red       = rgb{214, 57, 57}
	redTint   = rgb{252, 233, 233}
	redInk    = rgb{170, 35, 35}
	ink       = rgb{31, 41, 51}
	grey      = rgb{82, 96, 109}
	mute      = rgb{130, 142, 155}
	rule      = rgb{217, 226, 236}
	paperBg   = rgb{246, 248, 250}
	accent    = rgb{36, 59, 83}
	link      = rgb{26, 86, 160}
)

type shade struct{ main, tint, ink rgb }

func statusShade(status string) shade {
	switch status {
	case report.Strong:
		return shade{green, greenTint, greenInk}
	case report.Developing:
		return shade{amber, amberTint, amberInk}
	}
	return shade{red, redTint, redInk}
}

func levelShade(level string) shade {
	switch level {
	case report.Ready:
		return shade{green, greenTint, greenInk}
	case report.NearlyThere:
		return shade{amber, amberTint, amberInk}
	}
	return shade{red, redTint, redInk}
}

// statusMarks pair each status with a symbol and a word (as the Markdown
// summary does with emoji), so status never depends on colour alone.
var statusMarks = map[string]string{
	report.Strong:     "✔ strong",
	report.Developing: "◐ developing",
	report.Missing:    "✘ missing",
}

func statusMark(s string) string {
	if m, ok := statusMarks[s]; ok {
		return m
	}
	return s
}

// Type sizes, in points.
const (
	sizeTitle = 26
	sizeH1    = 17
	sizeH2    = 11.5
	sizeBody  = 9.5
	sizeSmall = 8
	sizeTiny  = 7
)

const ptmm = 25.4 / 72

// lineH is the line height for size pt, in mm.
func lineH(size float64) float64 { return size * ptmm * 1.38 }

type doc struct {
	f    *gofpdf.Fpdf
	r    *report.Report
	opts Options

	pw, ph         float64 // page size, mm
	left, right    float64 // content edges
	top, bottom    float64 // content edges
	y              float64 // cursor
	noHeader       bool
	reg, bold      *coverage
	widths         map[wkey]float64
	curFont        int
	curSize        float64
	fb             *fallbackFont
	fbTried        bool
	fbUsed         bool // a glyph was drawn with fb
	want           rune // the character fb is chosen for (scan)
	fontNote       string
	missing        map[rune]bool // characters shown as placeholders
	astral         map[rune]bool // characters above U+FFFF replaced
	notes          []string
	footerLeft     glyphs
	headerLeft     glyphs
	headerRight    glyphs
	logoLeft       float64 // the cover's logo: left edge and bottom
	logoBottom     float64
	outline        []int          // levels of the bookmarks, in order
	anchors        map[string]int // step id -> internal link
	sectionAnchors map[string]int
}

func newDoc(r *report.Report, opts Options, size string) *doc {
	d := newPages(opts, size, "P", r.GeneratedAt)
	d.r = r
	d.scan(r, opts.Coach)
	who := r.Subject.Login
	if r.Subject.Name != "" && r.Subject.Name != r.Subject.Login {
		who = r.Subject.Name + " (" + r.Subject.Login + ")"
	}
	d.f.SetTitle(plain(d.clean("Backend readiness report: "+who, false)), true)
	d.f.SetAuthor(plain(d.clean(r.Tool.Name+" "+r.Tool.Version, false)), true)
	d.headerLeft = d.clean("Backend readiness · "+who, false)
	d.headerRight = d.clean("as of "+dateOf(r), false)
	d.footerLeft = d.clean(fmt.Sprintf("%s %s · schema %s", orDefault(r.Tool.Name, "pathway"), r.Tool.Version, r.Schema), false)
	return d
}

// newPages sets up an empty document: fonts, margins, header and footer,
// and dates from generated so that the bytes are reproducible.
func newPages(opts Options, size, orientation string, generated time.Time) *doc {
	f := gofpdf.NewCustom(&gofpdf.InitType{OrientationStr: orientation, UnitStr: "mm", SizeStr: size})
	d := &doc{f: f, r: &report.Report{}, opts: opts, widths: map[wkey]float64{}, curFont: -1,
		missing: map[rune]bool{}, astral: map[rune]bool{},
		anchors: map[string]int{}, sectionAnchors: map[string]int{}}
	d.reg, d.bold = dejaVuCoverage()
	f.SetCatalogSort(true)
	t := generated
	if t.IsZero() {
		// gofpdf would use the wall clock; a fixed instant keeps the bytes
		// reproducible even for a report without a time.
		t = time.Unix(0, 0).UTC()
	}
	f.SetCreationDate(t)
	f.SetModificationDate(t)
	f.SetCompression(true)
	f.AddUTF8FontFromBytes("dejavu", "", dejaVu)
	f.AddUTF8FontFromBytes("dejavu", "B", dejaVuBold)
	f.SetAutoPageBreak(false, 0)
	d.pw, d.ph = f.GetPageSize()
	d.left, d.right = 20, d.pw-20
	d.top, d.bottom = 24, d.ph-20
	f.SetMargins(d.left, d.top, d.pw-d.right)
	f.AliasNbPages("{nb}")
	f.SetHeaderFuncMode(d.header, true)
	f.SetFooterFunc(d.footer)
	f.SetCreator("pathway", true)
	return d
}

func plain(gs glyphs) string {
	rs := make([]rune, len(gs))
	for i, g := range gs {
		rs[i] = g.r
	}
	return string(rs)
}

func orDefault(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

func dateOf(r *report.Report) string {
	t := r.AsOf
	if t.IsZero() {
		t = r.GeneratedAt
	}
	if t.IsZero() {
		return "unknown date"
	}
	return t.UTC().Format("2 January 2006")
}

func (d *doc) header() {
	// gofpdf set the font of the previous page between footer and header.
	d.curFont = -1
	if d.noHeader {
		return
	}
	y := 12.0
	d.color(mute)
	d.draw(d.left, y, d.fit(d.headerLeft, sizeSmall, d.right-d.left-45), sizeSmall)
	w := d.width(d.headerRight, sizeSmall)
	d.draw(d.right-w, y, d.headerRight, sizeSmall)
	d.stroke(rule, 0.3)
	d.f.Line(d.left, y+2.5, d.right, y+2.5)
}

func (d *doc) footer() {
	d.curFont = -1
	if d.f.PageNo() == 1 {
		return // the cover
	}
	y := d.ph - 10
	d.stroke(rule, 0.3)
	d.f.Line(d.left, y-4.5, d.right, y-4.5)
	d.color(mute)
	d.draw(d.left, y, d.fit(d.footerLeft, sizeSmall, d.right-d.left-40), sizeSmall)
	// The total is an alias replaced at the end, so its width is unknown
	// here: the number starts at a fixed place wide enough for "999 of 999".
	page := d.clean(fmt.Sprintf("Page %d of {nb}", d.f.PageNo()), false)
	d.draw(d.right-d.width(d.clean("Page 999 of 999", false), sizeSmall), y, page, sizeSmall)
}

func (d *doc) color(c rgb) { d.f.SetTextColor(c.r, c.g, c.b) }
func (d *doc) fill(c rgb)  { d.f.SetFillColor(c.r, c.g, c.b) }
func (d *doc) stroke(c rgb, w float64) {
	d.f.SetDrawColor(c.r, c.g, c.b)
	d.f.SetLineWidth(w)
}

// newPage starts a page; the cover has no header.
func (d *doc) newPage() {
	d.f.AddPage()
	// AddPage restores the font of before the footer and header ran, so
	// the cache no longer says what gofpdf has.
	d.curFont = -1
	d.y = d.top
}

// need starts a new page unless h mm fit below the cursor.
func (d *doc) need(h float64) {
	if d.y+h > d.bottom {
		d.newPage()
	}
}

// text writes a wrapped paragraph at x..right and moves the cursor.
func (d *doc) text(x, right float64, s string, size float64, bold bool, c rgb) {
	d.lines(x, right, d.clean(s, bold), size, c)
}

// textH is the height of the first n lines (0: all) of a paragraph that
// text would write across the page.
func (d *doc) textH(s string, size float64, n int) float64 {
	k := len(d.wrap(d.clean(s, false), size, d.right-d.left))
	if n > 0 {
		k = min(k, n)
	}
	return float64(k) * lineH(size)
}

func (d *doc) lines(x, right float64, gs glyphs, size float64, c rgb) {
	lh := lineH(size)
	for _, line := range d.wrap(gs, size, right-x) {
		d.need(lh)
		d.color(c)
		d.draw(x, d.baseline(d.y, lh, size), line, size)
		d.y += lh
	}
}

// baseline centres a line of size pt in a box of height h starting at top.
func (d *doc) baseline(top, h, size float64) float64 {
	return top + h/2 + 0.34*size*ptmm
}

// heading starts a section with a bookmark at level 0 or 1.
func (d *doc) heading(s string, level int) {
	size := float64(sizeH1)
	if level > 0 {
		size = sizeH2
	}
	gs := d.clean(s, true)
	lh := lineH(size)
	if level == 0 {
		d.need(lh + 30)
	} else {
		d.need(lh + 14)
	}
	d.bookmark(s, level)
	d.color(accent)
	for _, line := range d.wrap(gs, size, d.right-d.left) {
		d.draw(d.left, d.baseline(d.y, lh, size), line, size)
		d.y += lh
	}
	if level == 0 {
		d.stroke(accent, 0.6)
		d.f.Line(d.left, d.y+1, d.left+18, d.y+1)
		d.y += 6
	} else {
		d.y += 1.5
	}
}

// headingH is the height heading takes, for keeping it with what follows.
func (d *doc) headingH(s string, level int) float64 {
	size, after := float64(sizeH1), 6.0
	if level > 0 {
		size, after = sizeH2, 1.5
	}
	return float64(len(d.wrap(d.clean(s, true), size, d.right-d.left)))*lineH(size) + after
}

func (d *doc) bookmark(s string, level int) {
	d.setFont(fontRegular, sizeBody)
	d.f.Bookmark(plain(d.clean(s, false)), level, d.y)
	d.outline = append(d.outline, level)
}

// keep starts a new page unless a block h mm tall fits below the cursor;
// a block taller than a page starts at the top of one.
func (d *doc) keep(h float64) {
	d.need(min(h, d.bottom-d.top))
}

// label writes a small grey caps label, like "WHAT WAS FOUND", on the page
// of what follows it, next mm tall.
func (d *doc) label(s string, next float64) {
	d.keep(lineH(sizeSmall) + 2.8 + next)
	d.y += 2
	d.text(d.left, d.right, s, sizeSmall, true, grey)
	d.y += 0.8
}

// bulletLines wraps a list item's text and its small grey note.
func (d *doc) bulletLines(s, sub string) (text, subs []glyphs) {
	indent := d.left + 6
	text = d.wrap(d.clean(s, false), sizeBody, d.right-indent)
	if sub != "" {
		subs = d.wrap(d.clean(sub, false), sizeSmall, d.right-indent)
	}
	return text, subs
}

// bulletH is the height of a list item, for keeping it with what is above.
func (d *doc) bulletH(s, sub string) float64 {
	text, subs := d.bulletLines(s, sub)
	return float64(len(text))*lineH(sizeBody) + float64(len(subs))*lineH(sizeSmall)
}

// bullet writes a list item with a marker in colour c.
func (d *doc) bullet(marker string, c rgb, s string, sub string) {
	size := float64(sizeBody)
	lh := lineH(size)
	indent := d.left + 6
	gs, subs := d.bulletLines(s, sub)
	// An item and its note (an action's repository, points and effort)
	// move to the next page together rather than split.
	d.keep(float64(len(gs))*lh + float64(len(subs))*lineH(sizeSmall))
	d.color(c)
	d.draw(d.left+1, d.baseline(d.y, lh, size), d.clean(marker, true), size)
	for _, line := range gs {
		d.need(lh)
		d.color(ink)
		d.draw(indent, d.baseline(d.y, lh, size), line, size)
		d.y += lh
	}
	for _, line := range subs {
		d.need(lineH(sizeSmall))
		d.color(mute)
		d.draw(indent, d.baseline(d.y, lineH(sizeSmall), sizeSmall), line, sizeSmall)
		d.y += lineH(sizeSmall)
	}
	d.y += 1.2
}

// pill draws a rounded label (a status) at x, top y; it returns its width.
func (d *doc) pill(x, y float64, s string, sh shade, size float64) float64 {
	gs := d.clean(s, true)
	h := lineH(size) + 1.2
	w := d.width(gs, size) + 5
	d.fill(sh.tint)
	d.f.RoundedRect(x, y, w, h, h/2, "1234", "F")
	d.color(sh.ink)
	d.draw(x+2.5, d.baseline(y, h, size), gs, size)
	return w
}

// hexColor parses "#rrggbb" (languages.Color's form).
func hexColor(s string) rgb {
	var c rgb
	if len(s) == 7 && s[0] == '#' {
		if _, err := fmt.Sscanf(s[1:], "%02x%02x%02x", &c.r, &c.g, &c.b); err == nil {
			return c
		}
	}
	return rgb{204, 204, 204}
}
