package ci

import (
	"slices"
	"strings"
	"testing"

	"github.com/pathway-dev/pathway/internal/snapshot"
)

// TestCommands runs single CI commands through the analyzer against a small
// repository (a Rails Rakefile, a package.json, a Makefile, scripts).
func TestCommands(t *testing.T) {
	r := &snapshot.Repo{Name: "app", Contents: map[string][]byte{
		"Rakefile":          []byte("require_relative \"config/application\"\nRails.application.load_tasks\n"),
		"package.json":      []byte(`{"scripts": {"verify": "tsc --noEmit && vitest run", "build": "tsc"}}`),
		"web/package.json":  []byte(`{"scripts": {"check": "eslint ."}}`),
		"Makefile":          []byte("lint:\n\tgolangci-lint run\n\nbuild: lint\n\tgo build ./...\n"),
		"bin/run-tests":     nil,
		"scripts/deploy.sh": []byte("#!/bin/sh\nfly deploy\n"),
	}}
	for p := range r.Contents {
		r.Files = append(r.Files, snapshot.File{Path: p})
	}
	delete(r.Contents, "bin/run-tests")
	slices.SortFunc(r.Files, func(a, b snapshot.File) int { return strings.Compare(a.Path, b.Path) })
	cases := []struct {
		cmd  string
		want string // tests, none, opaque, skipped
	}{
		{"go test -race ./...", "tests"},
		{"docker compose run --rm web pytest -x", "tests"},
		{"poetry run pytest", "tests"},
		{"python -m unittest discover", "tests"},
		{"flask test", "tests"},
		{"FLASK_APP=autoapp.py flask test --coverage", "tests"},
		{"flask db upgrade", "none"},
		{"flask run --host 0.0.0.0", "none"},
		{"CI=true npm test -- --watchAll=false", "tests"},
		{"yarn test", "tests"},
		{"pnpm run test:unit", "tests"},
		{"npx jest --ci", "tests"},
		{"./mvnw -B verify", "tests"},
		{"mvn -B package --file pom.xml", "tests"},
		{"mvn -B package -DskipTests", "skipped"},
		{"./gradlew build -x test", "skipped"},
		{"./gradlew check", "tests"},
		{"gradle assemble", "none"},
		{"bundle exec rake test", "tests"},
		{"bundle exec rake", "tests"},
		{"bin/rails test:system", "tests"},
		{"vendor/bin/phpunit --coverage-text", "tests"},
		{"composer test", "tests"},
		{"dotnet test --no-build", "tests"},
		{"cargo test --all-features", "tests"},
		{"make -C backend check", "tests"},
		{"tox -e py312", "tests"},
		{"npm run verify", "tests"},
		{"npm run build", "none"},
		{"cd web && npm run check", "none"},
		{"cd web && npm run missing", "none"},
		{"make build", "none"},
		{"make deploy", "opaque"},
		{"./bin/run-tests", "tests"},
		{"poetry run ./bin/run-tests", "tests"},
		{"dotnet run --project src/Api/Api.csproj", "opaque"},
		{"dotnet run -c Release --project=tools/Build", "opaque"},
		{"pipenv run bash ./ci/run.sh", "opaque"},
		{"poetry run ./scripts/deploy.sh", "none"},
		{"poetry run alembic upgrade head", "none"},
		{"./scripts/deploy.sh", "none"},
		{"bash ./ci/run.sh", "opaque"},
		{"echo npm test", "none"},
		{"pip install pytest pytest-cov", "none"},
		{"npm install --save-dev jest", "none"},
		{"flake8 . # pytest", "none"},
		{"# npm test", "none"},
		{"python manage.py migrate", "none"},
	}
	for _, c := range cases {
		a := &analyzer{r: r, visited: map[string]bool{}}
		a.script(command{path: "ci.yml", line: 1, text: c.cmd}, 0)
		got := "none"
		switch {
		case len(a.tests) > 0:
			got = "tests"
		case len(a.opaque) > 0:
			got = "opaque"
		case len(a.skipped) > 0:
			got = "skipped"
		}
		if got != c.want {
			t.Errorf("%q: %s, want %s (tests %v opaque %v)", c.cmd, got, c.want, a.tests, a.opaque)
		}
	}
}
