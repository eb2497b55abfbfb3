package ci

import (
	"slices"
	"strings"
	"testing"

	"github.com/pathway-dev/pathway/internal/facts"
	"github.com/pathway-dev/pathway/internal/snapshot"
	"github.com/pathway-dev/pathway/internal/snapshot/snapshottest"
)

// tri renders a tri-state for messages and comparisons.
func tri(b *bool) string {
	if b == nil {
		return "unknown"
	}
	if *b {
		return "true"
	}
	return "false"
}

func hasEvidence(es []facts.Evidence, path string, line int, text string) bool {
	for _, e := range es {
		if e.Path == path && (line == 0 || e.Line == line) && strings.Contains(e.Text, text) {
			return true
		}
	}
	return false
}

func TestDetectFixtures(t *testing.T) {
	cases := []struct {
		repo      string
		edit      func(r *snapshot.Repo)
		providers []string
		runs      string
		// want is evidence that must be there: in TestCommands when runs
		// is "true", else in Evidence.
		wantPath string
		wantLine int
		wantText string
	}{
		{"django-good", nil, []string{"github-actions"}, "true", ".github/workflows/django.yml", 34, "python manage.py test"},
		{"django-bad", nil, []string{"github-actions"}, "false", ".github/workflows/ci.yml", 18, "commented out: #   run: python manage.py test"},
		{"flask-script", nil, []string{"github-actions"}, "true", "scripts/ci.sh", 6, "python -m pytest -q --maxfail=1"},
		{"flask-script", func(r *snapshot.Repo) { delete(r.Contents, "scripts/ci.sh") }, []string{"github-actions"}, "unknown", ".github/workflows/ci.yml", 13, "./scripts/ci.sh (script content not fetched)"},
		{"flask-script", func(r *snapshot.Repo) { remove(r, "scripts/ci.sh") }, []string{"github-actions"}, "unknown", ".github/workflows/ci.yml", 13, "script not in the tree"},
		{"flask-lint-script", nil, []string{"github-actions"}, "false", "scripts/ci.sh", 5, "commented out: # pytest -q"},
		{"fastapi-gitlab", nil, []string{"gitlab-ci"}, "true", ".gitlab-ci.yml", 18, "pytest --junitxml=report.xml --cov=app"},
		{"fastapi-gitlab-bad", nil, []string{"gitlab-ci"}, "false", ".gitlab-ci.yml", 0, "gitlab-ci configuration"},
		{"express-good", nil, []string{"github-actions"}, "true", ".github/workflows/node.js.yml", 22, "npm test"},
		{"express-bad", nil, []string{"github-actions"}, "false", ".github/workflows/main.yml", 9, "no test script"},
		{"nestjs-good", nil, []string{"github-actions"}, "true", "package.json", 8, "npm run test:cov"},
		{"nestjs-bad", nil, []string{"github-actions"}, "false", ".github/workflows/build.yml", 0, "github-actions configuration"},
		{"spring-jenkins", nil, []string{"jenkins"}, "true", "Jenkinsfile", 7, "mvn -B verify"},
		{"spring-skip", nil, []string{"github-actions"}, "false", ".github/workflows/maven.yml", 17, "tests skipped"},
		{"rails-travis", nil, []string{"travis"}, "true", ".travis.yml", 8, "bundle exec rspec"},
		// flask-realworld: "flask test" is the app's click command that runs pytest.
		{"flask-circle-travis", nil, []string{"circleci", "travis"}, "true", ".circleci/config.yml", 15, "flask test"},
		// fastapi-realworld: "poetry run ./scripts/test", a script without an extension running pytest.
		{"fastapi-poetry-script", nil, []string{"github-actions"}, "true", "scripts/test", 6, "pytest --cov=app"},
		// aspnetcore-realworld: CI runs a Bullseye build program whose test target runs dotnet test.
		{"aspnet-bullseye", nil, []string{"github-actions"}, "true", "build/Program.cs", 11, `Run("dotnet", "test tests/Shop.Tests`},
		{"aspnet-bullseye", func(r *snapshot.Repo) { delete(r.Contents, "build/Program.cs") }, []string{"github-actions"}, "unknown",
			".github/workflows/build.yml", 13, "build project content not fetched"},
		{"aspnet-bullseye", func(r *snapshot.Repo) {
			r.Contents["build/Program.cs"] = []byte("using static Bullseye.Targets;\nusing static SimpleExec.Command;\n\nTarget(\"default\", () => Run(\"dotnet\", \"build Shop.sln\"));\nawait RunTargetsAndExitAsync(args);\n")
		}, []string{"github-actions"}, "false", ".github/workflows/build.yml", 0, "github-actions configuration"},
		{"rails-circle-bad", nil, []string{"circleci"}, "false", ".circleci/config.yml", 0, "circleci configuration"},
		{"laravel-good", nil, []string{"github-actions"}, "true", ".github/workflows/laravel.yml", 29, "php artisan test"},
		{"laravel-make", nil, []string{"bitbucket"}, "unknown", "bitbucket-pipelines.yml", 11, "make ci (no Makefile in the tree)"},
		{"gin-good", nil, []string{"drone"}, "true", "Makefile", 11, "ci: test"},
		{"gin-good", func(r *snapshot.Repo) { delete(r.Contents, "Makefile") }, []string{"drone"}, "unknown", ".drone.yml", 9, "Makefile not fetched"},
		{"gin-azure-bad", nil, []string{"azure-pipelines"}, "false", "azure-pipelines.yml", 0, "azure-pipelines configuration"},
		{"django-good", func(r *snapshot.Repo) { delete(r.Contents, ".github/workflows/django.yml") }, []string{"github-actions"}, "unknown", ".github/workflows/django.yml", 0, "content not fetched"},
	}
	for _, c := range cases {
		t.Run(c.repo, func(t *testing.T) {
			r := load(t, c.repo)
			if c.edit != nil {
				c.edit(r)
			}
			got := Detect(r)
			if !got.Present || !slices.Equal(got.Providers, c.providers) {
				t.Errorf("present=%v providers=%q, want %q", got.Present, got.Providers, c.providers)
			}
			if tri(got.RunsTests) != c.runs {
				t.Errorf("runs_tests = %s, want %s", tri(got.RunsTests), c.runs)
			}
			list := got.Evidence
			if c.runs == "true" {
				list = got.TestCommands
			} else if len(got.TestCommands) > 0 {
				t.Errorf("test commands %+v with runs_tests %s", got.TestCommands, c.runs)
			}
			if !hasEvidence(list, c.wantPath, c.wantLine, c.wantText) {
				t.Errorf("missing evidence %s:%d %q", c.wantPath, c.wantLine, c.wantText)
			}
			if t.Failed() {
				for _, e := range got.TestCommands {
					t.Logf("test command: %s:%d %s", e.Path, e.Line, e.Text)
				}
				for _, e := range got.Evidence {
					t.Logf("evidence: %s:%d %s", e.Path, e.Line, e.Text)
				}
			}
		})
	}
}

