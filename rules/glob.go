package rules

import (
	"errors"
	"path"
	"strings"
)

// glob is a slash-separated pattern relative to the repository root. Each
// segment is a path.Match pattern; a "**" segment matches any number of
// directories (zero included), so "**/Dockerfile" finds every Dockerfile and
// "Dockerfile" only the root one.
type glob struct {
	src  string
	segs []string
	// literal is set when the pattern has no metacharacters: a plain
	// comparison is much faster than matching segments.
	literal bool
}

func compileGlob(p string) (*glob, error) {
	switch {
	case p == "":
		return nil, errors.New("empty glob")
	case strings.HasPrefix(p, "/"):
		return nil, errors.New("glob must be relative to the repository root (drop the leading /)")
	case strings.Contains(p, `\`):
		return nil, errors.New(`glob uses \: write paths with / and no escapes`)
	}
	segs := strings.Split(p, "/")
	for _, s := range segs {
		if s == "" {
			return nil, errors.New("glob has an empty segment (//) or a trailing /")
		}
		if s == "**" {
			continue
		}
		if strings.Contains(s, "**") {
			return nil, errors.New(`"**" must be a whole segment, as in "src/**/test_*.py"`)
		}
		if _, err := path.Match(s, ""); err != nil {
			return nil, errors.New("bad glob segment " + s + ": " + err.Error())
		}
	}
	return &glob{src: p, segs: segs, literal: !strings.ContainsAny(p, "*?[")}, nil
}

func (g *glob) match(name string) bool {
	if g.literal {
		return g.src == name
	}
	return matchSegs(g.segs, strings.Split(name, "/"))
}

func matchSegs(pat, name []string) bool {
	for len(pat) > 0 {
		if pat[0] == "**" {
			rest := pat[1:]
			if len(rest) == 0 {
				return true
			}
			for i := 0; i <= len(name); i++ {
				if matchSegs(rest, name[i:]) {
					return true
				}
			}
			return false
		}
		if len(name) == 0 {
			return false
		}
		if ok, _ := path.Match(pat[0], name[0]); !ok {
			return false
		}
		pat, name = pat[1:], name[1:]
	}
	return len(name) == 0
}
