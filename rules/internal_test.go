package rules

import (
	"errors"
	"io/fs"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/pathway-dev/pathway/internal/facts"
)

func TestGlob(t *testing.T) {
	cases := []struct {
		pat, name string
		want      bool
	}{
		{"Dockerfile", "Dockerfile", true},
		{"Dockerfile", "api/Dockerfile", false},
		{"**/Dockerfile", "Dockerfile", true},
		{"**/Dockerfile", "services/api/Dockerfile", true},
		{"**/.env", "config/.env", true},
		{"**/.env", "config/.env.example", false},
		{".github/workflows/*.yml", ".github/workflows/ci.yml", true},
		{".github/workflows/*.yml", ".github/workflows/sub/ci.yml", false},
		{"src/**/test_*.py", "src/test_app.py", true},
		{"src/**/test_*.py", "src/a/b/test_models.py", true},
		{"src/**/test_*.py", "tests/test_models.py", false},
		{"k8s/**", "k8s/deploy/app.yaml", true},
		{"docker-compose.y*ml", "docker-compose.yaml", true},
		{"**", "anything/at/all", true},
	}
	for _, c := range cases {
		g, err := compileGlob(c.pat)
		if err != nil {
			t.Fatalf("%s: %v", c.pat, err)
		}
		if got := g.match(c.name); got != c.want {
			t.Errorf("%s ~ %s = %v, want %v", c.pat, c.name, got, c.want)
		}
	}
	for _, bad := range []string{"", "/etc/passwd", "src/[a-", "a**/b", "a//b", `src\main`, "dir/"} {
		if _, err := compileGlob(bad); err == nil {
			t.Errorf("glob %q accepted", bad)
		}
	}
}

// Rule expressions use JSON names; a name that meant different Go fields
// in different structs would be rewritten wrongly.
func TestJSONNamesAreUnambiguous(t *testing.T) {
	seen := map[string]string{}
	var walk func(reflect.Type, map[reflect.Type]bool)
	walk = func(ty reflect.Type, done map[reflect.Type]bool) {
		for ty.Kind() == reflect.Pointer || ty.Kind() == reflect.Slice || ty.Kind() == reflect.Map {
			ty = ty.Elem()
		}
		if ty.Kind() != reflect.Struct || done[ty] || ty == reflect.TypeFor[time.Time]() {
			return
		}
		done[ty] = true
		for i := range ty.NumField() {
			f := ty.Field(i)
			name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
			if name != "" && name != "-" {
				if prev, ok := seen[name]; ok && prev != f.Name {
					t.Errorf("json name %q is %s in one struct and %s in another", name, prev, f.Name)
				}
				seen[name] = f.Name
			}
			walk(f.Type, done)
		}
	}
	walk(reflect.TypeFor[repoEnv](), map[reflect.Type]bool{})
	if jsonNames()["runs_tests"] != "RunsTests" || jsonNames()["active_months_12"] != "ActiveMonths12" {
		t.Error("name map incomplete")
	}
}

func TestEvalNeverPanics(t *testing.T) {
	s, err := Load("")
	if err != nil {
		t.Fatal(err)
	}
	// Empty facts everywhere: nil maps, nil slices, nil pointers.
	in := NewInput([]*facts.Repo{{}}, nil, time.Time{})
	for _, r := range s.Rules() {
		res := s.Eval(r, in, in.Repos[0], &Tree{})
		if res.Outcome == "" {
			t.Errorf("%s: empty outcome", r.ID)
		}
		_ = s.Advice(r, in, nil)
	}
}

func FuzzLoader(f *testing.F) {
	names, _ := fs.Glob(files, "*.yaml")
	for _, n := range names {
		b, _ := files.ReadFile(n)
		f.Add(b)
	}
	roles, _ := fs.Glob(files, "roles/*.yaml")
	for _, n := range roles {
		b, _ := files.ReadFile(n)
		f.Add(b)
	}
	f.Add([]byte("rules:\n  - id: a/b\n    check: {files: {any: ['**/[']}}\n"))
	f.Add([]byte("rules: &a [*a]\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		d := newDecoder("fuzz.yaml", data)
		root := d.root(data)
		if root != nil {
			for _, e := range d.ruleFile(root, func(id string) bool { return id == "testing/tests-present" }) {
				if e.rule != nil && len(d.errs) == 0 {
					if !strings.HasPrefix(e.rule.ID, e.rule.Step+"/") {
						t.Fatalf("accepted %s in step %s", e.rule.ID, e.rule.Step)
					}
					if e.rule.Weight <= 0 {
						t.Fatalf("accepted weight %v", e.rule.Weight)
					}
				}
			}
			d2 := newDecoder("fuzz.yaml", data)
			d2.roleFile(root, nil)
		}
		for _, err := range d.errs {
			var pe *Error
			if !errors.As(err, &pe) || pe.Line < 1 || pe.Column < 0 || pe.File != "fuzz.yaml" {
				t.Fatalf("error without a position: %v", err)
			}
		}
	})
}