func remove(r *snapshot.Repo, p string) {
	r.Files = slices.DeleteFunc(r.Files, func(f snapshot.File) bool { return f.Path == p })
	delete(r.Contents, p)
}

func TestDetectNoCI(t *testing.T) {
	r := load(t, "gin-azure-bad")
	remove(r, "azure-pipelines.yml")
	got := Detect(r)
	if got.Present || len(got.Providers) != 0 || tri(got.RunsTests) != "false" {
		t.Errorf("no CI: present=%v providers=%q runs_tests=%s, want false [] false", got.Present, got.Providers, tri(got.RunsTests))
	}
	r.TreeTruncated = true
	if got := Detect(r); got.RunsTests != nil {
		t.Errorf("truncated tree without CI: runs_tests = %s, want unknown", tri(got.RunsTests))
	}
}

func TestDeployFixtures(t *testing.T) {
	cases := []struct {
		repo               string
		kinds              []string
		container, compose bool
		wantPath           string
		wantText           string
	}{
		{"django-good", []string{"compose", "docker", "fly"}, true, true, "fly.toml", "Fly.io"},
		{"flask-script", []string{"procfile"}, false, false, "Procfile", "Procfile"},
		{"fastapi-gitlab", []string{"docker"}, true, false, "Dockerfile", "container image"},
		{"express-good", []string{"docker"}, true, false, ".github/workflows/docker.yml", "docker/build-push-action@v5"},
		{"express-bad", []string{"vercel"}, false, false, "vercel.json", "Vercel"},
		{"nestjs-good", []string{"render"}, false, false, "render.yaml", "Render"},
		{"spring-jenkins", []string{"docker", "helm", "kubernetes"}, true, false, "k8s/deployment.yaml", "Kubernetes manifest (Deployment)"},
		{"spring-skip", []string{"kubernetes"}, false, false, "deploy/service.yaml", "Service"},
		{"rails-travis", []string{"heroku", "procfile"}, false, false, "app.json", "Heroku"},
		{"laravel-good", []string{"compose"}, false, true, "docker-compose.yml", "Compose"},
		{"gin-good", []string{"docker", "terraform"}, true, false, "infra/main.tf", "Terraform"},
		{"gin-azure-bad", []string{}, false, false, "", ""},
		// The Dev Container and Gitpod images build the editor's workspace, not the app (spring-petclinic).
		{"spring-devcontainer", []string{"kubernetes"}, false, false, "k8s/petclinic.yml", "Kubernetes manifest (Deployment)"},
	}
	for _, c := range cases {
		t.Run(c.repo, func(t *testing.T) {
			got := Deploy(load(t, c.repo))
			if !slices.Equal(got.Kinds, c.kinds) || got.Container != c.container || got.Compose != c.compose {
				t.Errorf("kinds=%q container=%v compose=%v, want %q %v %v", got.Kinds, got.Container, got.Compose, c.kinds, c.container, c.compose)
			}
			if c.wantPath != "" && !hasEvidence(got.Evidence, c.wantPath, 0, c.wantText) {
				t.Errorf("missing evidence %s %q in %+v", c.wantPath, c.wantText, got.Evidence)
			}
			if c.wantPath == "" && len(got.Evidence) != 0 {
				t.Errorf("evidence %+v for a repo without deployment", got.Evidence)
			}
		})
	}
}

