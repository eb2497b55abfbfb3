package rules

import (
	"errors"
	"fmt"
	"io"
	"math"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"text/template"

	"github.com/expr-lang/expr"
	"github.com/expr-lang/expr/file"
	"github.com/expr-lang/expr/vm"
	"gopkg.in/yaml.v3"

	"github.com/pathway-dev/pathway/internal/detect/stack"
	"github.com/pathway-dev/pathway/internal/detect/tests"
	"github.com/pathway-dev/pathway/internal/facts"
)

var (
	idRe   = regexp.MustCompile(`^([a-z][a-z0-9-]*)/([a-z0-9][a-z0-9-]*)$`)
	roleRe = regexp.MustCompile(`^[a-z][a-z0-9-]*$`)
	lineRe = regexp.MustCompile(`line (\d+)`)
)

var (
	scopes      = []string{ScopeRepo, ScopePortfolio, ScopeProfile}
	efforts     = []string{"small", "medium", "large"}
	aggregates  = []string{AggBest, AggAll}
	ruleKeys    = []string{"id", "step", "title", "why", "scope", "weight", "when", "requires", "unknown_if", "check", "aggregate", "evidence", "advice", "pass", "fail", "effort", "disabled"}
	patchKeys   = []string{"id", "weight", "disabled"}
	roleKeys    = []string{"name", "title", "description", "languages", "frameworks", "test_frameworks", "step_weights", "rules"}
	roleRuleKey = []string{"weight", "disabled"}
)

// decoder walks a YAML document with positions and collects every error.
type decoder struct {
	file  string
	lines []string
	errs  []error
}

func newDecoder(file string, data []byte) *decoder {
	return &decoder{file: file, lines: strings.Split(string(data), "\n")}
}

func (d *decoder) errAt(line, col int, format string, a ...any) {
	d.errs = append(d.errs, &Error{File: d.file, Line: line, Column: col, Msg: fmt.Sprintf(format, a...)})
}

func (d *decoder) errorf(n *yaml.Node, format string, a ...any) {
	d.errAt(n.Line, n.Column, format, a...)
}

// root parses data and returns its top-level mapping, or nil after
// recording why there is none.
func (d *decoder) root(data []byte) (root *yaml.Node) {
	defer func() {
		// yaml.v3 is not known to panic on bad input any more, but a rule
		// file is user input and a crash would be worse than an error.
		if p := recover(); p != nil {
			d.errAt(1, 1, "cannot parse YAML: %v", p)
			root = nil
		}
	}()
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		line := 1
		if m := lineRe.FindStringSubmatch(err.Error()); m != nil {
			line, _ = strconv.Atoi(m[1])
		}
		d.errAt(line, 1, "invalid YAML: %s", strings.TrimPrefix(err.Error(), "yaml: "))
		return nil
	}
	if doc.Kind == 0 || len(doc.Content) == 0 {
		d.errAt(1, 1, "empty file: expected a mapping with a rules: list")
		return nil
	}
	n := doc.Content[0]
	if n.Kind != yaml.MappingNode {
		d.errorf(n, "expected a mapping at the top of the file")
		return nil
	}
	if !d.noAliases(n) {
		return nil
	}
	return n
}

func (d *decoder) noAliases(n *yaml.Node) bool {
	if n.Kind == yaml.AliasNode || n.Anchor != "" {
		d.errorf(n, "anchors and aliases are not supported in rule files: write the value out")
		return false
	}
	for _, c := range n.Content {
		if !d.noAliases(c) {
			return false
		}
	}
	return true
}

type pair struct{ key, val *yaml.Node }

