package stack

import (
	"regexp"
	"strings"

	"github.com/BurntSushi/toml"
	"golang.org/x/mod/modfile"
)

// parseGoMod reads the require directives of go.mod, skipping those marked
// "// indirect": Go records them for reproducible builds, and a driver
// pulled in by another module is not a database the author chose.
func parseGoMod(p string, b []byte) result {
	f, err := modfile.ParseLax(p, b, nil)
	if err != nil {
		return result{}
	}
	var res result
	for _, r := range f.Require {
		if r.Indirect {
			continue
		}
		line := 0
		if r.Syntax != nil {
			line = r.Syntax.Start.Line
		}
		res.deps = append(res.deps, Dependency{Ecosystem: "go", Name: r.Mod.Path, Version: r.Mod.Version, File: p, Line: line})
	}
	return res
}

var (
	reGem      = regexp.MustCompile(`^\s*gem\s*\(?\s*["']([^"']+)["']\s*(.*)$`)
	reGemVer   = regexp.MustCompile(`^,\s*["']([~<>=!\s]*[0-9][^"']*)["']`)
	reGroupDo  = regexp.MustCompile(`^\s*group\s*\(?\s*(.+?)\)?\s+do\s*(\|.*\|)?\s*$`)
	reBlockDo  = regexp.MustCompile(`\bdo\s*(\|[^|]*\|)?\s*$`)
	reEnd      = regexp.MustCompile(`^\s*end\b`)
	reRubyOpen = regexp.MustCompile(`^\s*(?:if|unless|case|begin|def|while|until|class|module)\b`)
	// rubyOpeners are the words that open a block closed by `end`.
	rubyOpeners = map[string]bool{"if": true, "unless": true, "case": true, "begin": true, "def": true, "while": true, "until": true, "class": true, "module": true}
	reGemGroup  = regexp.MustCompile(`(?:group|groups)\s*(?::|=>)\s*(\[[^\]]*\]|:\w+|["']\w+["'])|:groups?\s*=>\s*(\[[^\]]*\]|:\w+)`)
	reSymbol    = regexp.MustCompile(`:?["']?(\w+)["']?`)
)

// parseGemfile reads gem lines, with groups from `group ... do` blocks and
// inline group: options; a gem only in development/test groups is Dev.
func parseGemfile(p string, b []byte) result {
	var res result
	var blocks []bool // per open do-block: true when it is a dev-only group
	for i, raw := range strings.Split(string(b), "\n") {
		line := raw
		if j := strings.Index(line, "#"); j >= 0 && !strings.ContainsAny(line[:j], `"'`) {
			line = line[:j]
		}
		trim := strings.TrimSpace(line)
		if trim == "" {
			continue
		}
		word := firstWord(line)
		if word != "group" && word != "gem" && word != "end" && !strings.HasSuffix(trim, "do") && !strings.HasSuffix(trim, "|") && !rubyOpeners[word] {
			continue
		}
		if m := reGroupDo.FindStringSubmatch(line); m != nil {
			blocks = append(blocks, devGroups(m[1]))
			continue
		}
		if reEnd.MatchString(line) {
			if len(blocks) > 0 {
				blocks = blocks[:len(blocks)-1]
			}
			continue
		}
		if m := reGem.FindStringSubmatch(line); m != nil {
			dev := false
			for _, d := range blocks {
				dev = dev || d
			}
			if g := reGemGroup.FindStringSubmatch(m[2]); g != nil {
				dev = devGroups(g[1] + g[2])
			}
			ver := ""
			if v := reGemVer.FindStringSubmatch(strings.TrimSpace(m[2])); v != nil {
				ver = strings.TrimSpace(v[1])
			}
			res.deps = append(res.deps, Dependency{Ecosystem: "rubygems", Name: m[1], Version: ver, File: p, Line: i + 1, Dev: dev})
			continue
		}
		if reBlockDo.MatchString(line) || reRubyOpen.MatchString(line) {
			blocks = append(blocks, false) // platforms, source, install_if ...
		}
	}
	return res
}

