package languages

import (
	"maps"
	"slices"
	"strings"
	"testing"

	"github.com/pathway-dev/pathway/internal/snapshot"
)

// entry is one file of a fixture tree and what Linguist makes of it.
type entry struct {
	path    string
	size    int64
	lang    string // language it counts under, after grouping; "" = not counted
	why     string // the Linguist rule behind lang, for the reader
	content string // "" = not fetched by the source
	kind    string
}

// repo turns entries into a snapshot repository.
func repo(entries []entry) *snapshot.Repo {
	r := &snapshot.Repo{Contents: map[string][]byte{}}
	for _, e := range entries {
		kind := e.kind
		if kind == "" {
			kind = "blob"
		}
		r.Files = append(r.Files, snapshot.File{Path: e.path, Size: e.size, Kind: kind})
		if e.content != "" {
			r.Contents[e.path] = []byte(e.content)
		}
	}
	slices.SortFunc(r.Files, func(a, b snapshot.File) int { return strings.Compare(a.Path, b.Path) })
	return r
}

// check runs Detect on entries and compares every file's outcome and the
// byte totals with the annotations.
func check(t *testing.T, entries []entry) Result {
	t.Helper()
	r := repo(entries)
	got := Detect(r.Files, r.Read)
	want := map[string]int64{}
	for _, e := range entries {
		if e.lang != "" {
			want[e.lang] += e.size
		}
		if g := got.Files[e.path]; g != e.lang {
			t.Errorf("%s: counted as %q, want %q (%s)", e.path, g, e.lang, e.why)
		}
	}
	if !maps.Equal(got.Bytes, want) {
		t.Errorf("bytes = %v\nwant    %v", got.Bytes, want)
	}
	return got
}

// share is lang's part of all counted bytes, in percent.
func share(r Result, lang string) float64 {
	var total int64
	for _, b := range r.Bytes {
		total += b
	}
	if total == 0 {
		return 0
	}
	return 100 * float64(r.Bytes[lang]) / float64(total)
}

const (
	javaSrc   = "package com.example.demo;\n\nimport org.springframework.web.bind.annotation.*;\n\n@RestController\npublic class BookController {}\n"
	thymeleaf = "<!DOCTYPE html>\n<html xmlns:th=\"http://www.thymeleaf.org\">\n<body><tr th:each=\"book : ${books}\"><td th:text=\"${book.title}\"></td></tr></body>\n</html>\n"
	classFile = "\xca\xfe\xba\xbe\x00\x00\x00\x41\x00\x1d"
)

// minified is what webpack, Laravel Mix or Vite write in production mode:
// a few very long lines.
func minified(stmt string) string {
	return strings.Repeat(strings.Repeat(stmt, 40)+"\n", 3)
}