// pairs returns a mapping's entries, reporting duplicate and unknown keys.
func (d *decoder) pairs(n *yaml.Node, what string, allowed []string) []pair {
	if n.Kind != yaml.MappingNode {
		d.errorf(n, "%s must be a mapping", what)
		return nil
	}
	var out []pair
	seen := map[string]bool{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if k.Kind != yaml.ScalarNode {
			d.errorf(k, "%s: keys must be plain names", what)
			continue
		}
		if seen[k.Value] {
			d.errorf(k, "%s: duplicate key %q", what, k.Value)
			continue
		}
		seen[k.Value] = true
		if allowed != nil && !slices.Contains(allowed, k.Value) {
			d.errorf(k, "%s: unknown key %q (allowed: %s)", what, k.Value, strings.Join(allowed, ", "))
			continue
		}
		out = append(out, pair{k, v})
	}
	return out
}

func (d *decoder) str(n *yaml.Node, what string) (string, bool) {
	if n.Kind != yaml.ScalarNode || n.Tag == "!!null" {
		d.errorf(n, "%s must be a string", what)
		return "", false
	}
	return n.Value, true
}

func (d *decoder) num(n *yaml.Node, what string) (float64, bool) {
	if n.Kind != yaml.ScalarNode || (n.Tag != "!!int" && n.Tag != "!!float") {
		d.errorf(n, "%s must be a number", what)
		return 0, false
	}
	f, err := strconv.ParseFloat(strings.ReplaceAll(n.Value, "_", ""), 64)
	if err != nil || math.IsNaN(f) || math.IsInf(f, 0) {
		d.errorf(n, "%s must be a finite number, not %q", what, n.Value)
		return 0, false
	}
	return f, true
}

func (d *decoder) boolean(n *yaml.Node, what string) (bool, bool) {
	if n.Kind != yaml.ScalarNode || n.Tag != "!!bool" {
		d.errorf(n, "%s must be true or false", what)
		return false, false
	}
	var b bool
	if err := n.Decode(&b); err != nil {
		d.errorf(n, "%s must be true or false", what)
		return false, false
	}
	return b, true
}

func (d *decoder) strs(n *yaml.Node, what string) ([]string, []*yaml.Node, bool) {
	if n.Kind != yaml.SequenceNode {
		d.errorf(n, "%s must be a list", what)
		return nil, nil, false
	}
	var out []string
	var nodes []*yaml.Node
	ok := true
	for _, c := range n.Content {
		s, good := d.str(c, what+" item")
		ok = ok && good
		out = append(out, s)
		nodes = append(nodes, c)
	}
	return out, nodes, ok
}

// knownIDs reports ids the detectors never produce: a role expecting
// "springboot" (not "spring-boot") would fail every candidate silently.
func (d *decoder) knownIDs(ids []string, nodes []*yaml.Node, known []string, what string) {
	for i, id := range ids {
		if !slices.Contains(known, id) {
			d.errorf(nodes[i], "unknown %s id %q (see README: What pathway detects)", what, id)
		}
	}
}

// entry is one item of a rule file: a full rule, or a patch that only
// changes the weight or turns off a rule defined elsewhere.
type entry struct {
	rule   *Rule
	patch  *patch
	idNode *yaml.Node
}

type patch struct {
	ID       string
	Weight   *float64
	Disabled *bool
	Source   string
}

// ruleFile decodes a rule file. known says whether an id is defined
// elsewhere, which lets an entry with only id, weight and disabled be a
// patch.
func (d *decoder) ruleFile(root *yaml.Node, known func(string) bool) []entry {
	var list *yaml.Node
	for _, p := range d.pairs(root, "rule file", []string{"rules"}) {
		list = p.val
	}
	if list == nil {
		d.errorf(root, "rule file needs a rules: list")
		return nil
	}
	if list.Kind != yaml.SequenceNode {
		d.errorf(list, "rules must be a list of rules")
		return nil
	}
	var out []entry
	for _, n := range list.Content {
		if e, ok := d.entry(n, known); ok {
			out = append(out, e)
		}
	}
	return out
}

