package pdf

import (
	"encoding/json"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Fonts a glyph can be drawn with.
const (
	fontRegular = iota
	fontBold
	fontFallback
)

var families = [...]struct{ family, style string }{
	fontRegular:  {"dejavu", ""},
	fontBold:     {"dejavu", "B"},
	fontFallback: {"fallback", ""},
}

// placeholder stands in for a character no font can draw; the report
// always says so in its warnings.
const placeholder = '□'

const ellipsis = '…'

type glyph struct {
	r    rune
	font uint8
}

// glyphs is text after the sanitiser: every rune drawable by its font.
type glyphs []glyph

// clean is the one sanitiser every string passes through before it reaches
// gofpdf. gofpdf v1.16.2 indexes a 65536-entry width table by rune and
// panics above U+FFFF, so emoji and other astral characters become a
// placeholder, one per emoji: a skin-tone modifier, a flag's second
// regional indicator and whatever a zero-width joiner glues on stay with
// the emoji before them, as a reader sees one picture there. Control and
// format characters (bidi overrides, joiners, variation selectors, tags)
// are dropped because they have no glyph and could reorder text; all
// whitespace becomes one space. Characters DejaVu lacks go to the fallback
// font when one is available and become placeholders otherwise.
func (d *doc) clean(s string, bold bool) glyphs {
	out := make(glyphs, 0, len(s))
	space := false
	// seq: the last glyph is the placeholder of an emoji that may go on;
	// joined: a joiner followed it; flag: it holds one regional indicator.
	seq, joined, flag := false, false, false
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		if r == utf8.RuneError && n <= 1 {
			r = '\uFFFD'
		}
		switch {
		case r == '\u200D':
			joined = seq
			continue
		case isVariation(r) || r == '\u20E3' || r >= 0xE0000 && r <= 0xE007F:
			// Selectors, the keycap mark and tag characters modify the
			// character before them and are not drawn on their own.
			continue
		case unicode.IsSpace(r) || r == '\u2028' || r == '\u2029':
			seq, joined = false, false
			if !space && len(out) > 0 {
				out = append(out, d.glyphFor(' ', bold))
			}
			space = true
			continue
		case joined:
			// Part of the emoji the placeholder already stands for.
			if r > 0xFFFF {
				d.astral[r] = true
			}
			joined, flag = false, false
			continue
		case r > 0xFFFF:
			d.astral[r] = true
			if seq && (isSkinTone(r) || flag && isRegional(r)) {
				flag = false
				continue
			}
			out = append(out, d.glyphFor(placeholder, bold))
			seq, flag, space = true, isRegional(r), false
			continue
		case unicode.IsControl(r) || unicode.Is(unicode.Cf, r) || unicode.Is(unicode.Noncharacter_Code_Point, r):
			continue
		}
		seq, space = false, false
		out = append(out, d.glyphFor(r, bold))
	}
	return out
}

func isVariation(r rune) bool {
	return r >= 0xFE00 && r <= 0xFE0F || r >= 0xE0100 && r <= 0xE01EF
}

func isSkinTone(r rune) bool { return r >= 0x1F3FB && r <= 0x1F3FF }

func isRegional(r rune) bool { return r >= 0x1F1E6 && r <= 0x1F1FF }

// glyphFor picks the font that has r.
func (d *doc) glyphFor(r rune, bold bool) glyph {
	if bold && d.bold.has(r) {
		return glyph{r, fontBold}
	}
	if d.reg.has(r) {
		return glyph{r, fontRegular}
	}
	if fb := d.fallback(r); fb != nil && fb.cover.has(r) {
		d.fbUsed = true
		return glyph{r, fontFallback}
	}
	d.missing[r] = true
	if bold {
		return glyph{placeholder, fontBold}
	}
	return glyph{placeholder, fontRegular}
}

func isCJK(r rune) bool {
	return unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul, unicode.Bopomofo) ||
		r >= 0x3000 && r <= 0x303F || r >= 0xFF00 && r <= 0xFFEF
}

// findSystemFont is systemFont; tests replace it to see what is asked.
var findSystemFont = systemFont

// fallback loads the font for characters DejaVu lacks on first need: the
// user's --font, else (also when --font cannot be used) a system font that
// has the text's CJK, or r.
func (d *doc) fallback(r rune) *fallbackFont {
	if d.fb != nil || d.fbTried {
		return d.fb
	}
	d.fbTried = true
	var fb *fallbackFont
	if d.opts.FontFile != "" {
		f, err := loadFallback(d.opts.FontFile)
		if err != nil {
			d.fontNote = fmt.Sprintf("--font %s was not used: %v", d.opts.FontFile, err)
		}
		fb = f
	}
	if fb == nil {
		need := r
		if d.want > 0 {
			need = d.want
		}
		if fb, _ = findSystemFont(need); fb == nil {
			return nil
		}
	}
	d.f.AddUTF8FontFromBytes(families[fontFallback].family, "", fb.data)
	if d.f.Err() {
		// Cannot happen after tryFont; if it does, the report is lost
		// anyway and Render returns the error.
		return nil
	}
	d.fb = fb
	return fb
}

// scan finds, before anything is drawn, the character a fallback font is
// chosen for: the first CJK character of the text, else the first one
// DejaVu lacks. Fonts are picked on first need, and the first need is
// often not the script that matters most: a system font found for a
// symbol may have no CJK at all.
func (d *doc) scan(v any, more ...string) {
	b, err := json.Marshal(v)
	if err != nil {
		return
	}
	first := rune(0)
	for _, s := range append(more, string(b)) {
		for _, r := range s {
			if r < 0x80 || r > 0xFFFF || d.reg.has(r) || unicode.IsControl(r) || unicode.Is(unicode.Cf, r) || unicode.IsSpace(r) {
				continue
			}
			if isCJK(r) {
				d.want = r
				return
			}
			if first == 0 {
				first = r
			}
		}
	}
	d.want = first
}

