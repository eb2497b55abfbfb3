// Package sample builds realistic readiness reports for the PDF's tests and
// its preview. The strong, middling and beginner reports are assessments of
// realistic portfolios (Spring Boot, Flask, Express, Django, ...) as the
// assessment wrote them; the others are derived from them to reach the
// corners: 30 repositories, every script, a local audit, a partial report.
package sample

import (
	"embed"
	"encoding/json"
	"fmt"
	"time"

	"github.com/pathway-dev/pathway/internal/cohort"
	"github.com/pathway-dev/pathway/internal/report"
)

//go:embed data/*.json
var data embed.FS

// GeneratedAt is the fixed generation time of every sample.
var GeneratedAt = time.Date(2026, 11, 23, 10, 0, 0, 0, time.UTC)

// Names of the samples, for the preview's -sample flag.
var Names = []string{"strong", "middling", "beginner", "big", "scripts", "local"}

// Get returns the named sample.
func Get(name string) (*report.Report, error) {
	switch name {
	case "strong":
		r := load("strong")
		r.Subject = subject("ana-lima", "Ana Lima", "Backend developer: Java, Spring Boot, PostgreSQL. São Paulo.")
		return r, nil
	case "middling":
		r := load("middling")
		r.Subject = subject("sam-codes", "Sam Okafor", "Learning Python and Flask")
		return r, nil
	case "beginner":
		r := load("beginner")
		r.Subject = subject("jdoe2026", "", "")
		return r, nil
	case "big":
		return Big(), nil
	case "scripts":
		return Scripts(), nil
	case "local":
		return Local(), nil
	}
	return nil, fmt.Errorf("no sample %q (have %v)", name, Names)
}

func load(name string) *report.Report {
	b, err := data.ReadFile("data/" + name + ".json")
	if err != nil {
		panic(err) // embedded: cannot happen
	}
	var r report.Report
	if err := json.Unmarshal(b, &r); err != nil {
		panic(fmt.Sprintf("sample %s: %v", name, err))
	}
	r.GeneratedAt = GeneratedAt
	r.Tool = report.Tool{Name: "pathway", Version: "0.1.0"}
	return &r
}

func subject(login, name, bio string) report.Subject {
	yes := true
	return report.Subject{Kind: "github-user", Type: "User", Login: login, Name: name, Bio: bio,
		Location: "Lisbon", Hireable: &yes, Followers: 14, PublicRepos: 9, HTMLURL: "https://github.com/" + login}
}

var stacks = []struct{ lang, framework, db, test, ci, desc string }{
	{"Java", "spring-boot", "postgresql", "junit", "github-actions", "REST API for an online shop: orders, payments, JWT auth"},
	{"Python", "django", "postgresql", "pytest", "github-actions", "Blog engine with comments, tags and a REST API (Django REST framework)"},
	{"Python", "fastapi", "sqlite", "pytest", "gitlab-ci", "URL shortener with FastAPI, async SQLAlchemy and rate limiting"},
	{"JavaScript", "express", "mongodb", "jest", "circleci", "Task manager API with Express and Mongoose"},
	{"TypeScript", "nestjs", "postgresql", "jest", "github-actions", "Event booking backend in NestJS with TypeORM migrations"},
	{"Go", "gin", "redis", "go-test", "github-actions", "Rate-limited URL shortener in Gin with a Redis cache"},
	{"Ruby", "rails", "postgresql", "rspec", "travis", "Recipe sharing site in Rails 7 with Hotwire"},
	{"PHP", "laravel", "mysql", "phpunit", "github-actions", "Invoice manager built on Laravel and MySQL"},
	{"Python", "flask", "sqlite", "pytest", "", "Flask microblog from the mega-tutorial, extended with an API"},
	{"C#", "aspnet", "sqlserver", "xunit", "azure-pipelines", "Inventory service in ASP.NET Core minimal APIs"},
}