func (d *decoder) entry(n *yaml.Node, known func(string) bool) (entry, bool) {
	before := len(d.errs)
	ps := d.pairs(n, "rule", ruleKeys)
	if len(d.errs) > before && ps == nil {
		return entry{}, false
	}
	vals := map[string]*yaml.Node{}
	var keys []string
	for _, p := range ps {
		vals[p.key.Value] = p.val
		keys = append(keys, p.key.Value)
	}
	idNode := vals["id"]
	if idNode == nil {
		d.errorf(n, "rule has no id")
		return entry{}, false
	}
	id, ok := d.str(idNode, "id")
	if !ok {
		return entry{}, false
	}
	src := fmt.Sprintf("%s:%d", d.file, n.Line)
	m := idRe.FindStringSubmatch(id)
	if m == nil {
		d.errorf(idNode, "id %q must look like <step>/<name> in lower case, e.g. testing/tests-present", id)
	}
	isPatch := known != nil && known(id)
	for _, k := range keys {
		if !slices.Contains(patchKeys, k) {
			isPatch = false
		}
	}
	if isPatch {
		p := &patch{ID: id, Source: src}
		if v := vals["weight"]; v != nil {
			if w, ok := d.weight(v); ok {
				p.Weight = &w
			}
		}
		if v := vals["disabled"]; v != nil {
			if b, ok := d.boolean(v, "disabled"); ok {
				p.Disabled = &b
			}
		}
		return entry{patch: p, idNode: idNode}, true
	}
	r := &Rule{ID: id, Source: src, Aggregate: AggBest}
	var absent []string
	for _, req := range []string{"step", "title", "why", "scope", "weight", "check", "advice", "effort"} {
		if vals[req] == nil {
			absent = append(absent, req)
		}
	}
	if len(absent) > 0 {
		d.errorf(n, "rule %s: missing %s (a new rule needs them all; an entry with only id, weight and disabled adjusts an existing rule)", id, strings.Join(absent, ", "))
	}
	if v := vals["step"]; v != nil {
		if s, ok := d.str(v, "step"); ok {
			r.Step = s
			if _, known := Step(s); !known {
				d.errorf(v, "unknown step %q (steps: %s)", s, strings.Join(stepIDs(), ", "))
			} else if m != nil && m[1] != s {
				d.errorf(idNode, "id %q must start with its step: %s/%s", id, s, m[2])
			}
		}
	}
	text := func(key string, dst *string) {
		if v := vals[key]; v != nil {
			if s, ok := d.str(v, key); ok {
				if strings.TrimSpace(s) == "" && key != "when" {
					d.errorf(v, "%s is empty", key)
				}
				*dst = s
			}
		}
	}
	text("title", &r.Title)
	text("why", &r.Why)
	if v := vals["scope"]; v != nil {
		if s, ok := d.str(v, "scope"); ok {
			if !slices.Contains(scopes, s) {
				d.errorf(v, "scope %q must be one of %s", s, strings.Join(scopes, ", "))
			}
			r.Scope = s
		}
	}
	if v := vals["weight"]; v != nil {
		r.Weight, _ = d.weight(v)
	}
	if v := vals["effort"]; v != nil {
		if s, ok := d.str(v, "effort"); ok {
			if !slices.Contains(efforts, s) {
				d.errorf(v, "effort %q must be one of %s", s, strings.Join(efforts, ", "))
			}
			r.Effort = s
		}
	}
	if v := vals["aggregate"]; v != nil {
		if s, ok := d.str(v, "aggregate"); ok {
			if !slices.Contains(aggregates, s) {
				d.errorf(v, "aggregate %q must be one of %s", s, strings.Join(aggregates, ", "))
			} else if r.Scope != ScopeRepo {
				d.errorf(v, "aggregate applies to repo rules only")
			}
			r.Aggregate = s
		}
	}
	if v := vals["disabled"]; v != nil {
		r.Disabled, _ = d.boolean(v, "disabled")
	}
	if v := vals["requires"]; v != nil {
		reqs, nodes, _ := d.strs(v, "requires")
		for i, s := range reqs {
			if !slices.Contains(requirements, s) {
				d.errorf(nodes[i], "requires: unknown data %q (known: %s)", s, strings.Join(requirements, ", "))
			}
		}
		r.Requires = reqs
	}
	env := envFor(r.Scope)
	if v := vals["when"]; v != nil {
		if s, ok := d.str(v, "when"); ok && strings.TrimSpace(s) != "" {
			r.When = s
			r.when = d.compile(v, s, env, "when", boolKinds)
		}
	}
	if v := vals["unknown_if"]; v != nil {
		if s, ok := d.str(v, "unknown_if"); ok {
			r.UnknownIf = s
			r.unknownIf = d.compile(v, s, env, "unknown_if", boolKinds)
		}
	}
	if v := vals["evidence"]; v != nil {
		if s, ok := d.str(v, "evidence"); ok {
			r.Evidence = s
			r.evidence = d.compile(v, s, env, "evidence", nil)
		}
	}
	if v := vals["check"]; v != nil {
		d.check(v, r, env)
	}
	tmpl := func(key string, dst *string, t **template.Template) {
		if v := vals[key]; v != nil {
			if s, ok := d.str(v, key); ok {
				*dst = s
				*t = d.template(v, id+" "+key, s)
			}
		}
	}
	tmpl("advice", &r.Advice, &r.advice)
	tmpl("pass", &r.Pass, &r.pass)
	tmpl("fail", &r.Fail, &r.fail)
	// An entry with errors is still returned, so that duplicates of it are
	// reported too; any error fails the load anyway.
	return entry{rule: r, idNode: idNode}, true
}

