// Package ci finds continuous integration and deployment configuration and
// tells whether CI runs the tests: it parses each provider's YAML (or a
// Jenkinsfile), takes the shell commands the steps really run, and follows
// the repository's own scripts, make targets and npm scripts they call.
package ci

import (
	"encoding/json"
	"path"
	"regexp"
	"sort"
	"strings"

	"github.com/pathway-dev/pathway/internal/facts"
	"github.com/pathway-dev/pathway/internal/snapshot"
)

// Providers lists every CI provider id Detect can report.
var Providers = []string{
	"azure-pipelines", "bitbucket", "circleci", "drone", "github-actions", "gitlab-ci", "jenkins", "travis",
}

// maxFiles bounds how many CI files are parsed per repository.
const maxFiles = 50

// maxEvidence bounds each evidence list.
const maxEvidence = 10

// maxYAML bounds the size of a CI file that is parsed.
const maxYAML = 1 << 20

// provider returns the CI provider whose configuration lives at p, or "".
func provider(p string) string {
	switch p {
	case ".gitlab-ci.yml", ".gitlab-ci.yaml":
		return "gitlab-ci"
	case ".circleci/config.yml", ".circleci/config.yaml":
		return "circleci"
	case ".travis.yml", ".travis.yaml":
		return "travis"
	case "azure-pipelines.yml", "azure-pipelines.yaml":
		return "azure-pipelines"
	case "bitbucket-pipelines.yml", "bitbucket-pipelines.yaml":
		return "bitbucket"
	case ".drone.yml", ".drone.yaml":
		return "drone"
	}
	dir, base := path.Split(p)
	yml := strings.HasSuffix(base, ".yml") || strings.HasSuffix(base, ".yaml")
	switch {
	case dir == ".github/workflows/" && yml:
		return "github-actions"
	case dir == ".azure-pipelines/" && yml:
		return "azure-pipelines"
	case base == "Jenkinsfile" && !strings.Contains(p, "node_modules/") && !strings.Contains(p, "vendor/"):
		return "jenkins"
	}
	return ""
}

// Detect computes the CI facts of r.
//
// RunsTests is true when some step runs a test command (evidence in
// TestCommands); false when CI is absent from a complete tree, or present
// and every command is visible and none runs tests; nil when a step calls a
// script, make target, template or reusable workflow whose content could not
// be read, or a CI file's content was not fetched or not parsed.
func Detect(r *snapshot.Repo) facts.CI {
	out := facts.CI{Providers: []string{}}
	if r == nil || r.Unavailable != "" {
		return out
	}
	a := &analyzer{r: r, visited: map[string]bool{}}
	seen := map[string]bool{}
	unread := false
	for _, f := range r.Files {
		prov := provider(f.Path)
		if prov == "" || f.Kind == "submodule" {
			continue
		}
		if len(out.Files) == maxFiles {
			unread = true
			break
		}
		out.Files = append(out.Files, f.Path)
		if !seen[prov] {
			seen[prov] = true
			out.Providers = append(out.Providers, prov)
			out.Evidence = append(out.Evidence, facts.Evidence{Repo: r.Name, Path: f.Path, Text: prov + " configuration"})
		}
		if !a.file(f.Path, prov) {
			unread = true
		}
	}
	sort.Strings(out.Providers)
	out.Present = len(out.Files) > 0
	yes, no := true, false
	switch {
	case len(a.tests) > 0:
		out.RunsTests = &yes
	case unread || len(a.opaque) > 0:
		out.RunsTests = nil
	case out.Present || !r.TreeTruncated:
		out.RunsTests = &no
	}
	out.TestCommands = cap10(dedup(a.tests))
	ev := out.Evidence
	ev = append(ev, dedup(a.commented)...)
	ev = append(ev, dedup(a.skipped)...)
	ev = append(ev, dedup(a.opaque)...)
	out.Evidence = cap10(ev)
	return out
}

// dedup drops evidence repeated at the same place.
func dedup(e []facts.Evidence) []facts.Evidence {
	seen := map[facts.Evidence]bool{}
	out := e[:0:0]
	for _, x := range e {
		if !seen[x] {
			seen[x] = true
			out = append(out, x)
		}
	}
	return out
}

func cap10(e []facts.Evidence) []facts.Evidence {
	if len(e) > maxEvidence {
		return e[:maxEvidence]
	}
	return e
}

