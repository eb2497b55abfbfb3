package local

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

// person is a commit author or committer.
type person struct{ name, email string }

var (
	ada    = person{"Ada Lovelace", "ada@example.com"}
	grace  = person{"Grace Hopper", "grace@example.org"}
	github = person{"GitHub", "noreply@github.com"}
)

// file is one file to write in a working tree.
type file struct {
	content string
	exec    bool
	link    string // symlink target instead of content
}

// builder runs git to make fixtures; the first failure sticks in err so a
// fixture can be built outside a test and fail every test that needs it.
type builder struct{ err error }

// hermetic keeps the developer's own git configuration out of fixtures.
func hermetic(extra ...string) []string {
	env := os.Environ()
	env = append(env, "GIT_CONFIG_GLOBAL=/dev/null", "GIT_CONFIG_NOSYSTEM=1", "GIT_TERMINAL_PROMPT=0",
		"GIT_ALLOW_PROTOCOL=file")
	return append(env, extra...)
}

func (b *builder) git(dir string, env []string, args ...string) string {
	if b.err != nil {
		return ""
	}
	cmd := exec.Command("git", args...)
	cmd.Dir = dir
	cmd.Env = hermetic(env...)
	out, err := cmd.CombinedOutput()
	if err != nil {
		b.err = fmt.Errorf("git %s in %s: %v\n%s", strings.Join(args, " "), dir, err, out)
		return ""
	}
	return strings.TrimSpace(string(out))
}

func (b *builder) write(dir string, files map[string]file) {
	for name, f := range files {
		if b.err != nil {
			return
		}
		p := filepath.Join(dir, filepath.FromSlash(name))
		if b.err = os.MkdirAll(filepath.Dir(p), 0o755); b.err != nil {
			return
		}
		if f.link != "" {
			b.err = os.Symlink(f.link, p)
			continue
		}
		mode := os.FileMode(0o644)
		if f.exec {
			mode = 0o755
		}
		b.err = os.WriteFile(p, []byte(f.content), mode)
	}
}

func (b *builder) init(dir string) {
	if b.err == nil {
		b.err = os.MkdirAll(dir, 0o755)
	}
	b.git(dir, nil, "init", "-q", "-b", "main")
}

// when is an identity and a date for GIT_AUTHOR_* / GIT_COMMITTER_*.
func when(author person, adate string, committer person, cdate string) []string {
	return []string{
		"GIT_AUTHOR_NAME=" + author.name, "GIT_AUTHOR_EMAIL=" + author.email, "GIT_AUTHOR_DATE=" + adate,
		"GIT_COMMITTER_NAME=" + committer.name, "GIT_COMMITTER_EMAIL=" + committer.email, "GIT_COMMITTER_DATE=" + cdate,
	}
}

// commit writes files, stages everything and commits; it returns the SHA.
func (b *builder) commit(dir string, who person, date, msg string, files map[string]file) string {
	b.write(dir, files)
	b.git(dir, nil, "add", "-A")
	b.git(dir, when(who, date, who, date), "commit", "-q", "-m", msg)
	return b.git(dir, nil, "rev-parse", "HEAD")
}

// The todo-api fixture: a small Flask API with the traps the local source
// must avoid.
var (
	todoAppV1 = `from flask import Flask, jsonify, request

app = Flask(__name__)
todos = []


@app.get("/todos")
def list_todos():
    return jsonify(todos)


@app.post("/todos")
def create_todo():
    todo = {"id": len(todos) + 1, "title": request.json["title"], "done": False}
    todos.append(todo)
    return jsonify(todo), 201
`
	todoAppV2 = todoAppV1 + `

@app.patch("/todos/<int:todo_id>")
def update_todo(todo_id):
    for todo in todos:
        if todo["id"] == todo_id:
            todo.update(request.json)
            return jsonify(todo)
    return jsonify({"error": "not found"}), 404
`
	todoTest = `from app import app


def test_create_and_list():
    client = app.test_client()
    created = client.post("/todos", json={"title": "write tests"})
    assert created.status_code == 201
    assert client.get("/todos").json == [created.json]
`
	mitLicense = "MIT License\n\nCopyright (c) 2024 Ada Lovelace\n\nPermission is hereby granted, free of charge, to any person obtaining a copy\nof this software...\n"
	todoFiles1 = map[string]file{
		"app.py":           {content: todoAppV1},
		"requirements.txt": {content: "Flask==3.0.2\npytest==8.0.0\n"},
		"README.md":        {content: "# todo-api\n\nA small Flask REST API for todos.\n\n## Run\n\n    pip install -r requirements.txt\n    flask --app app run\n"},
		".gitignore":       {content: "__pycache__/\n*.pyc\nbuild/\n.venv/\n"},
		"LICENSE":          {content: mitLicense},
	}
	todoFiles2 = map[string]file{
		"tests/__init__.py": {},
		"tests/test_app.py": {content: todoTest},
		"scripts/run.sh":    {content: "#!/bin/sh\nexec flask --app app run --port \"${PORT:-5000}\"\n", exec: true},
		"static/logo.png":   {content: "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x06\x00\x00\x00\x1f\xf3\xffa"},
		"bin/worker":        {content: "\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x02\x00>\x00\x01\x00\x00\x00", exec: true},
		"data/cities.csv":   {content: bigCSV()},
		"config/passwd":     {link: "/etc/passwd"},
		"docs/LICENSE":      {content: mitLicense},
		"docs/deploy.md":    {content: "# Deploy\n\nRun `scripts/run.sh` behind gunicorn.\n"},
		// Names git would quote without -z.
		"docs/résumé notes.md": {content: "# Résumé notes\n"},
		"docs/odd\tname\n.txt": {content: "tab and newline in the name\n"},
		"requirements.txt":     {content: "Flask==3.0.2\npytest==8.0.0\ngunicorn==21.2.0\n"},
	}
	gitmodules = "[submodule \"vendor/flask-ext\"]\n\tpath = vendor/flask-ext\n\turl = https://github.com/ada-lovelace/flask-ext.git\n"
	gitlinkSHA = "a94a8fe5ccb19ba61c4c0873d391e987982fbbd3"
)

