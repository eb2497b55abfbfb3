package ci

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"path"
	"regexp"
	"strings"

	"gopkg.in/yaml.v3"
)

// parseYAML decodes every document of a YAML stream. yaml.v3 reports
// errors rather than panicking, but a CI file is untrusted input: a panic
// becomes an error too.
func parseYAML(b []byte) (docs []*yaml.Node, err error) {
	defer func() {
		if p := recover(); p != nil {
			docs, err = nil, fmt.Errorf("yaml parser failed: %v", p)
		}
	}()
	dec := yaml.NewDecoder(bytes.NewReader(b))
	for len(docs) < 64 {
		var n yaml.Node
		if err := dec.Decode(&n); err != nil {
			if errors.Is(err, io.EOF) {
				break
			}
			return nil, err
		}
		if len(n.Content) > 0 {
			docs = append(docs, n.Content[0])
		}
	}
	visits := 0
	for _, d := range docs {
		if !bounded(d, 0, &visits) {
			return nil, errors.New("document too deep or too many alias expansions")
		}
	}
	return docs, nil
}

// maxVisits bounds the nodes of a document counted with its aliases
// expanded. The walks below follow aliases, so a small file of nested
// aliases (a "billion laughs") or an alias cycle would otherwise cost
// exponential time or never end.
const maxVisits = 200_000

func bounded(n *yaml.Node, depth int, visits *int) bool {
	*visits++
	if n == nil {
		return true
	}
	if depth > 64 || *visits > maxVisits {
		return false
	}
	if n.Kind == yaml.AliasNode {
		return bounded(n.Alias, depth+1, visits)
	}
	for _, c := range n.Content {
		if !bounded(c, depth+1, visits) {
			return false
		}
	}
	return true
}

// deref follows aliases (<<: *defaults and friends).
func deref(n *yaml.Node) *yaml.Node {
	for k := 0; n != nil && n.Kind == yaml.AliasNode && k < 16; k++ {
		n = n.Alias
	}
	return n
}

// get returns the value of key in mapping n, or nil.
func get(n *yaml.Node, key string) *yaml.Node {
	n = deref(n)
	if n == nil || n.Kind != yaml.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == key {
			return deref(n.Content[i+1])
		}
	}
	return nil
}

// pairs returns the key/value pairs of mapping n, merged keys included.
func pairs(n *yaml.Node) [][2]*yaml.Node {
	n = deref(n)
	if n == nil || n.Kind != yaml.MappingNode {
		return nil
	}
	var out [][2]*yaml.Node
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], deref(n.Content[i+1])
		if k.Value == "<<" && k.Tag == "!!merge" {
			if v != nil && v.Kind == yaml.SequenceNode {
				for _, m := range v.Content {
					out = append(out, pairs(m)...)
				}
			} else {
				out = append(out, pairs(v)...)
			}
			continue
		}
		out = append(out, [2]*yaml.Node{k, v})
	}
	return out
}

// items returns the elements of sequence n.
func items(n *yaml.Node) []*yaml.Node {
	n = deref(n)
	if n == nil || n.Kind != yaml.SequenceNode {
		return nil
	}
	out := make([]*yaml.Node, 0, len(n.Content))
	for _, c := range n.Content {
		out = append(out, deref(c))
	}
	return out
}

// scalars flattens a scalar or (nested) sequence of scalars, as GitLab's
// script: accepts.
func scalars(n *yaml.Node, depth int) []*yaml.Node {
	n = deref(n)
	if n == nil || depth > 8 {
		return nil
	}
	switch n.Kind {
	case yaml.ScalarNode:
		if n.Tag == "!!null" {
			return nil
		}
		return []*yaml.Node{n}
	case yaml.SequenceNode:
		var out []*yaml.Node
		for _, c := range n.Content {
			out = append(out, scalars(c, depth+1)...)
		}
		return out
	}
	return nil
}

// disabled reports whether an `if:` condition is literally false.
func disabled(n *yaml.Node) bool {
	cond := get(n, "if")
	if cond == nil || cond.Kind != yaml.ScalarNode {
		return false
	}
	v := strings.TrimSpace(cond.Value)
	v = strings.TrimSpace(strings.TrimSuffix(strings.TrimPrefix(v, "${{"), "}}"))
	return v == "false" || v == "0"
}

func cmd(p string, n *yaml.Node, dir string) command {
	return command{path: p, line: n.Line, text: n.Value, dir: dir}
}

