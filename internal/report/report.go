// Package report is the assessment as the renderers see it: the shape of the
// JSON contract "pathway.report/v1" (shared/report-json.md). The assessment
// builds a Report; the JSON, PDF, Markdown and badge renderers read nothing
// else.
package report

import (
	"time"

	"github.com/pathway-dev/pathway/internal/facts"
)

// Schema names the JSON contract. A breaking change needs a new name.
const Schema = "pathway.report/v1"

// Levels of the verdict.
const (
	Ready        = "ready"
	NearlyThere  = "nearly-there"
	KeepBuilding = "keep-building"
)

// Statuses of a step.
const (
	Strong     = "strong"
	Developing = "developing"
	Missing    = "missing"
)

// Outcomes of a rule.
const (
	Pass          = "pass"
	Fail          = "fail"
	NotApplicable = "not-applicable"
	Unknown       = "unknown"
)

// Report is the whole readiness report.
type Report struct {
	Schema      string    `json:"schema"`
	Tool        Tool      `json:"tool"`
	GeneratedAt time.Time `json:"generated_at"`
	AsOf        time.Time `json:"as_of"`
	Role        string    `json:"role"`
	Partial     bool      `json:"partial"`
	Subject     Subject   `json:"subject"`
	Overall     Overall   `json:"overall"`
	// Position says where the subject stands on the pathway.
	Position   Position `json:"position"`
	Steps      []Step   `json:"steps"`
	Repos      []Repo   `json:"repos"`
	Actions    []Action `json:"actions"`
	Highlights []string `json:"highlights"`
	// HighlightRefs carries the repository each highlight cites, in order.
	HighlightRefs []Highlight `json:"highlight_refs,omitempty"`
	Scoring       Scoring     `json:"scoring"`
	Warnings      []string    `json:"warnings"`
	// Profile is the computed profile facts (networking, job-ready evidence).
	Profile *facts.Profile `json:"profile,omitempty"`
	// Compare holds deltas against a previous report, when asked for.
	Compare *Compare `json:"compare,omitempty"`
}

// Tool names the program that wrote the report.
type Tool struct {
	Name    string `json:"name"`
	Version string `json:"version"`
}

// Subject is who (or what) was audited.
type Subject struct {
	Kind        string `json:"kind"` // github-user or local
	Type        string `json:"type,omitempty"`
	Login       string `json:"login"`
	Name        string `json:"name"`
	Bio         string `json:"bio"`
	Blog        string `json:"blog"`
	Location    string `json:"location"`
	Company     string `json:"company,omitempty"`
	Hireable    *bool  `json:"hireable"`
	Followers   int    `json:"followers"`
	PublicRepos int    `json:"public_repos"`
	HTMLURL     string `json:"html_url"`
}

// Overall is the headline.
type Overall struct {
	Score    int     `json:"score"`
	Level    string  `json:"level"`
	Coverage float64 `json:"coverage"`
}

// Position is the subject's place on the 12-step pathway.
type Position struct {
	Done []string `json:"done"` // step ids at strong
	Next string   `json:"next"` // the step to work on now
}

// Step is one of the 12 pathway steps.
type Step struct {
	Number   int     `json:"number"`
	ID       string  `json:"id"`
	Title    string  `json:"title"`
	Score    int     `json:"score"`
	Status   string  `json:"status"`
	Why      string  `json:"why,omitempty"`
	Weight   float64 `json:"weight"`
	Coverage float64 `json:"coverage"`
	// Counted is false when the step is left out of the overall score:
	// nothing in it could be checked, or (a local project audit) nothing in
	// it applies to the project.
	Counted  bool       `json:"counted"`
	Evidence []Evidence `json:"evidence"`
	Findings []Finding  `json:"findings"`
	Actions  []Action   `json:"actions"`
}

// Evidence is something the reader can check.
type Evidence = facts.Evidence

