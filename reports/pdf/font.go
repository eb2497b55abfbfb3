package pdf

import (
	"context"
	_ "embed"
	"encoding/binary"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/jung-kurt/gofpdf"
)

// DejaVu Sans covers Latin, Greek and Cyrillic and is free to redistribute
// (fonts/LICENSE); gofpdf subsets it, so only the glyphs used are written.
var (
	//go:embed fonts/DejaVuSans.ttf
	dejaVu []byte
	//go:embed fonts/DejaVuSans-Bold.ttf
	dejaVuBold []byte
)

// coverage is the set of BMP runes a font has a glyph for. gofpdf cannot
// draw runes above U+FFFF at all, so the BMP is all that matters.
type coverage [65536 / 64]uint64

func (c *coverage) has(r rune) bool {
	return r >= 0 && r < 65536 && c[r>>6]&(1<<(uint(r)&63)) != 0
}

func (c *coverage) add(r rune) {
	if r >= 0 && r < 65536 {
		c[r>>6] |= 1 << (uint(r) & 63)
	}
}

var (
	dejaVuOnce                sync.Once
	dejaVuCover, dejaVuBCover *coverage
)

// dejaVuCoverage parses the embedded fonts' character maps once per process.
func dejaVuCoverage() (regular, bold *coverage) {
	dejaVuOnce.Do(func() {
		var err error
		if dejaVuCover, err = fontCoverage(dejaVu); err != nil {
			dejaVuCover = &coverage{}
		}
		if dejaVuBCover, err = fontCoverage(dejaVuBold); err != nil {
			dejaVuBCover = dejaVuCover
		}
	})
	return dejaVuCover, dejaVuBCover
}

// sfnt table directory entry.
type sfntTable struct{ off, size uint32 }

// tables reads the table directory of a TrueType font starting at base.
func tables(b []byte, base uint32) (map[string]sfntTable, error) {
	if uint64(base)+12 > uint64(len(b)) {
		return nil, errors.New("truncated font header")
	}
	h := b[base:]
	switch string(h[:4]) {
	case "\x00\x01\x00\x00", "true":
	case "OTTO":
		return nil, errors.New("OpenType font with CFF outlines; the PDF library needs TrueType outlines (a .ttf)")
	default:
		return nil, errors.New("not a TrueType font")
	}
	n := int(binary.BigEndian.Uint16(h[4:]))
	if 12+16*n > len(h) {
		return nil, errors.New("truncated table directory")
	}
	t := make(map[string]sfntTable, n)
	for i := range n {
		e := h[12+16*i:]
		off, size := binary.BigEndian.Uint32(e[8:]), binary.BigEndian.Uint32(e[12:])
		if uint64(off)+uint64(size) > uint64(len(b)) {
			return nil, fmt.Errorf("table %q lies outside the file", e[:4])
		}
		t[string(e[:4])] = sfntTable{off, size}
	}
	for _, need := range []string{"cmap", "glyf", "loca", "head", "hhea", "hmtx", "maxp"} {
		if _, ok := t[need]; !ok {
			return nil, fmt.Errorf("font has no %q table (TrueType outlines are needed)", need)
		}
	}
	return t, nil
}

