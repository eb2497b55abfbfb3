package tests

import (
	"slices"
	"strings"
	"testing"

	"github.com/pathway-dev/pathway/internal/snapshot/snapshottest"
)

func TestDetectFixtures(t *testing.T) {
	cases := []struct {
		repo             string
		present, placeho bool
		files, phFiles   int
		cases            int
		frameworks       []string
		coverage         bool
		evidence         string // a path the evidence must name
	}{
		{"django-good", true, false, 1, 0, 3, []string{"django-test"}, true, "polls/tests.py"},
		{"django-stub", false, true, 0, 2, 0, []string{}, false, "accounts/tests.py"},
		{"django-root-tests", true, false, 1, 0, 2, []string{"django-test"}, false, "tests.py"},
		{"flask-good", true, false, 1, 0, 3, []string{"pytest"}, true, "tests/test_todos.py"},
		{"flask-bad", false, true, 0, 1, 0, []string{}, false, "tests/test_app.py"},
		{"fastapi-good", true, false, 1, 0, 3, []string{"pytest"}, true, "tests/test_items.py"},
		{"fastapi-bad", false, true, 0, 1, 0, []string{}, false, "test_main.py"},
		{"express-good", true, false, 1, 0, 3, []string{"jest"}, true, "__tests__/books.test.js"},
		{"express-bad", false, true, 0, 1, 0, []string{}, false, "test/app.test.js"},
		{"nestjs-good", true, false, 1, 0, 3, []string{"jest"}, true, "src/tasks/tasks.service.spec.ts"},
		{"nestjs-bad", false, true, 0, 3, 0, []string{"jest"}, false, "src/app.controller.spec.ts"},
		{"spring-good", true, false, 3, 1, 6, []string{"junit", "spring-test"}, true, "src/test/java/com/example/shop/product/ProductControllerTest.java"},
		{"spring-bad", false, true, 0, 1, 0, []string{"junit", "spring-test"}, false, "src/test/java/com/example/shop/ShopApplicationTests.java"},
		{"rails-good", true, false, 2, 0, 5, []string{"rspec"}, true, "spec/models/article_spec.rb"},
		{"rails-placeholder", false, true, 0, 3, 0, []string{}, false, "test/models/article_test.rb"},
		{"laravel-good", true, false, 2, 0, 4, []string{"phpunit"}, true, "tests/Feature/PostApiTest.php"},
		{"laravel-bad", false, true, 0, 2, 0, []string{"phpunit"}, false, "tests/Feature/ExampleTest.php"},
		// Two tests and BenchmarkList: a benchmark is a case too.
		{"gin-good", true, false, 1, 0, 3, []string{"go-test", "testify"}, false, "handlers/todo_test.go"},
		{"gin-bad", false, true, 0, 1, 0, []string{}, false, "main_test.go"},
		// CI runs scripts/coverage.sh, which runs go test -coverprofile (golang-gin-realworld).
		{"gin-coverage-script", true, false, 1, 0, 2, []string{"go-test", "testify"}, true, "scripts/coverage.sh"},
		// Nx's jest.config.ts sets coverageDirectory (node-express-realworld).
		// conftest.py and @pytest.fixture defs named test* hold no tests
		// (flask-realworld's "def testapp").
		{"flask-webtest", true, false, 1, 0, 2, []string{"pytest"}, false, "tests/test_posts.py"},
		// app/core/settings/test.py is the settings tests run with, not a
		// placeholder test file (fastapi-realworld).
		{"fastapi-split-settings", true, false, 1, 0, 2, []string{"pytest"}, false, "tests/test_api/test_notes.py"},
		{"express-nx-jest", true, false, 1, 0, 2, []string{"jest"}, true, "jest.config.ts"},
		// Benchmarks, a fuzz target and an example with checked output are
		// live; helpers_test.go (shared router and fixture loader) and an
		// example without Output are support code, not placeholders.
		{"gin-bench", true, false, 3, 0, 4, []string{"go-test"}, false, "handlers/bench_test.go"},
		// __tests__/helpers/db.js holds no tests: support, not a placeholder.
		{"express-helpers", true, false, 1, 0, 2, []string{"jest"}, false, "__tests__/notes.test.js"},
	}
	for _, c := range cases {
		t.Run(c.repo, func(t *testing.T) {
			got := Detect(load(t, c.repo))
			if got.Present != c.present || got.PlaceholderOnly != c.placeho {
				t.Errorf("present=%v placeholder_only=%v, want %v %v", got.Present, got.PlaceholderOnly, c.present, c.placeho)
			}
			if got.Files != c.files || got.PlaceholderFiles != c.phFiles || got.Cases != c.cases {
				t.Errorf("files=%d placeholder_files=%d cases=%d, want %d %d %d", got.Files, got.PlaceholderFiles, got.Cases, c.files, c.phFiles, c.cases)
			}
			if !slices.Equal(got.Frameworks, c.frameworks) {
				t.Errorf("frameworks = %q, want %q", got.Frameworks, c.frameworks)
			}
			if got.Coverage != c.coverage {
				t.Errorf("coverage = %v, want %v", got.Coverage, c.coverage)
			}
			if !got.Known {
				t.Error("known = false for a complete tree")
			}
			found := false
			for _, e := range got.Evidence {
				if e.Path == c.evidence {
					found = true
				}
				if e.Repo != c.repo {
					t.Errorf("evidence %+v names repo %q", e, e.Repo)
				}
			}
			if !found {
				t.Errorf("no evidence for %s in %+v", c.evidence, got.Evidence)
			}
			if t.Failed() {
				for _, e := range got.Evidence {
					t.Logf("evidence: %s:%d %s", e.Path, e.Line, e.Text)
				}
			}
			if strings.Contains(c.repo, "good") && got.Ratio <= 0 {
				t.Errorf("ratio = %v, want > 0", got.Ratio)
			}
		})
	}
}