func (d *decoder) weight(v *yaml.Node) (float64, bool) {
	w, ok := d.num(v, "weight")
	if ok && (w <= 0 || w > 100) {
		d.errorf(v, "weight %v must be above 0 and at most 100 (use disabled: true to turn a rule off)", w)
		return 0, false
	}
	return w, ok
}

func (d *decoder) check(n *yaml.Node, r *Rule, env any) {
	ps := d.pairs(n, "check", []string{"files", "content", "expr"})
	if len(ps) != 1 {
		if n.Kind == yaml.MappingNode {
			d.errorf(n, "check needs exactly one of files, content or expr")
		}
		return
	}
	k, v := ps[0].key, ps[0].val
	if k.Value != "expr" && r.Scope != ScopeRepo && slices.Contains(scopes, r.Scope) {
		d.errorf(k, "check.%s looks at a repository's files: use scope: repo", k.Value)
	}
	switch k.Value {
	case "expr":
		if s, ok := d.str(v, "check.expr"); ok {
			r.Check.Expr = s
			r.check = d.compile(v, s, env, "check.expr", checkKinds)
		}
	case "files":
		mp := d.pairs(v, "check.files", []string{"any", "all", "none"})
		if len(mp) != 1 {
			if v.Kind == yaml.MappingNode {
				d.errorf(v, "check.files needs exactly one of any, all or none")
			}
			return
		}
		fc := &FilesCheck{Mode: mp[0].key.Value}
		globs, nodes, _ := d.strs(mp[0].val, "check.files."+fc.Mode)
		if len(globs) == 0 && mp[0].val.Kind == yaml.SequenceNode {
			d.errorf(mp[0].val, "check.files.%s needs at least one glob", fc.Mode)
		}
		for i, g := range globs {
			cg, err := compileGlob(g)
			if err != nil {
				d.errorf(nodes[i], "bad glob %q: %v", g, err)
				continue
			}
			fc.Globs = append(fc.Globs, g)
			fc.globs = append(fc.globs, cg)
		}
		r.Check.Files = fc
	case "content":
		cc := &ContentCheck{}
		mp := d.pairs(v, "check.content", []string{"glob", "regex"})
		for _, p := range mp {
			s, ok := d.str(p.val, "check.content."+p.key.Value)
			if !ok {
				continue
			}
			if p.key.Value == "glob" {
				g, err := compileGlob(s)
				if err != nil {
					d.errorf(p.val, "bad glob %q: %v", s, err)
				}
				cc.Glob, cc.glob = s, g
			} else {
				re, err := regexp.Compile(s)
				if err != nil {
					d.errorf(p.val, "bad regex: %v", err)
				}
				cc.Regex, cc.re = s, re
			}
		}
		if v.Kind == yaml.MappingNode && (cc.Glob == "" || cc.Regex == "") {
			d.errorf(v, "check.content needs both glob and regex")
		}
		r.Check.Content = cc
	}
}

