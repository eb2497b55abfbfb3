package tests

import "bytes"

// syntax is the comment and string syntax of a test file's language: enough
// to tell commented-out tests from live ones without a full parser.
type syntax int

const (
	synC      syntax = iota // // and /* */ comments; "..." '...' strings (Java, C#, Kotlin)
	synGo                   // C comments, `raw` strings
	synJS                   // C comments, `template` strings
	synPython               // # comments, triple-quoted strings
	synRuby                 // # comments, =begin/=end blocks
	synPHP                  // C comments and # (but not #[ attributes)
	synRust                 // C comments, 'a lifetimes are not chars
)

// clean blanks comments in src and returns two views of the same length as
// src, so offsets (and line numbers) agree with the original: code has
// comments replaced by spaces; bare has string contents blanked as well,
// which keeps braces and keywords inside strings from confusing the judge.
// Newlines always survive. PHP docblocks that carry @test leave "@test" in
// place, because PHPUnit reads that annotation.
func clean(src []byte, syn syntax) (code, bare []byte) {
	code = bytes.Clone(src)
	bare = bytes.Clone(src)
	n := len(src)
	blank := func(b []byte, from, to int) {
		for k := from; k < to && k < n; k++ {
			if b[k] != '\n' {
				b[k] = ' '
			}
		}
	}
	lineStart := func(i int) bool {
		for k := i - 1; k >= 0; k-- {
			switch src[k] {
			case '\n':
				return true
			case ' ', '\t', '\r':
				continue
			default:
				return false
			}
		}
		return true
	}
	i := 0
	for i < n {
		c := src[i]
		// Comments.
		switch {
		case c == '/' && i+1 < n && src[i+1] == '/' && syn != synPython && syn != synRuby:
			j := endOfLine(src, i)
			blank(code, i, j)
			blank(bare, i, j)
			i = j
			continue
		case c == '/' && i+1 < n && src[i+1] == '*' && syn != synPython && syn != synRuby:
			j := bytes.Index(src[i+2:], []byte("*/"))
			end := n
			if j >= 0 {
				end = i + 2 + j + 2
			}
			marker := syn == synPHP && bytes.Contains(src[i:end], []byte("@test")) && end-i >= 5
			blank(code, i, end)
			blank(bare, i, end)
			if marker {
				copy(code[i:], "@test")
				copy(bare[i:], "@test")
			}
			i = end
			continue
		case c == '#' && (syn == synPython || syn == synRuby || (syn == synPHP && !(i+1 < n && src[i+1] == '['))):
			j := endOfLine(src, i)
			blank(code, i, j)
			blank(bare, i, j)
			i = j
			continue
		case syn == synRuby && c == '=' && bytes.HasPrefix(src[i:], []byte("=begin")) && lineStart(i):
			j := bytes.Index(src[i:], []byte("\n=end"))
			end := n
			if j >= 0 {
				end = endOfLine(src, i+j+1)
			}
			blank(code, i, end)
			blank(bare, i, end)
			i = end
			continue
		}
		// Strings.
		var end int
		switch {
		case (syn == synPython || syn == synC) && (bytes.HasPrefix(src[i:], []byte(`"""`)) || (syn == synPython && bytes.HasPrefix(src[i:], []byte(`'''`)))):
			q := src[i : i+3]
			j := bytes.Index(src[i+3:], q)
			end = n
			if j >= 0 {
				end = i + 3 + j + 3
			}
			blank(bare, i+3, end-3)
			i = end
			continue
		case c == '`' && (syn == synGo || syn == synJS):
			end = quoted(src, i, '`', true, syn == synJS)
		case c == '"':
			end = quoted(src, i, '"', syn == synRust, true)
		case c == '\'':
			if syn == synRust && !rustChar(src, i) {
				i++
				continue
			}
			end = quoted(src, i, '\'', false, true)
		default:
			i++
			continue
		}
		if end-1 > i+1 {
			blank(bare, i+1, end-1)
		}
		i = end
	}
	return code, bare
}

// quoted returns the offset just past the string literal opening at i.
// Single-line strings end at the newline when unterminated, so one stray
// quote cannot swallow the rest of a file.
func quoted(src []byte, i int, q byte, multiline, escapes bool) int {
	for j := i + 1; j < len(src); j++ {
		switch src[j] {
		case '\\':
			if escapes {
				j++
			}
		case '\n':
			if !multiline {
				return j
			}
		case q:
			return j + 1
		}
	}
	return len(src)
}

// rustChar tells a char literal ('a', '\n') from a lifetime ('a).
func rustChar(src []byte, i int) bool {
	if i+1 < len(src) && src[i+1] == '\\' {
		return true
	}
	return i+2 < len(src) && src[i+2] == '\''
}

func endOfLine(b []byte, i int) int {
	if j := bytes.IndexByte(b[i:], '\n'); j >= 0 {
		return i + j
	}
	return len(b)
}

// lineAt returns the 1-based line of offset off.
func lineAt(b []byte, off int) int {
	if off > len(b) {
		off = len(b)
	}
	return bytes.Count(b[:off], []byte{'\n'}) + 1
}
