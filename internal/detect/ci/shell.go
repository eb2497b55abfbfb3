package ci

import (
	"path"
	"regexp"
	"sort"
	"strings"

	"github.com/pathway-dev/pathway/internal/facts"
	"github.com/pathway-dev/pathway/internal/snapshot"
)

// command is one shell script as a CI step runs it: possibly many lines.
type command struct {
	path string // file the command is written in
	line int    // line of its first line in that file
	text string
	dir  string // working directory, relative to the repository root
	// lines holds the file's lines, to place each command line exactly.
	lines []string
}

// analyzer decides whether the commands of a repository's CI run tests.
type analyzer struct {
	r         *snapshot.Repo
	tests     []facts.Evidence
	opaque    []facts.Evidence
	skipped   []facts.Evidence
	commented []facts.Evidence
	visited   map[string]bool // scripts, make targets and npm scripts already followed
}

// maxDepth bounds how deep scripts calling scripts are followed.
const maxDepth = 4

func (a *analyzer) ev(p string, line int, text string) facts.Evidence {
	return facts.Evidence{Repo: a.r.Name, Path: p, Line: line, Text: clip(text)}
}

func clip(s string) string {
	s = strings.TrimSpace(s)
	if len(s) > 120 {
		return s[:120] + "…"
	}
	return s
}

// script runs through every logical line of a shell script.
func (a *analyzer) script(c command, depth int) {
	if depth > maxDepth {
		return
	}
	dir := c.dir
	line := c.line
	raw := strings.Split(c.text, "\n")
	for i := 0; i < len(raw); i++ {
		l := raw[i]
		at := a.locate(c, line, l)
		if at > 0 {
			line = at
		}
		// Join continuation lines.
		for strings.HasSuffix(strings.TrimRight(l, " \t"), "\\") && i+1 < len(raw) {
			l = strings.TrimSuffix(strings.TrimRight(l, " \t"), "\\") + " " + strings.TrimSpace(raw[i+1])
			i++
		}
		trimmed := strings.TrimSpace(l)
		if strings.HasPrefix(trimmed, "#") {
			if testish(trimmed[1:]) {
				a.commented = append(a.commented, a.ev(c.path, line, "commented out: "+trimmed))
			}
			continue
		}
		code := stripComment(l)
		for _, seg := range segments(code) {
			dir = a.segment(c, line, seg, dir, depth)
		}
	}
}

// locate finds the file line holding text at or after from; 0 if unknown.
func (a *analyzer) locate(c command, from int, text string) int {
	return findLine(c.lines, from, text)
}

// findLine returns the 1-based line at or after from (and not far past it)
// that holds text, or 0. Block scalars and quoted strings in YAML lose the
// exact position of each command line; searching the file restores it.
func findLine(lines []string, from int, text string) int {
	t := strings.TrimSpace(text)
	if t == "" || from < 1 {
		return 0
	}
	for k := from - 1; k < len(lines) && k < from+200; k++ {
		if strings.Contains(lines[k], t) {
			return k + 1
		}
	}
	return 0
}

// stripComment removes a shell comment: a # at the start of a word,
// outside quotes.
func stripComment(l string) string {
	var q byte
	for i := 0; i < len(l); i++ {
		c := l[i]
		switch {
		case q != 0:
			if c == '\\' && q == '"' {
				i++
			} else if c == q {
				q = 0
			}
		case c == '\'' || c == '"':
			q = c
		case c == '\\':
			i++
		case c == '#' && (i == 0 || l[i-1] == ' ' || l[i-1] == '\t'):
			return l[:i]
		}
	}
	return l
}