func TestSpringBoot(t *testing.T) {
	got := check(t, []entry{
		{path: "pom.xml", size: 2100, why: "Maven POM is data"},
		{path: "mvnw", size: 10665, why: "vendor.yml: (^|/)mvnw$ — the Maven wrapper script is not the owner's code"},
		{path: "mvnw.cmd", size: 6912, why: "vendor.yml: mvnw.cmd"},
		{path: ".mvn/wrapper/maven-wrapper.jar", size: 62547, content: "PK\x03\x04\x00\x00", why: "binary, no language; vendor.yml: .mvn/wrapper/"},
		{path: ".mvn/wrapper/maven-wrapper.properties", size: 218, why: "data"},
		{path: ".gitignore", size: 395, why: "no language"},
		{path: "HELP.md", size: 1200, content: "# Getting Started\n\n### Reference Documentation\n", why: "Markdown is prose"},
		{path: "README.md", size: 2400, why: "documentation.yml: README"},
		{path: "Dockerfile", size: 420, lang: "Dockerfile", why: "Dockerfile is a programming language in Linguist"},
		{path: "src/main/java/com/example/demo/DemoApplication.java", size: 312, lang: "Java", content: javaSrc},
		{path: "src/main/java/com/example/demo/controller/BookController.java", size: 2150, lang: "Java", content: javaSrc},
		{path: "src/main/java/com/example/demo/model/Book.java", size: 1400, lang: "Java"},
		{path: "src/main/java/com/example/demo/repository/BookRepository.java", size: 380, lang: "Java"},
		{path: "src/main/java/com/example/demo/service/BookService.java", size: 1720, lang: "Java"},
		{path: "src/main/resources/application.properties", size: 240, why: "Java Properties / INI are data"},
		{path: "src/main/resources/templates/books.html", size: 2300, lang: "HTML", content: thymeleaf, why: ".html is HTML or Ecmarkup: the heuristics pick HTML"},
		{path: "src/main/resources/static/css/style.css", size: 820, lang: "CSS", why: "CSS is markup"},
		{path: "src/main/resources/static/js/bootstrap.bundle.min.js", size: 80000, why: "vendor.yml: bootstrap*.js and *.min.js"},
		{path: "src/test/java/com/example/demo/BookControllerTest.java", size: 2600, lang: "Java", why: "tests are code to Linguist"},
		// A committed target/ directory: Linguist has no rule for Maven
		// output, so the copied template counts as HTML again; the class
		// files and the jar are binary and have no language.
		{path: "target/classes/com/example/demo/DemoApplication.class", size: 740, content: classFile, why: "binary"},
		{path: "target/classes/templates/books.html", size: 2300, lang: "HTML", why: "target/ is not in vendor.yml"},
		{path: "target/classes/application.properties", size: 240, why: "data"},
		{path: "target/demo-0.0.1-SNAPSHOT.jar", size: 21000000, why: "no language"},
	})
	if got.Primary != "Java" {
		t.Errorf("primary = %q, want Java", got.Primary)
	}
	// Java 8,562 of 14,402 counted bytes; the target/ copy of the
	// template keeps HTML at 4,600.
	if s := share(got, "Java"); s < 59 || s > 60 {
		t.Errorf("Java share = %.1f%%, want 59.5%%", s)
	}
}

func TestExpressTypeScript(t *testing.T) {
	ts := "import express, { Request, Response } from 'express';\n\nexport const router = express.Router();\n"
	got := check(t, []entry{
		{path: "package.json", size: 1100, why: "JSON is data"},
		{path: "package-lock.json", size: 310000, why: "generated (npm lock) and data"},
		{path: "tsconfig.json", size: 600, why: "JSON with Comments is data"},
		{path: "jest.config.js", size: 210, lang: "JavaScript"},
		{path: "bin/www", size: 1600, lang: "JavaScript", content: "#!/usr/bin/env node\n\nvar app = require('../dist/app');\nvar http = require('http');\n", why: "no extension: the node shebang decides"},
		{path: "src/app.ts", size: 1800, lang: "TypeScript", content: ts, why: ".ts is TypeScript or Qt XML: the heuristics pick TypeScript"},
		{path: "src/routes/users.ts", size: 2400, lang: "TypeScript", content: ts},
		{path: "src/controllers/userController.ts", size: 3100, lang: "TypeScript", content: ts},
		{path: "src/models/user.ts", size: 900, lang: "TypeScript", why: "not fetched: TypeScript is the heuristics' default for .ts"},
		{path: "src/middleware/auth.ts", size: 1100, lang: "TypeScript", content: ts},
		{path: "src/components/UserCard.tsx", size: 1300, lang: "TypeScript", content: "export const UserCard = () => <div className=\"card\" />;\n", why: "TSX is grouped under TypeScript"},
		{path: "src/types/express.d.ts", size: 300, why: "vendor.yml: *.d.ts"},
		{path: "tests/users.test.ts", size: 2700, lang: "TypeScript", content: ts},
		{path: "views/index.ejs", size: 900, lang: "EJS", why: "EJS is markup"},
		{path: "public/js/main.js", size: 1200, lang: "JavaScript"},
		{path: "public/js/chart.min.js", size: 205000, why: "vendor.yml: *.min.js"},
		{path: "dist/app.js", size: 2100, why: "vendor.yml: dist/"},
		{path: "dist/routes/users.js", size: 2900, why: "vendor.yml: dist/"},
		{path: "node_modules/express/lib/router/index.js", size: 15123, why: "vendor.yml: node_modules/"},
		{path: "node_modules/typescript/lib/tsc.js", size: 5800000, why: "vendor.yml: node_modules/"},
		{path: "node_modules/.bin/tsc", size: 45, kind: "symlink", why: "symlinks are not counted"},
		// A committed coverage report: Linguist has no rule for it, so its
		// HTML and JavaScript count.
		{path: "coverage/lcov-report/index.html", size: 4200, lang: "HTML"},
		{path: "coverage/lcov-report/sorter.js", size: 6000, lang: "JavaScript"},
	})
	if got.Primary != "TypeScript" {
		t.Errorf("primary = %q, want TypeScript", got.Primary)
	}
	// TypeScript 13,300 of 27,410 bytes: without the vendor rules
	// node_modules/ alone would make this a JavaScript repository.
	if s := share(got, "TypeScript"); s < 48 || s > 49 {
		t.Errorf("TypeScript share = %.1f%%, want 48.5%%", s)
	}
}

