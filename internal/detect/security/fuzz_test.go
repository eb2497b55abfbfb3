package security

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/pathway-dev/pathway/internal/snapshot"
)

func FuzzScan(f *testing.F) {
	f.Add("config/application.yml", []byte("jwt:\n  secret: f3Kq9ZpL2vXw8RtY6mNb4HcJ\n"))
	f.Add(".env", []byte("JWT_SECRET=abc\nAPI_KEY='x"))
	f.Add("certs/a.key", []byte("-----BEGIN RSA PRIVATE KEY-----\\nQUJDQUJDQUJDQUJDQUJDQUJD"))
	f.Add("a.js", []byte("jwt.sign({a:1}, '"))
	f.Add("a.py", []byte("AKIA\nghp_\nxoxb-1\nsk_live_\nAIza"))
	f.Fuzz(func(t *testing.T, p string, b []byte) {
		var s scanner
		for _, class := range []fileClass{classConfig, classSource, classOther} {
			for _, fd := range s.scan(p, b, class) {
				if fd.line < 0 || fd.line > bytes.Count(b, []byte{'\n'})+1 {
					t.Fatalf("line %d out of range", fd.line)
				}
				if _, ok := rank[fd.kind]; !ok {
					t.Fatalf("unknown kind %q", fd.kind)
				}
			}
		}
		if p == "" || strings.ContainsAny(p, "\x00") {
			return
		}
		sec := Detect(&snapshot.Repo{Files: []snapshot.File{{Path: p}}, Contents: map[string][]byte{p: b}})
		js, _ := json.Marshal(sec)
		// The facts may name the key, never the value assigned to it.
		lines := bytes.Split(b, []byte{'\n'})
		for _, fd := range sec.Findings {
			if fd.Line == 0 || fd.Line > len(lines) {
				continue
			}
			line := lines[fd.Line-1]
			// Every assignment on the line: its value must not be in the facts.
			for at := range line {
				k, rest, ok := keyAt(line, at, 0, len(line))
				if !ok {
					continue
				}
				v, ok := literal(rest, true)
				val := string(v)
				if ok && len(val) >= 12 && !strings.Contains(string(k), val) && !strings.Contains(p, val) && bytes.Contains(js, []byte(val)) {
					t.Fatalf("value %q leaked into facts %s", val, js)
				}
			}
		}
	})
}

func fuzzParser(f *testing.F, name string, seeds ...string) {
	for _, s := range seeds {
		f.Add([]byte(s))
	}
	parse := manifestParser(name)
	if parse == nil {
		f.Fatalf("no parser for %s", name)
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		for _, d := range parse(b) {
			if d.Line < 0 {
				t.Fatal(fmt.Sprint("negative line ", d))
			}
		}
	})
}

func FuzzPackageJSON(f *testing.F) {
	fuzzParser(f, "package.json", `{"dependencies":{"jsonwebtoken":"9"}}`, `{"devDependencies":[]}`)
}
func FuzzComposer(f *testing.F) {
	fuzzParser(f, "composer.json", `{"require":{"laravel/sanctum":"^4"}}`)
}
func FuzzGoMod(f *testing.F) {
	fuzzParser(f, "go.mod", "module x\nrequire github.com/a/b v1.0.0 // indirect\n", "require (\n")
}
func FuzzPom(f *testing.F) {
	fuzzParser(f, "pom.xml", "<dependency><groupId>a</groupId><artifactId>b</artifactId></dependency>")
}
func FuzzGradle(f *testing.F)  { fuzzParser(f, "build.gradle", "implementation 'a:b:1'\napi(\"c:d\")") }
func FuzzGemfile(f *testing.F) { fuzzParser(f, "Gemfile", "gem 'devise'\ngem(\"jwt\"") }
func FuzzPyTOML(f *testing.F) {
	fuzzParser(f, "pyproject.toml", "[project]\ndependencies=[\"a[b]>=1\"]\n[tool.poetry.group.dev.dependencies]\nx='1'")
}
func FuzzRequirements(f *testing.F) {
	fuzzParser(f, "requirements.txt", "passlib[bcrypt]==1 # c\n-e .\n", "[")
}
func FuzzCsproj(f *testing.F) {
	fuzzParser(f, "a.csproj", `<PackageReference Include="BCrypt.Net-Next" />`)
}