// segments splits a command line at &&, ||, ;, | and & outside quotes.
func segments(l string) []string {
	var out []string
	var q byte
	start := 0
	for i := 0; i < len(l); i++ {
		c := l[i]
		switch {
		case q != 0:
			if c == '\\' && q == '"' {
				i++
			} else if c == q {
				q = 0
			}
		case c == '\'' || c == '"':
			q = c
		case c == '\\':
			i++
		case c == ';' || c == '|' || c == '&':
			out = append(out, l[start:i])
			start = i + 1
		}
	}
	out = append(out, l[start:])
	res := out[:0]
	for _, s := range out {
		if s = strings.TrimSpace(s); s != "" {
			res = append(res, s)
		}
	}
	return res
}

var (
	// testCommand matches the commands that run a test suite, wherever
	// they sit in a segment (behind docker compose run, poetry run, ...).
	// "flask test" is the click command cookiecutter-flask apps define to
	// run pytest; without one it fails the build, so it is a test step too.
	testCommand = regexp.MustCompile(`(?:^|[\s/=("'])(?:` + strings.Join([]string{
		`go\s+test\b`, `gotestsum\b`, `ginkgo\b`,
		`py\.?test\b`, `python[\d.]*\s+-m\s+(?:pytest|unittest)\b`, `manage\.py\s+test\b`, `flask\s+test\b`, `(?:tox|nox)(?:\s|$)`, `behave\b`,
		`(?:npm|pnpm|bun|yarn)\s+(?:run\s+|run-script\s+)?test\b`, `npm\s+t(?:\s|$)`, `npx\s+(?:jest|vitest|mocha|ava|tap|playwright\s+test|cypress\s+run)\b`,
		`jest(?:\s|$)`, `vitest\b`, `mocha(?:\s|$)`, `karma\s+start\b`, `ng\s+test\b`, `playwright\s+test\b`, `cypress\s+run\b`,
		`rspec\b`, `rake\s+(?:test|spec)\b`, `rails\s+test\b`, `cucumber\b`,
		`phpunit\b`, `pest(?:\s|$)`, `paratest\b`, `artisan\s+test\b`, `composer\s+(?:run(?:-script)?\s+)?test\b`, `codecept(?:ion)?\s+run\b`,
		`dotnet\s+test\b`, `cargo\s+(?:test|nextest|tarpaulin)\b`, `ctest\b`, `mix\s+test\b`, `flutter\s+test\b`, `deno\s+test\b`,
		`swift\s+test\b`, `lein\s+test\b`, `sbt\s+(?:[^\s]+\s+)*test\b`,
	}, "|") + `)`)
	installCommand = regexp.MustCompile(`^(?:sudo\s+)?(?:pip[\d.]*|uv\s+pip|pipx|poetry|pipenv|npm|yarn|pnpm|bun|gem|bundle|composer|apt(?:-get)?|apk|brew|choco|go|cargo|dotnet)\s+(?:install|add|i|ci|get|require|download|mod|tool|restore|sync|update|upgrade)\b|^python[\d.]*\s+-m\s+pip\b`)
	quietHead      = map[string]bool{"echo": true, "printf": true, "cat": true, "export": true, "set": true, "mkdir": true, "cp": true, "mv": true, "rm": true, "ls": true, "grep": true, "sed": true, "awk": true, "sleep": true, "true": true, "false": true, "exit": true, "chmod": true, "touch": true, "pwd": true, "wait": true, "curl": true, "wget": true, "git": true, "docker": false, "test": true, "[": true, "if": false, "then": false, "fi": true, "else": true, "do": false, "done": true}
	envAssign      = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]*=\S*\s+`)
	skipTests      = regexp.MustCompile(`-DskipTests\b|-Dmaven\.test\.skip=true|-DskipUTs\b|(?:^|\s)-x\s+:?(?:\w+:)*test\b`)
	mavenHead      = regexp.MustCompile(`(?:^|[\s/])(?:mvn|mvnw)(?:\.cmd)?(?:\s|$)`)
	gradleHead     = regexp.MustCompile(`(?:^|[\s/])(?:gradle|gradlew)(?:\.bat)?(?:\s|$)`)
	mavenGoals     = map[string]bool{"test": true, "verify": true, "package": true, "install": true, "deploy": true, "integration-test": true, "surefire:test": true, "failsafe:integration-test": true}
	gradleTasks    = regexp.MustCompile(`^(?:\w*:)*(?:test|build|check|\w+Test|connectedCheck|testDebugUnitTest)$`)
	makeHead       = regexp.MustCompile(`^(?:\$\(MAKE\)|\$\{MAKE\}|g?make)(?:\s|$)`)
	npmRun         = regexp.MustCompile(`^(?:npm|pnpm|bun)\s+(?:run|run-script)\s+([\w:.@/-]+)|^yarn\s+(?:run\s+)?([\w:.@/-]+)|^pnpm\s+([\w:.@/-]+)`)
	rakeBare       = regexp.MustCompile(`(?:^|\s)rake(?:\s+default)?$`)
	scriptHead     = regexp.MustCompile(`^(?:(?:bash|sh|zsh|source|\.)\s+(?:-\w+\s+)*)?((?:\./|\.\./|[\w.-]+/)[\w./-]*|[\w.-]+\.(?:sh|bash))(?:\s|$)`)
	dotnetRun      = regexp.MustCompile(`^dotnet\s+run\s+(?:\S+\s+)*?(?:--project|-p)[\s=]+["']?([^\s"']+)`)
	dotnetTest     = regexp.MustCompile(`DotNet(?:Core)?Test\s*\(|"dotnet\s+test\b|"dotnet"\s*,\s*\$?@?"test\b`)
	envRunner      = regexp.MustCompile(`^(?:(?:poetry|pipenv|uv|pdm|hatch|rye)\s+run|bundle\s+exec)\s+(?:--\s+)?`)
	pythonScript   = regexp.MustCompile(`^python[\d.]*\s+([\w./-]+\.py)\b`)
)