// Big is a portfolio of 30 assessed repositories (and 3 left out) with a
// finding per repository for many rules, long names, warnings, a partial
// fetch and a comparison with an earlier report.
func Big() *report.Report {
	r := load("strong")
	r.Subject = subject("maximilian-oberhollenzer-dev", "Maximilian Alexander Oberhollenzer-Wittgenstein", "Backend engineer in training. Java, Go, Python.")
	r.Partial = true
	pushed := time.Date(2026, 10, 1, 12, 0, 0, 0, time.UTC)
	var repos []report.Repo
	for i := range 30 {
		st := stacks[i%len(stacks)]
		name := fmt.Sprintf("%s-%s-service-%02d", st.framework, st.db, i+1)
		if i == 7 {
			name = "an-extremely-long-repository-name-that-someone-really-typed-into-github-for-a-spring-boot-microservice-demo"
		}
		lic := "MIT"
		p := pushed.AddDate(0, 0, -9*i)
		runs := i%4 != 0
		rp := report.Repo{
			Name: name, FullName: r.Subject.Login + "/" + name, HTMLURL: "https://github.com/" + r.Subject.Login + "/" + name,
			Included: true, Description: st.desc, Topics: []string{st.framework, st.db}, Stars: i % 7, PushedAt: &p,
			PrimaryLanguage: st.lang,
			Languages:       map[string]int64{st.lang: int64(20000 + 3700*i), "HTML": int64(1500 * (i % 3)), "Dockerfile": 600, "Shell": int64(300 * (i % 5))},
			Signals: report.Signals{
				Tests:      report.TestSignal{Present: i%3 != 2, PlaceholderOnly: i%3 == 2, Files: 4 + i, Frameworks: []string{st.test}},
				CI:         report.CISignal{Present: st.ci != "", Providers: nonEmpty(st.ci), RunsTests: &runs},
				Readme:     report.ReadmeSignal{Present: i%5 != 4, Score: (37 * i) % 101, Words: 120 + 40*i},
				Frameworks: []string{st.framework}, Databases: []string{st.db}, Container: i%2 == 0,
			},
		}
		if i%6 != 5 {
			rp.Signals.License = &lic
		}
		if i == 11 {
			rp.Description = "A very long description that goes on and on: it explains the architecture (hexagonal, with ports and adapters), the deployment (Docker Compose locally, Kubernetes with Helm in production), the observability stack (OpenTelemetry, Prometheus, Grafana), and then, for good measure, the history of the project since its first commit in a student dorm."
		}
		repos = append(repos, rp)
	}
	for _, ex := range []struct{ name, why string }{{"spring-petclinic", "fork"}, {"java-course-2019", "archived"}, {"untitled", "empty"}} {
		repos = append(repos, report.Repo{Name: ex.name, FullName: r.Subject.Login + "/" + ex.name,
			HTMLURL: "https://github.com/" + r.Subject.Login + "/" + ex.name, ExcludedReason: ex.why,
			Fork: ex.why == "fork", Archived: ex.why == "archived", Empty: ex.why == "empty"})
	}
	r.Repos = repos
	// A finding per repository for the repository rules, as the
	// assessment writes them for a large portfolio.
	for si := range r.Steps {
		s := &r.Steps[si]
		var rules []string
		seen := map[string]bool{}
		for _, f := range s.Findings {
			if f.Repo != "" && !seen[f.Rule] {
				seen[f.Rule] = true
				rules = append(rules, f.Rule)
			}
		}
		var fs []report.Finding
		for _, f := range s.Findings {
			if f.Repo == "" {
				fs = append(fs, f)
			}
		}
		for _, rule := range rules {
			for i, rp := range repos[:30] {
				f := report.Finding{Rule: rule, Title: rule, Repo: rp.Name, Outcome: report.Pass, Credit: 1, Message: fmt.Sprintf("%s holds for %s", rule, rp.Name)}
				if i%4 == 3 {
					f.Outcome, f.Credit, f.Message = report.Fail, 0, fmt.Sprintf("%s does not hold for %s", rule, rp.Name)
				}
				fs = append(fs, f)
			}
		}
		s.Findings = fs
		for i := range 14 {
			rp := repos[i]
			s.Evidence = append(s.Evidence, report.Evidence{Repo: rp.Name, Path: "src/main/java/dev/app/Controller.java", Line: 10 + i, Text: "evidence for " + s.Title})
		}
	}
	r.Compare = &report.Compare{Previous: time.Date(2026, 8, 30, 0, 0, 0, 0, time.UTC), Overall: 9,
		Steps: map[string]int{"testing": 22, "ci-cd": 15, "networking": -4, "languages": 0}}
	r.Warnings = []string{
		"repo " + repos[7].Name + ": tree truncated by GitHub; file-based rules used the first 100000 entries",
		"rate limit reached after 4,812 requests; 2 repositories were not read in full (partial report)",
	}
	r.Overall.Coverage = 0.94
	return r
}

func nonEmpty(s string) []string {
	if s == "" {
		return []string{}
	}
	return []string{s}
}

