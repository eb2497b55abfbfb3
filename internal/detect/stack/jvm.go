package stack

import (
	"bytes"
	"encoding/xml"
	"io"
	"regexp"
	"strings"

	"github.com/BurntSushi/toml"
	"github.com/pathway-dev/pathway/internal/snapshot"
)

// parsePom reads a Maven pom.xml: the project's <dependencies> (test and
// provided-by-test scopes are Dev), leaving out <dependencyManagement> and
// plugin dependencies, which declare versions or build tools rather than
// what the code uses. A spring-boot-starter-parent parent or the
// spring-boot-maven-plugin marks Spring Boot; the Quarkus and Micronaut
// plugins likewise.
func parsePom(p string, b []byte) result {
	var res result
	dec := xml.NewDecoder(bytes.NewReader(b))
	dec.Strict = false
	dec.CharsetReader = func(_ string, in io.Reader) (io.Reader, error) { return in, nil }
	var stack []string
	for {
		tok, err := dec.Token()
		if err != nil {
			return res
		}
		switch t := tok.(type) {
		case xml.StartElement:
			name := t.Name.Local
			line, _ := dec.InputPos()
			parent := strings.Join(stack, "/")
			switch {
			case name == "dependency" && parent == "project/dependencies":
				var d struct {
					Group    string `xml:"groupId"`
					Artifact string `xml:"artifactId"`
					Version  string `xml:"version"`
					Scope    string `xml:"scope"`
				}
				if dec.DecodeElement(&d, &t) != nil {
					return res
				}
				if d.Artifact == "" {
					continue
				}
				scope := strings.TrimSpace(d.Scope)
				res.deps = append(res.deps, Dependency{Ecosystem: "maven", Name: strings.TrimSpace(d.Group) + ":" + strings.TrimSpace(d.Artifact),
					Version: strings.TrimSpace(d.Version), File: p, Line: line, Dev: scope == "test"})
				continue
			case name == "parent" && parent == "project":
				var d struct {
					Group    string `xml:"groupId"`
					Artifact string `xml:"artifactId"`
					Version  string `xml:"version"`
				}
				if dec.DecodeElement(&d, &t) != nil {
					return res
				}
				if id := parentFramework(strings.TrimSpace(d.Group), strings.TrimSpace(d.Artifact)); id != "" {
					res.marks = append(res.marks, mark{kind: "framework", id: id, file: p, line: line,
						text: "Maven parent " + strings.TrimSpace(d.Group) + ":" + strings.TrimSpace(d.Artifact) + " " + strings.TrimSpace(d.Version)})
				}
				continue
			case name == "plugin" && parent == "project/build/plugins":
				var d struct {
					Group    string `xml:"groupId"`
					Artifact string `xml:"artifactId"`
				}
				if dec.DecodeElement(&d, &t) != nil {
					return res
				}
				if id := pluginFramework(strings.TrimSpace(d.Group) + ":" + strings.TrimSpace(d.Artifact)); id != "" {
					res.marks = append(res.marks, mark{kind: "framework", id: id, file: p, line: line,
						text: "Maven plugin " + strings.TrimSpace(d.Group) + ":" + strings.TrimSpace(d.Artifact)})
				}
				continue
			}
			stack = append(stack, name)
		case xml.EndElement:
			if len(stack) > 0 {
				stack = stack[:len(stack)-1]
			}
		}
	}
}

func parentFramework(group, artifact string) string {
	switch {
	case group == "org.springframework.boot":
		return "spring-boot"
	case strings.HasPrefix(group, "io.micronaut"):
		return "micronaut"
	case group == "io.quarkus":
		return "quarkus"
	}
	return ""
}

// pluginFramework maps build plugins (Maven group:artifact or Gradle
// plugin ids) that only a framework's projects apply.
func pluginFramework(id string) string {
	switch {
	case id == "org.springframework.boot:spring-boot-maven-plugin", id == "org.springframework.boot":
		return "spring-boot"
	case strings.HasPrefix(id, "io.quarkus"):
		return "quarkus"
	case strings.HasPrefix(id, "io.micronaut"):
		return "micronaut"
	case id == "io.ktor.plugin":
		return "ktor"
	}
	return ""
}