var (
	boolKinds  = []reflect.Kind{reflect.Bool}
	checkKinds = []reflect.Kind{reflect.Bool, reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Float32, reflect.Float64}
)

func envFor(scope string) any {
	if scope == ScopeRepo {
		return repoEnv{}
	}
	return portfolioEnv{}
}

// compile compiles an expression against the scope's typed environment and
// checks the kind of its result (kinds nil = anything).
func (d *decoder) compile(n *yaml.Node, src string, env any, what string, kinds []reflect.Kind) (prog *vm.Program) {
	defer func() {
		if p := recover(); p != nil {
			d.errorf(n, "%s: cannot compile: %v", what, p)
			prog = nil
		}
	}()
	prog, err := expr.Compile(src, expr.Env(env), expr.Patch(namePatch{}),
		// Reports must be reproducible: time comes from as_of only.
		expr.DisableBuiltin("now"), expr.MaxNodes(2000))
	if err != nil {
		line, col := n.Line, n.Column
		msg := err.Error()
		var fe *file.Error
		if errors.As(err, &fe) {
			msg = fe.Message
			line, col = d.exprPos(n, fe.Line, fe.Column)
		}
		d.errAt(line, col, "%s: %s", what, msg)
		return nil
	}
	if kinds == nil {
		return prog
	}
	t := prog.Node().Type()
	if t == nil || t.Kind() == reflect.Interface {
		return prog
	}
	k := t.Kind()
	if k == reflect.Pointer {
		k = t.Elem().Kind()
	}
	if !slices.Contains(kinds, k) {
		if len(kinds) == 1 {
			d.errorf(n, "%s must return a boolean, not %s", what, t)
		} else {
			d.errorf(n, "%s must return a boolean or a number 0..1, not %s", what, t)
		}
		return nil
	}
	return prog
}

// exprPos maps a position inside an expression to the file.
func (d *decoder) exprPos(n *yaml.Node, line, col int) (int, int) {
	if line < 1 {
		line = 1
	}
	switch n.Style {
	case 0, yaml.SingleQuotedStyle, yaml.DoubleQuotedStyle:
		if line == 1 {
			c := n.Column + col
			if n.Style != 0 {
				c++
			}
			return n.Line, c
		}
		return n.Line + line - 1, 1
	case yaml.LiteralStyle, yaml.FoldedStyle:
		l := n.Line + line
		if l-1 < len(d.lines) {
			text := d.lines[l-1]
			indent := len(text) - len(strings.TrimLeft(text, " "))
			return l, indent + col + 1
		}
		return l, 1
	}
	return n.Line, n.Column
}

func (d *decoder) template(n *yaml.Node, name, src string) *template.Template {
	t, err := template.New(name).Option("missingkey=error").Funcs(funcs).Parse(src)
	if err != nil {
		d.errorf(n, "template: %s", strings.TrimPrefix(err.Error(), "template: "))
		return nil
	}
	// Execute once on sample data: a misspelt field is found now, not in
	// the middle of an audit.
	if err := t.Execute(io.Discard, sampleData()); err != nil {
		d.errorf(n, "template: %s", strings.TrimPrefix(err.Error(), "template: "))
		return nil
	}
	return t
}

// funcs are the helpers advice templates may use besides text/template's.
var funcs = template.FuncMap{
	"lower":   strings.ToLower,
	"display": Display,
	"andList": And,
	"orList":  Or,
	// contains reports whether s holds sub, for advice that adapts to a list.
	"contains": strings.Contains,
}

