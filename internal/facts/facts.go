// Package facts holds the typed evidence computed once from a snapshot by the
// detectors (package detect) and read by the rules. Facts are plain,
// JSON-able data: the JSON names below are also the names rule expressions
// use (repo.tests.present, profile.followers, ...).
//
// A fact that could not be established is reported as unknown, never as
// false: groups carry a Known flag, and tri-state values are pointers (nil =
// unknown).
package facts

import "time"

// Evidence points the reader at something they can check: a file (and line),
// a manifest entry, or a commit. Secrets are described by kind, never by value.
type Evidence struct {
	Repo   string `json:"repo,omitempty"`
	Path   string `json:"path,omitempty"`
	Line   int    `json:"line,omitempty"`
	Commit string `json:"commit,omitempty"`
	Text   string `json:"text"`
}

// Portfolio is every fact about one audit subject.
type Portfolio struct {
	Profile Profile `json:"profile"`
	Repos   []*Repo `json:"repos"`
}

// Profile facts come from the host's user record; Known is false when the
// profile was not read (local mode), so profile rules are unknown.
type Profile struct {
	Known           bool      `json:"known"`
	Login           string    `json:"login"`
	Type            string    `json:"type,omitempty"`
	Name            string    `json:"name,omitempty"`
	Bio             string    `json:"bio,omitempty"`
	Blog            string    `json:"blog,omitempty"`
	Location        string    `json:"location,omitempty"`
	Company         string    `json:"company,omitempty"`
	Email           bool      `json:"email"` // public email present
	Social          []string  `json:"social,omitempty"`
	Hireable        *bool     `json:"hireable"`
	Followers       int       `json:"followers"`
	Following       int       `json:"following"`
	PublicRepos     int       `json:"public_repos"`
	CreatedAt       time.Time `json:"created_at,omitzero"`
	AccountAgeDays  int       `json:"account_age_days"`
	ProfileReadme   bool      `json:"profile_readme"` // a <login>/<login> repository with a README
	ExternalPRs     *int      `json:"external_prs"`   // nil when unknown
	ExternalPRRepos []string  `json:"external_pr_repos,omitempty"`
	// Completeness is 0..1: the share of name, bio, blog or social,
	// location, company or hireable, and public email that is filled in.
	Completeness float64 `json:"completeness"`
	// ActiveMonths12 counts the months of the last 12 with a commit by the
	// subject in any included repository.
	ActiveMonths12 int `json:"active_months_12"`
	// NewStackByYear lists languages/frameworks by the year they first
	// appeared in the subject's repositories (keep-learning evidence).
	NewStackByYear map[string][]string `json:"new_stack_by_year,omitempty"`
}

// Repo is every fact about one repository.
type Repo struct {
	Name           string    `json:"name"`
	FullName       string    `json:"full_name"`
	Included       bool      `json:"included"`
	ExcludedReason string    `json:"excluded_reason,omitempty"`
	Fork           bool      `json:"fork"`
	Archived       bool      `json:"archived"`
	Empty          bool      `json:"empty"`
	Description    string    `json:"description,omitempty"`
	Homepage       string    `json:"homepage,omitempty"`
	Topics         []string  `json:"topics,omitempty"`
	Stars          int       `json:"stars"`
	PushedAt       time.Time `json:"pushed_at,omitzero"`
	CreatedAt      time.Time `json:"created_at,omitzero"`
	// Unavailable says why the repository's data could not be read (rate
	// limit, server errors): every rule about it is then unknown.
	Unavailable string `json:"unavailable,omitempty"`
	// MetadataKnown is false when the source has no host metadata
	// (description, topics, homepage): a local checkout.
	MetadataKnown bool `json:"metadata_known"`
	// DaysSincePush is measured from the audit's as-of time.
	DaysSincePush int `json:"days_since_push"`
	// TreeKnown is false when the tree was truncated or unavailable: absence
	// of a file is then unknown, not proven.
	TreeKnown bool `json:"tree_known"`
	FileCount int  `json:"file_count"`

	Languages       map[string]int64 `json:"languages"`
	PrimaryLanguage string           `json:"primary_language,omitempty"`
	// BackendLanguages are the languages of Languages that are used for
	// backend work (Go, Java, Python, ...) and make up at least 5% of the
	// code or 50 kB, largest first.
	BackendLanguages []string `json:"backend_languages,omitempty"`
	CodeBytes        int64    `json:"code_bytes"`
	SourceFiles      int      `json:"source_files"`
	// Service is true for a repository that serves requests: a web
	// framework or route definitions. A CLI or a library is not one.
	Service bool `json:"service"`

	Tests    Tests    `json:"tests"`
	CI       CI       `json:"ci"`
	Deploy   Deploy   `json:"deploy"`
	Readme   Readme   `json:"readme"`
	License  string   `json:"license,omitempty"` // SPDX id, "" when none
	Stack    Stack    `json:"stack"`
	API      API      `json:"api"`
	Security Security `json:"security"`
	Hygiene  Hygiene  `json:"hygiene"`
	History  History  `json:"history"`

	Warnings []string `json:"warnings,omitempty"`
}

