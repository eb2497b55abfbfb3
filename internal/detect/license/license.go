// Package license tells which licence a repository is published under, as an
// SPDX id: the host's own answer when it has one, else recognised from the
// licence file's text by the key phrases of the common licences.
package license

import (
	"regexp"
	"sort"
	"strings"

	"github.com/pathway-dev/pathway/internal/snapshot"
)

// IDs are the SPDX ids recognised from licence texts. Detect may also return
// whatever id the host reports, or NoAssertion.
var IDs = []string{
	"AGPL-3.0", "Apache-2.0", "BSD-2-Clause", "BSD-3-Clause", "CC0-1.0",
	"GPL-2.0", "GPL-3.0", "ISC", "LGPL-2.0", "LGPL-2.1", "LGPL-3.0",
	"MIT", "MPL-2.0", "Unlicense",
}

// NoAssertion is returned when a licence file exists but its licence could
// not be told (unknown text, or content not fetched); SPDX uses the same word.
const NoAssertion = "NOASSERTION"

// Detect returns the SPDX id of r's licence, "" when no licence file exists,
// or NoAssertion. Several licence files with different licences (LICENSE-MIT
// and LICENSE-APACHE) give an SPDX "OR" expression.
func Detect(r *snapshot.Repo) string {
	if r == nil {
		return ""
	}
	host := strings.TrimSpace(r.License)
	if host != "" && !strings.EqualFold(host, NoAssertion) && !strings.EqualFold(host, "other") {
		return host
	}
	var ids []string
	found := false
	for _, f := range r.Files {
		if !IsFile(f.Path) {
			continue
		}
		found = true
		b, err := r.Read(f.Path)
		if err != nil {
			continue
		}
		if id := Identify(b); id != "" {
			ids = append(ids, id)
		}
	}
	if len(ids) == 0 {
		if found || host != "" {
			return NoAssertion
		}
		return ""
	}
	return combine(ids)
}

// IsFile reports whether p is a licence file at the repository root:
// LICENSE, LICENCE, COPYING or UNLICENSE, with an optional extension or a
// suffix such as LICENSE-MIT or COPYING.LESSER.
func IsFile(p string) bool {
	if strings.Contains(p, "/") {
		return false
	}
	u := strings.ToUpper(p)
	for _, base := range []string{"LICENSE", "LICENCE", "COPYING", "UNLICENSE"} {
		if u == base {
			return true
		}
		if strings.HasPrefix(u, base) {
			rest := u[len(base):]
			if rest[0] == '.' || rest[0] == '-' || rest[0] == '_' {
				return true
			}
		}
	}
	return false
}

// combine turns the ids of several licence files into one SPDX expression.
// A GPL text next to the LGPL of the same version is how LGPL projects ship
// (COPYING and COPYING.LESSER), so it does not make a second licence.
func combine(ids []string) string {
	set := map[string]bool{}
	for _, id := range ids {
		set[id] = true
	}
	if set["LGPL-3.0"] {
		delete(set, "GPL-3.0")
	}
	if set["LGPL-2.1"] || set["LGPL-2.0"] {
		delete(set, "GPL-2.0")
	}
	out := make([]string, 0, len(set))
	for id := range set {
		out = append(out, id)
	}
	sort.Strings(out)
	return strings.Join(out, " OR ")
}

var spdxTag = regexp.MustCompile(`(?i)SPDX-License-Identifier:\s*([A-Za-z0-9.\-+]+)`)

// phrase is a key phrase of one licence, in normalised text (upper case,
// punctuation removed, single spaces). version, when set, must follow the
// phrase closely, because the GPL family share titles.
type phrase struct {
	id      string
	text    string
	version string
}