// devGroups reports whether a group list (":development, :test") names
// only development and test groups.
func devGroups(s string) bool {
	names := reSymbol.FindAllStringSubmatch(s, -1)
	if len(names) == 0 {
		return false
	}
	for _, n := range names {
		switch n[1] {
		case "development", "test", "dev", "ci", "lint", "tools":
		default:
			return false
		}
	}
	return true
}

// parseCargo reads Cargo.toml's dependency tables (including
// target-specific and workspace ones). dev- and build-dependencies are Dev.
// The sqlx, diesel and sea-orm features name the database they drive.
func parseCargo(p string, b []byte) result {
	var doc map[string]any
	if _, err := toml.Decode(string(b), &doc); err != nil {
		return result{}
	}
	idx := newTOMLIndex(b)
	var res result
	add := func(table string, deps map[string]any, dev bool) {
		for _, key := range sortedKeys(deps) {
			name, ver := key, ""
			var features []string
			switch v := deps[key].(type) {
			case string:
				ver = v
			case map[string]any:
				if pkg, ok := v["package"].(string); ok {
					name = pkg
				}
				ver, _ = v["version"].(string)
				if fs, ok := v["features"].([]any); ok {
					for _, f := range fs {
						if s, ok := f.(string); ok {
							features = append(features, s)
						}
					}
				}
			}
			line := idx.key(table, key)
			res.deps = append(res.deps, Dependency{Ecosystem: "cargo", Name: name, Version: ver, File: p, Line: line, Dev: dev})
			if dev {
				continue
			}
			for _, f := range features {
				if id := cargoFeatureDB(name, f); id != "" {
					res.marks = append(res.marks, mark{kind: "database", id: id, file: p, line: line, text: "crate " + name + " feature " + f})
				}
			}
		}
	}
	tables := func(m map[string]any, prefix string) {
		for _, sec := range []struct {
			key string
			dev bool
		}{{"dependencies", false}, {"dev-dependencies", true}, {"build-dependencies", true}} {
			if d, ok := m[sec.key].(map[string]any); ok {
				add(prefix+sec.key, d, sec.dev)
			}
		}
	}
	tables(doc, "")
	if ws, ok := doc["workspace"].(map[string]any); ok {
		tables(ws, "workspace.")
	}
	if tg, ok := doc["target"].(map[string]any); ok {
		for _, k := range sortedKeys(tg) {
			if t, ok := tg[k].(map[string]any); ok {
				tables(t, "target."+k+".")
			}
		}
	}
	return res
}

func cargoFeatureDB(crate, feature string) string {
	switch crate {
	case "sqlx", "diesel", "sea-orm", "sea_orm":
	default:
		return ""
	}
	f := strings.TrimPrefix(strings.TrimPrefix(feature, "sqlx-"), "runtime-")
	switch {
	case strings.HasPrefix(f, "postgres"):
		return "postgresql"
	case strings.HasPrefix(f, "mysql"):
		return "mysql"
	case strings.HasPrefix(f, "sqlite"):
		return "sqlite"
	case strings.HasPrefix(f, "mssql"):
		return "sqlserver"
	}
	return ""
}

var reMixDep = regexp.MustCompile(`\{\s*:([a-z_][a-z0-9_]*)\s*,\s*(?:"([^"]*)")?([^}]*)\}`)

// parseMix reads the deps list of an Elixir mix.exs; `only: :test` or
// `only: [:dev, :test]` makes a dependency Dev.
func parseMix(p string, b []byte) result {
	var res result
	inDeps := false
	for i, line := range strings.Split(string(b), "\n") {
		if j := strings.Index(line, "#"); j >= 0 && !strings.Contains(line[:j], `"`) {
			line = line[:j]
		}
		if strings.Contains(line, "defp deps") || strings.Contains(line, "def deps") {
			inDeps = true
		}
		if !inDeps {
			continue
		}
		for _, m := range reMixDep.FindAllStringSubmatch(line, -1) {
			dev := false
			if k := strings.Index(m[3], "only:"); k >= 0 {
				dev = devGroups(strings.TrimSpace(m[3][k+len("only:"):]))
			}
			res.deps = append(res.deps, Dependency{Ecosystem: "hex", Name: m[1], Version: m[2], File: p, Line: i + 1, Dev: dev})
		}
	}
	return res
}