// file analyses one CI file and reports whether its content was read.
func (a *analyzer) file(p, prov string) bool {
	b, err := a.r.Read(p)
	if err != nil {
		a.opaque = append(a.opaque, a.ev(p, 0, "content not fetched"))
		return false
	}
	if len(b) > maxYAML {
		a.opaque = append(a.opaque, a.ev(p, 0, "file too large to parse"))
		return false
	}
	if prov == "jenkins" {
		a.jenkins(p, b)
		return true
	}
	docs, err := parseYAML(b)
	if err != nil {
		a.opaque = append(a.opaque, a.ev(p, 0, "could not parse YAML: "+err.Error()))
		return false
	}
	lines := strings.Split(string(b), "\n")
	for _, d := range docs {
		for _, c := range extract(prov, p, d, a) {
			if c.lines == nil && c.path == p {
				c.lines = lines
			}
			a.script(c, 0)
		}
	}
	// A step commented out as a whole is a YAML comment, outside any
	// scalar: say so, it is the trap a reader wants to see.
	for i, l := range lines {
		if t := strings.TrimSpace(l); strings.HasPrefix(t, "#") && testish(t[1:]) {
			a.commented = append(a.commented, a.ev(p, i+1, "commented out: "+t))
		}
	}
	return true
}

// scripts returns the scripts of a package.json, cached per path.
func (a *analyzer) scripts(p string) (map[string]string, bool) {
	b, _, known := a.readable(p)
	if !known {
		return nil, false
	}
	var pkg struct {
		Scripts map[string]any `json:"scripts"`
	}
	if json.Unmarshal(b, &pkg) != nil {
		return nil, false
	}
	out := make(map[string]string, len(pkg.Scripts))
	for k, v := range pkg.Scripts {
		if s, ok := v.(string); ok {
			out[k] = s
		}
	}
	return out, true
}

var (
	jenkinsTriple  = regexp.MustCompile(`(?s)\b(?:sh|bat|powershell|pwsh)\s*\(?\s*(?:script\s*:\s*)?(?:'''(.*?)'''|"""(.*?)""")`)
	jenkinsSingle  = regexp.MustCompile(`\b(?:sh|bat|powershell|pwsh)\s*\(?\s*(?:script\s*:\s*)?(?:'((?:[^'\\\n]|\\.)*)'|"((?:[^"\\\n]|\\.)*)")`)
	jenkinsLibrary = regexp.MustCompile(`@Library\b|\blibrary\s*\(|\bload\s*\(?\s*['"]|\bbuild\s*\(?\s*job\s*:`)
)

// jenkins reads the sh/bat steps of a Jenkinsfile after blanking Groovy
// comments, so a commented-out stage does not count.
func (a *analyzer) jenkins(p string, src []byte) {
	raw := string(src)
	code := groovyCode(raw)
	lines := strings.Split(raw, "\n")
	covered := make([]bool, len(code))
	steps := 0
	for _, m := range jenkinsTriple.FindAllStringSubmatchIndex(code, -1) {
		from, to := m[2], m[3]
		if from < 0 {
			from, to = m[4], m[5]
		}
		for k := m[0]; k < m[1]; k++ {
			covered[k] = true
		}
		steps++
		a.script(command{path: p, line: lineOf(code, from), text: raw[from:to], lines: lines}, 0)
	}
	for _, m := range jenkinsSingle.FindAllStringSubmatchIndex(code, -1) {
		if covered[m[0]] {
			continue
		}
		from, to := m[2], m[3]
		if from < 0 {
			from, to = m[4], m[5]
		}
		steps++
		a.script(command{path: p, line: lineOf(code, from), text: raw[from:to], lines: lines}, 0)
	}
	for i, l := range lines {
		t := strings.TrimSpace(l)
		if strings.HasPrefix(t, "//") && testish(strings.TrimPrefix(t, "//")) {
			a.commented = append(a.commented, a.ev(p, i+1, "commented out: "+t))
		}
	}
	if steps == 0 || jenkinsLibrary.MatchString(code) {
		a.opaque = append(a.opaque, a.ev(p, 0, "pipeline steps come from a shared library or another job"))
	}
}

func lineOf(s string, off int) int { return strings.Count(s[:off], "\n") + 1 }

// groovyCode blanks // and /* */ comments outside strings, keeping offsets.
func groovyCode(src string) string {
	b := []byte(src)
	var q byte
	for i := 0; i < len(b); i++ {
		c := b[i]
		switch {
		case q != 0:
			if c == '\\' {
				i++
			} else if c == q || c == '\n' {
				q = 0
			}
		case c == '\'' || c == '"':
			if strings.HasPrefix(src[i:], "'''") || strings.HasPrefix(src[i:], `"""`) {
				end := strings.Index(src[i+3:], src[i:i+3])
				if end < 0 {
					return string(b)
				}
				i += 3 + end + 2
				continue
			}
			q = c
		case c == '/' && i+1 < len(b) && b[i+1] == '/':
			for i < len(b) && b[i] != '\n' {
				b[i] = ' '
				i++
			}
		case c == '/' && i+1 < len(b) && b[i+1] == '*':
			for i < len(b) && !(b[i] == '*' && i+1 < len(b) && b[i+1] == '/') {
				if b[i] != '\n' {
					b[i] = ' '
				}
				i++
			}
			if i+1 < len(b) {
				b[i], b[i+1] = ' ', ' '
				i++
			}
		}
	}
	return string(b)
}
