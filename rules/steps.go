package rules

// StepInfo describes one of the 12 steps of the backend pathway. The ids are
// stable: reports, role files and rule ids use them.
type StepInfo struct {
	Number int     `json:"number"`
	ID     string  `json:"id"`
	Title  string  `json:"title"`
	Why    string  `json:"why"`
	Weight float64 `json:"weight"` // default weight of the step in the overall score
}

// Steps are the 12 steps in pathway order. The weights favour what employers
// check first (tests, real projects) and keep the soft steps light; a role
// file can change them.
var Steps = []StepInfo{
	{1, "languages", "Learn programming languages", "Employers hire for a backend language you have used for real, recently, and in more than a toy.", 1},
	{2, "databases", "Understand databases", "Almost every backend stores data; showing a database with a managed schema proves you can.", 1},
	{3, "frameworks", "Master frameworks", "Teams build on frameworks; the one your target role uses is what a reviewer looks for first.", 1},
	{4, "apis", "Learn about APIs", "Backend work is mostly serving and consuming APIs; routes and documentation show you can design one.", 1},
	{5, "version-control", "Version control", "A real history of small, well-described commits shows how you work, not only what you shipped.", 1},
	{6, "security", "Security and authentication", "Leaked secrets and missing authentication are the first things a reviewer worries about.", 1},
	{7, "testing", "Testing and debugging", "Tests are the clearest sign of professional habits and the most common gap in junior portfolios.", 1.5},
	{8, "ci-cd", "CI/CD", "Automated checks and a deployable build show you can ship code the way teams do.", 1},
	{9, "keep-learning", "Keep learning", "Steady activity and new tools over time show growth rather than a one-off burst.", 0.5},
	{10, "build-projects", "Build projects", "A few substantial, original, well-presented projects are the core of a backend portfolio.", 1.5},
	{11, "networking", "Networking", "A reachable profile and contributions to other people's projects open doors that code alone does not.", 0.5},
	{12, "job-ready", "Get a job or freelance", "A complete profile and presentable READMEs turn a visitor into an interview.", 1},
}

// Step returns the step with id, or false.
func Step(id string) (StepInfo, bool) {
	for _, s := range Steps {
		if s.ID == id {
			return s, true
		}
	}
	return StepInfo{}, false
}

func stepNumber(id string) int {
	s, _ := Step(id)
	return s.Number
}
