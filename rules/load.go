// Package rules holds the rule files that judge a portfolio against the 12
// steps of the backend pathway, the role files that tune them, and the
// engine that loads and evaluates them. The format and the scoring are
// documented in README.md next to the files.
package rules

import (
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"sync"

	"gopkg.in/yaml.v3"

	"github.com/pathway-dev/pathway/internal/snapshot"
)

//go:embed *.yaml roles/*.yaml
var files embed.FS

// DefaultRole is the rubric used when no role is asked for.
const DefaultRole = "backend"

// Set is a loaded, compiled rule set for one role.
type Set struct {
	role        *Role
	rules       []*Rule // every rule, disabled ones too, in pathway order
	byID        map[string]*Rule
	stepWeights map[string]float64
}

// Role returns the role the set was loaded for.
func (s *Set) Role() *Role { return s.role }

// Rules returns the enabled rules in pathway order (step, then file order).
func (s *Set) Rules() []*Rule {
	out := make([]*Rule, 0, len(s.rules))
	for _, r := range s.rules {
		if !r.Disabled {
			out = append(out, r)
		}
	}
	return out
}

// All returns every rule, disabled ones included.
func (s *Set) All() []*Rule { return slices.Clone(s.rules) }

// Rule returns the rule with id, or nil.
func (s *Set) Rule(id string) *Rule { return s.byID[id] }

// StepWeight is the weight of step in the overall score.
func (s *Set) StepWeight(step string) float64 {
	if w, ok := s.stepWeights[step]; ok {
		return w
	}
	st, _ := Step(step)
	return st.Weight
}

type defaultSet struct {
	rules []*Rule
	roles map[string]*Role
}

// defaults parses the embedded files once: their expressions are compiled
// a single time however many sets are loaded.
var defaults = sync.OnceValues(func() (*defaultSet, error) {
	ds := &defaultSet{roles: map[string]*Role{}}
	var errs []error
	names, _ := fs.Glob(files, "*.yaml")
	sort.Strings(names)
	seen := map[string]string{}
	for _, name := range names {
		data, _ := files.ReadFile(name)
		d := newDecoder("rules/"+name, data)
		if root := d.root(data); root != nil {
			for _, e := range d.ruleFile(root, nil) {
				if e.rule == nil {
					continue
				}
				if first, dup := seen[e.rule.ID]; dup {
					d.errorf(e.idNode, "duplicate rule id %s (first defined at %s)", e.rule.ID, first)
					continue
				}
				seen[e.rule.ID] = e.rule.Source
				ds.rules = append(ds.rules, e.rule)
			}
		}
		errs = append(errs, d.errs...)
	}
	known := func(id string) bool { _, ok := seen[id]; return ok }
	roleNames, _ := fs.Glob(files, "roles/*.yaml")
	for _, name := range roleNames {
		data, _ := files.ReadFile(name)
		d := newDecoder("rules/"+name, data)
		if root := d.root(data); root != nil {
			r := d.roleFile(root, known)
			if r.Name != "" {
				ds.roles[r.Name] = r
			}
		}
		errs = append(errs, d.errs...)
	}
	if len(errs) > 0 {
		return nil, fmt.Errorf("built-in rules are invalid (a bug): %w", errors.Join(errs...))
	}
	return ds, nil
})

// Roles lists the built-in roles, the default first.
func Roles() []string {
	ds, err := defaults()
	if err != nil {
		return []string{DefaultRole}
	}
	out := []string{DefaultRole}
	for name := range ds.roles {
		if name != DefaultRole {
			out = append(out, name)
		}
	}
	sort.Strings(out[1:])
	return out
}

