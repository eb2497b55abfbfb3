package rules_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"gopkg.in/yaml.v3"

	"github.com/pathway-dev/pathway/rules"
)

func compileSchema(t *testing.T, path string) *jsonschema.Schema {
	t.Helper()
	c := jsonschema.NewCompiler()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	doc, err := jsonschema.UnmarshalJSON(f)
	if err != nil {
		t.Fatal(err)
	}
	if err := c.AddResource(path, doc); err != nil {
		t.Fatal(err)
	}
	s, err := c.Compile(path)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func yamlAsJSON(t *testing.T, path string) any {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var v any
	if err := yaml.Unmarshal(b, &v); err != nil {
		t.Fatal(err)
	}
	j, _ := json.Marshal(v)
	out, err := jsonschema.UnmarshalJSON(strings.NewReader(string(j)))
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// The published schemas accept every built-in file and reject what the
// loader rejects, so editors and the loader agree.
func TestSchemas(t *testing.T) {
	rs := compileSchema(t, "rules.schema.json")
	ro := compileSchema(t, "role.schema.json")
	files, _ := filepath.Glob("*.yaml")
	for _, f := range files {
		if err := rs.Validate(yamlAsJSON(t, f)); err != nil {
			t.Errorf("%s: %v", f, err)
		}
	}
	roles, _ := filepath.Glob("roles/*.yaml")
	for _, f := range roles {
		if err := ro.Validate(yamlAsJSON(t, f)); err != nil {
			t.Errorf("%s: %v", f, err)
		}
	}
	dir := t.TempDir()
	bad := write(t, dir, "bad.yaml", "rules:\n  - id: testing/x\n    step: testing\n    title: T\n    why: W\n    scope: repo\n    weight: 1\n    check: {expr: 'true'}\n    advice: A\n    effort: tiny\n")
	if err := rs.Validate(yamlAsJSON(t, bad)); err == nil {
		t.Error("schema accepts effort: tiny")
	}
	if errs := rulesValidate(bad); len(errs) == 0 {
		t.Error("loader accepts effort: tiny")
	}
}

func rulesValidate(p string) []error { return rules.Validate(p) }