// TestCoverageSources: coverage asked for in CI, in the scripts CI runs, in
// jest and pytest configuration; and the look-alikes that ask for none.
func TestCoverageSources(t *testing.T) {
	test := "handlers/todo_test.go"
	body := "package handlers\n\nimport \"testing\"\n\nfunc TestList(t *testing.T) {\n\tif len(list()) != 0 {\n\t\tt.Fatal(\"not empty\")\n\t}\n}\n"
	cases := []struct {
		name  string
		files map[string]string
		path  string // where the coverage evidence must point, "" for no coverage
		line  int
	}{
		{"codecov bash uploader", map[string]string{
			".travis.yml": "language: go\nscript:\n  - go test -v ./...\nafter_success:\n  - bash <(curl -s https://codecov.io/bash)\n",
		}, ".travis.yml", 5},
		{"goveralls", map[string]string{
			".github/workflows/ci.yml": "jobs:\n  test:\n    steps:\n      - run: go test -v ./...\n      - run: goveralls -service=github\n",
		}, ".github/workflows/ci.yml", 5},
		{"codecov action", map[string]string{
			".github/workflows/test.yml": "jobs:\n  test:\n    steps:\n      - run: npm test\n      - uses: codecov/codecov-action@v4\n",
		}, ".github/workflows/test.yml", 5},
		{"go test -cover in a workflow", map[string]string{
			".github/workflows/go.yml": "jobs:\n  build:\n    steps:\n      - name: Test\n        run: go test -v -cover ./...\n",
		}, ".github/workflows/go.yml", 5},
		{"script run from a workflow", map[string]string{
			".github/workflows/go.yml": "jobs:\n  build:\n    steps:\n      - run: |\n          go vet ./...\n          ./ci/test.sh\n",
			"ci/test.sh":               "#!/bin/sh\nset -eu\ngo test -race -covermode=atomic -coverprofile=coverage.out ./...\n",
		}, "ci/test.sh", 3},
		{"pytest --cov in pytest.ini", map[string]string{
			"pytest.ini": "[pytest]\naddopts = --cov=app --cov-report=term-missing\n",
		}, "pytest.ini", 2},
		{"jest collectCoverage in package.json", map[string]string{
			"package.json": "{\n  \"name\": \"api\",\n  \"jest\": {\n    \"testEnvironment\": \"node\",\n    \"coverageDirectory\": \"coverage\"\n  }\n}\n",
		}, "package.json", 5},
		{"npm script --coverage", map[string]string{
			"package.json": "{\n  \"scripts\": {\n    \"test\": \"jest\",\n    \"test:cov\": \"jest --coverage\"\n  }\n}\n",
		}, "package.json", 4},
		// Traps.
		{"script only in a comment", map[string]string{
			".travis.yml":         "script:\n#  - bash ./scripts/coverage.sh\n  - go test ./...\n",
			"scripts/coverage.sh": "go test -coverprofile=c.out ./...\n",
		}, "", 0},
		{"script CI runs without coverage", map[string]string{
			".travis.yml":     "script:\n  - bash ./scripts/test.sh\n",
			"scripts/test.sh": "#!/bin/sh\n# go test -coverprofile=c.out ./...\ngo test -v ./...\n",
		}, "", 0},
		{"script CI names but the repo lacks", map[string]string{
			".travis.yml": "script:\n  - bash ./scripts/coverage.sh\n",
		}, "", 0},
		{"jest --init leaves the coverage options commented", map[string]string{
			"jest.config.js": "module.exports = {\n  // collectCoverage: false,\n  // coverageDirectory: undefined,\n  // coverageThreshold: undefined,\n  testEnvironment: \"node\",\n};\n",
		}, "", 0},
		{"jest collectCoverage false", map[string]string{
			"jest.config.js": "module.exports = {\n  collectCoverage: false,\n};\n",
		}, "", 0},
	}
	for _, c := range cases {
		files := map[string]string{test: body, "handlers/todo.go": "package handlers\n\nfunc list() []string { return nil }\n"}
		for p, b := range c.files {
			files[p] = b
		}
		got := Detect(snapshottest.Map("r", files))
		if got.Coverage != (c.path != "") {
			t.Errorf("%s: coverage = %v, want %v (%+v)", c.name, got.Coverage, c.path != "", got.Evidence)
			continue
		}
		if c.path == "" {
			continue
		}
		found := false
		for _, e := range got.Evidence {
			found = found || e.Path == c.path && e.Line == c.line && strings.Contains(e.Text, "coverage")
		}
		if !found {
			t.Errorf("%s: no coverage evidence at %s:%d in %+v", c.name, c.path, c.line, got.Evidence)
		}
	}
}