// bigCSV is text just over the 1 MiB content limit.
func bigCSV() string {
	var sb strings.Builder
	sb.WriteString("city,country,population\n")
	for i := 0; sb.Len() <= 1<<20; i++ {
		fmt.Fprintf(&sb, "City %d,FR,%d\n", i, 1000+i)
	}
	return sb.String()
}

// The shop fixture: an Express API.
var (
	shopFiles1 = map[string]file{
		"package.json": {content: `{
  "name": "shop",
  "version": "1.0.0",
  "scripts": {"start": "node src/app.js", "test": "jest"},
  "dependencies": {"express": "^4.19.2"},
  "devDependencies": {"jest": "^29.7.0", "supertest": "^7.0.0"}
}
`},
		"src/app.js": {content: "const express = require('express');\n\nconst app = express();\napp.use(express.json());\n\nmodule.exports = app;\n\nif (require.main === module) {\n  app.listen(process.env.PORT || 3000);\n}\n"},
		".gitignore": {content: "node_modules/\ncoverage/\n.env\n"},
		"README.md":  {content: "# shop\n\nAn Express API for a small shop.\n"},
	}
	shopFiles2 = map[string]file{
		"src/routes/products.js": {content: "const { Router } = require('express');\n\nconst router = Router();\nconst products = [{ id: 1, name: 'Mug', price: 9.5 }];\n\nrouter.get('/', (req, res) => res.json(products));\n\nmodule.exports = router;\n"},
		"test/products.test.js":  {content: "const request = require('supertest');\nconst app = require('../src/app');\n\ntest('lists products', async () => {\n  const res = await request(app).get('/products');\n  expect(res.status).toBe(200);\n});\n"},
	}
)

// fixtures is the shared set of checkouts, built once for the package.
type fixtures struct {
	root       string
	outer      string // a checkout holding candidates/ and docs/
	candidates string // folder of checkouts, one broken, one empty
	todo       string
	shop       string
	shallow    string // depth-1 clone of todo
	plain      string // a folder with files and no git
	noCommits  string // git init, nothing committed
	todoSHA    map[string]string
	shopSHA    map[string]string
}

var (
	fxOnce sync.Once
	fx     *fixtures
	fxErr  error
	fxRoot string
)

func TestMain(m *testing.M) {
	code := m.Run()
	if fxRoot != "" {
		os.RemoveAll(fxRoot)
	}
	os.Exit(code)
}

func getFixtures(t testing.TB) *fixtures {
	t.Helper()
	fxOnce.Do(func() {
		fxRoot, fxErr = os.MkdirTemp("", "pathway-local-")
		if fxErr != nil {
			return
		}
		// Resolve /tmp symlinks (macOS) so paths compare equal.
		if fxRoot, fxErr = filepath.EvalSymlinks(fxRoot); fxErr != nil {
			return
		}
		fx, fxErr = buildFixtures(fxRoot)
	})
	if fxErr != nil {
		t.Fatalf("building fixtures: %v", fxErr)
	}
	return fx
}