func TestDjango(t *testing.T) {
	py := "from django.db import models\n\n\nclass Post(models.Model):\n    title = models.CharField(max_length=200)\n"
	djangoHTML := "{% extends \"blog/base.html\" %}\n{% block content %}\n<h1>{{ post.title }}</h1>\n{% endblock %}\n"
	entries := []entry{
		{path: "manage.py", size: 660, lang: "Python", content: "#!/usr/bin/env python\nimport os\nimport sys\n"},
		{path: "requirements.txt", size: 120, why: "Pip Requirements is data"},
		{path: "Procfile", size: 40, lang: "Procfile", why: "Linguist types Procfile as programming"},
		{path: ".env.example", size: 90, why: "dot-config; no language anyway"},
		{path: "mysite/__init__.py", size: 0, why: "empty blobs have no language"},
		{path: "mysite/settings.py", size: 3200, lang: "Python"},
		{path: "mysite/urls.py", size: 800, lang: "Python"},
		{path: "mysite/wsgi.py", size: 400, lang: "Python"},
		{path: "blog/models.py", size: 2100, lang: "Python", content: py},
		{path: "blog/views.py", size: 3400, lang: "Python"},
		{path: "blog/admin.py", size: 500, lang: "Python"},
		{path: "blog/tests.py", size: 2800, lang: "Python"},
		{path: "blog/migrations/0001_initial.py", size: 1900, lang: "Python", why: "Linguist has no rule for Django migrations: they count"},
		{path: "blog/migrations/0002_post_slug.py", size: 700, lang: "Python"},
		{path: "blog/templates/blog/base.html", size: 1800, lang: "HTML", content: djangoHTML},
		{path: "blog/templates/blog/post_list.html", size: 1500, lang: "HTML", content: djangoHTML},
		{path: "blog/templates/blog/post_detail.html", size: 1100, lang: "HTML"},
		{path: "static/css/site.css", size: 640, lang: "CSS"},
		{path: "static/js/app.js", size: 900, lang: "JavaScript"},
		{path: "static/vendor/jquery-3.7.1.min.js", size: 87533, why: "vendor.yml: vendor/, jquery*.js, *.min.js"},
		{path: "static/vendor/bootstrap/css/bootstrap.css", size: 281000, why: "vendor.yml: vendor/ and bootstrap*.css"},
		{path: "docs/index.rst", size: 3000, why: "documentation.yml: docs/; reStructuredText is prose"},
		{path: "docs/conf.py", size: 2000, why: "documentation.yml: docs/"},
		{path: "env/lib/python3.12/site-packages/django/__init__.py", size: 799, why: "vendor.yml: env/ (a virtualenv named env)"},
	}
	got := check(t, entries)
	if got.Primary != "Python" {
		t.Errorf("primary = %q, want Python", got.Primary)
	}
	// Python 16,460 of 22,440 bytes.
	if s := share(got, "Python"); s < 73 || s > 74 {
		t.Errorf("Python share = %.1f%%, want 73.4%%", s)
	}

	// The same project with a virtualenv committed as venv/: vendor.yml
	// only knows env/, so Linguist counts all of Django as the owner's
	// Python — the inflated number GitHub shows for such repositories.
	venv := append(slices.Clone(entries),
		entry{path: "venv/lib/python3.12/site-packages/django/db/models/base.py", size: 98000, lang: "Python", why: "venv/ is not in vendor.yml"},
		entry{path: "venv/lib/python3.12/site-packages/django/contrib/admin/static/admin/js/actions.js", size: 7800, lang: "JavaScript"},
	)
	got = check(t, venv)
	// Python 114,460 of 128,240 bytes.
	if s := share(got, "Python"); s < 89 || s > 90 {
		t.Errorf("Python share with venv/ = %.1f%%, want 89.3%%", s)
	}
}