// TestSupportFiles: test-named files holding only helpers are neither live
// tests nor placeholders, while the placeholders that look like them stay
// placeholders.
func TestSupportFiles(t *testing.T) {
	app := map[string]string{
		"go.mod":        "module github.com/acme/api\n\ngo 1.22\n",
		"api/server.go": "package api\n\nfunc Health() string { return \"ok\" }\n",
		"src/main/java/com/acme/shop/ShopApplication.java": "package com.acme.shop;\n\npublic class ShopApplication {}\n",
		"src/app.js": "module.exports = require('express')();\n",
	}
	cases := []struct {
		name          string
		files         map[string]string
		present       bool
		files_, phs   int
		placeholderTo string // the path a placeholder evidence must name
	}{
		{"go helpers only", map[string]string{
			"api/fixture_test.go": "package api\n\nimport (\n\t\"os\"\n\t\"testing\"\n)\n\n// load reads testdata/<name>.\nfunc load(t testing.TB, name string) []byte {\n\tt.Helper()\n\tb, err := os.ReadFile(\"testdata/\" + name)\n\tif err != nil {\n\t\tt.Fatal(err)\n\t}\n\treturn b\n}\n",
			"api/main_test.go":    "package api\n\nimport (\n\t\"os\"\n\t\"testing\"\n)\n\nfunc TestMain(m *testing.M) { os.Exit(m.Run()) }\n",
		}, false, 0, 0, ""},
		{"go empty benchmark", map[string]string{
			"api/bench_test.go": "package api\n\nimport \"testing\"\n\nfunc BenchmarkHealth(b *testing.B) {\n}\n",
		}, false, 0, 1, "api/bench_test.go"},
		{"go package clause only", map[string]string{
			"api/server_test.go": "package api\n\nimport \"testing\"\n",
		}, false, 0, 1, "api/server_test.go"},
		{"go helpers beside commented tests", map[string]string{
			"api/server_test.go": "package api\n\nfunc setup() {}\n\n// func TestHealth(t *testing.T) {\n// \tif Health() != \"ok\" { t.Fatal() }\n// }\n",
		}, false, 0, 1, "api/server_test.go"},
		{"junit abstract base", map[string]string{
			"src/test/java/com/acme/shop/AbstractIntegrationTest.java": "package com.acme.shop;\n\nimport org.springframework.boot.test.context.SpringBootTest;\n\n@SpringBootTest\npublic abstract class AbstractIntegrationTest {\n    protected String url(String path) {\n        return \"http://localhost\" + path;\n    }\n}\n",
		}, false, 0, 0, ""},
		{"junit empty test class", map[string]string{
			"src/test/java/com/acme/shop/ShopApplicationTest.java": "package com.acme.shop;\n\nclass ShopApplicationTest {\n    private String url(String path) { return path; }\n}\n",
		}, false, 0, 1, "src/test/java/com/acme/shop/ShopApplicationTest.java"},
		{"js test file holding only a helper", map[string]string{
			"__tests__/app.test.js": "const request = require('supertest');\n\nfunction get(app, url) {\n  return request(app).get(url);\n}\n",
		}, false, 0, 1, "__tests__/app.test.js"},
		{"js helpers beside a live test", map[string]string{
			"__tests__/utils.js":    "export const login = async (agent) => agent.post('/login').send({ user: 'ann' });\n",
			"__tests__/app.test.js": "import { login } from './utils';\n\ntest('logs in', async () => {\n  const res = await login(agent);\n  expect(res.status).toBe(200);\n});\n",
		}, true, 1, 0, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			files := map[string]string{}
			for p, b := range app {
				files[p] = b
			}
			for p, b := range c.files {
				files[p] = b
			}
			got := Detect(snapshottest.Map("r", files))
			if got.Present != c.present || got.Files != c.files_ || got.PlaceholderFiles != c.phs {
				t.Errorf("present=%v files=%d placeholder_files=%d, want %v %d %d (%+v)",
					got.Present, got.Files, got.PlaceholderFiles, c.present, c.files_, c.phs, got.Evidence)
			}
			if got.PlaceholderOnly != (c.phs > 0 && !c.present) {
				t.Errorf("placeholder_only=%v", got.PlaceholderOnly)
			}
			found := false
			for _, e := range got.Evidence {
				if strings.HasPrefix(e.Text, "placeholder") {
					found = found || e.Path == c.placeholderTo
					if c.placeholderTo == "" {
						t.Errorf("unexpected placeholder evidence %+v", e)
					}
				}
			}
			if c.placeholderTo != "" && !found {
				t.Errorf("no placeholder evidence for %s in %+v", c.placeholderTo, got.Evidence)
			}
		})
	}
}