// Load returns the built-in rules adjusted for role ("" = backend), then
// the rule files of each extra directory (--rules DIR): a rule with a new id
// is added, one with an existing id replaces it, and an entry with only id,
// weight and disabled changes or turns off an existing rule. Every problem
// in the extra files is reported, with its position.
func Load(role string, extra ...string) (*Set, error) {
	ds, err := defaults()
	if err != nil {
		return nil, err
	}
	if role == "" {
		role = DefaultRole
	}
	rl, ok := ds.roles[role]
	if !ok {
		return nil, fmt.Errorf("%w %q: choose one of %s", errUnknownRole, role, strings.Join(Roles(), ", "))
	}
	s := &Set{role: rl, byID: map[string]*Rule{}, stepWeights: map[string]float64{}}
	for _, r := range ds.rules {
		c := *r
		if adj, ok := rl.Rules[r.ID]; ok {
			if adj.Weight != nil {
				c.Weight = *adj.Weight
			}
			if adj.Disabled != nil {
				c.Disabled = *adj.Disabled
			}
		}
		s.add(&c)
	}
	for k, v := range rl.StepWeights {
		s.stepWeights[k] = v
	}
	var errs []error
	for _, dir := range extra {
		paths, err := ruleFiles(dir)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		added := map[string]string{}
		for _, p := range paths {
			errs = append(errs, s.merge(p, added)...)
		}
	}
	if len(errs) > 0 {
		return nil, fmt.Errorf("invalid rule files:\n%w", errors.Join(errs...))
	}
	sort.SliceStable(s.rules, func(i, j int) bool { return stepNumber(s.rules[i].Step) < stepNumber(s.rules[j].Step) })
	return s, nil
}

func (s *Set) add(r *Rule) {
	if old, ok := s.byID[r.ID]; ok {
		i := slices.Index(s.rules, old)
		s.rules[i] = r
	} else {
		s.rules = append(s.rules, r)
	}
	s.byID[r.ID] = r
}

// merge applies one extra rule file; added tracks ids defined by the
// directory so that two of its files cannot define the same rule.
func (s *Set) merge(path string, added map[string]string) []error {
	data, err := os.ReadFile(path)
	if err != nil {
		return []error{fmt.Errorf("%s: %w", path, err)}
	}
	d := newDecoder(path, data)
	root := d.root(data)
	if root == nil {
		return d.errs
	}
	entries := d.ruleFile(root, func(id string) bool { return s.byID[id] != nil })
	for _, e := range entries {
		id := e.idNode.Value
		if first, dup := added[id]; dup {
			d.errorf(e.idNode, "duplicate rule id %s (first defined at %s)", id, first)
			continue
		}
		if e.patch != nil {
			added[id] = e.patch.Source
			c := *s.byID[id]
			if e.patch.Weight != nil {
				c.Weight = *e.patch.Weight
			}
			if e.patch.Disabled != nil {
				c.Disabled = *e.patch.Disabled
			}
			c.Source = e.patch.Source
			s.add(&c)
			continue
		}
		added[id] = e.rule.Source
		s.add(e.rule)
	}
	return d.errs
}

// ruleFiles lists the rule files of a --rules argument: a directory's
// *.yaml and *.yml files, or a single file.
func ruleFiles(dir string) ([]string, error) {
	fi, err := os.Stat(dir)
	if err != nil {
		return nil, fmt.Errorf("--rules %s: %w", dir, err)
	}
	if !fi.IsDir() {
		return []string{dir}, nil
	}
	ents, err := os.ReadDir(dir)
	if err != nil {
		return nil, fmt.Errorf("--rules %s: %w", dir, err)
	}
	var out []string
	for _, e := range ents {
		if !e.IsDir() && (strings.HasSuffix(e.Name(), ".yaml") || strings.HasSuffix(e.Name(), ".yml")) {
			out = append(out, filepath.Join(dir, e.Name()))
		}
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("--rules %s: no .yaml rule files in the directory", dir)
	}
	return out, nil
}

// Validate checks rule and role files (or directories of them: their
// *.yaml files, and role files under roles/) and returns every error, each
// "file:line:column: message". Entries that patch a rule must name a rule
// of the built-in set or of the files given.
func Validate(paths ...string) []error {
	_, errs := Lint(paths...)
	return errs
}