// fontCoverage reads the Unicode character map (format 4 or 12) of a TTF.
func fontCoverage(b []byte) (*coverage, error) {
	t, err := tables(b, 0)
	if err != nil {
		return nil, err
	}
	cm := b[t["cmap"].off : t["cmap"].off+t["cmap"].size]
	if len(cm) < 4 {
		return nil, errors.New("truncated cmap")
	}
	// Prefer the full-repertoire subtable, then the BMP one.
	best, bestRank := -1, 0
	n := int(binary.BigEndian.Uint16(cm[2:]))
	for i := range n {
		if 4+8*i+8 > len(cm) {
			break
		}
		e := cm[4+8*i:]
		pid, eid, off := binary.BigEndian.Uint16(e), binary.BigEndian.Uint16(e[2:]), binary.BigEndian.Uint32(e[4:])
		if uint64(off)+4 > uint64(len(cm)) {
			continue
		}
		format := binary.BigEndian.Uint16(cm[off:])
		rank := 0
		switch {
		case format == 12 && (pid == 3 && eid == 10 || pid == 0):
			rank = 3
		case format == 4 && (pid == 3 && eid == 1 || pid == 0):
			rank = 2
		}
		if rank > bestRank {
			best, bestRank = int(off), rank
		}
	}
	if best < 0 {
		return nil, errors.New("no Unicode character map")
	}
	c := &coverage{}
	sub := cm[best:]
	if binary.BigEndian.Uint16(sub) == 12 {
		if len(sub) < 16 {
			return nil, errors.New("truncated cmap format 12")
		}
		groups := int(binary.BigEndian.Uint32(sub[12:]))
		for i := 0; i < groups && 16+12*i+12 <= len(sub); i++ {
			g := sub[16+12*i:]
			lo, hi, gid := binary.BigEndian.Uint32(g), binary.BigEndian.Uint32(g[4:]), binary.BigEndian.Uint32(g[8:])
			for r := lo; r <= hi && r < 65536; r++ {
				if gid+(r-lo) != 0 {
					c.add(rune(r))
				}
			}
		}
		return c, nil
	}
	if len(sub) < 14 {
		return nil, errors.New("truncated cmap format 4")
	}
	segs := int(binary.BigEndian.Uint16(sub[6:]) / 2)
	if 16+8*segs > len(sub) {
		return nil, errors.New("truncated cmap format 4")
	}
	ends, starts := sub[14:], sub[16+2*segs:]
	deltas, ranges := sub[16+4*segs:], sub[16+6*segs:]
	for s := range segs {
		end, start := int(binary.BigEndian.Uint16(ends[2*s:])), int(binary.BigEndian.Uint16(starts[2*s:]))
		delta, ro := int(binary.BigEndian.Uint16(deltas[2*s:])), int(binary.BigEndian.Uint16(ranges[2*s:]))
		for r := start; r <= end && r < 0xFFFF; r++ {
			gid := 0
			if ro == 0 {
				gid = (r + delta) & 0xFFFF
			} else {
				at := 16 + 6*segs + 2*s + ro + 2*(r-start)
				if at+2 > len(sub) {
					continue
				}
				if gid = int(binary.BigEndian.Uint16(sub[at:])); gid != 0 {
					gid = (gid + delta) & 0xFFFF
				}
			}
			if gid != 0 {
				c.add(rune(r))
			}
		}
	}
	return c, nil
}

// fromCollection rebuilds the first TrueType font of a collection (.ttc)
// as a standalone font, since gofpdf reads single fonts only.
func fromCollection(b []byte) ([]byte, error) {
	if len(b) < 16 || string(b[:4]) != "ttcf" {
		return b, nil
	}
	base := binary.BigEndian.Uint32(b[12:])
	t, err := tables(b, base)
	if err != nil {
		return nil, err
	}
	tags := make([]string, 0, len(t))
	for tag := range t {
		tags = append(tags, tag)
	}
	slices.Sort(tags)
	head := 12 + 16*len(tags)
	out := make([]byte, head, head+len(b)/2)
	copy(out, b[base:base+12])
	binary.BigEndian.PutUint16(out[4:], uint16(len(tags)))
	for i, tag := range tags {
		e := out[12+16*i:]
		src := b[base+12:]
		// Keep the original checksum of the entry.
		for j := 0; j+16 <= len(src) && j < 16*len(tags); j += 16 {
			if string(src[j:j+4]) == tag {
				copy(e[:8], src[j:j+8])
			}
		}
		binary.BigEndian.PutUint32(e[8:], uint32(len(out)))
		binary.BigEndian.PutUint32(e[12:], t[tag].size)
		out = append(out, b[t[tag].off:t[tag].off+t[tag].size]...)
		for len(out)%4 != 0 {
			out = append(out, 0)
		}
	}
	return out, nil
}

