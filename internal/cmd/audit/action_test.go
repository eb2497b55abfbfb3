package audit_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"

	"github.com/pathway-dev/pathway/internal/fixtures"
)

// TestGitHubAction runs the audit step of the composite action exactly as
// the runner would (bash, inputs as environment), with the built binary
// standing in for `go install`.
func TestGitHubAction(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("..", "..", "..", ".github", "actions", "pathway", "action.yml"))
	if err != nil {
		t.Fatal(err)
	}
	var action struct {
		Runs struct {
			Using string
			Steps []struct {
				Name  string
				Shell string
				Run   string
				Env   map[string]string
			}
		}
	}
	if err := yaml.Unmarshal(data, &action); err != nil {
		t.Fatalf("action.yml: %v", err)
	}
	if action.Runs.Using != "composite" {
		t.Fatalf("runs.using = %q", action.Runs.Using)
	}
	var script string
	for _, s := range action.Runs.Steps {
		if s.Name == "Audit" {
			script = s.Run
		}
	}
	if script == "" || strings.Contains(script, "${{") {
		t.Fatalf("the audit step must take inputs from the environment only:\n%s", script)
	}

	dir := t.TempDir()
	gopath := filepath.Join(dir, "gopath")
	if err := os.MkdirAll(filepath.Join(gopath, "bin"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(bin, filepath.Join(gopath, "bin", "pathway")); err != nil {
		t.Fatal(err)
	}
	p := fixtures.Middling()
	repo, _ := p.Repo("recipes-api")
	checkout := fixtures.WriteGit(t, filepath.Join(dir, "work"), repo, p.User.Login)
	summary := filepath.Join(dir, "summary.md")

	cmd := exec.Command("bash", "-e", "-c", script)
	cmd.Dir = checkout
	cmd.Env = append(os.Environ(),
		"GOPATH="+gopath, "HOME="+dir, "GITHUB_ACTIONS=true", "GITHUB_STEP_SUMMARY="+summary,
		"GITHUB_REPOSITORY=sam-codes/recipes-api",
		"IN_PATH=.", "IN_USER=", "IN_FAIL_UNDER=95", "IN_ROLE=backend-node", "IN_FORMAT=md,json",
		"IN_OUTPUT=pathway-report", "IN_BADGE=pathway.svg; touch injected", "GITHUB_TOKEN=")
	out, err := cmd.CombinedOutput()
	ee, ok := err.(*exec.ExitError)
	if !ok || ee.ExitCode() != 3 {
		t.Fatalf("want exit 3 under --fail-under 95, got %v\n%s", err, out)
	}
	for _, f := range []string{"pathway-report/sam-codes-readiness.md", "pathway-report/sam-codes-readiness.json", "pathway.svg; touch injected"} {
		if _, err := os.Stat(filepath.Join(checkout, f)); err != nil {
			t.Errorf("missing %s: %v", f, err)
		}
	}
	if _, err := os.Stat(filepath.Join(checkout, "injected")); err == nil {
		t.Error("an input was executed as a shell command")
	}
	if s, _ := os.ReadFile(summary); !strings.Contains(string(s), "pathway readiness: sam-codes") {
		t.Errorf("job summary not written:\n%s", s)
	}
	if !strings.Contains(string(out), "::warning") {
		t.Errorf("no annotations:\n%s", out)
	}
}
