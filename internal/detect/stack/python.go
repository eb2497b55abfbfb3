package stack

import (
	"path"
	"regexp"
	"strings"

	"github.com/BurntSushi/toml"
	"github.com/pathway-dev/pathway/internal/snapshot"
)

var (
	// rePEP508 reads a requirement's name, extras and the rest (version
	// specifiers, URL, markers).
	rePEP508  = regexp.MustCompile(`^\s*([A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?)\s*(\[[^\]]*\])?\s*(.*)$`)
	reEgg     = regexp.MustCompile(`[#&]egg=([A-Za-z0-9][A-Za-z0-9._-]*)`)
	reDevName = regexp.MustCompile(`(?i)(^|[^a-z])(dev|devel|develop|development|test|tests|testing|lint|linting|docs?|ci|local|typing|qa)([^a-z]|$)`)
)

// parseReq reads one PEP 508 requirement; ok is false for lines that name
// no package (URLs to archives, local paths).
func parseReq(s string) (name, version string, ok bool) {
	s = strings.TrimSpace(s)
	if i := strings.Index(s, ";"); i >= 0 {
		s = s[:i] // environment markers do not make a dependency less direct
	}
	m := rePEP508.FindStringSubmatch(s)
	if m == nil {
		return "", "", false
	}
	rest := strings.TrimSpace(m[3])
	if strings.Contains(m[1], "/") || strings.HasPrefix(rest, ":") || strings.HasPrefix(rest, "/") {
		return "", "", false // a URL or a path, not a name
	}
	if strings.HasPrefix(rest, "@") {
		return m[1], "", true
	}
	if rest != "" && !strings.ContainsAny(rest[:1], "<>=!~(") {
		return "", "", false
	}
	return m[1], strings.Trim(rest, "() "), true
}

// parseRequirements reads a pip requirements file and the files it
// includes with -r inside the repository. A pip-compile output ("# via"
// annotations) is a lock file: only the entries it says come from an input
// file (-r ...) or that carry no "via" are direct.
func parseRequirements(r *snapshot.Repo, p string, b []byte) result {
	var res result
	seen := map[string]bool{}
	var read func(p string, b []byte, depth int)
	read = func(p string, b []byte, depth int) {
		if seen[p] || depth > 5 {
			return
		}
		seen[p] = true
		dev := reDevName.MatchString(strings.TrimSuffix(path.Base(p), path.Ext(p))) ||
			(path.Base(path.Dir(p)) == "requirements" && reDevName.MatchString(path.Base(p)))
		compiled := strings.Contains(string(b), "# via")
		lines := strings.Split(string(b), "\n")
		type pending struct {
			dep    Dependency
			direct bool
		}
		var deps []pending
		for i := 0; i < len(lines); i++ {
			start := i + 1
			line := strings.TrimRight(lines[i], "\r")
			for strings.HasSuffix(line, "\\") && i+1 < len(lines) {
				i++
				line = strings.TrimSuffix(line, "\\") + " " + strings.TrimRight(lines[i], "\r")
			}
			trim := strings.TrimSpace(line)
			if compiled && strings.HasPrefix(trim, "#") && len(deps) > 0 {
				// "# via flask" or "#   flask" under "# via" names a parent;
				// "-r requirements.in" names the input file.
				c := strings.TrimSpace(strings.TrimPrefix(trim, "#"))
				last := &deps[len(deps)-1]
				if strings.HasPrefix(c, "via -r") || strings.HasPrefix(c, "-r ") {
					last.direct = true
				}
				continue
			}
			inlineVia := ""
			if i := strings.Index(line, " #"); i >= 0 {
				inlineVia = line[i:]
				line = line[:i]
			}
			trim = strings.TrimSpace(line)
			if trim == "" || strings.HasPrefix(trim, "#") {
				continue
			}
			if strings.HasPrefix(trim, "-") {
				opt, arg, _ := strings.Cut(trim, " ")
				if o, a, ok := strings.Cut(opt, "="); ok {
					opt, arg = o, a
				}
				arg = strings.TrimSpace(arg)
				switch opt {
				case "-r", "--requirement":
					inc := path.Clean(path.Join(path.Dir(p), arg))
					if ib, err := r.Read(inc); err == nil && !strings.HasPrefix(inc, "../") {
						read(inc, ib, depth+1)
					}
				case "-e", "--editable":
					if m := reEgg.FindStringSubmatch(arg); m != nil {
						deps = append(deps, pending{Dependency{Ecosystem: "pypi", Name: m[1], File: p, Line: start, Dev: dev}, true})
					}
				}
				continue
			}
			if i := strings.Index(trim, " --"); i >= 0 {
				trim = trim[:i] // per-requirement options such as --hash
			}
			if m := reEgg.FindStringSubmatch(trim); m != nil && strings.Contains(trim, "://") && !strings.Contains(trim, " @ ") {
				deps = append(deps, pending{Dependency{Ecosystem: "pypi", Name: m[1], File: p, Line: start, Dev: dev}, true})
				continue
			}
			name, ver, ok := parseReq(trim)
			if !ok {
				continue
			}
			// Older pip-compile writes the parent inline: "jinja2==3.1  # via flask".
			direct := !compiled || strings.Contains(inlineVia, "-r ")
			deps = append(deps, pending{Dependency{Ecosystem: "pypi", Name: name, Version: ver, File: p, Line: start, Dev: dev}, direct})
		}
		for _, d := range deps {
			if d.direct {
				res.deps = append(res.deps, d.dep)
			}
		}
	}
	read(p, b, 0)
	return res
}

