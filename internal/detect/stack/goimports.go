package stack

import (
	"go/parser"
	"go/token"
	"path"
	"strconv"
	"strings"
)

// goCodeHints make a Go file likely to open the database: read first when
// a repository has more Go files than the sample holds.
var goCodeHints = []string{"db", "database", "store", "storage", "repo", "model", "persist", "sql", "main", "cmd", "common", "config", "infra"}

// goSource reports a Go file of the repository's own non-test code: test
// files and test folders open test databases, not the application's.
func goSource(p, lower string) bool {
	if !strings.HasSuffix(lower, ".go") || strings.HasSuffix(lower, "_test.go") {
		return false
	}
	for dir := path.Dir(p); dir != "." && dir != "/"; dir = path.Dir(dir) {
		switch path.Base(dir) {
		case "testdata", "test", "tests", "e2e", "integration", "testutil", "testutils", "mocks":
			return false
		}
	}
	return true
}

// goHinted orders a sample of Go sources: hinted paths first, each group
// in path order.
func goHinted(paths []string) []string {
	var first, rest []string
	for _, p := range paths {
		lp := strings.ToLower(p)
		hit := false
		for _, h := range goCodeHints {
			if strings.Contains(lp, h) {
				hit = true
				break
			}
		}
		if hit {
			first = append(first, p)
		} else {
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