// Finding is one rule outcome, for one repository or for the portfolio.
type Finding struct {
	Rule    string  `json:"rule"`
	Title   string  `json:"title,omitempty"`
	Repo    string  `json:"repo,omitempty"`
	Outcome string  `json:"outcome"`
	Credit  float64 `json:"credit"` // 0..1, partial credit for pass
	Message string  `json:"message"`
	Path    string  `json:"path,omitempty"`
}

// Action is a concrete next step.
type Action struct {
	Priority int     `json:"priority,omitempty"`
	Step     string  `json:"step,omitempty"`
	Rule     string  `json:"rule,omitempty"`
	Repo     string  `json:"repo,omitempty"`
	Text     string  `json:"text"`
	Impact   float64 `json:"impact"` // overall points this would gain
	Effort   string  `json:"effort,omitempty"`
}

// Highlight is a resume-ready sentence and the repository it cites.
type Highlight struct {
	Text string `json:"text"`
	Repo string `json:"repo"`
}

// Repo is one repository as listed in the report.
type Repo struct {
	Name            string           `json:"name"`
	FullName        string           `json:"full_name"`
	HTMLURL         string           `json:"html_url"`
	Fork            bool             `json:"fork"`
	Archived        bool             `json:"archived"`
	Empty           bool             `json:"empty"`
	Included        bool             `json:"included"`
	ExcludedReason  string           `json:"excluded_reason"`
	Description     string           `json:"description"`
	Topics          []string         `json:"topics"`
	Stars           int              `json:"stars"`
	PushedAt        *time.Time       `json:"pushed_at"`
	PrimaryLanguage string           `json:"primary_language"`
	Languages       map[string]int64 `json:"languages"`
	Signals         Signals          `json:"signals"`
	// Facts are the full detector output for this repository.
	Facts *facts.Repo `json:"facts,omitempty"`
}

// Signals is the contract's summary of a repository's facts.
type Signals struct {
	Tests         TestSignal   `json:"tests"`
	CI            CISignal     `json:"ci"`
	Readme        ReadmeSignal `json:"readme"`
	License       *string      `json:"license"`
	Frameworks    []string     `json:"frameworks"`
	Databases     []string     `json:"databases"`
	Container     bool         `json:"container"`
	APIDocs       bool         `json:"api_docs"`
	Auth          bool         `json:"auth"`
	SecurityFlags []string     `json:"security_flags"`
	Commits       CommitSignal `json:"commits"`
}

// TestSignal summarises tests.
type TestSignal struct {
	Present         bool     `json:"present"`
	PlaceholderOnly bool     `json:"placeholder_only"`
	Files           int      `json:"files"`
	Frameworks      []string `json:"frameworks"`
}

// CISignal summarises CI.
type CISignal struct {
	Present   bool     `json:"present"`
	Providers []string `json:"providers"`
	RunsTests *bool    `json:"runs_tests"`
}

// ReadmeSignal summarises the README.
type ReadmeSignal struct {
	Present  bool     `json:"present"`
	Score    int      `json:"score"`
	Words    int      `json:"words"`
	Sections []string `json:"sections"`
}

// CommitSignal summarises history; dates are null when unknown.
type CommitSignal struct {
	Known          bool       `json:"known"`
	Total          int        `json:"total"`
	Own            int        `json:"own"`
	First          *time.Time `json:"first"`
	Last           *time.Time `json:"last"`
	ActiveWeeks    int        `json:"active_weeks"`
	MessageQuality float64    `json:"message_quality"`
}

// Scoring explains how the numbers were computed, for the report's appendix.
type Scoring struct {
	Method     string         `json:"method"`
	Thresholds map[string]int `json:"thresholds"`
	Unknown    []Finding      `json:"unknown,omitempty"`
}

// Compare holds deltas against an earlier report.
type Compare struct {
	Previous time.Time      `json:"previous"`
	Overall  int            `json:"overall"`
	Steps    map[string]int `json:"steps"`
}