// Lint is Validate that also counts the rule entries it read.
func Lint(paths ...string) (entries int, errs []error) {
	builtin := map[string]bool{}
	if ds, err := defaults(); err == nil {
		for _, r := range ds.rules {
			builtin[r.ID] = true
		}
	}
	var ruleFilesList, roleFilesList []string
	for _, p := range paths {
		fi, err := os.Stat(p)
		if err != nil {
			msg := err.Error()
			var pe *fs.PathError
			if errors.As(err, &pe) {
				msg = pe.Err.Error() // the path is already in front
			}
			errs = append(errs, &Error{File: p, Msg: "cannot read: " + msg})
			continue
		}
		if !fi.IsDir() {
			if isRoleFile(p) {
				roleFilesList = append(roleFilesList, p)
			} else {
				ruleFilesList = append(ruleFilesList, p)
			}
			continue
		}
		for _, pat := range []string{"*.yaml", "*.yml"} {
			m, _ := filepath.Glob(filepath.Join(p, pat))
			ruleFilesList = append(ruleFilesList, m...)
		}
		for _, pat := range []string{"*.yaml", "*.yml"} {
			m, _ := filepath.Glob(filepath.Join(p, "roles", pat))
			roleFilesList = append(roleFilesList, m...)
		}
	}
	defined := map[string]string{}
	type pending struct {
		d *decoder
		e entry
	}
	var patches []pending
	var decoders []*decoder
	for _, p := range ruleFilesList {
		data, err := os.ReadFile(p)
		if err != nil {
			errs = append(errs, &Error{File: p, Line: 1, Column: 1, Msg: err.Error()})
			continue
		}
		d := newDecoder(p, data)
		decoders = append(decoders, d)
		root := d.root(data)
		if root == nil {
			continue
		}
		// Every entry with only id/weight/disabled is a patch candidate;
		// whether its target exists is decided once all files are read.
		for _, e := range d.ruleFile(root, func(string) bool { return true }) {
			entries++
			id := e.idNode.Value
			if e.patch != nil {
				patches = append(patches, pending{d, e})
				continue
			}
			if first, dup := defined[id]; dup {
				d.errorf(e.idNode, "duplicate rule id %s (first defined at %s)", id, first)
				continue
			}
			defined[id] = e.rule.Source
		}
	}
	for _, p := range patches {
		id := p.e.idNode.Value
		if !builtin[id] && defined[id] == "" {
			p.d.errorf(p.e.idNode, "rule %s is not defined: a new rule needs step, title, why, scope, weight, check, advice and effort", id)
		}
	}
	known := func(id string) bool { return builtin[id] || defined[id] != "" }
	for _, p := range roleFilesList {
		data, err := os.ReadFile(p)
		if err != nil {
			errs = append(errs, &Error{File: p, Line: 1, Column: 1, Msg: err.Error()})
			continue
		}
		d := newDecoder(p, data)
		decoders = append(decoders, d)
		if root := d.root(data); root != nil {
			d.roleFile(root, known)
		}
	}
	for _, d := range decoders {
		errs = append(errs, d.errs...)
	}
	sortErrors(errs)
	return entries, errs
}

// isRoleFile tells role files from rule files: they live in roles/ or
// start with a name: key.
func isRoleFile(p string) bool {
	if filepath.Base(filepath.Dir(p)) == "roles" {
		return true
	}
	data, err := os.ReadFile(p)
	if err != nil {
		return false
	}
	var m map[string]yaml.Node
	if yaml.Unmarshal(data, &m) != nil {
		return false
	}
	_, hasName := m["name"]
	_, hasRules := m["rules"]
	return hasName && (!hasRules || m["rules"].Kind == yaml.MappingNode)
}

func sortErrors(errs []error) {
	sort.SliceStable(errs, func(i, j int) bool {
		a, aok := errs[i].(*Error)
		b, bok := errs[j].(*Error)
		if !aok || !bok {
			return aok && !bok
		}
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		return a.Column < b.Column
	})
}

// TreeOf gives rules the file list and contents of a snapshot repository.
func TreeOf(r *snapshot.Repo) *Tree {
	if r == nil {
		return nil
	}
	t := &Tree{Truncated: r.TreeTruncated, Files: make([]string, len(r.Files))}
	for i, f := range r.Files {
		t.Files[i] = f.Path
	}
	if r.ContentsKnown {
		t.Read = r.Read
	}
	return t
}
