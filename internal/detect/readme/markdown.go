package readme

import (
	"regexp"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/text"
)

// blockKind tells the scorer what a top-level piece of the README is.
type blockKind int

const (
	kindProse blockKind = iota
	kindHeading
	kindCode
)

// block is one top-level piece of a README in a format-neutral shape, so
// Markdown, reStructuredText and plain text share the same analysis.
type block struct {
	kind  blockKind
	level int    // heading level
	text  string // heading text or prose (no code, no image alt text)
	code  string // code block content
	// inline code spans, where "run `npm install`" hides a setup command.
	spans  []string
	images []image
	links  []string
	// onlyLinkedImages is true for a paragraph made of images wrapped in
	// links and little else: the usual badge row.
	onlyLinkedImages bool
	template         bool // text from a generator's boilerplate
}

type image struct {
	src    string
	linked bool
}

var md = goldmark.New(goldmark.WithExtensions(extension.GFM))

// parseMarkdown walks goldmark's AST and flattens it into blocks. Lists,
// quotes and tables become one prose block each: sections are told by
// headings, so finer structure adds nothing.
func parseMarkdown(src string) []block {
	source := []byte(src)
	doc := md.Parser().Parse(text.NewReader(source))
	var blocks []block
	for n := doc.FirstChild(); n != nil; n = n.NextSibling() {
		switch n := n.(type) {
		case *ast.Heading:
			b := block{kind: kindHeading, level: n.Level}
			collectInline(n, source, &b)
			b.text = strings.TrimSpace(b.text)
			blocks = append(blocks, b)
		case *ast.FencedCodeBlock:
			blocks = append(blocks, block{kind: kindCode, code: linesText(n, source)})
		case *ast.CodeBlock:
			blocks = append(blocks, block{kind: kindCode, code: linesText(n, source)})
		case *ast.HTMLBlock:
			raw := linesText(n, source)
			if n.HasClosure() {
				raw += string(n.ClosureLine.Value(source))
			}
			blocks = append(blocks, htmlBlocks(raw)...)
		case *ast.ThematicBreak:
		default:
			b := block{kind: kindProse}
			collectInline(n, source, &b)
			b.onlyLinkedImages = linkedImageRow(n, b)
			blocks = append(blocks, b)
		}
	}
	return blocks
}

func linesText(n ast.Node, source []byte) string {
	var sb strings.Builder
	lines := n.Lines()
	for i := 0; i < lines.Len(); i++ {
		seg := lines.At(i)
		sb.Write(seg.Value(source))
	}
	return sb.String()
}

// collectInline gathers the prose, code spans, images and links under n.
// Nested code blocks (inside list items or quotes) are kept as code spans:
// they are still commands a reader can copy.
func collectInline(root ast.Node, source []byte, b *block) {
	var sb strings.Builder
	_ = ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			if n.Kind() == ast.KindParagraph || n.Kind() == ast.KindListItem || n.Kind() == east.KindTableCell {
				sb.WriteByte(' ')
			}
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Text:
			sb.Write(n.Segment.Value(source))
			if n.SoftLineBreak() || n.HardLineBreak() {
				sb.WriteByte(' ')
			}
		case *ast.String:
			sb.Write(n.Value)
		case *ast.CodeSpan:
			var cs strings.Builder
			for c := n.FirstChild(); c != nil; c = c.NextSibling() {
				if t, ok := c.(*ast.Text); ok {
					cs.Write(t.Segment.Value(source))
				}
			}
			b.spans = append(b.spans, cs.String())
			sb.WriteString(cs.String())
			sb.WriteByte(' ')
			return ast.WalkSkipChildren, nil
		case *ast.FencedCodeBlock, *ast.CodeBlock:
			b.spans = append(b.spans, linesText(n, source))
			return ast.WalkSkipChildren, nil
		case *ast.Image:
			b.images = append(b.images, image{src: string(n.Destination), linked: n.Parent() != nil && n.Parent().Kind() == ast.KindLink})
			return ast.WalkSkipChildren, nil // alt text is not prose
		case *ast.Link:
			b.links = append(b.links, string(n.Destination))
		case *ast.AutoLink:
			sb.Write(n.Label(source))
			return ast.WalkSkipChildren, nil
		case *ast.RawHTML:
			var raw strings.Builder
			for i := 0; i < n.Segments.Len(); i++ {
				seg := n.Segments.At(i)
				raw.Write(seg.Value(source))
			}
			htmlInline(raw.String(), b, n.Parent() != nil && n.Parent().Kind() == ast.KindLink)
		case *ast.HTMLBlock:
			for _, hb := range htmlBlocks(linesText(n, source)) {
				sb.WriteString(hb.text)
				sb.WriteByte(' ')
				b.images = append(b.images, hb.images...)
				b.links = append(b.links, hb.links...)
			}
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	b.text = strings.Join(strings.Fields(sb.String()), " ")
}