var (
	gradleConfigs = `(implementation|api|compile|compileOnly|runtimeOnly|runtime|developmentOnly|annotationProcessor|kapt|ksp|` +
		`testImplementation|testCompile|testCompileOnly|testRuntimeOnly|testRuntime|androidTestImplementation|testFixturesImplementation|` +
		`integrationTestImplementation|intTestImplementation)`
	reGradleCoord   = regexp.MustCompile(`^\s*` + gradleConfigs + `\s*\(?\s*(?:(platform|enforcedPlatform)\s*\(\s*)?(["'])([^"'$\s]+?)(["'])`)
	reGradleMap     = regexp.MustCompile(`^\s*` + gradleConfigs + `\s*\(?\s*group\s*[:=]\s*["']([^"']+)["']\s*,\s*name\s*[:=]\s*["']([^"']+)["'](?:\s*,\s*version\s*[:=]\s*["']([^"']+)["'])?`)
	reGradleCatalog = regexp.MustCompile(`^\s*` + gradleConfigs + `\s*\(?\s*(?:(platform|enforcedPlatform)\s*\(\s*)?(libs\.[A-Za-z0-9_.]+)`)
	reGradlePlugin  = regexp.MustCompile(`^\s*(?:id\s*\(?\s*["']([A-Za-z0-9_.-]+)["']|apply\s+plugin\s*:\s*["']([A-Za-z0-9_.-]+)["']|alias\s*\(\s*(libs\.plugins\.[A-Za-z0-9_.]+)\s*\))`)
	reLineComment   = regexp.MustCompile(`(^|\s)//.*$`)
)

// parseGradle reads dependency declarations of build.gradle and
// build.gradle.kts line by line: string coordinates, map notation and
// version-catalog aliases (resolved through gradle/libs.versions.toml);
// platform() BOMs are left out. Plugin ids (plugins {} or apply plugin)
// mark frameworks.
func parseGradle(p string, b []byte, catalog map[string]catalogEntry) result {
	var res result
	inBlock := false
	for i, raw := range strings.Split(string(b), "\n") {
		line := raw
		if inBlock {
			end := strings.Index(line, "*/")
			if end < 0 {
				continue
			}
			line, inBlock = line[end+2:], false
		}
		for {
			s := strings.Index(line, "/*")
			if s < 0 {
				break
			}
			e := strings.Index(line[s+2:], "*/")
			if e < 0 {
				line, inBlock = line[:s], true
				break
			}
			line = line[:s] + " " + line[s+2+e+2:]
		}
		if strings.Contains(line, "//") {
			line = reLineComment.ReplaceAllString(line, "")
		}
		// Most lines of a build script are neither dependencies nor
		// plugins: the first word tells, before any regexp runs.
		word := firstWord(line)
		isConfig, isPlugin := gradleConfigSet[word], word == "id" || word == "apply" || word == "alias"
		if !isConfig && !isPlugin {
			continue
		}
		add := func(config, group, artifact, version string) {
			dev := strings.HasPrefix(config, "test") || strings.HasPrefix(config, "androidTest") || strings.HasPrefix(config, "integrationTest") ||
				strings.HasPrefix(config, "intTest") || config == "developmentOnly"
			res.deps = append(res.deps, Dependency{Ecosystem: "maven", Name: group + ":" + artifact, Version: version, File: p, Line: i + 1, Dev: dev})
		}
		if isPlugin {
			if m := reGradlePlugin.FindStringSubmatch(line); m != nil {
				id := m[1] + m[2]
				if m[3] != "" {
					if e, ok := catalog["plugins."+catalogKey(strings.TrimPrefix(m[3], "libs.plugins."))]; ok {
						id = e.module
					}
				}
				if fw := pluginFramework(id); fw != "" {
					res.marks = append(res.marks, mark{kind: "framework", id: fw, file: p, line: i + 1, text: "Gradle plugin " + id})
				}
			}
			continue
		}
		if m := reGradleCoord.FindStringSubmatch(line); m != nil && m[3] == m[5] {
			if m[2] != "" {
				continue // a BOM sets versions, it is not a dependency
			}
			parts := strings.Split(m[4], ":")
			if len(parts) >= 2 {
				add(m[1], parts[0], parts[1], strings.Join(parts[2:], ":"))
			}
			continue
		}
		if m := reGradleMap.FindStringSubmatch(line); m != nil {
			add(m[1], m[2], m[3], m[4])
			continue
		}
		if m := reGradleCatalog.FindStringSubmatch(line); m != nil {
			if m[2] != "" {
				continue
			}
			if e, ok := catalog[catalogKey(strings.TrimPrefix(m[3], "libs."))]; ok && e.module != "" {
				g, a, _ := strings.Cut(e.module, ":")
				add(m[1], g, a, e.version)
			}
		}
	}
	return res
}

var gradleConfigSet = func() map[string]bool {
	m := map[string]bool{}
	for _, c := range strings.Split(strings.Trim(gradleConfigs, "()"), "|") {
		m[c] = true
	}
	return m
}()

// firstWord returns the leading identifier of a line.
func firstWord(line string) string {
	t := strings.TrimLeft(line, " \t")
	end := 0
	for end < len(t) && (t[end] == '_' || t[end] >= 'a' && t[end] <= 'z' || t[end] >= 'A' && t[end] <= 'Z' || t[end] >= '0' && t[end] <= '9') {
		end++
	}
	return t[:end]
}

// catalogEntry is a library (module "group:artifact") or plugin (module
// holds the plugin id) of a Gradle version catalog.
type catalogEntry struct{ module, version string }

