package assess

import (
	"testing"

	"github.com/pathway-dev/pathway/internal/report"
)

func TestRankListsAChangeOnceAndSkipsNothingToGain(t *testing.T) {
	steps := []report.Step{
		{ID: "ci-cd", Status: report.Missing, Counted: true, Actions: []report.Action{
			{Step: "ci-cd", Repo: "recipes-api", Text: "Add a GitHub Actions workflow that runs npm test to recipes-api.", Impact: 6},
			{Step: "ci-cd", Repo: "recipes-api", Text: "Add a GitHub Actions workflow that runs npm test on every push to recipes-api.", Impact: 4},
			{Step: "ci-cd", Repo: "recipes-api", Text: "Add a Dockerfile and deploy recipes-api to Render.", Impact: 2},
		}},
		{ID: "keep-learning", Status: report.Missing, Counted: false, Actions: []report.Action{
			{Step: "keep-learning", Text: "Code a little every week.", Impact: 0},
		}},
	}
	got := rank(steps)
	if len(got) != 2 || got[0].Impact != 6 || got[1].Impact != 2 || got[0].Priority != 1 || got[1].Priority != 2 {
		t.Fatalf("plan = %+v", got)
	}
	// With nothing scored to improve, the plan still says what to do.
	steps[0].Status = report.Strong
	steps[0].Actions = nil
	if got := rank(steps); len(got) != 1 || got[0].Step != "keep-learning" {
		t.Fatalf("fallback plan = %+v", got)
	}
}
