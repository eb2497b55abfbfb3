package readme

import (
	"bytes"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// maxBytes bounds the text handed to the parsers: READMEs past this size are
// data dumps, and the words beyond it change no score band.
const maxBytes = 1 << 20

// decode turns README bytes into text whatever the encoding: UTF-8 (with or
// without BOM), UTF-16 (with a BOM, or without one when the NUL pattern is
// unmistakable) and, failing those, Windows-1252, the superset of Latin-1
// that editors on Windows actually write. It never fails: the worst case is
// a few wrong characters, not a crash or an empty README.
func decode(b []byte) string {
	truncated := len(b) > maxBytes
	if truncated {
		b = b[:maxBytes]
	}
	switch {
	case bytes.HasPrefix(b, []byte{0xEF, 0xBB, 0xBF}):
		b = b[3:]
	case bytes.HasPrefix(b, []byte{0xFF, 0xFE}):
		return utf16Text(b[2:], false)
	case bytes.HasPrefix(b, []byte{0xFE, 0xFF}):
		return utf16Text(b[2:], true)
	case len(b) >= 4 && b[0] != 0 && b[1] == 0 && b[2] != 0 && b[3] == 0:
		return utf16Text(b, false)
	case len(b) >= 4 && b[0] == 0 && b[1] != 0 && b[2] == 0 && b[3] != 0:
		return utf16Text(b, true)
	}
	if utf8.Valid(b) {
		return string(b)
	}
	// A file cut at maxBytes may end inside a rune; that alone is no reason
	// to read the whole file as Latin-1.
	if truncated {
		if cut := validPrefix(b); utf8.Valid(b[:cut]) {
			return string(b[:cut])
		}
	}
	var sb strings.Builder
	sb.Grow(len(b) + len(b)/8)
	for _, c := range b {
		if c >= 0x80 && c < 0xA0 {
			sb.WriteRune(cp1252[c-0x80])
			continue
		}
		sb.WriteRune(rune(c))
	}
	return sb.String()
}

func validPrefix(b []byte) int {
	i := len(b)
	for i > 0 && len(b)-i < utf8.UTFMax && !utf8.RuneStart(b[i-1]) {
		i--
	}
	if i > 0 {
		i--
	}
	return i
}

func utf16Text(b []byte, bigEndian bool) string {
	u := make([]uint16, len(b)/2)
	for i := range u {
		if bigEndian {
			u[i] = uint16(b[2*i])<<8 | uint16(b[2*i+1])
		} else {
			u[i] = uint16(b[2*i+1])<<8 | uint16(b[2*i])
		}
	}
	return string(utf16.Decode(u))
}

// cp1252 maps bytes 0x80..0x9F, where Windows-1252 differs from Latin-1;
// undefined positions fall back to the Latin-1 control code.
var cp1252 = [32]rune{
	'€', 0x81, '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', 0x8D, 'Ž', 0x8F,
	0x90, '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', 0x9D, 'ž', 'Ÿ',
}