// yarnBuiltins are yarn commands that are not package.json scripts.
var yarnBuiltins = map[string]bool{"install": true, "add": true, "remove": true, "upgrade": true, "global": true, "cache": true, "config": true, "init": true, "set": true, "dlx": true, "workspaces": true, "workspace": true, "why": true, "audit": true, "link": true, "pack": true, "publish": true, "exec": true, "version": true, "info": true, "list": true, "outdated": true, "import": true, "plugin": true}

// testish reports whether a comment's text is a test command.
func testish(s string) bool {
	s = strings.TrimSpace(s)
	s = strings.TrimPrefix(s, "- ")
	s = strings.TrimPrefix(strings.TrimPrefix(s, "run:"), "script:")
	s = strings.TrimSpace(strings.TrimPrefix(s, "-"))
	for _, seg := range segments(stripComment(s)) {
		if testCommand.MatchString(seg) && !installCommand.MatchString(seg) {
			return true
		}
	}
	return false
}

// segment classifies one simple command and returns the working directory
// that follows it.
func (a *analyzer) segment(c command, line int, seg, dir string, depth int) string {
	for envAssign.MatchString(seg) {
		seg = envAssign.ReplaceAllString(seg, "")
	}
	seg = strings.TrimPrefix(strings.TrimPrefix(seg, "time "), "sudo ")
	head, rest, _ := strings.Cut(seg, " ")
	rest = strings.TrimSpace(rest)
	switch {
	case head == "cd" || head == "pushd":
		target := strings.Trim(rest, `"'`)
		if target == "" || strings.HasPrefix(target, "$") || strings.HasPrefix(target, "~") || strings.HasPrefix(target, "/") {
			return dir
		}
		return path.Clean(path.Join(dir, target))
	case quietHead[head]:
		return dir
	case installCommand.MatchString(seg):
		return dir
	}
	if mavenHead.MatchString(seg) || gradleHead.MatchString(seg) {
		a.build(c, line, seg)
		return dir
	}
	if makeHead.MatchString(seg) {
		a.make(c, line, seg, dir, depth)
		return dir
	}
	if m := npmRun.FindStringSubmatch(seg); m != nil {
		name := m[1] + m[2] + m[3]
		if !(strings.HasPrefix(seg, "yarn") && yarnBuiltins[name]) && !strings.HasPrefix(name, "-") && !testWord(name) {
			a.npm(c, line, seg, name, dir, depth)
			return dir
		}
	}
	if m := dotnetRun.FindStringSubmatch(seg); m != nil {
		a.dotnetBuild(c, line, seg, m[1], dir)
		return dir
	}
	if testCommand.MatchString(seg) {
		if strings.Contains(seg, "npm") || strings.Contains(seg, "yarn") || strings.Contains(seg, "pnpm") {
			if a.defaultNpmTest(dir) {
				a.skipped = append(a.skipped, a.ev(c.path, line, seg+" (package.json has no test script: npm's default stub)"))
				return dir
			}
		}
		a.tests = append(a.tests, a.ev(c.path, line, seg))
		return dir
	}
	if rakeBare.MatchString(seg) {
		a.rake(c, line, seg, dir)
		return dir
	}
	// "poetry run ./scripts/test" runs the script inside the environment.
	bare := envRunner.ReplaceAllString(seg, "")
	if m := pythonScript.FindStringSubmatch(bare); m != nil {
		if strings.Contains(strings.ToLower(path.Base(m[1])), "test") {
			a.tests = append(a.tests, a.ev(c.path, line, seg))
		}
		return dir
	}
	if m := scriptHead.FindStringSubmatch(bare); m != nil {
		a.runScript(c, line, seg, m[1], dir, depth)
	}
	return dir
}