var phrases = []phrase{
	{"AGPL-3.0", "GNU AFFERO GENERAL PUBLIC LICENSE", "VERSION 3"},
	{"LGPL-3.0", "GNU LESSER GENERAL PUBLIC LICENSE", "VERSION 3"},
	{"LGPL-2.1", "GNU LESSER GENERAL PUBLIC LICENSE", "VERSION 2.1"},
	{"LGPL-2.0", "GNU LIBRARY GENERAL PUBLIC LICENSE", "VERSION 2"},
	{"GPL-3.0", "GNU GENERAL PUBLIC LICENSE", "VERSION 3"},
	{"GPL-2.0", "GNU GENERAL PUBLIC LICENSE", "VERSION 2"},
	{"Apache-2.0", "APACHE LICENSE", "VERSION 2.0"},
	{"MPL-2.0", "MOZILLA PUBLIC LICENSE", "2.0"},
	{"MIT", "PERMISSION IS HEREBY GRANTED FREE OF CHARGE TO ANY PERSON OBTAINING A COPY", ""},
	{"ISC", "DISTRIBUTE THIS SOFTWARE FOR ANY PURPOSE WITH OR WITHOUT FEE IS HEREBY GRANTED", ""},
	{"Unlicense", "THIS IS FREE AND UNENCUMBERED SOFTWARE RELEASED INTO THE PUBLIC DOMAIN", ""},
	{"CC0-1.0", "CC0 1.0 UNIVERSAL", ""},
	{"BSD", "REDISTRIBUTION AND USE IN SOURCE AND BINARY FORMS", ""},
}

// maxText bounds the text read: every key phrase sits near the top.
const maxText = 64 << 10

// Identify returns the SPDX id of a licence text, or "" when it is not one
// of IDs. When several licences are named (the GPL quotes the AGPL's title),
// the one named first is the file's own.
func Identify(text []byte) string {
	if len(text) > maxText {
		text = text[:maxText]
	}
	if m := spdxTag.FindSubmatch(text); m != nil {
		if id := known(string(m[1])); id != "" {
			return id
		}
	}
	n := normalize(text)
	best, bestAt := "", -1
	for _, p := range phrases {
		at := indexVersioned(n, p.text, p.version)
		if at < 0 || (bestAt >= 0 && at >= bestAt) {
			continue
		}
		best, bestAt = p.id, at
	}
	switch {
	case best == "BSD":
		if strings.Contains(n, "NEITHER THE NAME") || strings.Contains(n, "NAMES OF ITS CONTRIBUTORS MAY BE USED") {
			return "BSD-3-Clause"
		}
		return "BSD-2-Clause"
	case best != "":
		return best
	}
	// Short forms: a file holding only the title and a copyright line.
	switch first := firstWords(n, 3); {
	case strings.HasPrefix(first, "MIT LICENSE"), strings.HasPrefix(first, "THE MIT LICENSE"):
		return "MIT"
	case strings.HasPrefix(first, "ISC LICENSE"):
		return "ISC"
	}
	return ""
}

// indexVersioned finds title followed within a short distance by version.
func indexVersioned(n, title, version string) int {
	from := 0
	for {
		i := strings.Index(n[from:], title)
		if i < 0 {
			return -1
		}
		at := from + i
		if version == "" {
			return at
		}
		end := at + len(title)
		window := n[end:min(len(n), end+40)]
		if j := strings.Index(window, version); j >= 0 {
			// "VERSION 2" must not match "VERSION 2.1".
			k := j + len(version)
			if k == len(window) || window[k] == ' ' || (window[k] == '.' && (k+1 == len(window) || window[k+1] == ' ')) {
				return at
			}
		}
		from = end
	}
}

// normalize upper-cases text, keeps letters, digits and dots, and turns every
// other run of characters into one space.
func normalize(text []byte) string {
	var b strings.Builder
	b.Grow(len(text))
	space := true
	for _, c := range text {
		switch {
		case c >= 'a' && c <= 'z':
			b.WriteByte(c - 'a' + 'A')
			space = false
		case c >= 'A' && c <= 'Z', c >= '0' && c <= '9', c == '.':
			b.WriteByte(c)
			space = false
		default:
			if !space {
				b.WriteByte(' ')
				space = true
			}
		}
	}
	return b.String()
}

func firstWords(n string, k int) string {
	f := strings.Fields(n)
	if len(f) > k {
		f = f[:k]
	}
	return strings.Join(f, " ")
}

// known maps an SPDX tag (which may carry -only/-or-later) to one of IDs.
func known(tag string) string {
	t := strings.TrimSuffix(strings.TrimSuffix(tag, "-only"), "-or-later")
	t = strings.TrimSuffix(t, "+")
	for _, id := range IDs {
		if strings.EqualFold(t, id) {
			return id
		}
	}
	return ""
}