// catalogKey normalises an alias the way Gradle does: -, _ and . alike.
func catalogKey(alias string) string {
	return strings.NewReplacer("-", ".", "_", ".").Replace(strings.ToLower(alias))
}

// readCatalogs loads gradle/*.versions.toml, so libs.x.y aliases in build
// files resolve to coordinates.
func readCatalogs(r *snapshot.Repo, paths []string) map[string]catalogEntry {
	out := map[string]catalogEntry{}
	for _, p := range paths {
		b, err := r.Read(p)
		if err != nil {
			continue
		}
		for k, v := range parseCatalog(b) {
			out[k] = v
		}
	}
	return out
}

func parseCatalog(b []byte) map[string]catalogEntry {
	var doc struct {
		Versions  map[string]any `toml:"versions"`
		Libraries map[string]any `toml:"libraries"`
		Plugins   map[string]any `toml:"plugins"`
	}
	out := map[string]catalogEntry{}
	if _, err := toml.Decode(string(b), &doc); err != nil {
		return out
	}
	version := func(t map[string]any) string {
		switch v := t["version"].(type) {
		case string:
			return v
		case map[string]any:
			if ref, ok := v["ref"].(string); ok {
				s, _ := doc.Versions[ref].(string)
				return s
			}
		}
		return ""
	}
	for alias, v := range doc.Libraries {
		var e catalogEntry
		switch v := v.(type) {
		case string:
			parts := strings.Split(v, ":")
			if len(parts) >= 2 {
				e = catalogEntry{module: parts[0] + ":" + parts[1], version: strings.Join(parts[2:], ":")}
			}
		case map[string]any:
			if m, ok := v["module"].(string); ok {
				e.module = m
			} else if g, ok := v["group"].(string); ok {
				n, _ := v["name"].(string)
				e.module = g + ":" + n
			}
			e.version = version(v)
		}
		if e.module != "" {
			out[catalogKey(alias)] = e
		}
	}
	for alias, v := range doc.Plugins {
		var e catalogEntry
		switch v := v.(type) {
		case string:
			e.module, _, _ = strings.Cut(v, ":")
		case map[string]any:
			e.module, _ = v["id"].(string)
			e.version = version(v)
		}
		if e.module != "" {
			out["plugins."+catalogKey(alias)] = e
		}
	}
	return out
}

// parseCsproj reads PackageReference items of an MSBuild project. A project
// on the Microsoft.NET.Sdk.Web SDK (or referencing Microsoft.AspNetCore.App)
// is ASP.NET Core; a test project (Microsoft.NET.Test.Sdk, IsTestProject)
// has only Dev dependencies.
func parseCsproj(p string, b []byte) result {
	type ref struct {
		include, version string
		line             int
	}
	var (
		res     result
		refs    []ref
		isTest  bool
		inTestP bool
	)
	dec := xml.NewDecoder(bytes.NewReader(b))
	dec.Strict = false
	dec.CharsetReader = func(_ string, in io.Reader) (io.Reader, error) { return in, nil }
	attr := func(t xml.StartElement, name string) string {
		for _, a := range t.Attr {
			if strings.EqualFold(a.Name.Local, name) {
				return strings.TrimSpace(a.Value)
			}
		}
		return ""
	}
	for {
		tok, err := dec.Token()
		if err != nil {
			break
		}
		switch t := tok.(type) {
		case xml.StartElement:
			line, _ := dec.InputPos()
			switch t.Name.Local {
			case "Project":
				if sdk := attr(t, "Sdk"); strings.EqualFold(sdk, "Microsoft.NET.Sdk.Web") {
					res.marks = append(res.marks, mark{kind: "framework", id: "aspnet-core", file: p, line: line, text: "SDK " + sdk})
				}
			case "FrameworkReference":
				if inc := attr(t, "Include"); strings.EqualFold(inc, "Microsoft.AspNetCore.App") {
					res.marks = append(res.marks, mark{kind: "framework", id: "aspnet-core", file: p, line: line, text: "framework reference " + inc})
				}
			case "PackageReference":
				r := ref{include: attr(t, "Include"), version: attr(t, "Version"), line: line}
				if r.version == "" {
					var inner struct {
						Version string `xml:"Version"`
					}
					if dec.DecodeElement(&inner, &t) == nil {
						r.version = strings.TrimSpace(inner.Version)
					}
				}
				if r.include != "" {
					refs = append(refs, r)
				}
				if strings.EqualFold(r.include, "Microsoft.NET.Test.Sdk") {
					isTest = true
				}
			case "IsTestProject":
				inTestP = true
			}
		case xml.CharData:
			if inTestP && strings.EqualFold(strings.TrimSpace(string(t)), "true") {
				isTest = true
			}
		case xml.EndElement:
			if t.Name.Local == "IsTestProject" {
				inTestP = false
			}
		}
	}
	for _, r := range refs {
		res.deps = append(res.deps, Dependency{Ecosystem: "nuget", Name: r.include, Version: r.version, File: p, Line: r.line, Dev: isTest})
	}
	return res
}