// parsePipfile reads [packages] and [dev-packages].
func parsePipfile(p string, b []byte) result {
	var doc struct {
		Packages    map[string]any `toml:"packages"`
		DevPackages map[string]any `toml:"dev-packages"`
	}
	if _, err := toml.Decode(string(b), &doc); err != nil {
		return result{}
	}
	idx := newTOMLIndex(b)
	var res result
	for _, sec := range []struct {
		table string
		deps  map[string]any
		dev   bool
	}{{"packages", doc.Packages, false}, {"dev-packages", doc.DevPackages, true}} {
		for _, name := range sortedKeys(sec.deps) {
			res.deps = append(res.deps, Dependency{Ecosystem: "pypi", Name: name, Version: tomlVersion(sec.deps[name]), File: p,
				Line: idx.key(sec.table, name), Dev: sec.dev})
		}
	}
	return res
}

// parsePyproject reads PEP 621 [project] dependencies and optional groups,
// PEP 735 [dependency-groups], Poetry's dependency tables and the dev lists
// of PDM and uv.
func parsePyproject(p string, b []byte) result {
	var doc struct {
		Project struct {
			Dependencies []string            `toml:"dependencies"`
			Optional     map[string][]string `toml:"optional-dependencies"`
		} `toml:"project"`
		Groups map[string][]any `toml:"dependency-groups"`
		Tool   struct {
			Poetry struct {
				Dependencies    map[string]any `toml:"dependencies"`
				DevDependencies map[string]any `toml:"dev-dependencies"`
				Group           map[string]struct {
					Dependencies map[string]any `toml:"dependencies"`
				} `toml:"group"`
			} `toml:"poetry"`
			PDM struct {
				Dev map[string][]string `toml:"dev-dependencies"`
			} `toml:"pdm"`
			UV struct {
				Dev []string `toml:"dev-dependencies"`
			} `toml:"uv"`
		} `toml:"tool"`
	}
	if _, err := toml.Decode(string(b), &doc); err != nil {
		return result{}
	}
	idx := newTOMLIndex(b)
	var res result
	addList := func(table, key string, reqs []string, dev bool) {
		from := idx.key(table, key)
		for _, s := range reqs {
			name, ver, ok := parseReq(s)
			if !ok {
				continue
			}
			res.deps = append(res.deps, Dependency{Ecosystem: "pypi", Name: name, Version: ver, File: p, Line: idx.find(from, name), Dev: dev})
		}
	}
	addTable := func(table string, deps map[string]any, dev bool) {
		for _, name := range sortedKeys(deps) {
			if strings.EqualFold(name, "python") {
				continue
			}
			res.deps = append(res.deps, Dependency{Ecosystem: "pypi", Name: name, Version: tomlVersion(deps[name]), File: p, Line: idx.key(table, name), Dev: dev})
		}
	}
	addList("project", "dependencies", doc.Project.Dependencies, false)
	for _, g := range sortedKeys(doc.Project.Optional) {
		addList("project.optional-dependencies", g, doc.Project.Optional[g], reDevName.MatchString(g))
	}
	for _, g := range sortedKeys(doc.Groups) {
		var reqs []string
		for _, v := range doc.Groups[g] {
			if s, ok := v.(string); ok { // {include-group = ...} tables name no package
				reqs = append(reqs, s)
			}
		}
		addList("dependency-groups", g, reqs, true)
	}
	addTable("tool.poetry.dependencies", doc.Tool.Poetry.Dependencies, false)
	addTable("tool.poetry.dev-dependencies", doc.Tool.Poetry.DevDependencies, true)
	for _, g := range sortedKeys(doc.Tool.Poetry.Group) {
		addTable("tool.poetry.group."+g+".dependencies", doc.Tool.Poetry.Group[g].Dependencies, g != "main")
	}
	for _, g := range sortedKeys(doc.Tool.PDM.Dev) {
		addList("tool.pdm.dev-dependencies", g, doc.Tool.PDM.Dev[g], true)
	}
	addList("tool.uv", "dev-dependencies", doc.Tool.UV.Dev, true)
	return res
}