// textWarnings says what the sanitiser had to replace, so placeholders are
// never silent.
func (d *doc) textWarnings() []string {
	var w []string
	if d.fontNote != "" {
		w = append(w, d.fontNote)
	}
	cjk, first, other := 0, rune(-1), 0
	for r := range d.missing {
		if isCJK(r) {
			cjk++
		} else {
			other++
			if first < 0 || r < first {
				first = r
			}
		}
	}
	const advice = "pass --font FILE with a TrueType font that has it, e.g. DroidSansFallbackFull.ttf or wqy-microhei.ttc"
	switch {
	case cjk > 0 && d.fb != nil:
		// One message: saying the fallback drew characters and that CJK
		// is missing reads as a contradiction.
		w = append(w, fmt.Sprintf("CJK text shown as placeholders (%c, %d distinct characters): %s, used for other characters DejaVu Sans lacks, does not have them; %s", placeholder, cjk, d.fb.path, advice))
	case cjk > 0:
		w = append(w, fmt.Sprintf("CJK text shown as placeholders (%c, %d distinct characters): %s", placeholder, cjk, advice))
	case d.fbUsed:
		w = append(w, "characters DejaVu Sans lacks drawn with "+d.fb.path)
	}
	if other > 0 {
		w = append(w, fmt.Sprintf("%d distinct characters the fonts lack (the lowest U+%04X) shown as %c: pass --font FILE with a TrueType font that has them", other, first, placeholder))
	}
	if n := len(d.astral); n > 0 {
		w = append(w, fmt.Sprintf("emoji and other characters above U+FFFF (%d distinct) shown as %c: the PDF library cannot draw them", n, placeholder))
	}
	return w
}

type wkey struct {
	r    rune
	font uint8
}

// advance is the width of g at size pt, in mm. Widths are cached per em:
// gofpdf has no kerning, so a string's width is the sum of its glyphs'.
func (d *doc) advance(g glyph, size float64) float64 {
	w, ok := d.widths[wkey(g)]
	if !ok {
		fam := families[g.font]
		d.f.SetFont(fam.family, fam.style, 100)
		w = d.f.GetStringWidth(string(g.r)) / 100
		d.widths[wkey(g)] = w
		d.curFont = -1
	}
	return w * size
}

func (d *doc) width(gs glyphs, size float64) float64 {
	w := 0.0
	for _, g := range gs {
		w += d.advance(g, size)
	}
	return w
}

// fit truncates gs to max mm, ending in an ellipsis when it had to cut.
func (d *doc) fit(gs glyphs, size, max float64) glyphs {
	if d.width(gs, size) <= max {
		return gs
	}
	ell := glyph{ellipsis, fontRegular}
	room := max - d.advance(ell, size)
	w := 0.0
	for i, g := range gs {
		w += d.advance(g, size)
		if w > room {
			cut := append(glyphs{}, gs[:i]...)
			for len(cut) > 0 && cut[len(cut)-1].r == ' ' {
				cut = cut[:len(cut)-1]
			}
			return append(cut, ell)
		}
	}
	return gs
}

// wrap breaks gs into lines no wider than max mm: at spaces, after CJK
// characters (which need no spaces), and inside a word too long for a line.
func (d *doc) wrap(gs glyphs, size, max float64) []glyphs {
	return d.wrapN(gs, size, max, 0)
}

// wrapN wraps to at most n lines (0: any number), the last one cut with
// an ellipsis when the text is longer.
func (d *doc) wrapN(gs glyphs, size, max float64, n int) []glyphs {
	var lines []glyphs
	for len(gs) > 0 {
		if n > 0 && len(lines) == n-1 {
			return append(lines, d.fit(gs, size, max))
		}
		w, brk := 0.0, -1
		i := 0
		for ; i < len(gs); i++ {
			g := gs[i]
			if g.r == ' ' {
				brk = i
			}
			w += d.advance(g, size)
			if w > max && i > 0 {
				break
			}
			// Names like spring-boot-postgresql-service break after a
			// hyphen or slash rather than mid-word; CJK needs no spaces.
			if isCJK(g.r) || (g.r == '-' || g.r == '/' || g.r == '_') && i > 0 {
				brk = i + 1
			}
		}
		if i == len(gs) {
			lines = append(lines, gs)
			break
		}
		end, next := i, i
		if brk > 0 {
			end, next = brk, brk
		}
		line := gs[:end]
		for len(line) > 0 && line[len(line)-1].r == ' ' {
			line = line[:len(line)-1]
		}
		lines = append(lines, line)
		gs = gs[next:]
		for len(gs) > 0 && gs[0].r == ' ' {
			gs = gs[1:]
		}
	}
	return lines
}

// draw writes gs with its baseline at y, switching fonts per run.
func (d *doc) draw(x, y float64, gs glyphs, size float64) float64 {
	var b strings.Builder
	for i := 0; i < len(gs); {
		font := gs[i].font
		b.Reset()
		j := i
		for ; j < len(gs) && gs[j].font == font; j++ {
			b.WriteRune(gs[j].r)
		}
		d.setFont(font, size)
		s := b.String()
		d.f.Text(x, y, s)
		x += d.width(gs[i:j], size)
		i = j
	}
	return x
}

func (d *doc) setFont(font uint8, size float64) {
	if int(font) == d.curFont && size == d.curSize {
		return
	}
	fam := families[font]
	d.f.SetFont(fam.family, fam.style, size)
	d.curFont, d.curSize = int(font), size
}