func testWord(name string) bool {
	return name == "test" || strings.HasPrefix(name, "test:") || strings.HasPrefix(name, "test-") || strings.HasPrefix(name, "test_")
}

// build decides Maven and Gradle invocations by their goals or tasks:
// package/install/verify run surefire, build/check run test, unless tests
// are skipped.
func (a *analyzer) build(c command, line int, seg string) {
	if skipTests.MatchString(seg) {
		a.skipped = append(a.skipped, a.ev(c.path, line, seg+" (tests skipped)"))
		return
	}
	gradle := gradleHead.MatchString(seg)
	for _, tok := range strings.Fields(seg) {
		if strings.HasPrefix(tok, "-") {
			continue
		}
		if (!gradle && mavenGoals[tok]) || (gradle && gradleTasks.MatchString(tok)) {
			a.tests = append(a.tests, a.ev(c.path, line, seg))
			return
		}
	}
}

// readable returns a repository file's content, whether the file exists and
// whether its content is known.
func (a *analyzer) readable(p string) (b []byte, exists, known bool) {
	if !a.r.Has(p) {
		return nil, false, false
	}
	b, err := a.r.Read(p)
	return b, true, err == nil
}

// runScript follows a repository script a step calls. A script that is
// missing or not fetched leaves the answer unknown, unless its name says
// it runs tests (scripts/test.sh, bin/run-tests).
func (a *analyzer) runScript(c command, line int, seg, p, dir string, depth int) {
	p = strings.TrimPrefix(path.Clean(path.Join(dir, p)), "/")
	if a.visited["script:"+p] {
		return
	}
	a.visited["script:"+p] = true
	b, exists, known := a.readable(p)
	if !known {
		if strings.Contains(strings.ToLower(path.Base(p)), "test") {
			a.tests = append(a.tests, a.ev(c.path, line, seg))
			return
		}
		why := "script not in the tree"
		if exists {
			why = "script content not fetched"
		}
		a.opaque = append(a.opaque, a.ev(c.path, line, seg+" ("+why+")"))
		return
	}
	if !textual(b) {
		a.opaque = append(a.opaque, a.ev(c.path, line, seg+" (not a shell script)"))
		return
	}
	a.script(command{path: p, line: 1, text: string(b), dir: dir, lines: strings.Split(string(b), "\n")}, depth+1)
}

