package readme

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

var (
	reRstLink     = regexp.MustCompile("`[^`<]*<([^>`]+)>`__?")
	reRstTarget   = regexp.MustCompile(`^\.\.\s+_[^:]+:\s*(\S+)`)
	reRstImage    = regexp.MustCompile(`^\.\.\s+(?:\|[^|]+\|\s+)?(image|figure)::\s*(\S+)`)
	reRstCode     = regexp.MustCompile(`^\.\.\s+(?:code-block|code|sourcecode|prompt)::`)
	reRstLiteral  = regexp.MustCompile("``([^`]+)``")
	reTextSpan    = regexp.MustCompile("`([^`\n]+)`")
	reBareURL     = regexp.MustCompile(`https?://[^\s<>()"']+`)
	reATXHeading  = regexp.MustCompile(`^(#{1,6})\s+(.+?)\s*#*\s*$`)
	reAdocHeading = regexp.MustCompile(`^(={1,6})\s+(\S.*)$`)
)

// parseSimple reads reStructuredText and plain-text READMEs line by line:
// underlined (and overlined) titles, "#" and "=" title lines, literal blocks
// (after "::", code directives, fences or indentation), image directives and
// links. It does not aim at full rst: only at what the score needs.
func parseSimple(src string, rst bool) []block {
	lines := strings.Split(strings.ReplaceAll(src, "\r\n", "\n"), "\n")
	var (
		blocks []block
		para   []string
		levels []string // rst adornment styles in order of first use
	)
	flush := func() {
		if len(para) == 0 {
			return
		}
		blocks = append(blocks, simpleProse(strings.Join(para, " "), rst))
		para = para[:0]
	}
	// level numbers adornment styles as rst does: by first use, an
	// overlined style differing from the same character underlined only.
	level := func(adornment string, over bool) int {
		c, _ := utf8.DecodeRuneInString(adornment)
		style := string(c)
		if over {
			style += "o"
		}
		for i, l := range levels {
			if l == style {
				return i + 1
			}
		}
		levels = append(levels, style)
		return len(levels)
	}
	// literal collects the indented block starting at i and returns the
	// index after it.
	literal := func(i int) int {
		var code []string
		j := i
		for ; j < len(lines); j++ {
			l := lines[j]
			if strings.TrimSpace(l) == "" {
				code = append(code, "")
				continue
			}
			if !indented(l) {
				break
			}
			code = append(code, strings.TrimSpace(l))
		}
		if c := strings.TrimSpace(strings.Join(code, "\n")); c != "" {
			blocks = append(blocks, block{kind: kindCode, code: c})
		}
		return j
	}
	expectLiteral := false
	for i := 0; i < len(lines); i++ {
		line := strings.TrimRight(lines[i], " \t")
		trim := strings.TrimSpace(line)
		switch {
		case trim == "":
			flush()
			if expectLiteral && i+1 < len(lines) && indented(lines[i+1]) {
				i = literal(i+1) - 1
			}
			expectLiteral = false
			continue
		case strings.HasPrefix(trim, "```") || strings.HasPrefix(trim, "~~~"):
			flush()
			fence := trim[:3]
			var code []string
			j := i + 1
			for ; j < len(lines) && !strings.HasPrefix(strings.TrimSpace(lines[j]), fence); j++ {
				code = append(code, lines[j])
			}
			blocks = append(blocks, block{kind: kindCode, code: strings.Join(code, "\n")})
			i = j
			continue
		case rst && reRstCode.MatchString(trim):
			flush()
			j := i + 1
			for j < len(lines) && strings.HasPrefix(strings.TrimSpace(lines[j]), ":") {
				j++ // directive options
			}
			i = literal(j) - 1
			continue
		case strings.HasPrefix(trim, ".. ") || trim == "..":
			flush()
			if m := reRstImage.FindStringSubmatch(trim); m != nil {
				im := image{src: m[2]}
				// A substitution image with a :target: is a linked image,
				// which at the top of an rst README is a badge.
				for j := i + 1; j < len(lines) && indented(lines[j]); j++ {
					if strings.HasPrefix(strings.TrimSpace(lines[j]), ":target:") {
						im.linked = true
					}
				}
				blocks = append(blocks, block{kind: kindProse, images: []image{im}, onlyLinkedImages: im.linked})
			} else if m := reRstTarget.FindStringSubmatch(trim); m != nil {
				blocks = append(blocks, block{kind: kindProse, links: []string{m[1]}})
			}
			// Skip the directive's body or the comment.
			for i+1 < len(lines) && (indented(lines[i+1]) || (strings.TrimSpace(lines[i+1]) == "" && i+2 < len(lines) && indented(lines[i+2]))) {
				i++
			}
			continue
		}
		if len(para) == 0 && !indented(line) {
			if m := reATXHeading.FindStringSubmatch(trim); m != nil && !rst {
				blocks = append(blocks, block{kind: kindHeading, level: len(m[1]), text: m[2]})
				continue
			}
			if m := reAdocHeading.FindStringSubmatch(trim); m != nil && !rst && !isAdornment(trim) {
				blocks = append(blocks, block{kind: kindHeading, level: len(m[1]), text: m[2]})
				continue
			}
			// Overlined title: adornment, title, adornment.
			if isAdornment(trim) && i+2 < len(lines) && isAdornment(strings.TrimSpace(lines[i+2])) && strings.TrimSpace(lines[i+1]) != "" {
				blocks = append(blocks, block{kind: kindHeading, level: level(trim, true), text: strings.TrimSpace(lines[i+1])})
				i += 2
				continue
			}
			// Underlined title.
			if i+1 < len(lines) {
				next := strings.TrimSpace(lines[i+1])
				if isAdornment(next) && utf8.RuneCountInString(next) >= min(3, utf8.RuneCountInString(trim)) && utf8.RuneCountInString(next)*2 >= utf8.RuneCountInString(trim) {
					blocks = append(blocks, block{kind: kindHeading, level: level(next, false), text: trim})
					i++
					continue
				}
			}
		}
		if len(para) == 0 && codeIndented(line) && !rst {
			// An indented block in a text README is almost always a command
			// or a snippet.
			i = literal(i) - 1
			continue
		}
		para = append(para, trim)
		if rst && strings.HasSuffix(trim, "::") {
			expectLiteral = true
			flush()
		}
	}
	flush()
	return blocks
}

