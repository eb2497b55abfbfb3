// Package api finds the APIs a repository serves and consumes: route
// definitions per framework, OpenAPI/Swagger documents (by content),
// GraphQL schemas, Postman collections, an API section in the README, and
// HTTP clients calling other services.
package api

import (
	"bytes"
	"fmt"
	"path"
	"sort"
	"strings"

	"github.com/pathway-dev/pathway/internal/facts"
	"github.com/pathway-dev/pathway/internal/snapshot"
)

// Sampling bounds: route and client detection read at most maxPerLang
// source files per language (route-like paths first: routes, urls,
// controllers, handlers, api, views, server, app, main), and spec detection
// at most maxSpecs YAML/JSON files (spec-like names first).
const (
	maxPerLang     = 200
	maxSpecs       = 200
	maxFileBytes   = 512 << 10
	maxEvidence    = 10
	maxRouteEvents = 5
)

var vendoredDirs = map[string]bool{
	"node_modules": true, "vendor": true, "bower_components": true, "venv": true, ".venv": true,
	"site-packages": true, "__pypackages__": true, ".tox": true, "Pods": true, ".bundle": true,
	".git": true, "dist": true, "build": true, "target": true, ".next": true, "out": true,
	"coverage": true, "jspm_packages": true,
}

var testDirs = map[string]bool{
	"test": true, "tests": true, "__tests__": true, "spec": true, "testdata": true, "fixtures": true,
	"__fixtures__": true, "e2e": true, "cypress": true, "__mocks__": true, "mocks": true,
}

func testFile(p string) bool {
	if snapshot.UnderAny(p, testDirs) {
		return true
	}
	base := path.Base(p)
	stem := strings.TrimSuffix(base, path.Ext(base))
	return strings.HasSuffix(stem, "_test") || strings.HasPrefix(stem, "test_") || stem == "tests" ||
		strings.HasSuffix(stem, ".test") || strings.HasSuffix(stem, ".spec") || strings.HasSuffix(stem, "_spec") ||
		strings.HasSuffix(stem, "Test") || strings.HasSuffix(stem, "Tests") || strings.HasSuffix(stem, "IT")
}

// routeHints make a source path likely to define routes: read first.
var routeHints = []string{"route", "url", "controller", "handler", "api", "view", "endpoint", "server", "app", "main", "index", "resource", "router"}

func hinted(p string) bool {
	lp := strings.ToLower(p)
	for _, h := range routeHints {
		if strings.Contains(lp, h) {
			return true
		}
	}
	return false
}

var specHints = []string{"openapi", "swagger", "api", "spec", "docs", "postman", "collection"}

func specHinted(p string) bool {
	lp := strings.ToLower(p)
	for _, h := range specHints {
		if strings.Contains(lp, h) {
			return true
		}
	}
	return false
}

// notSpecs are YAML/JSON files that are never API documents.
var notSpecs = map[string]bool{
	"package.json": true, "package-lock.json": true, "composer.json": true, "composer.lock": true,
	"tsconfig.json": true, "pnpm-lock.yaml": true, ".eslintrc.json": true, "docker-compose.yml": true,
	"docker-compose.yaml": true, "pubspec.yaml": true, "angular.json": true, "app.json": true,
	"jsconfig.json": true, "vercel.json": true, ".prettierrc.json": true, "renovate.json": true,
}