// maxBuildFiles bounds the C# files of a build project read.
const maxBuildFiles = 20

// dotnetBuild follows "dotnet run --project build/build.csproj": a build
// program (Bullseye with SimpleExec, Nuke, Cake Frosting) whose C# code runs
// "dotnet test" (aspnetcore-realworld). Its files unread leave the answer
// unknown; read without a test invocation, it runs no tests.
func (a *analyzer) dotnetBuild(c command, line int, seg, project, dir string) {
	project = strings.TrimPrefix(path.Clean(path.Join(dir, project)), "/")
	projDir := project
	if strings.HasSuffix(strings.ToLower(project), "proj") {
		projDir = path.Dir(project)
	}
	if a.visited["dotnet:"+projDir] {
		return
	}
	a.visited["dotnet:"+projDir] = true
	prefix := projDir + "/"
	if projDir == "." {
		prefix = ""
	}
	files := a.r.Files
	i := sort.Search(len(files), func(i int) bool { return files[i].Path >= prefix })
	read, unread := 0, 0
	for ; i < len(files) && strings.HasPrefix(files[i].Path, prefix) && read < maxBuildFiles; i++ {
		p := files[i].Path
		if !strings.HasSuffix(p, ".cs") || anyDirIn(p[len(prefix):], "bin", "obj") {
			continue
		}
		b, err := a.r.Read(p)
		if err != nil {
			unread++
			continue
		}
		read++
		if loc := dotnetTest.FindIndex(b); loc != nil {
			n := strings.Count(string(b[:loc[0]]), "\n")
			a.tests = append(a.tests, a.ev(p, n+1, strings.Split(string(b), "\n")[n]))
			return
		}
	}
	if read == 0 || unread > 0 {
		why := "build project not in the tree"
		if read+unread > 0 {
			why = "build project content not fetched"
		}
		a.opaque = append(a.opaque, a.ev(c.path, line, seg+" ("+why+")"))
	}
}

// anyDirIn reports whether a directory of p is one of names.
func anyDirIn(p string, names ...string) bool {
	for _, d := range strings.Split(path.Dir(p), "/") {
		for _, n := range names {
			if d == n {
				return true
			}
		}
	}
	return false
}

func textual(b []byte) bool {
	for _, c := range b[:min(len(b), 512)] {
		if c == 0 {
			return false
		}
	}
	return true
}

var (
	makeRule  = regexp.MustCompile(`(?m)^([A-Za-z0-9_./-][^:=\s]*(?:\s+[^:=\s]+)*)\s*::?(?:[^=]|$)(.*)$`)
	makeFirst = regexp.MustCompile(`(?m)^([A-Za-z0-9_][^:=\s#]*)\s*::?(?:[^=]|$)`)
)

// make follows make targets through the Makefile: test and check run tests
// by convention; other targets are read.
func (a *analyzer) make(c command, line int, seg, dir string, depth int) {
	fields := strings.Fields(seg)[1:]
	var targets []string
	for i := 0; i < len(fields); i++ {
		f := fields[i]
		switch {
		case f == "-C" && i+1 < len(fields):
			dir = path.Join(dir, fields[i+1])
			i++
		case f == "-f" && i+1 < len(fields):
			i++
		case strings.HasPrefix(f, "-"), strings.Contains(f, "="):
		default:
			targets = append(targets, f)
		}
	}
	for _, t := range targets {
		if t == "test" || t == "check" || strings.HasPrefix(t, "test") {
			a.tests = append(a.tests, a.ev(c.path, line, seg))
			return
		}
	}
	mf := strings.TrimPrefix(path.Join(dir, "Makefile"), "./")
	b, exists, known := a.readable(mf)
	if !known {
		why := "no Makefile in the tree"
		if exists {
			why = "Makefile not fetched"
		}
		a.opaque = append(a.opaque, a.ev(c.path, line, seg+" ("+why+")"))
		return
	}
	if len(targets) == 0 {
		if m := makeFirst.FindSubmatch(b); m != nil {
			targets = []string{string(m[1])}
		}
	}
	for _, t := range targets {
		a.makeTarget(mf, string(b), t, dir, depth+1, seg, c, line)
	}
}