// Tests are facts about automated tests.
type Tests struct {
	Known bool `json:"known"`
	// Present is true when at least one test file has a live test.
	Present bool `json:"present"`
	// PlaceholderOnly is true when test files exist but none has a live test
	// (generated stubs, commented-out tests).
	PlaceholderOnly  bool     `json:"placeholder_only"`
	Files            int      `json:"files"`             // test files with live tests (sampled files judged, the rest counted by path)
	PlaceholderFiles int      `json:"placeholder_files"` // sampled files judged placeholders
	Cases            int      `json:"cases"`             // test cases counted in sampled files
	Frameworks       []string `json:"frameworks"`
	// Ratio is test files per source file (0 when no source).
	Ratio    float64    `json:"ratio"`
	Coverage bool       `json:"coverage"` // coverage configuration or reporting found
	Evidence []Evidence `json:"evidence,omitempty"`
}

// CI are facts about continuous integration.
type CI struct {
	Present   bool     `json:"present"`
	Providers []string `json:"providers"`
	Files     []string `json:"files,omitempty"`
	// RunsTests is nil when it cannot be told (a script hides the commands).
	RunsTests    *bool      `json:"runs_tests"`
	TestCommands []Evidence `json:"test_commands,omitempty"`
	Evidence     []Evidence `json:"evidence,omitempty"`
}

// Deploy are facts about packaging and deployment.
type Deploy struct {
	Container bool       `json:"container"` // Dockerfile or equivalent image build
	Compose   bool       `json:"compose"`
	Kinds     []string   `json:"kinds"` // docker, compose, procfile, fly, render, vercel, netlify, heroku, kubernetes, helm, terraform, serverless
	Evidence  []Evidence `json:"evidence,omitempty"`
}

// Readme are facts about the README.
type Readme struct {
	Present       bool        `json:"present"`
	Path          string      `json:"path,omitempty"`
	Format        string      `json:"format,omitempty"` // markdown, rst, text
	Score         int         `json:"score"`            // 0..100, see ScoreParts
	Words         int         `json:"words"`
	Headings      int         `json:"headings"`
	Sections      []string    `json:"sections"` // description, installation, usage, configuration, api, tests, tech-stack, screenshots, license, contributing
	CodeBlocks    int         `json:"code_blocks"`
	SetupCommands bool        `json:"setup_commands"`
	Images        int         `json:"images"`
	Badges        int         `json:"badges"`
	BrokenLinks   []string    `json:"broken_links,omitempty"` // relative links to files missing from the tree
	OtherDocs     []string    `json:"other_docs,omitempty"`   // docs/, CONTRIBUTING.md, ... (said, not scored)
	ScoreParts    []ScorePart `json:"score_parts,omitempty"`
}

// ScorePart explains one term of a documented score.
type ScorePart struct {
	Name   string `json:"name"`
	Points int    `json:"points"`
	Max    int    `json:"max"`
}