// Detect computes the API facts of r.
func Detect(r *snapshot.Repo) facts.API {
	var a facts.API
	if r == nil {
		return a
	}
	ev := func(p string, line int, text string) facts.Evidence {
		return facts.Evidence{Repo: r.Name, Path: p, Line: line, Text: text}
	}
	var (
		src       = map[string][2][]string{} // lang -> hinted, other paths
		specs     [2][]string
		readme    string
		readmeAt  = len(readmeNames)
		pages     []string
		docEv     []facts.Evidence
		consumeEv []facts.Evidence
		pending   []generated // generators the Python code must confirm
		pyRead    int         // Python sources read
		builder   *facts.Evidence
	)
	for _, f := range r.Files {
		p := f.Path
		if f.Kind == "submodule" || f.Kind == "symlink" || snapshot.UnderAny(p, vendoredDirs) {
			continue
		}
		if i := readmeRank(p); i >= 0 && i < readmeAt {
			readme, readmeAt = p, i
		}
		base := path.Base(p)
		ext := strings.ToLower(path.Ext(base))
		switch {
		case graphQLFile(p):
			b, err := r.Read(p)
			switch {
			case err != nil || graphQLSchema(b):
				a.GraphQL = append(a.GraphQL, p)
			case !testFile(p) && !a.Consumes:
				a.Consumes = true
				consumeEv = append(consumeEv, ev(p, 1, "consumes: GraphQL operations sent to an API"))
			}
			continue
		case manifest(p) && !testFile(p):
			if b, err := r.Read(p); err == nil {
				switch g := generator(b); {
				case codeConfirmed[g]:
					pending = append(pending, generated{p, g})
				case g != "":
					a.OpenAPI = append(a.OpenAPI, p)
					docEv = append(docEv, ev(p, 0, "openapi: generated from the code ("+g+")"))
				}
			}
		case ext == ".yaml" || ext == ".yml" || ext == ".json":
			if notSpecs[base] {
				break
			}
			if specHinted(p) {
				specs[0] = append(specs[0], p)
			} else {
				specs[1] = append(specs[1], p)
			}
		}
		lang := langOf[ext]
		if lang == "" || testFile(p) || strings.HasSuffix(base, ".min.js") || strings.HasSuffix(base, ".d.ts") {
			continue
		}
		if nextPagesAPI(p) {
			pages = append(pages, p)
		}
		s := src[lang]
		if hinted(p) {
			s[0] = append(s[0], p)
		} else {
			s[1] = append(s[1], p)
		}
		src[lang] = s
	}

	// API documents.
	read := 0
	for _, bucket := range specs {
		for _, p := range bucket {
			b, err := r.Read(p)
			if err != nil {
				if openAPIName(path.Base(p)) {
					a.OpenAPI = append(a.OpenAPI, p)
					docEv = append(docEv, ev(p, 0, "openapi: spec file by name (content not read)"))
				}
				continue
			}
			if read >= maxSpecs {
				continue
			}
			read++
			switch {
			case openAPI(b) > 0:
				a.OpenAPI = append(a.OpenAPI, p)
				docEv = append(docEv, ev(p, openAPI(b), "openapi: API description document"))
			case postman(b):
				a.Postman = append(a.Postman, p)
				docEv = append(docEv, ev(p, 1, "postman: request collection"))
			}
		}
	}
	for _, p := range a.GraphQL {
		docEv = append(docEv, ev(p, 0, "graphql: schema file"))
	}
	if readme != "" {
		if b, err := r.Read(readme); err == nil {
			if line := apiHeading(b); line > 0 {
				a.ReadmeSection = true
				docEv = append(docEv, ev(readme, line, "readme: API section"))
			}
		}
	}

	// Routes and clients, over a bounded sample per language.
	var found []fileRoutes
	langs := make([]string, 0, len(src))
	for l := range src {
		langs = append(langs, l)
	}
	sort.Strings(langs)
	for _, lang := range langs {
		n := 0
		for _, bucket := range src[lang] {
			for _, p := range bucket {
				if n >= maxPerLang {
					break
				}
				b, err := r.Read(p)
				if err != nil {
					continue
				}
				n++
				if len(b) > maxFileBytes {
					b = b[:maxFileBytes]
				}
				if lang == "py" {
					pyRead++
					if builder == nil && len(pending) > 0 {
						for _, tok := range specBuilders {
							if has(b, tok) {
								e := ev(p, lineOf(b, tok), "openapi: built by "+strings.TrimSuffix(tok, "(")+" in the code")
								builder = &e
								break
							}
						}
					}
				}
				if fr := routesIn(p, b); len(fr.lines) > 0 {
					found = append(found, fr)
				}
				if !a.Consumes {
					if line, what := consumes(lang, b); line > 0 {
						a.Consumes = true
						consumeEv = append(consumeEv, ev(p, line, "consumes: "+what))
					}
				}
				if len(a.GraphQL) == 0 && lang != "go" {
					for _, tok := range graphQLServer {
						if has(b, tok) {
							a.GraphQL = append(a.GraphQL, p)
							docEv = append(docEv, ev(p, lineOf(b, tok), "graphql: schema defined in code"))
							break
						}
					}
				}
			}
		}
	}
	for _, p := range pages {
		found = append(found, fileRoutes{path: p, label: "nextjs", lines: []int{1}})
	}
	// A generator the code must confirm counts when the code builds the
	// document, or when no Python source could be read to tell.
	for _, g := range pending {
		if builder == nil && pyRead > 0 {
			continue
		}
		a.OpenAPI = append(a.OpenAPI, g.path)
		docEv = append(docEv, ev(g.path, 0, "openapi: generated from the code ("+g.name+")"))
	}
	if builder != nil {
		docEv = append(docEv, *builder)
	}
	for _, fr := range found {
		a.Routes += len(fr.lines)
	}
	sort.SliceStable(found, func(i, j int) bool {
		if len(found[i].lines) != len(found[j].lines) {
			return len(found[i].lines) > len(found[j].lines)
		}
		return found[i].path < found[j].path
	})

	sort.Strings(a.OpenAPI)
	sort.Strings(a.GraphQL)
	sort.Strings(a.Postman)
	a.OpenAPI = dedupe(a.OpenAPI)
	a.GraphQL = dedupe(a.GraphQL)
	a.Docs = len(a.OpenAPI) > 0 || len(a.GraphQL) > 0 || len(a.Postman) > 0 || a.ReadmeSection

	for i, fr := range found {
		if i == maxRouteEvents {
			break
		}
		word := "route definitions"
		if len(fr.lines) == 1 {
			word = "route definition"
		}
		a.Evidence = append(a.Evidence, ev(fr.path, fr.lines[0], fmt.Sprintf("%s: %d %s", fr.label, len(fr.lines), word)))
	}
	a.Evidence = append(a.Evidence, docEv...)
	a.Evidence = append(a.Evidence, consumeEv...)
	if len(a.Evidence) > maxEvidence {
		a.Evidence = a.Evidence[:maxEvidence]
	}
	return a
}

// generated is a manifest naming an OpenAPI generator.
type generated struct{ path, name string }

func dedupe(s []string) []string {
	out := s[:0]
	for i, x := range s {
		if i == 0 || x != s[i-1] {
			out = append(out, x)
		}
	}
	return out
}

func lineOf(b []byte, tok string) int {
	i := bytes.Index(b, []byte(tok))
	if i < 0 {
		return 0
	}
	return bytes.Count(b[:i], []byte{'\n'}) + 1
}