// makeTarget reads one target's prerequisites and recipe.
func (a *analyzer) makeTarget(mf, src, target, dir string, depth int, seg string, c command, line int) {
	key := "make:" + mf + ":" + target
	if depth > maxDepth || a.visited[key] {
		return
	}
	a.visited[key] = true
	lines := strings.Split(src, "\n")
	for i, l := range lines {
		m := makeRule.FindStringSubmatch(l)
		if m == nil || !containsField(m[1], target) {
			continue
		}
		for _, pre := range strings.Fields(stripComment(m[2])) {
			if pre == "test" || pre == "check" || strings.HasPrefix(pre, "test") {
				a.tests = append(a.tests, a.ev(mf, i+1, target+": "+pre))
				continue
			}
			a.makeTarget(mf, src, pre, dir, depth+1, seg, c, line)
		}
		var recipe []string
		for j := i + 1; j < len(lines) && strings.HasPrefix(lines[j], "\t"); j++ {
			recipe = append(recipe, strings.TrimLeft(strings.TrimPrefix(lines[j], "\t"), "@-+"))
		}
		a.script(command{path: mf, line: i + 2, text: strings.Join(recipe, "\n"), dir: dir, lines: lines}, depth)
		return
	}
	a.opaque = append(a.opaque, a.ev(c.path, line, seg+" (target "+target+" not found in "+mf+")"))
}

func containsField(s, f string) bool {
	for _, x := range strings.Fields(s) {
		if x == f {
			return true
		}
	}
	return false
}

// npm follows `npm run <name>` into package.json's scripts.
func (a *analyzer) npm(c command, line int, seg, name, dir string, depth int) {
	pj := strings.TrimPrefix(path.Join(dir, "package.json"), "./")
	key := "npm:" + pj + ":" + name
	if a.visited[key] {
		return
	}
	a.visited[key] = true
	scripts, ok := a.scripts(pj)
	if !ok {
		a.opaque = append(a.opaque, a.ev(c.path, line, seg+" (package.json not readable)"))
		return
	}
	s, found := scripts[name]
	if !found {
		return
	}
	b, _ := a.r.Read(pj)
	all := strings.Split(string(b), "\n")
	at := 0
	for k, l := range all {
		if strings.Contains(l, `"`+name+`"`) {
			at = k + 1
			break
		}
	}
	a.script(command{path: pj, line: at, text: s, dir: dir}, depth+1)
}

// defaultNpmTest reports whether dir's package.json still has npm init's
// `echo "Error: no test specified" && exit 1` as its test script.
func (a *analyzer) defaultNpmTest(dir string) bool {
	scripts, ok := a.scripts(strings.TrimPrefix(path.Join(dir, "package.json"), "./"))
	return ok && strings.Contains(scripts["test"], "no test specified")
}

var (
	railsTasks  = regexp.MustCompile(`Rails\.application\.load_tasks`)
	defaultTask = regexp.MustCompile(`task\s+(?:default:|:default\s*=>)\s*[^\n]*\b(?:spec|test)\b`)
)

// rake decides a bare `rake`: the default task runs the tests in Rails
// applications and when the Rakefile says so.
func (a *analyzer) rake(c command, line int, seg, dir string) {
	rf := strings.TrimPrefix(path.Join(dir, "Rakefile"), "./")
	b, _, known := a.readable(rf)
	if !known {
		a.opaque = append(a.opaque, a.ev(c.path, line, seg+" (Rakefile not readable)"))
		return
	}
	if railsTasks.Match(b) || defaultTask.Match(b) {
		a.tests = append(a.tests, a.ev(c.path, line, seg))
	}
}
