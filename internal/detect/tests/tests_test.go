package tests

import (
	"slices"
	"strings"
	"testing"
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
		{"gin-good", true, false, 1, 0, 2, []string{"go-test", "testify"}, false, "handlers/todo_test.go"},
		{"gin-bad", false, true, 0, 1, 0, []string{}, false, "main_test.go"},
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
