package rules

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pathway-dev/pathway/internal/cmdutil"
)

func factory() (*cmdutil.Factory, *bytes.Buffer, *bytes.Buffer) {
	out, errOut := &bytes.Buffer{}, &bytes.Buffer{}
	return &cmdutil.Factory{IO: &cmdutil.IOStreams{In: strings.NewReader(""), Out: out, ErrOut: errOut}}, out, errOut
}

func execute(t *testing.T, args ...string) (string, error) {
	t.Helper()
	f, out, _ := factory()
	cmd := NewCmdRules(f)
	cmd.SetArgs(args)
	cmd.SetOut(out)
	cmd.SetErr(&bytes.Buffer{})
	cmd.SilenceUsage, cmd.SilenceErrors = true, true
	err := cmd.Execute()
	return out.String(), err
}

func TestList(t *testing.T) {
	out, err := execute(t, "list")
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if !strings.HasPrefix(lines[0], "ID") || !strings.Contains(lines[0], "WEIGHT") {
		t.Fatalf("header %q", lines[0])
	}
	if !strings.HasPrefix(lines[1], "languages/backend-language") || !strings.HasPrefix(lines[len(lines)-1], "job-ready/") {
		t.Errorf("not in pathway order: first %q last %q", lines[1], lines[len(lines)-1])
	}
	// Columns are aligned: the title column starts at the same offset.
	col := strings.Index(lines[0], "TITLE")
	for _, l := range lines[1:] {
		if len(l) <= col || l[col-1] != ' ' || l[col] == ' ' {
			t.Fatalf("misaligned row %q", l)
		}
	}
	java, _ := execute(t, "list", "--role", "backend-java")
	if !strings.Contains(java, "frameworks/role-framework") || java == out {
		t.Error("--role backend-java shows no different weights")
	}
	js, err := execute(t, "list", "--json")
	if err != nil {
		t.Fatal(err)
	}
	var rules []map[string]any
	if err := json.Unmarshal([]byte(js), &rules); err != nil || len(rules) != len(lines)-1 {
		t.Fatalf("json: %v, %d rules", err, len(rules))
	}
	if rules[0]["id"] != "languages/backend-language" || rules[0]["check"] == nil {
		t.Errorf("json rule %v", rules[0])
	}
	if _, err := execute(t, "list", "--role", "chef"); cmdutil.Code(err) != cmdutil.ExitInput {
		t.Errorf("unknown role: %v (exit %d)", err, cmdutil.Code(err))
	}
}

func TestExplain(t *testing.T) {
	out, err := execute(t, "explain", "frameworks/role-framework")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"Why:", "Applies when:", "Check:", "any(repos", "Advice:", "Effort:", "backend 4", "backend-java 6", "rules/03-frameworks.yaml:"} {
		if !strings.Contains(out, want) {
			t.Errorf("explain lacks %q:\n%s", want, out)
		}
	}
	_, err = execute(t, "explain", "testing/nope")
	if cmdutil.Code(err) != cmdutil.ExitInput || !strings.Contains(err.Error(), "testing/tests-present") {
		t.Errorf("unknown id: %v", err)
	}
}

func TestValidate(t *testing.T) {
	out, err := execute(t, "validate", "../../../rules")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasSuffix(out, " rules OK\n") {
		t.Errorf("output %q", out)
	}
	dir := t.TempDir()
	p := filepath.Join(dir, "bad.yaml")
	os.WriteFile(p, []byte("rules:\n  - id: testing/x\n    weight: -1\n  - id: Bad\n"), 0o644)
	_, err = execute(t, "validate", p)
	if cmdutil.Code(err) != cmdutil.ExitInput {
		t.Fatalf("exit %d for invalid file", cmdutil.Code(err))
	}
	msg := err.Error()
	for _, want := range []string{"4 errors", p + ":2:9: rule testing/x is not defined", p + ":3:13: weight -1", p + `:4:9: id "Bad" must look like`} {
		if !strings.Contains(msg, want) {
			t.Errorf("error lacks %q:\n%s", want, msg)
		}
	}
}