// TestDevEnvironmentImages: an app Dockerfile still counts next to a Dev
// Container, and its evidence names the app's file, never the workspace's.
func TestDevEnvironmentImages(t *testing.T) {
	cases := []struct {
		name      string
		files     map[string]string
		container bool
		compose   bool
		path      string
	}{
		{"app image beside a dev container", map[string]string{
			".devcontainer/Dockerfile":         "FROM mcr.microsoft.com/devcontainers/go:1.22\n",
			".devcontainer/compose.yaml":       "services:\n  dev:\n    build: .\n",
			"Dockerfile":                       "FROM golang:1.22 AS build\nCOPY . .\nRUN go build -o /app ./cmd/api\nFROM gcr.io/distroless/base\nCOPY --from=build /app /app\n",
			"services/api/.devcontainer/x.yml": "services: {}\n",
		}, true, false, "Dockerfile"},
		{"nested dev container and gitpod only", map[string]string{
			"backend/.devcontainer/Dockerfile": "FROM mcr.microsoft.com/devcontainers/python:3.12\n",
			".gitpod.Dockerfile":               "FROM gitpod/workspace-full\n",
			".gitpod/docker-compose.yml":       "services:\n  db:\n    image: postgres:16\n",
		}, false, false, ""},
	}
	for _, c := range cases {
		got := Deploy(snapshottest.Map("r", c.files))
		if got.Container != c.container || got.Compose != c.compose {
			t.Errorf("%s: container=%v compose=%v, want %v %v (%+v)", c.name, got.Container, got.Compose, c.container, c.compose, got.Evidence)
		}
		for _, e := range got.Evidence {
			if devEnv(e.Path) {
				t.Errorf("%s: evidence from a development environment: %+v", c.name, e)
			}
		}
		if c.path != "" && !hasEvidence(got.Evidence, c.path, 0, "container image") {
			t.Errorf("%s: no container evidence at %s in %+v", c.name, c.path, got.Evidence)
		}
	}
}
