package languages

import "testing"

func TestAttributePatterns(t *testing.T) {
	for _, tc := range []struct {
		dir, line, path string
		match           bool
	}{
		{"", "*.js linguist-vendored", "public/js/app.js", true}, // no slash: any depth
		{"", "*.js linguist-vendored", "public/js/app.jsx", false},
		{"", "/*.js linguist-vendored", "public/js/app.js", false}, // leading slash: root only
		{"", "/*.js linguist-vendored", "app.js", true},
		{"", "docs/* linguist-documentation", "docs/a.go", true},
		{"", "docs/* linguist-documentation", "docs/api/a.go", false}, // * stays in one segment
		{"", "docs/** linguist-documentation", "docs/api/a.go", true},
		{"", "docs/** linguist-documentation", "src/docs/a.go", false},
		{"", "**/gen/*.go linguist-generated", "a/b/gen/x.go", true},
		{"", "**/gen/*.go linguist-generated", "gen/x.go", true},
		{"", "a/**/b.go linguist-generated", "a/b.go", true},
		{"", "a/**/b.go linguist-generated", "a/x/y/b.go", true},
		{"", "vendor/ linguist-vendored=false", "vendor/x.go", false}, // directory patterns match no file
		{"", "[!a]*.rb linguist-vendored", "b.rb", true},
		{"", "[!a]*.rb linguist-vendored", "a.rb", false},
		{"", `"my file.py" linguist-vendored`, "src/my file.py", true},
		{"web/", "*.js linguist-vendored", "web/static/a.js", true}, // nested .gitattributes
		{"web/", "*.js linguist-vendored", "api/a.js", false},
		{"web/", "/static/*.js linguist-vendored", "web/static/a.js", true},
		{"", "[ linguist-vendored", "[", false}, // malformed: matches nothing
	} {
		rules := parseAttributes(tc.dir, tc.line)
		if len(rules) == 0 {
			if tc.match {
				t.Errorf("%q: no rule parsed", tc.line)
			}
			continue
		}
		if got := rules[0].match(tc.path); got != tc.match {
			t.Errorf("%q in %q matches %q = %v, want %v", tc.line, tc.dir, tc.path, got, tc.match)
		}
	}
}

func TestAttributeValues(t *testing.T) {
	rules := parseAttributes("", `
# comment
[attr]gen linguist-generated
*.go linguist-generated -linguist-vendored linguist-language=Go text eol=lf
x.go !linguist-generated linguist-detectable=false
*.txt diff
`)
	if len(rules) != 2 {
		t.Fatalf("parsed %d rules, want 2 (macros and lines without linguist attributes are dropped)", len(rules))
	}
	at := &attributes{rules: rules}
	a := at.lookup("src/y.go")
	if b, ok := a.bool(attrGenerated); !ok || !b {
		t.Error("linguist-generated: want set")
	}
	if b, ok := a.bool(attrVendored); !ok || b {
		t.Error("-linguist-vendored: want known and false")
	}
	if v, ok := a.get(attrLanguage); !ok || v != "Go" {
		t.Errorf("linguist-language = %q, %v", v, ok)
	}
	// The later line resets generated to unspecified and sets detectable
	// to the string "false", which Linguist reads as false.
	a = at.lookup("x.go")
	if _, ok := a.bool(attrGenerated); ok {
		t.Error("!linguist-generated: want unspecified")
	}
	if b, ok := a.bool(attrDetectable); !ok || b {
		t.Error("linguist-detectable=false: want known and false")
	}
}

// Overrides change what Detect counts, as on GitHub.
func TestGitattributesOverrides(t *testing.T) {
	attrs := "" +
		"vendor/** -linguist-vendored\n" + // own code kept in vendor/
		"web/legacy/** linguist-vendored\n" +
		"*.sql linguist-detectable\n" + // data made visible
		"*.h linguist-language=C++\n" +
		"Makefile -linguist-detectable\n" +
		"src/gen/** linguist-generated\n" +
		"design/** linguist-documentation\n" +
		"docs/examples/*.py -linguist-documentation\n" +
		"dist/*.js -linguist-vendored -linguist-generated\n"
	nested := "node_modules/left-pad/** linguist-vendored=false -linguist-generated\n" +
		"node_modules/right-pad/** linguist-vendored=false\n"
	check(t, []entry{
		{path: ".gitattributes", size: int64(len(attrs)), content: attrs},
		{path: "vendor/acme/util.go", size: 1000, lang: "Go", why: "-linguist-vendored overrides vendor.yml"},
		{path: "web/legacy/app.js", size: 2000, why: "linguist-vendored"},
		{path: "db/schema.sql", size: 300, lang: "SQL", why: "linguist-detectable counts a data language"},
		{path: "include/list.h", size: 400, lang: "C++", content: "struct list { int v; };\n", why: "linguist-language beats the heuristics, which would say C"},
		{path: "Makefile", size: 500, why: "-linguist-detectable hides a programming language"},
		{path: "src/gen/api.go", size: 9000, why: "linguist-generated"},
		{path: "src/main.go", size: 700, lang: "Go"},
		{path: "design/mock.html", size: 800, why: "linguist-documentation"},
		{path: "docs/examples/hello.py", size: 90, lang: "Python", why: "-linguist-documentation overrides documentation.yml"},
		{path: "dist/widget.js", size: 600, lang: "JavaScript", content: "export function widget() {\n  return 1;\n}\n", why: "not vendored, not generated, by attribute"},
		{path: "frontend/.gitattributes", size: int64(len(nested)), content: nested},
		{path: "frontend/node_modules/left-pad/index.js", size: 300, lang: "JavaScript", why: "nested .gitattributes: neither vendored nor generated"},
		{path: "frontend/node_modules/right-pad/index.js", size: 300, why: "Linguist's generated list also names node_modules/: not vendored is not enough"},
	})

	// Not fetched: the attributes are unknown and Linguist's defaults apply.
	check(t, []entry{
		{path: ".gitattributes", size: int64(len(attrs))},
		{path: "vendor/acme/util.go", size: 1000, why: "vendor.yml"},
		{path: "src/main.go", size: 700, lang: "Go"},
	})
}