func sampleData() *Data {
	return &Data{Repo: "example", FullName: "octocat/example", Login: "octocat", Role: "backend",
		Language: "Go", TestCommand: "go test ./...", TestFramework: "the testing package",
		Framework: "Gin", RoleFrameworks: "Gin or Echo", RoleLanguages: "Go", Manifest: "go.mod", CIFile: ".github/workflows/ci.yml",
		ReadmeMissing: "how to run the tests", APIDocsTool: "swaggo/swag",
		Facts: &facts.Repo{Name: "example"}, Profile: &facts.Profile{Login: "octocat"}}
}

func stepIDs() []string {
	ids := make([]string, len(Steps))
	for i, s := range Steps {
		ids[i] = s.ID
	}
	return ids
}

// Role adjusts the default rules for the job a candidate targets.
type Role struct {
	Name        string `json:"name"`
	Title       string `json:"title"`
	Description string `json:"description,omitempty"`
	// Languages, Frameworks and TestFrameworks are what the role expects;
	// rules read them as role.languages, role.frameworks, ...
	Languages      []string           `json:"languages"`
	Frameworks     []string           `json:"frameworks"`
	TestFrameworks []string           `json:"test_frameworks"`
	StepWeights    map[string]float64 `json:"step_weights,omitempty"`
	// Rules changes the weight of rules or turns them off, by id.
	Rules  map[string]RoleRule `json:"rules,omitempty"`
	Source string              `json:"source"`
}

// RoleRule is a role's adjustment of one rule.
type RoleRule struct {
	Weight   *float64 `json:"weight,omitempty"`
	Disabled *bool    `json:"disabled,omitempty"`
}

// roleFile decodes a role file; known says whether a rule id exists.
func (d *decoder) roleFile(root *yaml.Node, known func(string) bool) *Role {
	r := &Role{Source: fmt.Sprintf("%s:%d", d.file, root.Line), StepWeights: map[string]float64{}, Rules: map[string]RoleRule{}}
	var hasName bool
	for _, p := range d.pairs(root, "role file", roleKeys) {
		k, v := p.key.Value, p.val
		switch k {
		case "name":
			if s, ok := d.str(v, "name"); ok {
				if !roleRe.MatchString(s) {
					d.errorf(v, "role name %q must be lower case letters, digits and -", s)
				}
				r.Name, hasName = s, true
			}
		case "title":
			r.Title, _ = d.str(v, "title")
		case "description":
			r.Description, _ = d.str(v, "description")
		case "languages":
			r.Languages, _, _ = d.strs(v, k)
		case "frameworks":
			var nodes []*yaml.Node
			r.Frameworks, nodes, _ = d.strs(v, k)
			d.knownIDs(r.Frameworks, nodes, stack.Frameworks, "framework")
		case "test_frameworks":
			var nodes []*yaml.Node
			r.TestFrameworks, nodes, _ = d.strs(v, k)
			d.knownIDs(r.TestFrameworks, nodes, tests.Frameworks, "test framework")
		case "step_weights":
			for _, sp := range d.pairs(v, "step_weights", nil) {
				if _, ok := Step(sp.key.Value); !ok {
					d.errorf(sp.key, "unknown step %q (steps: %s)", sp.key.Value, strings.Join(stepIDs(), ", "))
					continue
				}
				if w, ok := d.num(sp.val, "step weight"); ok {
					if w < 0 || w > 100 {
						d.errorf(sp.val, "step weight %v must be between 0 and 100", w)
						continue
					}
					r.StepWeights[sp.key.Value] = w
				}
			}
		case "rules":
			for _, rp := range d.pairs(v, "role rules", nil) {
				id := rp.key.Value
				if known != nil && !known(id) {
					d.errorf(rp.key, "role adjusts unknown rule %q", id)
					continue
				}
				var rr RoleRule
				for _, f := range d.pairs(rp.val, "role rule "+id, roleRuleKey) {
					if f.key.Value == "weight" {
						if w, ok := d.weight(f.val); ok {
							rr.Weight = &w
						}
					} else if b, ok := d.boolean(f.val, "disabled"); ok {
						rr.Disabled = &b
					}
				}
				r.Rules[id] = rr
			}
		}
	}
	if !hasName {
		d.errorf(root, "role file needs a name")
	}
	return r
}
