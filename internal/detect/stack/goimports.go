package stack

import (
	"go/parser"
	"go/token"
	"strconv"
	"strings"
)

// goCodeHints make a Go file likely to open the database: read first when
// a repository has more Go files than the sample holds. Lower case, matched
// as is: Go paths are lower case by convention, and a miss only changes the
// order of reading.
var goCodeHints = []string{"db", "data", "stor", "repo", "model", "persist", "sql", "main", "cmd", "common", "conf", "infra"}

// goSource reports a Go file of the repository's own non-test code: test
// files and test folders open test databases, not the application's.
func goSource(p, lower string) bool {
	if !strings.HasSuffix(lower, ".go") || strings.HasSuffix(lower, "_test.go") {
		return false
	}
	// Folder names checked segment by segment without allocating: this runs
	// on every path of the tree.
	for {
		i := strings.IndexByte(p, '/')
		if i < 0 {
			return true
		}
		switch p[:i] {
		case "testdata", "test", "tests", "e2e", "integration", "testutil", "testutils", "mocks":
			return false
		}
		p = p[i+1:]
	}
}

// goHinted orders Go sources for the sample: hinted paths first, each
// group in path order, at most maxPerKind in all (all of them when they
// fit). Files of one folder are adjacent, so a folder is judged once.
func goHinted(paths []string) []string {
	if len(paths) <= maxPerKind {
		return paths
	}
	hinted := func(s string) bool {
		for _, h := range goCodeHints {
			if strings.Contains(s, h) {
				return true
			}
		}
		return false
	}
	var first, rest []string
	lastDir, dirHit := "", false
	for _, p := range paths {
		dir, base := "", p
		if i := strings.LastIndexByte(p, '/'); i >= 0 {
			dir, base = p[:i], p[i+1:]
		}
		if dir != lastDir || len(first)+len(rest) == 0 {
			lastDir, dirHit = dir, hinted(dir)
		}
		switch {
		case dirHit || hinted(base):
			first = append(first, p)
			if len(first) == maxPerKind {
				return first
			}
		case len(rest) < maxPerKind:
			rest = append(rest, p)
		}
	}
	return append(first, rest...)
}

// goImportClaims reads the imports of one Go source file. Importing a
// driver or dialect is the author choosing the database even when an
// untidy go.mod marks the module "// indirect" (go.mod files written
// before Go 1.17 often do: golang-gin-realworld imports
// github.com/jinzhu/gorm/dialects/sqlite while go-sqlite3 is indirect).
// Only database claims come from code; frameworks and ORMs come from the
// manifest.
func goImportClaims(p string, b []byte) []mark {
	if !strings.Contains(string(b), "import") {
		return nil
	}
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, p, b, parser.ImportsOnly)
	if err != nil || f == nil {
		return nil
	}
	var out []mark
	for _, imp := range f.Imports {
		if imp.Path == nil {
			continue
		}
		ip, err := strconv.Unquote(imp.Path.Value)
		if err != nil {
			continue
		}
		for _, t := range lookup("go", ip) {
			if t.kind != "database" {
				continue
			}
			text := "Go import " + ip
			if imp.Name != nil && imp.Name.Name == "_" {
				text = "Go driver import _ " + strconv.Quote(ip)
			}
			out = append(out, mark{kind: t.kind, id: t.id, file: p, line: fset.Position(imp.Pos()).Line, text: text})
		}
	}
	return out
}