// parseSetupCfg reads install_requires, extras_require and tests_require
// from setup.cfg's INI sections.
func parseSetupCfg(p string, b []byte) result {
	var res result
	section, key := "", ""
	for i, raw := range strings.Split(string(b), "\n") {
		line := strings.TrimRight(raw, "\r")
		trim := strings.TrimSpace(line)
		if trim == "" || strings.HasPrefix(trim, "#") || strings.HasPrefix(trim, ";") {
			continue
		}
		if strings.HasPrefix(trim, "[") && strings.HasSuffix(trim, "]") {
			section, key = strings.TrimSpace(trim[1:len(trim)-1]), ""
			continue
		}
		value := trim
		if line[0] != ' ' && line[0] != '\t' {
			k, v, ok := strings.Cut(trim, "=")
			if !ok {
				k, v, ok = strings.Cut(trim, ":")
			}
			if !ok {
				key = ""
				continue
			}
			key, value = strings.TrimSpace(k), strings.TrimSpace(v)
		}
		var dev bool
		switch {
		case section == "options" && key == "install_requires":
		case section == "options" && key == "tests_require":
			dev = true
		case section == "options.extras_require":
			dev = reDevName.MatchString(key)
		default:
			continue
		}
		if value == "" {
			continue
		}
		if name, ver, ok := parseReq(value); ok {
			res.deps = append(res.deps, Dependency{Ecosystem: "pypi", Name: name, Version: ver, File: p, Line: i + 1, Dev: dev})
		}
	}
	return res
}

var (
	reSetupList = regexp.MustCompile(`\b(install_requires|tests_require)\s*=\s*\[`)
	reQuoted    = regexp.MustCompile(`"([^"\n]*)"|'([^'\n]*)'`)
)

// parseSetupPy reads the literal install_requires and tests_require lists
// of setup.py; a list built by code (install_requires=read_requirements())
// is left alone rather than guessed at.
func parseSetupPy(p string, b []byte) result {
	var res result
	src := string(b)
	if !strings.Contains(src, "install_requires") && !strings.Contains(src, "tests_require") {
		return res
	}
	lines := newLineIndex(b)
	for _, m := range reSetupList.FindAllStringSubmatchIndex(src, -1) {
		dev := src[m[2]:m[3]] == "tests_require"
		end := closingBracket(src, m[1])
		if end < 0 {
			continue
		}
		body := src[m[1]:end]
		off := m[1]
		for _, ln := range strings.SplitAfter(body, "\n") {
			code := ln
			if i := strings.Index(code, "#"); i >= 0 && !strings.ContainsAny(code[:i], `"'`) {
				code = code[:i]
			}
			for _, q := range reQuoted.FindAllStringSubmatch(code, -1) {
				s := q[1] + q[2]
				if name, ver, ok := parseReq(s); ok {
					res.deps = append(res.deps, Dependency{Ecosystem: "pypi", Name: name, Version: ver, File: p, Line: lines.at(off), Dev: dev})
				}
			}
			off += len(ln)
		}
	}
	return res
}

// closingBracket returns the index of the "]" closing the list opened just
// before start, skipping brackets inside strings and comments; -1 if none.
func closingBracket(s string, start int) int {
	depth := 1
	var quote byte
	for i := start; i < len(s); i++ {
		c := s[i]
		switch {
		case quote != 0:
			if c == '\\' {
				i++
			} else if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			quote = c
		case c == '#':
			for i < len(s) && s[i] != '\n' {
				i++
			}
		case c == '[':
			depth++
		case c == ']':
			depth--
			if depth == 0 {
				return i
			}
		}
	}
	return -1
}

// tomlVersion reads a version from "1.2" or {version = "1.2", ...}.
func tomlVersion(v any) string {
	switch v := v.(type) {
	case string:
		return v
	case map[string]any:
		if s, ok := v["version"].(string); ok {
			return s
		}
	}
	return ""
}
