package languages

import (
	"path"
	"slices"
	"strconv"
	"strings"

	"github.com/pathway-dev/pathway/internal/snapshot"
)

// The .gitattributes keys Linguist reads.
const (
	attrVendored = iota
	attrGenerated
	attrDocumentation
	attrLanguage
	attrDetectable
	nattrs
)

var attrNames = [nattrs]string{
	"linguist-vendored", "linguist-generated", "linguist-documentation",
	"linguist-language", "linguist-detectable",
}

// attrValue is one attribute's state for a path: unspecified, or a value
// ("true" when set, "false" when unset with a leading minus).
type attrValue struct {
	known bool
	v     string
}

// attrSet is the Linguist attributes of one path. The zero value has none.
type attrSet [nattrs]attrValue

func (a attrSet) get(k int) (string, bool) { return a[k].v, a[k].known }

// bool reads the attribute as Linguist does: present and not "false".
func (a attrSet) bool(k int) (value, known bool) {
	if !a[k].known {
		return false, false
	}
	return a[k].v != "false", true
}

func (a attrSet) isTrue(k int) bool {
	b, ok := a.bool(k)
	return ok && b
}

type assign struct {
	key   int
	known bool // false for "!attr": back to unspecified
	v     string
}

type attrRule struct {
	dir     string // directory of the .gitattributes file, "" or "a/b/"
	pattern string
	base    bool // pattern has no slash: matched against the base name
	assigns []assign
}

// attributes is every Linguist rule of a tree's .gitattributes files, in
// the order git applies them: shallower files first, lines in order, the
// last match winning.
type attributes struct {
	rules []attrRule
}

// loadAttributes reads the tree's .gitattributes files. It returns nil
// when there are none, none was fetched, or none mentions Linguist, so the
// caller skips matching altogether.
func loadAttributes(files []snapshot.File, read func(string) ([]byte, error)) *attributes {
	var paths []string
	for _, f := range files {
		if (f.Kind == "" || f.Kind == "blob") && path.Base(f.Path) == ".gitattributes" {
			paths = append(paths, f.Path)
		}
	}
	if len(paths) == 0 {
		return nil
	}
	// Deeper files take precedence over shallower ones.
	slices.SortStableFunc(paths, func(a, b string) int {
		return strings.Count(a, "/") - strings.Count(b, "/")
	})
	var at attributes
	for _, p := range paths {
		b, err := read(p)
		if err != nil {
			continue
		}
		dir, _ := path.Split(p)
		at.rules = append(at.rules, parseAttributes(dir, string(b))...)
	}
	if len(at.rules) == 0 {
		return nil
	}
	return &at
}

// parseAttributes keeps the lines of one .gitattributes file that set a
// Linguist attribute. Macro definitions ([attr]name) are not expanded:
// Linguist overrides are written out in practice.
func parseAttributes(dir, text string) []attrRule {
	var rules []attrRule
	for line := range strings.Lines(text) {
		line = strings.TrimSpace(line)
		if line == "" || line[0] == '#' || strings.HasPrefix(line, "[attr]") {
			continue
		}
		pat, rest, ok := splitPattern(line)
		if !ok || pat == "" || pat[0] == '!' {
			// Negative patterns are forbidden in .gitattributes; git
			// ignores the line.
			continue
		}
		var as []assign
		for _, f := range strings.Fields(rest) {
			if a, ok := parseAssign(f); ok {
				as = append(as, a)
			}
		}
		if len(as) == 0 {
			continue
		}
		if strings.HasSuffix(pat, "/") {
			// A directory pattern does not apply to the files inside it
			// (git wants dir/** for that), so it matches no blob.
			continue
		}
		r := attrRule{dir: dir, assigns: as}
		if strings.Contains(pat, "/") {
			r.pattern = strings.TrimPrefix(pat, "/")
		} else {
			r.pattern, r.base = pat, true
		}
		rules = append(rules, r)
	}
	return rules
}

func splitPattern(line string) (pat, rest string, ok bool) {
	if line[0] != '"' {
		i := strings.IndexAny(line, " \t")
		if i < 0 {
			return line, "", true
		}
		return line[:i], line[i:], true
	}
	for i := 1; i < len(line); i++ {
		switch line[i] {
		case '\\':
			i++
		case '"':
			p, err := strconv.Unquote(line[:i+1])
			if err != nil {
				return "", "", false
			}
			return p, line[i+1:], true
		}
	}
	return "", "", false
}

func parseAssign(f string) (assign, bool) {
	var a assign
	name := f
	switch {
	case strings.HasPrefix(f, "-"):
		name, a.known, a.v = f[1:], true, "false"
	case strings.HasPrefix(f, "!"):
		name = f[1:]
	default:
		a.known, a.v = true, "true"
		if k, v, ok := strings.Cut(f, "="); ok {
			name, a.v = k, v
		}
	}
	a.key = slices.Index(attrNames[:], name)
	return a, a.key >= 0
}

// lookup returns the Linguist attributes of p.
func (at *attributes) lookup(p string) attrSet {
	var s attrSet
	for i := range at.rules {
		r := &at.rules[i]
		if !r.match(p) {
			continue
		}
		for _, a := range r.assigns {
			s[a.key] = attrValue{known: a.known, v: a.v}
		}
	}
	return s
}

func (r *attrRule) match(p string) bool {
	if r.dir != "" {
		if !strings.HasPrefix(p, r.dir) {
			return false
		}
		p = p[len(r.dir):]
	}
	if r.base {
		return globSegment(r.pattern, path.Base(p))
	}
	return globPath(strings.Split(r.pattern, "/"), strings.Split(p, "/"))
}

// globPath matches path segments against pattern segments with git's
// rules: "*" stays within a segment, "**" spans any number of them, and a
// trailing "**" needs at least one (dir/** is what is inside dir).
func globPath(pat, segs []string) bool {
	for len(pat) > 0 {
		if pat[0] == "**" {
			if len(pat) == 1 {
				return len(segs) > 0
			}
			for i := 0; i <= len(segs); i++ {
				if globPath(pat[1:], segs[i:]) {
					return true
				}
			}
			return false
		}
		if len(segs) == 0 || !globSegment(pat[0], segs[0]) {
			return false
		}
		pat, segs = pat[1:], segs[1:]
	}
	return len(segs) == 0
}

// globSegment matches one segment; git's "[!a-z]" is path.Match's "[^a-z]".
// A malformed pattern matches nothing, as in git.
func globSegment(pat, name string) bool {
	if strings.Contains(pat, "[!") {
		pat = strings.ReplaceAll(pat, "[!", "[^")
	}
	ok, err := path.Match(pat, name)
	return ok && err == nil
}
