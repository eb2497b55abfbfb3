package languages

import (
	"regexp/syntax"
	"strings"
	"testing"

	"github.com/go-enry/go-enry/v2"
	"github.com/go-enry/go-enry/v2/data"
)

// corpus is paths that hit (or nearly hit) Linguist's vendor,
// documentation and generated rules, plus the synthetic monorepo.
func corpus() []string {
	paths := []string{
		"node_modules/express/index.js", "web/node_modules/a/b.js", "mynode_modules/x.js",
		"vendor/github.com/gin-gonic/gin/gin.go", "Vendor/x.php", "vendors/a.js", "src/vendored.go",
		"third_party/x.proto", "third-party/y.c", "ThirdParty/z.c", "external/lib.c", "extern/lib.c",
		"dist/app.js", "distribution/app.js", "cache/x.py", "cached/x.py",
		"static/jquery-3.7.1.min.js", "static/jquery.js", "js/jquery.ui.datepicker.js", "app.min.css", "app-min.js",
		"bootstrap.js", "css/bootstrap-theme.css", "resources/js/bootstrap.js", "font-awesome.css",
		"types/index.d.ts", "src/foo.d.tsx", "d3.v7.min.js", "react-dom.js", "reactive.js",
		"mvnw", "mvnw.cmd", ".mvn/wrapper/maven-wrapper.jar", "gradlew", "gradle/wrapper/gradle-wrapper.jar",
		".github/workflows/ci.yml", "sub/.github/CODEOWNERS", ".vscode/settings.json", "Jenkinsfile", "Vagrantfile",
		".gitignore", ".gitattributes", "debian/control", "deps/x.c", "Dependencies/x.h",
		"testdata/fixture.go", "spec/fixtures/a.rb", "test/fixtures/posts.yml", "env/lib/python3.12/site.py", "venv/lib/x.py",
		"docs/index.md", "Docs/x.go", "doc/guide.md", "src/docs/x.go", "documentation/a.md", "Documentation/b.md",
		"README.md", "readme.txt", "README", "sub/README.rst", "READMEE.md", "CHANGELOG.md", "CHANGES", "LICENSE",
		"LICENSE.txt", "licence.md", "CONTRIBUTING.md", "COPYING", "INSTALL.md", "CITATION.cff", "examples/main.go",
		"sample/app.py", "samples/x.py", "man/pathway.1", "demo/index.html", "demos/x.js",
		"package-lock.json", "web/package-lock.json", "yarn.lock", "pnpm-lock.yaml", "npm-shrinkwrap.json",
		"Cargo.lock", "Cargo.toml.orig", "composer.lock", "Gopkg.lock", "glide.lock", "poetry.lock", "Pipfile.lock",
		"pdm.lock", "uv.lock", "deno.lock", "flake.lock", "MODULE.bazel.lock", "esy.lock", "x.esy.lock",
		".terraform.lock.hcl", "infra/.terraform.lock.hcl", ".pnp.cjs", ".pnp.loader.mjs", "Godeps/Godeps.json",
		".idea/workspace.xml", "sub/.idea/misc.xml", "Pods/AFNetworking/x.m", "ios/Pods/x.h", "Carthage/Build/x",
		"Form1.Designer.cs", "x.designer.vb", "Login.feature.cs", "src/__generated__/q.graphql.ts",
		"Unit1_TLB.pas", "htmlcov/index.html", ".sqlx/query-abc.json", "ext/foo.zep.c", "x.nib",
		"src/main/java/com/acme/App.java", "internal/handler/user.go", "app/models/post.rb", "src/app.ts",
	}
	files, _ := bigTree(2_000)
	for _, f := range files {
		paths = append(paths, f.Path)
	}
	return paths
}

// The fast matchers must answer exactly as enry does.
func TestMatchersAgreeWithEnry(t *testing.T) {
	for _, p := range corpus() {
		if got, want := isVendor(p), enry.IsVendor(p); got != want {
			t.Errorf("isVendor(%q) = %v, enry says %v", p, got, want)
		}
		if got, want := isDocumentation(p), enry.IsDocumentation(p); got != want {
			t.Errorf("isDocumentation(%q) = %v, enry says %v", p, got, want)
		}
		if got, want := generatedPath(p), enry.IsGenerated(p, nil); want && !got {
			t.Errorf("generatedPath(%q) = false, enry says generated", p)
		}
	}
}

// The generated-name hints are written for enry's rules as they are; an
// enry upgrade that adds or changes one must be looked at.
func TestGeneratedHints(t *testing.T) {
	if n := len(data.GeneratedCodeNameMatchers); n != generatedNameRules {
		t.Fatalf("enry has %d generated-name rules, the hints cover %d: check generatedHints against data/generated.go and update generatedNameRules", n, generatedNameRules)
	}
	// One path per rule, in enry's order: each must pass the hints.
	for _, p := range []string{
		".idea/x.xml", "Pods/x.m", "Carthage/Build/x", "A.Designer.cs", "A.feature.cs", "node_modules/x.js",
		"vendor/github.com/x/y.go", "Gopkg.lock", "glide.lock", "poetry.lock", "pdm.lock", "uv.lock", "esy.lock",
		"deno.lock", "npm-shrinkwrap.json", "package-lock.json", "pnpm-lock.yaml", ".pnp.js", "Godeps/x",
		"composer.lock", "a.zep.c", "Cargo.lock", "Cargo.toml.orig", "flake.lock", "MODULE.bazel.lock",
		"Pipfile.lock", ".terraform.lock.hcl", "__generated__/x.js", "A_tlb.pas", "htmlcov/x.html", ".sqlx/query-1.json",
	} {
		if !enry.IsGenerated(p, nil) {
			t.Errorf("enry no longer says %q is generated: update the hints", p)
		}
		if !mayBeGeneratedName(p) {
			t.Errorf("hints miss %q", p)
		}
	}
	if mayBeGeneratedName("src/main/java/com/acme/OrderService.java") {
		t.Error("hints match an ordinary source path: they filter nothing")
	}
}

func TestRequiredLiteral(t *testing.T) {
	for re, want := range map[string]string{
		`(^|/)node_modules/`:               "node_modules/",
		`(^|/)[Dd]ocumentation/`:           "ocumentation/",
		`(.*?)\.d\.ts$`:                    ".d.ts",
		`(3rd|[Tt]hird)[-_]?[Pp]arty/`:     "arty/",
		`(?i)\.designer\.(cs|vb)$`:         "",
		`a|b`:                              "",
		`(^|/)README(\.|$)`:                "README",
		`(^|/)jquery\-\d\.\d+(\.\d+)?\.js`: "jquery-",
	} {
		tr, err := syntax.Parse(re, syntax.Perl)
		if err != nil {
			t.Fatal(err)
		}
		if got := requiredLiteral(tr.Simplify()); got != want {
			t.Errorf("requiredLiteral(%s) = %q, want %q", re, got, want)
		}
	}
}

func TestAhoCorasick(t *testing.T) {
	lits := []string{"he", "she", "his", "hers", "/vendor/", "s"}
	ids := []int{0, 1, 2, 3, 4, 5}
	m := buildAC(lits, ids)
	for _, text := range []string{"ushers", "a/vendor/b", "xyz", "", "hishe", "vendor/"} {
		found := map[int]bool{}
		m.scan(text, func(id int) bool { found[id] = true; return false })
		for i, l := range lits {
			if found[i] != strings.Contains(text, l) {
				t.Errorf("scan(%q): found %q = %v, want %v", text, l, found[i], !found[i])
			}
		}
	}
}