func TestRails(t *testing.T) {
	erb := "<h1>Posts</h1>\n<% @posts.each do |post| %>\n  <%= link_to post.title, post %>\n<% end %>\n"
	// What `rails new` writes since Rails 6.1.
	attrs := "# See https://git-scm.com/docs/gitattributes for more about git attribute files.\n\n" +
		"# Mark the database schema as having been generated.\ndb/schema.rb linguist-generated\n\n" +
		"# Mark any vendored files as having been vendored.\nvendor/* linguist-vendored\n" +
		"config/credentials/*.yml.enc diff=rails_credentials\nconfig/credentials.yml.enc diff=rails_credentials\n"
	base := []entry{
		{path: "Gemfile", size: 1900, lang: "Ruby", why: "Gemfile is a Ruby file name"},
		{path: "Gemfile.lock", size: 7000, why: "Gemfile.lock is data"},
		{path: "Rakefile", size: 230, lang: "Ruby"},
		{path: "config.ru", size: 160, lang: "Ruby"},
		{path: "bin/rails", size: 140, lang: "Ruby", content: "#!/usr/bin/env ruby\nAPP_PATH = File.expand_path(\"../config/application\", __dir__)\nrequire_relative \"../config/boot\"\n", why: "no extension: the ruby shebang decides"},
		{path: "app/controllers/application_controller.rb", size: 60, lang: "Ruby"},
		{path: "app/controllers/posts_controller.rb", size: 2100, lang: "Ruby"},
		{path: "app/models/post.rb", size: 300, lang: "Ruby"},
		{path: "app/models/user.rb", size: 800, lang: "Ruby"},
		{path: "app/views/layouts/application.html.erb", size: 600, lang: "HTML", content: erb, why: "HTML+ERB is grouped under HTML"},
		{path: "app/views/posts/index.html.erb", size: 1300, lang: "HTML", content: erb},
		{path: "app/views/posts/_form.html.erb", size: 900, lang: "HTML"},
		{path: "app/assets/stylesheets/application.css", size: 700, lang: "CSS"},
		{path: "app/assets/stylesheets/posts.scss", size: 300, lang: "SCSS", why: "SCSS is markup, not grouped with CSS"},
		{path: "app/assets/javascripts/application.js", size: 700, lang: "JavaScript", why: "app/assets is the owner's code"},
		{path: "app/javascript/controllers/hello_controller.js", size: 200, lang: "JavaScript"},
		{path: "config/routes.rb", size: 400, lang: "Ruby"},
		{path: "config/application.rb", size: 900, lang: "Ruby"},
		{path: "config/environments/production.rb", size: 3500, lang: "Ruby"},
		{path: "config/credentials.yml.enc", size: 464, why: "no language"},
		{path: "db/migrate/20240101000000_create_posts.rb", size: 400, lang: "Ruby"},
		{path: "db/seeds.rb", size: 500, lang: "Ruby"},
		{path: "test/controllers/posts_controller_test.rb", size: 1500, lang: "Ruby"},
		{path: "test/fixtures/posts.yml", size: 200, why: "vendor.yml: test/fixtures/; YAML is data"},
		{path: "public/404.html", size: 1700, lang: "HTML", why: "Rails' static error pages count as HTML"},
		{path: "vendor/javascript/stimulus.js", size: 41000, why: "vendor.yml: vendor/"},
		{path: "vendor/bundle/ruby/3.2.0/gems/rack-3.0.8/lib/rack.rb", size: 5200, why: "vendor.yml: vendor/"},
	}

	// A new Rails app: the .gitattributes it ships marks db/schema.rb as
	// generated, so Linguist leaves it out.
	got := check(t, append(slices.Clone(base),
		entry{path: ".gitattributes", size: int64(len(attrs)), content: attrs, why: "dot-config; no language"},
		entry{path: "db/schema.rb", size: 2600, content: "# This file is auto-generated from the current state of the database.\nActiveRecord::Schema[7.1].define(version: 2024_01_01_000000) do\nend\n", why: ".gitattributes: db/schema.rb linguist-generated"},
	))
	if got.Primary != "Ruby" {
		t.Errorf("primary = %q, want Ruby", got.Primary)
	}

	// An older app without that .gitattributes: Linguist does not read the
	// "auto-generated" comment of schema.rb, so it counts as Ruby.
	got = check(t, append(slices.Clone(base),
		entry{path: "db/schema.rb", size: 2600, lang: "Ruby", content: "# This file is auto-generated from the current state of the database.\nActiveRecord::Schema[7.1].define(version: 2024_01_01_000000) do\nend\n", why: "no Linguist rule for schema.rb"},
	))
	// Ruby 15,490 of 21,890 bytes.
	if s := share(got, "Ruby"); s < 70 || s > 71 {
		t.Errorf("Ruby share = %.1f%%, want 70.8%%", s)
	}
}