func simpleProse(p string, rst bool) block {
	b := block{kind: kindProse}
	if rst {
		for _, m := range reRstLink.FindAllStringSubmatch(p, -1) {
			b.links = append(b.links, strings.TrimSpace(m[1]))
		}
		for _, m := range reRstLiteral.FindAllStringSubmatch(p, -1) {
			b.spans = append(b.spans, m[1])
		}
		p = reRstLink.ReplaceAllStringFunc(p, func(s string) string {
			if i := strings.IndexByte(s, '<'); i > 0 {
				return s[1:i]
			}
			return ""
		})
	} else {
		for _, m := range reTextSpan.FindAllStringSubmatch(p, -1) {
			b.spans = append(b.spans, m[1])
		}
	}
	b.links = append(b.links, reBareURL.FindAllString(p, -1)...)
	b.text = strings.TrimSuffix(p, ":")
	return b
}

// indented reports an rst body line: any indentation will do.
func indented(l string) bool {
	return (strings.HasPrefix(l, " ") || strings.HasPrefix(l, "\t")) && strings.TrimSpace(l) != ""
}

// codeIndented reports a Markdown-style indented code line.
func codeIndented(l string) bool {
	return (strings.HasPrefix(l, "    ") || strings.HasPrefix(l, "\t")) && strings.TrimSpace(l) != ""
}

// isAdornment reports whether s is an rst section adornment: one repeated
// punctuation character, at least three long.
func isAdornment(s string) bool {
	if utf8.RuneCountInString(s) < 3 {
		return false
	}
	c, _ := utf8.DecodeRuneInString(s)
	if !unicode.IsPunct(c) && !unicode.IsSymbol(c) {
		return false
	}
	for _, r := range s {
		if r != c {
			return false
		}
	}
	return true
}