// Scripts is the middling report of a subject whose names and texts use
// Greek, Cyrillic, CJK, emoji and control characters.
func Scripts() *report.Report {
	r := load("middling")
	r.Subject = subject("sofia-dev", "Σοφία Παπαδοπούλου 🦊", "Разработчица бэкенда · 后端开发者")
	r.Repos = append(r.Repos,
		report.Repo{Name: "привет-api", FullName: "sofia-dev/привет-api", HTMLURL: "https://github.com/sofia-dev/привет-api",
			Included: true, Description: "REST API на Go для заметок — с тестами", PrimaryLanguage: "Go",
			Languages: map[string]int64{"Go": 18000}, Signals: report.Signals{Tests: report.TestSignal{Present: true, Files: 3}}},
		report.Repo{Name: "数据库工具", FullName: "sofia-dev/数据库工具", HTMLURL: "https://github.com/sofia-dev/数据库工具",
			Included: true, Description: "一个用于管理数据库迁移的小工具", PrimaryLanguage: "Python",
			Languages: map[string]int64{"Python": 9000}},
		report.Repo{Name: "🚀-launcher", FullName: "sofia-dev/🚀-launcher", HTMLURL: "https://github.com/sofia-dev/🚀-launcher",
			Included: true, Description: "Deploys 🐳 containers\twith one command 👩🏽‍💻\x07 \u202Eevil", PrimaryLanguage: "Shell",
			Languages: map[string]int64{"Shell": 4000}},
		report.Repo{Name: "ελληνικά-notes", FullName: "sofia-dev/ελληνικά-notes", ExcludedReason: "archived", Archived: true,
			Description: "Σημειώσεις για βάσεις δεδομένων"},
	)
	r.Highlights = append(r.Highlights, "Built привет-api, a Go REST API with 3 test files (sofia-dev/привет-api).")
	r.HighlightRefs = append(r.HighlightRefs, report.Highlight{Text: r.Highlights[len(r.Highlights)-1], Repo: "привет-api"})
	r.Actions = append([]report.Action{{Priority: 1, Step: "testing", Repo: "数据库工具", Text: "Add pytest tests to 数据库工具 for the migration runner", Impact: 3.2, Effort: "medium"}}, r.Actions...)
	for i := range r.Actions[1:] {
		r.Actions[i+1].Priority++
	}
	r.Warnings = append(r.Warnings, "repo 🚀-launcher: README.md is not valid UTF-8 \xff\xfe")
	return r
}

// Local is a beginner's checkout audited with --local: no host profile, so
// the profile rules are unknown.
func Local() *report.Report {
	r := load("beginner")
	r.Subject = report.Subject{Kind: "local", Login: "todo-app"}
	if r.Profile != nil {
		r.Profile.Known = false
	}
	for si := range r.Steps {
		s := &r.Steps[si]
		if s.ID != "networking" && s.ID != "job-ready" {
			continue
		}
		for fi := range s.Findings {
			f := &s.Findings[fi]
			if f.Repo == "" {
				f.Outcome, f.Credit, f.Message = report.Unknown, 0, "unknown: the profile is not read in local mode"
				r.Scoring.Unknown = append(r.Scoring.Unknown, *f)
			}
		}
		if s.ID == "networking" {
			s.Coverage, s.Score, s.Status = 0, 0, report.Missing
			s.Evidence = nil
		}
	}
	var keep []report.Repo
	for _, rp := range r.Repos {
		if rp.Name == "todo-app" {
			rp.HTMLURL = ""
			keep = append(keep, rp)
		}
	}
	r.Repos = keep
	r.Overall.Coverage = 0.82
	return r
}

// cohortNames are the candidates of the sample cohort: login, name, role.
var cohortNames = [][3]string{
	{"ana-lima", "Ana Lima", "backend-java"}, {"sam-codes", "Sam Okafor", "backend-python"}, {"jdoe2026", "", "backend"},
	{"mara-dev", "Mara Nowak", "backend-go"}, {"k-tanaka", "Kenji Tanaka", "backend-node"}, {"leila-h", "Leila Haddad", "backend-python"},
	{"pvolkov", "Павел Волков", "backend-java"}, {"chloe-martin", "Chloé Martin", "backend-php"}, {"dimitris-k", "Δημήτρης Κωνσταντίνου", "backend"},
	{"amara-obi", "Amara Obi", "backend-node"}, {"luis-fern", "Luis Fernández García", "backend-java"}, {"wei-zhang", "Wei Zhang", "backend-go"},
	{"sofia-r", "Sofia Rossi", "backend-python"}, {"tom-h", "Tom Hughes", "backend-ruby"}, {"priya-s", "Priya Subramanian", "backend-python"},
	{"noah-b", "", "backend"}, {"fatima-z", "Fatima Zahra El Amrani", "backend-php"}, {"jonas-weber", "Jonas Weber", "backend-java"},
	{"aisha-k", "Aisha Kamara", "backend-node"}, {"mateo-silva", "Mateo Silva", "backend-go"}, {"olga-p", "Olga Petrenko", "backend-python"},
	{"ben-carter", "Benjamin Carter-Whitfield", "backend-ruby"}, {"yuki-ito", "Yuki Ito", "backend-node"}, {"emre-y", "Emre Yılmaz", "backend-java"},
	{"nina-sch", "Nina Schmidt", "backend-python"}, {"raj-patel", "Raj Patel", "backend-go"}, {"lucia-m", "Lucía Morales", "backend-php"},
	{"ivan-h", "Ivan Horvat", "backend-java"}, {"grace-n", "Grace Njeri", "backend-node"}, {"oscar-l", "Oscar Lindqvist", "backend"},
}