// fallbackFont is a font for the characters DejaVu lacks (CJK above all).
type fallbackFont struct {
	path  string
	data  []byte
	cover *coverage
}

// loadFallback reads and checks a user-given or system font. gofpdf is
// tried on it in a scratch document, because its parser is not defensive
// and its errors are sticky: a bad font must not spoil the report.
func loadFallback(path string) (*fallbackFont, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	if b, err = fromCollection(b); err != nil {
		return nil, err
	}
	c, err := fontCoverage(b)
	if err != nil {
		return nil, err
	}
	if err := tryFont(b); err != nil {
		return nil, err
	}
	return &fallbackFont{path: path, data: b, cover: c}, nil
}

func tryFont(b []byte) (err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("the PDF library cannot read it (%v)", p)
		}
	}()
	f := gofpdf.New("P", "mm", "A4", "")
	f.AddUTF8FontFromBytes("probe", "", b)
	return f.Error()
}

// systemFontPaths are common places of TrueType fonts with CJK glyphs
// (Debian/Ubuntu packages, macOS, Windows). OpenType/CFF fonts such as the
// Noto CJK .otf/.ttc files cannot be used by gofpdf and are skipped.
var systemFontPaths = []string{
	"/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
	"/usr/share/fonts/truetype/droid/DroidSansFallback.ttf",
	"/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
	"/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
	"/usr/share/fonts/truetype/arphic/uming.ttc",
	"/usr/share/fonts/truetype/arphic/ukai.ttc",
	"/usr/share/fonts/truetype/fonts-japanese-gothic.ttf",
	"/usr/share/fonts/truetype/takao-gothic/TakaoPGothic.ttf",
	"/usr/share/fonts/truetype/nanum/NanumGothic.ttf",
	"/usr/share/fonts/truetype/unfonts-core/UnDotum.ttf",
	"/Library/Fonts/Arial Unicode.ttf",
	"/System/Library/Fonts/Supplemental/Arial Unicode.ttf",
	`C:\Windows\Fonts\msyh.ttc`,
	`C:\Windows\Fonts\simsun.ttc`,
	`C:\Windows\Fonts\malgun.ttf`,
	`C:\Windows\Fonts\msgothic.ttc`,
}

// systemFont finds a usable font that has need (a rune DejaVu lacks):
// fontconfig's answer first, then the common paths.
func systemFont(need rune) (*fallbackFont, []string) {
	var tried []string
	candidates := fcList(need)
	candidates = append(candidates, systemFontPaths...)
	seen := map[string]bool{}
	for _, p := range candidates {
		if seen[p] {
			continue
		}
		seen[p] = true
		if _, err := os.Stat(p); err != nil {
			continue
		}
		f, err := loadFallback(p)
		if err != nil {
			tried = append(tried, fmt.Sprintf("%s: %v", p, err))
			continue
		}
		if f.cover.has(need) {
			return f, tried
		}
	}
	return nil, tried
}

// fcList asks fontconfig for fonts that have need, TrueType files first.
func fcList(need rune) []string {
	fc, err := exec.LookPath("fc-list")
	if err != nil {
		return nil
	}
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Second)
	defer cancel()
	out, err := exec.CommandContext(ctx, fc, fmt.Sprintf(":charset=%x", need), "file").Output()
	if err != nil {
		return nil
	}
	var ttf, other []string
	for _, line := range strings.Split(string(out), "\n") {
		p := strings.TrimSuffix(strings.TrimSpace(line), ":")
		switch strings.ToLower(filepath.Ext(p)) {
		case ".ttf":
			ttf = append(ttf, p)
		case ".ttc":
			other = append(other, p)
		}
	}
	// fc-list order is arbitrary; sorting keeps the choice (and the bytes)
	// stable between runs on one machine.
	slices.Sort(ttf)
	slices.Sort(other)
	return append(ttf, other...)
}