func buildFixtures(root string) (*fixtures, error) {
	b := &builder{}
	f := &fixtures{
		root:       root,
		outer:      filepath.Join(root, "outer"),
		candidates: filepath.Join(root, "outer", "candidates"),
		shallow:    filepath.Join(root, "shallow-todo"),
		plain:      filepath.Join(root, "plain"),
		noCommits:  filepath.Join(root, "nocommits"),
		todoSHA:    map[string]string{},
		shopSHA:    map[string]string{},
	}
	f.todo = filepath.Join(f.candidates, "todo-api")
	f.shop = filepath.Join(f.candidates, "shop")

	// The outer checkout: a broken .git below it must not be read as it.
	b.init(f.outer)
	b.write(f.outer, map[string]file{"README.md": {content: "# coaching\n"}, "docs/cohort.md": {content: "Spring cohort\n"}})
	b.git(f.outer, nil, "add", "README.md", "docs")
	b.git(f.outer, when(grace, "2023-09-01T10:00:00Z", grace, "2023-09-01T10:00:00Z"), "commit", "-q", "-m", "Start cohort notes")

	// todo-api: five commits, a merge from a feature branch, a gitlink.
	d := f.todo
	b.init(d)
	b.git(d, nil, "remote", "add", "origin", "git@github.com:ada-lovelace/todo-api.git")
	f.todoSHA["initial"] = b.commit(d, ada, "2024-01-10T09:00:00+01:00", "Initial Flask app", todoFiles1)
	f.todoSHA["tests"] = b.commit(d, ada, "2024-02-01T10:30:00Z", "Add tests, deploy notes and run script", todoFiles2)
	b.git(d, nil, "checkout", "-q", "-b", "feature/patch")
	f.todoSHA["patch"] = b.commit(d, grace, "2024-03-05T14:00:00-05:00", "Add PATCH /todos/<id>", map[string]file{"app.py": {content: todoAppV2}})
	b.git(d, nil, "checkout", "-q", "main")
	b.git(d, when(ada, "2024-03-06T08:00:00Z", github, "2024-03-06T08:00:00Z"), "merge", "-q", "--no-ff", "-m", "Merge pull request #1 from grace/feature/patch\n\nAdd PATCH endpoint", "feature/patch")
	f.todoSHA["merge"] = b.git(d, nil, "rev-parse", "HEAD")
	b.write(d, map[string]file{".gitmodules": {content: gitmodules}})
	b.git(d, nil, "add", ".gitmodules")
	b.git(d, nil, "update-index", "--add", "--cacheinfo", "160000,"+gitlinkSHA+",vendor/flask-ext")
	b.git(d, when(ada, "2024-04-01T12:00:00Z", ada, "2024-04-01T12:00:00Z"), "commit", "-q", "-m", "Vendor flask-ext as a submodule\n\nPinned to v1.2.")
	f.todoSHA["vendor"] = b.git(d, nil, "rev-parse", "HEAD")
	// What lies around uncommitted must never be read.
	b.write(d, map[string]file{
		"build/app.bin":                   {content: "\x00\x01compiled"},
		"__pycache__/app.cpython-312.pyc": {content: "\x00\x00bytecode"},
		".venv/bin/python":                {link: "/usr/bin/python3"},
		"scratch.txt":                     {content: "untracked notes\n"},
		"app.py":                          {content: todoAppV2 + "\n# local experiment, not committed\n"},
	})

	// shop: an Express API, HTTPS remote.
	d = f.shop
	b.init(d)
	b.git(d, nil, "remote", "add", "origin", "https://github.com/ada-lovelace/shop.git")
	f.shopSHA["scaffold"] = b.commit(d, ada, "2024-05-02T08:15:00Z", "Scaffold Express shop API", shopFiles1)
	f.shopSHA["routes"] = b.commit(d, ada, "2024-05-20T17:45:00+02:00", "Add product routes with tests", shopFiles2)
	b.write(d, map[string]file{
		"node_modules/express/index.js": {content: "module.exports = require('./lib/express');\n"},
		".env":                          {content: "DATABASE_URL=postgres://shop:hunter2@localhost/shop\n"},
	})

	// The rest of the candidates folder: broken, empty, plain and hidden.
	b.write(f.candidates, map[string]file{
		"broken/.git/HEAD":   {content: "this is not a ref\n"},
		"broken/app.py":      {content: "print('hi')\n"},
		"notes/interview.md": {content: "# Interview notes\n"},
		".cache/state.json":  {content: "{}\n"},
	})
	b.init(filepath.Join(f.candidates, "empty"))

	// A depth-1 clone, as CI makes them.
	b.git(root, nil, "-c", "protocol.file.allow=always", "clone", "-q", "--depth", "1", "file://"+f.todo, f.shallow)
	b.git(f.shallow, nil, "remote", "set-url", "origin", "https://github.com/ada-lovelace/todo-api.git")

	b.write(f.plain, map[string]file{"index.js": {content: "console.log('hi')\n"}})
	b.init(f.noCommits)
	if b.err != nil {
		return nil, b.err
	}
	return f, nil
}
