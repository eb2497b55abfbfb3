package stack

import (
	"os"
	"path/filepath"
	"testing"
)

// seed adds the fixtures' files of one name to the corpus.
func seed(f *testing.F, names ...string) {
	f.Helper()
	for _, n := range names {
		matches, _ := filepath.Glob(filepath.Join("testdata", "*", n))
		more, _ := filepath.Glob(filepath.Join("testdata", "*", "*", n))
		for _, m := range append(matches, more...) {
			b, err := os.ReadFile(m)
			if err != nil {
				f.Fatal(err)
			}
			f.Add(b)
		}
	}
}

func checkResult(t *testing.T, res result) {
	t.Helper()
	for _, d := range res.deps {
		if d.Line < 1 || d.File == "" {
			t.Fatalf("dependency without position: %+v", d)
		}
	}
	for _, m := range res.marks {
		if m.line < 1 || m.id == "" {
			t.Fatalf("mark without position or id: %+v", m)
		}
	}
}

func FuzzPackageJSON(f *testing.F) {
	seed(f, "package.json", "composer.json")
	f.Add([]byte(`{"dependencies":{"a":{"b":[1,{"c":2}]},"d":"1"},"devDependencies":[]}`))
	f.Fuzz(func(t *testing.T, b []byte) {
		checkResult(t, parsePackageJSON("package.json", b))
		checkResult(t, parseComposer("composer.json", b))
	})
}

func FuzzRequirements(f *testing.F) {
	seed(f, "requirements.txt", "requirements.in", "requirements-dev.txt")
	f.Add([]byte("-r requirements.txt\n-e git+https://x#egg=a\nb[c]>=1 ; x\nd @ https://e\\\n"))
	f.Fuzz(func(t *testing.T, b []byte) {
		r := repo(map[string]string{"requirements.txt": string(b), "requirements/base.txt": string(b)})
		checkResult(t, parseRequirements(r, "requirements.txt", b))
	})
}

func FuzzPyproject(f *testing.F) {
	seed(f, "pyproject.toml", "Pipfile")
	f.Add([]byte("[project]\ndependencies = [\"a>=1\"]\n[tool.poetry.group.x.dependencies]\nb = {version=\"1\"}\n"))
	f.Fuzz(func(t *testing.T, b []byte) {
		checkResult(t, parsePyproject("pyproject.toml", b))
		checkResult(t, parsePipfile("Pipfile", b))
	})
}

func FuzzSetup(f *testing.F) {
	f.Add([]byte("setup(install_requires=['flask>=2', \"x\"  # c\n], tests_require=[\"p\"])"))
	f.Add([]byte("[options]\ninstall_requires =\n  a\n  b>=1\n[options.extras_require]\ndev = c\n"))
	f.Fuzz(func(t *testing.T, b []byte) {
		checkResult(t, parseSetupPy("setup.py", b))
		checkResult(t, parseSetupCfg("setup.cfg", b))
	})
}

func FuzzGoMod(f *testing.F) {
	seed(f, "go.mod")
	f.Fuzz(func(t *testing.T, b []byte) {
		checkResult(t, parseGoMod("go.mod", b))
	})
}

func FuzzPom(f *testing.F) {
	seed(f, "pom.xml", "*.csproj")
	f.Fuzz(func(t *testing.T, b []byte) {
		checkResult(t, parsePom("pom.xml", b))
		checkResult(t, parseCsproj("a.csproj", b))
	})
}

func FuzzGradle(f *testing.F) {
	seed(f, "build.gradle.kts", "libs.versions.toml")
	f.Add([]byte("dependencies {\n  implementation group: 'a', name: 'b', version: '1'\n  api \"x:y:1\" /* c\n */ testImplementation libs.a.b\n}\n"))
	f.Fuzz(func(t *testing.T, b []byte) {
		cat := parseCatalog(b)
		checkResult(t, parseGradle("build.gradle", b, cat))
	})
}

func FuzzGemfile(f *testing.F) {
	seed(f, "Gemfile", "mix.exs")
	f.Add([]byte("group :test do\n gem 'a', group: [:dev]\nend\nend\nend\n"))
	f.Fuzz(func(t *testing.T, b []byte) {
		checkResult(t, parseGemfile("Gemfile", b))
		checkResult(t, parseMix("mix.exs", b))
	})
}

func FuzzCargo(f *testing.F) {
	seed(f, "Cargo.toml")
	f.Add([]byte("[target.'cfg(unix)'.dependencies]\nsqlx = { features = [\"postgres\"], package = \"x\" }\n"))
	f.Fuzz(func(t *testing.T, b []byte) {
		checkResult(t, parseCargo("Cargo.toml", b))
	})
}

func FuzzConfig(f *testing.F) {
	seed(f, "docker-compose.yml", "compose.yaml", "schema.prisma", "application.properties", "settings.py", "database.yml", ".env.example")
	f.Fuzz(func(t *testing.T, b []byte) {
		for _, read := range []func(string, []byte) []mark{composeClaims, prismaClaims, springClaims, djangoClaims, railsClaims, envClaims} {
			checkResult(t, result{marks: read("x.yml", b)})
		}
	})
}

func FuzzGoImports(f *testing.F) {
	seed(f, "database.go", "main.go", "hello.go")
	f.Add([]byte("package x\nimport _ \"github.com/lib/pq\"\n"))
	f.Fuzz(func(t *testing.T, b []byte) {
		checkResult(t, result{marks: goImportClaims("db.go", b)})
	})
}