// linkedImageRow reports whether a paragraph is a row of linked images
// (badges) with at most a few words between them.
func linkedImageRow(n ast.Node, b block) bool {
	if n.Kind() != ast.KindParagraph || len(b.images) == 0 {
		return false
	}
	for _, im := range b.images {
		if !im.linked {
			return false
		}
	}
	return countWords(b.text) <= 2*len(b.images)
}

var (
	reImgSrc   = regexp.MustCompile(`(?is)<img\b[^>]*?\bsrc\s*=\s*["']?([^"'\s>]+)`)
	reHref     = regexp.MustCompile(`(?is)<a\b[^>]*?\bhref\s*=\s*["']?([^"'\s>]+)`)
	reHTMLHead = regexp.MustCompile(`(?is)<h([1-6])\b[^>]*>(.*?)</h[1-6]\s*>`)
	reTag      = regexp.MustCompile(`(?s)<[^>]*>`)
	reComment  = regexp.MustCompile(`(?s)<!--.*?-->`)
	reLinkOpen = regexp.MustCompile(`(?is)<a\b[^>]*>\s*(?:<[^/][^>]*>\s*)*$`)
)

// htmlBlocks reads the HTML READMEs are full of (centred titles, logos,
// screenshot galleries, badge rows) closely enough to count headings,
// images, links and words; it is not an HTML parser and need not be.
func htmlBlocks(raw string) []block {
	raw = reComment.ReplaceAllString(raw, " ")
	var out []block
	rest := raw
	for {
		loc := reHTMLHead.FindStringSubmatchIndex(rest)
		if loc == nil {
			break
		}
		if pre := htmlProse(rest[:loc[0]]); pre != nil {
			out = append(out, *pre)
		}
		h := block{kind: kindHeading, level: int(rest[loc[2]] - '0')}
		inner := rest[loc[4]:loc[5]]
		h.text = strings.Join(strings.Fields(htmlText(inner)), " ")
		htmlInline(inner, &h, false)
		out = append(out, h)
		rest = rest[loc[1]:]
	}
	if p := htmlProse(rest); p != nil {
		out = append(out, *p)
	}
	return out
}

func htmlProse(raw string) *block {
	b := block{kind: kindProse}
	htmlInline(raw, &b, false)
	b.text = strings.Join(strings.Fields(htmlText(raw)), " ")
	if b.text == "" && len(b.images) == 0 && len(b.links) == 0 {
		return nil
	}
	if len(b.images) > 0 {
		row := true
		for _, im := range b.images {
			row = row && im.linked
		}
		b.onlyLinkedImages = row && countWords(b.text) <= 2*len(b.images)
	}
	return &b
}

func htmlInline(raw string, b *block, inLink bool) {
	for _, m := range reImgSrc.FindAllStringSubmatchIndex(raw, -1) {
		pre := raw[max(0, m[0]-400):m[0]]
		linked := inLink || reLinkOpen.MatchString(pre)
		b.images = append(b.images, image{src: raw[m[2]:m[3]], linked: linked})
	}
	for _, m := range reHref.FindAllStringSubmatch(raw, -1) {
		b.links = append(b.links, m[1])
	}
}

var htmlEntities = strings.NewReplacer("&nbsp;", " ", "&amp;", "&", "&lt;", "<", "&gt;", ">", "&quot;", `"`, "&#39;", "'")

func htmlText(raw string) string {
	return htmlEntities.Replace(reTag.ReplaceAllString(raw, " "))
}
