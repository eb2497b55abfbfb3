package hygiene

import (
	"bufio"
	"bytes"
	"path"
	"strings"
)

// LFSPatterns returns the patterns of a .gitattributes file whose
// attributes route files through Git LFS (filter=lfs). Comments, macro
// definitions and negated patterns are skipped.
func LFSPatterns(gitattributes []byte) []string {
	var out []string
	sc := bufio.NewScanner(bytes.NewReader(gitattributes))
	sc.Buffer(make([]byte, 0, 4096), 1<<20)
	for sc.Scan() {
		f := strings.Fields(sc.Text())
		if len(f) < 2 || strings.HasPrefix(f[0], "#") || strings.HasPrefix(f[0], "[attr]") || strings.HasPrefix(f[0], "!") {
			continue
		}
		for _, a := range f[1:] {
			if a == "filter=lfs" {
				out = append(out, strings.Trim(f[0], `"`))
				break
			}
		}
	}
	return out
}

// MatchAny reports whether p matches one of the gitattributes patterns: a
// pattern without a slash matches the file name at any depth; one with a
// slash matches the path from the root; "**/" and "/**" match any number of
// folders.
func MatchAny(patterns []string, p string) bool {
	for _, pat := range patterns {
		if match(pat, p) {
			return true
		}
	}
	return false
}

func match(pat, p string) bool {
	pat = strings.TrimPrefix(pat, "/")
	if pat == "" {
		return false
	}
	if !strings.Contains(strings.TrimSuffix(pat, "/"), "/") {
		ok, _ := path.Match(pat, path.Base(p))
		return ok
	}
	if rest, ok := strings.CutPrefix(pat, "**/"); ok {
		for q := p; ; {
			if match(rest, q) {
				return true
			}
			i := strings.IndexByte(q, '/')
			if i < 0 {
				return false
			}
			q = q[i+1:]
		}
	}
	if dir, ok := strings.CutSuffix(pat, "/**"); ok {
		return strings.HasPrefix(p, dir+"/")
	}
	ok, _ := path.Match(pat, p)
	return ok
}