// Stack are facts from manifests and configuration.
type Stack struct {
	Manifests    []string   `json:"manifests"`
	Lockfiles    []string   `json:"lockfiles"`
	Frameworks   []string   `json:"frameworks"` // spring-boot, express, django, ...
	Databases    []string   `json:"databases"`  // postgresql, mysql, sqlite, mongodb, redis, ...
	ORMs         []string   `json:"orms,omitempty"`
	Migrations   bool       `json:"migrations"`
	Schema       bool       `json:"schema"` // schema.sql, schema.prisma, ...
	HTTPClients  []string   `json:"http_clients,omitempty"`
	Dependencies int        `json:"dependencies"` // direct dependencies across manifests
	Evidence     []Evidence `json:"evidence,omitempty"`
}

// API are facts about the APIs a repository serves or consumes.
type API struct {
	Routes        int        `json:"routes"` // route definitions found
	OpenAPI       []string   `json:"openapi,omitempty"`
	GraphQL       []string   `json:"graphql,omitempty"`
	Postman       []string   `json:"postman,omitempty"`
	Docs          bool       `json:"docs"` // OpenAPI, GraphQL schema, Postman or README API section
	ReadmeSection bool       `json:"readme_section"`
	Consumes      bool       `json:"consumes"` // uses an HTTP client to call other APIs
	Evidence      []Evidence `json:"evidence,omitempty"`
}

// Security are facts about authentication and security habits.
type Security struct {
	Auth              []string   `json:"auth"`  // jwt, bcrypt, argon2, sessions, passport, devise, spring-security, oauth
	Flags             []string   `json:"flags"` // aws-key, committed-env, github-token, google-api-key, hardcoded-secret, private-key, slack-token, stripe-key
	EnvExample        bool       `json:"env_example"`
	DependencyUpdates []string   `json:"dependency_updates"` // dependabot, renovate
	Policy            bool       `json:"policy"`             // SECURITY.md
	Lockfile          bool       `json:"lockfile"`
	Findings          []Evidence `json:"findings,omitempty"` // problems, by path and kind
	Evidence          []Evidence `json:"evidence,omitempty"`
}

// Hygiene are facts about what should not be in the repository.
type Hygiene struct {
	// Known is false when the tree was truncated: absence is then unproven.
	Known       bool       `json:"known"`
	Gitignore   bool       `json:"gitignore"`
	Binaries    []string   `json:"binaries,omitempty"`     // .exe, .class, .pyc, .jar, ...
	BuildOutput []string   `json:"build_output,omitempty"` // dist/, build/, target/, bin/
	IDEFolders  []string   `json:"ide_folders,omitempty"`  // .idea/, .vscode/ (settings), *.iml
	Vendored    []string   `json:"vendored,omitempty"`     // node_modules/, venv/, ...
	LargeFiles  []string   `json:"large_files,omitempty"`
	Clean       bool       `json:"clean"` // none of the above
	Evidence    []Evidence `json:"evidence,omitempty"`
}

// History are facts about the commit history of the default branch.
type History struct {
	Known       bool      `json:"known"`
	Shallow     bool      `json:"shallow"`
	Total       int       `json:"total"`
	Sampled     int       `json:"sampled"` // commits actually read
	Own         int       `json:"own"`     // by the subject, within Sampled
	Others      int       `json:"others"`  // other people (bots count as neither)
	First       time.Time `json:"first,omitzero"`
	Last        time.Time `json:"last,omitzero"`
	ActiveWeeks int       `json:"active_weeks"`
	SpanDays    int       `json:"span_days"`
	// MessageQuality is 0..1, documented in detect/history.
	MessageQuality  float64 `json:"message_quality"`
	GenericMessages int     `json:"generic_messages"`
	Conventional    int     `json:"conventional"`
	// OneShot is true for "Add files via upload" dumps or most of the history
	// on a single day.
	OneShot  bool       `json:"one_shot"`
	Merges   int        `json:"merges"`
	Evidence []Evidence `json:"evidence,omitempty"`
}