// extract returns the shell commands of one CI document, and records
// well-known test actions, orbs and tasks as test evidence, and remote
// templates as opaque.
func extract(prov, p string, doc *yaml.Node, a *analyzer) []command {
	switch prov {
	case "github-actions":
		return githubCommands(p, doc, a)
	case "gitlab-ci":
		return gitlabCommands(p, doc, a, 0)
	case "circleci":
		return circleCommands(p, doc, a)
	case "travis":
		return travisCommands(p, doc, a)
	case "azure-pipelines":
		return azureCommands(p, doc, a, 0)
	case "bitbucket":
		return keyCommands(p, doc, map[string]bool{"script": true, "after-script": true}, 0)
	case "drone":
		return keyCommands(p, doc, map[string]bool{"commands": true}, 0)
	}
	return nil
}

// keyCommands collects the scalars under the given keys anywhere in n.
func keyCommands(p string, n *yaml.Node, keys map[string]bool, depth int) []command {
	n = deref(n)
	if n == nil || depth > 32 {
		return nil
	}
	var out []command
	switch n.Kind {
	case yaml.MappingNode:
		for _, kv := range pairs(n) {
			if keys[kv[0].Value] {
				for _, s := range scalars(kv[1], 0) {
					out = append(out, cmd(p, s, ""))
				}
				continue
			}
			out = append(out, keyCommands(p, kv[1], keys, depth+1)...)
		}
	case yaml.SequenceNode:
		for _, c := range n.Content {
			out = append(out, keyCommands(p, c, keys, depth+1)...)
		}
	}
	return out
}

// testActions are GitHub Actions that run a test suite themselves.
var testActions = regexp.MustCompile(`^(?:cypress-io/github-action|php-actions/phpunit|ArtiomTr/jest-coverage-report-action|mattallty/jest-github-action|paambaati/codeclimate-action|dart-lang/setup-dart/test|robherley/go-test-action|pavelzw/pytest-action)@`)

// wrapperActions run the command given in their inputs.
var wrapperActions = regexp.MustCompile(`^(?:nick-fields/retry|GabrielBB/xvfb-action|coactions/setup-xvfb|Wandalen/wretry\.action|addnab/docker-run-action|gradle/gradle-build-action|gradle/actions/setup-gradle)@`)

func githubCommands(p string, doc *yaml.Node, a *analyzer) []command {
	var out []command
	wfDir := workingDir(get(doc, "defaults"))
	for _, job := range pairs(get(doc, "jobs")) {
		j := job[1]
		if disabled(j) {
			continue
		}
		if u := get(j, "uses"); u != nil && u.Kind == yaml.ScalarNode {
			if !strings.HasPrefix(u.Value, "./") {
				a.opaque = append(a.opaque, a.ev(p, u.Line, "calls reusable workflow "+u.Value))
			}
			// Local reusable workflows are analysed as workflow files.
			continue
		}
		jobDir := workingDir(get(j, "defaults"))
		if jobDir == "" {
			jobDir = wfDir
		}
		for _, step := range items(get(j, "steps")) {
			if disabled(step) {
				continue
			}
			dir := jobDir
			if wd := get(step, "working-directory"); wd != nil && wd.Kind == yaml.ScalarNode {
				dir = cleanDir(wd.Value)
			}
			if run := get(step, "run"); run != nil && run.Kind == yaml.ScalarNode {
				out = append(out, cmd(p, run, dir))
			}
			u := get(step, "uses")
			if u == nil || u.Kind != yaml.ScalarNode {
				continue
			}
			switch {
			case testActions.MatchString(u.Value):
				a.tests = append(a.tests, a.ev(p, u.Line, "uses: "+u.Value))
			case wrapperActions.MatchString(u.Value):
				with := get(step, "with")
				for _, k := range []string{"command", "run", "arguments"} {
					v := get(with, k)
					if v == nil || v.Kind != yaml.ScalarNode {
						continue
					}
					c := cmd(p, v, dir)
					if k == "arguments" {
						c.text = "gradle " + c.text
					}
					out = append(out, c)
				}
			}
		}
	}
	return out
}

func workingDir(defaults *yaml.Node) string {
	if wd := get(get(defaults, "run"), "working-directory"); wd != nil && wd.Kind == yaml.ScalarNode {
		return cleanDir(wd.Value)
	}
	return ""
}

func cleanDir(d string) string {
	if strings.Contains(d, "${") || strings.HasPrefix(d, "/") || strings.HasPrefix(d, "~") {
		return ""
	}
	d = path.Clean(d)
	if d == "." {
		return ""
	}
	return d
}

// gitlabReserved are top-level keys of .gitlab-ci.yml that are not jobs.
var gitlabReserved = map[string]bool{"stages": true, "variables": true, "include": true, "workflow": true, "cache": true, "image": true, "services": true}

