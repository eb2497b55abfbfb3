package security

import (
	"bytes"
	"encoding/json"
	"path"
	"regexp"
	"sort"
	"strings"

	"github.com/BurntSushi/toml"
	"golang.org/x/mod/modfile"
)

// dep is a direct dependency named in a manifest, with where it was found.
// Only names are kept: the stack detector owns the full manifest parsers;
// this package needs just enough to recognise auth libraries.
type dep struct {
	Name string // lower case; Maven and Gradle use "group:artifact"
	Path string
	Line int
}

// manifestParser returns the parser for a manifest file name, or nil.
func manifestParser(p string) func([]byte) []dep {
	base := path.Base(p)
	switch {
	case base == "package.json":
		return parsePackageJSON
	case base == "composer.json":
		return parseComposer
	case base == "go.mod":
		return parseGoMod
	case base == "pom.xml":
		return parsePom
	case base == "build.gradle" || base == "build.gradle.kts":
		return parseGradle
	case base == "Gemfile":
		return parseGemfile
	case base == "Pipfile" || base == "pyproject.toml":
		return parsePyTOML
	case strings.HasSuffix(base, ".csproj"):
		return parseCsproj
	case strings.HasPrefix(base, "requirements") && strings.HasSuffix(base, ".txt"),
		strings.HasSuffix(path.Dir(p), "requirements") && strings.HasSuffix(base, ".txt"):
		return parseRequirements
	}
	return nil
}

// lineOf returns the 1-based line of the first occurrence of needle in b,
// or 0 when it is not there.
func lineOf(b []byte, needle string) int {
	i := bytes.Index(b, []byte(needle))
	if i < 0 {
		return 0
	}
	return bytes.Count(b[:i], []byte{'\n'}) + 1
}

func lineAt(b []byte, off int) int {
	return bytes.Count(b[:off], []byte{'\n'}) + 1
}

// byLine puts deps read from a JSON object in file order: map iteration is
// random, and the first dependency naming an auth id is its evidence.
func byLine(ds []dep) {
	sort.Slice(ds, func(i, j int) bool {
		if ds[i].Line != ds[j].Line {
			return ds[i].Line < ds[j].Line
		}
		return ds[i].Name < ds[j].Name
	})
}

func parsePackageJSON(b []byte) []dep {
	var m struct {
		Dependencies    map[string]any `json:"dependencies"`
		DevDependencies map[string]any `json:"devDependencies"`
	}
	if json.Unmarshal(b, &m) != nil {
		return nil
	}
	var out []dep
	for _, set := range []map[string]any{m.Dependencies, m.DevDependencies} {
		for name := range set {
			out = append(out, dep{Name: strings.ToLower(name), Line: lineOf(b, `"`+name+`"`)})
		}
	}
	byLine(out)
	return out
}

func parseComposer(b []byte) []dep {
	var m struct {
		Require    map[string]any `json:"require"`
		RequireDev map[string]any `json:"require-dev"`
	}
	if json.Unmarshal(b, &m) != nil {
		return nil
	}
	var out []dep
	for _, set := range []map[string]any{m.Require, m.RequireDev} {
		for name := range set {
			out = append(out, dep{Name: strings.ToLower(name), Line: lineOf(b, `"`+name+`"`)})
		}
	}
	byLine(out)
	return out
}

func parseGoMod(b []byte) []dep {
	f, err := modfile.ParseLax("go.mod", b, nil)
	if err != nil {
		return nil
	}
	var out []dep
	for _, r := range f.Require {
		if r.Indirect {
			continue
		}
		line := 0
		if r.Syntax != nil {
			line = r.Syntax.Start.Line
		}
		out = append(out, dep{Name: strings.ToLower(r.Mod.Path), Line: line})
	}
	return out
}

var (
	rePomDep      = regexp.MustCompile(`(?s)<dependency>(.*?)</dependency>`)
	rePomGroup    = regexp.MustCompile(`<groupId>\s*([^<\s]+)\s*</groupId>`)
	rePomArtifact = regexp.MustCompile(`<artifactId>\s*([^<\s]+)\s*</artifactId>`)
)

func parsePom(b []byte) []dep {
	var out []dep
	for _, m := range rePomDep.FindAllSubmatchIndex(b, -1) {
		block := b[m[2]:m[3]]
		a := rePomArtifact.FindSubmatch(block)
		if a == nil {
			continue
		}
		name := string(a[1])
		if g := rePomGroup.FindSubmatch(block); g != nil {
			name = string(g[1]) + ":" + name
		}
		out = append(out, dep{Name: strings.ToLower(name), Line: lineAt(b, m[0])})
	}
	return out
}

var reGradle = regexp.MustCompile(`(?m)^\s*(?:implementation|api|compile|compileOnly|runtimeOnly|testImplementation|kapt|annotationProcessor|developmentOnly)\s*\(?\s*(?:platform\()?\s*['"]([\w.\-]+):([\w.\-]+)`)

