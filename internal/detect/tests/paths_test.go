package tests

import (
	"testing"

	"github.com/pathway-dev/pathway/internal/snapshot"
)

func TestClassify(t *testing.T) {
	projects := map[string]bool{"tests/Api.Tests": true}
	cases := []struct {
		path         string
		test, strong bool
	}{
		{"handlers/user_test.go", true, true},
		{"handlers/user.go", false, false},
		{"tests.py", true, true},
		{"polls/tests/test_views.py", true, true},
		{"tests/factories.py", true, false},
		{"tests/__init__.py", false, false},
		{"tests/conftest.py", false, false},
		{"mysite/settings/test.py", false, false},
		{"app/core/config/testing.py", false, false},
		{"app/test.py", true, true},
		{"src/app.e2e-spec.ts", true, true},
		{"src/components/__tests__/Button.jsx", true, true},
		{"cypress/e2e/login.cy.js", true, true},
		{"src/index.d.ts", false, false},
		{"app/src/test/kotlin/com/x/UserServiceTest.kt", true, true},
		{"app/src/test/java/com/x/TestData.java", true, false},
		{"src/main/java/com/x/TestController.java", false, false},
		{"spec/requests/users_spec.rb", true, true},
		{"test/test_helper.rb", true, false},
		{"tests/Feature/PostApiTest.php", true, true},
		{"app/Http/Controllers/PostTest.php", false, false},
		{"tests/Api.Tests/OrdersControllerTests.cs", true, true},
		{"tests/Api.Tests/Fixtures.cs", true, false},
		{"src/Api/Program.cs", false, false},
		{"src/Shop.UnitTests/CartTests.cs", true, true},
		{"tests/integration.rs", true, true},
		{"src/lib.rs", true, false},
	}
	for _, c := range cases {
		got, ok := classify(c.path, projects)
		if ok != c.test || (ok && got.strong != c.strong) {
			t.Errorf("%s: test=%v strong=%v, want %v %v", c.path, ok, got.strong, c.test, c.strong)
		}
	}
}

func TestCSharpProjectByReference(t *testing.T) {
	r := &snapshot.Repo{Name: "shop", ContentsKnown: true, Contents: map[string][]byte{
		"Shop.sln":                 []byte(""),
		"Shop/Shop.csproj":         []byte(`<Project Sdk="Microsoft.NET.Sdk.Web"><ItemGroup><PackageReference Include="Npgsql" Version="8.0.0" /></ItemGroup></Project>`),
		"Shop/CartService.cs":      []byte("namespace Shop;\npublic class CartService { public int Total() => 3; }\n"),
		"Checks/Checks.csproj":     []byte(`<Project Sdk="Microsoft.NET.Sdk"><ItemGroup><PackageReference Include="xunit" Version="2.6.0" /><PackageReference Include="Microsoft.NET.Test.Sdk" Version="17.8.0" /></ItemGroup></Project>`),
		"Checks/CartChecks.cs":     []byte("using Xunit;\n\npublic class CartChecks\n{\n    [Fact]\n    public void Totals() => Assert.Equal(3, new CartService().Total());\n\n    [Fact]\n    public void Empty()\n    {\n        Assert.Equal(0, new Cart().Count);\n    }\n}\n"),
		".github/workflows/ci.yml": []byte("jobs:\n  t:\n    steps:\n      # - run: dotnet test --collect:\"XPlat Code Coverage\"\n      - run: dotnet build\n"),
	}}
	for p := range r.Contents {
		r.Files = append(r.Files, snapshot.File{Path: p})
	}
	sortFiles(r.Files)
	got := Detect(r)
	if !got.Present || got.Files != 1 || got.Cases != 2 {
		t.Errorf("present=%v files=%d cases=%d, want true 1 2", got.Present, got.Files, got.Cases)
	}
	if len(got.Frameworks) != 1 || got.Frameworks[0] != "xunit" {
		t.Errorf("frameworks = %v, want [xunit]", got.Frameworks)
	}
	if got.Coverage {
		t.Error("coverage from a commented-out CI line")
	}
	if got.Ratio != 1 {
		t.Errorf("ratio = %v, want 1 (one test file, one source file)", got.Ratio)
	}
}

func TestCoverageInCI(t *testing.T) {
	r := load(t, "gin-good")
	r.Files = append(r.Files, snapshot.File{Path: "Makefile"})
	sortFiles(r.Files)
	r.Contents["Makefile"] = []byte("test:\n\tgo test -race -coverprofile=cover.out ./...\n")
	got := Detect(r)
	if !got.Coverage {
		t.Fatal("coverage = false with go test -coverprofile in the Makefile")
	}
	found := false
	for _, e := range got.Evidence {
		found = found || (e.Path == "Makefile" && e.Line == 2)
	}
	if !found {
		t.Errorf("no Makefile:2 coverage evidence in %+v", got.Evidence)
	}
}

func TestTruncatedAndUnfetched(t *testing.T) {
	r := load(t, "flask-good")
	r.Contents = map[string][]byte{}
	r.ContentsKnown = false
	got := Detect(r)
	// Not read, yet named like tests: counted by path, never judged.
	if !got.Present || got.Files != 1 || got.PlaceholderOnly || got.Cases != 0 {
		t.Errorf("unfetched: present=%v files=%d placeholder_only=%v cases=%d, want true 1 false 0", got.Present, got.Files, got.PlaceholderOnly, got.Cases)
	}
	r = load(t, "flask-bad")
	r.TreeTruncated = true
	if got := Detect(r); got.Known {
		t.Error("known = true for placeholders in a truncated tree")
	}
}

func sortFiles(fs []snapshot.File) {
	for i := 1; i < len(fs); i++ {
		for j := i; j > 0 && fs[j].Path < fs[j-1].Path; j-- {
			fs[j], fs[j-1] = fs[j-1], fs[j]
		}
	}
}

// A workflow that runs an extension-less script through its shell
// ("run: bash .ci/run") reaches the coverage flag inside it.
func TestCoverageInAScriptRunByItsShell(t *testing.T) {
	r := load(t, "gin-good")
	r.Files = append(r.Files, snapshot.File{Path: ".ci/run"}, snapshot.File{Path: ".github/workflows/ci.yml"})
	sortFiles(r.Files)
	r.Contents[".github/workflows/ci.yml"] = []byte("on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: bash .ci/run\n")
	r.Contents[".ci/run"] = []byte("#!/usr/bin/env bash\nset -euo pipefail\ngo vet ./...\ngo test -race -cover ./...\n")
	got := Detect(r)
	found := false
	for _, e := range got.Evidence {
		found = found || (e.Path == ".ci/run" && e.Line == 4)
	}
	if !got.Coverage || !found {
		t.Fatalf("coverage=%v evidence=%+v", got.Coverage, got.Evidence)
	}
}