func gitlabCommands(p string, doc *yaml.Node, a *analyzer, depth int) []command {
	var out []command
	keys := map[string]bool{"script": true, "before_script": true, "after_script": true}
	for _, kv := range pairs(doc) {
		k := kv[0].Value
		switch {
		case k == "include":
			out = append(out, a.gitlabInclude(p, kv[1], depth)...)
		case k == "before_script" || k == "after_script":
			for _, s := range scalars(kv[1], 0) {
				out = append(out, cmd(p, s, ""))
			}
		case gitlabReserved[k]:
		default:
			if inc := get(get(kv[1], "trigger"), "include"); inc != nil {
				out = append(out, a.gitlabInclude(p, inc, depth)...)
			}
			out = append(out, keyCommands(p, kv[1], keys, 0)...)
		}
	}
	return out
}

// gitlabInclude analyses local includes and treats the rest (templates,
// other projects, remote URLs) as opaque.
func (a *analyzer) gitlabInclude(p string, inc *yaml.Node, depth int) []command {
	var entries []*yaml.Node
	if inc.Kind == yaml.SequenceNode {
		entries = items(inc)
	} else {
		entries = []*yaml.Node{inc}
	}
	var out []command
	for _, e := range entries {
		local := ""
		switch {
		case e.Kind == yaml.ScalarNode && !strings.Contains(e.Value, "://"):
			local = e.Value
		case get(e, "local") != nil:
			local = get(e, "local").Value
		default:
			what := e.Value
			for _, k := range []string{"template", "project", "remote", "component"} {
				if v := get(e, k); v != nil {
					what = k + " " + v.Value
				}
			}
			a.opaque = append(a.opaque, a.ev(p, e.Line, "includes "+what))
			continue
		}
		local = strings.TrimPrefix(path.Clean("/"+local), "/")
		if depth > 3 || a.visited["include:"+local] {
			continue
		}
		a.visited["include:"+local] = true
		b, _, known := a.readable(local)
		if !known {
			a.opaque = append(a.opaque, a.ev(p, e.Line, "includes "+local+" (not readable)"))
			continue
		}
		docs, err := parseYAML(b)
		if err != nil {
			a.opaque = append(a.opaque, a.ev(local, 0, "could not parse YAML: "+err.Error()))
			continue
		}
		lines := strings.Split(string(b), "\n")
		for _, d := range docs {
			for _, c := range gitlabCommands(local, d, a, depth+1) {
				c.lines = lines
				out = append(out, c)
			}
		}
	}
	return out
}

func circleCommands(p string, doc *yaml.Node, a *analyzer) []command {
	var out []command
	for _, job := range pairs(get(doc, "jobs")) {
		for _, step := range items(get(job[1], "steps")) {
			if step.Kind == yaml.ScalarNode {
				a.orb(p, step)
				continue
			}
			for _, kv := range pairs(step) {
				if kv[0].Value != "run" {
					a.orb(p, kv[0])
					continue
				}
				run := kv[1]
				if run.Kind == yaml.MappingNode {
					run = get(run, "command")
				}
				if run != nil && run.Kind == yaml.ScalarNode {
					out = append(out, cmd(p, run, ""))
				}
			}
		}
	}
	for _, wf := range pairs(get(doc, "workflows")) {
		for _, j := range items(get(wf[1], "jobs")) {
			if j.Kind == yaml.ScalarNode {
				a.orb(p, j)
			}
			for _, kv := range pairs(j) {
				a.orb(p, kv[0])
			}
		}
	}
	return out
}

// orb counts orb jobs and commands named for tests (node/test,
// python/test, ruby/rspec-test).
func (a *analyzer) orb(p string, n *yaml.Node) {
	_, name, ok := strings.Cut(n.Value, "/")
	if ok && (strings.Contains(name, "test") || strings.Contains(name, "rspec")) {
		a.tests = append(a.tests, a.ev(p, n.Line, "orb "+n.Value))
	}
}

// travisDefaults are the scripts Travis runs when .travis.yml sets none.
var travisDefaults = map[string]string{
	"node_js": "npm test", "java": "mvn test", "php": "phpunit", "rust": "cargo test", "go": "go test ./...",
	"ruby": "rake", "elixir": "mix test", "csharp": "", "python": "",
}

func travisCommands(p string, doc *yaml.Node, a *analyzer) []command {
	keys := map[string]bool{"script": true, "before_script": true, "install": true, "before_install": true, "after_script": true, "after_success": true}
	out := keyCommands(p, doc, keys, 0)
	if hasKey(doc, "script", 0) {
		return out
	}
	if lang := get(doc, "language"); lang != nil && lang.Kind == yaml.ScalarNode {
		if s := travisDefaults[lang.Value]; s != "" {
			out = append(out, command{path: p, line: lang.Line, text: s})
		}
	}
	return out
}