func TestLaravel(t *testing.T) {
	php := "<?php\n\nnamespace App\\Http\\Controllers;\n\nuse Illuminate\\Http\\Request;\n\nclass PostController extends Controller\n{\n}\n"
	blade := "@extends('layouts.app')\n\n@section('content')\n    <h1>{{ $post->title }}</h1>\n@endsection\n"
	got := check(t, []entry{
		{path: "artisan", size: 1686, lang: "PHP", content: "#!/usr/bin/env php\n<?php\n\ndefine('LARAVEL_START', microtime(true));\n", why: "no extension: the php shebang decides"},
		{path: "composer.json", size: 1900, why: "data"},
		{path: "composer.lock", size: 290000, why: "generated (composer.lock) and data"},
		{path: "webpack.mix.js", size: 560, lang: "JavaScript"},
		{path: "app/Http/Controllers/Controller.php", size: 300, lang: "PHP", content: php, why: ".php is PHP or Hack: the heuristics pick PHP"},
		{path: "app/Http/Controllers/PostController.php", size: 2600, lang: "PHP", content: php},
		{path: "app/Models/Post.php", size: 700, lang: "PHP", why: "not fetched: PHP before Hack"},
		{path: "app/Models/User.php", size: 1100, lang: "PHP", content: php},
		{path: "app/Providers/AppServiceProvider.php", size: 500, lang: "PHP", content: php},
		{path: "config/app.php", size: 9000, lang: "PHP", content: "<?php\n\nreturn [\n    'name' => env('APP_NAME', 'Laravel'),\n];\n"},
		{path: "routes/web.php", size: 600, lang: "PHP", content: php},
		{path: "database/migrations/2014_10_12_000000_create_users_table.php", size: 900, lang: "PHP", content: php},
		{path: "resources/views/welcome.blade.php", size: 17000, lang: "Blade", content: blade, why: "*.blade.php is Blade, a markup language"},
		{path: "resources/views/layouts/app.blade.php", size: 2300, lang: "Blade", content: blade},
		{path: "resources/views/posts/index.blade.php", size: 1400, lang: "Blade"},
		{path: "resources/js/app.js", size: 200, lang: "JavaScript"},
		{path: "resources/js/bootstrap.js", size: 1000, why: "vendor.yml: bootstrap*.js matches Laravel's own resources/js/bootstrap.js too"},
		{path: "resources/css/app.css", size: 0, why: "empty"},
		// Laravel Mix output committed in production mode: minified, which
		// Linguist treats as generated (average line over 110 characters).
		{path: "public/js/app.js", size: 356000, content: minified("(()=>{var e={669:(e,t,n)=>{e.exports=n(609)}};"), why: "generated: minified"},
		{path: "public/css/app.css", size: 182000, content: minified(".btn{display:inline-block;font-weight:400;line-height:1.5}"), why: "generated: minified"},
		{path: "public/mix-manifest.json", size: 60, why: "data"},
		{path: "public/index.php", size: 1700, lang: "PHP", content: "<?php\n\nuse Illuminate\\Contracts\\Http\\Kernel;\n"},
		{path: "tests/TestCase.php", size: 200, lang: "PHP", content: php},
		{path: "tests/Feature/ExampleTest.php", size: 400, lang: "PHP", content: php},
		{path: "vendor/autoload.php", size: 771, why: "vendor.yml: vendor/"},
		{path: "vendor/laravel/framework/src/Illuminate/Foundation/Application.php", size: 44000, why: "vendor.yml: vendor/"},
	})
	if got.Primary != "Blade" {
		// welcome.blade.php alone is 17 kB: a fresh Laravel app really is
		// mostly Blade on GitHub.
		t.Errorf("primary = %q, want Blade", got.Primary)
	}
	// PHP 19,686 and Blade 20,700 of 41,146 bytes; counting the compiled
	// public/js/app.js would have made it 90% JavaScript.
	if s := share(got, "PHP"); s < 47 || s > 48 {
		t.Errorf("PHP share = %.1f%%, want 47.8%%", s)
	}
}