func parseGradle(b []byte) []dep {
	var out []dep
	for _, m := range reGradle.FindAllSubmatchIndex(b, -1) {
		name := string(b[m[2]:m[3]]) + ":" + string(b[m[4]:m[5]])
		out = append(out, dep{Name: strings.ToLower(name), Line: lineAt(b, m[0])})
	}
	return out
}

var reGem = regexp.MustCompile(`(?m)^[ \t]*gem[ \t(]+['"]([^'"]+)['"]`)

func parseGemfile(b []byte) []dep {
	var out []dep
	for _, m := range reGem.FindAllSubmatchIndex(b, -1) {
		out = append(out, dep{Name: strings.ToLower(string(b[m[2]:m[3]])), Line: lineAt(b, m[0])})
	}
	return out
}

var reCsproj = regexp.MustCompile(`<PackageReference\s+Include\s*=\s*"([^"]+)"`)

func parseCsproj(b []byte) []dep {
	var out []dep
	for _, m := range reCsproj.FindAllSubmatchIndex(b, -1) {
		out = append(out, dep{Name: strings.ToLower(string(b[m[2]:m[3]])), Line: lineAt(b, m[0])})
	}
	return out
}

// pyName extracts the distribution name from a requirement string
// ("PyJWT[crypto]>=2.8 ; python_version>'3'"), normalised as pip does.
func pyName(s string) string {
	s = strings.TrimSpace(s)
	end := 0
	for end < len(s) {
		c := s[end]
		if c == '_' || c == '-' || c == '.' || (c >= '0' && c <= '9') || (c|0x20 >= 'a' && c|0x20 <= 'z') {
			end++
			continue
		}
		break
	}
	name := strings.ToLower(s[:end])
	return strings.NewReplacer("_", "-", ".", "-").Replace(name)
}

// pyExtras returns the extras of a requirement ("passlib[bcrypt]" -> bcrypt).
func pyExtras(s string) []string {
	i := strings.IndexByte(s, '[')
	j := strings.IndexByte(s, ']')
	if i < 0 || j < i {
		return nil
	}
	var out []string
	for _, e := range strings.Split(s[i+1:j], ",") {
		if e = strings.ToLower(strings.TrimSpace(e)); e != "" {
			out = append(out, e)
		}
	}
	return out
}

func parseRequirements(b []byte) []dep {
	var out []dep
	for i, line := range strings.Split(string(b), "\n") {
		line = strings.TrimSpace(line)
		if k := strings.Index(line, " #"); k >= 0 {
			line = line[:k]
		}
		if line == "" || line[0] == '#' || line[0] == '-' {
			continue
		}
		name := pyName(line)
		if name == "" {
			continue
		}
		out = append(out, dep{Name: name, Line: i + 1})
		for _, e := range pyExtras(line) {
			out = append(out, dep{Name: name + "[" + e + "]", Line: i + 1})
		}
	}
	return out
}

// parsePyTOML reads Pipfile and pyproject.toml (PEP 621 and Poetry).
func parsePyTOML(b []byte) []dep {
	var m map[string]any
	if _, err := toml.Decode(string(b), &m); err != nil {
		return nil
	}
	var reqs []string
	addKeys := func(v any) {
		if t, ok := v.(map[string]any); ok {
			for k := range t {
				reqs = append(reqs, k)
			}
		}
	}
	addList := func(v any) {
		if l, ok := v.([]any); ok {
			for _, x := range l {
				if s, ok := x.(string); ok {
					reqs = append(reqs, s)
				}
			}
		}
	}
	addKeys(m["packages"])
	addKeys(m["dev-packages"])
	if p, ok := m["project"].(map[string]any); ok {
		addList(p["dependencies"])
		if opt, ok := p["optional-dependencies"].(map[string]any); ok {
			for _, v := range opt {
				addList(v)
			}
		}
	}
	if tool, ok := m["tool"].(map[string]any); ok {
		if po, ok := tool["poetry"].(map[string]any); ok {
			addKeys(po["dependencies"])
			addKeys(po["dev-dependencies"])
			if groups, ok := po["group"].(map[string]any); ok {
				for _, g := range groups {
					if gm, ok := g.(map[string]any); ok {
						addKeys(gm["dependencies"])
					}
				}
			}
		}
	}
	var out []dep
	for _, s := range reqs {
		name := pyName(s)
		if name == "" || name == "python" {
			continue
		}
		line := lineOf(b, s)
		out = append(out, dep{Name: name, Line: line})
		for _, e := range pyExtras(s) {
			out = append(out, dep{Name: name + "[" + e + "]", Line: line})
		}
	}
	byLine(out)
	return out
}