func hasKey(n *yaml.Node, key string, depth int) bool {
	n = deref(n)
	if n == nil || depth > 16 {
		return false
	}
	for _, kv := range pairs(n) {
		if kv[0].Value == key || hasKey(kv[1], key, depth+1) {
			return true
		}
	}
	for _, c := range items(n) {
		if hasKey(c, key, depth+1) {
			return true
		}
	}
	return false
}

// azureTasks maps Azure Pipelines tasks to how they run tests.
func (a *analyzer) azureTask(p string, step *yaml.Node) []command {
	task := get(step, "task")
	if task == nil || task.Kind != yaml.ScalarNode {
		return nil
	}
	name, _, _ := strings.Cut(task.Value, "@")
	inputs := get(step, "inputs")
	input := func(k, def string) string {
		if v := get(inputs, k); v != nil && v.Kind == yaml.ScalarNode {
			return v.Value
		}
		return def
	}
	switch strings.ToLower(name) {
	case "maven":
		return []command{{path: p, line: task.Line, text: "mvn " + input("goals", "package") + " " + input("options", "")}}
	case "gradle":
		return []command{{path: p, line: task.Line, text: "gradle " + input("tasks", "build") + " " + input("options", "")}}
	case "dotnetcorecli":
		if strings.EqualFold(input("command", "build"), "test") {
			return []command{{path: p, line: task.Line, text: "dotnet test"}}
		}
	case "vstest":
		a.tests = append(a.tests, a.ev(p, task.Line, "task: "+task.Value))
	case "npm":
		switch c := input("command", "install"); c {
		case "custom":
			return []command{{path: p, line: task.Line, text: "npm " + input("customCommand", ""), dir: cleanDir(input("workingDir", ""))}}
		}
	case "bash", "shellscript":
		if f := input("filePath", input("scriptPath", "")); f != "" {
			return []command{{path: p, line: task.Line, text: "bash " + f}}
		}
		return []command{{path: p, line: task.Line, text: input("script", "")}}
	case "cmdline", "powershell":
		return []command{{path: p, line: task.Line, text: input("script", "")}}
	}
	return nil
}

func azureCommands(p string, doc *yaml.Node, a *analyzer, depth int) []command {
	doc = deref(doc)
	if doc == nil || depth > 16 {
		return nil
	}
	var out []command
	switch doc.Kind {
	case yaml.SequenceNode:
		for _, c := range doc.Content {
			out = append(out, azureCommands(p, c, a, depth+1)...)
		}
	case yaml.MappingNode:
		if t := get(doc, "template"); t != nil && t.Kind == yaml.ScalarNode {
			out = append(out, a.azureTemplate(p, t, depth)...)
		}
		out = append(out, a.azureTask(p, doc)...)
		for _, kv := range pairs(doc) {
			switch kv[0].Value {
			case "script", "bash", "pwsh", "powershell":
				if kv[1] != nil && kv[1].Kind == yaml.ScalarNode {
					out = append(out, cmd(p, kv[1], ""))
				}
			case "template", "task", "inputs", "variables", "parameters", "pool", "trigger", "pr", "resources":
			default:
				out = append(out, azureCommands(p, kv[1], a, depth+1)...)
			}
		}
	}
	return out
}

func (a *analyzer) azureTemplate(p string, t *yaml.Node, depth int) []command {
	ref := t.Value
	if strings.Contains(ref, "@") || strings.Contains(ref, "${{") {
		a.opaque = append(a.opaque, a.ev(p, t.Line, "uses template "+ref))
		return nil
	}
	local := strings.TrimPrefix(path.Clean(path.Join(path.Dir(p), ref)), "/")
	if strings.HasPrefix(ref, "/") {
		local = strings.TrimPrefix(path.Clean(ref), "/")
	}
	if a.visited["template:"+local] {
		return nil
	}
	a.visited["template:"+local] = true
	b, _, known := a.readable(local)
	if !known {
		a.opaque = append(a.opaque, a.ev(p, t.Line, "uses template "+ref+" (not readable)"))
		return nil
	}
	docs, err := parseYAML(b)
	if err != nil {
		a.opaque = append(a.opaque, a.ev(local, 0, "could not parse YAML: "+err.Error()))
		return nil
	}
	lines := strings.Split(string(b), "\n")
	var out []command
	for _, d := range docs {
		for _, c := range azureCommands(local, d, a, depth+1) {
			c.lines = lines
			out = append(out, c)
		}
	}
	return out
}