func TestGin(t *testing.T) {
	goSrc := "package handler\n\nimport \"github.com/gin-gonic/gin\"\n\nfunc List(c *gin.Context) {}\n"
	got := check(t, []entry{
		{path: "go.mod", size: 1200, why: "Go Module is data"},
		{path: "go.sum", size: 9800, why: "Go Checksums is data"},
		{path: "main.go", size: 1400, lang: "Go", content: "package main\n\nimport \"github.com/gin-gonic/gin\"\n\nfunc main() {\n\tr := gin.Default()\n\tr.Run()\n}\n"},
		{path: "Makefile", size: 700, lang: "Makefile", why: "Makefile is a programming language in Linguist"},
		{path: "Dockerfile", size: 500, lang: "Dockerfile"},
		{path: "scripts/migrate.sh", size: 300, lang: "Shell"},
		{path: "internal/handler/user.go", size: 3000, lang: "Go", content: goSrc},
		{path: "internal/handler/user_test.go", size: 2800, lang: "Go", content: goSrc},
		{path: "internal/service/user.go", size: 1900, lang: "Go"},
		{path: "internal/repository/user.go", size: 2200, lang: "Go"},
		{path: "internal/model/user.go", size: 600, lang: "Go"},
		{path: "migrations/000001_create_users.up.sql", size: 400, content: "CREATE TABLE users (\n  id BIGSERIAL PRIMARY KEY,\n  email TEXT NOT NULL UNIQUE\n);\n", why: ".sql is ambiguous; plain SQL wins, and SQL is data"},
		{path: "api/proto/user.proto", size: 900, why: "Protocol Buffer is data"},
		{path: "api/proto/user.pb.go", size: 14000, content: "// Code generated by protoc-gen-go. DO NOT EDIT.\n// versions:\n// \tprotoc-gen-go v1.34.1\n\npackage proto\n", why: "generated: 'Code generated' header"},
		{path: "api/proto/user_grpc.pb.go", size: 8000, why: "generated: protoc output, known by name when not fetched"},
		{path: "docs/docs.go", size: 6000, content: "// Package docs Code generated by swaggo/swag. DO NOT EDIT\npackage docs\n", why: "documentation.yml: docs/ (and generated)"},
		{path: "docs/swagger.json", size: 5000, why: "documentation; JSON is data"},
		{path: "docs/swagger.yaml", size: 3500, why: "documentation; YAML is data"},
		{path: "vendor/github.com/gin-gonic/gin/gin.go", size: 22000, why: "vendor.yml: vendor/"},
		{path: "vendor/modules.txt", size: 3000, why: "vendored; Text is prose"},
		{path: "third_party/googleapis/google/api/annotations.proto", size: 1000, why: "vendor.yml: third_party/"},
	})
	if got.Primary != "Go" {
		t.Errorf("primary = %q, want Go", got.Primary)
	}
	// Go 11,900 of 13,400 bytes.
	if s := share(got, "Go"); s < 88 || s > 89 {
		t.Errorf("Go share = %.1f%%, want 88.8%%", s)
	}
}
