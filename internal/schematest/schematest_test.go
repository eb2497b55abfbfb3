package schematest

import (
	"strings"
	"testing"
)

const valid = `{
 "schema": "pathway.report/v1",
 "tool": {"name": "pathway", "version": "0.1.0"},
 "generated_at": "2026-11-23T10:00:00Z", "as_of": "2026-11-23T00:00:00Z",
 "subject": {"kind": "github-user", "login": "octocat"},
 "overall": {"score": 71, "level": "nearly-there", "coverage": 0.93},
 "steps": [STEPS],
 "repos": [], "actions": [], "highlights": [], "warnings": []
}`

var ids = []string{"languages", "databases", "frameworks", "apis", "version-control", "security", "testing", "ci-cd", "keep-learning", "build-projects", "networking", "job-ready"}

func doc(mutate func(i int, id string) string) string {
	var steps []string
	for i, id := range ids {
		steps = append(steps, mutate(i, id))
	}
	return strings.Replace(valid, "STEPS", strings.Join(steps, ","), 1)
}

func step(n int, id, status string) string {
	return `{"number": ` + itoa(n) + `, "id": "` + id + `", "title": "T", "score": 50, "status": "` + status + `", "evidence": [], "findings": [], "actions": []}`
}

func itoa(n int) string {
	if n >= 10 {
		return string(rune('0'+n/10)) + string(rune('0'+n%10))
	}
	return string(rune('0' + n))
}

func TestValidate(t *testing.T) {
	good := doc(func(i int, id string) string { return step(i+1, id, "developing") })
	if err := Validate([]byte(good)); err != nil {
		t.Fatalf("valid report rejected: %v", err)
	}
	bad := map[string]string{
		"step out of order": doc(func(i int, id string) string {
			if i == 0 {
				return step(1, "databases", "strong")
			}
			return step(i+1, id, "strong")
		}),
		"unknown status": doc(func(i int, id string) string { return step(i+1, id, "great") }),
		"eleven steps":   strings.Replace(good, ","+step(12, "job-ready", "developing"), "", 1),
		"wrong schema":   strings.Replace(good, "pathway.report/v1", "pathway.report/v2", 1),
		"level":          strings.Replace(good, `"nearly-there"`, `"almost"`, 1),
		"not json":       good[:40],
	}
	for name, d := range bad {
		if err := Validate([]byte(d)); err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
}