// CohortAsOf and CohortPrevious are the sample cohort's dates.
var (
	CohortAsOf     = time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC)
	CohortPrevious = time.Date(2026, 9, 1, 0, 0, 0, 0, time.UTC)
)

// Cohort is a coach's cohort of n candidates (up to 30 audited, n > 30
// repeats names with a suffix) plus two that could not be audited, built
// the way the command builds it: a report per candidate, a row per report,
// then the summary. Every third candidate has an earlier run to compare
// with.
func Cohort(n int) cohort.Summary {
	bases := []*report.Report{load("strong"), load("middling"), load("beginner")}
	var rows []cohort.Row
	var reps []*report.Report
	for i := range n {
		who := cohortNames[i%len(cohortNames)]
		login := who[0]
		if i >= len(cohortNames) {
			login = fmt.Sprintf("%s-%d", login, i/len(cohortNames)+1)
		}
		r := vary(bases[(i*7+i/3)%3], i)
		r.Subject = subject(login, who[1], "")
		r.Role = who[2]
		if i%3 == 0 {
			cohortCompare(r, earlier(r, i))
		}
		reps = append(reps, r)
		rows = append(rows, cohort.FromReport(r, login+"-readiness.pdf"))
	}
	rows = append(rows,
		cohort.Row{Login: "ghost-user", Name: "Casey Ghost", Role: "backend",
			Error: `not found: GitHub user "ghost-user" not found on api.github.com`},
		cohort.Row{Login: "rate-limited-rita", Role: "backend-node",
			Error: "GitHub API rate limit exceeded after 3 retries (resets at 11:42 UTC); run again later or set GITHUB_TOKEN"})
	return cohort.Summarise(rows, reps, GeneratedAt, CohortAsOf, "Jane Mwangi, CodeBridge Careers")
}

// cohortCompare is cohort.Compare with the sample's fixed earlier date.
func cohortCompare(r, prev *report.Report) {
	prev.AsOf = CohortPrevious
	cohort.Compare(r, prev)
}

// earlier is r as an earlier run saw it: most steps a little lower, a few
// a little higher.
func earlier(r *report.Report, seed int) *report.Report {
	b, _ := json.Marshal(r)
	var p report.Report
	_ = json.Unmarshal(b, &p)
	for j := range p.Steps {
		s := &p.Steps[j]
		gain := (seed*13+j*7)%31 - 8
		if seed%4 == 3 {
			gain = -gain / 2
		}
		s.Score = max(0, min(100, s.Score-gain))
	}
	rescore(&p)
	return &p
}

// vary is a copy of base with step scores moved by a fixed pattern of
// seed, and the statuses, overall score, level and next step that follow.
func vary(base *report.Report, seed int) *report.Report {
	b, _ := json.Marshal(base)
	var r report.Report
	_ = json.Unmarshal(b, &r)
	for j := range r.Steps {
		s := &r.Steps[j]
		s.Score = max(0, min(100, s.Score+(seed*37+j*53)%41-20))
	}
	rescore(&r)
	if len(r.Actions) > 1 && seed%2 == 1 {
		r.Actions[0], r.Actions[1] = r.Actions[1], r.Actions[0]
	}
	return &r
}

// rescore sets the statuses, overall score, level and next step that the
// step scores imply.
func rescore(r *report.Report) {
	sum, weights := 0.0, 0.0
	r.Position = report.Position{Done: []string{}}
	for j := range r.Steps {
		s := &r.Steps[j]
		switch {
		case s.Score >= 75:
			s.Status = report.Strong
			r.Position.Done = append(r.Position.Done, s.ID)
		case s.Score >= 40:
			s.Status = report.Developing
		default:
			s.Status = report.Missing
		}
		if s.Status != report.Strong && r.Position.Next == "" {
			r.Position.Next = s.ID
		}
		sum += float64(s.Score) * s.Weight
		weights += s.Weight
	}
	r.Overall.Score = int(sum/weights + 0.5)
	switch {
	case r.Overall.Score >= 75:
		r.Overall.Level = report.Ready
	case r.Overall.Score >= 50:
		r.Overall.Level = report.NearlyThere
	default:
		r.Overall.Level = report.KeepBuilding
	}
}
